"""The ingest job: files -> Articles -> spaCy Docs -> Claims -> store, then the corpus passes.

Callers pass a `Progress` to hear about it; this module never prints.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from clashrecon.errors import InputFileError
from clashrecon.ingest import SourcedArticle, discover, read_file
from clashrecon.ingest.readers import FileRead, file_hash, read_bytes
from clashrecon.models import Article, Claim, Reconciliation
from clashrecon.store import Store


@dataclass(frozen=True)
class IngestOptions:
    paths: tuple[Path, ...]
    model: str | None = None
    glob: str | None = None
    force: bool = False
    jobs: int = 1
    batch_size: int = 64
    reference_date: date | None = None


@dataclass
class IngestReport:
    files: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    claims_added: int = 0
    failed: list[InputFileError] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    model: str | None = None

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, n: int = 1) -> None: ...
    def stop(self) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, n: int = 1) -> None:
        pass

    def stop(self) -> None:
        pass


_SMALLEST_CHUNK = 8  # below this, sending a batch to a worker costs more than it saves


def _batched(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


@dataclass(frozen=True)
class StoredSource:
    article_id: str
    raw_hash: str | None


def stored_sources(store: Store) -> dict[str, StoredSource]:
    """source key -> (article id, raw-bytes hash) of everything stored, for the cheap unchanged check."""
    rows = store.conn.execute("SELECT source, id, json_extract(data, '$.raw_hash') FROM articles")
    return {source: StoredSource(article_id, digest) for source, article_id, digest in rows}


def forget_sources(store: Store, sources: list[str]) -> None:
    """Drop records that vanished from a changed JSON/JSONL file (their claims go with them)."""
    with store.transaction() as db:
        db.executemany("DELETE FROM articles WHERE source=?", [(s,) for s in sources])


@dataclass
class Collected:
    pending: list[SourcedArticle] = field(default_factory=list)
    metadata_only: list[Article] = field(default_factory=list)  # same text, new metadata: no NLP needed
    vanished: list[str] = field(default_factory=list)  # sources of records no longer in their file
    replacing: set[str] = field(default_factory=set)  # pending sources that replace a stored version


def _by_file(known: dict[str, StoredSource]) -> dict[str, dict[str, StoredSource]]:
    """Stored sources grouped by the file they came from ('a.jsonl#3' -> 'a.jsonl')."""
    grouped: dict[str, dict[str, StoredSource]] = {}
    for source, stored in known.items():
        base, mark, number = source.rpartition("#")
        grouped.setdefault(base if mark and number.isdigit() else source, {})[source] = stored
    return grouped


def _read(path: Path, data: bytes) -> FileRead | InputFileError:
    """read_file, with its failure as a value (a worker sends it back instead of stopping the map)."""
    try:
        return read_file(path, data)
    except InputFileError as exc:
        return exc


def collect(
    options: IngestOptions, known: dict[str, StoredSource], report: IngestReport, workers: Workers | None = None
) -> Collected:
    """Read every file; keep the articles that are new or changed (all of them with --force).

    A file whose raw bytes (and sidecar) hash as stored is not decoded at all. With workers and
    many files to decode, the decoding (boilerplate, metadata) runs in the workers.
    """
    found = discover(list(options.paths), options.glob)
    report.failed.extend(found.errors)
    report.skipped.extend(found.skipped)
    stored_ids = {v.article_id for v in known.values()}
    out = Collected()
    taken: set[str] = set()
    by_file = _by_file(known)
    to_read: list[tuple[Path, bytes, dict[str, StoredSource]]] = []
    for path in found.files:
        report.files += 1
        try:
            data = read_bytes(path)
        except InputFileError as exc:
            report.failed.append(exc)
            continue
        before = by_file.get(str(path.resolve()), {})
        digest = file_hash(path, data) if before else None
        if before and not options.force and all(v.raw_hash == digest for v in before.values()):
            report.unchanged += len(before)
            continue
        to_read.append((path, data, before))
    if workers is not None and len(to_read) >= options.batch_size:
        reads = workers.map(_read, [p for p, _, _ in to_read], [d for _, d, _ in to_read])
    else:
        reads = (_read(p, d) for p, d, _ in to_read)
    for (path, _, before), read in zip(to_read, reads):
        if isinstance(read, InputFileError):
            report.failed.append(read)
            continue
        report.failed.extend(read.errors)
        warned = {w for item in read.articles for w in item.article.warnings}
        report.notes.extend(f"{path}: {w}" for w in sorted(warned))
        base, resolved = str(path), str(path.resolve())
        current = {item.source for item in read.articles} | {resolved + e.path[len(base) :] for e in read.errors}
        out.vanished += [s for s in before if s not in current]
        for item in read.articles:
            previous = known.get(item.source)
            previous_id = previous.article_id if previous else None
            same_text_elsewhere = item.article.id in stored_ids and previous_id != item.article.id
            if item.article.id in taken or same_text_elsewhere:
                report.unchanged += 1
                report.notes.append(f"{item.source}: same text as an article already stored; not stored twice")
                continue
            if previous_id == item.article.id and not options.force:
                report.unchanged += 1
                if previous.raw_hash != item.raw_hash:
                    out.metadata_only.append(item.article)
                continue
            taken.add(item.article.id)
            if previous is not None:
                out.replacing.add(item.source)
            out.pending.append(item)
    return out


@dataclass(frozen=True)
class Extracted:
    """What NLP made of one chunk of articles: stored rows, failures, and the model used."""

    rows: list[tuple[str, Article, list[Claim]]]
    failed: list[tuple[str, str]]  # (path, reason)
    model: str
    notes: tuple[str, ...]


def extract_chunk(items: list[SourcedArticle], model: str | None, batch_size: int) -> Extracted:
    """nlp.pipe over a chunk of articles, then every extractor; runs in the main process or a worker.

    One article whose extraction fails is reported and skipped; the rest of the chunk is kept.
    """
    from clashrecon import prefilter
    from clashrecon.extract import article_claims
    from clashrecon.ingest.segments import claim_text
    from clashrecon.nlp import load_pipeline

    loaded = load_pipeline(model)
    rows: list[tuple[str, Article, list[Claim]]] = []
    failed: list[tuple[str, str]] = []
    texts = [claim_text(item.article) for item in items]
    try:
        # prefilter.pipe: tagger and parser only on sentences that can hold a claim (see its docstring)
        docs: list = list(prefilter.pipe(loaded.nlp, texts, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - find the one text the pipeline cannot take, keep the others
        docs = []
        for item, text in zip(items, texts):
            try:
                docs.extend(prefilter.pipe(loaded.nlp, [text], batch_size=1))
            except Exception as exc:  # noqa: BLE001
                docs.append(None)
                failed.append((item.source, f"language processing failed ({type(exc).__name__}: {exc})"))
    for item, doc in zip(items, docs):
        if doc is None:
            continue
        try:
            rows.append((item.source, item.article, article_claims(doc, item.article)))
        except Exception as exc:  # noqa: BLE001 - one bad article must not sink the batch
            failed.append((item.source, f"claim extraction failed ({type(exc).__name__}: {exc})"))
    return Extracted(rows=rows, failed=failed, model=loaded.name, notes=loaded.notes)


def _exit_with_parent(parent: int) -> None:
    """Make this worker die with the ingest that started it, even when that ingest is SIGKILLed.

    SIGKILL cannot be caught, so the parent cannot stop its workers; on Linux the kernel sends
    the worker SIGKILL when its parent dies (PR_SET_PDEATHSIG), elsewhere a thread watches.
    """
    import os
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


def _settle() -> None:
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
    """The worker processes of one ingest, started on first use, after the parent has loaded the
    model (forked workers then share it). Used for decoding files, NLP, and in the corpus passes
    for lineage and the time expressions that date articles."""

    def __init__(self, options: IngestOptions) -> None:
        self.options = options
        self._pool = None

    @property
    def pool(self):
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from clashrecon.nlp import load_pipeline

            load_pipeline(self.options.model)
            _settle()  # before the fork: the workers inherit the frozen model
            self._pool = ProcessPoolExecutor(
                max_workers=self.options.jobs,
                mp_context=_mp_context(),
                initializer=_worker_init,
                initargs=(self.options.model, os.getpid()),
            )
        return self._pool

    def map(self, fn, *iterables) -> Iterator:
        """`map` in the workers, in order; a dead worker pool falls back to this process."""
        from concurrent.futures.process import BrokenProcessPool

        columns = [list(it) for it in iterables]
        size = max(1, len(columns[0]) // (4 * self.options.jobs))
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


def _chunks(pending: list[SourcedArticle], options: IngestOptions) -> list[list[SourcedArticle]]:
    """Batches of at most batch_size; with workers, ever smaller ones towards the end (each a
    share of what is left), so that no worker is still busy with a large batch while the
    others have nothing left to do."""
    jobs = max(1, options.jobs)
    if jobs == 1:
        return list(_batched(pending, max(1, options.batch_size)))
    chunks, i = [], 0
    while i < len(pending):
        left = len(pending) - i
        floor = min(_SMALLEST_CHUNK, -(-left // jobs))
        size = max(1, min(options.batch_size, max(-(-left // (2 * jobs)), floor)))
        chunks.append(pending[i : i + size])
        i += size
    return chunks


def extract_all(
    pending: list[SourcedArticle],
    options: IngestOptions,
    store: Store,
    report: IngestReport,
    progress: Progress,
    replacing: frozenset[str] | set[str] = frozenset(),
    workers: Workers | None = None,
) -> None:
    """Run NLP over pending articles in chunks (in the workers, if any) and store each chunk in one transaction."""
    from clashrecon.nlp import load_pipeline

    loaded = load_pipeline(options.model)  # fails here, cleanly, when no model loads
    _settle()
    report.model = loaded.name
    report.notes.extend(loaded.notes)
    chunks = _chunks(pending, options)

    def store_chunk(done: Extracted) -> None:
        report.claims_added += store.put_articles(done.rows)
        report.replaced += sum(1 for source, _, _ in done.rows if source in replacing)
        report.new += sum(1 for source, _, _ in done.rows if source not in replacing)
        for source, reason in done.failed:
            report.failed.append(InputFileError(source, reason))
        progress.advance(len(done.rows) + len(done.failed))

    if workers is None or len(chunks) <= 1:
        progress.start(len(pending))
        try:
            for chunk in chunks:
                store_chunk(extract_chunk(chunk, options.model, options.batch_size))
        finally:
            progress.stop()
        return

    from concurrent.futures.process import BrokenProcessPool

    pool = workers.pool
    try:
        futures = [pool.submit(extract_chunk, chunk, options.model, options.batch_size) for chunk in chunks]
        progress.start(len(pending))  # after the workers exist: no progress thread is forked
        for chunk, future in zip(chunks, futures):
            try:
                done = future.result()
            except BrokenProcessPool:
                done = Extracted([], [(i.source, "NLP worker process died") for i in chunk], loaded.name, ())
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                reason = f"NLP worker failed ({type(exc).__name__}: {exc})"
                done = Extracted([], [(i.source, reason) for i in chunk], loaded.name, ())
            store_chunk(done)
    finally:
        progress.stop()


def ingest(store: Store, options: IngestOptions, progress: Progress | None = None) -> IngestReport:
    """Ingest files into the store, then re-run the corpus passes if anything changed."""
    progress = progress or _Silent()
    report = IngestReport()
    workers = Workers(options) if options.jobs > 1 else None
    try:
        collected = collect(options, stored_sources(store), report, workers)
        if collected.vanished:
            forget_sources(store, collected.vanished)
            report.notes.extend(f"{s}: no longer in its file; removed with its claims" for s in collected.vanished)
        if collected.metadata_only:
            store.update_articles(collected.metadata_only)
        if collected.pending:
            extract_all(collected.pending, options, store, report, progress, collected.replacing, workers)
        if options.reference_date is not None:
            store.set_meta("reference_date", options.reference_date.isoformat())
        changed = collected.pending or collected.metadata_only or collected.vanished
        if changed or options.force or options.reference_date is not None or store.meta("reconciled_at") is None:
            finalize(store, workers if workers is not None and workers.started else None)
    finally:
        if workers is not None:
            workers.close()
    return report


def _telling(texts: list[str]) -> list:
    from clashrecon.chronology import telling_expressions

    return [telling_expressions(t) for t in texts]


def finalize(store: Store, workers: Workers | None = None) -> Reconciliation:
    """Corpus passes over everything stored: lineage, time resolution, reconciliation.

    Lineage and time resolution do not depend on each other: with workers, lineage runs in
    one of them while another and this process find the time expressions that date each article.
    """
    from concurrent.futures.process import BrokenProcessPool

    from clashrecon.chronology import resolve_corpus, telling_expressions
    from clashrecon.ingest.lineage import article_origins, assign_origins
    from clashrecon.ingest.segments import claim_text
    from clashrecon.reconcile import reconcile

    given = store.meta("reference_date")
    reference = date.fromisoformat(given) if given else None
    articles = store.articles()
    claims = store.claims()
    if workers is None:
        dated, resolved = resolve_corpus(assign_origins(articles), claims, reference)
    else:
        lineage = workers.pool.submit(article_origins, articles)
        half = len(articles) // 2
        far = workers.pool.submit(_telling, [claim_text(a) for a in articles[:half]])
        known = {a.id: telling_expressions(claim_text(a)) for a in articles[half:]}
        try:
            known.update(zip((a.id for a in articles[:half]), far.result()))
        except BrokenProcessPool:
            pass  # resolve_corpus finds the missing ones itself
        dated, resolved = resolve_corpus(articles, claims, reference, known)
        try:
            origins = lineage.result()
        except BrokenProcessPool:
            origins = article_origins(articles)
        dated = [d.model_copy(update={"origin": o, "origin_reason": r}) for d, (o, r) in zip(dated, origins)]
    store.update_articles(a for a, old in zip(dated, articles) if a != old)
    before = {c.id: c for c in claims}
    store.update_claims(c for c in resolved if before.get(c.id) != c)
    rec = reconcile(dated, resolved)
    store.save_reconciliation(rec)
    return rec
