"""The ingest job: files -> Articles -> spaCy Docs -> Claims -> store, then the corpus passes.

Callers pass a `Progress` to hear about it; this module never prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from clashrecon.errors import InputFileError
from clashrecon.ingest import SourcedArticle, discover, read_file
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


def _batched(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def collect(options: IngestOptions, known: dict[str, str], report: IngestReport) -> list[SourcedArticle]:
    """Read every file; keep the articles that are new or changed (all of them with --force)."""
    found = discover(list(options.paths), options.glob)
    report.failed.extend(found.errors)
    report.skipped.extend(found.skipped)
    stored_ids = set(known.values())
    pending: list[SourcedArticle] = []
    taken: set[str] = set()
    for path in found.files:
        report.files += 1
        try:
            items = read_file(path)
        except InputFileError as exc:
            report.failed.append(exc)
            continue
        for item in items:
            previous = known.get(item.source)
            same_text_elsewhere = item.article.id in stored_ids and previous != item.article.id
            if item.article.id in taken or same_text_elsewhere:
                report.unchanged += 1
                report.notes.append(f"{item.source}: same text as an article already stored; not stored twice")
                continue
            if previous == item.article.id and not options.force:
                report.unchanged += 1
                continue
            taken.add(item.article.id)
            if previous is not None:
                report.replaced += 1
            else:
                report.new += 1
            pending.append(item)
    return pending


def extract_all(
    pending: list[SourcedArticle], options: IngestOptions, store: Store, report: IngestReport, progress: Progress
) -> None:
    """Run NLP over pending articles in batches and store each batch in one transaction."""
    from clashrecon.extract import article_claims
    from clashrecon.ingest.segments import claim_text
    from clashrecon.nlp import load_pipeline

    loaded = load_pipeline(options.model)
    report.model = loaded.name
    report.notes.extend(loaded.notes)
    texts = (claim_text(item.article) for item in pending)
    docs = loaded.nlp.pipe(texts, batch_size=options.batch_size, n_process=max(1, options.jobs))
    batch: list[tuple[str, Article, list[Claim]]] = []
    progress.start(len(pending))
    for item, doc in zip(pending, docs):
        batch.append((item.source, item.article, article_claims(doc, item.article)))
        if len(batch) >= options.batch_size:
            report.claims_added += store.put_articles(batch)
            progress.advance(len(batch))
            batch = []
    if batch:
        report.claims_added += store.put_articles(batch)
        progress.advance(len(batch))
    progress.stop()


def ingest(store: Store, options: IngestOptions, progress: Progress | None = None) -> IngestReport:
    """Ingest files into the store, then re-run the corpus passes if anything changed."""
    progress = progress or _Silent()
    report = IngestReport()
    pending = collect(options, store.known_sources(), report)
    if pending:
        extract_all(pending, options, store, report, progress)
    if options.reference_date is not None:
        store.set_meta("reference_date", options.reference_date.isoformat())
    if pending or options.force or options.reference_date is not None or store.meta("reconciled_at") is None:
        finalize(store)
    return report


def finalize(store: Store) -> Reconciliation:
    """Corpus passes over everything stored: lineage, time resolution, reconciliation."""
    from clashrecon.chronology import resolve_corpus
    from clashrecon.ingest.lineage import assign_origins
    from clashrecon.reconcile import reconcile

    given = store.meta("reference_date")
    reference = date.fromisoformat(given) if given else None
    articles = store.articles()
    claims = store.claims()
    with_origins = assign_origins(articles)
    dated, resolved = resolve_corpus(with_origins, claims, reference)
    store.update_articles(a for a, old in zip(dated, articles) if a != old)
    before = {c.id: c for c in claims}
    store.update_claims(c for c in resolved if before.get(c.id) != c)
    rec = reconcile(dated, resolved)
    store.save_reconciliation(rec)
    return rec
