"""Spelling variants merge; different names that merely look alike do not."""

from __future__ import annotations

import pytest

from clashrecon.corpus.names import are_variants, merge_variants


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


def _claim(i: int, field, value, **attrs):
    from clashrecon.models import Claim

    return Claim(id=f"c{i}", article=f"a{i}.txt", article_id="x", field=field, kind="place", quote="q", start=0, end=1, value=value, attrs=attrs)


def test_place_names_and_persons_are_spelled_one_way_across_the_corpus():
    from clashrecon.corpus.names import spellings
    from clashrecon.corpus.view import claims_as_derived
    from clashrecon.models import CorpusDerived, Field

    claims = [
        _claim(1, Field.places, "Nagorno-Karabakh"),
        _claim(2, Field.places, "Nagorno-Karabakh"),
        _claim(3, Field.places, "Nagorno Karabakh"),
        _claim(4, Field.places, "Goris"),
        _claim(5, Field.actors, "call", claimant_person="Sergei Lavrov (Russia)"),
        _claim(6, Field.actors, "call", claimant_person="Sergey Lavrov (Russia)"),
        _claim(7, Field.actors, "call", claimant_person="Sergey Lavrov (Russia)"),
    ]
    merged = claims_as_derived(claims, CorpusDerived(spellings=spellings(claims)))
    assert [c.value for c in merged[:4]] == ["Nagorno-Karabakh"] * 3 + ["Goris"]
    assert merged[2].attrs.printed == "Nagorno Karabakh"
    assert {c.attrs.claimant_person for c in merged[4:]} == {"Sergey Lavrov (Russia)"}


def _merged_one_by_one(names):
    """`merge_variants` as it is specified: each name against every group's name in turn."""
    from collections import Counter

    ordered = list(names)
    counts = Counter(ordered)
    first = {}
    for i, n in enumerate(ordered):
        first.setdefault(n, i)
    groups: list[list[str]] = []
    for name in sorted(counts, key=lambda n: (-counts[n], first[n])):
        for group in groups:
            if are_variants(group[0], name):
                group.append(name)
                break
        else:
            groups.append([name])
    return {name: group[0] for group in groups for name in group}


@pytest.mark.parametrize("seed", range(4))
def test_the_indexed_merge_groups_as_comparing_every_group_does(seed):
    import random

    rng = random.Random(seed)
    stems = ["Sergey Lavrov", "Sergei Lavrov", "Verin Shorzha", "Verin Shorja", "Armenia", "Armenian",
             "Azerbaijan", "Azerbaidjan", "Kremlin", "Russia", "Moscow", "Austria", "Australia", "cease-fire",
             "Ceasefire", "Nikol Pashinyan", "Nikol Pashinian", "Goris", "Gorris", "Jermuk", "", "--", "Yerevan"]
    names = []
    for _ in range(400):
        name = rng.choice(stems)
        if name and rng.random() < 0.3:
            i = rng.randrange(len(name))
            name = name[:i] + rng.choice("aeiouxyz ") + name[i + 1 :]
        names.append(name)
    assert merge_variants(names) == _merged_one_by_one(names)
