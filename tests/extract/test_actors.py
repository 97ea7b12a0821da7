"""Actors: countries, bodies, state organs and officials resolve to one canonical actor."""

from __future__ import annotations

import pytest

from clashrecon.extract.actors import actor_of_phrase, actor_of_text, person_affiliations


@pytest.mark.parametrize(
    "text, actor",
    [
        ("Armenian Prime Minister Nikol Pashinyan", "Armenia"),
        ("Turkish Foreign Minister Mevlut Cavusoglu", "Turkey"),
        ("Kremlin spokesman Dmitry Peskov", "Russia"),
        ("Armenia's Defense Ministry", "Armenia"),
        ("Armenian Defence Ministry", "Armenia"),
        ("the Defense Ministry in Baku", "Azerbaijan"),
        ("Azerbaijan’s Foreign Ministry", "Azerbaijan"),
        ("U.S. Secretary of State Antony Blinken", "United States"),
        ("the Collective Security Treaty Organisation", "Collective Security Treaty Organization"),
        ("the U.N. Security Council", "United Nations"),
        ("Sudan's Rapid Support Forces", "Rapid Support Forces"),
        ("Ukrainian officials", "Ukraine"),
        ("who’s said the accord only provides for transport links", None),
        ("us", None),
        ("Secretary of State Antony Blinken", None),
        # a paper named after its city is an outlet, not the country
        ("The Washington Post", None),
        ("the Moscow Times", None),
        ("the Kyiv Independent", None),
        # a held region's authorities are the side they fight for
        ("Nagorno-Karabakh officials", "Armenia"),
    ],
)
def test_actor_of_text(text, actor):
    assert actor_of_text(text) == actor


def _phrase(doc, text):
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), alignment_mode="expand")


def test_titles_and_appositions_give_persons_their_affiliation(nlp):
    doc = nlp(
        "Charles Michel, president of the European Council, urged restraint. "
        "Russian Foreign Minister Sergey Lavrov spoke with his Azerbaijani counterpart, Jeyhun Bayramov. "
        "Blinken also spoke with Azerbaijan's president, Ilham Aliyev."
    )
    known = person_affiliations(doc)
    assert known["charles michel"] == "European Council"
    assert known["lavrov"] == "Russia"
    assert known["bayramov"] == "Azerbaijan"
    assert known["aliyev"] == "Azerbaijan"
    assert "blinken" not in known  # nothing in this text says whom he speaks for


def test_later_mentions_resolve_through_what_the_article_said_first(nlp):
    doc = nlp(
        "Armenian Prime Minister Nikol Pashinyan said 105 troops were killed. "
        "Mr Pashinyan said on Wednesday that his government asked Russia for support. "
        "He told legislators that Armenia is ready for peace."
    )
    assert actor_of_phrase(_phrase(doc, "Mr Pashinyan"), None) == "Armenia"
    assert actor_of_phrase(_phrase(doc, "He"), None) == "Armenia"


def test_a_bare_institution_takes_the_country_of_the_last_one_named(nlp):
    doc = nlp(
        "Hostilities erupted after midnight, according to the Armenian Defense Ministry. "
        "The ministry said fighting continued during the day."
    )
    assert actor_of_phrase(_phrase(doc, "The ministry"), None) == "Armenia"


def test_it_continues_the_last_speaker_not_the_last_subject(nlp):
    doc = nlp(
        "The ministry of Ukraine said Russian troops were trying to advance. "
        "It added that the shelling damaged a school."
    )
    assert actor_of_phrase(_phrase(doc, "It"), None) == "Ukraine"


def test_relative_clauses_do_not_lend_their_actors(nlp):
    doc = nlp("The governor of the province, one of the regions that came under Azerbaijani shelling, said four troops died.")
    assert actor_of_phrase(_phrase(doc, "The governor of the province, one of the regions that came under Azerbaijani shelling,"), None) is None


@pytest.mark.parametrize(
    "text, phrase, actor",
    [
        ("Ukrainian President Volodymyr Zelenskyy said the attack was a war crime. Zelenskyy added that help was needed.", "Zelenskyy", "Ukraine"),
        ("Israeli Prime Minister Benjamin Netanyahu vowed to respond. Netanyahu's office said the cabinet would meet.", "Netanyahu's office", "Israel"),
        ("The Israel Defense Forces said it struck 40 targets.", "The Israel Defense Forces", "Israel"),
        ("Hamas's armed wing said it fired rockets.", "Hamas's armed wing", "Hamas"),
        ("Pentagon spokesman John Kirby said the strikes were defensive.", "Pentagon spokesman John Kirby", "United States"),
        ("A spokesperson for Sudan's foreign ministry said talks had stalled.", "A spokesperson for Sudan's foreign ministry", "Sudan"),
        ("UN Secretary-General Antonio Guterres called for calm. Guterres said civilians must be protected.", "Guterres", "United Nations"),
        ("Houthi military spokesman Yahya Saree claimed the attack.", "Houthi military spokesman Yahya Saree", "Houthis"),
        ("The Kremlin said Putin had spoken with Erdogan.", "The Kremlin", "Russia"),
        ("Colombia's ELN guerrillas denied involvement.", "Colombia's ELN guerrillas", "ELN"),
        ("Myanmar's junta said resistance fighters attacked a police post.", "Myanmar's junta", "Myanmar"),
        ("Chinese foreign ministry spokesperson Mao Ning urged restraint. Mao said Beijing opposed provocations.", "Mao", "China"),
    ],
)
def test_speakers_in_other_conflicts(nlp, text, phrase, actor):
    """Written after the rules above: the first pass got 10 of 12 (the ELN case and a Chinese surname-first name missed)."""
    doc = nlp(text)
    start = text.rindex(phrase) if phrase in ("Zelenskyy", "Guterres", "Mao") else text.index(phrase)
    assert actor_of_phrase(doc.char_span(start, start + len(phrase), alignment_mode="expand"), None) == actor


@pytest.mark.parametrize(
    "text, affiliations",
    [
        # the name after the headline's dash is its source, not an apposition of "Kenyan attack"
        ("Two dead and 19 hurt in Kenyan shelling – Amina Hassan\n\nHassan said homes were hit.", {}),
        # a title of its own still gives one
        (
            "Three dead, 40 hurt in Kenyan shelling – Somali official Amina Hassan\n\nHassan said homes were hit.",
            {"amina hassan": "Somalia", "hassan": "Somalia", "amina": "Somalia"},
        ),
    ],
)
def test_a_headline_source_after_a_dash_takes_no_affiliation_from_the_words_before(nlp, text, affiliations):
    assert person_affiliations(nlp(text)) == affiliations


@pytest.mark.parametrize(
    "text, actor",
    [
        ("At least four killed, 30 injured in Kenyan attack – Somali Ombudsman\n\n\"Homes are being hit,\" the Ombudsman said.", "Somalia"),
        ("Two dead in Ethiopian drone strikes – Eritrean Ombudsman\n\n\"Schools were hit,\" the Ombudsman said.", "Eritrea"),
    ],
)
def test_the_ombudsman_is_the_last_ombudsman_named(nlp, text, actor):
    doc = nlp(text)
    assert actor_of_phrase(_phrase(doc, "the Ombudsman"), None) == actor
