"""A run stopped after storing articles but before reconciling them is reconciled by the next run.

The stored articles are complete (each batch is one transaction), but the results computed from
the earlier store no longer cover them. The store marks them stale in the same transaction as
the batch, so the next `ingest` reconciles again even though it finds no new file to read.
"""

from __future__ import annotations

import json
import shutil


from _support import SEEDS
from conftest import run_cli


def _json(runner, *args):
    result = run_cli(runner, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_rerun_reconciles_articles_stored_by_an_interrupted_run(tmp_path, runner, nlp, monkeypatch):
    import clashrecon.pipeline as pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:3]:
        shutil.copy(seed, folder / seed.name)
    db = tmp_path / "store.db"
    assert run_cli(runner, "ingest", str(folder), "--db", str(db), "-q").exit_code == 0

    for seed in seeds[3:]:
        shutil.copy(seed, folder / seed.name)

    def stopped(store, workers=None):
        raise KeyboardInterrupt  # what Ctrl-C or a kill between storing and reconciling looks like

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "finalize", stopped)
        interrupted = run_cli(runner, "ingest", str(folder), "--db", str(db), "-q")
    assert interrupted.exit_code == 130
    assert len(_json(runner, "sources", "--db", str(db))) == len(seeds), "the batch was not stored"

    rerun = run_cli(runner, "ingest", str(folder), "--db", str(db), "-q")
    assert rerun.exit_code == 0, rerun.output

    fresh = tmp_path / "fresh.db"
    assert run_cli(runner, "ingest", str(folder), "--db", str(fresh), "-q").exit_code == 0
    for command in ("timeline", "sources", "claims"):
        assert _json(runner, command, "--db", str(db)) == _json(runner, command, "--db", str(fresh)), command


def test_ingesting_in_two_steps_gives_what_one_ingest_gives(tmp_path, runner, nlp):
    """The corpus passes recompute from the stored articles, whatever earlier passes wrote.

    The two copies of each seed disagree on every number, dates included, so which reference
    date the corpus implies depends on which articles are present; a pass that reuses an
    earlier pass's resolved times would keep a date the whole corpus no longer implies.
    """
    import re

    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, first / seed.name)
        shifted = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + 1), seed.read_text())
        (second / f"later_{seed.name}").write_text(shifted)
    stepwise, at_once = tmp_path / "stepwise.db", tmp_path / "at_once.db"
    assert run_cli(runner, "ingest", str(first), "--db", str(stepwise), "-q").exit_code == 0
    assert run_cli(runner, "ingest", str(second), "--db", str(stepwise), "-q").exit_code == 0
    assert run_cli(runner, "ingest", str(first), str(second), "--db", str(at_once), "-q").exit_code == 0
    for command in ("claims", "timeline"):
        assert _json(runner, command, "--db", str(stepwise)) == _json(runner, command, "--db", str(at_once)), command
