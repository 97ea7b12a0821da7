"""The worker processes of one ingest (`--jobs N`): started on first use, they die with it.

They are forked after the parent has loaded the spaCy model, so they share it; they decode
files, run NLP over batches, and in the corpus passes trace lineage and find dating expressions.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TypeVar

T = TypeVar("T")

# Below this, sending a batch to a worker costs more than it saves.
SMALLEST_CHUNK = 8


def chunks(items: list[T], *, jobs: int, batch_size: int) -> list[list[T]]:
    """Batches of at most batch_size; with workers, ever smaller ones towards the end (each a
    share of what is left), so that no worker is still busy with a large batch while the
    others have nothing left to do."""
    jobs = max(1, jobs)
    if jobs == 1:
        size = max(1, batch_size)
        return [items[i : i + size] for i in range(0, len(items), size)]
    out, i = [], 0
    while i < len(items):
        left = len(items) - i
        floor = min(SMALLEST_CHUNK, -(-left // jobs))
        size = max(1, min(batch_size, max(-(-left // (2 * jobs)), floor)))
        out.append(items[i : i + size])
        i += size
    return out


def _exit_with_parent(parent: int) -> None:
    """Make this worker die with the ingest that started it, even when that ingest is SIGKILLed.

    SIGKILL cannot be caught, so the parent cannot stop its workers; on Linux the kernel sends
    the worker SIGKILL when its parent dies (PR_SET_PDEATHSIG), elsewhere a thread watches.
    """
    import signal
    import sys
    import threading
    import time

    if sys.platform.startswith("linux"):
        import ctypes

        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_init(model: str | None, parent: int) -> None:
    from clashrecon.nlp import load_pipeline

    _exit_with_parent(parent)
    load_pipeline(model)  # already loaded when forked from a parent that loaded it


_settled = False


def settle() -> None:
    """Exempt what is alive now (the loaded model, the imported modules) from garbage collection.

    It lives as long as the process anyway. Without this every full collection walks the
    model's objects again, and in forked workers it writes to their pages, so each worker
    ends up copying the parent's memory; with it the collector took half the time (500 articles).
    Once per process, after one collection, so no garbage is frozen with it.
    """
    global _settled
    if not _settled:
        import gc

        gc.collect()
        gc.freeze()
        _settled = True


def _mp_context():
    import multiprocessing

    # fork shares the parent's loaded pipeline; spawn (the only choice elsewhere) loads it per worker
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


class Workers:
    """The process pool of one ingest, started on first use after the parent loaded the model."""

    def __init__(self, *, jobs: int, model: str | None) -> None:
        self.jobs = jobs
        self.model = model
        self._pool = None

    @property
    def pool(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from clashrecon.nlp import load_pipeline

            load_pipeline(self.model)
            settle()  # before the fork: the workers inherit the frozen model
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=_mp_context(),
                initializer=_worker_init,
                initargs=(self.model, os.getpid()),
            )
        return self._pool

    def map(self, fn, *iterables) -> Iterator:
        """`map` in the workers, in order; a dead worker pool falls back to this process."""
        from concurrent.futures.process import BrokenProcessPool

        columns = [list(it) for it in iterables]
        size = max(1, len(columns[0]) // (4 * self.jobs))
        try:
            return iter(list(self.pool.map(fn, *columns, chunksize=size)))
        except BrokenProcessPool:
            return map(fn, *columns)

    @property
    def started(self) -> bool:
        return self._pool is not None

    def close(self) -> None:
        if self._pool is not None:
            # on Ctrl-C or a store error, work not yet started is dropped instead of waited for
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
