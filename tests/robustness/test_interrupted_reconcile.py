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

    def stopped(store):
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
