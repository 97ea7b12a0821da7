"""Claims -> events: which claims speak about the same happening.

Claims are bucketed by structured keys first (never compared pairwise across the corpus):

1. background: a claim about an earlier event (its scope says so, or its date lies more than
   `background_min_days` before its article's reference date) goes to a bucket per year (year or
   month precision, or a year in its label), per day (day precision), or per label; label
   buckets join a year bucket whose labels they resemble (rapidfuzz);
2. the reported period: day-dated claims go to day buckets, and consecutive buckets chain into
   one event (gap <= `episode_gap_days`, span <= `max_event_span_days`); a cumulative count
   dates from the start of its window ("since fighting erupted on Tuesday");
3. claims with no usable date join an event of their own article: the one whose sentences they
   resemble most (rapidfuzz token_set_ratio), else the one carrying most of the article's claims,
   else the event around the article's reference date, else one undated event.

It does not split two different incidents reported for the same days between the same
parties; they are one event.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from clashrecon.corpus.stories import stories
from clashrecon.lexicon import load_data
from clashrecon.models import (
    Article,
    Claim,
    Field,
    Precision,
    ScopeKind,
    TimeBasis,
    TimeRef,
)

_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
DAY_PRECISIONS = (Precision.day, Precision.part_of_day, Precision.hour)
_BASIS_RANK = {TimeBasis.explicit: 3, TimeBasis.resolved: 2, TimeBasis.inferred: 1, TimeBasis.unknown: 0}


def settings() -> dict:
    return load_data("reconcile.json")["clustering"]


@lru_cache(maxsize=4096)
def parse_iso(text: str | None) -> date | None:
    """The calendar day an ISO date, datetime, month or year starts on."""
    if not text:
        return None
    m = _ISO.match(text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def anchor_day(when: TimeRef) -> date | None:
    """The calendar day a time belongs to; a night window that runs past midnight belongs to the morning.

    News dates "overnight" and "late Monday and early Tuesday" by the day the night ends in.
    """
    start = parse_iso(when.start)
    end = parse_iso(when.end)
    if start is None or end is None or (end - start).days != 1:
        return start
    starts_evening = len(when.start or "") >= 13 and (when.start or "")[11:13] >= "18"
    ends_after_midnight = len(when.end or "") >= 16 and (when.end or "")[11:16] > "00:00"
    return end if starts_evening and ends_after_midnight else start


def window(claim: Claim) -> TimeRef | None:
    """The time a claim is about: a running toll's last day, else its event time.

    A cumulative count ("430 dead since the war began", "105 killed since Tuesday") is the
    toll as of the end of its window, so it belongs with the fighting of that day, where it
    is compared with that day's other tolls; its window's start only says when the count began.
    """
    if claim.field is Field.casualties:
        t = claim.event_time
        scope = claim.scope
        cumulative = (scope is not None and scope.kind is ScopeKind.cumulative) or (t is not None and t.since)
        start, end = (parse_iso(t.start), parse_iso(t.end)) if t is not None else (None, None)
        if cumulative and end is not None and start is not None and end > start:
            return t.model_copy(update={"start": t.end, "precision": Precision.day})
        if cumulative and start is None and scope is not None and scope.since is not None and scope.since.start:
            return scope.since
    return claim.event_time


@dataclass
class Cluster:
    key: tuple
    background: bool
    claims: list[Claim] = field(default_factory=list)
    label: str = ""

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)


def _background_label(claim: Claim) -> str:
    if claim.scope is not None and claim.scope.event:
        return claim.scope.event.strip()
    return ""


def _background_key(claim: Claim, when: TimeRef | None) -> tuple:
    label = _background_label(claim)
    if when is not None and when.start:
        start = parse_iso(when.start)
        if start is not None:
            if when.precision in DAY_PRECISIONS:
                return ("bg-day", start.isoformat())
            return ("bg-year", start.year)
    m = _YEAR.search(label) or (_YEAR.search(when.text) if when is not None and when.text else None)
    if m:
        return ("bg-year", int(m.group(1)))
    return ("bg-label", label.lower())


def _is_background(claim: Claim, when: TimeRef | None, reference: date | None) -> bool:
    if claim.scope is not None and claim.scope.kind is ScopeKind.background:
        return True
    if when is None or reference is None:
        return False
    end = parse_iso(when.end) or parse_iso(when.start)
    if end is None:
        return False
    if when.precision is Precision.year and when.end is None:
        end = date(end.year, 12, 31)
    return (reference - end).days > settings()["background_min_days"]


def _chain_days(days: list[int]) -> list[list[int]]:
    """Consecutive day numbers grouped into episodes."""
    cfg = settings()
    episodes: list[list[int]] = []
    for d in sorted(set(days)):
        if episodes and d - episodes[-1][-1] <= cfg["episode_gap_days"] and d - episodes[-1][0] < cfg["max_event_span_days"]:
            episodes[-1].append(d)
        else:
            episodes.append([d])
    return episodes


def cluster_claims(articles: list[Article], claims: list[Claim]) -> list[Cluster]:
    """Every claim placed in exactly one cluster; clusters in no particular order."""
    cfg = settings()
    reference = {a.id: parse_iso(a.published.date) for a in articles}
    story = stories(claims)
    clusters: dict[tuple, Cluster] = {}
    dated_days: dict[str, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))  # story -> day -> claims
    relative_days: dict[str, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    loose: list[Claim] = []

    for c in claims:
        when = window(c)
        if _is_background(c, when, reference.get(c.article_id)):
            key = _background_key(c, when)
            clusters.setdefault(key, Cluster(key=key, background=True)).add(c)
            continue
        start = anchor_day(when) if when is not None else None
        if start is not None and when.precision in DAY_PRECISIONS:
            dated_days[story[c.article_id]][start.toordinal()].append(c)
        elif when is not None and when.relative_day_index is not None and when.start is None:
            relative_days[story[c.article_id]][when.relative_day_index].append(c)
        else:
            loose.append(c)

    _merge_label_buckets(clusters, cfg["label_similarity"])

    day_to_cluster: dict[tuple[str, int], Cluster] = {}
    for s, days in dated_days.items():
        for episode in _chain_days(list(days)):
            key = ("day", date.fromordinal(episode[0]).isoformat(), s)
            cl = clusters.setdefault(key, Cluster(key=key, background=False))
            for d in episode:
                cl.claims.extend(days[d])
                day_to_cluster[(s, d)] = cl
    for s, days in relative_days.items():
        for episode in _chain_days(list(days)):
            key = ("rel", episode[0], s)
            cl = clusters.setdefault(key, Cluster(key=key, background=False))
            for d in episode:
                cl.claims.extend(days[d])

    _attach_loose(loose, clusters, day_to_cluster, reference, story, cfg["attach_similarity"])
    for cl in clusters.values():
        if cl.background:
            labels = Counter(_background_label(c) for c in cl.claims if _background_label(c))
            cl.label = labels.most_common(1)[0][0] if labels else ""
    return [cl for cl in clusters.values() if cl.claims]


def _merge_label_buckets(clusters: dict[tuple, Cluster], threshold: float) -> None:
    """A background bucket known only by its label joins the year bucket whose labels it resembles."""
    years = [cl for k, cl in clusters.items() if k[0] == "bg-year"]
    for key in [k for k in clusters if k[0] == "bg-label" and k[1]]:
        best, score = None, 0.0
        for cl in years:
            labels = {_background_label(c).lower() for c in cl.claims} - {""}
            s = max((fuzz.token_set_ratio(key[1], lab) for lab in labels), default=0.0)
            if s > score:
                best, score = cl, s
        if best is not None and score >= threshold:
            best.claims.extend(clusters.pop(key).claims)


def _attach_loose(
    loose: list[Claim],
    clusters: dict[tuple, Cluster],
    day_to_cluster: dict[tuple[str, int], Cluster],
    reference: dict[str, date | None],
    story: dict[str, str],
    threshold: float,
) -> None:
    by_article: dict[str, dict[int, Cluster]] = defaultdict(dict)
    own: dict[tuple[str, int], list[Claim]] = defaultdict(list)  # an article's claims in a cluster
    main: dict[str, Cluster] = {}
    for cl in clusters.values():
        if cl.background:
            continue
        for c in cl.claims:
            by_article[c.article_id][id(cl)] = cl
            own[(c.article_id, id(cl))].append(c)
        s = story.get(cl.claims[0].article_id) if cl.claims else None
        if s is not None and (s not in main or len(cl.claims) > len(main[s].claims)):
            main[s] = cl
    for c in loose:
        candidates = list(by_article.get(c.article_id, {}).values())
        target: Cluster | None = None
        if len(candidates) == 1:
            target = candidates[0]
        elif candidates:
            scored = [
                (max(fuzz.token_set_ratio(c.quote, o.quote) for o in own[(c.article_id, id(cl))]), cl) for cl in candidates
            ]
            score, cl = max(scored, key=lambda sc: sc[0])
            target = cl if score >= threshold else max(candidates, key=lambda cl: len(own[(c.article_id, id(cl))]))
        else:
            s = story.get(c.article_id, "")
            ref = reference.get(c.article_id)
            if ref is not None:
                target = day_to_cluster.get((s, ref.toordinal())) or day_to_cluster.get((s, ref.toordinal() - 1))
            if target is None:
                target = main.get(s)
        if target is None:
            key = ("undated", story.get(c.article_id, ""))
            target = clusters.setdefault(key, Cluster(key=key, background=False))
            main[story.get(c.article_id, "")] = target
        target.add(c)


def cluster_when(cl: Cluster, origin: dict[str, str] | None = None) -> TimeRef:
    """The event's time: its first and last day, precision, the earliest part of day named on day one.

    The first day is the earliest one that claims from `start_min_origins` independent origins
    put something on, so one outlet's stray "late Monday" does not move the start of a fight
    every other source dates to Tuesday.
    """
    if cl.key[0] == "bg-year":
        year = cl.key[1]
        return TimeRef(start=f"{year}-01-01", end=f"{year}-12-31", precision=Precision.year, basis=_basis(cl.claims), text=str(year))
    if cl.key[0] == "bg-day":
        return TimeRef(start=cl.key[1], end=cl.key[1], precision=Precision.day, basis=_basis(cl.claims))
    if cl.key[0] == "rel":
        return TimeRef(precision=Precision.relative, relative_day_index=cl.key[1], basis=TimeBasis.unknown, text=f"day {cl.key[1]}")
    days = sorted(
        (
            (start, c)
            for c in cl.claims
            if (w := window(c)) is not None and w.precision in DAY_PRECISIONS and (start := anchor_day(w)) is not None
        ),
        key=lambda dc: dc[0],
    )
    if not days:
        return TimeRef()
    origin = origin or {}
    per_day: dict[date, set[str]] = defaultdict(set)
    for d, c in days:
        per_day[d].add(origin.get(c.article_id, c.article_id))
    supported = [d for d in sorted(per_day) if len(per_day[d]) >= settings()["start_min_origins"]]
    first, last = (supported[0] if supported else days[0][0]), days[-1][0]
    on_first = [c for d, c in days if d == first]
    order = load_data("reconcile.json")["parts_of_day"]["order"]
    parts = [w.part_of_day for c in on_first if (w := window(c)) is not None and w.part_of_day in order]
    part = min(parts, key=order.index) if parts else None
    # the start as an ISO datetime when the claims give the hour of that part ("2022-09-13T00:00")
    times = sorted(
        w.start
        for c in on_first
        if (w := window(c)) is not None and w.part_of_day == part and w.start and w.start[:10] == first.isoformat() and len(w.start) > 10
    )
    return TimeRef(
        start=times[0] if part and times else first.isoformat(),
        end=last.isoformat(),
        precision=Precision.part_of_day if part else Precision.day,
        part_of_day=part,
        basis=_basis(on_first),
        text=f"{first.isoformat()}{' ' + part if part else ''}",
    )


def _basis(claims: list[Claim]) -> TimeBasis:
    bases = [w.basis for c in claims if (w := window(c)) is not None]
    return max(bases, key=lambda b: _BASIS_RANK[b], default=TimeBasis.unknown)
