"""Readers: one function per file format, each returning articles with their source keys."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clashrecon.errors import InputFileError
from clashrecon.ingest.segments import build_article
from clashrecon.ingest.text import UndecodableText, decode
from clashrecon.lexicon import load_data
from clashrecon.models import Article


@dataclass(frozen=True)
class SourcedArticle:
    source: str  # resolved path, plus '#N' for records inside JSON/JSONL
    raw_hash: str  # hash of the raw bytes, for unchanged detection before any work
    article: Article


def _read_bytes(path: Path) -> bytes:
    limit = load_data("ingest.json")["max_file_bytes"]
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputFileError(str(path), f"file is {size / 1e6:.0f} MB, over the {limit / 1e6:.0f} MB limit; split it")
        with path.open("rb") as fh:
            return fh.read(limit + 1)
    except PermissionError as exc:
        raise InputFileError(str(path), "permission denied") from exc
    except IsADirectoryError as exc:
        raise InputFileError(str(path), "is a directory") from exc
    except OSError as exc:
        raise InputFileError(str(path), f"cannot read ({exc.strerror or exc})") from exc


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    if not data.strip():
        raise InputFileError(str(path), "empty file")
    try:
        text, warning = decode(data)
    except UndecodableText as exc:
        raise InputFileError(str(path), str(exc)) from exc
    return text, [warning] if warning else []


def read_txt(path: Path, data: bytes) -> list[tuple[str, str, dict[str, Any], list[str]]]:
    text, warnings = _decode(path, data)
    return [("", text, {}, warnings)]


READERS = {".txt": read_txt}


def read_file(path: Path) -> list[SourcedArticle]:
    """Read one file into articles. Raises InputFileError with the reason if nothing usable is in it."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputFileError(str(path), f"no reader for {path.suffix!r}")
    data = _read_bytes(path)
    raw_hash = hashlib.sha256(data).hexdigest()
    out: list[SourcedArticle] = []
    for suffix, text, meta, warnings in reader(path, data):
        article = build_article(text, path=path, name=path.name + suffix, fmt=path.suffix.lower().lstrip("."), meta=meta, warnings=warnings)
        if not article.text.strip():
            raise InputFileError(str(path), "no article text")
        out.append(SourcedArticle(source=str(path.resolve()) + suffix, raw_hash=raw_hash, article=article))
    return out
