"""The robustness promises on a PostgreSQL store (a real server on 127.0.0.1, conftest `pg_server`):
two ingests started together into one new database both finish, neither meeting "already
exists" or a duplicate key, with each article stored once; an ingest SIGKILLed at moments spread
over its run never leaves half an article, and a re-run completes it.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
from collections import defaultdict

import pytest

from _support import ROOT, child_env, cli_args, run_cli_process, varied_corpus

KILLS = 5
MAX_RUNS = 12


def _start(*args):
    return subprocess.Popen(cli_args(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT)


def _rows(url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def test_two_ingests_into_one_new_database_both_finish_and_store_each_article_once(pg_server, tmp_path):
    pool = tmp_path / "pool"
    files = varied_corpus(pool, 2)
    only_first, both, only_second = (tmp_path / name for name in ("only_first", "both", "only_second"))
    third = len(files) // 3
    for folder, part in ((only_first, files[:third]), (both, files[third : 2 * third]), (only_second, files[2 * third :])):
        folder.mkdir()
        for f in part:
            shutil.move(f, folder / f.name)

    url = pg_server.create_database("shared")  # empty: both ingests race to make the schema too
    first = _start("ingest", str(only_first), str(both), "--db", url, "--json")
    second = _start("ingest", str(both), str(only_second), "--db", url, "--json")
    reads = 0
    while first.poll() is None or second.poll() is None:
        seen = run_cli_process("timeline", "--db", url, "--json")
        if seen.returncode == 0:  # before the first migration commits there is no store to read
            assert isinstance(json.loads(seen.stdout), list)
            reads += 1
        else:
            assert "holds no clashrecon data yet" in seen.stderr, seen.stderr
        time.sleep(0.5)

    summaries = []
    for proc in (first, second):
        out, err = proc.communicate()
        text = err.decode(errors="replace")
        assert proc.returncode == 0, text[-3000:]
        for word in ("already exists", "duplicate key", "Traceback", "deadlock"):
            assert word not in text, text[-3000:]
        summaries.append(json.loads(out))
    assert reads >= 1
    assert sum(s["new"] for s in summaries) == len(files), summaries

    names = sorted(n for (n,) in _rows(url, "SELECT name FROM articles"))
    assert names == sorted(f.name for f in files), "an article missing or stored twice"
    assert _rows(url, "SELECT count(*) FROM (SELECT claim_id FROM evidence GROUP BY claim_id HAVING count(*) > 1) d") == [(0,)]
    assert _rows(url, "SELECT version FROM clashrecon_schema ORDER BY version")[-1][0] == len(
        _rows(url, "SELECT version FROM clashrecon_schema")
    ), "each migration ran once"
    assert _rows(url, "SELECT count(*) FROM meta WHERE key='reconciled_at'") == [(1,)], "results left stale"

    alone = tmp_path / "alone.db"  # one SQLite ingest of the union: the same picture
    together = run_cli_process("ingest", str(only_first), str(both), str(only_second), "--db", str(alone), "-q")
    assert together.returncode == 0, together.stderr
    for command in ("timeline", "sources"):
        shared = run_cli_process(command, "--db", url, "--json")
        single = run_cli_process(command, "--db", str(alone), "--json")
        assert json.loads(shared.stdout) == json.loads(single.stdout), command


def _contents(url: str) -> dict[str, tuple[int, frozenset[str]]]:
    """article id -> (segment count, claim ids), read in one transaction."""
    import psycopg

    with psycopg.connect(url) as conn, conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        segments = dict(conn.execute("SELECT article_id, count(*) FROM segments GROUP BY article_id").fetchall())
        claims: dict[str, set[str]] = defaultdict(set)
        for claim_id, article_id in conn.execute("SELECT id, article_id FROM claims").fetchall():
            claims[article_id].add(claim_id)
        ids = [r[0] for r in conn.execute("SELECT id FROM articles").fetchall()]
    return {a: (segments.get(a, 0), frozenset(claims.get(a, ()))) for a in ids}


def _check_whole(url: str, expected) -> bool:
    """Assert the store is whole; False if the run was killed before its schema was made."""
    tables = {t for (t,) in _rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema='public'")}
    if "clashrecon_schema" not in tables:
        assert not tables, f"half a schema: {sorted(tables)}"  # the migrations are one transaction
        return False
    orphans = _rows(url, "SELECT count(*) FROM claims c LEFT JOIN evidence e ON e.claim_id = c.id WHERE e.claim_id IS NULL")
    assert orphans == [(0,)], "claims without their evidence"
    for article_id, parts in _contents(url).items():
        assert article_id in expected, "an article the clean run never stored"
        assert parts == expected[article_id], f"article {article_id[:12]} stored without all its parts"
    return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, pg_server):
    base = tmp_path_factory.mktemp("pgkill")
    folder = base / "articles"
    varied_corpus(folder, 2)
    clean_url = pg_server.create_database("clean")
    clean = run_cli_process("ingest", str(folder), "--db", clean_url, "-q")
    assert clean.returncode == 0, clean.stderr[-3000:]
    timeline = run_cli_process("timeline", "--db", clean_url, "--json")
    return folder, clean.seconds, _contents(clean_url), json.loads(timeline.stdout)


def test_sigkill_at_any_moment_leaves_a_whole_postgres_store_and_a_rerun_completes(pg_server, corpus):
    folder, clean_seconds, expected, clean_timeline = corpus
    url = pg_server.create_database("killed")
    killed = runs = 0
    takes = {"plain": clean_seconds, "force": clean_seconds}
    while killed < KILLS and runs < MAX_RUNS:
        mode = "plain" if runs % 3 == 0 else "force"  # --force replaces every article, so kills land mid-replace
        delay = takes[mode] * (0.2 + 0.75 * ((runs * 3) % KILLS) / (KILLS - 1))
        args = ["ingest", str(folder), "--db", url, "-q"] + (["--force"] if mode == "force" else [])
        runs += 1
        started = time.monotonic()
        proc = subprocess.Popen(cli_args(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT)
        while proc.poll() is None and time.monotonic() < started + delay:
            time.sleep(0.05)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        else:
            takes[mode] = time.monotonic() - started
        proc.wait()
        stderr = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        assert "Traceback" not in stderr, stderr[-3000:]
        if _check_whole(url, expected):
            read = run_cli_process("sources", "--db", url, "--json")
            assert read.returncode == 0, read.stderr
    assert killed >= KILLS, f"only {killed} of {runs} runs were still going when killed"

    rerun = run_cli_process("ingest", str(folder), "--db", url, "-q")
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert _check_whole(url, expected)
    assert _contents(url) == expected
    assert json.loads(run_cli_process("timeline", "--db", url, "--json").stdout) == clean_timeline
