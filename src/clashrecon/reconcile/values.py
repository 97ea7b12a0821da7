"""Numbers as intervals, and many reports of one number reconciled into low, best, high.

The model follows the event-data practice the tool is judged against:
UCDP GED keeps a low, a best and a high estimate; ACLED codes the most conservative
figure. A reported number is an interval ("at least 49" = [49, ∞), "up to 100" = [0, 100],
"about 100" = a tolerance band from data/reconcile.json), and several reports of the same
quantity at the same moment are reconciled as follows:

- if the intervals share a common part, the truth lies in it: low/high are its ends and
  `best` is the figure most reports state inside it (an exact figure beats a floor);
- if they do not, the reports disagree: low is the smallest lower end, high the largest
  upper end, and best the median of the stated figures;
- `conservative` is the smallest stated figure still inside [low, high] (ACLED's rule).

This module does not decide which claims are about the same quantity or moment.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from clashrecon.lexicon import load_data
from clashrecon.models import Qualifier, Quantity

INF = math.inf


@dataclass(frozen=True)
class Interval:
    """Closed interval of whole numbers; `high` is infinity when unbounded."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.low + other.low, self.high + other.high)


@dataclass(frozen=True)
class Estimate:
    """A reconciled figure: UCDP-style low/best/high plus ACLED's conservative figure.

    `high` is None when the reports only give a floor. `exact` is True when the
    best figure was stated as such (not a floor or a band).
    """

    low: int
    best: int
    high: int | None
    conservative: int
    exact: bool = False
    consistent: bool = True

    @property
    def interval(self) -> Interval:
        return Interval(self.low, INF if self.high is None else self.high)

    def display(self) -> str:
        if self.high is not None and self.low == self.high:
            return f"{self.low:,}"
        if not self.consistent:
            top = "∞" if self.high is None else f"{self.high:,}"
            return f"{self.low:,}–{top}"
        if self.high is None:
            return f"≥{self.low:,}"
        if self.low == 0 and self.best == self.high:
            return f"≤{self.high:,}"
        if self.low < self.best < self.high:
            return f"~{self.best:,}"
        return f"{self.low:,}–{self.high:,}"

    def plus(self, other: Estimate) -> Estimate:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Estimate(
            low=self.low + other.low,
            best=self.best + other.best,
            high=high,
            conservative=self.conservative + other.conservative,
            exact=self.exact and other.exact,
        )


def about_band(n: int) -> tuple[int, int]:
    """The documented tolerance band of 'about n' (data/reconcile.json `about_tolerance`)."""
    tol = load_data("reconcile.json")["about_tolerance"]
    spread = max(tol["relative"] * n, tol["absolute"])
    return max(0, math.floor(n - spread)), math.ceil(n + spread)


def interval(q: Quantity) -> Interval | None:
    """The values a quantity's wording allows; None when it gives no number."""
    if q.qualifier is Qualifier.unspecified or (q.low is None and q.stated is None):
        return None
    if q.qualifier is Qualifier.about and q.stated is not None:
        lo, hi = about_band(q.stated)
        return Interval(lo, hi)
    if q.qualifier is Qualifier.up_to:
        return Interval(0, q.high if q.high is not None else (q.stated or 0))
    low, high = q.bounds()
    if q.low is None and q.stated is not None:
        low = float(q.stated)
    return Interval(low, high)


def quantity_display(q: Quantity) -> str:
    """A reported number as printed in short form, with thousands separators: '>6,600', '≥49', '~100'."""
    iv = interval(q)
    if iv is None:
        return "unspecified"
    n = q.stated
    signs = {Qualifier.at_least: "≥", Qualifier.more_than: ">", Qualifier.about: "~", Qualifier.up_to: "≤"}
    if n is not None and q.qualifier in signs:
        return f"{signs[q.qualifier]}{n:,}"
    if iv.high == INF:
        return f"≥{int(iv.low):,}"
    if iv.low == iv.high:
        return f"{int(iv.low):,}"
    return f"{int(iv.low):,}–{int(iv.high):,}"


def point(q: Quantity) -> int | None:
    """The one figure a report puts forward, as printed ('at least 49' -> 49; 'more than 400'
    -> 400, as analysts and ACLED record it; 'between 10 and 20' -> 10)."""
    if q.stated is not None:
        return q.stated
    return q.low


def _is_exact(q: Quantity) -> bool:
    return q.qualifier is Qualifier.exact


def _clamp(value: float, lo: float, hi: float) -> int:
    return int(min(max(value, lo), hi))


def reconcile_values(quantities: Sequence[Quantity]) -> Estimate | None:
    """Reconcile reports of one quantity at one moment; None if none of them gives a number.

    best always lies within [low, high]; conservative too.
    """
    # copies of one report repeat the same quantity: work on distinct ones, keeping their counts
    weight: Counter = Counter((q.qualifier, q.low, q.high, q.stated) for q in quantities)
    first = {(q.qualifier, q.low, q.high, q.stated): q for q in quantities}
    known = [(q, interval(q), point(q), weight[k]) for k, q in first.items()]
    known = [(q, iv, p, w) for q, iv, p, w in known if iv is not None and p is not None]
    if not known:
        return None
    common = Interval(max(iv.low for _, iv, _, _ in known), min(iv.high for _, iv, _, _ in known))
    consistent = common.low <= common.high
    if consistent:
        lo, hi = common.low, common.high
        inside = [(q, p, w) for q, _, p, w in known if common.contains(p)]
        exact: Counter = Counter()
        stated: Counter = Counter()
        for q, p, w in inside:
            stated[p] += w
            if _is_exact(q):
                exact[p] += w
        if exact:
            best, is_exact = max(exact.items(), key=lambda kv: (kv[1], -kv[0]))[0], True
        elif stated:
            best, is_exact = max(stated.items(), key=lambda kv: (kv[1], -kv[0]))[0], False
        else:
            # Every stated figure lies outside the common part (e.g. 'more than 10' and 'up to 12'):
            # its lower end is the figure all reports allow.
            best, is_exact = lo, False
    else:
        lo = min(iv.low for _, iv, _, _ in known)
        hi = max(iv.high for _, iv, _, _ in known)
        points = sorted(p for _, _, p, w in known for _ in range(w))
        best, is_exact = points[(len(points) - 1) // 2], False
    best = _clamp(best, lo, hi)
    candidates = [p for _, _, p, _ in known if lo <= p <= hi]
    conservative = _clamp(min(candidates) if candidates else lo, lo, hi)
    return Estimate(
        low=int(lo),
        best=best,
        high=None if hi == INF else int(hi),
        conservative=conservative,
        exact=is_exact,
        consistent=consistent,
    )


def stated_floor(q: Quantity) -> tuple[bool, int] | None:
    """(exact?, figure) for a report that puts a floor forward ('at least 49', 'more than
    6,600', '105'); None for any other wording, whose figure is never compared as a floor."""
    figure = point(q)
    if figure is None or q.qualifier not in (Qualifier.at_least, Qualifier.more_than, Qualifier.exact):
        return None
    return _is_exact(q), figure


def figures_differ(a: int, b: int) -> bool:
    """Two stated figures further apart than the discrepancy tolerance."""
    tol = load_data("reconcile.json")["discrepancy"]["relative_tolerance"]
    return abs(a - b) > tol * max(a, b)


def stated_floors_differ(a: Quantity, b: Quantity) -> bool:
    """True when two reports put forward different figures beyond the discrepancy tolerance.

    Intervals alone cannot catch 'more than 6,600' against 'more than 6,700' (both
    unbounded above, so they overlap); their stated figures can.
    """
    fa, fb = stated_floor(a), stated_floor(b)
    if fa is None or fb is None:
        return False
    if fa[0] != fb[0]:
        return False  # 'at least 49' and '105' can both be true
    return figures_differ(fa[1], fb[1])


def compatible(a: Quantity, b: Quantity) -> bool:
    """Whether two reports of the same quantity at the same moment can both be true."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    return ia.overlaps(ib) and not stated_floors_differ(a, b)
