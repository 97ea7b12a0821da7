"""A SQLite file before the store uses it: what it must be (anything else is refused untouched),
how it is opened, and how a write waits for another process's lock.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from clashrecon.errors import MissingStore, NewerSchemaStore, NotSQLiteStore, StoreError
from clashrecon.store.migrations import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0
LOCK_RETRIES = 8


def check_file(path: Path, *, create: bool) -> None:
    """Refuse anything that is not a SQLite store of a schema we know, without writing to it."""
    if path.is_dir():
        raise NotSQLiteStore(f"store {path} is a directory, not a SQLite file; give --db a file path")
    if not path.is_file():
        raise NotSQLiteStore(f"store {path} is not a regular file; give --db a file path")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"store {path} cannot be read ({exc.strerror}); check its permissions or give another --db") from exc
    if not header:
        if not create:
            # a read command must not turn someone's empty file into a store
            raise MissingStore(f"store {path} is an empty file; run `clashrecon ingest PATH --db {path}` first")
        if not os.access(path, os.W_OK):
            raise StoreError(f"store {path} is read-only; ingest needs to write it. Give --db a writable path")
        return  # an empty file is an empty SQLite database
    if header != SQLITE_HEADER:
        raise NotSQLiteStore(
            f"store {path} is not a SQLite database; it was left untouched. "
            "Give --db a new path or an existing clashrecon store"
        )
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in probe.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise NotSQLiteStore(f"store {path} is not a usable SQLite database ({exc}); it was left untouched") from exc
    if version == 0 and tables:
        # someone else's database: creating our tables in it would damage it
        raise NotSQLiteStore(
            f"store {path} is a SQLite database but not a clashrecon store (it has tables "
            f"{', '.join(sorted(tables)[:5])}); it was left untouched. Give --db a new path"
        )
    if version == 0 and not create:
        raise MissingStore(f"store {path} holds no clashrecon data yet; run `clashrecon ingest PATH --db {path}` first")
    if version > SCHEMA_VERSION:
        raise NewerSchemaStore(
            f"store {path} has schema version {version}, newer than this clashrecon's {SCHEMA_VERSION}; "
            "it was left untouched. Upgrade clashrecon or give another --db"
        )
    if create and not os.access(path, os.W_OK):
        raise StoreError(f"store {path} is read-only; ingest needs to write it. Give --db a writable path")


def retry_locked(fn):
    """Run fn, retrying while another process holds the write lock beyond the busy timeout."""
    delay = 0.05
    for attempt in range(LOCK_RETRIES):
        try:
            return fn()
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if attempt == LOCK_RETRIES - 1:
                raise StoreError(f"store is locked by another process for too long ({exc}); try again") from exc
            time.sleep(delay)
            delay = min(delay * 2, 2.0)
    return None


def connect(p: Path, *, create: bool) -> tuple[sqlite3.Connection, bool]:
    """A connection to the store at p, and whether it is read-only; refuses anything unusable untouched.

    Without `create` the store is only read: a file this process may not write is opened
    read-only, so a store on a read-only disk or shared read-only still answers.
    """
    if os.path.lexists(p):
        if not p.exists():
            raise StoreError(f"store {p} is a broken symbolic link; give --db a file path")
        check_file(p, create=create)
    elif not create:
        raise MissingStore(f"no store at {p}; run `clashrecon ingest PATH` first or give --db an existing store")
    elif not p.parent.exists():
        raise StoreError(f"cannot create store {p}: folder {p.parent} does not exist")
    elif not os.access(p.parent, os.W_OK):
        raise StoreError(f"cannot create store {p}: folder {p.parent} is not writable")
    read_only = not create and not os.access(p, os.W_OK)
    try:
        if read_only:
            conn = sqlite3.connect(
                f"{p.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None,
                check_same_thread=False,
            )
        else:
            conn = sqlite3.connect(p, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open store {p}: {exc}") from exc
    return conn, read_only
