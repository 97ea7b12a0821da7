"""GED's event-days: an event's dead split by the day they died on, where the reporting separates days.

UCDP codes an event per day when its sources date the deaths to days, else one row for the
reported span with its date precision. Here a casualty claim dates its dead to one day when its
own words do ("on Tuesday", "on 13 September": a time resolved from the text, not the article's
date, of one day inside the event's span) and it is no running total ("since Tuesday"). A day's
figure of a fact is the highest such claim of that day.

The rows of one event never count a death twice. Each day's row carries that day's own dead,
split into GED's columns as the whole event is (`rows.deaths`); what the days leave of the event's
reconciled total (dead the reporting gives no day) is one more row for the whole span. The event
stays one row when fewer than two days are told apart, or when the days' figures add up to more
than the reconciled figure in any column (the day figures were running totals after all).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clashrecon.export.rows import Deaths, EventRow, best, deaths, high, low
from clashrecon.models import CasualtyKind, Claim, Field, Precision, ScopeKind, TimeBasis

_DAY_PRECISE = (Precision.day, Precision.part_of_day, Precision.hour)
_OWN_WORDS = (TimeBasis.explicit, TimeBasis.resolved)


@dataclass(frozen=True)
class Part:
    """One GED row of an event: a day, or the span; its dead, and the claims that dated them."""

    start: date
    end: date
    killed: Deaths
    low: Deaths
    high: Deaths
    claim_ids: tuple[str, ...] = ()  # the claims dating this day's dead; none for the span

    @property
    def one_day(self) -> bool:
        return self.start == self.end


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def claim_day(claim: Claim, start: date, end: date) -> date | None:
    """The one day inside [start, end] a casualty claim's own words date its dead to, if any."""
    t = claim.event_time
    if t is None or t.precision not in _DAY_PRECISE or t.basis not in _OWN_WORDS or t.since:
        return None
    if claim.scope is not None and claim.scope.kind in (ScopeKind.cumulative, ScopeKind.increment):
        return None  # a running total, or a step of one ('three more'): no day's own dead
    first, last = _day(t.start), _day(t.end) or _day(t.start)
    if first is None or first != last or not start <= first <= end:
        return None
    return first


def _figure(claim: Claim) -> int | None:
    q = claim.quantity
    if q is None or not q.is_known:
        return None
    return next((v for v in (q.stated, q.low, q.high) if v is not None), None)


def _subtract(a: Deaths, b: Deaths) -> Deaths:
    return Deaths(a=a.a - b.a, b=a.b - b.b, civilians=a.civilians - b.civilians, unknown=a.unknown - b.unknown)


def _add(a: Deaths, b: Deaths) -> Deaths:
    return Deaths(a=a.a + b.a, b=a.b + b.b, civilians=a.civilians + b.civilians, unknown=a.unknown + b.unknown)


def _non_negative(d: Deaths) -> bool:
    return min(d.a, d.b, d.civilians, d.unknown) >= 0


def _clamped(whole: Deaths, told: Deaths, rest: Deaths, pick) -> Deaths:
    """The span row's low or high: the event's less what the days took, never past its best (`pick`: min for low, max for high)."""
    left = _subtract(whole, told)
    return Deaths(*(pick(max(x, 0), r) for x, r in zip((left.a, left.b, left.civilians, left.unknown), (rest.a, rest.b, rest.civilians, rest.unknown))))


def event_days(row: EventRow) -> list[Part]:
    """The event's GED rows: its days and what they leave, or the one span row (module docstring)."""
    start, end = row.start, row.end
    whole = Part(start, end, row.killed(best), row.killed(low), row.killed(high)) if start and end else None
    if whole is None or (row.span_days or 1) < 2:
        return [whole] if whole else []
    claims = {c.id: c for c in row.claims}
    by_day: dict[date, dict[str, int]] = {}  # day -> fact id -> that day's figure
    dating: dict[date, dict[str, None]] = {}
    for f in row.event.facts:
        if f.field is not Field.casualties or f.kind is not CasualtyKind.killed:
            continue
        for cid in f.claim_ids:
            c = claims.get(cid)
            day = claim_day(c, start, end) if c is not None else None
            value = _figure(c) if day is not None else None
            if value is None:
                continue
            figures = by_day.setdefault(day, {})
            figures[f.id] = max(figures.get(f.id, 0), value)
            dating.setdefault(day, {})[cid] = None
    if len(by_day) < 2:
        return [whole]
    days = []
    for day in sorted(by_day):
        figures = by_day[day]
        killed = deaths(row.event, row.sides, claims, lambda f, figures=figures: figures.get(f.id, 0))
        days.append(Part(day, day, killed, killed, killed, tuple(dating[day])))
    told = Deaths()
    for part in days:
        told = _add(told, part.killed)
    rest = _subtract(whole.killed, told)
    if not _non_negative(rest):
        return [whole]  # the days' figures exceed the event's: they were running totals, not days' own dead
    days = [p for p in days if p.killed.total > 0]
    if len(days) < 2:
        return [whole]
    if rest.total > 0:
        days.append(Part(start, end, rest, _clamped(whole.low, told, rest, min), _clamped(whole.high, told, rest, max)))
    return days
