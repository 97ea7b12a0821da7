"""Rows to text: CSV the standard `csv` module reads back, and JSON Lines, one object per line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from clashrecon.invisible import escaped


def _cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, lists joined with '; ', anything else as written."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def csv_lines(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """The header, then one line per row, every row with exactly `columns` in that order."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(columns)
    yield flush()
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
        yield flush()


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line; characters that reorder or hide text written as escapes, as `--json` does."""
    for row in rows:
        yield escaped(json.dumps(row, ensure_ascii=False)) + "\n"
