"""Named exceptions for user-caused failures.

The library raises these; only the CLI turns them into a message and an exit code.
Every message names the bad value, the valid choices where there are any, and the fix.
"""

from __future__ import annotations


class ClashreconError(Exception):
    """Base of every failure the user can cause and fix. Exit code 2 unless a subclass says otherwise."""

    exit_code = 2


class UsageError(ClashreconError):
    """An option value the command cannot use."""


class StoreError(ClashreconError):
    """The store cannot be opened or used; the file is left untouched."""


class NotSQLiteStore(StoreError):
    """The --db path holds something that is not a SQLite database."""


class ForeignDatabase(StoreError):
    """The --db database server's database holds another program's tables, not a clashrecon store."""


class NewerSchemaStore(StoreError):
    """The store was written by a newer clashrecon."""


class DamagedStore(StoreError):
    """The store's file is damaged (an integrity check or a read found bad pages); it is never written."""


class MissingStore(StoreError):
    """A read command was pointed at a store that does not exist yet."""


class ClusterError(ClashreconError):
    """`ingest --executor dask` cannot run: dask is not installed, or its scheduler cannot be reached."""


class ModelNotFound(ClashreconError):
    """No spaCy English pipeline could be loaded."""


class InputFileError(ClashreconError):
    """One input file could not be read; the others are still ingested (exit code 1)."""

    exit_code = 1

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        return type(self), (self.path, self.reason)  # a worker process sends it back pickled


class UnknownId(ClashreconError):
    """`show` (or `report --event`) was given an ID that names nothing of the kind asked for."""


class NothingToReport(ClashreconError):
    """`report` was pointed at a store that holds no reconciled events yet."""


class UnwritableOutput(ClashreconError):
    """A file a command was asked to write cannot be written there; nothing was left half-written."""


class Interrupted(ClashreconError):
    """Ctrl-C stopped a command that writes; the message says what the store holds and what to run."""

    exit_code = 130
