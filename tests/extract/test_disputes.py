"""Actor claims that let a dispute be found: each side's own word on who broke a truce, who killed
whom, who the dead were and whether a warning was given. Sentences in our own words, with the
shapes the development stories' wire copy prints them in."""

from __future__ import annotations

import pytest
from test_events import article_of, blames

from clashrecon.extract.events import event_claims
from clashrecon.ingest.segments import claim_text
from clashrecon.nlp import prefilter

TRUCE = "Chile and Peru agreed to a truce on Friday. "


@pytest.mark.parametrize(
    "text, expected",
    [
        # "each ... the other": mutual blame without "each other", parties from the sentence before
        (
            TRUCE + "Each side accused the other of breaking the ceasefire within a day.",
            {("Chile", "ceasefire violation", "Peru"), ("Peru", "ceasefire violation", "Chile")},
        ),
        (
            TRUCE + "Hours after the truce was announced, each country accused the other of breaching it.",
            {("Chile", "ceasefire violation", "Peru"), ("Peru", "ceasefire violation", "Chile")},
        ),
        (
            TRUCE + "Both sides welcomed the truce, but by nightfall they accused each other of violations.",
            {("Chile", "ceasefire violation", "Peru"), ("Peru", "ceasefire violation", "Chile")},
        ),
        ("India accused Pakistan of violating the truce.", {("India", "ceasefire violation", "Pakistan")}),
        ("Pakistan said India broke the ceasefire.", {("Pakistan", "ceasefire violation", "India")}),
        # the violations pinned on a side by its modifier or by "were X's"
        ("Peru's defence ministry said it honoured the truce and that the breaches were Chile's.", {("Peru", "ceasefire violation", "Chile")}),
        ("Chile's spokesman blamed the new deaths on Peruvian violations of the ceasefire in the valley.", {("Chile", "ceasefire violation", "Peru")}),
        ("Peru's army said the rising toll was due to Chile's repeated ceasefire violations.", {("Peru", "ceasefire violation", "Chile")}),
        # a truce noun other than "ceasefire", in a sentence that names the ceasefire
        ("Chile's foreign minister said that hours into the ceasefire, Peru violated the agreement.", {("Chile", "ceasefire violation", "Peru")}),
    ],
)
def test_each_side_says_the_other_broke_the_truce(nlp, text, expected):
    assert {b for b in blames(nlp, text) if b[1] == "ceasefire violation"} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Peru accused Chile of breaching the laws of war.",  # no truce: not a ceasefire violation
        "Chile's army said Peruvian troops did not violate the ceasefire.",
        "Peru's president said the ceasefire violations had stopped.",  # nobody named
    ],
)
def test_no_ceasefire_violation_pinned_on_anyone(nlp, text):
    assert not {b for b in blames(nlp, text) if b[1] == "ceasefire violation"}


def test_the_prefilter_parses_a_sentence_whose_only_blame_word_is_a_response(nlp):
    """'responded to repeated Peruvian violations' has no accusation word, yet it pins the breaches on Peru."""
    text = "Chile's foreign minister said late on Saturday that Chilean forces had responded to repeated Peruvian violations."
    art = article_of(text)
    doc = next(prefilter.pipe(nlp, [claim_text(art)]))
    found = {(c.claimant, c.subject, c.value) for c in event_claims(doc, art) if c.kind == "blame"}
    assert found == {("Chile", "ceasefire violation", "Peru")}


def perpetrators(nlp, text: str) -> set[tuple[str | None, str, str]]:
    art = article_of(text)
    return {
        (c.claimant, c.subject, c.value)
        for c in event_claims(nlp(claim_text(art)), art)
        if c.kind == "attack" and c.subject.startswith("perpetrator of")
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenya says al-Shabaab fighters and Ethiopian troops killed its soldiers.",
            {("Kenya", "perpetrator of Kenya deaths", "al-Shabab"), ("Kenya", "perpetrator of Kenya deaths", "Ethiopia")},
        ),
        # a cleft with the culprit denied beside it; what a speaker says he was told is his own claim
        (
            "Ethiopia's prime minister claimed that the Kenyan president had told him that it was the Somali army, not Ethiopian troops, that had killed the Kenyans.",
            {("Ethiopia", "perpetrator of Kenya deaths", "Somalia")},
        ),
        # passive, the killer named as the agent of the weapon in a "when" clause
        (
            "Kenya said two more of its soldiers had been killed when a rocket fired by Ethiopian forces hit their camp.",
            {("Kenya", "perpetrator of Kenya deaths", "Ethiopia")},
        ),
        (
            "Kenya's defence minister said the Kenyan soldiers died as a result of an assault by Ethiopian troops.",
            {("Kenya", "perpetrator of Kenya deaths", "Ethiopia")},
        ),
    ],
)
def test_who_killed_a_named_sides_dead(nlp, text, expected):
    assert perpetrators(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed 21 civilians near the border, officials said.",  # neither side named
        "Kenya said Ethiopian troops did not kill its soldiers.",
    ],
)
def test_no_perpetrator_without_both_sides_named(nlp, text):
    assert not perpetrators(nlp, text)


def test_a_speaker_only_repeating_a_toll_keeps_his_own_claim(nlp):
    """'X says it killed ...; Y puts its dead at ...': X's word, not Y's (only a relayed 'told' is lifted)."""
    assert perpetrators(nlp, "Kenya says it killed 58 Ethiopian soldiers; Ethiopia puts its own dead at 23") == {
        ("Kenya", "perpetrator of Ethiopia deaths", "Kenya")
    }


def warnings_of(nlp, text: str) -> set[tuple[str | None, str, str]]:
    art = article_of(text)
    return {(c.claimant, c.subject, c.value) for c in event_claims(nlp(claim_text(art)), art) if c.subject == "warning"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Kenya's defence minister says Ruto told Ethiopia that any more firing on Kenyan troops would be seen as a declaration of war.",
            {("Kenya", "warning", "asserted")},
        ),
        ("Ethiopia's prime minister says no warning was given.", {("Ethiopia", "warning", "denied")}),
        ("Kenya says it did not warn Ethiopia.", {("Kenya", "warning", "denied")}),
        # a warning with nobody warned is not one that can be denied
        ("The general warned that the rebels were now 50 kilometres from the city.", set()),
    ],
)
def test_whether_a_warning_was_given(nlp, text, expected):
    assert warnings_of(nlp, text) == expected
