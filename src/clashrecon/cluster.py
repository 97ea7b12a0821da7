"""`ingest --executor dask`: the articles' NLP and extraction on a Dask distributed cluster.

The scheduler is `--scheduler tcp://host:8786`, else Dask's own DASK_SCHEDULER_ADDRESS, else a
`LocalCluster` of `--jobs` single-threaded worker processes on 127.0.0.1 started for this ingest.
Each worker loads the spaCy model once (`cluster_worker.ModelLoader`); a batch of articles goes
to the cluster as one task holding its articles, and comes back as their claims, which this
process stores, in the batches' order, as the local pool's are. The corpus passes and the
reconciliation stay here, beside the store.

A worker that dies mid-batch is Dask's to handle: the scheduler gives the batch to another
worker (the batch lives in the task itself, not in the dead worker's memory, so it can be run
again). A batch that has killed `distributed.scheduler.allowed-failures` workers is given up,
its articles named as failed, as a file that fails is; the ingest goes on.

Nothing here imports dask until a cluster is used: the local default never loads it.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator
from enum import Enum
from typing import TYPE_CHECKING

from clashrecon.errors import ClashreconError, ClusterError

if TYPE_CHECKING:
    from clashrecon.ingest import SourcedArticle

# Batches in flight per worker: enough that none waits for its next batch, few enough that a
# corpus of any size is never all in the scheduler's memory at once.
IN_FLIGHT_PER_WORKER = 3
TOP_UP_S = 0.5  # how often, while waiting for the next batch in order, more are submitted
CONNECT_TIMEOUT_S = 30


class Executor(str, Enum):
    """Where `ingest` runs the NLP: this machine's process pool, or a Dask cluster."""

    local = "local"
    dask = "dask"


def _distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError(
            f"ingest --executor dask needs Dask's distributed scheduler, which is not installed ({exc}); "
            "pip install 'clashrecon[dask]', or leave out --executor dask"
        ) from exc
    return distributed


def scheduler_address(given: str | None) -> str | None:
    """`--scheduler`, else DASK_SCHEDULER_ADDRESS (read by Dask's config); None starts a LocalCluster."""
    if given:
        return given
    import dask

    return dask.config.get("scheduler-address", None) or None


def local_cluster(workers: int):
    """A LocalCluster of `workers` single-threaded processes, everything on 127.0.0.1, no dashboard."""
    distributed = _distributed()
    return distributed.LocalCluster(
        n_workers=workers,
        threads_per_worker=1,  # spaCy holds the GIL: one batch per process
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        # the scheduler's HTTP routes (health, metrics) on any free loopback port, not on 8787
        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"},
        silence_logs=logging.ERROR,
    )


class DaskCluster:
    """The cluster of one ingest: connected (or started, as a LocalCluster) on first use, closed with it."""

    def __init__(self, *, scheduler: str | None, jobs: int, model: str | None) -> None:
        self.requested = scheduler
        self.jobs = jobs
        self.model = model
        self.client = None
        self._local = None

    def start(self) -> None:
        if self.client is not None:
            return
        distributed = _distributed()
        address = scheduler_address(self.requested)
        try:
            if address is None:
                self._local = local_cluster(self.jobs)
                self.client = distributed.Client(self._local)
            else:
                self.client = distributed.Client(address, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClusterError(
                f"cannot reach the Dask scheduler at {address} ({exc}); start it with `dask scheduler`, "
                "check --scheduler (or DASK_SCHEDULER_ADDRESS), or leave them out for a local cluster"
            ) from exc
        from clashrecon.cluster_worker import ModelLoader

        self.client.register_plugin(ModelLoader(self.model))  # every worker, and any that joins later

    @property
    def workers(self) -> int:
        """How many workers the cluster has now (at least one, for sizing batches)."""
        self.start()
        return max(1, len(self.client.scheduler_info(n_workers=-1)["workers"]))

    def extract(
        self, batches: list[list["SourcedArticle"]], model: str | None, batch_size: int, done: Callable[[int, float], None]
    ) -> Iterator:
        """Each batch's `pipeline.Extracted`, in the batches' order; `done(key, articles)` hears of
        each batch as its future completes, in whatever order the workers finish."""
        from clashrecon.cluster_worker import extract_batch
        from clashrecon.pipeline import Extracted

        distributed = _distributed()
        self.start()
        window = IN_FLIGHT_PER_WORKER * self.workers
        pending: deque = deque()
        queued = iter(enumerate(batches))

        def top_up() -> None:
            """Submit batches until `window` are waiting or running: finished ones waiting to be
            stored in order do not count, so no worker idles behind a slow batch ahead of them."""
            unfinished = sum(1 for _, f in pending if not f.done())
            while unfinished < window and (item := next(queued, None)) is not None:
                key, batch = item
                # pure=False: every batch a task of its own, even two equal ones of two ingests sharing the cluster
                future = self.client.submit(extract_batch, batch, model, batch_size, pure=False)
                future.add_done_callback(lambda f, key=key, n=len(batch): done(key, n) if f.status == "finished" else None)
                pending.append((batch, future))
                unfinished += 1

        while True:
            top_up()
            if not pending:
                return
            batch, future = pending[0]
            try:
                distributed.wait(future, timeout=TOP_UP_S)
            except TimeoutError:
                continue
            pending.popleft()
            try:
                result = future.result()
            except distributed.KilledWorker as exc:
                reason = f"NLP worker died on every try at this batch ({exc})"
                result = Extracted([], [(i.source, reason) for i in batch], model or "", ())
            except ClashreconError:
                raise  # e.g. no spaCy model on the workers: the same message as a local run's
            except Exception as exc:  # noqa: BLE001 - the task itself failed: its articles are named, the rest go on
                reason = f"NLP worker failed ({type(exc).__name__}: {exc})"
                result = Extracted([], [(i.source, reason) for i in batch], model or "", ())
            finally:
                future.release()
            yield result

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self._local is not None:
            self._local.close()
            self._local = None
