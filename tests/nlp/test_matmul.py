"""The models' matrix products through numpy's BLAS: the same annotations as spaCy's own BLIS."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from clashrecon.nlp.matmul import use_numpy_matmul

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _ops_of(nlp) -> set[tuple[str, bool]]:
    return {
        (type(node.ops).__name__, getattr(node.ops, "use_blis", None))
        for _, component in nlp.components
        if hasattr(getattr(component, "model", None), "walk")
        for node in component.model.walk()
    }


@pytest.fixture(scope="module")
def pipelines():
    """spaCy's model twice: as shipped (BLIS), and with numpy's matrix products."""
    import spacy

    from clashrecon.nlp import load_pipeline

    name = load_pipeline().name
    shipped, numpy_matmul = spacy.load(name), spacy.load(name)
    return shipped, numpy_matmul


def test_every_model_of_the_configured_pipeline_multiplies_with_numpy(nlp, monkeypatch):
    monkeypatch.delenv("CLASHRECON_MATMUL", raising=False)
    assert _ops_of(nlp) == {("NumpyOps", False)}


@pytest.mark.parametrize("value", ["blis", "off"])
def test_the_switch_keeps_spacys_own(pipelines, monkeypatch, value):
    import spacy

    monkeypatch.setenv("CLASHRECON_MATMUL", value)
    fresh = spacy.blank("en")
    fresh.add_pipe("tok2vec")
    fresh.initialize()
    assert not use_numpy_matmul(fresh)
    assert _ops_of(fresh) == {("NumpyOps", True)}


def test_the_seeds_get_the_same_tokens_tags_trees_and_entities(pipelines, monkeypatch):
    monkeypatch.delenv("CLASHRECON_MATMUL", raising=False)
    shipped, numpy_matmul = pipelines
    assert use_numpy_matmul(numpy_matmul)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    attrs = [POS, MORPH, LEMMA, TAG, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    for want, got in zip(shipped.pipe(texts), numpy_matmul.pipe(texts)):
        assert numpy.array_equal(want.to_array(attrs), got.to_array(attrs))
