"""The configured pipeline: the entity ruler sees actors before the model's NER; paragraphs end sentences."""

from __future__ import annotations

import pytest


def test_ruler_runs_before_ner(nlp):
    names = nlp.pipe_names
    assert names.index("clashrecon_actors") < names.index("ner")


@pytest.mark.parametrize(
    "text, surface, label",
    [
        ("Azerbaijani forces shelled the town.", "Azerbaijani", "NORP"),
        ("The Azerbaijani military said it responded.", "Azerbaijani", "NORP"),
        ("Kremlin spokesman Dmitry Peskov declined to comment.", "Kremlin", "GPE"),
        ("The CSTO will send a mission.", "CSTO", "ORG"),
        ("Sudanese army units clashed with the RSF in Khartoum.", "RSF", "ORG"),
    ],
)
def test_demonyms_capitals_and_bodies_get_lexicon_labels(nlp, text, surface, label):
    ents = {e.text: e.label_ for e in nlp(text).ents}
    assert ents.get(surface) == label


def test_azerbaijani_is_never_a_person(nlp):
    for text in ("Azerbaijani said nothing.", "Officials said Azerbaijani and Armenian troops clashed.", "Azerbaijani"):
        assert all(e.label_ != "PERSON" for e in nlp(text).ents if "Azerbaijani" in e.text)


def test_a_sentence_never_runs_across_a_paragraph_break(nlp):
    doc = nlp("Armenia and Azerbaijan trade blame for clashes\n\nArmenia and Azerbaijan accused each other of shelling.")
    assert [s.text.strip() for s in doc.sents] == [
        "Armenia and Azerbaijan trade blame for clashes",
        "Armenia and Azerbaijan accused each other of shelling.",
    ]
