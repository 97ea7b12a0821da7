"""GED's event-days: an event's dead split by day where its claims' own words date them, never counted twice."""

from __future__ import annotations

from datetime import date

import pytest

from clashrecon.export.days import claim_day, event_days
from clashrecon.export.ged import record, records
from clashrecon.export.rows import Deaths, EventRow, Placement
from clashrecon.models import (
    CasualtyKind,
    Claim,
    ClaimantRole,
    Event,
    Fact,
    Field,
    Precision,
    Quantity,
    Relation,
    Scope,
    ScopeKind,
    TimeBasis,
    TimeRef,
)

MON, TUE = "2022-09-12", "2022-09-13"


def _claim(cid: str, n: int, day: str | None, *, basis=TimeBasis.resolved, scope=None, end: str | None = None) -> Claim:
    when = TimeRef(start=day, end=end or day, precision=Precision.day, basis=basis) if day else None
    return Claim(
        id=cid, article="a.txt", article_id="a1", field=Field.casualties, kind=CasualtyKind.killed.value,
        quote=f"{n} were killed.", start=0, end=10, claimant="A", claimant_role=ClaimantRole.speaker,
        event_time=when, quantity=Quantity(low=n, high=n, stated=n), victim_party="A",
        scope=Scope(kind=scope) if scope else None,
    )  # fmt: skip


def _fact(fid: str, party: str, best: int, claims: list[Claim], low: int | None = None, high: int | None = None) -> Fact:
    return Fact(
        id=fid, event_id="e1", field=Field.casualties, kind=CasualtyKind.killed, value=str(best), party=party,
        low=best if low is None else low, best=best, high=best if high is None else high, conservative=best,
        status=Relation.updated, articles=1, independent_sources=1, claim_ids=tuple(c.id for c in claims),
    )  # fmt: skip


def _row(facts: list[Fact], claims: list[Claim], start: str = MON, end: str = TUE) -> EventRow:
    event = Event(id="e1", when=TimeRef(start=start, end=end, precision=Precision.day), summary="s", facts=tuple(facts))
    return EventRow(
        event=event, claims=tuple(claims), articles=(), conflicts=(), sides=("A", "B"), places=(),
        placement=Placement(None, None, ()), country=None, weapons="battle",
    )  # fmt: skip


@pytest.mark.parametrize(
    "claim, expected",
    [
        pytest.param(_claim("c", 3, MON), date(2022, 9, 12), id="its own words name the day"),
        pytest.param(_claim("c", 3, MON, basis=TimeBasis.inferred), None, id="only the article's date: no day of its own"),
        pytest.param(_claim("c", 3, MON, end=TUE), None, id="a span of two days"),
        pytest.param(_claim("c", 3, MON, scope=ScopeKind.cumulative), None, id="a running total"),
        pytest.param(_claim("c", 3, "2022-09-20"), None, id="a day outside the event"),
        pytest.param(_claim("c", 3, None), None, id="undated"),
    ],
)
def test_which_claims_date_their_dead_to_one_day(claim, expected):
    assert claim_day(claim, date(2022, 9, 12), date(2022, 9, 13)) == expected


def test_days_the_reporting_separates_are_rows_of_their_own_that_add_up_to_the_event():
    mon, tue = _claim("c1", 3, MON), _claim("c2", 5, TUE)
    total = _claim("c3", 8, MON, end=TUE, scope=ScopeKind.cumulative)
    b = _claim("c4", 2, TUE)
    row = _row([_fact("fa", "A", 8, [mon, tue, total]), _fact("fb", "B", 2, [b])], [mon, tue, total, b])
    parts = event_days(row)
    assert [(p.start, p.end, p.killed) for p in parts] == [
        (date(2022, 9, 12), date(2022, 9, 12), Deaths(3, 0, 0, 0)),
        (date(2022, 9, 13), date(2022, 9, 13), Deaths(5, 2, 0, 0)),
    ]
    rows = list(records(row))
    assert [(r["date_start"], r["date_end"], r["date_prec"], r["best"]) for r in rows] == [(MON, MON, 1, 3), (TUE, TUE, 1, 7)]
    for r in rows:
        assert r["best"] == r["deaths_a"] + r["deaths_b"] + r["deaths_civilians"] + r["deaths_unknown"]
        assert r["low"] <= r["best"] <= r["high"]
    assert sum(r["best"] for r in rows) == record(row)["best"] == 10  # the rows of one event never double count


def test_dead_the_reporting_gives_no_day_are_one_more_row_for_the_span():
    mon, tue = _claim("c1", 3, MON), _claim("c2", 5, TUE)
    row = _row([_fact("fa", "A", 12, [mon, tue], low=10, high=14)], [mon, tue])
    rows = list(records(row))
    assert [(r["date_start"], r["date_end"], r["date_prec"], r["best"]) for r in rows] == [
        (MON, MON, 1, 3), (TUE, TUE, 1, 5), (MON, TUE, 2, 4),
    ]  # fmt: skip
    span = rows[-1]
    assert (span["low"], span["high"], span["event_clarity"]) == (2, 6, 2)
    assert sum(r["best"] for r in rows) == 12


@pytest.mark.parametrize(
    "claims, best",
    [
        pytest.param([_claim("c1", 3, MON), _claim("c2", 8, TUE)], 8, id="a rising toll: running totals, not days' own dead"),
        pytest.param([_claim("c1", 3, MON)], 3, id="one day told apart: no split"),
        pytest.param([_claim("c1", 3, MON, basis=TimeBasis.inferred), _claim("c2", 5, TUE, basis=TimeBasis.inferred)], 8, id="dated by the articles only"),
    ],
)
def test_an_event_stays_one_row_for_its_span_when_days_are_not_told_apart(claims, best):
    row = _row([_fact("fa", "A", best, claims)], claims)
    rows = list(records(row))
    assert [(r["date_start"], r["date_end"], r["date_prec"], r["best"]) for r in rows] == [(MON, TUE, 2, best)]


def test_a_one_day_event_is_one_row_of_that_day():
    c = _claim("c1", 4, MON)
    rows = list(records(_row([_fact("fa", "A", 4, [c])], [c], end=MON)))
    assert [(r["date_start"], r["date_end"], r["date_prec"], r["best"]) for r in rows] == [(MON, MON, 1, 4)]
