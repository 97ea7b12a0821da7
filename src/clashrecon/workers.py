"""The worker processes of one ingest (`--jobs N`): started on first use, they die with it.

They are forked after the parent has loaded the spaCy model, so they share it; they decode
files, run NLP over batches, and in the corpus passes trace lineage and find dating expressions.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

# Below this, sending a batch to a worker costs more than it saves.
SMALLEST_CHUNK = 8


def chunks(items: list[T], *, jobs: int, batch_size: int, first: int | None = None) -> list[list[T]]:
    """Batches of at most batch_size; with workers, ever smaller ones towards the end (each a
    share of what is left), so that no worker is still busy with a large batch while the
    others have nothing left to do. With `first`, the first batches grow from that size,
    doubling, so that the first batch is stored within seconds of the start."""
    jobs = max(1, jobs)
    ramp = max(1, first or batch_size)
    out, i = [], 0
    while i < len(items):
        left = len(items) - i
        if jobs == 1:
            size = batch_size
        else:
            floor = min(SMALLEST_CHUNK, -(-left // jobs))
            size = max(-(-left // (2 * jobs)), floor)
        size = max(1, min(batch_size, size, ramp))
        out.append(items[i : i + size])
        i += size
        ramp *= 2
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


# A worker tells its parent how far it got through a batch in records of (batch key, articles'
# worth) written to one pipe: a write this small is atomic, so no lock is shared with the parent
# or the other workers (a worker killed while holding one would stop them all).
_PROGRESS = struct.Struct("<id")
_progress_fd: int | None = None  # in a worker: the pipe's write end, if the parent listens


def _worker_init(model: str | None, parent: int, progress_fd: int | None = None) -> None:
    from clashrecon.nlp import load_pipeline

    global _progress_fd
    _progress_fd = progress_fd
    _exit_with_parent(parent)
    load_pipeline(model)  # already loaded when forked from a parent that loaded it


class Reporter:
    """In a worker: what it did of batch `key`, sent to its parent an article's worth or more at a time."""

    def __init__(self, key: int) -> None:
        self.key = key
        self.pending = 0.0

    def __call__(self, worth: float) -> None:
        self.pending += worth
        if self.pending >= 1.0:
            self.flush()

    def flush(self) -> None:
        if self.pending and _progress_fd is not None:
            os.write(_progress_fd, _PROGRESS.pack(self.key, self.pending))
        self.pending = 0.0


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


def release() -> None:
    """Give the memory the NLP left free back to the system, before the corpus passes.

    glibc keeps freed heap for later allocations, but the holes the NLP's short-lived arrays
    leave are not where the passes' records go (most are in Python's own small-object arenas),
    so the passes grew the process on top of them: at 1,000 articles the heap held 108 MiB
    free that way. `malloc_trim` returns it in a few milliseconds; without glibc, nothing to do.
    """
    import ctypes
    import gc

    gc.collect()
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


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
        self._progress: tuple[int, int] | None = None  # the pipe workers report progress on (read, write)

    @property
    def pool(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from clashrecon.nlp import load_pipeline

            load_pipeline(self.model)
            settle()  # before the fork: the workers inherit the frozen model
            context = _mp_context()
            if context.get_start_method() == "fork":  # a spawned worker inherits no pipe
                self._progress = os.pipe()
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=context,
                initializer=_worker_init,
                initargs=(self.model, os.getpid(), self._progress[1] if self._progress else None),
            )
        return self._pool

    @contextmanager
    def listening(self, tell: Callable[[int, float], None]) -> Iterator[None]:
        """While inside, a thread passes each worker's progress record to tell(batch key, worth).
        Start it after the workers forked: a thread alive at a fork would be copied half-way."""
        import threading

        if self._progress is None:
            yield
            return
        read, write = self._progress

        def relay() -> None:
            buffer = b""
            while True:
                more = os.read(read, 4096)
                if not more:
                    return
                buffer += more
                whole = len(buffer) - len(buffer) % _PROGRESS.size
                for key, worth in _PROGRESS.iter_unpack(buffer[:whole]):
                    if key < 0:
                        return
                    tell(key, worth)
                buffer = buffer[whole:]

        thread = threading.Thread(target=relay, name="worker-progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            os.write(write, _PROGRESS.pack(-1, 0.0))  # the relay's last record
            thread.join()

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
        if self._progress is not None:
            for fd in self._progress:
                os.close(fd)
            self._progress = None
