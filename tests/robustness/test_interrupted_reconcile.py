"""A run stopped after storing articles but before reconciling them is reconciled by the next run.

The stored articles are complete (each batch is one transaction), but the results computed from
the earlier store no longer cover them. The store marks them stale in the same transaction as
the batch, so the next `ingest` reconciles again even though it finds no new file to read.
"""

from __future__ import annotations

import json
import shutil

import pytest

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

    def stopped(*args):
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


def _interrupted(tmp_path, runner, monkeypatch, *, first: int):
    """A store whose last ingest stored every seed and was stopped before reconciling; `first` seeds
    were ingested (and reconciled) before it."""
    import clashrecon.pipeline as pipeline

    folder = tmp_path / "articles"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    db = tmp_path / "store.db"
    for seed in seeds[:first]:
        shutil.copy(seed, folder / seed.name)
    if first:
        assert run_cli(runner, "ingest", str(folder), "--db", str(db), "-q").exit_code == 0
    for seed in seeds[first:]:
        shutil.copy(seed, folder / seed.name)

    def stopped(*args):
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "finalize", stopped)
        interrupted = run_cli(runner, "ingest", str(folder), "--db", str(db), "-q")
    return db, folder, interrupted


def test_the_interrupt_message_says_what_was_kept_and_what_to_run(tmp_path, runner, nlp, monkeypatch):
    """Before: 'interrupted; everything stored before this point is kept', and nothing on what to run."""
    db, _, interrupted = _interrupted(tmp_path, runner, monkeypatch, first=3)
    assert interrupted.exit_code == 130
    [line] = interrupted.stderr.strip().splitlines()
    assert "the 2 article(s) stored by this run are kept but not reconciled" in line
    assert f"`clashrecon reconcile --db {db}`" in line and "the same ingest again" in line


@pytest.mark.parametrize("command", ["timeline", "figures", "conflicts", "claims", "sources"])
def test_read_commands_warn_once_that_the_results_miss_stored_articles(tmp_path, runner, nlp, monkeypatch, command):
    """Before: the old reconciliation was shown without a word."""
    db, _, _ = _interrupted(tmp_path, runner, monkeypatch, first=3)
    result = run_cli(runner, command, "--db", str(db), "--json")
    assert result.exit_code == 0
    json.loads(result.stdout)
    [warning] = result.stderr.strip().splitlines()
    assert warning.startswith("warning: the results predate the last changes to this store (5 articles and ")
    assert f"run `clashrecon reconcile --db {db}` to bring them up to date" in warning


def test_a_store_never_reconciled_says_its_articles_are_stored(tmp_path, runner, nlp, monkeypatch):
    """Before: 'no events in the store yet; run `clashrecon ingest PATH`', though 5 articles were stored."""
    db, _, _ = _interrupted(tmp_path, runner, monkeypatch, first=0)
    result = run_cli(runner, "timeline", "--db", str(db))
    assert "warning: 5 articles and " in result.stderr
    assert f"claims are stored but not reconciled yet: an ingest was interrupted or is still running; run `clashrecon reconcile --db {db}`" in result.stderr
    assert "no events reconciled yet; run `clashrecon reconcile`" in result.stderr + result.stdout
    assert "clashrecon ingest PATH" not in result.stderr + result.stdout  # no advice that contradicts the warning


def test_reconcile_brings_the_results_up_to_date_as_one_ingest_would(tmp_path, runner, nlp, monkeypatch):
    db, folder, _ = _interrupted(tmp_path, runner, monkeypatch, first=3)
    done = run_cli(runner, "reconcile", "--db", str(db), "--json")
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert (report["articles"], report["saved"]) == (5, True)
    assert "Armenia · killed: 49 → 105 (per Armenia, Wed 2022-09-14)" in [c["line"] for c in report["changes"]]
    fresh = tmp_path / "fresh.db"
    assert run_cli(runner, "ingest", str(folder), "--db", str(fresh), "-q").exit_code == 0
    for command in ("timeline", "figures", "sources", "claims"):
        result = run_cli(runner, command, "--db", str(db), "--json")
        assert result.stderr == "", "still warned after reconciling"
        assert json.loads(result.stdout) == _json(runner, command, "--db", str(fresh)), command


def test_reconcile_refuses_a_missing_store_and_creates_nothing(tmp_path, runner):
    result = run_cli(runner, "reconcile", "--db", str(tmp_path / "absent.db"))
    assert result.exit_code == 2 and "no store" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_ingest_interrupted_before_storing_anything_says_the_results_are_whole(seeds_copy, runner, monkeypatch):
    import clashrecon.pipeline as pipeline

    def stopped(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C while the files are being read

    monkeypatch.setattr(pipeline, "plan_ingest", stopped)
    result = run_cli(runner, "ingest", str(SEEDS), "--db", str(seeds_copy))
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == [
        "clashrecon: error: interrupted; the results cover every stored article (0 stored by this run). "
        "Run the same ingest again to read the rest (stored files are skipped)"
    ]
