"""Readers: one function per file format, each turning a file's bytes into article records.

Formats: .txt; .md/.markdown (YAML front matter); .html/.htm (trafilatura, never fetching
anything); .json (an object or an array of objects); .jsonl (one object per line).
Each returns `Record`s: text and metadata as the file gives them (`files.read_file` adds the
sidecar's metadata, hygiene and segmentation).

A bad record inside a JSON/JSONL file fails alone (`FileRead.errors`); the others are kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from clashrecon.errors import InputFileError
from clashrecon.ingest.text import UndecodableText, decode
from clashrecon.lexicon import load_data

# news APIs cut long bodies and append "… [+2345 chars]"; the marker is not article text
TRUNCATION_MARK = re.compile(r"\s*(?:…|\.\.\.)?\s*\[\+\d+ chars\]\s*$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Record:
    """One article's text and metadata as a reader found them, before hygiene and segmentation."""

    suffix: str  # '' for a whole file, '#N' for the N-th record of a JSON/JSONL file
    text: str
    meta: dict[str, Any]
    warnings: list[str] = field(default_factory=list)


def _limits() -> dict[str, Any]:
    return load_data("ingest.json")


def _decode(path: Path, data: bytes) -> tuple[str, list[str]]:
    if not data.strip():
        raise InputFileError(str(path), "empty file")
    try:
        text, warning = decode(data)
    except UndecodableText as exc:
        raise InputFileError(str(path), str(exc)) from exc
    if not text.strip():
        raise InputFileError(str(path), "empty file")
    return text, [warning] if warning else []


def iso_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from an ISO date/datetime or an RFC 2822 date; None if unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):  # a Unix timestamp, in seconds or milliseconds
        seconds = float(text) / (1000 if len(text.split(".")[0]) > 11 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.replace("Sept.", "Sep.").replace(".", ""))
    # never day/month/year with slashes: 03/04/2022 reads two ways
    for fmt in load_data("ingest.json")["date_formats"]:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def normalise_meta(raw: dict[str, Any], where: str) -> tuple[dict[str, Any], list[str]]:
    """Metadata under its canonical keys; values of the wrong type are dropped with a warning."""
    meta: dict[str, Any] = {}
    warnings: list[str] = []
    for key, aliases in _limits()["metadata_fields"].items():
        for alias in aliases:
            if alias not in raw or raw[alias] is None:
                continue
            value = raw[alias]
            if key == "outlet" and isinstance(value, dict):  # NewsAPI: {"id": ..., "name": ...}
                value = value.get("name")
            if key == "byline" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                value = ", ".join(value)
            if isinstance(value, datetime):
                value = value.isoformat()
            if hasattr(value, "isoformat") and key == "published":  # a YAML date
                value = value.isoformat()
            if not isinstance(value, (str, int, float)) or isinstance(value, bool):
                warnings.append(f"{where}: ignored {alias!r}: expected text, got {type(value).__name__}")
                break
            meta[key] = str(value)
            break
    if "published" in meta:
        date = iso_date(meta["published"])
        if date is None:
            warnings.append(f"{where}: ignored published date {meta['published']!r}: not a date")
            del meta["published"]
        else:
            meta["published"] = date
    return meta, warnings


def _with_title(title: str | None, body: str) -> str:
    """The body with its title as first line, unless the body already opens with it."""
    title = " ".join((title or "").split())
    if not title:
        return body
    first = next((line.strip() for line in body.split("\n") if line.strip()), "")
    if first.lower().strip(" #") == title.lower():
        return body
    return f"{title}\n\n{body}"


# --------------------------------------------------------------------------- formats


def read_txt(path: Path, data: bytes) -> list[Record]:
    text, warnings = _decode(path, data)
    return [Record("", text, {}, warnings)]


MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+", re.M)
MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def markdown_to_text(md: str) -> str:
    """Markdown as plain text: heading marks, images, link targets and strong emphasis removed."""
    text = MD_IMAGE.sub("", md)
    text = MD_LINK.sub(r"\1", text)
    text = MD_HEADING.sub("", text)
    return MD_EMPHASIS.sub(r"\2", text)


def read_md(path: Path, data: bytes) -> list[Record]:
    text, warnings = _decode(path, data)
    meta: dict[str, Any] = {}
    m = FRONT_MATTER.match(text.lstrip("\ufeff"))
    if m:
        import yaml

        try:
            front = yaml.safe_load(m.group("yaml"))
        except yaml.YAMLError as exc:
            front = None
            warnings.append(f"front matter is not valid YAML ({str(exc).splitlines()[0]}); ignored")
        if isinstance(front, dict):
            meta, more = normalise_meta(front, "front matter")
            warnings += more
        elif front is not None:
            warnings.append("front matter is not a mapping of keys to values; ignored")
        text = text[m.end() :]
    body = markdown_to_text(text)
    return [Record("", _with_title(meta.get("title"), body), meta, warnings)]


META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)


def _decode_html(path: Path, data: bytes) -> tuple[str, list[str]]:
    """UTF-8 first; else the charset the page declares in a <meta> tag; else the usual guessing."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    m = META_CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii", "replace")
        try:
            return data.decode(declared), [f"not valid UTF-8; decoded as {declared}, the charset the page declares"]
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode(path, data)


TOO_DEEP_HTML = "HTML is nested too deeply to parse (more than 255 levels of elements); save the article's text instead"


def _too_deep_for_the_parser(text: str) -> bool:
    """libxml2 stops building the tree at 256 levels without failing, so a deep page reads as one
    without text; its error log says why (asked only once no article text was found)."""
    from lxml import etree

    parser = etree.HTMLParser()
    try:
        etree.fromstring(text, parser)
    except (etree.LxmlError, ValueError):
        return False
    return any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)


def read_html(path: Path, data: bytes) -> list[Record]:
    """Main text and metadata through trafilatura; nothing is fetched, no external entity expanded."""
    if not data.strip():
        raise InputFileError(str(path), "empty file")
    text, warnings = _decode_html(path, data)
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError as exc:
        raise InputFileError(str(path), TOO_DEEP_HTML) from exc
    except Exception as exc:  # noqa: BLE001 - lxml/trafilatura raise many types on broken markup
        raise InputFileError(str(path), f"HTML could not be parsed ({type(exc).__name__})") from exc
    body = getattr(doc, "text", None) if doc is not None else None
    # a menu or a cookie notice is all trafilatura finds on a page without an article
    if not body or len(body.split()) < _limits()["min_html_words"]:
        if _too_deep_for_the_parser(text):
            raise InputFileError(str(path), TOO_DEEP_HTML)
        raise InputFileError(str(path), "HTML with no article text (only navigation, scripts or styles)")
    raw = {
        "title": doc.title,
        "byline": doc.author,
        "published": doc.date,
        "outlet": doc.sitename,
        "url": doc.url,
    }
    meta, more = normalise_meta({k: v for k, v in raw.items() if v}, "HTML metadata")
    # trafilatura puts one paragraph per line; a blank line between keeps paragraphs apart
    body = "\n\n".join(line for line in body.split("\n") if line.strip())
    return [Record("", _with_title(meta.get("title"), body), meta, warnings + more)]


def _record_from_object(obj: Any, where: str) -> tuple[str, dict[str, Any], list[str]]:
    """(body, metadata, warnings) of one JSON object; raises ValueError naming what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"expected an object with a text, body or content field, got {type(obj).__name__}")
    body_fields = _limits()["body_fields"]
    body_key = next((k for k in body_fields if k in obj and obj[k] is not None), None)
    if body_key is None:
        raise ValueError(f"no article text: none of {', '.join(body_fields[:3])} is present")
    body = obj[body_key]
    if not isinstance(body, str):
        raise ValueError(f"field {body_key!r} must be text, got {type(body).__name__}")
    if not body.strip():
        raise ValueError(f"field {body_key!r} is empty")
    meta, warnings = normalise_meta(obj, where)
    body = TRUNCATION_MARK.sub("", body)
    return _with_title(meta.get("title"), body), meta, warnings


def read_json(path: Path, data: bytes) -> tuple[list[Record], list[InputFileError]]:
    text, warnings = _decode(path, data)
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(str(path), f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    except RecursionError as exc:
        raise InputFileError(str(path), "JSON is nested too deeply") from exc
    if isinstance(parsed, dict):
        try:
            body, meta, more = _record_from_object(parsed, path.name)
        except ValueError as exc:
            raise InputFileError(str(path), str(exc)) from exc
        return [Record("", body, meta, warnings + more)], []
    if not isinstance(parsed, list):
        raise InputFileError(str(path), f"JSON must be an object or an array of objects, got {type(parsed).__name__}")
    records, errors = [], []
    for n, obj in enumerate(parsed, start=1):
        try:
            body, meta, more = _record_from_object(obj, f"{path.name}#{n}")
        except ValueError as exc:
            errors.append(InputFileError(f"{path}#{n}", str(exc)))
            continue
        records.append(Record(f"#{n}", body, meta, warnings + more))
    if not records and not errors:
        raise InputFileError(str(path), "JSON array is empty")
    return records, errors


def read_jsonl(path: Path, data: bytes) -> tuple[list[Record], list[InputFileError]]:
    text, warnings = _decode(path, data)
    records, errors = [], []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            body, meta, more = _record_from_object(obj, f"{path.name}#{n}")
        except json.JSONDecodeError as exc:
            errors.append(InputFileError(f"{path}#{n}", f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})"))
            continue
        except RecursionError:
            errors.append(InputFileError(f"{path}#{n}", f"line {n}: JSON nested too deeply"))
            continue
        except ValueError as exc:
            errors.append(InputFileError(f"{path}#{n}", f"line {n}: {exc}"))
            continue
        records.append(Record(f"#{n}", body, meta, warnings + more))
    if not records and not errors:
        raise InputFileError(str(path), "empty file")
    return records, errors


Reader = Callable[[Path, bytes], "list[Record] | tuple[list[Record], list[InputFileError]]"]
READERS: dict[str, Reader] = {
    ".txt": read_txt,
    ".md": read_md,
    ".markdown": read_md,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
}
