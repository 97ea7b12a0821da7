"""Wire lineage: copies and rewrites of one story share an origin; credits never merge two wires."""

from __future__ import annotations

import random

import pytest
from pathlib import Path

from clashrecon.corpus import lineage
from clashrecon.corpus.lineage import article_origins, text_links
from clashrecon.corpus.view import articles_as_derived
from clashrecon.ingest import read_file
from clashrecon.ingest.segments import build_article

def assign_origins(articles):
    """The articles as later stages see them after the lineage pass."""
    from clashrecon.models import CorpusDerived

    return articles_as_derived(articles, CorpusDerived(origins=article_origins(articles)))


SEEDS = Path(__file__).resolve().parents[2] / "seeds"

STORY = [
    "Gunmen killed 11 villagers in an overnight raid on a farming community in the northeast, police said on Thursday.",
    "Police spokesman Usman Ali said the attackers arrived on motorcycles shortly after midnight and set fire to homes.",
    "Residents said the death toll could rise because several people were still missing after the raid on the village.",
    "The region has seen a wave of attacks on farmers blamed on jihadist fighters who are active in the area.",
    "The governor condemned the killings and promised to send more soldiers to protect villages near the forest.",
]
REWORDED = [
    "Gunmen have killed 11 villagers in an overnight raid on a farming community in the northeast, police said Thursday.",
    "Police spokesman Usman Ali said attackers arrived on motorcycles soon after midnight and set homes on fire.",
    "Residents said the toll could rise as several people were still missing after the raid on the village.",
    "The region has suffered a wave of attacks on farmers blamed on jihadist fighters active in the area.",
    "Officials in the capital said they were monitoring the situation closely and would give an update later.",
]
OTHER = [
    "Flooding along the river forced thousands of families from their homes on Saturday, the disaster agency said.",
    "The agency said water levels were still rising in three districts and that more rain was forecast.",
    "Aid workers distributed food and clean water at schools that have been turned into shelters.",
    "The government said it had released emergency funds to repair roads and bridges damaged by the floods.",
]


def make(name: str, paragraphs: list[str], headline: str = "A headline for the story", **meta):
    text = headline + "\n\n" + "\n\n".join(paragraphs)
    return build_article(text, path=Path(name), name=name, fmt="txt", meta=meta, warnings=[])


def test_the_seeds_have_three_origins_ap_reuters_and_003_alone():
    articles = [read_file(p).articles[0].article for p in sorted(SEEDS.glob("*.txt"))]
    origin = {a.name[:3]: a.origin for a in assign_origins(articles)}
    assert origin["000"] == origin["002"] == origin["004"] == "AP"
    assert origin["001"] == "Reuters"
    assert origin["003"] not in {"AP", "Reuters"}
    assert len(set(origin.values())) == 3


def test_the_seed_rewrite_is_found_from_text_alone():
    articles = [read_file(p).articles[0].article.model_copy(update={"credit": None}) for p in sorted(SEEDS.glob("*.txt"))]
    by_name = {a.name[:3]: a for a in assign_origins(articles)}
    assert by_name["000"].origin == by_name["002"].origin
    assert by_name["002"].origin_reason.startswith("no wire credit; shares")
    assert len({a.origin for a in by_name.values()}) == 4


def test_an_uncredited_rewrite_joins_the_credited_story_and_says_why():
    wire = make("a_wire.txt", STORY, credit="AP")
    copy = make("b_copy.txt", REWORDED)
    other = make("c_other.txt", OTHER)
    out = assign_origins([copy, other, wire])
    assert [a.origin for a in out] == ["AP", "c_other.txt", "AP"]
    assert out[0].origin_reason == "shares 4 of 5 paragraphs with a_wire.txt (wire credit AP)"
    assert out[1].origin_reason == "no wire credit and no shared text: its own origin"
    assert out[2].origin_reason == "wire credit AP; shares 4 of 5 paragraphs with b_copy.txt"


def test_two_wires_are_never_merged_by_shared_text():
    out = assign_origins([make("a.txt", STORY, credit="AP"), make("b.txt", REWORDED, credit="Reuters")])
    assert [a.origin for a in out] == ["AP", "Reuters"]


def test_one_shared_quote_does_not_make_a_copy():
    quote = STORY[1]
    out = assign_origins([make("a.txt", [quote, *OTHER[:2]]), make("b.txt", [quote, *OTHER[2:]])])
    assert out[0].origin != out[1].origin


def test_captions_and_chrome_are_not_compared():
    chrome = ["Share on Facebook", "Sign up for our morning newsletter about the news of the world today"]
    a = make("a.txt", [*chrome, *OTHER])
    b = make("b.txt", [*chrome, *STORY])
    assert text_links([a, b]) == []


def test_only_candidates_from_the_shingle_index_are_compared(monkeypatch):
    rng = random.Random(7)
    vocabulary = [f"w{i}" for i in range(5000)]

    def paragraph() -> str:
        return " ".join(rng.choice(vocabulary) for _ in range(30)) + "."

    articles = [make(f"{i:04}.txt", [paragraph() for _ in range(6)]) for i in range(300)]
    articles.append(make("copy.txt", [a for a in [p for p in articles[5].text.split("\n\n")[1:]]]))
    calls = []
    real = lineage.shared_paragraphs
    monkeypatch.setattr(lineage, "shared_paragraphs", lambda a, b, s: calls.append(1) or real(a, b, s))
    links = text_links(articles)
    assert [(articles[link.a].name, articles[link.b].name) for link in links] == [("0005.txt", "copy.txt")]
    assert len(calls) < 20  # not the 45,150 pairs a full comparison would make


def _syndicated(n: int, seed: int) -> list:
    """n articles printing copies and variants of eight paragraphs: each paragraph is printed by far
    more articles than a walk reads (`max_holders_per_paragraph`), so budgets cut walks short."""
    rng = random.Random(seed)
    pool = [*STORY, *REWORDED[:3], OTHER[0]]
    out = []
    for i in range(n):
        picked = rng.sample(pool, k=rng.randint(3, 6))
        varied = [p.replace("11", str(rng.choice([11, 12, 13]))) for p in picked]
        credit = {"credit": "AP"} if rng.random() < 0.1 else {"credit": "Reuters"} if rng.random() < 0.05 else {}
        out.append(make(f"{rng.randint(0, 10**6):07d}.txt", varied, headline=f"Headline number {i}", **credit))
    return out


@pytest.mark.parametrize("split", [1, 5, 40])
@pytest.mark.parametrize("seed", [1, 2])
def test_tracing_from_the_last_tracing_gives_what_tracing_afresh_gives(seed, split):
    """Articles added `split` at a time, in random order and ranks, to what an earlier tracing
    found: the candidates it finds again, the pairs it compares anew and the origins it gives
    leave the memory and the origins a fresh tracing of all of them leaves."""
    articles = _syndicated(130, seed)
    digests = [(a.id, lineage.lineage_digest(a)) for a in articles]
    memory = None
    redone = []
    for start in range(0, len(digests), split):
        now = lineage.rank(digests[: start + split])
        added = frozenset(a for a, _ in digests[start : start + split])
        traced = lineage.trace(now, memory, added if memory is not None else None)
        fresh = lineage.trace(now)
        assert traced.origins == fresh.origins
        assert traced.memory.candidates == fresh.memory.candidates
        memory = traced.memory
        redone.append(len(traced.computed) / len(now))
    late = redone[len(redone) // 2 :]
    assert max(late) < 1  # once the store holds many, additions do not redo everyone's candidates
    if split == 1:
        assert sum(late) / len(late) < 0.8, late  # most of 130 articles lie within a walk of 40 holders
