"""Spelling variants merge; different names that merely look alike do not."""

from __future__ import annotations

import pytest

from clashrecon.aliases import are_variants, merge_variants


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sergey Lavrov", "Sergei Lavrov"),
        ("Collective Security Treaty Organization", "Collective Security Treaty Organisation"),
        ("Organization", "Organisation"),
        ("cease-fire", "ceasefire"),
        ("Defense Ministry", "Defence Ministry"),
        ("Türkiye", "Turkiye"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    ],
)
def test_spelling_variants_merge(a, b):
    assert are_variants(a, b)
    assert merge_variants([a, b]) == {a: a, b: a}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Armenia", "Albania"),
        ("Aliyev", "Alieva"),
        ("Austria", "Australia"),
        ("Iran", "Iraq"),
        ("Niger", "Nigeria"),
        ("Sudan", "South Sudan"),
        ("Mali", "Malawi"),
    ],
)
def test_different_names_stay_apart(a, b):
    assert not are_variants(a, b)
    assert merge_variants([a, b]) == {a: a, b: b}


def test_most_frequent_spelling_is_canonical():
    names = ["Sergei Lavrov", "Sergey Lavrov", "Sergey Lavrov", "Antony Blinken"]
    assert merge_variants(names) == {
        "Sergey Lavrov": "Sergey Lavrov",
        "Sergei Lavrov": "Sergey Lavrov",
        "Antony Blinken": "Antony Blinken",
    }
