"""What the read commands ask of the store. No spaCy, no rich: plain records out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from clashrecon.corpus.view import articles_as_derived, claims_as_derived
from clashrecon.errors import UnknownId, UsageError
from clashrecon.models import BOTH, CasualtyKind, Claim, Conflict, Event, Fact, Field, Tally
from clashrecon.store import Store

FIELDS = tuple(f.value for f in Field)
KINDS = tuple(k.value for k in CasualtyKind)


def _check_field(field: str | None) -> None:
    if field is not None and field != "all" and field not in FIELDS:
        raise UsageError(f"unknown field {field!r}; choose one of {', '.join(FIELDS)} or all")


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise UsageError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS[:-1])} or {KINDS[-1]}")


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
    """What `timeline` shows: the events in time order, then the final figures of their stories."""

    events: list[Event]
    figures: list[Tally]


def timeline(store: Store, *, since: date | None = None, until: date | None = None) -> Timeline:
    """Events overlapping the window, and the final figures with a round of fighting inside it."""
    with store.snapshot():
        rec = store.load_reconciliation()
    windowed = since is not None or until is not None
    return Timeline(
        events=[e for e in rec.events if _overlaps(e, since, until)],
        figures=[
            t for t in rec.tallies if not windowed or any(_in_window(r.start, r.end, since, until) for r in t.rounds)
        ],
    )


def _party_key(party: str) -> str:
    """A victim side as the user may type it: any case, 'both sides' for the both-sides count."""
    key = party.strip().casefold()
    return BOTH if key == "both sides" else key


def figures(store: Store, *, party: str | None = None, kind: str | None = None) -> list[Tally]:
    """The final figure per story, side and kind, optionally of one side (any case) and one kind."""
    _check_kind(kind)
    with store.snapshot():
        rec = store.load_reconciliation()
    tallies = list(rec.tallies)
    if party is not None:
        wanted = _party_key(party)
        if tallies and not any(_party_key(t.party) == wanted for t in tallies):
            sides = sorted({t.party for t in tallies}, key=lambda p: (p == BOTH, p))
            raise UsageError(f"no final figures for party {party!r}; parties with figures: {', '.join(sides)}")
        tallies = [t for t in tallies if _party_key(t.party) == wanted]
    return [t for t in tallies if kind is None or t.kind.value == kind]


def conflicts(store: Store, *, field: str = "all", include_all: bool = False) -> list[Conflict]:
    _check_field(field)
    with store.snapshot():
        rec = store.load_reconciliation()
    return [
        c
        for c in rec.conflicts
        if (field == "all" or c.field.value == field) and (include_all or c.is_conflict)
    ]


def claims(store: Store, *, field: str | None = None, article: str | None = None) -> list[Claim]:
    _check_field(field)
    with store.snapshot():
        found = claims_as_derived(store.claims(field=field, article=article), store.derived())
        if article and not found and not any(a.name == article for a in store.articles(with_text=False)):
            names = sorted(a.name for a in store.articles(with_text=False))
            raise UsageError(f"no article named {article!r} in the store; stored: {', '.join(names[:10]) or 'none'}")
    return found


def sources(store: Store) -> list[dict[str, Any]]:
    with store.snapshot():
        articles = articles_as_derived(store.articles(with_text=False), store.derived())
        per_article = store.claim_counts()
    return [
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
            "published": a.published.model_dump(mode="json"),
            "claims": per_article.get(a.id, 0),
        }
        for a in articles
    ]


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
        rec = store.load_reconciliation()
        all_claims = {c.id: c for c in claims_as_derived(store.claims(), store.derived())}
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
        if record is None and ident in all_claims:
            record, kind, title, ids = all_claims[ident], "claim", all_claims[ident].quote, [ident]
        if record is None:
            raise UnknownId(
                f"no event, fact, conflict or claim has ID {ident!r}; "
                "IDs are shown by `timeline`, `conflicts` and `claims` (use --json to see them all)"
            )
        claims = [all_claims[i] for i in ids if i in all_claims]
        texts = {aid: store.article_text(aid) or "" for aid in {c.article_id for c in claims}}
    return Shown(id=ident, type=kind, title=title, record=record, claims=claims, texts=texts)
