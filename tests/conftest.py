"""Shared fixtures: the spaCy pipeline is loaded once per session, the seeds ingested once."""

from __future__ import annotations

import json
import os
import shutil
import sys
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


# ---------------------------------------------------------------- the real servers: PostgreSQL and a Dask cluster

# CI (`.ci/run`) sets this: there a test that would skip for want of PostgreSQL or Dask fails instead
REQUIRED = os.environ.get("CLASHRECON_REQUIRE_CLUSTER") == "1"


def _unavailable(reason: str):
    if REQUIRED:
        pytest.fail(f"{reason} (CLASHRECON_REQUIRE_CLUSTER=1: these tests must run here)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server on 127.0.0.1 for the session (scripts/pgserver.py), stopped after."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed: pip install -e '.[postgres]' (make test installs it)")
    sys.path.insert(0, str(ROOT / "scripts"))
    import pgserver

    server, reason = pgserver.start_or_reason()
    if server is None:
        _unavailable(f"PostgreSQL cannot be started here: {reason}")
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """The URL of a new, empty database on the session's server."""
    return pg_server.create_database("test")


@pytest.fixture(scope="session")
def dask_scheduler():
    """The address of a Dask LocalCluster of two worker processes on 127.0.0.1, for the session."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        _unavailable("dask.distributed is not installed: pip install -e '.[dask]' (make test installs it)")
    from clashrecon.cluster import local_cluster

    cluster = local_cluster(2)
    yield cluster.scheduler_address
    cluster.close()
