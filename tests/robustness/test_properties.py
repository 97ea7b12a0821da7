"""Properties that must hold for every input, checked with hypothesis on generated cases.

Example counts are modest so the suite stays fast in CI; the functions under test are pure.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clashrecon.models import Quantity

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _below_thousand(n: int, *, hyphen: bool, use_and: bool) -> str:
    """English words for 1..999, in the spellings newspapers use."""
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(f"{UNITS[hundreds]} hundred")
    if rest:
        if hundreds and use_and:
            parts.append("and")
        if rest < 20:
            parts.append(UNITS[rest])
        else:
            tens, units = divmod(rest, 10)
            joiner = "-" if hyphen else " "
            parts.append(TENS[tens] + (joiner + UNITS[units] if units else ""))
    return " ".join(parts)


def in_words(n: int, *, hyphen: bool = True, use_and: bool = False) -> str:
    """The test's own oracle: 0..1,000,000 in English words ("one hundred and five", "twenty-four")."""
    if n == 0:
        return "zero"
    if n == 1_000_000:
        return "one million"
    thousands, rest = divmod(n, 1000)
    parts = []
    if thousands:
        parts.append(_below_thousand(thousands, hyphen=hyphen, use_and=use_and) + " thousand")
    if rest:
        if thousands and rest < 100 and use_and:
            parts.append("and")
        parts.append(_below_thousand(rest, hyphen=hyphen, use_and=use_and))
    return " ".join(parts)


def test_the_words_oracle_spells_known_numbers():
    assert in_words(105, use_and=True) == "one hundred and five"
    assert in_words(24) == "twenty-four"
    assert in_words(6600) == "six thousand six hundred"
    assert in_words(999_999, hyphen=False) == "nine hundred ninety nine thousand nine hundred ninety nine"


numbers = st.integers(min_value=0, max_value=10**6)


@FAST
@given(n=numbers, commas=st.booleans())
def test_a_number_in_digits_parses_back_to_itself(n, commas):
    from clashrecon.extract.quantities import parse_number

    text = f"{n:,}" if commas else str(n)
    assert parse_number(text) == n


@FAST
@given(n=numbers, hyphen=st.booleans(), use_and=st.booleans(), case=st.sampled_from(["lower", "capitalize", "title"]))
def test_a_number_in_words_parses_back_to_itself(n, hyphen, use_and, case):
    from clashrecon.extract.quantities import parse_number

    text = getattr(in_words(n, hyphen=hyphen, use_and=use_and), case)()
    assert parse_number(text) == n, text


PREFIXES = ["", "at least ", "more than ", "over ", "nearly ", "almost ", "about ", "around ", "some ",
            "up to ", "as many as ", "fewer than ", "less than ", "roughly ", "at most "]


@st.composite
def counted_phrases(draw):
    def printed(n: int) -> str:
        return draw(st.sampled_from([str(n), f"{n:,}", in_words(n)]))

    a, b = draw(numbers), draw(numbers)
    shape = draw(st.sampled_from(["single", "between", "to", "dash"]))
    if shape == "single":
        return draw(st.sampled_from(PREFIXES)) + printed(a)
    if shape == "between":
        return f"between {printed(a)} and {printed(b)}"
    if shape == "to":
        return f"{printed(a)} to {printed(b)}"
    return f"{a}-{b}"


def _ordered(q: Quantity | None) -> bool:
    return q is None or q.low is None or q.high is None or q.low <= q.high


@FAST
@given(phrase=counted_phrases())
def test_a_parsed_quantity_never_has_low_above_high(phrase):
    from clashrecon.extract.quantities import parse_quantity

    q = parse_quantity(phrase)
    assert _ordered(q), (phrase, q)
    if q is not None and q.low is not None:
        assert q.low >= 0


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_any_text_parses_to_no_quantity_or_an_ordered_one(text):
    from clashrecon.extract.quantities import parse_number, parse_quantity

    assert _ordered(parse_quantity(text))
    n = parse_number(text)
    assert n is None or isinstance(n, int)


@st.composite
def quantities(draw):
    n, m = draw(numbers), draw(numbers)
    make = draw(st.sampled_from(["exact", "at_least", "more_than", "up_to", "between", "unspecified"]))
    if make == "between":
        return Quantity.between(n, m)
    if make == "unspecified":
        return Quantity.unspecified()
    return getattr(Quantity, make)(n)


@FAST
@given(q=quantities())
def test_every_quantity_constructor_keeps_low_at_or_below_high(q):
    assert _ordered(q)


@FAST
@given(low=numbers, high=numbers)
def test_a_quantity_built_field_by_field_never_has_low_above_high(low, high):
    from pydantic import ValidationError

    try:
        q = Quantity(low=low, high=high, qualifier="between")
    except ValidationError:
        return  # refusing the impossible interval is as good as ordering it
    assert _ordered(q), q


@FAST
@given(weekday=st.integers(0, 6), reference=st.dates(min_value=date(1900, 1, 8), max_value=date(2100, 12, 31)))
def test_a_resolved_weekday_never_falls_after_the_reference_date(weekday, reference):
    from clashrecon.corpus.chronology import resolve_weekday

    day = resolve_weekday(weekday, reference)
    assert day <= reference
    assert day.weekday() == weekday
    assert reference - day < timedelta(days=7)


@FAST
@given(reported=st.lists(quantities(), min_size=1, max_size=6))
def test_reconciliation_never_puts_best_outside_low_high(reported):
    from clashrecon.reconcile.values import reconcile_values

    estimate = reconcile_values(reported)
    if estimate is None:
        assert all(q.low is None for q in reported)
        return
    high = float("inf") if estimate.high is None else estimate.high
    assert estimate.low <= estimate.best <= high, estimate
    assert estimate.low <= estimate.conservative <= high, estimate


@pytest.mark.parametrize("n", [0, 1, 19, 20, 99, 100, 101, 999, 1000, 1001, 6600, 6700, 99_999, 100_000, 999_999, 10**6])
def test_boundary_numbers_parse_back_in_digits_and_words(n):
    from clashrecon.extract.quantities import parse_number

    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(in_words(n)) == n
    assert parse_number(in_words(n, use_and=True)) == n
