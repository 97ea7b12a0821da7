"""Casualty claims from the five seed reports of the September 2022 Armenia–Azerbaijan clashes.

Each seed lists every quantified casualty claim an analyst would code; anything else the
extractor yields counts as a false positive, so the test fails on extra claims too.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_casualties_wire import Expect, describe, score

from clashrecon.extract.casualties import casualty_claims
from clashrecon.ingest.segments import build_article, claim_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
K, W, B, X = "killed", "wounded", "bodies", "casualties"
ARM, AZE = "Armenia", "Azerbaijan"

EXPECTED: dict[str, list[Expect]] = {
    "000_41b26c68895a8303.txt": [
        Expect(K, "exact", 49, 49, party=ARM, group="military", claimant=ARM),  # headline: a country's own unmarked soldiers
        Expect(K, "at_least", 49, None, party=ARM, group="military", claimant=ARM),
        Expect(W, "unspecified", None, None, party=ARM, claimant=ARM),  # Armenian ministry: "the Azerbaijani shelling ... injured"
        Expect(X, "unspecified", None, None, claimant=AZE),
        Expect(K, "more_than", 6601, None, party="both", scope="background"),  # the 2020 war killed on both sides
        Expect(K, "at_least", 49, None, party=ARM, group="military", claimant=ARM),  # Pashinyan in parliament
    ],
    "001_39cca2ebeafa4fc9.txt": [
        Expect(K, "exact", 49, 49, party=ARM, group="military", claimant=ARM),
        Expect(K, "at_least", 49, None, party=ARM, group="military", claimant=ARM),
    ],
    "002_e9d03dd66f68ed55.txt": [
        Expect(K, "exact", 99, 99, party="both", group="military"),  # reported by both countries together
        Expect(K, "about", 90, 110, party="both", group="military"),
        Expect(K, "at_least", 49, None, party=ARM, group="military", claimant=ARM),
        Expect(K, "exact", 50, 50, party=AZE, claimant=AZE),  # "Azerbaijan said it lost 50"
        Expect(W, "unspecified", None, None),
        Expect(K, "more_than", 6601, None, party="both", scope="background"),
        Expect(K, "unspecified", None, None, party=AZE, group="military"),  # Aliyev: "our servicemen who died"
        Expect(K, "exact", 4, 4, party=ARM, group="military", scope="place"),  # "in his region"
        Expect(W, "exact", 43, 43, party=ARM, scope="place"),
    ],
    "003_3737467c3f90d56b.txt": [
        Expect(K, "at_least", 49, None, party=ARM, group="military", claimant=ARM),  # "his country's soldiers"
        Expect(K, "vague", 2000, 9999, party="both", scope="background"),  # "thousands died on both sides"
        Expect(K, "unspecified", None, None, party=AZE, group="military", claimant=AZE),  # "without giving numbers"
    ],
    "004_9930d5a469ed8c22.txt": [
        Expect(K, "exact", 155, 155, party="both"),  # headline: "clashes that killed 155"
        Expect(K, "exact", 155, 155, party="both", group="military", scope="cumulative"),
        Expect(K, "exact", 105, 105, party=ARM, group="military", claimant=ARM, scope="cumulative"),
        Expect(K, "exact", 50, 50, party=AZE, group="military", claimant=AZE, scope="cumulative"),  # same window as the 105
        Expect(B, "up_to", 0, 100, party=ARM, group="military", claimant=AZE),
        Expect(K, "more_than", 6701, None, party="both", scope="background"),  # "died in the fighting" after "a six-week war in 2020"
        Expect(W, "exact", 2, 2, party=AZE, group="civilians", claimant=AZE),
    ],
}

NOT_CLAIM_WORDS = ("2,000", "six-week", "44-day", "40-minute", "3 min", "seven", "1994", "1997", "2020", "Thousands", "thousands of peacekeepers")


def seed_claims(nlp, name: str):
    path = SEEDS / name
    art = build_article(path.read_text(encoding="utf-8"), path=path, name=name, fmt="txt", meta={}, warnings=[])
    return art, list(casualty_claims(nlp(claim_text(art)), art))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_yields_every_casualty_claim_and_nothing_else(nlp, name):
    _, claims = seed_claims(nlp, name)
    tp, fp, fn = score(claims, EXPECTED[name])
    assert (fp, fn) == (0, 0), describe(claims)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_non_claims_never_appear(nlp, name):
    art, claims = seed_claims(nlp, name)
    spans = [art.text[c.span_start : c.span_end] for c in claims]
    assert not [s for s in spans if s in NOT_CLAIM_WORDS or s.startswith("about 2")], spans


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_seed_claim_traces_back_to_its_sentence_and_number(nlp, name):
    art, claims = seed_claims(nlp, name)
    for c in claims:
        assert art.text[c.start : c.end] == c.quote
        assert c.start <= c.span_start < c.span_end <= c.end
        assert "\n" not in c.quote.strip()


def test_background_war_is_labelled_with_its_year(nlp):
    _, claims = seed_claims(nlp, "002_e9d03dd66f68ed55.txt")
    background = [c for c in claims if c.scope.kind.value == "background"]
    assert [(c.scope.event, c.event_time.year) for c in background] == [("2020 war", 2020)]


def test_place_scope_names_the_speakers_region(nlp):
    _, claims = seed_claims(nlp, "002_e9d03dd66f68ed55.txt")
    assert {c.scope.place for c in claims if c.scope.kind.value == "place"} == {"Gegharkunik"}


def test_headline_claim_is_marked_headline(nlp):
    _, claims = seed_claims(nlp, "000_41b26c68895a8303.txt")
    assert claims[0].claimant_role.value == "headline" and claims[0].segment.value == "headline"
