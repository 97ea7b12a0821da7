"""The chart's data: each side's reports of one casualty kind, day by day, from an event's facts.

Each report (a claim giving a figure) is a dot at the day it was published; each day's reports
are reconciled by `reconcile.values` into the figure the step line joins, and flagged when they
cannot all be true (`values.compatible`), as the reconciliation weighs them (`moments.weighed`:
a headline restating the body's figure does not narrow it).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations

from clashrecon.lexicon import load_data
from clashrecon.models import BOTH, Article, CasualtyKind, Claim, Fact, Precision, Qualifier
from clashrecon.reconcile.clustering import parse_iso
from clashrecon.reconcile.moments import weighed
from clashrecon.reconcile.values import compatible, point, quantity_display, reconcile_values
from clashrecon.report.records import Chart, ChartReport, ChartSeries, ChartStep
from clashrecon.report.wording import side


def report_day(c: Claim, articles: dict[str, Article]) -> date | None:
    """The day a report was made: its article's date, else the day its own words give."""
    a = articles.get(c.article_id)
    day = parse_iso(a.published.date) if a is not None else None
    if day is None and c.event_time is not None and c.event_time.precision is not Precision.relative:
        day = parse_iso(c.event_time.end) or parse_iso(c.event_time.start)
    return day


def _charted_kind(facts: list[Fact]) -> CasualtyKind | None:
    """The first kind of `chart.kinds` that a whole side's count reports with a figure."""
    whole = {f.kind for f in facts if f.place is None and f.group is None and f.party is not None and f.best is not None}
    return next((CasualtyKind(k) for k in load_data("report.json")["chart"]["kinds"] if CasualtyKind(k) in whole), None)


def chart_of(facts: list[Fact], claims: dict[str, Claim], articles: dict[str, Article]) -> Chart | None:
    """Reported tolls per side over time for the event's charted kind; None when nothing has a figure."""
    kind = _charted_kind(facts)
    if kind is None:
        return None
    series: list[ChartSeries] = []
    undated = 0
    for f in facts:
        if f.kind is not kind or f.place is not None or f.group is not None or f.party is None:
            continue
        by_day: dict[date, list[Claim]] = defaultdict(list)
        for cid in f.claim_ids:
            c = claims.get(cid)
            if c is None or c.quantity is None or point(c.quantity) is None or not c.quantity.is_known:
                continue
            day = report_day(c, articles)
            if day is None:
                undated += 1
                continue
            by_day[day].append(c)
        if by_day:
            series.append(_series(f.party, by_day, articles))
    if not series:
        return None
    series.sort(key=lambda s: (s.both, s.party))
    return Chart(kind=kind, series=tuple(series), undated=undated)


def _series(party: str, by_day: dict[date, list[Claim]], articles: dict[str, Article]) -> ChartSeries:
    reports: list[ChartReport] = []
    steps: list[ChartStep] = []
    for day in sorted(by_day):
        told = by_day[day]
        dots: dict[tuple[int, str], list[str]] = defaultdict(list)
        for c in told:
            dots[(point(c.quantity), quantity_display(c.quantity))].append(_who(c, articles))
        for (figure, shown), who in sorted(dots.items()):
            exact = any(
                c.quantity.qualifier is Qualifier.exact and quantity_display(c.quantity) == shown for c in told
            )
            reports.append(ChartReport(day=day, figure=figure, shown=shown, exact=exact, reports=tuple(who)))
        counted = weighed(told) or told
        estimate = reconcile_values([c.quantity for c in counted])
        figures = [point(c.quantity) for c in counted]
        distinct = list({quantity_display(c.quantity): c.quantity for c in counted}.values())
        disagree = any(not compatible(a, b) for a, b in combinations(distinct, 2))
        if estimate is not None:
            steps.append(ChartStep(day=day, best=estimate.best, low=min(figures), high=max(figures), disagree=disagree))
    return ChartSeries(party=side(party), both=party == BOTH, reports=tuple(reports), steps=tuple(steps))


def _who(c: Claim, articles: dict[str, Article]) -> str:
    """'≥49 per Armenia — AP, 000_x.txt': one report, as its dot's hover title names it."""
    a = articles.get(c.article_id)
    outlet = (a.outlet or a.credit) if a is not None else None
    return f"{quantity_display(c.quantity)} per {c.claimant or 'the outlet'} — {outlet or 'outlet unknown'}, {c.article}"
