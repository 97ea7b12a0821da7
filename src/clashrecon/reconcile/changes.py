"""What a new reconciliation changed in the picture a desk last saw: final figures and conflicts.

A final figure is matched by its ID (story, side and kind), and, where new articles joined
stories and renamed one, by its side and kind when only one figure of that side and kind is
left unmatched on each side. Conflicts (discrepancies and disputes only) are matched the same
way by their ID, then by relation and subject.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import TypeVar

from clashrecon.models import Change, ChangeKind, Conflict, Reconciliation, Tally
from clashrecon.reconcile.facts import weekday_label

T = TypeVar("T", Tally, Conflict)


def _reported(iso: str | None) -> str:
    """'Wed 2022-09-14' for a calendar day; 'day 2' and 'undated' as they are."""
    if not iso:
        return "undated"
    try:
        return weekday_label(date.fromisoformat(iso[:10]))
    except ValueError:
        return iso


def _source(t: Tally) -> str:
    return f"per {t.claimant or 'unattributed'}, {_reported(t.reported)}"


def _positions(c: Conflict) -> str:
    return " vs ".join(p.value for p in c.positions)


def _pairs(before: Sequence[T], after: Sequence[T], key: Callable[[T], Hashable]) -> tuple[list[tuple[T, T]], list[T], list[T]]:
    """(matched pairs, gone, new): by ID, then by `key` where it is unique among those left on both sides."""
    old = {x.id: x for x in before}
    pairs = [(old.pop(x.id), x) for x in after if x.id in old]
    matched = {x.id for _, x in pairs}
    new = [x for x in after if x.id not in matched]
    gone = list(old.values())
    counts: dict[Hashable, list[int]] = {}
    for x in gone:
        counts.setdefault(key(x), [0, 0])[0] += 1
    for x in new:
        counts.setdefault(key(x), [0, 0])[1] += 1
    unique = {k for k, n in counts.items() if n == [1, 1]}
    by_key = {key(x): x for x in gone if key(x) in unique}
    pairs += [(by_key[key(x)], x) for x in new if key(x) in unique]
    return pairs, [x for x in gone if key(x) not in unique], [x for x in new if key(x) not in unique]


def _figure_changes(before: Sequence[Tally], after: Sequence[Tally]) -> list[Change]:
    pairs, gone, new = _pairs(before, after, lambda t: (t.party, t.kind))
    out = []
    for old, t in pairs:
        if old.best != t.best:
            out.append(Change(
                type=ChangeKind.figure, id=t.id, subject=t.subject, before=f"{old.best:,}", after=f"{t.best:,}",
                claimant=t.claimant, reported=t.reported,
                line=f"{t.subject}: {old.best:,} → {t.best:,} ({_source(t)})",
            ))
    for t in new:
        out.append(Change(
            type=ChangeKind.new_figure, id=t.id, subject=t.subject, after=f"{t.best:,}", claimant=t.claimant, reported=t.reported,
            line=f"new figure: {t.subject} {t.best:,} ({_source(t)})",
        ))
    for t in gone:
        out.append(Change(
            type=ChangeKind.figure_gone, id=t.id, subject=t.subject, before=f"{t.best:,}",
            line=f"no longer reported: {t.subject} (was {t.best:,})",
        ))
    return out


def _conflict_changes(before: Sequence[Conflict], after: Sequence[Conflict]) -> list[Change]:
    pairs, gone, new = _pairs(
        [c for c in before if c.is_conflict], [c for c in after if c.is_conflict], lambda c: (c.kind, c.subject)
    )
    out = []
    for c in new:
        out.append(Change(
            type=ChangeKind.new_conflict, id=c.id, subject=c.subject, after=_positions(c),
            line=f"new conflict: {c.kind.value} {c.subject}: {_positions(c)}",
        ))
    for old, c in pairs:
        if _positions(old) != _positions(c):
            out.append(Change(
                type=ChangeKind.conflict_changed, id=c.id, subject=c.subject, before=_positions(old), after=_positions(c),
                line=f"conflict changed: {c.kind.value} {c.subject}: {_positions(old)} → {_positions(c)}",
            ))
    for c in gone:
        out.append(Change(
            type=ChangeKind.conflict_gone, id=c.id, subject=c.subject, before=_positions(c),
            line=f"no longer a conflict: {c.kind.value} {c.subject}: {_positions(c)}",
        ))
    return out


def picture_changes(before: Reconciliation, after: Reconciliation) -> tuple[Change, ...]:
    """The final figures that moved, appeared or went, then the conflicts that appeared, changed or went."""
    return (*_figure_changes(before.tallies, after.tallies), *_conflict_changes(before.conflicts, after.conflicts))
