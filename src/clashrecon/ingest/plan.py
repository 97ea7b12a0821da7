"""Change detection: which files need reading and which articles need NLP, against what is stored.

A file whose raw bytes (and sidecar) hash as stored is not decoded at all; an article whose
text is unchanged but whose metadata is new needs no NLP; a record gone from its JSON file goes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from clashrecon.errors import InputFileError
from clashrecon.ingest.discover import discover
from clashrecon.ingest.files import FileRead, SourcedArticle, file_hash, read_bytes, read_file
from clashrecon.models import Article
from clashrecon.store import StoredSource
from clashrecon.workers import Workers

Reader = Callable[[Path, bytes], FileRead]


@dataclass
class Plan:
    """What an ingest has to do, and what reading the files found on the way."""

    pending: list[SourcedArticle] = field(default_factory=list)
    metadata_only: list[Article] = field(default_factory=list)  # same text, new metadata: no NLP needed
    vanished: list[str] = field(default_factory=list)  # sources of records no longer in their file
    rewriting: set[str] = field(default_factory=set)  # pending sources stored as they are, re-extracted (--force)
    files: int = 0
    unchanged: int = 0
    failed: list[InputFileError] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    empty: list[tuple[str, str]] = field(default_factory=list)  # paths given that hold nothing to read
    notes: list[str] = field(default_factory=list)


def _by_file(known: dict[str, StoredSource]) -> dict[str, dict[str, StoredSource]]:
    """Stored sources grouped by the file they came from ('a.jsonl#3' -> 'a.jsonl')."""
    grouped: dict[str, dict[str, StoredSource]] = {}
    for source, stored in known.items():
        base, mark, number = source.rpartition("#")
        grouped.setdefault(base if mark and number.isdigit() else source, {})[source] = stored
    return grouped


def _read(reader: Reader, path: Path, data: bytes) -> FileRead | InputFileError:
    """The reader, with its failure as a value (a worker sends it back instead of stopping the map)."""
    try:
        return reader(path, data)
    except InputFileError as exc:
        return exc


def _changed_files(paths: list[Path], glob: str | None, force: bool, known: dict[str, StoredSource], plan: Plan):
    """(path, bytes, stored versions) of every file that is new or whose raw bytes changed."""
    found = discover(paths, glob)
    plan.failed.extend(found.errors)
    plan.skipped.extend(found.skipped)
    plan.empty.extend(found.empty)
    by_file = _by_file(known)
    out: list[tuple[Path, bytes, dict[str, StoredSource]]] = []
    for path in found.files:
        plan.files += 1
        try:
            data = read_bytes(path)
        except InputFileError as exc:
            plan.failed.append(exc)
            continue
        before = by_file.get(str(path.resolve()), {})
        digest = file_hash(path, data) if before else None
        if before and not force and all(v.raw_hash == digest for v in before.values()):
            plan.unchanged += len(before)
            continue
        out.append((path, data, before))
    return out


def plan_ingest(
    paths: list[Path],
    known: dict[str, StoredSource],
    *,
    glob: str | None = None,
    force: bool = False,
    workers: Workers | None = None,
    min_parallel: int = 64,
    reader: Reader = read_file,
) -> Plan:
    """Read every file; keep the articles that are new or changed (all of them with `force`).

    With workers and at least `min_parallel` files to decode, the decoding (boilerplate,
    metadata) runs in the workers.
    """
    plan = Plan()
    to_read = _changed_files(paths, glob, force, known, plan)
    read = partial(_read, reader)
    if workers is not None and len(to_read) >= min_parallel:
        reads = workers.map(read, [p for p, _, _ in to_read], [d for _, d, _ in to_read])
    else:
        reads = (read(p, d) for p, d, _ in to_read)
    stored_ids = {v.article_id for v in known.values()}
    taken: set[str] = set()
    for (path, _, before), result in zip(to_read, reads):
        if isinstance(result, InputFileError):
            plan.failed.append(result)
            continue
        plan.failed.extend(result.errors)
        warned = {w for item in result.articles for w in item.article.warnings}
        plan.notes.extend(f"{path}: {w}" for w in sorted(warned))
        base, resolved = str(path), str(path.resolve())
        current = {item.source for item in result.articles} | {resolved + e.path[len(base) :] for e in result.errors}
        plan.vanished += [s for s in before if s not in current]
        for item in result.articles:
            _place(item, known.get(item.source), stored_ids, taken, force, plan)
    return plan


def _place(
    item: SourcedArticle, previous: StoredSource | None, stored_ids: set[str], taken: set[str], force: bool, plan: Plan
) -> None:
    """Put one read article where it belongs: to extract, metadata only, or unchanged."""
    previous_id = previous.article_id if previous else None
    if item.article.id in taken or (item.article.id in stored_ids and previous_id != item.article.id):
        plan.unchanged += 1
        plan.notes.append(f"{item.source}: same text as an article already stored; not stored twice")
        return
    if previous_id == item.article.id and not force:
        plan.unchanged += 1
        if previous.raw_hash != item.raw_hash:
            plan.metadata_only.append(item.article)
        return
    taken.add(item.article.id)
    if previous_id == item.article.id:
        plan.rewriting.add(item.source)  # --force on an unchanged article: the same text, extracted again
    plan.pending.append(item)
