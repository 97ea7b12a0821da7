"""Claims -> events: one event per episode of fighting, with context rows under it.

Claims are bucketed by structured keys first (never compared pairwise across the corpus):

1. background: a claim about an earlier event (its scope says so, or its date lies more than
   `background_min_days` before its article's reference date and outside every episode of its
   story) goes to a bucket per year (year or month precision, or a year in its label), per day
   (day precision), or per label; label buckets join a year bucket whose labels they resemble
   (rapidfuzz); earlier talks and truces become context of their article's episode instead;
2. episodes: within a story, the days a report puts fighting on chain across lulls of at most
   `lull_days` quiet days, and renewal wording after a quiet day starts a new episode (see
   `_episodes`); a cumulative count is the toll as of its window's end ("since Tuesday");
   claims on other days are the episode's context rows (`Cluster.context`);
3. claims with no usable date join an event of their own article: the one whose sentences they
   resemble most (rapidfuzz token_set_ratio), else the one carrying most of the article's claims,
   else the episode around the article's reference date, else one undated event.

It does not split two different incidents reported for the same days between the same
parties; they are one event.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from clashrecon.corpus.stories import own_dates, stories
from clashrecon.lexicon import load_data
from clashrecon.models import (
    Article,
    Claim,
    EventKind,
    Field,
    Precision,
    ScopeKind,
    TimeBasis,
    TimeKind,
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
    # claims reported about the episode on days outside its fighting (talks, a late toll): context rows
    context: set[str] = field(default_factory=set)

    def add(self, claim: Claim) -> None:
        self.claims.append(claim)

    @property
    def fighting(self) -> list[Claim]:
        """The claims of the episode's own days, not its context rows (all of them if that is all)."""
        return [c for c in self.claims if c.id not in self.context] or self.claims


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


def says_fighting_resumed(text: str) -> bool:
    """Whether a sentence says fighting started again ("the deadly clashes resumed at dawn")."""
    return bool(_renewal().search(text))


@lru_cache(maxsize=1)
def _renewal() -> re.Pattern:
    """Wording that says fighting started again ("fresh clashes", "fighting flared again")."""
    words = settings()["renewal"]
    nouns = "|".join(map(re.escape, words["nouns"]))
    before = "|".join(map(re.escape, words["before"]))
    after = "|".join(map(re.escape, words["after"]))
    gap = words["max_words_between"]
    return re.compile(
        rf"\b(?:{before})\s+(?:[\w'-]+\s+)?(?:{nouns})\b|\b(?:{nouns})\b(?:\s+[\w'-]+){{0,{gap}}}?\s+(?:{after})\b",
        re.IGNORECASE,
    )


def _happening(claim: Claim, when: TimeRef) -> bool:
    """A claim saying fighting took place on its day: an attack report, or a toll the text itself dates."""
    if claim.field is Field.actors:
        return claim.kind is EventKind.attack
    return (
        claim.field is Field.casualties
        and (claim.scope is None or claim.scope.kind is ScopeKind.event)
        and when.basis in (TimeBasis.explicit, TimeBasis.resolved)
    )


@dataclass
class _Day:
    """What a story's claims say about one day."""

    claims: list[Claim] = field(default_factory=list)
    origins: set[str] = field(default_factory=set)  # independent origins reporting fighting that day
    renewed: bool = False  # a report that fighting started again that day


def _episodes(days: dict[int, _Day]) -> list[tuple[int, int]]:
    """The story's episodes as (first, last) day numbers: days of fighting chained across lulls.

    A gap of more than `lull_days` days without fighting begins a new episode, and so does
    wording that fighting started again, at the first day of fighting after a quiet day
    ("fresh clashes" after a lull; "since hostilities reignited" on a fight's second day is
    one episode). A later stretch that one origin alone reports is a follow-up (a late toll, a
    recap, a visit to the shelled towns) rather than a new episode; the first stretch always is one.
    """
    cfg = settings()
    chains = [part for chain in _chain_days(n for n, day in days.items() if day.origins) for part in _split_at_renewal(chain, days)]

    def supported(chain: list[int]) -> bool:
        origins = set().union(*(days[d].origins for d in chain))
        return len(origins) >= cfg["episode_min_origins"]

    # the story's first stretch of fighting is an episode however few report it: a follow-up follows
    kept = chains[:1] + [c for c in chains[1:] if supported(c)]
    return [(c[0], c[-1]) for c in sorted(kept)]


def _split_at_renewal(chain: list[int], days: dict[int, _Day]) -> list[list[int]]:
    """A chain cut where fighting is said to start again after a quiet day."""
    cuts = set()
    for i, d in enumerate(chain):
        if days[d].renewed:
            run = i
            while run > 0 and chain[run - 1] == chain[run] - 1:
                run -= 1
            if run > 0:
                cuts.add(run)
    parts, start = [], 0
    for cut in sorted(cuts):
        parts.append(chain[start:cut])
        start = cut
    return [*parts, chain[start:]]


def _nearest(episodes: list[tuple[int, int]], d: int) -> int | None:
    """The episode a day outside every episode belongs to: the last one begun by then, else the first."""
    if not episodes:
        return None
    begun = [i for i, (first, _) in enumerate(episodes) if first <= d]
    return begun[-1] if begun else 0


def _chain_days(days: Iterable[int]) -> list[list[int]]:
    """Day numbers (calendar days, or "day 2" where no calendar anchors them) chained across lulls
    of at most `lull_days` quiet days."""
    return chain_days(days, settings()["lull_days"] + 1)


def chain_days(days: Iterable[int], apart: int) -> list[list[int]]:
    """Day numbers in sorted runs whose neighbours are at most `apart` days apart."""
    chains: list[list[int]] = []
    for d in sorted(set(days)):
        if chains and d - chains[-1][-1] <= apart:
            chains[-1].append(d)
        else:
            chains.append([d])
    return chains


def cluster_claims(articles: list[Article], claims: list[Claim], story: Mapping[str, str] | None = None) -> list[Cluster]:
    """Every claim placed in exactly one cluster; clusters in no particular order. `story`: each
    article's story, when the caller knows them (of a store's stories, some)."""
    cfg = settings()
    reference = {a.id: parse_iso(a.published.date) for a in articles}
    origin = {a.id: a.origin or a.name for a in articles}
    story = story if story is not None else stories(claims, own_dates(articles))
    clusters: dict[tuple, Cluster] = {}
    story_days: dict[str, dict[int, _Day]] = defaultdict(lambda: defaultdict(_Day))
    relative_days: dict[str, dict[int, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    old: list[tuple[Claim, TimeRef | None]] = []  # dated long before their article: background unless an episode holds them
    loose: list[Claim] = []

    for c in claims:
        when = window(c)
        if c.scope is not None and c.scope.kind is ScopeKind.background:
            key = _background_key(c, when)
            clusters.setdefault(key, Cluster(key=key, background=True)).add(c)
            continue
        start = anchor_day(when) if when is not None else None
        if start is not None and when.precision in DAY_PRECISIONS:
            day = story_days[story[c.article_id]][start.toordinal()]
            if _is_background(c, when, reference.get(c.article_id)):
                old.append((c, when))
                continue
            day.claims.append(c)
            if _happening(c, when):
                day.origins.add(origin.get(c.article_id, c.article_id))
            # one renewal sentence marks the day: the others of that day need not be searched
            day.renewed = day.renewed or bool(_renewal().search(c.quote))
        elif _is_background(c, when, reference.get(c.article_id)):
            key = _background_key(c, when)
            clusters.setdefault(key, Cluster(key=key, background=True)).add(c)
        elif when is not None and when.relative_day_index is not None and when.start is None:
            relative_days[story[c.article_id]][when.relative_day_index].append(c)
        else:
            loose.append(c)

    episode_of: dict[str, list[Cluster]] = {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for s, days in story_days.items():
        if not any(day.origins for day in days.values()):
            # no report says fighting happened on a day (only talks, blame, undated tolls): the days themselves
            for day in days.values():
                day.origins.update(origin.get(c.article_id, c.article_id) for c in day.claims)
        spans[s] = _episodes(days)
        episode_of[s] = [
            clusters.setdefault(key, Cluster(key=key, background=False))
            for key in (("day", date.fromordinal(first).isoformat(), s) for first, _ in spans[s])
        ]

    def holding(s: str, d: int) -> Cluster | None:
        return next((episode_of[s][i] for i, (first, last) in enumerate(spans.get(s, [])) if first <= d <= last), None)

    outside: list[tuple[Claim, str, int]] = []
    for s, days in story_days.items():
        for d, day in days.items():
            home = holding(s, d)
            if home is not None:
                home.claims.extend(day.claims)
            else:
                outside.extend((c, s, d) for c in day.claims)
    for c, when in old:
        s, d = story[c.article_id], anchor_day(when).toordinal()
        home = holding(s, d)
        if home is not None:  # a late report about an episode's own days: it updates that episode
            home.add(c)
        else:
            key = _background_key(c, when)
            clusters.setdefault(key, Cluster(key=key, background=True)).add(c)
    reported = _article_episodes([(span[0], cl) for s in spans for span, cl in zip(spans[s], episode_of[s])])

    def episode_around(s: str, d: int | None, article_id: str | None = None) -> Cluster | None:
        """The episode a claim outside every episode's days is about.

        Among the episodes its own article reports, the last one begun by that day, else the
        one the article says most about; an article in no episode takes the story's nearest.
        """
        mine = reported.get(article_id or "", [])
        if mine:
            begun = [cl for first, _, cl in mine if d is not None and first <= d]
            return begun[-1] if begun else max(mine, key=lambda t: t[1])[2]
        i = _nearest(spans.get(s, []), d) if d is not None else (0 if spans.get(s) else None)
        return episode_of[s][i] if i is not None else None

    for c, s, d in outside:
        home = episode_around(s, d, c.article_id)
        home.add(c)
        home.context.add(c.id)
    for s, days in relative_days.items():
        for chain in _chain_days(days):
            key = ("rel", chain[0], s)
            cl = clusters.setdefault(key, Cluster(key=key, background=False))
            for d in chain:
                cl.claims.extend(days[d])

    _merge_label_buckets(clusters, cfg["label_similarity"])
    _fold_quiet_background(clusters, episode_around, story)
    _attach_loose(loose, clusters, episode_around, reference, story, cfg["attach_similarity"])
    for cl in clusters.values():
        if cl.background:
            labels = Counter(_background_label(c) for c in cl.claims if _background_label(c))
            cl.label = labels.most_common(1)[0][0] if labels else ""
    return [cl for cl in clusters.values() if cl.claims]


# what talks and truces report: never fighting, so never an event of their own
_QUIET = (EventKind.diplomatic_contact, EventKind.ceasefire, TimeKind.meeting, TimeKind.call, TimeKind.ceasefire)


def _article_episodes(episodes: list[tuple[int, Cluster]]) -> dict[str, list[tuple[int, int, Cluster]]]:
    """Each article's episodes as (first day, claims there, episode), in day order."""
    count: Counter = Counter()
    by_id = {id(cl): (first, cl) for first, cl in episodes}
    for _, cl in episodes:
        count.update((c.article_id, id(cl)) for c in cl.claims)
    out: dict[str, list[tuple[int, int, Cluster]]] = defaultdict(list)
    for (article_id, key), n in count.items():
        first, cl = by_id[key]
        out[article_id].append((first, n, cl))
    return {a: sorted(v, key=lambda t: t[0]) for a, v in out.items()}


def _fold_quiet_background(
    clusters: dict[tuple, Cluster], episode_around: Callable[..., Cluster | None], story: dict[str, str]
) -> None:
    """Earlier talks, a truce or a call (with the places they name) are context of the episode their
    article reports, never an event of their own; an earlier war, attack or named event stays
    a background event."""
    for key in [k for k, cl in clusters.items() if cl.background]:
        cl = clusters[key]
        quiet = [c for c in cl.claims if c.kind in _QUIET]
        if not quiet or any(c.kind not in _QUIET and c.field is not Field.places for c in cl.claims):
            continue
        if any(_background_label(c) for c in cl.claims):
            continue
        homes = []
        for c in cl.claims:
            when = window(c)
            start = anchor_day(when) if when is not None else None
            homes.append(episode_around(story.get(c.article_id, ""), start.toordinal() if start else None, c.article_id))
        if None in homes:
            continue
        for c, home in zip(cl.claims, homes):
            home.add(c)
            home.context.add(c.id)
        del clusters[key]


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
    episode_around: Callable[[str, int], Cluster | None],
    reference: dict[str, date | None],
    story: dict[str, str],
    threshold: float,
) -> None:
    """Undated claims join an event of their own article, else the episode around its reporting day.

    A claim joining an episode only through its article's context rows is context too.
    """
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
                target = episode_around(s, ref.toordinal())
            if target is None:
                target = main.get(s)
        if target is None:
            key = ("undated", story.get(c.article_id, ""))
            target = clusters.setdefault(key, Cluster(key=key, background=False))
            main[story.get(c.article_id, "")] = target
        mine = own[(c.article_id, id(target))]
        if mine and all(o.id in target.context for o in mine):
            target.context.add(c.id)
        target.add(c)
        mine.append(c)


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
    fighting = cl.fighting
    days = sorted(
        (
            (start, c)
            for c in fighting
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
