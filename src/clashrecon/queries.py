"""What the read commands ask of the store. No spaCy, no rich: plain records out."""

from __future__ import annotations

import difflib
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field as dataclass_field
from datetime import date
from typing import Any

from clashrecon.corpus.view import ClaimsAsDerived
from clashrecon.errors import UnknownId, UsageError
from clashrecon.invisible import flagged
from clashrecon.jsontext import Shared
from clashrecon.models import BOTH, CONFLICT_RELATIONS, CasualtyKind, Claim, Conflict, Event, Fact, Field, Location, PlaceLocation, Tally
from clashrecon.store import Store

FIELDS = tuple(f.value for f in Field)
KINDS = tuple(k.value for k in CasualtyKind)


def unknown_choice(what: str, value: str, choices: tuple[str, ...]) -> UsageError:
    """'unknown field 'casualty'; did you mean 'casualties'? choose one of …'."""
    close = difflib.get_close_matches(value.casefold(), choices, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return UsageError(f"unknown {what} {value!r}; {hint}choose one of {', '.join(choices[:-1])} or {choices[-1]}")


def _check_field(field: str | None) -> None:
    if field is not None and field not in (*FIELDS, "all"):
        raise unknown_choice("field", field, (*FIELDS, "all"))


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise unknown_choice("kind", kind, KINDS)


def check_window(since: date | None, until: date | None) -> None:
    """A window that ends before it starts matches nothing by construction: say so, not 'no events'."""
    if since is not None and until is not None and since > until:
        raise UsageError(
            f"--since {since.isoformat()} is after --until {until.isoformat()}, so nothing can match; "
            "give the earlier day to --since"
        )


def _in_window(start: str | None, end: str | None, since: date | None, until: date | None) -> bool:
    if since is None and until is None:
        return True
    if not start:
        return False  # something unanchored cannot be placed inside a calendar window
    if since is not None and (end or start)[:10] < since.isoformat():
        return False
    if until is not None and start[:10] > until.isoformat():
        return False
    return True


def _overlaps(event: Event, since: date | None, until: date | None) -> bool:
    return _in_window(event.when.start, event.when.end or event.when.start, since, until)


def staleness(store: Store) -> str | None:
    """A warning when the stored results do not cover what is stored (an ingest was stopped between
    storing articles and reconciling them, or is still running), with the command that fixes it."""
    if store.reconciled():
        return None
    counts = store.counts()
    stored = f"{counts['articles']:,} articles and {counts['claims']:,} claims"
    fix = f"run `clashrecon reconcile --db {store.path}`"
    if store.has_results():
        return (
            f"the results predate the last changes to this store ({stored} now): an ingest was interrupted "
            f"or is still running; {fix} to bring them up to date"
        )
    if counts["articles"]:
        return f"{stored} are stored but not reconciled yet: an ingest was interrupted or is still running; {fix}"
    return None


@dataclass(frozen=True)
class Timeline:
    """What `timeline` shows: the events in time order, then the final figures of their stories.

    `stored` counts every event in the store, `first` and `last` are the earliest and latest
    dated ones: what an empty window is told so it can be widened.
    """

    events: list[Event]
    figures: list[Tally]
    since: date | None = None
    until: date | None = None
    stored: int = 0
    first: Event | None = None
    last: Event | None = None
    unreconciled: bool = False  # articles are stored but were never reconciled (an ingest was stopped)
    places: dict[tuple[str, str], Location | None] = dataclass_field(default_factory=dict)  # (event id, name) -> as geocoded at ingest

    def located(self, event: Event) -> list[dict[str, Any]]:
        """Each place of the event with its location (None: unknown, no country known), in its order."""
        return [placed(name, self.places.get((event.id, name))) for name in event.places]


def _dated_ends(events: tuple[Event, ...] | list[Event]) -> tuple[Event | None, Event | None]:
    dated = [e for e in events if e.when.start]
    if not dated:
        return None, None
    return min(dated, key=lambda e: e.when.start), max(dated, key=lambda e: e.when.end or e.when.start)


def timeline(store: Store, *, since: date | None = None, until: date | None = None) -> Timeline:
    """Events overlapping the window, and the final figures with a round of fighting inside it."""
    check_window(since, until)
    with store.snapshot():
        rec = store.load_reconciliation(conflicts=False)  # an event says whether it holds a conflict
        stored = store.places(leave_out=("claim_ids", "articles", "datelines"))  # what a timeline shows of them
        places = {(e, p.name): p.location for p in stored for e in p.event_ids}
    windowed = since is not None or until is not None
    first, last = _dated_ends(rec.events)
    return Timeline(
        events=[e for e in rec.events if _overlaps(e, since, until)],
        figures=[
            t for t in rec.tallies if not windowed or any(_in_window(r.start, r.end, since, until) for r in t.rounds)
        ],
        since=since,
        until=until,
        stored=len(rec.events),
        first=first,
        last=last,
        unreconciled=not rec.events and not store.reconciled() and store.counts()["articles"] > 0,
        places=places,
    )


def _party_key(party: str) -> str:
    """A victim side as the user may type it: any case, 'both sides' for the both-sides count."""
    key = party.strip().casefold()
    return BOTH if key == "both sides" else key


def figures(store: Store, *, party: str | None = None, kind: str | None = None) -> list[Tally]:
    """The final figure per story, side and kind, optionally of one side (any case) and one kind."""
    _check_kind(kind)
    with store.snapshot():
        rec = store.load_reconciliation(events=False, conflicts=False)
    tallies = list(rec.tallies)
    if party is not None:
        wanted = _party_key(party)
        if tallies and not any(_party_key(t.party) == wanted for t in tallies):
            sides = sorted({t.party for t in tallies}, key=lambda p: (p == BOTH, p))
            raise UsageError(f"no final figures for party {party!r}; parties with figures: {', '.join(sides)}")
        tallies = [t for t in tallies if _party_key(t.party) == wanted]
    return [t for t in tallies if kind is None or t.kind.value == kind]


@dataclass(frozen=True)
class Conflicts:
    """What `conflicts` shows: the first `limit` of the matching findings, most important first.

    `matched` counts every finding the options select, `stored` every one of the kinds asked
    for in the store (so an empty window can be told apart from a store without any).
    """

    shown: list[Conflict]
    matched: int
    stored: int
    include_all: bool = False
    since: date | None = None
    until: date | None = None


def conflicts(
    store: Store,
    *,
    field: str = "all",
    include_all: bool = False,
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
) -> Conflicts:
    """Findings of one field (or all), only real conflicts unless `include_all`, of events overlapping
    the window; at most `limit` of them."""
    _check_field(field)
    check_window(since, until)
    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit} shows nothing; give 1 or more, or leave it out to see every finding")
    windowed = since is not None or until is not None
    relations = None if include_all else CONFLICT_RELATIONS
    with store.snapshot():
        kinds = store.conflicts(relations=relations, field=None if field == "all" else field)
        # events only to place findings in the window
        events = {e.id: e for e in store.load_reconciliation(conflicts=False, tallies=False).events} if windowed else {}

    def in_window(c: Conflict) -> bool:
        event = events.get(c.event_id or "")
        return not windowed or (event is not None and _overlaps(event, since, until))

    matched = [c for c in kinds if in_window(c)]
    return Conflicts(
        shown=matched[:limit] if limit is not None else matched,
        matched=len(matched),
        stored=len(kinds),
        include_all=include_all,
        since=since,
        until=until,
    )


@dataclass(frozen=True)
class ClaimStream:
    """What `claims` shows, read a batch at a time while the caller consumes it, so any number
    fits in memory; `names_width` is the longest article name, so a table can fit it before
    the first claim is read."""

    rows: Generator[tuple[Claim, Location | None], None, None]
    names_width: int

    def __iter__(self) -> Iterator[Claim]:
        return (c for c, _ in self.rows)

    def records(self) -> Iterator[dict[str, Any]]:
        """`claims --json`'s objects: a place claim adds where the place is, as geocoded at ingest."""
        for c, loc in self.rows:
            yield c.contract() | {"location": loc.contract() if loc else None} if c.field is Field.places else c.contract()

    def close(self) -> None:
        """End the read (and its snapshot) early, before the store closes."""
        self.rows.close()


def claims(store: Store, *, field: str | None = None, article: str | None = None) -> ClaimStream:
    """The claims as the corpus passes see them, streamed; the options are checked before the first one."""
    _check_field(field)
    field = None if field == "all" else field
    if article and not store.has_article(article):
        names = store.article_names(10)
        raise UsageError(f"no article named {article!r} in the store; stored: {', '.join(names) or 'none'}")
    return ClaimStream(_claims(store, field, article), store.longest_article_name())


def _claims(store: Store, field: str | None, article: str | None) -> Iterator[tuple[Claim, Location | None]]:
    with store.snapshot():
        respell = ClaimsAsDerived(store.derived(times=False, articles=False))  # times are joined as claims are read
        stored = store.places(leave_out=("event_ids", "articles", "datelines"))
        located = {(cid, p.name): p.location for p in stored for cid in p.claim_ids}
        for raw in store.iter_claims(field=field, article=article, timed=True):
            c = respell(raw)
            yield c, located.get((c.id, c.value))


def placed(name: str, loc: Location | None) -> dict[str, Any]:
    """A place as the read commands' JSON carries it: its name and where it is (None: unknown, no country known)."""
    return {"place": name, "location": loc.contract() if loc else None}


def sources(store: Store) -> list[dict[str, Any]]:
    """Each article's metadata, origin and claims, with its dateline's location and where each
    place it names is (as geocoded at ingest)."""
    with store.snapshot():
        articles = store.articles(with_text=False, derived=True)
        per_article = store.claim_counts()
        places = store.places(leave_out=("claim_ids", "event_ids"))
    named: dict[str, dict[str, Shared]] = {}
    datelined: dict[str, Shared | None] = {}
    for p in places:  # each place's JSON made once, for every article naming it
        shown_place = Shared(placed(p.name, p.location))
        shown_location = Shared(p.location.contract()) if p.location else None
        for a in p.articles:
            if a not in p.datelines:
                named.setdefault(a, {}).setdefault(p.name, shown_place)
        for a in p.datelines:
            datelined[a] = shown_location
    shown = ("article", "title", "outlet", "byline", "credit", "dateline", "url")
    return [
        flagged(
            {
                "article": a.name,
                "title": a.title,
                "outlet": a.outlet,
                "byline": a.byline,
                "credit": a.credit,
                "dateline": a.dateline,
                "url": a.url,
                "origin": a.origin,
                "origin_reason": a.origin_reason,
                "published": {"date": a.published.date, "basis": a.published.basis.value},
                "claims": per_article.get(a.id, 0),
                "dateline_location": datelined.get(a.name),
                "places": list(named.get(a.name, {}).values()),
            },
            *shown,
        )
        for a in articles
    ]


def places(store: Store, *, unresolved: bool = False) -> list[PlaceLocation]:
    """Every place the articles name with its location, as geocoded at ingest (the unresolved only,
    if asked): the unresolved first, then by name."""
    with store.snapshot():
        stored = store.places(unresolved=unresolved)
    merged: dict[tuple, PlaceLocation] = {}
    for p in stored:  # one name located alike in several stories is one place
        key = (p.name, p.country_given, p.location.model_dump_json() if p.location else None)
        first = merged.get(key)
        merged[key] = p if first is None else first.model_copy(update={
            f: tuple(dict.fromkeys((*getattr(first, f), *getattr(p, f))))
            for f in ("countries", "claim_ids", "event_ids", "articles", "datelines")
        })  # fmt: skip
    return sorted(merged.values(), key=lambda p: (p.resolved, p.name.casefold(), p.country_given or "", p.countries))


@dataclass(frozen=True)
class Shown:
    """An ID resolved to its record and the claims behind it."""

    id: str
    type: str  # event | fact | conflict | claim
    title: str
    record: Event | Fact | Conflict | Claim
    claims: list[Claim]
    texts: dict[str, str]  # article id -> stored text, for highlighting


def show(store: Store, ident: str) -> Shown:
    with store.snapshot():
        rec = store.load_reconciliation(tallies=False)
        record: Event | Fact | Conflict | Claim | None = None
        kind, title, ids = "", "", []
        for e in rec.events:
            if e.id == ident:
                record, kind, title, ids = e, "event", e.summary, list(e.claim_ids)
            for f in e.facts:
                if f.id == ident:
                    record, kind, title, ids = f, "fact", f"{f.subject}: {f.value}", list(f.claim_ids)
        for c in rec.conflicts:
            if c.id == ident:
                record, kind, title = c, "conflict", c.subject
                ids = [cid for p in c.positions for cid in p.claim_ids]
        respell = ClaimsAsDerived(store.derived(times=False, articles=False))
        found = {c.id: respell(c) for c in store.claims_by_id(ids or [ident], timed=True)}
        if record is None and ident in found:
            record, kind, title, ids = found[ident], "claim", found[ident].quote, [ident]
        if record is None:
            raise UnknownId(
                f"no event, fact, conflict or claim has ID {ident!r}; "
                "IDs are shown by `timeline`, `conflicts` and `claims` (use --json to see them all)"
            )
        claims = [found[i] for i in ids if i in found]
        texts = {aid: store.article_text(aid) or "" for aid in {c.article_id for c in claims}}
    return Shown(id=ident, type=kind, title=title, record=record, claims=claims, texts=texts)
