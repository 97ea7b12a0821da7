"""The four ways to run an ingest give the same bytes: SQLite or PostgreSQL, with the local
process pool or a Dask cluster. The seeds and each story fixture are ingested on every path,
and `claims --json`, `timeline --json` and `conflicts --all --json` are compared with SQLite's
and the local pool's, byte for byte.

The PostgreSQL server and the Dask cluster are real ones the tests start on 127.0.0.1
(conftest: `pg_server`, `dask_scheduler`); the Dask paths reach the cluster once through
`--scheduler` and once through Dask's own DASK_SCHEDULER_ADDRESS.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli

STORIES = sorted(p.parent for p in (ROOT / "tests" / "stories").glob("*/expected.json"))
CORPORA = {"seeds": (SEEDS, ()), **{s.name: (s, ("--glob", "*.txt")) for s in STORIES}}
OUTPUTS = {"claims": ("claims",), "timeline": ("timeline",), "conflicts": ("conflicts", "--all")}
PATHS = ("sqlite-dask", "postgres-local", "postgres-dask")


def _ingest_and_read(runner, stores: dict[str, str], *extra: str) -> dict[str, dict[str, str]]:
    """Every corpus ingested into its own store; each output's stdout, by corpus and output."""
    out = {}
    for name, (folder, options) in CORPORA.items():
        done = run_cli(runner, "ingest", str(folder), "--db", stores[name], "--quiet", *options, *extra)
        assert done.exit_code == 0, done.output
        out[name] = {}
        for output, args in OUTPUTS.items():
            shown = run_cli(runner, *args, "--db", stores[name], "--json")
            assert shown.exit_code == 0, shown.output
            out[name][output] = shown.stdout
    return out


@pytest.fixture(scope="module")
def sqlite_local(tmp_path_factory, runner, nlp):
    folder: Path = tmp_path_factory.mktemp("sqlite_local")
    return _ingest_and_read(runner, {name: str(folder / f"{name}.db") for name in CORPORA})


@pytest.fixture(scope="module")
def outputs(request, tmp_path_factory, runner, nlp):
    """Each other path's outputs, made once; its servers are started only when a path needs them."""
    made: dict[str, dict] = {}

    def of(path: str) -> dict:
        if path not in made:
            store, executor = path.split("-")
            if store == "sqlite":
                folder = tmp_path_factory.mktemp(path)
                stores = {name: str(folder / f"{name}.db") for name in CORPORA}
            else:
                server = request.getfixturevalue("pg_server")
                stores = {name: server.create_database(f"{executor}_{name}") for name in CORPORA}
            if executor == "local":
                made[path] = _ingest_and_read(runner, stores)
            elif store == "sqlite":
                made[path] = _ingest_and_read(runner, stores, "--executor", "dask", "--scheduler", request.getfixturevalue("dask_scheduler"))
            else:
                made[path] = _with_dask_variable(request.getfixturevalue("dask_scheduler"), runner, stores)
        return made[path]

    return of


def _with_dask_variable(scheduler: str, runner, stores: dict[str, str]) -> dict[str, dict[str, str]]:
    """`--executor dask` finding the scheduler as Dask does, in DASK_SCHEDULER_ADDRESS."""
    import dask

    try:
        with pytest.MonkeyPatch.context() as env:
            env.setenv("DASK_SCHEDULER_ADDRESS", scheduler)
            dask.config.refresh()  # dask reads its variables into its config when imported
            return _ingest_and_read(runner, stores, "--executor", "dask")
    finally:
        dask.config.refresh()


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("corpus", CORPORA)
@pytest.mark.parametrize("path", PATHS)
def test_every_path_prints_the_bytes_sqlite_with_the_local_pool_prints(sqlite_local, outputs, path, corpus, output):
    want = sqlite_local[corpus][output]
    assert want.strip() not in ("", "[]", "{}"), f"{corpus} gives no {output}: nothing would be compared"
    got = outputs(path)[corpus][output]
    assert got == want, f"{path} differs from sqlite-local on {corpus}'s {output} --json"


@pytest.mark.parametrize("corpus", CORPORA)
def test_an_ingest_in_two_steps_leaves_the_same_bytes_on_both_stores(pg_server, tmp_path, runner, nlp, corpus):
    """The incremental path: a second ingest adds the rest of a story to what the first left, and
    the corpus passes and the reconciliation build on the stored rows (refresh.py) on either store."""
    import shutil

    folder, options = CORPORA[corpus]
    files = sorted(folder.glob("*.txt"))
    staged = tmp_path / corpus
    staged.mkdir()
    stores = {"sqlite": str(tmp_path / "steps.db"), "postgres": pg_server.create_database(f"steps_{corpus}")}
    for part in (files[: len(files) // 2], files[len(files) // 2 :]):
        for f in part:
            shutil.copy(f, staged / f.name)
        for where in stores.values():
            done = run_cli(runner, "ingest", str(staged), "--db", where, "--quiet", *options)
            assert done.exit_code == 0, done.output
    for args in OUTPUTS.values():
        lite, pg = (run_cli(runner, *args, "--db", where, "--json") for where in stores.values())
        assert lite.exit_code == pg.exit_code == 0
        assert pg.stdout == lite.stdout, f"{corpus}: {args[0]} --json after two ingests"
