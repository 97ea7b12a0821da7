"""`make bench-cluster`: the cluster paths against the local ones, on one generated corpus.

(g) `ingest --executor dask` with a LocalCluster of 2 workers against `ingest --jobs 2` (target:
    within 15 %), both into SQLite, run in alternation (`--repeat`) and the best of each kept;
(h) the store: the same articles and claims written batch by batch into PostgreSQL and SQLite,
    `reconcile` (corpus passes, reconciliation, their writes) and `timeline --json` on each;
    a whole `ingest --jobs 2` into PostgreSQL against the one into SQLite;
and what the README's "Running at scale" reckons from: words per second per core, claims per
article, and the bytes per article and per claim each store holds.

A throwaway PostgreSQL server on 127.0.0.1 (scripts/pgserver.py) is started and stopped here.
Every command runs as a fresh subprocess, as a user runs it. Minutes on 2 cores; never in CI.

    python scripts/bench_cluster.py --articles 2000 [--json figures.json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import gencorpus  # noqa: E402
import pgserver  # noqa: E402

CLI = [sys.executable, "-m", "clashrecon"]
TARGET_DASK = 1.15  # --executor dask may take at most 15 % longer than --jobs 2


def run(args: list[str]) -> float:
    """Wall seconds of one CLI command; a failed one stops the bench (its time would mislead)."""
    started = time.perf_counter()
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"bench-cluster: `clashrecon {' '.join(args)}` exited {done.returncode}: {done.stderr.strip()[-800:]}")
    return seconds


def best(n: int, args: list[str]) -> float:
    return min(run(args) for _ in range(n))


def repeated_paragraphs(paths: list[Path]) -> float:
    counts = Counter(p for path in paths for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return sum(c - 1 for c in counts.values()) / max(1, sum(counts.values()))


def copy_rows(source: Path, target: str, batch: int = 64) -> tuple[float, int, int]:
    """Seconds to write every article of `source` with its claims into `target`, a batch per
    transaction as ingest writes them; and how many articles and claims that was."""
    from clashrecon.store import Store

    with Store.open(source, create=False) as src:
        articles = src.articles()
        claims = src.claims()
        sources = {s.article_id: key for key, s in src.stored_sources().items()}
    by_article: dict[str, list] = {}
    for c in claims:
        by_article.setdefault(c.article_id, []).append(c)
    rows = [(sources[a.id], a, by_article.get(a.id, [])) for a in articles]
    with Store.open(target, create=True) as dst:
        started = time.perf_counter()
        for i in range(0, len(rows), batch):
            dst.put_articles(rows[i : i + batch])
        seconds = time.perf_counter() - started
    return seconds, len(articles), len(claims)


def postgres_bytes(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as conn:
        return int(conn.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
        ).fetchone()[0])


def sqlite_bytes(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return db.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    parser.add_argument("--repeat", type=int, default=2, help="alternating runs of each executor; the best counts")
    parser.add_argument("--work", type=Path, default=ROOT / "data" / "bench" / "cluster", help="stores and corpus")
    parser.add_argument("--corpus", type=Path, default=None, help="a folder of articles to use instead of generating one")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args()

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    if args.corpus is not None:
        corpus = args.corpus
        paths = sorted(p for p in corpus.rglob("*.txt"))
    else:
        corpus = work / f"corpus_{args.articles}"
        paths = gencorpus.generate(args.articles, corpus)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    fig: dict = {"articles": len(paths), "words": words, "repeated_paragraphs": repeated_paragraphs(paths)}
    print(f"corpus: {len(paths):,} articles, {words:,} words, {fig['repeated_paragraphs']:.1%} of paragraphs repeated")
    env_clean = os.environ.pop("DASK_SCHEDULER_ADDRESS", None)  # (g) starts its own LocalCluster
    if env_clean:
        print("(DASK_SCHEDULER_ADDRESS ignored: the bench starts its own LocalCluster)")

    # (g) --executor dask (2 local workers) against --jobs 2, alternating
    local, dask = [], []
    for i in range(args.repeat):
        for label, extra, into in (("local", [], local), ("dask", ["--executor", "dask"], dask)):
            db = work / f"{label}.db"
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            seconds = run(["ingest", str(corpus), "--db", str(db), "--quiet", "--jobs", "2", *extra])
            into.append(seconds)
            print(f"  run {i + 1}: {label:5s} {seconds:6.1f} s")
    fig["local_s"], fig["dask_s"] = min(local), min(dask)
    fig["dask_ratio"] = fig["dask_s"] / fig["local_s"]
    fig["pair_ratios"] = [d / lo for d, lo in zip(dask, local)]
    fig["words_per_s_per_core"] = words / fig["local_s"] / 2

    # (h) the store: PostgreSQL against SQLite
    server = pgserver.Throwaway.start()
    try:
        pg_copy = server.create_database("copy")
        lite_copy = work / "copy.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{lite_copy}{suffix}").unlink(missing_ok=True)
        source = work / "local.db"
        fig["write_sqlite_s"], n_articles, n_claims = copy_rows(source, str(lite_copy))
        fig["write_postgres_s"], _, _ = copy_rows(source, pg_copy)
        fig["claims"] = n_claims
        fig["claims_per_article"] = n_claims / n_articles
        fig["reconcile_sqlite_s"] = run(["reconcile", "--db", str(lite_copy), "--quiet"])
        fig["reconcile_postgres_s"] = run(["reconcile", "--db", pg_copy, "--quiet"])
        fig["timeline_sqlite_s"] = best(3, ["timeline", "--db", str(lite_copy), "--json"])
        fig["timeline_postgres_s"] = best(3, ["timeline", "--db", pg_copy, "--json"])
        fig["bytes_sqlite"] = sqlite_bytes(lite_copy)
        fig["bytes_postgres"] = postgres_bytes(pg_copy)
        pg_ingest = server.create_database("ingest")
        fig["ingest_postgres_s"] = run(["ingest", str(corpus), "--db", pg_ingest, "--quiet", "--jobs", "2"])
    finally:
        server.stop()
    report(fig)
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2) + "\n")


def report(f: dict) -> None:
    met = "met" if f["dask_ratio"] <= TARGET_DASK else "MISSED"
    per = lambda s: f"{f['articles'] / s:,.0f} articles/s"  # noqa: E731
    rows = [
        ("(g) `ingest --jobs 2` (SQLite)", f"{f['local_s']:.1f} s, {f['words'] / f['local_s']:,.0f} words/s "
         f"({f['words_per_s_per_core']:,.0f} per core)", ""),
        ("(g) `ingest --executor dask`, LocalCluster of 2 workers", f"{f['dask_s']:.1f} s: **{f['dask_ratio']:.2f}x** "
         f"`--jobs 2` (pairs: {', '.join(f'{r:.2f}x' for r in f['pair_ratios'])})", f"≤ {TARGET_DASK:.2f}x — {met}"),
        ("(h) writing the articles and claims, a batch of 64 per transaction",
         f"SQLite {f['write_sqlite_s']:.2f} s ({per(f['write_sqlite_s'])}), PostgreSQL {f['write_postgres_s']:.2f} s "
         f"({per(f['write_postgres_s'])}): {f['write_postgres_s'] / f['write_sqlite_s']:.2f}x", ""),
        ("(h) `reconcile` (corpus passes, reconciliation, their writes)",
         f"SQLite {f['reconcile_sqlite_s']:.1f} s, PostgreSQL {f['reconcile_postgres_s']:.1f} s: "
         f"{f['reconcile_postgres_s'] / f['reconcile_sqlite_s']:.2f}x", ""),
        ("(h) `timeline --json`, best of 3", f"SQLite {f['timeline_sqlite_s']:.3f} s, PostgreSQL "
         f"{f['timeline_postgres_s']:.3f} s: {f['timeline_postgres_s'] / f['timeline_sqlite_s']:.2f}x", ""),
        ("(h) `ingest --jobs 2` into PostgreSQL", f"{f['ingest_postgres_s']:.1f} s: "
         f"{f['ingest_postgres_s'] / f['local_s']:.2f}x SQLite's", ""),
        ("store size", f"{f['claims']:,} claims, {f['claims_per_article']:.1f} per article; SQLite "
         f"{f['bytes_sqlite'] / 2**20:.0f} MiB ({f['bytes_sqlite'] / f['articles'] / 1024:.0f} KiB per article), "
         f"PostgreSQL {f['bytes_postgres'] / 2**20:.0f} MiB ({f['bytes_postgres'] / f['articles'] / 1024:.0f} KiB per article)", ""),
    ]
    print()
    print("| measure | result | target |")
    print("| --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
