"""The corpus passes over a real store: extracted rows never change, and what the passes find
depends on the articles stored, not on the order they arrived in."""

from __future__ import annotations

import pytest

from clashrecon.pipeline import IngestOptions, ingest
from clashrecon.store import Store

UNDATED = (
    "Rebels shell border villages\n\n"
    "Rebels shelled two villages near Khan Younis early Tuesday, killing at least 9 civilians, officials said.\n"
)
DATED = (
    "More villages shelled\n\n"
    "Rebels shelled two villages near Khan Younis early Wednesday, killing at least 5 civilians, officials said.\n"
)
RESPELLED = (
    "Shelling goes on\n\n"
    "Rebels shelled a village near Khan Yunis early Wednesday, killing at least 2 civilians, officials said.\n"
)


def ingest_files(db, *folders):
    with Store.open(db, create=True) as store:
        for folder in folders:
            ingest(store, IngestOptions(paths=(folder,)))
        return {
            "claims": [c.model_dump_json() for c in store.claims()],
            "articles": [a.model_dump_json() for a in store.articles()],
            "derived": store.derived(),
            "results": store.load_reconciliation(),
        }


@pytest.fixture
def folders(tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.txt").write_text(UNDATED)
    (second / "c.txt").write_text(DATED)
    (second / "c.txt.meta.json").write_text('{"published": "2024-05-08", "outlet": "Wire"}')
    (second / "d.txt").write_text(RESPELLED)
    return first, second


def test_a_later_article_re_dates_the_earlier_ones_without_rewriting_them(tmp_path, folders, nlp):
    first, second = folders
    with Store.open(tmp_path / "s.db", create=True) as store:
        ingest(store, IngestOptions(paths=(first,)))
        claims_before = [c.model_dump_json() for c in store.claims()]
        times_before = {t.claim_id: t.event_time for t in store.derived().times}
        ingest(store, IngestOptions(paths=(second,)))
        a_claims = [c.model_dump_json() for c in store.claims(article="a.txt")]
        times_after = {t.claim_id: t.event_time for t in store.derived().times}
    assert a_claims == claims_before  # what extraction stored is never touched by a corpus pass
    moved = [cid for cid, t in times_before.items() if t != times_after[cid]]
    assert moved, "the dated article should anchor the undated one's Tuesday"
    assert all(times_after[cid].start.startswith("2024-05-07") for cid in moved)


def test_order_of_arrival_does_not_change_what_the_passes_find(tmp_path, folders, nlp):
    first, second = folders
    stepwise = ingest_files(tmp_path / "stepwise.db", first, second)
    reversed_ = ingest_files(tmp_path / "reversed.db", second, first)
    at_once = ingest_files(tmp_path / "once.db", first.parent)
    assert [(s.printed, s.canonical) for s in stepwise["derived"].spellings] == [("Khan Yunis", "Khan Younis")]
    assert stepwise["derived"].dates
    for other in (reversed_, at_once):
        assert sorted(other["claims"]) == sorted(stepwise["claims"])
        assert other["derived"].model_dump() == stepwise["derived"].model_dump()
        assert other["results"] == stepwise["results"]
