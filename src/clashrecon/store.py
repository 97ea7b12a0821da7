"""The SQLite store: articles, their segments, claims, evidence and reconciled results.

Schema changes are ordered migrations; `PRAGMA user_version` records how many have run.
A file that is not SQLite, or a store from a newer clashrecon, is refused before anything
writes to it, so the file stays byte-for-byte as it was. Writes happen in one
`BEGIN IMMEDIATE` transaction per batch, in WAL mode with a busy timeout, so that a killed
run never leaves half an article and two ingests can share one store.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from clashrecon.errors import MissingStore, NewerSchemaStore, NotSQLiteStore, StoreError
from clashrecon.models import Article, Claim, Conflict, Event, Reconciliation

DEFAULT_DB = "clashrecon.db"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0
LOCK_RETRIES = 8

MIGRATIONS: tuple[str, ...] = (
    # 1: the first schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,              -- SHA-256 of the stored text
        source TEXT NOT NULL UNIQUE,      -- resolved path (+ '#N' for records in JSON files)
        name TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        origin TEXT,
        published TEXT,
        text TEXT NOT NULL,
        data TEXT NOT NULL,               -- the Article record as JSON, without its text
        ingested_at REAL NOT NULL
    );
    CREATE INDEX articles_name ON articles(name);
    CREATE TABLE segments (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL
    );
    CREATE INDEX segments_article ON segments(article_id);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,             -- order within the article
        data TEXT NOT NULL                -- the Claim record as JSON
    );
    CREATE INDEX claims_article ON claims(article_id);
    CREATE INDEX claims_field ON claims(field);
    CREATE TABLE evidence (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        quote TEXT NOT NULL
    );
    CREATE INDEX evidence_claim ON evidence(claim_id);
    CREATE TABLE results (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,               -- event | conflict
        seq INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def default_db_path() -> Path:
    return Path(os.environ.get("CLASHRECON_DB") or DEFAULT_DB)


def _check_file(path: Path) -> None:
    """Refuse anything that is not a SQLite store of a schema we know, without writing to it."""
    if path.is_dir():
        raise NotSQLiteStore(f"store {path} is a directory, not a SQLite file; give --db a file path")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"store {path} cannot be read ({exc.strerror}); check its permissions or give another --db") from exc
    if not header:
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
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise NotSQLiteStore(f"store {path} is not a usable SQLite database ({exc}); it was left untouched") from exc
    if version > SCHEMA_VERSION:
        raise NewerSchemaStore(
            f"store {path} has schema version {version}, newer than this clashrecon's {SCHEMA_VERSION}; "
            "it was left untouched. Upgrade clashrecon or give another --db"
        )


def _retry_locked(fn):
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


class Store:
    """A clashrecon store on disk. Use `Store.open(path, create=...)`."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, create: bool) -> Store:
        p = Path(path) if path is not None else default_db_path()
        if p.exists():
            _check_file(p)
        elif not create:
            raise MissingStore(f"no store at {p}; run `clashrecon ingest PATH` first or give --db an existing store")
        elif not p.parent.exists():
            raise StoreError(f"cannot create store {p}: folder {p.parent} does not exist")
        try:
            conn = sqlite3.connect(p, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {p}: {exc}") from exc
        store = cls(p, conn)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            _retry_locked(lambda: conn.execute("PRAGMA journal_mode=WAL"))
            conn.execute("PRAGMA synchronous=NORMAL")
            store._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"cannot use store {p}: {exc}") from exc
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        if self.schema_version >= SCHEMA_VERSION:
            return
        with self.transaction():
            current = self.schema_version  # another process may have migrated meanwhile
            for number, script in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in script.split(";"):
                    if statement.strip():
                        self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={number}")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; everything in it lands or nothing does."""
        _retry_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees one consistent state."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ articles

    def known_sources(self) -> dict[str, str]:
        """source key -> article id, for incremental ingest."""
        return dict(self.conn.execute("SELECT source, id FROM articles"))

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone() is not None

    def put_articles(self, batch: Iterable[tuple[str, Article, list[Claim]]]) -> int:
        """Store a batch of (source key, article, claims) in one transaction.

        An article already stored under the same source key is replaced with its claims;
        one whose text is already stored under another key is left as it is.
        Returns the number of claims added.
        """
        added = 0
        with self.transaction() as db:
            for source, article, claims in batch:
                # a changed file replaces its earlier version, claims and all
                db.execute("DELETE FROM articles WHERE source=? AND id<>?", (source, article.id))
                row = db.execute("SELECT source FROM articles WHERE id=?", (article.id,)).fetchone()
                if row and row[0] != source:
                    continue  # the same text is already stored from another file
                db.execute("DELETE FROM articles WHERE id=?", (article.id,))
                data = article.model_dump_json(exclude={"text"})
                db.execute(
                    "INSERT INTO articles(id, source, name, title, outlet, origin, published, text, data, ingested_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        article.id,
                        source,
                        article.name,
                        article.title,
                        article.outlet,
                        article.origin,
                        article.published.date,
                        article.text,
                        data,
                        time.time(),
                    ),
                )
                db.executemany(
                    'INSERT INTO segments(article_id, start, "end", type) VALUES (?,?,?,?)',
                    [(article.id, s.start, s.end, s.type.value) for s in article.segments],
                )
                self._insert_claims(db, claims)
                added += len(claims)
        return added

    def _insert_claims(self, db: sqlite3.Connection, claims: list[Claim]) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO claims(id, article_id, field, kind, seq, data) VALUES (?,?,?,?,?,?)",
            [(c.id, c.article_id, c.field.value, c.kind, i, c.model_dump_json()) for i, c in enumerate(claims)],
        )
        db.executemany(
            'INSERT INTO evidence(claim_id, article_id, start, "end", span_start, span_end, quote) VALUES (?,?,?,?,?,?,?)',
            [(c.id, c.article_id, c.start, c.end, c.span_start, c.span_end, c.quote) for c in claims],
        )

    def articles(self, *, with_text: bool = True) -> list[Article]:
        cols = "data, text" if with_text else "data, ''"
        rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY name, source")
        return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]

    def article_text(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    def update_articles(self, articles: Iterable[Article]) -> None:
        """Rewrite article metadata (origin, published date) found by corpus-wide passes."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE articles SET data=?, origin=?, published=?, title=?, outlet=? WHERE id=?",
                [
                    (a.model_dump_json(exclude={"text"}), a.origin, a.published.date, a.title, a.outlet, a.id)
                    for a in articles
                ],
            )

    # ------------------------------------------------------------------ claims

    def claims(self, *, field: str | None = None, article: str | None = None) -> list[Claim]:
        sql = "SELECT c.data FROM claims c JOIN articles a ON a.id = c.article_id"
        where, params = [], []
        if field:
            where.append("c.field = ?")
            params.append(field)
        if article:
            where.append("(a.name = ? OR a.source = ? OR a.id = ?)")
            params.extend([article, article, article])
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.name, a.source, c.seq"
        return [Claim.model_validate_json(data) for (data,) in self.conn.execute(sql, params)]

    def update_claims(self, claims: Iterable[Claim]) -> None:
        """Rewrite claims after corpus-wide passes (time resolution) in one transaction."""
        with self.transaction() as db:
            db.executemany("UPDATE claims SET data=? WHERE id=?", [(c.model_dump_json(), c.id) for c in claims])

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "claims": self.conn.execute("SELECT count(*) FROM claims").fetchone()[0],
        }

    # ------------------------------------------------------------------ results

    def save_reconciliation(self, rec: Reconciliation) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM results")
            rows: list[tuple[str, str, int, str]] = [
                (e.id, "event", i, e.model_dump_json()) for i, e in enumerate(rec.events)
            ]
            rows += [(c.id, "conflict", i, c.model_dump_json()) for i, c in enumerate(rec.conflicts)]
            db.executemany("INSERT INTO results(id, type, seq, data) VALUES (?,?,?,?)", rows)
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('reconciled_at', ?)", (str(time.time()),))

    def load_reconciliation(self) -> Reconciliation:
        events = [
            Event.model_validate_json(d)
            for (d,) in self.conn.execute("SELECT data FROM results WHERE type='event' ORDER BY seq")
        ]
        conflicts = [
            Conflict.model_validate_json(d)
            for (d,) in self.conn.execute("SELECT data FROM results WHERE type='conflict' ORDER BY seq")
        ]
        return Reconciliation(events=tuple(events), conflicts=tuple(conflicts))

    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(value)))
