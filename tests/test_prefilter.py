"""The prefilter: which sentences get a parse, and Docs that still read as the full pipeline's."""

from __future__ import annotations

import pytest

from clashrecon import prefilter

TEXT = (
    "Moscow has engaged in a delicate balancing act with both nations. "
    "The governor said that four soldiers in his region were killed and another 43 were wounded. "
    "It said two civilians were injured by the shelling.\n\n"
    "The region is known for its mineral water."
)


@pytest.mark.parametrize(
    ("sentence", "parse"),
    [
        ("The health ministry said 12 people were killed in the strike.", True),
        ("Rebels abducted three aid workers near Goma.", True),
        ("Two soldiers remain missing after the ambush.", True),
        ("The death toll rose to 31 on Friday.", True),
        ("Both sides agreed to a truce brokered by Qatar.", True),
        ("Protesters rallied outside parliament.", True),
        ("The town is famous for its mineral water and spas.", False),
        ("Moscow has engaged in a delicate balancing act with both nations.", False),
        # a phrase of the lexicon counts only whole: "held" alone is not "held hostage"
        ("The summit was held in a hotel.", True),  # "summit" is a meeting word
        ("The festival was held in a park.", False),
    ],
)
def test_needs_parse_follows_the_extractors_lexicons(sentence, parse):
    assert prefilter.needs_parse(sentence) is parse


def test_a_pronoun_speaker_points_back():
    assert prefilter.refers_back("It said two civilians were injured.")
    assert prefilter.refers_back("“The governor said four were killed.")
    assert not prefilter.refers_back("Azerbaijan said it lost 50 troops.")


def test_the_doc_keeps_the_text_entities_and_parses_only_candidates(nlp, monkeypatch):
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    (doc,) = prefilter.pipe(nlp, [TEXT])
    full = nlp(TEXT)
    assert doc.text == TEXT
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start_char, e.end_char, e.label_) for e in full.ents
    ]
    killed = next(t for t in doc if t.text == "killed")
    assert killed.lemma_ == "kill" and killed.tag_ == "VBN"
    water = next(t for t in doc if t.text == "water")
    assert water.lemma_ == "" and water.dep_ == "dep"  # not a candidate: placeholder tree only
    assert any(s.text.startswith("It said") for s in doc.sents)


def test_a_sentence_the_splitter_cuts_oddly_is_parsed_whole(nlp, monkeypatch):
    monkeypatch.delenv("CLASHRECON_PREFILTER", raising=False)
    text = "Eleven soldiers were killed in [link=x]Tavush[/link], the [b]ministry[/b] said. The sea is calm."
    (doc,) = prefilter.pipe(nlp, [text])
    assert [s.text for s in doc.sents][0] == text[: text.index(" The sea")]


def test_off_switch_gives_the_plain_pipeline(nlp, monkeypatch):
    monkeypatch.setenv("CLASHRECON_PREFILTER", "off")
    (doc,) = prefilter.pipe(nlp, [TEXT])
    assert next(t for t in doc if t.text == "water").lemma_ == "water"
