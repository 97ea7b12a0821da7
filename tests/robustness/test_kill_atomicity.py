"""SIGKILL `ingest` at many moments: the store always opens, never holds half an article, and a re-run completes.

A clean run first records what every article should have (segments, claims) and how long a
run takes; then runs are killed at moments spread over that time, mixing plain re-runs
(which resume) with --force runs (which replace every article, so each kill can land inside a
replace). After each kill the store is checked against the clean run; at the end a plain
re-run must leave exactly the clean run's articles, claims and timeline.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import time
from collections import defaultdict
from pathlib import Path

import pytest

from _support import ROOT, child_env, cli_args, run_cli_process, varied_corpus
from clashrecon.store import Store

KILLS = 10
MAX_RUNS = 20  # a resuming run with nothing left to do may finish before its kill
COPIES_PER_SEED = 2  # 10 articles: a run takes a few seconds, about half of it NLP and writing


def _contents(db) -> dict[str, tuple[int, frozenset[str]]]:
    """article id -> (segment count, claim ids), read in one transaction."""
    conn = sqlite3.connect(db)
    try:
        conn.execute("BEGIN")
        segments = dict(conn.execute("SELECT article_id, count(*) FROM segments GROUP BY article_id"))
        claims: dict[str, set[str]] = defaultdict(set)
        for claim_id, article_id in conn.execute("SELECT id, article_id FROM claims"):
            claims[article_id].add(claim_id)
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        conn.execute("COMMIT")
    finally:
        conn.close()
    return {a: (segments.get(a, 0), frozenset(claims.get(a, ()))) for a in ids}


def _check_store_is_whole(db, expected) -> bool:
    """Assert the store is whole; False if the run was killed before it created the schema."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            # killed before the first migration committed: no tables at all, nothing half-made
            assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
            return False
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = conn.execute(
            "SELECT count(*) FROM claims c LEFT JOIN evidence e ON e.claim_id = c.id WHERE e.claim_id IS NULL"
        ).fetchone()[0]
        assert orphans == 0, "claims without their evidence"
        duplicated = conn.execute(
            "SELECT count(*) FROM (SELECT claim_id FROM evidence GROUP BY claim_id HAVING count(*) > 1)"
        ).fetchone()[0]
        assert duplicated == 0, "evidence stored twice"
    finally:
        conn.close()
    found = _contents(db)
    for article_id, (segments, claims) in found.items():
        assert article_id in expected, "an article the clean run never stored"
        assert (segments, claims) == expected[article_id], f"article {article_id[:12]} stored without all its parts"
    return True


def _timeline(db) -> list:
    finished = run_cli_process("timeline", "--db", str(db), "--json")
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    base = tmp_path_factory.mktemp("kill")
    folder = base / "articles"
    varied_corpus(folder, COPIES_PER_SEED)
    clean_db = base / "clean.db"
    clean = run_cli_process("ingest", str(folder), "--db", str(clean_db), "-q")
    assert clean.returncode == 0, clean.stderr[-3000:]
    return folder, base, clean.seconds, _contents(clean_db), _timeline(clean_db)


def test_sigkill_at_any_moment_leaves_a_whole_store_and_a_rerun_completes(corpus):
    folder, base, clean_seconds, expected, clean_timeline = corpus
    assert len(expected) == 5 * COPIES_PER_SEED
    db = base / "killed.db"
    killed = runs = 0
    # how long each kind of run takes when left alone; a run that ends before its kill teaches it
    takes = {"plain": clean_seconds, "force": clean_seconds}
    while killed < KILLS and runs < MAX_RUNS:
        # most runs --force (every article replaced, so the kill lands mid-work); every third resumes
        mode = "plain" if runs % 3 == 0 else "force"
        # moments spread over a run, in shuffled order; the first fifth is mostly start-up
        delay = takes[mode] * (0.2 + 0.75 * ((runs * 7) % KILLS) / (KILLS - 1))
        args = ["ingest", str(folder), "--db", str(db), "-q"] + (["--force"] if mode == "force" else [])
        runs += 1
        started = time.monotonic()
        proc = subprocess.Popen(cli_args(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                env=child_env(), cwd=ROOT)
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
        if db.exists() and _check_store_is_whole(db, expected):
            with Store.open(db, create=False) as store:  # what every read command does first
                store.articles()
                store.load_reconciliation()
    assert killed >= KILLS, f"only {killed} of {runs} runs were still going when killed"

    rerun = run_cli_process("ingest", str(folder), "--db", str(db), "-q")
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    _check_store_is_whole(db, expected)
    assert _contents(db) == expected
    assert _timeline(db) == clean_timeline


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_killing_a_parallel_ingest_leaves_no_worker_running(corpus):
    """SIGKILL cannot be caught, so each --jobs worker must notice on its own that its parent is gone."""
    folder, base, _, expected, _ = corpus
    db = base / "parallel.db"
    proc = subprocess.Popen(cli_args("ingest", str(folder), "--db", str(db), "-q", "--jobs", "2"),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env(), cwd=ROOT)
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert workers, "no worker process was started for --jobs 2"
    time.sleep(1.0)  # let the workers take up their first articles
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:  # never leave them running after the test, whatever it concludes
        os.kill(w, signal.SIGKILL)
    assert not left, f"{len(left)} --jobs worker(s) still running 10 s after their ingest was killed"
    if db.exists():
        _check_store_is_whole(db, expected)
