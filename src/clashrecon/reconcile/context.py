"""Context rows: what the reports say about an episode on days outside its fighting.

Talks, a truce, a statement or a toll announced days later belong under the episode they
are about (their figures still update its facts); each day's such claims make one row,
written from the claims' details, never from a quoted sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from clashrecon.lexicon import load_data
from clashrecon.models import (
    BOTH,
    Claim,
    ContextKind,
    ContextRow,
    EventDetails,
    EventKind,
    Field,
    Qualifier,
    TimeKind,
    TimeRef,
)
from clashrecon.models.kinds import Precision
from clashrecon.reconcile.clustering import anchor_day, window

_TALKS = (EventKind.diplomatic_contact, TimeKind.meeting, TimeKind.call)
_CEASEFIRE = (EventKind.ceasefire, TimeKind.ceasefire)


def _kind(claims: list[Claim]) -> ContextKind:
    kinds = {c.kind for c in claims}
    if any(c.field is Field.casualties and c.quantity is not None and c.quantity.low is not None for c in claims):
        return ContextKind.figures
    if kinds & set(_CEASEFIRE):
        return ContextKind.ceasefire
    if kinds & set(_TALKS):
        return ContextKind.talks
    return ContextKind.statement


def _names(claims: list[Claim]) -> list[str]:
    count: Counter = Counter()
    for c in claims:
        d = c.attrs if isinstance(c.attrs, EventDetails) else None
        if d is not None:
            count.update(n for n in (d.attacker, d.target, d.accuser, d.blamed, *d.participants) if n)
        if c.victim_party and c.victim_party != BOTH:
            count[c.victim_party] += 1
        if c.claimant:
            count[c.claimant] += 1
    return [n for n, _ in count.most_common(3)]


def _where(claims: list[Claim]) -> str:
    places = Counter(
        n for c in claims if isinstance(c.attrs, EventDetails) for n in (c.attrs.where, *c.attrs.places) if n
    )
    return f" in {places.most_common(1)[0][0]}" if places else ""


def _figures(claims: list[Claim]) -> str:
    """The day's largest figure per side and kind: 'Pakistan killed 13'."""
    cfg = load_data("reconcile.json")["context"]
    best: dict[tuple[str, str], Claim] = {}
    for c in claims:
        q = c.quantity
        if c.field is not Field.casualties or q is None or q.low is None or q.qualifier is Qualifier.unspecified:
            continue
        key = (c.victim_party or "", str(c.kind))
        if key not in best or (best[key].quantity.low or 0) < q.low:
            best[key] = c
    shown = sorted(best.items(), key=lambda kc: -(kc[1].quantity.low or 0))[: cfg["max_figures"]]
    return "; ".join(f"{party + ' ' if party else ''}{kind} {c.quantity.display()}" for (party, kind), c in shown)


def _summary(kind: ContextKind, claims: list[Claim]) -> str:
    names = _names(claims)
    who = f": {', '.join(names)}" if names else ""
    if kind is ContextKind.figures:
        return f"Later figures: {_figures(claims)}"
    label = {ContextKind.ceasefire: "Ceasefire", ContextKind.talks: "Talks", ContextKind.statement: "Statements"}[kind]
    return f"{label}{who}{_where(claims)}"


def context_rows(claims: list[Claim]) -> tuple[ContextRow, ...]:
    """One row per day (undated claims in one last row), in day order; a day whose claims name
    no one and report no figure, truce or talks gets no row (its claims stay in the episode)."""
    by_day: dict[str | None, list[Claim]] = defaultdict(list)
    for c in claims:
        w = window(c)
        d = anchor_day(w) if w is not None else None
        by_day[d.isoformat() if d is not None else None].append(c)
    rows = []
    for day in sorted(by_day, key=lambda d: (d is None, d or "")):
        group = by_day[day]
        kind = _kind(group)
        if kind is ContextKind.statement and not _names(group):
            continue  # places named, or a remark with no one to attribute it to: nothing to tell the reader
        rows.append(
            ContextRow(
                when=TimeRef(start=day, end=day, precision=Precision.day) if day else TimeRef(),
                kind=kind,
                summary=_summary(kind, group),
                claim_ids=tuple(c.id for c in group),
            )
        )
    return tuple(rows)
