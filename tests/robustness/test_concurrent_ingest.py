"""Two ingests on overlapping folders share one store; a timeline read meanwhile sees a consistent state."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import time

from _support import ROOT, child_env, cli_args, run_cli_process, varied_corpus
from clashrecon.store import Store


def _start(*args):
    return subprocess.Popen(cli_args(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=child_env(), cwd=ROOT)


def test_two_ingests_on_overlapping_folders_both_finish_and_store_each_article_once(tmp_path):
    pool = tmp_path / "pool"
    files = varied_corpus(pool, 2)
    only_first, both, only_second = (tmp_path / name for name in ("only_first", "both", "only_second"))
    third = len(files) // 3
    for folder, part in ((only_first, files[:third]), (both, files[third : 2 * third]), (only_second, files[2 * third :])):
        folder.mkdir()
        for f in part:
            shutil.move(f, folder / f.name)
    expected_names = sorted(f.name for f in files)

    db = tmp_path / "shared.db"
    Store.open(db, create=True).close()  # so the readers below have a store from the start
    first = _start("ingest", str(only_first), str(both), "--db", str(db), "--json")
    second = _start("ingest", str(both), str(only_second), "--db", str(db), "--json")

    reads = 0
    while first.poll() is None or second.poll() is None:
        seen = run_cli_process("timeline", "--db", str(db), "--json")
        assert seen.returncode == 0, seen.stderr
        assert isinstance(json.loads(seen.stdout), list)
        reads += 1
        time.sleep(0.5)  # leave the two cores to the writers

    summaries = []
    for proc in (first, second):
        out, err = proc.communicate()
        text = err.decode(errors="replace")
        assert proc.returncode == 0, text[-3000:]
        assert "locked" not in text.lower() and "Traceback" not in text, text[-3000:]
        summaries.append(json.loads(out))
    assert reads >= 1
    # each reports what it stored: an article of the shared folder is new for one of them only
    assert sum(s["new"] for s in summaries) == len(files), summaries
    assert all(s["records"] == s["new"] + s["unchanged"] for s in summaries), summaries

    conn = sqlite3.connect(db)
    names = sorted(r[0] for r in conn.execute("SELECT name FROM articles"))
    evidence_per_claim = conn.execute(
        "SELECT max(n), count(*) FROM (SELECT count(e.claim_id) AS n FROM claims c"
        " LEFT JOIN evidence e ON e.claim_id = c.id GROUP BY c.id)"
    ).fetchone()
    reconciled = conn.execute("SELECT value FROM meta WHERE key='reconciled_at'").fetchone()
    conn.close()
    assert names == expected_names, "an article missing or stored twice"
    assert evidence_per_claim[1] == 0 or evidence_per_claim[0] == 1, "a claim's evidence stored twice"
    assert reconciled is not None, "the results left stale after both ingests finished"

    # the shared store reconciles to what one ingest of the union gives
    alone = tmp_path / "alone.db"
    together = run_cli_process("ingest", str(only_first), str(both), str(only_second), "--db", str(alone), "-q")
    assert together.returncode == 0, together.stderr
    for command in ("timeline", "sources"):
        shared = run_cli_process(command, "--db", str(db), "--json")
        single = run_cli_process(command, "--db", str(alone), "--json")
        assert json.loads(shared.stdout) == json.loads(single.stdout), command
