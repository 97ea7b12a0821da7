"""Exports of the reconciled picture: UCDP GED, ACLED and PLOVER records, and flat CSV/JSONL tables.

One module per format (ged, acled, plover, tables) over the shared event records (rows), written
as text by writers; run.export is the one entry point. Imports neither spaCy nor rich.
"""

from clashrecon.export.run import FORMATS, TABLES, ExportFormat, ExportOptions, Table, check, export

__all__ = ["FORMATS", "TABLES", "ExportFormat", "ExportOptions", "Table", "check", "export"]
