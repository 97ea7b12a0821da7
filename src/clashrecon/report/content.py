"""The brief's content, read from the store: the stored reconciliation as the records a writer prints.

Nothing here judges anew: figures, relations, conflicts and final figures are the stored ones,
and the chart's data (series.py) reconciles each day's reports with reconciliation's own code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import Protocol

from clashrecon.corpus.view import ClaimsAsDerived, articles_as_derived
from clashrecon.errors import NothingToReport, UnknownId
from clashrecon.lexicon import load_data
from clashrecon.geo.places import happening_places
from clashrecon.models import (
    CONFLICT_RELATIONS,
    Article,
    CasualtyKind,
    Claim,
    Conflict,
    Event,
    Fact,
    Field,
    Precision,
    Reconciliation,
    Relation,
    TimeRef,
)
from clashrecon.reconcile.clustering import parse_iso
from clashrecon.report.records import (
    Badge,
    Brief,
    CardPosition,
    ConflictCard,
    EventBrief,
    Finding,
    FigureRow,
    MapPoint,
    Quoted,
    SideFigures,
    SourceRow,
)
from clashrecon.report.series import chart_of
from clashrecon.report.wording import listing, side
from clashrecon.store import Store


class Stages(Protocol):
    def stage(self, label: str) -> None:
        """A stage of the work begins, e.g. 'reading 1,204 claims'."""


class Located(Protocol):
    latitude: float
    longitude: float


Locate = Callable[[str], "Located | None"]


def settings() -> dict:
    return load_data("report.json")


def build_brief(
    store: Store, *, event: str | None = None, progress: Stages | None = None, locate: Locate | None = None
) -> Brief:
    """The brief of every event in the store, or of the one event `event` names.

    `locate` finds a place's coordinates (None: the locations ingest stored); `progress` is told each stage when the
    store is large (`progress_min_articles`).
    """
    with store.snapshot():
        large = store.counts()["articles"] >= settings()["progress_min_articles"]

        def stage(label: str) -> None:
            if progress is not None and large:
                progress.stage(label)

        stage("reading the reconciled picture")
        rec = store.load_reconciliation()
        if not rec.events:
            raise NothingToReport(
                f"store {store.path} holds no reconciled events, so there is nothing to report; "
                f"run `clashrecon ingest PATH --db {store.path}` first"
            )
        chosen = _chosen(rec, event)
        derived = store.derived()
        articles = {a.id: a for a in articles_as_derived(store.articles(with_text=False), derived)}
        per_article = store.claim_counts()
        wanted = {cid for e in chosen for cid in e.claim_ids}
        stage(f"reading the {len(wanted):,} claims behind {len(chosen):,} events")
        derive = ClaimsAsDerived(derived)
        claims = {c.id: derive(c) for c in store.iter_claims() if c.id in wanted}
        # where each event's places are, as geocoding at ingest stored them: never looked up here
        stored = {(e, p.name): p.location for p in store.places() for e in p.event_ids}
    stage("writing the brief")

    def where(e: Event) -> Locate:
        return locate if locate is not None else (lambda name: stored.get((e.id, name)))

    briefs = [_event_brief(e, rec.conflicts, claims, articles, where(e)) for e in chosen]
    shown_articles = {claims[cid].article_id for e in chosen for cid in e.claim_ids if cid in claims}
    sources = sorted(
        (a for a in articles.values() if event is None or a.id in shown_articles),
        key=lambda a: (a.published.date or "9999", a.name),
    )
    stories = {t.story for t in rec.tallies} if event is None else _stories_of(chosen, rec)
    episodes = [b for b in briefs if not b.background]
    earlier = [b for b in briefs if b.background]
    # past a few earlier events, only the most reported are shown in full, as `timeline` does
    in_full = {b.id for b in sorted(earlier, key=lambda b: (-b.articles, -b.origins))[: settings()["background_in_full"]]}
    return Brief(
        title=_title([e for e in chosen if not e.background] or chosen),
        events=tuple(episodes),
        background=tuple(b for b in earlier if b.id in in_full),
        folded=tuple(b for b in earlier if b.id not in in_full),
        figures=tuple(t for t in rec.tallies if t.story in stories),
        sources=tuple(_source(a, per_article.get(a.id, 0)) for a in sources),
        origins=len({a.origin or a.name for a in sources}),
        store=str(store.path),
    )


def _chosen(rec: Reconciliation, event: str | None) -> list[Event]:
    if event is None:
        return list(rec.events)
    found = [e for e in rec.events if e.id == event]
    if not found:
        listed = ", ".join(f"{e.id} ({e.summary[:40]})" for e in rec.events[:5])
        more = f" and {len(rec.events) - 5} more" if len(rec.events) > 5 else ""
        raise UnknownId(
            f"no event has ID {event!r}; events: {listed}{more}; `clashrecon timeline` shows every event's ID"
        )
    return found


def _stories_of(events: list[Event], rec: Reconciliation) -> set[str]:
    """The stories whose final figures hold claims of these events."""
    ids = {cid for e in events for cid in e.claim_ids}
    return {t.story for t in rec.tallies if ids.intersection(t.claim_ids)}


def _title(events: list[Event]) -> str:
    """'Armenia and Azerbaijan: 13–14 Sep 2022': the main parties and when; an earlier event's summary."""
    if all(e.background for e in events):
        return events[0].summary
    actors = list(dict.fromkeys(a for e in events for a in e.actors[:2]))[:3]  # each episode's two main parties
    who = listing(actors) if actors else "Reported events"
    first, last = when_words(events[0].when, part=False), when_words(events[-1].when, part=False)
    return f"{who}: {first}" if len(events) == 1 else f"{who}: {len(events)} events, {first} to {last}"


# ------------------------------------------------------------------------- when


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%b')}"


def when_words(w: TimeRef, *, part: bool = True) -> str:
    """An event's time in words at its precision: '13–14 Sep 2022', '30 Jan – 2 Feb 2022', 'Sep 2022',
    '1994', 'day 2', 'undated'; with `part`, '(from early 13 Sep)' when it began at a named part of a day."""
    start = parse_iso(w.start)
    if start is None:
        return f"day {w.relative_day_index}" if w.relative_day_index is not None else "undated"
    end = parse_iso(w.end) or start
    if w.precision is Precision.year:
        return str(start.year) if end.year == start.year else f"{start.year}–{end.year}"
    if w.precision is Precision.month:
        text = f"{start.strftime('%b')} {start.year}"
        return text if (end.year, end.month) == (start.year, start.month) else f"{text} – {end.strftime('%b')} {end.year}"
    if end == start:
        text = f"{_day(start)} {start.year}"
    elif (end.year, end.month) == (start.year, start.month):
        text = f"{start.day}–{_day(end)} {end.year}"
    elif end.year == start.year:
        text = f"{_day(start)} – {_day(end)} {end.year}"
    else:
        text = f"{_day(start)} {start.year} – {_day(end)} {end.year}"
    if part and w.part_of_day:
        text += f" (from {w.part_of_day} {_day(start)})" if end != start else f" ({w.part_of_day})"
    return text


# ------------------------------------------------------------------------- an event


def _event_brief(
    e: Event, conflicts: tuple[Conflict, ...], claims: dict[str, Claim], articles: dict[str, Article], locate: Locate | None
) -> EventBrief:
    mine = [c for c in conflicts if c.event_id == e.id]
    casualties = [f for f in e.facts if f.field is Field.casualties]
    return EventBrief(
        id=e.id,
        when=when_words(e.when),
        summary=e.summary,
        background=e.background,
        places=e.places,
        actors=e.actors,
        articles=e.articles,
        origins=e.independent_sources,
        sides=_sides(casualties, mine),
        findings=tuple(_finding(f, mine) for f in e.facts if f.field is not Field.casualties),
        chart=None if e.background else chart_of(casualties, claims, articles),
        cards=tuple(_card(c, claims, articles) for c in mine if c.is_conflict),
        context=e.context,
        # an earlier war's places are its context, not where this story's fighting was
        points=() if e.background else event_points(e, locate, [claims[c] for c in e.claim_ids if c in claims]),
    )


def event_points(e: Event, locate: Locate | None, claims: list[Claim] = ()) -> tuple[MapPoint, ...]:
    """Where something happened in the event (never the venue of its talks), each place once
    that `locate` gives a point for; none without a geocoder."""
    if locate is None:
        return ()
    names = [name for name, _ in happening_places(e, claims)] if claims else list(e.places)
    points = []
    for name in dict.fromkeys(names):
        where = locate(name)
        if where is not None and where.latitude is not None and where.longitude is not None:
            points.append(MapPoint(label=name, latitude=where.latitude, longitude=where.longitude))
    return tuple(points)


_BADGE_ORDER = {
    Relation.discrepancy: 0,
    Relation.disputed: 1,
    Relation.updated: 2,
    Relation.aggregate: 3,
    Relation.subtotal: 4,
    Relation.agreed: 5,
    Relation.single_source: 6,
}


def badges(f: Fact, conflicts: list[Conflict]) -> tuple[Badge, ...]:
    """A fact's relations: each finding about its subject, else its own status (agreed, single source)."""
    about = [c for c in conflicts if c.subject == f.subject and c.field is f.field]
    found: dict[tuple[Relation, str], Badge] = {}
    for c in about:
        text = c.kind.value
        if c.kind is Relation.aggregate:
            # a total that does not add up is also a discrepancy over the same positions
            adds_up = not any(o.kind is Relation.discrepancy and o.positions == c.positions for o in about)
            text = "aggregate ✓" if adds_up else "aggregate ✗"
        alarm = c.is_conflict or text == "aggregate ✗"
        found.setdefault((c.kind, text), Badge(relation=c.kind, text=text, explanation=c.explanation, alarm=alarm))
    if f.status in CONFLICT_RELATIONS and not any(r is f.status for r, _ in found):
        found[(f.status, f.status.value)] = Badge(relation=f.status, text=f.status.value, explanation=f.note, alarm=True)
    if not found:
        text = f.status.value.replace("_", " ")
        found[(f.status, text)] = Badge(relation=f.status, text=text, explanation=f.note)
    return tuple(sorted(found.values(), key=lambda b: (_BADGE_ORDER.get(b.relation, 9), b.text)))


def _sides(facts: list[Fact], conflicts: list[Conflict]) -> tuple[SideFigures, ...]:
    by_party: dict[str, list[Fact]] = defaultdict(list)
    for f in facts:
        by_party[side(f.party)].append(f)
    order = sorted(by_party, key=lambda p: (p == "no side named", p == "both sides", p))
    return tuple(
        SideFigures(party=p, rows=tuple(_row(f, conflicts) for f in sorted(by_party[p], key=_whole_first))) for p in order
    )


def _whole_first(f: Fact) -> tuple:
    kinds = list(CasualtyKind)
    return (f.place is not None or f.group is not None, kinds.index(f.kind) if f.kind in kinds else 99)


def _row(f: Fact, conflicts: list[Conflict]) -> FigureRow:
    return FigureRow(
        fact_id=f.id,
        kind=f.kind,
        scope=f"in {f.place}" if f.place is not None else (f.group or ""),
        value=f.brief or f.value,
        low=f.low,
        best=f.best,
        high=f.high,
        conservative=f.conservative,
        articles=f.articles,
        origins=f.independent_sources,
        claimants=f.claimants,
        note=f.note,
        badges=badges(f, conflicts),
    )


def _finding(f: Fact, conflicts: list[Conflict]) -> Finding:
    return Finding(
        fact_id=f.id,
        subject=f.subject,
        value=f.value,
        articles=f.articles,
        origins=f.independent_sources,
        badges=badges(f, conflicts),
    )


# ------------------------------------------------------------------------- conflict cards


def quoted(c: Claim, articles: dict[str, Article]) -> Quoted:
    """A claim's sentence split around its span, with its article's outlet, address and date."""
    text = c.quote
    s = (c.span_start - c.start) if c.span_start is not None else None
    e = (c.span_end - c.start) if c.span_end is not None else None
    if s is None or e is None or not 0 <= s < e <= len(text):
        s = e = len(text)
    a = articles.get(c.article_id)
    return Quoted(
        before=text[:s],
        marked=text[s:e],
        after=text[e:],
        article=c.article,
        outlet=(a.outlet or a.credit) if a is not None else None,
        url=a.url if a is not None else None,
        published=a.published.date if a is not None else None,
    )


def _card(c: Conflict, claims: dict[str, Claim], articles: dict[str, Article]) -> ConflictCard:
    cfg = settings()["cards"]
    positions = []
    for p in c.positions[: cfg["positions"]]:
        one_each: dict[str, Claim] = {}
        for cid in p.claim_ids:
            claim = claims.get(cid)
            if claim is not None:
                one_each.setdefault(claim.article_id, claim)
        quotes = [quoted(q, articles) for q in list(one_each.values())[: cfg["quotes_per_position"]]]
        positions.append(
            CardPosition(
                value=p.value, claimants=p.claimants, origins=p.origins, articles=len(p.articles), quotes=tuple(quotes)
            )
        )
    return ConflictCard(
        id=c.id,
        kind=c.kind,
        field=c.field,
        subject=c.subject,
        explanation=c.explanation,
        positions=tuple(positions),
        more_positions=max(0, len(c.positions) - cfg["positions"]),
    )


# ------------------------------------------------------------------------- sources


def _source(a: Article, claims: int) -> SourceRow:
    return SourceRow(
        article=a.name,
        title=a.title,
        outlet=a.outlet or a.credit,
        url=a.url,
        published=a.published.date,
        origin=a.origin or a.name,
        origin_reason=a.origin_reason,
        claims=claims,
    )


def counts(brief: Brief) -> dict[str, int]:
    """What a brief holds, for the line the command prints."""
    shown = (*brief.events, *brief.background)
    return {
        "events": len(shown) + len(brief.folded),
        "conflicts": sum(len(e.cards) for e in shown),
        "charts": sum(1 for e in shown if e.chart is not None),
        "sources": len(brief.sources),
    }
