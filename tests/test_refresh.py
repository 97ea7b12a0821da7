"""Incremental passes and reconciliation give, byte for byte, what a from-scratch ingest gives.

The store's articles arrive one at a time, in batches, reversed and shuffled: after each arrival
only the new digests, the passes they touch and the stories they change are redone, and the read
commands' JSON must equal that of one ingest of everything. Eight stories (the seeds, the test
stories and the development stories) share background years, so scoping is exercised with ties.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli
from clashrecon.models import Published, TimeBasis
from clashrecon.pipeline import IngestOptions, finalize, ingest
from clashrecon.store import Store

FOLDERS = [
    SEEDS,
    *sorted(p for p in (ROOT / "tests" / "stories").iterdir() if p.is_dir()),
    *sorted(p for p in (ROOT / "data" / "stories").iterdir() if p.is_dir()),
]
COMMANDS = (
    ("claims", "--json"),
    ("timeline", "--json"),
    ("conflicts", "--all", "--json"),
    ("sources", "--json"),
    ("figures", "--json"),
    ("places", "--json"),
)


def outputs(runner, db: Path) -> dict[str, str]:
    found = {}
    for command, *options in COMMANDS:
        result = run_cli(runner, command, "--db", str(db), *options)
        assert result.exit_code == 0, result.output
        found[command] = result.stdout
    return found


@pytest.fixture(scope="module")
def scratch(tmp_path_factory, runner, nlp):
    """One ingest of every story: the store every other order must equal, and its stored rows."""
    db = tmp_path_factory.mktemp("scratch") / "all.db"
    with Store.open(db, create=True) as store:
        report = ingest(store, IngestOptions(paths=tuple(FOLDERS), glob="*.txt"))
        assert report.exit_code == 0 and report.new > 60
        articles = {a.id: a for a in store.articles()}
        rows = [(source, articles[s.article_id], store.claims(article=s.article_id)) for source, s in sorted(store.stored_sources().items())]
    return db, rows, outputs(runner, db)


def arrive(db: Path, batches) -> list:
    """Store each batch as ingest stores it, then bring the passes and results up to date."""
    runs = []
    with Store.open(db, create=True) as store:
        for batch in batches:
            store.put_articles(batch)
            runs.append(finalize(store))
    return runs


def _orders(rows):
    shuffled = rows[:]
    random.Random(17).shuffle(shuffled)
    return {
        "one at a time": [[r] for r in rows],
        "in batches": [rows[i : i + 9] for i in range(0, len(rows), 9)],
        "reversed": [rows[::-1][i : i + 2] for i in range(0, len(rows), 2)],
        "shuffled": [shuffled[i : i + 3] for i in range(0, len(shuffled), 3)],
    }


@pytest.mark.parametrize("order", ["one at a time", "in batches", "reversed", "shuffled"])
def test_any_order_of_arrival_gives_the_from_scratch_store(scratch, runner, tmp_path, order):
    db, rows, wanted = scratch
    runs = arrive(tmp_path / "stepwise.db", _orders(rows)[order])
    assert all(r.saved for r in runs)
    assert outputs(runner, tmp_path / "stepwise.db") == wanted
    if order == "one at a time":
        # most new articles re-reconcile their own story alone, though the stories share earlier wars
        later = [r.stories for r in runs[10:]]
        assert sum(n == 1 for n in later) > len(later) / 2, later


def test_new_metadata_a_removed_and_a_rewritten_article_redo_what_they_change(scratch, runner, tmp_path):
    """A sidecar that dates an undated article, a record gone from its file and an article
    extracted again (`--force`), after incremental runs: the store equals one built from scratch
    with the same changes."""
    _, rows, _ = scratch
    undated = next(a for _, a, claims in rows if a.published.date is None and claims)
    gone = next(source for source, a, claims in rows if a.id != undated.id and claims)
    again = next(row for row in rows if row[1].id != undated.id and row[0] != gone and row[2])
    dated = undated.model_copy(update={"published": Published(date="2025-05-09", basis=TimeBasis.explicit)})
    stepwise, at_once = tmp_path / "stepwise.db", tmp_path / "at_once.db"
    arrive(stepwise, [rows[i : i + 20] for i in range(0, len(rows), 20)])
    arrive(at_once, [rows])
    for db in (stepwise, at_once):
        with Store.open(db, create=False, write=True) as store:
            store.update_metadata([dated])
            store.forget_sources([gone])
            store.put_articles([again], rewrite={again[0]})
            fresh = db == at_once
            assert finalize(store, fresh=fresh).saved
    assert outputs(runner, stepwise) == outputs(runner, at_once)


def test_a_store_of_the_previous_schema_is_brought_up_from_scratch_then_kept_up(seeds_db, runner, tmp_path):
    """A store whose passes left no digests (as migration 3 finds an older store) is rebuilt once,
    then the next ingest is incremental; both equal one ingest of everything."""
    db = tmp_path / "copy.db"
    shutil.copy(seeds_db, db)
    with Store.open(db, create=False, write=True) as store:
        store.conn.execute("DELETE FROM meta WHERE key='passes'")
        assert finalize(store).stories >= 1
        assert finalize(store).stories == 0  # nothing changed: nothing redone
    assert outputs(runner, db) == outputs(runner, seeds_db)
