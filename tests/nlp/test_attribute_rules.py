"""The attribute ruler applied by look-up gives exactly spaCy's annotations, faster."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler

from clashrecon.nlp.attribute_rules import AttributeRules, compile_rules, use_lookup_rules

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

ODD = (
    "Y'all ain't gonna believe it, c'mon. Let's go, I'd do it if i did. There is a man, and there are two. "
    "Somethin' 'bout nothin' got ta change, ol' man. It's not what you'd think: doin' it is n't easy.\n\n"
    "   \n  Azerbaijan said it lost 50 troops; Armenia's ministry said 49 were killed."
)


@pytest.fixture(scope="module")
def pipelines(nlp):
    """spaCy's own model twice: one with its attribute ruler, one with the look-up."""
    import spacy

    from clashrecon.nlp import load_pipeline

    name = load_pipeline().name
    spacy_own, lookup = spacy.load(name), spacy.load(name)
    assert use_lookup_rules(lookup)
    return spacy_own, lookup


def test_the_configured_pipeline_uses_the_lookup(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRules)


@pytest.mark.parametrize("source", ["seeds", "odd"])
def test_every_token_gets_the_same_pos_morph_lemma_tag_and_dep(pipelines, source):
    spacy_own, lookup = pipelines
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if source == "seeds" else [ODD, "", " "]
    attrs = [POS, MORPH, LEMMA, TAG, DEP]
    for want, got in zip(spacy_own.pipe(texts), lookup.pipe(texts)):
        assert numpy.array_equal(want.to_array(attrs), got.to_array(attrs))
        assert [str(t.morph) for t in want] == [str(t.morph) for t in got]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "ai", "OP": "+"}],  # operators change what a match is
        [{"LENGTH": {">=": 3}}],  # comparisons
        [{"LOWER": {"FUZZY": "attack"}}],
        [{"SENT_START": True}],  # an attribute the look-up does not read
        [],
    ],
)
def test_a_rule_the_lookup_cannot_reproduce_keeps_spacys_ruler(nlp, pattern):
    assert compile_rules([{"patterns": [pattern], "attrs": {"POS": "AUX"}, "index": 0}], nlp.vocab.strings) is None


def test_later_rules_win_as_in_spacy(pipelines):
    _, lookup = pipelines
    rules = [
        {"patterns": [[{"LOWER": "shelled"}]], "attrs": {"LEMMA": "first"}, "index": 0},
        {"patterns": [[{"TAG": "VBD"}]], "attrs": {"LEMMA": "second"}, "index": 0},
    ]
    ruler = AttributeRuler(lookup.vocab)
    ruler.add_patterns(rules)
    fast = AttributeRules(ruler, compile_rules(ruler.patterns, lookup.vocab.strings))
    docs = [lookup.make_doc("Troops shelled"), lookup.make_doc("Troops shelled")]
    for doc in docs:
        doc[1].tag_ = "VBD"
    ruler(docs[0])
    fast(docs[1])
    assert docs[0][1].lemma_ == docs[1][1].lemma_ == "second"
