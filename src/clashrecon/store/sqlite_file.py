"""A SQLite file before the store uses it: what it must be (anything else is refused untouched),
how it is opened, how it is checked for damage, and how a write waits for another process's lock.

Read commands never write: they open the file read-write with `PRAGMA query_only` when they
may (so that SQLite itself removes the -wal and -shm files it creates when the connection
closes, as a read-only connection cannot), else with `mode=ro`, else, where the WAL files
can be neither found nor created (a read-only folder or medium), with `immutable=1`.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from clashrecon.errors import DamagedStore, MissingStore, NewerSchemaStore, NotSQLiteStore, StoreError
from clashrecon.store.migrations import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0
LOCK_RETRIES = 8
# What every read command reads first: checked on open, as they are small (the whole store is
# checked before the first write)
CHECKED_ON_OPEN = ("meta", "results")
_DAMAGE_WORDS = ("malformed", "corrupt")


def check_file(path: Path, *, create: bool) -> None:
    """Refuse anything that is not a SQLite file, looking only at its bytes."""
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
        return  # an empty file is an empty SQLite database
    if header != SQLITE_HEADER:
        raise NotSQLiteStore(
            f"store {path} is not a SQLite database; it was left untouched. "
            "Give --db a new path or an existing clashrecon store"
        )


def damaged(path: Path, exc: BaseException | str) -> DamagedStore:
    return DamagedStore(
        f"store {path} is damaged ({exc}); it was not written. Restore it from a backup, "
        "or give --db a new path and ingest the articles again"
    )


def unusable(path: Path, exc: sqlite3.Error) -> StoreError:
    """What a file that SQLite cannot open as a database is: damaged, or not a database at all."""
    if any(w in str(exc) for w in _DAMAGE_WORDS):
        return damaged(path, exc)
    return NotSQLiteStore(f"store {path} is not a usable SQLite database ({exc}); it was left untouched")


def failure(path: Path, exc: sqlite3.Error) -> StoreError:
    """The one-line message for a SQLite error met while using the store at path."""
    text = str(exc)
    if any(w in text for w in (*_DAMAGE_WORDS, "not a database")):
        return damaged(path, text)
    if "readonly" in text or "read-only" in text:
        return StoreError(f"store {path} cannot be written ({text}); make it and its folder writable, or give --db another path")
    if "full" in text:
        return StoreError(f"store {path} cannot grow ({text}); free disk space or give --db a path on another disk")
    if "locked" in text or "busy" in text:
        return StoreError(f"store {path} is locked by another process for too long ({text}); try again")
    return StoreError(f"store {path} failed ({text}); if it happens again, restore it from a backup or give --db a new path")


def check_store(conn: sqlite3.Connection, path: Path, *, create: bool) -> None:
    """Refuse another program's database, a newer schema, or (reading) a database with no store
    in it; and damage found by the cheap check: the schema and the small tables read first."""
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise unusable(path, exc) from exc
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
    for table in CHECKED_ON_OPEN:
        if table in tables:
            integrity(conn, path, f"quick_check({table})")


def integrity(conn: sqlite3.Connection, path: Path, pragma: str = "quick_check") -> None:
    """Raise DamagedStore unless `PRAGMA <pragma>` finds the store sound."""
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as exc:
        raise failure(path, exc) from exc
    if rows != [("ok",)]:
        raise damaged(path, f"integrity check: {rows[0][0]}")


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


def _connection(target: str, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL files, if any
    except BaseException:
        conn.close()
        raise
    return conn


def _cannot_open(exc: sqlite3.Error) -> bool:
    """The error of a connection that cannot open or create the -wal/-shm files beside the store."""
    return isinstance(exc, sqlite3.OperationalError) and any(w in str(exc) for w in ("readonly", "unable to open"))


def _open_to_read(p: Path) -> tuple[sqlite3.Connection, str]:
    """A connection that cannot write, and how it was opened: rw (query_only), ro or immutable."""
    if os.access(p, os.W_OK):
        try:
            conn = _connection(str(p))
            conn.execute("PRAGMA query_only=ON")
            return conn, "rw"
        except sqlite3.Error as exc:
            if not _cannot_open(exc):
                raise
    uri = p.resolve().as_uri()
    try:
        return _connection(f"{uri}?mode=ro", uri=True), "ro"
    except sqlite3.Error as exc:
        if not _cannot_open(exc):
            raise
        wal = Path(f"{p}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            # immutable would read the file without the transactions still in its -wal
            raise StoreError(
                f"store {p} has writes not yet merged into it in {wal}, which cannot be read without a -shm "
                "file that its folder does not let this process create; copy the store and its -wal to a "
                "writable folder and give --db the copy"
            ) from exc
    return _connection(f"{uri}?immutable=1", uri=True), "immutable"


def connect(p: Path, *, create: bool, write: bool) -> tuple[sqlite3.Connection, str]:
    """A connection to the store at p and its mode (rw, ro, immutable); refuses anything unusable untouched.

    `create` makes a missing store; `write` (implied by create) opens it read-write, else it is only read.
    """
    write = write or create
    if os.path.lexists(p):
        if not p.exists():
            raise StoreError(f"store {p} is a broken symbolic link; give --db a file path")
        check_file(p, create=create)
        if write and not os.access(p, os.W_OK):
            raise StoreError(f"store {p} is read-only; this command needs to write it. Give --db a writable path")
    elif not create:
        raise MissingStore(f"no store at {p}; run `clashrecon ingest PATH` first or give --db an existing store")
    elif not p.parent.exists():
        raise StoreError(f"cannot create store {p}: folder {p.parent} does not exist")
    if write and not os.access(p.parent, os.W_OK):
        raise StoreError(f"store {p} cannot be written: its folder {p.parent} is not writable. Give --db a writable path")
    preexisting = {s for s in ("-wal", "-shm") if os.path.lexists(f"{p}{s}")}
    try:
        conn, mode = (_connection(str(p)), "rw") if write else _open_to_read(p)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot open store {p}: {exc}") from exc
    except sqlite3.DatabaseError as exc:
        raise unusable(p, exc) from exc
    try:
        check_store(conn, p, create=create)
    except StoreError:
        conn.close()
        if mode == "ro":
            _remove_wal_files(p, preexisting)
        raise
    return conn, mode


def _remove_wal_files(p: Path, preexisting: set[str]) -> None:
    """Remove the empty -wal and the -shm a read-only connection created beside a store it refused:
    unlike a read-write one, it cannot remove them itself on closing."""
    wal = Path(f"{p}-wal")
    if "-wal" in preexisting or (wal.exists() and wal.stat().st_size > 0):
        return
    for suffix in ("-wal", "-shm"):
        if suffix not in preexisting:
            Path(f"{p}{suffix}").unlink(missing_ok=True)
