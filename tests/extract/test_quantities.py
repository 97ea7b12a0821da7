"""Printed numbers and qualifiers read into Quantity intervals."""

from __future__ import annotations

import pytest

from clashrecon.extract.quantities import parse_number, parse_quantity, vague_interval


@pytest.mark.parametrize(
    "text, value",
    [
        ("49", 49),
        ("6,600", 6600),
        ("four", 4),
        ("Twenty-four", 24),
        ("twenty four", 24),
        ("a hundred", 100),
        ("two dozen", 24),
        ("a dozen", 12),
        ("1.2 million", 1_200_000),
        ("one hundred and five", 105),
        ("six thousand six hundred", 6600),
        ("800,000", 800_000),
        ("zero", 0),
    ],
)
def test_parse_number_reads_digits_and_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "a", "and", "soldiers", "2020s", "12.5", "49 50", "first"])
def test_parse_number_refuses_what_is_not_a_count(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    "text, qualifier, low, high, stated",
    [
        ("49", "exact", 49, 49, 49),
        ("at least 49", "at_least", 49, None, 49),
        ("no fewer than 20", "at_least", 20, None, 20),
        ("more than 6,600", "more_than", 6601, None, 6600),
        ("over 200", "more_than", 201, None, 200),
        ("about 100", "about", 90, 110, 100),
        ("around 50", "about", 45, 55, 50),
        ("some 300", "about", 270, 330, 300),
        ("roughly 5", "about", 4, 6, 5),
        ("nearly 200", "about", 180, 200, 200),
        ("almost 70", "about", 63, 70, 70),
        ("up to 100", "up_to", 0, 100, 100),
        ("as many as 30", "up_to", 0, 30, 30),
        ("fewer than 10", "up_to", 0, 9, 10),
        ("between 10 and 20", "between", 10, 20, None),
        ("10 to 20", "between", 10, 20, None),
        ("two or three", "between", 2, 3, None),
        ("more than a dozen", "more_than", 13, None, 12),
    ],
)
def test_parse_quantity_reads_qualifiers(text, qualifier, low, high, stated):
    q = parse_quantity(text)
    assert (q.qualifier.value, q.low, q.high, q.stated) == (qualifier, low, high, stated)


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("dozens", 24, 99),
        ("scores", 40, 199),
        ("hundreds", 200, 999),
        ("thousands", 2000, 9999),
        ("tens of thousands", 20000, 99999),
        ("hundreds of thousands", 200000, 999999),
        ("several", 3, 9),
    ],
)
def test_vague_words_become_bounded_intervals_never_exact_numbers(text, low, high):
    q = parse_quantity(text)
    assert (q.qualifier.value, q.low, q.high, q.stated) == ("vague", low, high, None)
    assert vague_interval(text) == (low, high)


@pytest.mark.parametrize("text", ["an unknown number", "an unspecified number", "an undisclosed number"])
def test_unknown_numbers_are_unspecified(text):
    q = parse_quantity(text)
    assert (q.qualifier.value, q.low, q.high) == ("unspecified", None, None)


@pytest.mark.parametrize("text", ["no one", "nobody", "none", "no"])
def test_negations_are_exactly_zero(text):
    q = parse_quantity(text)
    assert (q.qualifier.value, q.low, q.high) == ("exact", 0, 0)


# "_comment" explains the data tables to their reader and is never one of their words
@pytest.mark.parametrize("text", ["soldiers", "at least", "the ministry", "_comment", "_COMMENT", "about _comment"])
def test_phrases_without_a_count_are_not_quantities(text):
    assert parse_quantity(text) is None
