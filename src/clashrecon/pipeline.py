"""The ingest job: read -> extract -> store -> corpus passes -> reconcile.

Callers pass a `Progress` to hear about it; this module never prints.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from clashrecon.cluster import DaskCluster, Executor
from clashrecon.errors import InputFileError, Interrupted
from clashrecon.ingest import SourcedArticle, read_file
from clashrecon.ingest.plan import Plan, Reader, plan_ingest
from clashrecon.models import Article, Change, Claim
from clashrecon.refresh import Finalized
from clashrecon.store import Store
from clashrecon.store.base import Stored
from clashrecon.workers import Workers, chunks, release, settle


@dataclass(frozen=True)
class IngestOptions:
    paths: tuple[Path, ...]
    model: str | None = None
    glob: str | None = None
    force: bool = False
    jobs: int = 1
    batch_size: int = 64
    reference_date: date | None = None
    executor: Executor = Executor.local
    scheduler: str | None = None  # a Dask scheduler's address, for Executor.dask (`cluster.py`)


@dataclass
class IngestReport:
    """What an ingest did. `files` counts files read; the other counts are records (a JSON or
    JSONL file holds several; any other file is one), as this run stored them."""

    files: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    reextracted: int = 0  # of `unchanged`: records extracted again by --force
    claims_added: int = 0
    failed: list[InputFileError] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    empty: list[tuple[str, str]] = field(default_factory=list)  # paths given that held nothing to read
    notes: list[str] = field(default_factory=list)
    model: str | None = None
    changes: tuple[Change, ...] = ()  # what the reconciliation changed in the picture stored before

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.empty else 0

    @property
    def failed_records(self) -> int:
        """Failures of one record inside a file ('feed.jsonl#3'), not of a whole file."""
        return sum(1 for e in self.failed if _record_mark(e.path))

    @property
    def records(self) -> int:
        return self.new + self.replaced + self.unchanged + self.failed_records

    def take(self, plan: Plan) -> None:
        """What reading the files found: counts, failures, skipped files and notes."""
        self.files += plan.files
        self.unchanged += plan.unchanged
        self.failed.extend(plan.failed)
        self.skipped.extend(plan.skipped)
        self.empty.extend(plan.empty)
        self.notes.extend(plan.notes)

    def count(self, stored: Stored) -> None:
        """What the store did with one batch: only what this run actually stored counts as stored."""
        self.claims_added += stored.claims
        self.new += stored.count("new")
        self.replaced += stored.count("replaced")
        rewritten = stored.count("rewritten")
        self.unchanged += rewritten + stored.count("meanwhile") + stored.count("duplicate")
        self.reextracted += rewritten
        for source, outcome in stored.outcomes.items():
            if outcome == "meanwhile":
                self.notes.append(f"{source}: stored meanwhile by another ingest; left as it is")
            elif outcome == "duplicate":
                self.notes.append(f"{source}: same text as an article already stored; not stored twice")


def _record_mark(path: str) -> bool:
    _, mark, number = path.rpartition("#")
    return bool(mark) and number.isdigit()


class Progress(Protocol):
    def start(self, total: int) -> None:
        """The extraction of `total` articles begins."""

    def advance(self, n: float = 1) -> None:
        """n more articles' worth extracted (a batch's articles come out together at its end)."""

    def stage(self, label: str) -> None:
        """A stage without a count begins, e.g. 'reconciling 2,000 articles'."""

    def stop(self) -> None: ...


class _Silent:
    def start(self, total: int) -> None:
        pass

    def advance(self, n: float = 1) -> None:
        pass

    def stage(self, label: str) -> None:
        pass

    def stop(self) -> None:
        pass


@dataclass(frozen=True)
class Extracted:
    """What NLP made of one chunk of articles: stored rows, failures, and the model used."""

    rows: list[tuple[str, Article, list[Claim]]]
    failed: list[tuple[str, str]]  # (path, reason)
    model: str
    notes: tuple[str, ...]


def _no_report(worth: float) -> None:
    pass


def extract_chunk(
    items: list[SourcedArticle], model: str | None, batch_size: int, report: Callable[[float], None] = _no_report
) -> Extracted:
    """nlp.pipe over a chunk of articles, then every extractor; runs in the main process or a worker.

    One article whose extraction fails is reported and skipped; the rest of the chunk is kept.
    `report` hears how many articles' worth of the chunk is done as NLP and extraction go.
    """
    from clashrecon.nlp import prefilter
    from clashrecon.extract import article_claims
    from clashrecon.ingest.segments import claim_text
    from clashrecon.lexicon import load_data
    from clashrecon.nlp import load_pipeline

    loaded = load_pipeline(model)
    share = float(load_data("ingest.json")["progress_nlp_share"])

    def tick(texts_done: float) -> None:
        report(texts_done * share)

    rows: list[tuple[str, Article, list[Claim]]] = []
    failed: list[tuple[str, str]] = []
    texts = [claim_text(item.article) for item in items]
    try:
        # prefilter.pipe: tagger and parser only on sentences that can hold a claim (see its docstring)
        docs: list = list(prefilter.pipe(loaded.nlp, texts, batch_size=batch_size, tick=tick))
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
        report(1.0 - share)
    return Extracted(rows=rows, failed=failed, model=loaded.name, notes=loaded.notes)


def _extract_in_worker(key: int, items: list[SourcedArticle], model: str | None, batch_size: int) -> Extracted:
    """extract_chunk in a worker, its progress sent to the parent as batch `key`'s."""
    from clashrecon.workers import Reporter

    reporter = Reporter(key)
    try:
        return extract_chunk(items, model, batch_size, reporter)
    finally:
        reporter.flush()


class _BatchProgress:
    """Progress told as each batch's work is done, made exact as each batch is stored; the
    workers' reports arrive on another thread, and may come after their batch was stored."""

    def __init__(self, progress: Progress) -> None:
        import threading

        self.progress = progress
        self.told: dict[int, float] = {}
        self.stored: set[int] = set()
        self.lock = threading.Lock()

    def tell(self, key: int, worth: float) -> None:
        with self.lock:
            if key in self.stored:
                return
            self.told[key] = self.told.get(key, 0.0) + worth
        self.progress.advance(worth)

    def reporter(self, key: int) -> Callable[[float], None]:
        return lambda worth: self.tell(key, worth)

    def settle(self, key: int, articles: int) -> None:
        with self.lock:
            self.stored.add(key)
            rest = articles - self.told.pop(key, 0.0)
        self.progress.advance(max(rest, 0.0))


def _extracted_in_workers(batches: list[list[SourcedArticle]], options: IngestOptions, workers: Workers, model: str):
    """Every batch sent to the workers now (so they fork before any progress thread exists); then
    each batch's extraction in order, a batch whose worker failed reported failed."""
    from concurrent.futures.process import BrokenProcessPool

    # each future is dropped once its batch is stored: a done future keeps its result, and all
    # of them together held every claim of the ingest until its end (90 MiB at 1,000 articles)
    futures = deque(
        (b, workers.pool.submit(_extract_in_worker, i, b, options.model, options.batch_size)) for i, b in enumerate(batches)
    )

    def results():
        while futures:
            batch, future = futures.popleft()
            try:
                done = future.result()
            except BrokenProcessPool:
                done = Extracted([], [(i.source, "NLP worker process died") for i in batch], model, ())
            except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be sent back
                reason = f"NLP worker failed ({type(exc).__name__}: {exc})"
                done = Extracted([], [(i.source, reason) for i in batch], model, ())
            del future
            yield done

    return results()


def extract_all(
    pending: list[SourcedArticle],
    options: IngestOptions,
    store: Store,
    report: IngestReport,
    progress: Progress,
    rewriting: frozenset[str] | set[str] = frozenset(),
    workers: Workers | None = None,
    cluster: DaskCluster | None = None,
) -> None:
    """Run NLP over pending articles in batches (in the workers or on the cluster, if any) and store
    each batch in one transaction."""
    from clashrecon.lexicon import load_data
    from clashrecon.nlp import load_pipeline, prefilter

    if cluster is not None:
        _extract_on_cluster(pending, options, store, report, progress, rewriting, cluster)
        return

    loaded = load_pipeline(options.model)  # fails here, cleanly, when no model loads
    settle()
    report.model = loaded.name
    report.notes.extend(loaded.notes)
    jobs = options.jobs if workers is not None else 1
    first = int(load_data("ingest.json")["first_batch"])
    batches = chunks(pending, jobs=jobs, batch_size=options.batch_size, first=first)
    counted = _BatchProgress(progress)
    in_workers = workers is not None and len(batches) > 1
    if in_workers:
        results = _extracted_in_workers(batches, options, workers, loaded.name)
    else:
        results = (
            extract_chunk(b, options.model, options.batch_size, counted.reporter(i)) for i, b in enumerate(batches)
        )
    progress.start(len(pending))
    with workers.listening(counted.tell) if in_workers else nullcontext():
        for key, done in enumerate(results):
            report.count(store.put_articles(done.rows, rewrite=rewriting))
            report.failed.extend(InputFileError(source, reason) for source, reason in done.failed)
            counted.settle(key, len(done.rows) + len(done.failed))
    prefilter.forget(loaded.nlp)
    release()


def _extract_on_cluster(
    pending: list[SourcedArticle],
    options: IngestOptions,
    store: Store,
    report: IngestReport,
    progress: Progress,
    rewriting: frozenset[str] | set[str],
    cluster: DaskCluster,
) -> None:
    """extract_all's batches on the Dask cluster, each stored here as it comes back, in order."""
    from clashrecon.lexicon import load_data

    first = int(load_data("ingest.json")["first_batch"])
    batches = chunks(pending, jobs=cluster.workers, batch_size=options.batch_size, first=first)
    counted = _BatchProgress(progress)
    progress.start(len(pending))
    for key, done in enumerate(cluster.extract(batches, options.model, options.batch_size, counted.tell)):
        if report.model is None and done.model:
            report.model = done.model
            report.notes.extend(done.notes)
        report.count(store.put_articles(done.rows, rewrite=rewriting))
        report.failed.extend(InputFileError(source, reason) for source, reason in done.failed)
        counted.settle(key, len(done.rows) + len(done.failed))


def ingest(
    store: Store, options: IngestOptions, progress: Progress | None = None, *, reader: Reader = read_file
) -> IngestReport:
    """Ingest files into the store, then re-run the corpus passes and the reconciliation if anything changed.

    `reader` turns a file's path and bytes into articles (`ingest.read_file`). Ctrl-C raises
    Interrupted, saying what was stored and what to run.
    """
    progress = progress or _Silent()
    report = IngestReport()
    on_cluster = options.executor is Executor.dask
    workers = Workers(jobs=options.jobs, model=options.model) if options.jobs > 1 and not on_cluster else None
    cluster = DaskCluster(scheduler=options.scheduler, jobs=options.jobs, model=options.model) if on_cluster else None
    try:
        plan = plan_ingest(
            list(options.paths),
            store.stored_sources(),
            glob=options.glob,
            force=options.force,
            workers=workers,
            min_parallel=options.batch_size,
            reader=reader,
        )
        report.take(plan)
        if plan.vanished:
            store.forget_sources(plan.vanished)
            report.notes.extend(f"{s}: no longer in its file; removed with its claims" for s in plan.vanished)
        if plan.metadata_only:
            store.update_metadata(plan.metadata_only)
        if plan.pending:
            extract_all(plan.pending, options, store, report, progress, plan.rewriting, workers, cluster)
        if options.reference_date is not None:
            store.set_meta("reference_date", options.reference_date.isoformat())
        changed = plan.pending or plan.metadata_only or plan.vanished
        if changed or options.force or options.reference_date is not None or not store.reconciled():
            done = finalize(store, workers if workers is not None and workers.started else None, progress)
            report.changes = done.changes
            if not done.saved:
                report.notes.append("another ingest changed the store meanwhile; its reconciliation covers these articles")
    except KeyboardInterrupt:
        raise Interrupted(_interrupted(store, report.new + report.replaced)) from None
    finally:
        progress.stop()
        if workers is not None:
            workers.close()
        if cluster is not None:
            cluster.close()
    return report


def _interrupted(store: Store, stored: int) -> str:
    """What an interrupted ingest leaves, and the command that finishes its work."""
    if store.reconciled():
        return (
            f"interrupted; the results cover every stored article ({stored:,} stored by this run). "
            "Run the same ingest again to read the rest (stored files are skipped)"
        )
    return (
        f"interrupted; the {stored:,} article(s) stored by this run are kept but not reconciled yet. "
        f"Run `clashrecon reconcile --db {store.path}` to bring the results up to date, "
        "or the same ingest again to also read the rest (stored files are skipped)"
    )


def finalize(store: Store, workers: Workers | None = None, progress: Progress | None = None, *, fresh: bool = False) -> Finalized:
    """The corpus passes and the reconciliation brought up to date with the stored articles: from
    what the last run left (`refresh`), or from scratch with `fresh`."""
    from clashrecon.refresh import refresh

    progress = progress or _Silent()
    return refresh(store, workers.pool if workers is not None else None, progress.stage, fresh=fresh)


@dataclass(frozen=True)
class ReconcileReport:
    """What `clashrecon reconcile` did: the store's size, the picture now and what changed in it."""

    articles: int
    claims: int
    events: int
    conflicts: int
    figures: int
    saved: bool
    changes: tuple[Change, ...]


def reconcile_store(store: Store, progress: Progress | None = None) -> ReconcileReport:
    """Redo the corpus passes and the reconciliation from the stored articles and claims (no NLP)."""
    progress = progress or _Silent()
    try:
        done = finalize(store, None, progress, fresh=True)
    except KeyboardInterrupt:
        raise Interrupted(
            f"interrupted; the results are as they were. Run `clashrecon reconcile --db {store.path}` again"
        ) from None
    finally:
        progress.stop()
    rec = done.reconciliation
    counts = store.counts()
    return ReconcileReport(
        articles=counts["articles"],
        claims=counts["claims"],
        events=len(rec.events),
        conflicts=sum(c.is_conflict for c in rec.conflicts),
        figures=len(rec.tallies),
        saved=done.saved,
        changes=done.changes,
    )
