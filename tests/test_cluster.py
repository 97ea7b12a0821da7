"""`ingest --executor dask` on real Dask clusters on 127.0.0.1: the same store as the local pool,
a failing article named and skipped, a worker SIGKILLed mid-batch whose batch is run again
elsewhere, progress as the futures complete, and clear lines for what cannot run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS, run_cli
from clashrecon.cluster import DaskCluster, Executor, local_cluster, scheduler_address
from clashrecon.pipeline import IngestOptions, ingest
from clashrecon.store import Store


@pytest.fixture(scope="module")
def own_cluster(dask_scheduler):
    """A cluster of two workers for the tests that patch or kill its workers (not the session's)."""
    from distributed import Client

    cluster = local_cluster(2)
    client = Client(cluster)
    yield cluster.scheduler_address, client
    client.close()
    cluster.close()


class Recorder:
    def __init__(self) -> None:
        self.total = 0
        self.steps: list[float] = []

    def start(self, total: int) -> None:
        self.total = total

    def advance(self, n: float = 1) -> None:
        self.steps.append(n)

    def stage(self, label: str) -> None:
        pass

    def stop(self) -> None:
        pass


def test_an_ingest_starts_its_own_local_cluster_of_jobs_workers_and_stores_what_the_pool_stores(tmp_path, runner, seeds_db):
    """No scheduler given: a LocalCluster of --jobs workers, started for the ingest and stopped with it."""
    db = tmp_path / "dask.db"
    done = subprocess.run(
        [sys.executable, "-m", "clashrecon", "ingest", str(SEEDS), "--db", str(db), "--executor", "dask", "--jobs", "2", "--json"],
        capture_output=True, text=True, cwd=ROOT, env={k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for args in (["claims"], ["sources"]):
        assert run_cli(runner, *args, "--db", str(db), "--json").stdout == run_cli(runner, *args, "--db", str(seeds_db), "--json").stdout


def test_progress_follows_the_futures_and_every_batch_comes_back_in_order(dask_scheduler, tmp_path, nlp):
    progress = Recorder()
    with Store.open(tmp_path / "s.db", create=True) as store:
        report = ingest(store, IngestOptions(paths=(SEEDS,), executor=Executor.dask, scheduler=dask_scheduler), progress)
        names = [a.name for a in store.articles()]
    assert report.new == 5 and not report.failed
    assert progress.total == 5 and sum(progress.steps) == pytest.approx(5)
    assert len(progress.steps) >= 2, "the bar moved once, at the end, not as the batches' futures completed"
    assert names == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_an_article_that_fails_on_a_worker_is_named_and_skipped(own_cluster, tmp_path, nlp):
    address, client = own_cluster

    def break_one_article(marker: str) -> None:
        import clashrecon.extract as extract

        real = getattr(extract, "_unpatched", extract.article_claims)
        extract._unpatched = real

        def flaky(doc, article):
            if marker in article.text:
                raise ValueError("boom")
            return real(doc, article)

        extract.article_claims = flaky

    def mend() -> None:
        import clashrecon.extract as extract

        extract.article_claims = extract.__dict__.pop("_unpatched", extract.article_claims)

    folder = tmp_path / "in"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text())
    bad = sorted(folder.glob("*.txt"))[1]
    bad.write_text(bad.read_text() + "\n\nMarker paragraph zq-broken-zq.\n")
    client.run(break_one_article, "zq-broken-zq")
    try:
        with Store.open(tmp_path / "s.db", create=True) as store:
            report = ingest(store, IngestOptions(paths=(folder,), executor=Executor.dask, scheduler=address))
            stored = [a.name for a in store.articles()]
    finally:
        client.run(mend)
    assert [(os.path.basename(e.path), e.reason) for e in report.failed] == [(bad.name, "claim extraction failed (ValueError: boom)")]
    assert report.exit_code == 1
    assert stored == sorted(p.name for p in folder.glob("*.txt") if p != bad)


def test_a_worker_killed_mid_batch_has_its_batch_run_again_elsewhere(own_cluster, tmp_path, runner, nlp):
    address, client = own_cluster
    folder = tmp_path / "in"
    folder.mkdir()
    for copy in range(2):  # ten distinct articles: batches enough for both workers
        for seed in sorted(SEEDS.glob("*.txt")):
            (folder / f"{copy}_{seed.name}").write_text(seed.read_text() + f"\n\nFiled by desk number {copy + 1}.\n")
    local = tmp_path / "local.db"
    assert run_cli(runner, "ingest", str(folder), "--db", str(local), "-q").exit_code == 0

    def slow_batches() -> None:
        """Hold each batch a few seconds on this worker, so the test can kill it while it holds one."""
        import clashrecon.pipeline as pipeline

        real = getattr(pipeline, "_unheld", pipeline.extract_chunk)
        pipeline._unheld = real

        def held(*args, **kwargs):
            time.sleep(4)
            return real(*args, **kwargs)

        pipeline.extract_chunk = held  # extract_batch looks it up at each call

    def unhold() -> None:
        import clashrecon.pipeline as pipeline

        pipeline.extract_chunk = pipeline.__dict__.pop("_unheld", pipeline.extract_chunk)

    client.run(slow_batches)
    pids = client.run(os.getpid)
    outcome: dict = {}

    def run() -> None:
        with Store.open(tmp_path / "dask.db", create=True) as store:
            outcome["report"] = ingest(store, IngestOptions(paths=(folder,), executor=Executor.dask, scheduler=address))

    ingesting = threading.Thread(target=run)
    ingesting.start()
    victim = None
    deadline = time.monotonic() + 120
    while victim is None and time.monotonic() < deadline and ingesting.is_alive():
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            time.sleep(1.0)  # inside its 4-second hold
            if client.processing().get(busy[0]):
                victim = busy[0]
                os.kill(pids[victim], signal.SIGKILL)
        time.sleep(0.1)
    ingesting.join(timeout=300)
    client.run(unhold)
    assert victim is not None, "no batch was ever seen running on a worker"
    assert not ingesting.is_alive()
    report = outcome["report"]
    assert not report.failed, [str(e) for e in report.failed]
    assert report.new == 10
    for args in (["claims"], ["timeline"]):
        got = run_cli(runner, *args, "--db", str(tmp_path / "dask.db"), "--json").stdout
        assert got == run_cli(runner, *args, "--db", str(local), "--json").stdout
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker
    client.run(os.getpid)  # and every worker, the restarted one too, answers


def test_the_scheduler_comes_from_the_option_then_dask_s_variable(monkeypatch):
    import dask

    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", "tcp://127.0.0.1:9")
    dask.config.refresh()
    try:
        assert scheduler_address("tcp://127.0.0.1:8786") == "tcp://127.0.0.1:8786"
        assert scheduler_address(None) == "tcp://127.0.0.1:9"
        monkeypatch.delenv("DASK_SCHEDULER_ADDRESS")
        dask.config.refresh()
        assert scheduler_address(None) is None  # a LocalCluster is started
    finally:
        dask.config.refresh()


def test_a_scheduler_nobody_runs_is_one_line(runner, tmp_path):
    import socket

    pytest.importorskip("distributed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    started = time.monotonic()
    result = run_cli(runner, "ingest", str(SEEDS), "--db", str(tmp_path / "s.db"), "--executor", "dask",
                     "--scheduler", f"tcp://127.0.0.1:{port}")
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1 and f"cannot reach the Dask scheduler at tcp://127.0.0.1:{port}" in line, line
    assert time.monotonic() - started < 120


def test_scheduler_without_the_dask_executor_is_refused(runner, tmp_path):
    result = run_cli(runner, "ingest", str(SEEDS), "--db", str(tmp_path / "s.db"), "--scheduler", "tcp://127.0.0.1:8786")
    assert result.exit_code == 2
    assert "--scheduler tcp://127.0.0.1:8786 is for --executor dask" in result.stderr
    assert not (tmp_path / "s.db").exists()


def test_without_dask_installed_the_executor_says_how_to_install_it(monkeypatch):
    from clashrecon.errors import ClusterError

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(ClusterError, match=r"pip install 'clashrecon\[dask\]'"):
        DaskCluster(scheduler=None, jobs=1, model=None).start()


def test_the_default_path_loads_neither_dask_nor_psycopg(seeds_copy, tmp_path):
    code = (
        "import sys\n"
        "from clashrecon.cli import app\n"
        f"for args in (['ingest', {str(SEEDS)!r}, '--db', {str(tmp_path / 'new.db')!r}, '-q'], ['timeline', '--db', {str(seeds_copy)!r}]):\n"
        "    try:\n        app(args)\n"
        "    except SystemExit as e:\n        assert e.code == 0, e.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'psycopg'))\n"
        "assert not loaded, loaded\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_killing_an_ingest_stops_the_local_cluster_it_started(tmp_path):
    """SIGKILL cannot be caught: the LocalCluster's worker processes must notice their parent is gone."""
    pytest.importorskip("distributed")
    proc = subprocess.Popen(
        [sys.executable, "-m", "clashrecon", "ingest", str(SEEDS), "--db", str(tmp_path / "s.db"), "-q",
         "--executor", "dask", "--jobs", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
        env={k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"},
    )
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _descendants(proc.pid)
    assert len(workers) >= 2, "the ingest started no worker processes"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for w in left:  # never leave them running, whatever the test concludes
        os.kill(w, signal.SIGKILL)
    assert not left, f"{len(left)} Dask worker process(es) still running 20 s after their ingest was killed"
