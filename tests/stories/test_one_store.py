"""One store holding the seeds and the four development stories: each story comes out as the
episodes its gold names, however many articles and days it spans."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli
from clashrecon.models import EventKind, Field
from clashrecon.store import Store

STORIES = ("india_pakistan_2025", "israel_iran_2025", "goma_m23_2025", "pakistan_afghanistan_2025")


@pytest.fixture(scope="module")
def together(tmp_path_factory, runner, nlp):
    db = tmp_path_factory.mktemp("together") / "all.db"
    folders = [str(SEEDS), *(str(ROOT / "data" / "stories" / s) for s in STORIES)]
    result = run_cli(runner, "ingest", *folders, "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    with Store.open(db, create=False) as store:
        articles = {a.id: a for a in store.articles()}
        claims = {c.id: c for c in store.claims()}
        events = list(store.load_reconciliation().events)
    return articles, claims, events


def _story_of(article_path: str) -> str:
    parent = Path(article_path).parent.name
    return "seeds" if parent == SEEDS.name else parent


def test_each_story_has_its_analyst_s_episodes(together):
    articles, claims, events = together
    found: Counter = Counter()
    for e in events:
        if e.background:
            continue
        stories = Counter(_story_of(articles[claims[i].article_id].path) for i in e.claim_ids)
        found[stories.most_common(1)[0][0]] += 1
    wanted = {"seeds": 1} | {
        s: len(json.loads((ROOT / "data" / "gold" / "stories" / f"{s}.json").read_text(encoding="utf-8"))["episodes"])
        for s in STORIES
    }
    assert dict(found) == wanted


def test_no_event_is_a_stray_sentence_without_fighting(together):
    _, claims, events = together
    for e in events:
        if e.background:
            continue
        members = [claims[i] for i in e.claim_ids]
        sentences = {(c.article_id, c.start) for c in members}
        fighting = any(c.field is Field.casualties or c.kind is EventKind.attack for c in members)
        assert len(sentences) > 1 and fighting, e.summary
        assert not any(e.summary.startswith(c.quote[:40]) for c in members), e.summary  # written, not quoted


def test_the_seeds_keep_their_wars_as_background(together):
    _, _, events = together
    assert {"1994", "2020"} <= {e.when.start[:4] for e in events if e.background}
