"""The benchmark corpus generator: the distinct mode never repeats a paragraph or a sentence."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

import gencorpus  # noqa: E402


def _paragraphs(paths: list[Path]) -> Counter[str]:
    return Counter(p for path in paths for p in path.read_text(encoding="utf-8").split("\n\n"))


@pytest.fixture(scope="module")
def distinct(tmp_path_factory) -> list[Path]:
    return gencorpus.generate(120, tmp_path_factory.mktemp("distinct"))


def test_no_paragraph_of_the_distinct_corpus_repeats(distinct):
    counts = _paragraphs(distinct)
    assert sum(counts.values()) > 1000
    assert counts.most_common(1)[0][1] == 1


def test_no_sentence_of_the_distinct_corpus_repeats(distinct):
    sentences = Counter(s for p in _paragraphs(distinct) for s in gencorpus.sentences_of(p.strip()))
    assert sentences.most_common(1)[0][1] == 1


def test_the_syndicated_corpus_repeats_most_paragraphs(tmp_path):
    counts = _paragraphs(gencorpus.generate(120, tmp_path, distinct=False))
    assert len(counts) < sum(counts.values()) / 2


@pytest.mark.parametrize("distinct_mode", [True, False])
def test_a_small_corpus_is_the_start_of_a_larger_one(tmp_path, distinct_mode):
    small = gencorpus.generate(15, tmp_path / "small", distinct=distinct_mode)
    large = gencorpus.generate(30, tmp_path / "large", distinct=distinct_mode)
    assert [p.read_bytes() for p in small] == [p.read_bytes() for p in large[:15]]


def test_a_distinct_paragraph_varies_names_numbers_places_and_weekdays():
    seed = "Speaking on Tuesday in Jermuk, Prime Minister Nikol Pashinyan said 49 soldiers and two civilians died."
    varied = {gencorpus.vary_distinct(seed, gencorpus.random.Random(i)) for i in range(40)}
    for word in ("Tuesday", "Jermuk", "Nikol Pashinyan", "49", "two"):
        assert sum(word in v for v in varied) < 20, word


def test_an_opener_lowercases_only_a_common_first_word():
    rng = gencorpus.random.Random(1)
    assert ", the ministry said" in gencorpus._opened("The ministry said so.", rng)
    assert ", Moscow has" in gencorpus._opened("Moscow has engaged.", rng)


@pytest.mark.parametrize("opener", gencorpus.OPENERS)
def test_an_opener_adds_no_word_that_makes_a_sentence_a_candidate(opener):
    from clashrecon.nlp import prefilter

    sentence = opener.format(weekday="Friday", place="Goris") + "the town is quiet."
    assert not prefilter.needs_parse(sentence)
