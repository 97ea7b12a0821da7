"""Reported numbers as intervals, and several reports of one number reconciled (UCDP/ACLED style)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clashrecon.models import Quantity
from clashrecon.reconcile.values import about_band, compatible, interval, quantity_display, reconcile_values
from reconcile_kit import quantity


@pytest.mark.parametrize(
    "q, low, high",
    [
        (Quantity.exact(49), 49, 49),
        (Quantity.at_least(49), 49, math.inf),
        (Quantity.more_than(6600), 6601, math.inf),
        (Quantity.up_to(100), 0, 100),
        (Quantity.between(10, 20), 10, 20),
        (quantity(100, "about"), 90, 110),
    ],
)
def test_qualifiers_are_intervals(q, low, high):
    iv = interval(q)
    assert (iv.low, iv.high) == (low, high)


def test_an_unspecified_number_is_no_interval():
    assert interval(Quantity.unspecified()) is None
    assert reconcile_values([Quantity.unspecified()]) is None


@pytest.mark.parametrize("n, band", [(100, (90, 110)), (10, (8, 12)), (5, (3, 7)), (1000, (900, 1100))])
def test_about_is_a_documented_tolerance_band(n, band):
    assert about_band(n) == band


@pytest.mark.parametrize(
    "quantities, low, best, high, conservative",
    [
        ([Quantity.at_least(49), Quantity.at_least(49)], 49, 49, None, 49),
        ([Quantity.at_least(49), Quantity.exact(105)], 105, 105, 105, 105),
        ([quantity(100, "about"), Quantity.exact(99)], 99, 99, 99, 99),
        ([Quantity.up_to(100), Quantity.exact(60)], 60, 60, 60, 60),
        ([Quantity.exact(2), Quantity.exact(14)], 2, 2, 14, 2),
        ([Quantity.exact(10), Quantity.exact(12), Quantity.exact(30)], 10, 12, 30, 10),
        ([quantity(100, "about")], 90, 100, 110, 100),
    ],
)
def test_reports_reconcile_to_low_best_high_and_the_conservative_figure(quantities, low, best, high, conservative):
    e = reconcile_values(quantities)
    assert (e.low, e.best, e.high, e.conservative) == (low, best, high, conservative)
    assert e.low <= e.best and (e.high is None or e.best <= e.high)


def test_reports_that_cannot_all_be_true_are_marked_inconsistent():
    assert not reconcile_values([Quantity.exact(2), Quantity.exact(14)]).consistent
    assert reconcile_values([Quantity.at_least(49), Quantity.exact(50)]).consistent


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (Quantity.at_least(49), Quantity.exact(105), True),  # a floor and a later figure
        (Quantity.more_than(6600), Quantity.more_than(6700), False),  # two floors that disagree
        (Quantity.at_least(49), Quantity.at_least(49), True),
        (quantity(100, "about"), Quantity.exact(99), True),
        (Quantity.up_to(100), Quantity.exact(120), False),
        (Quantity.exact(2), Quantity.exact(14), False),
    ],
)
def test_compatible_reports(a, b, expected):
    assert compatible(a, b) is expected


@pytest.mark.parametrize(
    "q, shown",
    [
        (Quantity.more_than(6600), ">6,600"),
        (Quantity.at_least(49), "≥49"),
        (Quantity.exact(105), "105"),
        (quantity(100, "about"), "~100"),
        (Quantity.up_to(100), "≤100"),
        (Quantity.between(10, 20), "10–20"),
    ],
)
def test_quantities_display_in_short_form(q, shown):
    assert quantity_display(q) == shown


def _quantity(kind: str, a: int, b: int) -> Quantity:
    if kind == "between":
        return Quantity.between(a, b)
    if kind == "about":
        return quantity(a, "about")
    if kind == "unspecified":
        return Quantity.unspecified()
    return {"exact": Quantity.exact, "at_least": Quantity.at_least, "more_than": Quantity.more_than, "up_to": Quantity.up_to}[kind](a)

_reports = st.lists(
    st.builds(
        _quantity,
        st.sampled_from(["exact", "at_least", "more_than", "up_to", "between", "about", "unspecified"]),
        st.integers(0, 100_000),
        st.integers(0, 100_000),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(_reports)
def test_best_and_conservative_always_lie_within_low_and_high(quantities):
    e = reconcile_values(quantities)
    if e is None:
        assert all(not q.is_known for q in quantities)
        return
    assert e.low <= e.best and (e.high is None or e.best <= e.high)
    assert e.low <= e.conservative and (e.high is None or e.conservative <= e.high)
