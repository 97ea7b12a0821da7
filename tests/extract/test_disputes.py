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


def denials_of(nlp, text: str) -> set[tuple[str | None, str, str]]:
    art = article_of(text)
    return {(c.claimant, c.subject, c.value) for c in event_claims(nlp(claim_text(art)), art) if c.kind == "attack" and c.value == "denied"}


@pytest.mark.parametrize(
    "text, expected",
    [
        # a denial whose object points back answers the accusation of the sentence before
        (
            "Kenya's army accused Ethiopian troops of breaking the truce near Moyale. Ethiopia's government denied it.",
            {("Ethiopia", "ceasefire violation", "denied")},
        ),
        ("Kenya's president said Ethiopia had attacked first. Ethiopia's army rejected the accusation.", {("Ethiopia", "initiator", "denied")}),
        # ... or the warning someone else says was given
        (
            "Kenya's defence ministry said the Ethiopian command had been told beforehand of its plan to start the operation. "
            "Ethiopia's command refuted that account.",
            {("Ethiopia", "warning", "denied")},
        ),
        # a denial that names the act itself
        ("Ethiopia denied firing any shell after the ceasefire took effect.", {("Ethiopia", "ceasefire violation", "denied")}),
        ("Kenya's army said Ethiopian troops opened fire first. Ethiopia denied it had fired first.", {("Ethiopia", "initiator", "denied")}),
    ],
)
def test_a_denial_answers_the_blame_or_warning_it_rejects(nlp, text, expected):
    assert denials_of(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kenya's president said Ethiopia had attacked first. Kenya's foreign ministry rejected the report.",  # not the one blamed
        "Kenya's president said Ethiopia had attacked first. Ethiopia did not deny this.",
        "Ethiopia denies any part in the massacre and says Kenya struck first.",  # denies something else
        "The Ethiopian government denied this.",  # nothing before it to answer
    ],
)
def test_no_denial_of_a_blame_nobody_put_on_the_denier(nlp, text):
    assert not denials_of(nlp, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        # a passive notice of a planned attack is a warning to the one informed, per whoever says so
        (
            "According to Kenya's defence ministry, the Ethiopian border command was notified in good time of the plan to strike the valley.",
            {("Kenya", "warning", "asserted")},
        ),
        ("Kenya's army said the Ethiopian command had been notified of its intention to strike the camps.", {("Kenya", "warning", "asserted")}),
        ("Kenya's minister said Ethiopia had been informed of the deaths.", set()),  # news of deaths is no warning
        # a warning reported by a speaker of no known side is the warner's own word
        (
            "Kenya's President William Ruto spoke on Monday. The analyst Jane Mwangi said Ruto warned Addis Ababa that more firing on Kenyan troops would be seen as a declaration of war.",
            {("Kenya", "warning", "asserted")},
        ),
        # the speaker of a relative clause on the warning denies it
        (
            "Ethiopia's Prime Minister Abiy Ahmed spoke on Monday. The analyst Jane Mwangi had said Ruto warned Addis Ababa that more firing would be an act of war - a warning Abiy says was never given.",
            {("Ethiopia", "warning", "denied")},
        ),
    ],
)
def test_notices_and_relayed_warnings(nlp, text, expected):
    assert warnings_of(nlp, text) == expected


def requests_of(nlp, text: str) -> set[tuple[str | None, str, str]]:
    art = article_of(text)
    return {(c.claimant, c.subject, c.value) for c in event_claims(nlp(claim_text(art)), art) if c.subject == "ceasefire request"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenya's foreign ministry said the two governments had agreed, at Addis Ababa's request, to a 48-hour ceasefire.", {("Kenya", "ceasefire request", "Ethiopia")}),
        ("Ethiopia's spokesman said the truce had been sought by Kenya.", {("Ethiopia", "ceasefire request", "Kenya")}),
        ("Kenya's army said Ethiopia had asked for a ceasefire on Friday.", {("Kenya", "ceasefire request", "Ethiopia")}),
        ("Kenya's ministry said that, at the request of Ethiopia, both sides had agreed to a temporary truce.", {("Kenya", "ceasefire request", "Ethiopia")}),
        ("Kenya said it had requested the ceasefire to let civilians leave.", {("Kenya", "ceasefire request", "Kenya")}),  # an admission, kept
        ("The United Nations urged both sides to agree to a ceasefire.", set()),  # a call on others is no request
        ("Ethiopia's spokesman said the fighting ended because friendly countries had asked for a halt.", set()),  # no truce named
    ],
)
def test_who_asked_for_the_truce(nlp, text, expected):
    assert requests_of(nlp, text) == expected


def targeting_of(nlp, text: str) -> set[tuple[str | None, str, str]]:
    art = article_of(text)
    return {(c.claimant, c.subject, c.value) for c in event_claims(nlp(claim_text(art)), art) if c.subject.startswith("civilian targeting")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ethiopia accused Kenya of targeting civilians with its rockets.", {("Ethiopia", "civilian targeting by Kenya", "asserted")}),
        ("Ethiopia alleged that Kenyan rockets targeted civilian homes in the border province.", {("Ethiopia", "civilian targeting by Kenya", "asserted")}),
        # agentless: the attacker is the one the sentence before names
        (
            'Kenya launched an offensive against the valley on Tuesday. "Homes and civilians are being targeted too," the Ethiopian ombudsman said.',
            {("Ethiopia", "civilian targeting by Kenya", "asserted")},
        ),
        # only military things hit, or a denied hit on civilians, is a denial
        ("Kenya's defence ministry said its forces only targeted military objects in the valley.", {("Kenya", "civilian targeting by Kenya", "denied")}),
        ("Kenya has said its forces targeted only rebel positions and denies hitting civilians.", {("Kenya", "civilian targeting by Kenya", "denied")}),
        ("Kenyan artillery hit the village, killing three people.", set()),  # the outlet's report, no one's accusation
        ("Kenya's army said its strikes hit militant camps.", set()),  # no 'only': not a word on civilians
    ],
)
def test_whether_civilians_were_targeted(nlp, text, expected):
    assert targeting_of(nlp, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # calling the other side's operation aggression pins the start on its doer
        (
            "Kenya's army launched an offensive on Tuesday. Ethiopia's foreign ministry called the offensive an act of aggression.",
            {("Ethiopia", "initiator", "Kenya")},
        ),
        ("Ethiopia condemned Kenya's offensive as an unprovoked act of war.", {("Ethiopia", "initiator", "Kenya")}),
        (
            "Kenya said its troops had launched a limited counter-terror operation across the border. "
            "Ethiopia said none of its troops were in the area, calling the assault an act of open aggression.",
            {("Ethiopia", "initiator", "Kenya")},
        ),
        # the blasts "blamed on" the other side
        (
            "Kenya moved its troops in after two of its border guards died in mine explosions, which it blamed on Ethiopian saboteurs.",
            {("Kenya", "initiator", "Ethiopia")},
        ),
        ("The minister called for calm and described the situation as tense.", set()),
    ],
)
def test_justifications_set_one_sides_word_against_the_others(nlp, text, expected):
    assert {b for b in blames(nlp, text) if b[1] == "initiator" and b[0] != "Wire"} == expected
