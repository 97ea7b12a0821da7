"""Shared fixtures: the spaCy pipeline is loaded once per session, the seeds ingested once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from clashrecon.nlp import load_pipeline

    return load_pipeline().nlp


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    return CliRunner()


def run_cli(runner: CliRunner, *args: str):
    from clashrecon.cli import app

    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, runner, nlp) -> Path:
    """A store holding the five seed articles, ingested once for the whole session."""
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = run_cli(runner, "ingest", str(SEEDS), "--db", str(db), "--quiet")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture
def seeds_copy(seeds_db, tmp_path) -> Path:
    """A private copy of the seeds store, for tests that write."""
    db = tmp_path / "copy.db"
    shutil.copy(seeds_db, db)
    return db


def cli_json(runner: CliRunner, *args: str):
    result = run_cli(runner, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)
