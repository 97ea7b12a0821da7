"""One file: its bytes (within the size limits), its sidecar, the hash that says it is unchanged,
and the articles its format's reader finds in it.

A sidecar next to any file supplies or overrides its metadata: `a.txt.meta.json` is read
first, else `a.meta.json`; its keys are title, outlet, byline, url, published, credit, dateline.
In a JSON or JSONL file the sidecar applies to every record.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clashrecon.errors import InputFileError
from clashrecon.ingest.readers import READERS, normalise_meta
from clashrecon.lexicon import load_data
from clashrecon.ingest.segments import META_KEYS, build_article
from clashrecon.models import Article


def _limits() -> dict[str, Any]:
    """Size limits from data/ingest.json (max_file_bytes, max_article_chars)."""
    return load_data("ingest.json")


@dataclass(frozen=True)
class SourcedArticle:
    source: str  # resolved path, plus '#N' for records inside JSON/JSONL
    raw_hash: str  # hash of the raw bytes (and sidecar), for unchanged detection before any work
    article: Article


@dataclass
class FileRead:
    articles: list[SourcedArticle] = field(default_factory=list)
    errors: list[InputFileError] = field(default_factory=list)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing before reading anything over `max_file_bytes` (memory stays bounded)."""
    limit = _limits()["max_file_bytes"]
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputFileError(
                str(path), f"file is {size / 1e6:.1f} MB, over the {limit / 1e6:.0f} MB limit (max_file_bytes); split it"
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except PermissionError as exc:
        raise InputFileError(str(path), "permission denied") from exc
    except IsADirectoryError as exc:
        raise InputFileError(str(path), "is a directory") from exc
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > limit:  # grew while we read it
        raise InputFileError(str(path), f"file is over the {limit / 1e6:.0f} MB limit (max_file_bytes); split it")
    return data



def sidecar_path(path: Path) -> Path | None:
    """`a.txt.meta.json` if it exists, else `a.meta.json`, else None."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_name(path.stem + ".meta.json")):
        if candidate != path and candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> tuple[bytes, dict[str, Any], list[str]]:
    """(raw bytes, metadata, warnings) of the file's sidecar; a bad sidecar is a warning, not a failure."""
    side = sidecar_path(path)
    if side is None:
        return b"", {}, []
    try:
        raw = read_bytes(side)
        parsed = json.loads(raw.decode("utf-8-sig"))
    except (InputFileError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        return b"", {}, [f"sidecar {side.name} ignored: {getattr(exc, 'reason', None) or exc}"]
    if not isinstance(parsed, dict):
        return raw, {}, [f"sidecar {side.name} ignored: expected a JSON object"]
    meta, warnings = normalise_meta(parsed, f"sidecar {side.name}")
    return raw, meta, warnings


def file_hash(path: Path, data: bytes) -> str:
    """SHA-256 over the file's bytes and its sidecar's: what decides 'unchanged' before any decoding."""
    side = sidecar_path(path)
    side_bytes = b""
    if side is not None:
        try:
            side_bytes = read_bytes(side)
        except InputFileError:
            side_bytes = b""
    return _hash(data, side_bytes)


def _hash(data: bytes, side: bytes) -> str:
    h = hashlib.sha256(data)
    h.update(b"\0sidecar\0")
    h.update(side)
    return h.hexdigest()


def read_file(path: Path, data: bytes | None = None) -> FileRead:
    """Read one file into articles. Raises InputFileError when nothing usable is in it.

    Records that fail inside a JSON/JSONL file are returned in `errors`, the rest in `articles`.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputFileError(str(path), f"no reader for {path.suffix!r}")
    data = read_bytes(path) if data is None else data
    _, side_meta, side_warnings = read_sidecar(path)
    digest = file_hash(path, data)
    result = reader(path, data)
    records, errors = result if isinstance(result, tuple) else (result, [])
    max_chars = _limits()["max_article_chars"]
    out = FileRead(errors=list(errors))
    for rec in records:
        where = f"{path}{rec.suffix}"
        if len(rec.text) > max_chars:
            out.errors.append(
                InputFileError(
                    where, f"article text is {len(rec.text):,} characters, over the {max_chars:,} limit (max_article_chars)"
                )
            )
            continue
        meta = {**rec.meta, **{k: v for k, v in side_meta.items() if k in META_KEYS}}
        article = build_article(
            rec.text,
            path=path,
            name=path.name + rec.suffix,
            fmt=path.suffix.lower().lstrip("."),
            meta=meta,
            warnings=[*rec.warnings, *side_warnings],
            raw_hash=digest,
        )
        if not article.text.strip():
            out.errors.append(InputFileError(where, "no article text"))
            continue
        out.articles.append(SourcedArticle(source=str(path.resolve()) + rec.suffix, raw_hash=digest, article=article))
    if not out.articles and not out.errors:
        raise InputFileError(str(path), "no article text")
    return out
