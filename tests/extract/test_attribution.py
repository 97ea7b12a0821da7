"""Who asserts a sentence: reporting verbs, 'according to', pronoun speakers, the outlet."""

from __future__ import annotations

import pytest
from test_casualties_wire import article_of

from clashrecon.extract.attribution import attribute


def _anchor(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "text, anchor, claimant, printed",
    [
        ("At least 12 civilians were killed, Ukrainian officials said.", "killed", "Ukraine", "Ukrainian officials"),
        ("Russian missile strikes killed at least 12 civilians in Kharkiv, Ukrainian officials said.", "killed", "Ukraine", "Ukrainian officials"),
        ("Armenia said at least 49 of its soldiers were killed; Azerbaijan said it lost 50.", "lost", "Azerbaijan", "Azerbaijan"),
        ("Fighting has killed 300 people, according to the United Nations.", "killed", "United Nations", "the United Nations"),
        ("Armenia and Azerbaijan reported that 155 troops have died.", "died", "Armenia and Azerbaijan", "Armenia and Azerbaijan"),
        # a reporter citing a source passes the source's word on
        ("An Uzbek border guard has been killed in clashes on the border, Russia's TASS news agency has reported, citing the Uzbek border service.",
         "killed", "Uzbekistan", "the Uzbek border service"),
        ("Twelve soldiers were killed, the agency reported, citing a military source.", "killed", "a military source", "a military source"),
        # a count that is the reporting verb's own subject speaks for nobody: the outer source does
        ("According to the ministry, 40 civilians were affected, with 11 confirmed dead and nine seriously injured.",
         "dead", "the ministry", "the ministry"),
    ],
)
def test_speaker_of_the_nearest_reporting_verb(nlp, text, anchor, claimant, printed):
    art = article_of(text)
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, anchor), art)
    assert (who.claimant, who.text, who.role.value) == (claimant, printed, "speaker")


def test_pronoun_speaker_resolves_to_the_previous_speaker(nlp):
    text = "Azerbaijan's Defence Ministry said attacks continued. It said two civilians were injured."
    art = article_of(text)
    doc = nlp(text)
    second = list(doc.sents)[1]
    who = attribute(second, _anchor(doc, "injured"), art)
    assert (who.claimant, who.text) == ("Azerbaijan", "It")


def test_bare_definite_speaker_resolves_to_an_earlier_mention(nlp):
    text = "Shelling began at midnight, according to the Armenian Defense Ministry. The ministry added that it injured people."
    art = article_of(text)
    doc = nlp(text)
    second = list(doc.sents)[1]
    who = attribute(second, _anchor(doc, "injured"), art)
    assert (who.claimant, who.text) == ("Armenia", "The ministry")


def test_unattributed_claim_belongs_to_the_outlet(nlp):
    text = "A drone strike killed four people in the village."
    art = article_of(text, outlet="Reuters")
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, "killed"), art)
    assert (who.claimant, who.text, who.role.value) == ("Reuters", None, "outlet")


@pytest.mark.parametrize(
    "text, anchor, claimant",
    [
        # the speaker of the second clause does not speak for the first
        ("Missiles kill three in Israel; Tehran says 60 died in a strike on a tower block", "kill", "Reuters"),
        ("Shelling kills two in border village; army says it fired back", "kills", "Reuters"),
        # its own clause it does speak for
        ("Missiles kill three in Israel; Tehran says 60 died in a strike on a tower block", "died", "Iran"),
        ("Officials say 12 dead in market blast; rescuers still searching", "dead", "Officials"),
    ],
)
def test_a_reporting_verb_across_a_semicolon_speaks_for_its_own_clause(nlp, text, anchor, claimant):
    art = article_of(text, outlet="Reuters", headline=True)
    doc = nlp(text)
    assert attribute(doc[:], _anchor(doc, anchor), art, headline=True).claimant == claimant


def test_headline_speaker_is_marked_headline(nlp):
    text = "Armenia says 49 soldiers killed in clashes with Azerbaijan"
    art = article_of(text, headline=True)
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, "killed"), art, headline=True)
    assert (who.claimant, who.role.value) == ("Armenia", "headline")


def test_relative_pronoun_speaker_is_its_antecedent(nlp):
    text = "Rights monitors cite the Assistance Association for Political Prisoners, which says 3,240 civilians have been killed."
    art = article_of(text)
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, "killed"), art)
    assert who.text == "the Assistance Association for Political Prisoners"


def test_pronoun_after_a_speaker_no_lexicon_names_takes_that_speaker(nlp):
    text = "The National Unity Government said 22 children died. At least 12 people were injured, it said."
    art = article_of(text)
    doc = nlp(text)
    second = list(doc.sents)[1]
    who = attribute(second, _anchor(doc, "injured"), art)
    assert (who.claimant, who.text) == ("The National Unity Government", "it")


def test_a_ministry_is_the_countrys_named_with_it_not_an_earlier_ministry(nlp):
    text = "Thailand's health ministry said 11 civilians died. Cambodia's defence ministry said five Cambodian soldiers were killed."
    art = article_of(text)
    doc = nlp(text)
    second = list(doc.sents)[1]
    who = attribute(second, _anchor(doc, "killed"), art)
    assert who.claimant == "Cambodia"


def test_the_head_of_a_speaker_phrase_names_it_before_its_modifier(nlp):
    text = "Yemen's Houthis said 14 people were killed in strikes on Hodeidah."
    art = article_of(text)
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, "killed"), art)
    assert who.claimant == "Houthis"


def test_an_official_named_by_role_speaks_for_the_datelines_country(nlp):
    text = "The death toll has risen to 23, the provincial governor said on Friday."
    art = article_of(text).model_copy(update={"dateline": "GOMA, Congo"})
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, "risen"), art)
    assert (who.claimant, who.text) == ("Democratic Republic of the Congo", "the provincial governor")


def test_without_a_dateline_a_role_stays_as_printed(nlp):
    text = "The death toll has risen to 23, the provincial governor said on Friday."
    art = article_of(text)
    doc = nlp(text)
    who = attribute(doc[:], _anchor(doc, "risen"), art)
    assert who.claimant == "the provincial governor"
