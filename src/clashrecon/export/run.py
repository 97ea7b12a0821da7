"""`clashrecon export`: the store's reconciled picture in the formats analysts load.

Reads the store only (no spaCy, no NLP) and yields the output as text, piece by piece, for the
caller to write to stdout or a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from clashrecon.export import acled, ged, plover
from clashrecon.export.rows import Picture, event_rows, load_picture, select_events
from clashrecon.export.tables import CLAIM_COLUMNS, FACT_COLUMNS, PLACE_COLUMNS, claim_rows, fact_rows, place_rows
from clashrecon.export.writers import csv_lines, jsonl_lines
from clashrecon.queries import unknown_choice
from clashrecon.models import Event
from clashrecon.store import Store


class ExportFormat(StrEnum):
    ged = "ged"  # UCDP GED CSV
    acled = "acled"  # ACLED CSV
    plover = "plover"  # PLOVER JSON Lines
    csv = "csv"  # a flat table (--table) as CSV
    jsonl = "jsonl"  # a flat table (--table) as JSON Lines


class Table(StrEnum):
    """Which flat table `csv` and `jsonl` write."""

    facts = "facts"
    claims = "claims"
    places = "places"


FORMATS = tuple(f.value for f in ExportFormat)
TABLES = tuple(t.value for t in Table)
_TABULAR = (ExportFormat.csv, ExportFormat.jsonl)


@dataclass(frozen=True)
class ExportOptions:
    format: str
    table: str = Table.facts.value
    event: str | None = None
    background: bool = False


def check(options: ExportOptions) -> tuple[ExportFormat, Table]:
    """The format and table asked for, or a usage error naming the valid ones."""
    if options.format not in FORMATS:
        raise unknown_choice("format", options.format, FORMATS)
    if options.table not in TABLES:
        raise unknown_choice("table", options.table, TABLES)
    return ExportFormat(options.format), Table(options.table)


def export(store: Store, options: ExportOptions) -> Iterator[str]:
    """The export's text, in pieces. Options and the event ID are checked before the first piece."""
    fmt, table = check(options)
    if fmt in _TABULAR:
        picture = None
        with store.snapshot():
            events = select_events(store.load_reconciliation(), options.event, options.background)
    else:
        picture, events = load_picture(store, options.event, options.background)
    return _pieces(store, fmt, table, options, picture, events)


def _pieces(
    store: Store, fmt: ExportFormat, table: Table, options: ExportOptions, picture: Picture | None, events: list[Event]
) -> Iterator[str]:
    if fmt is ExportFormat.ged:
        rows: Iterator[dict] = (g for r in event_rows(picture, events) for g in ged.records(r))
        columns = ged.COLUMNS
    elif fmt is ExportFormat.acled:
        stamp = store.meta("reconciled_at")  # when the picture was reconciled: ACLED's `timestamp`
        timestamp = int(float(stamp)) if stamp else None
        rows, columns = (acled.record(r, timestamp) for r in event_rows(picture, events)), acled.COLUMNS
    elif fmt is ExportFormat.plover:
        rows, columns = (plover.record(r) for r in event_rows(picture, events)), ()
    elif table is Table.facts:
        rows, columns = fact_rows(events), FACT_COLUMNS
    elif table is Table.claims:
        # a whole-store table also keeps the claims clustered into no event
        rows = claim_rows(store, events, options.event is None, nested=fmt is ExportFormat.jsonl)
        columns = CLAIM_COLUMNS
    else:
        rows, columns = place_rows(store, events, options.event is None), PLACE_COLUMNS
    try:
        if fmt in (ExportFormat.plover, ExportFormat.jsonl):
            yield from jsonl_lines(rows)
        else:
            yield from csv_lines(columns, rows)
    finally:
        rows.close()  # a reader that stops early (`| head`) ends the store read while the store is open
