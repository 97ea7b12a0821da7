"""The SQLite store: articles, their segments, claims, evidence, the corpus passes' rows and results.

Schema changes are ordered migrations (`migrations.py`); `PRAGMA user_version` records how many have run.
A file that is not SQLite, or a store from a newer clashrecon, is refused before anything
writes to it (`sqlite_file.py`), so the file stays byte-for-byte as it was. Writes happen in one
`BEGIN IMMEDIATE` transaction per batch, in WAL mode with a busy timeout, so that a killed
run never leaves half an article and two ingests can share one store.

The corpus passes' rows and the reconciled results are only written if the stored
articles have not changed since it was computed: every batch of articles bumps a
generation number and marks the results stale in the same transaction, so a run killed
before reconciling, or one that raced another ingest, is reconciled again by the next run
instead of leaving results that miss articles.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from clashrecon.errors import StoreError
from clashrecon.models import (
    Article,
    Claim,
    Conflict,
    CorpusDerived,
    Event,
    Lineage,
    NameKind,
    PlaceLocation,
    Published,
    Reconciliation,
    Tally,
    ReportingDate,
    ResolvedTime,
    Spelling,
    TimeBasis,
    TimeRef,
)
from clashrecon.store.base import Stored, StoredSource, Store, default_db_path
from clashrecon.store.migrations import MIGRATIONS, SCHEMA_VERSION, apply_migration
from clashrecon.store.sqlite_file import connect, failure, integrity, retry_locked

class SQLiteStore(Store):
    """A clashrecon store in one SQLite file. Use `Store.open(path, create=...)`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool = False) -> None:
        self.path = path
        self.conn = conn
        self.read_only = read_only
        # the article generation the last corpus read saw; -1 when reads straddled a change
        self._basis: int | None = None
        self._checked = False  # the whole file passed the integrity check that precedes the first write

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, create: bool, write: bool = False) -> SQLiteStore:
        """Open (with create, also create or migrate) a store; refuse anything unusable untouched.

        Without `create` or `write` the store is only read: through a connection that cannot write,
        so a store on a read-only disk or in a read-only folder still answers.
        """
        p = Path(path) if path is not None else default_db_path()
        write = write or create
        conn, mode = connect(p, create=create, write=write)
        store = cls(p, conn, read_only=not write)
        try:
            conn.execute("PRAGMA foreign_keys=ON")
            if write:
                # readers never change the journal mode: the ingest that created the store made it WAL
                if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    store._check_before_writing()
                    retry_locked(lambda: conn.execute("PRAGMA journal_mode=WAL"))
                conn.execute("PRAGMA synchronous=NORMAL")
            if store.schema_version < SCHEMA_VERSION:
                if mode != "rw":
                    raise StoreError(
                        f"store {p} has an older schema and is read-only, so it cannot be upgraded; "
                        "run `clashrecon ingest` on a writable copy"
                    )
                store._migrate()
        except sqlite3.Error as exc:
            conn.close()
            raise failure(p, exc) from exc
        except StoreError:
            conn.close()
            raise
        return store

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        """Close; a SQLite error from inside the block becomes the store's one-line message."""
        self.close()
        if isinstance(exc, sqlite3.Error):
            raise failure(self.path, exc) from exc

    def _check_before_writing(self) -> None:
        """The whole file's quick integrity check, once, before anything is written to it."""
        if not self._checked:
            integrity(self.conn, self.path)
            self._checked = True

    def close(self) -> None:
        self.conn.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        """Run the migrations this store lacks; a read command's connection may write only for this."""
        if self.schema_version >= SCHEMA_VERSION:
            return
        self.conn.execute("PRAGMA query_only=OFF")
        try:
            with self.transaction():
                current = self.schema_version  # another process may have migrated meanwhile
                for number, step in enumerate(MIGRATIONS[current:], start=current + 1):
                    apply_migration(self.conn, step)
                    self.conn.execute(f"PRAGMA user_version={number}")
        finally:
            if self.read_only:
                self.conn.execute("PRAGMA query_only=ON")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; everything in it lands or nothing does."""
        self._check_before_writing()
        retry_locked(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def generation(self) -> int:
        """How many batches of articles have been written to this store (0 for a new one)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        return int(row[0]) if row else 0

    def _stale(self) -> bool:
        """True when the corpus read that derived data was computed from has since changed.

        Call inside the write transaction, so no other writer can slip in between check and write.
        """
        return self._basis is not None and self._basis != self.generation()

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees one consistent state."""
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("COMMIT")


    def stored_sources(self) -> dict[str, StoredSource]:
        rows = self.conn.execute("SELECT source, id, json_extract(data, '$.raw_hash') FROM articles")
        return {source: StoredSource(article_id, digest) for source, article_id, digest in rows}

    @staticmethod
    def _mark_changed(db: sqlite3.Connection) -> None:
        """Results computed before this write no longer cover the store: bump the generation and mark
        them stale in the same transaction, so a run killed before reconciling is reconciled next time."""
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )
        db.execute("DELETE FROM meta WHERE key='reconciled_at'")

    def put_articles(self, batch: Iterable[tuple[str, Article, list[Claim]]], rewrite: Collection[str] = ()) -> Stored:
        """An article already stored under the same source key is replaced with its claims (unless
        it is the same text, stored meanwhile by another ingest, and not asked to be rewritten);
        one whose text is already stored under another key is left as it is."""
        outcomes: dict[str, str] = {}
        added = 0
        with self.transaction() as db:
            self._mark_changed(db)
            for source, article, claims in batch:
                row = db.execute("SELECT source FROM articles WHERE id=?", (article.id,)).fetchone()
                if row and row[0] != source:
                    outcomes[source] = "duplicate"  # the same text is already stored from another file
                    continue
                if row and source not in rewrite:
                    outcomes[source] = "meanwhile"
                    continue
                # a changed file replaces its earlier version, claims and all
                earlier = db.execute("DELETE FROM articles WHERE source=? AND id<>?", (source, article.id)).rowcount
                outcomes[source] = "rewritten" if row else "replaced" if earlier else "new"
                db.execute("DELETE FROM articles WHERE id=?", (article.id,))
                db.execute(
                    "INSERT INTO articles(id, source, name, title, outlet, published, text, data, ingested_at)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        article.id,
                        source,
                        article.name,
                        article.title,
                        article.outlet,
                        article.published.date,
                        article.text,
                        article.model_dump_json(exclude={"text"}),
                        time.time(),
                    ),
                )
                db.executemany(
                    'INSERT INTO segments(article_id, start, "end", type) VALUES (?,?,?,?)',
                    [(article.id, s.start, s.end, s.type.value) for s in article.segments],
                )
                self._insert_claims(db, claims)
                added += len(claims)
        self._basis = None
        return Stored(outcomes, added)

    def _insert_claims(self, db: sqlite3.Connection, claims: list[Claim]) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO claims(id, article_id, field, kind, seq, data) VALUES (?,?,?,?,?,?)",
            [(c.id, c.article_id, c.field.value, c.kind, i, c.model_dump_json()) for i, c in enumerate(claims)],
        )
        db.executemany(
            'INSERT INTO evidence(claim_id, article_id, start, "end", span_start, span_end, quote) VALUES (?,?,?,?,?,?,?)',
            [(c.id, c.article_id, c.start, c.end, c.span_start, c.span_end, c.quote) for c in claims],
        )

    def update_metadata(self, articles: Iterable[Article]) -> None:
        articles = list(articles)
        with self.transaction() as db:
            self._mark_changed(db)
            db.executemany(
                "UPDATE articles SET data=?, published=?, title=?, outlet=? WHERE id=?",
                [(a.model_dump_json(exclude={"text"}), a.published.date, a.title, a.outlet, a.id) for a in articles],
            )
        self._basis = None

    def forget_sources(self, sources: list[str]) -> None:
        with self.transaction() as db:
            self._mark_changed(db)
            db.executemany("DELETE FROM articles WHERE source=?", [(s,) for s in sources])
        self._basis = None

    def articles(self, *, with_text: bool = True) -> list[Article]:
        with self._reading():
            self._basis = self.generation()
            cols = "data, text" if with_text else "data, ''"
            rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY name, source").fetchall()
        return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Read inside the caller's transaction, or a fresh one so that several queries agree."""
        if self.conn.in_transaction:
            yield
        else:
            with self.snapshot():
                yield

    def article_text(self, article_id: str) -> str | None:
        row = self.conn.execute("SELECT text FROM articles WHERE id=?", (article_id,)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _claims_query(field: str | None, article: str | None) -> tuple[str, list[str]]:
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
        return sql + " ORDER BY a.name, a.source, c.seq", params

    def claims(self, *, field: str | None = None, article: str | None = None) -> list[Claim]:
        sql, params = self._claims_query(field, article)
        with self._reading():
            current = self.generation()
            if self._basis is None:
                self._basis = current
            elif self._basis != current:
                self._basis = -1  # articles and claims were read from different states
            rows = self.conn.execute(sql, params).fetchall()
        return [Claim.model_validate_json(data) for (data,) in rows]

    def iter_claims(self, *, field: str | None = None, article: str | None = None, batch: int = 512) -> Iterator[Claim]:
        """The claims of `claims()`, read a batch at a time: memory stays flat however many there are.

        Call inside `snapshot()`, which keeps one state for the whole read.
        """
        sql, params = self._claims_query(field, article)
        cursor = self.conn.execute(sql, params)
        while rows := cursor.fetchmany(batch):
            for (data,) in rows:
                yield Claim.model_validate_json(data)

    def has_article(self, article: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE name = ? OR source = ? OR id = ? LIMIT 1", (article, article, article)
        ).fetchone()
        return row is not None

    def longest_article_name(self) -> int:
        return self.conn.execute("SELECT coalesce(max(length(name)), 0) FROM articles").fetchone()[0]

    def article_names(self, limit: int) -> list[str]:
        return [n for (n,) in self.conn.execute("SELECT name FROM articles ORDER BY name LIMIT ?", (limit,))]

    def claim_counts(self) -> dict[str, int]:
        return dict(self.conn.execute("SELECT article_id, count(*) FROM claims GROUP BY article_id"))

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.conn.execute("SELECT count(*) FROM articles").fetchone()[0],
            "claims": self.conn.execute("SELECT count(*) FROM claims").fetchone()[0],
        }


    def derived(self) -> CorpusDerived:
        with self._reading():
            origins = self.conn.execute("SELECT article_id, origin, reason FROM article_origins ORDER BY article_id").fetchall()
            dates = self.conn.execute("SELECT article_id, date, basis FROM article_dates ORDER BY article_id").fetchall()
            times = self.conn.execute("SELECT claim_id, event_time, value FROM claim_times ORDER BY claim_id").fetchall()
            names = self.conn.execute("SELECT kind, printed, canonical FROM name_map ORDER BY kind, printed").fetchall()
        parsed = cache(TimeRef.model_validate_json)  # most claims of an article share its resolved day
        # One resolved time per claim: tens of thousands of rows, each part validated as it is read
        # (ids are the store's own keys, the TimeRef parsed), so the records are built unvalidated.
        resolved = tuple(ResolvedTime.model_construct(claim_id=c, event_time=parsed(t), value=v) for c, t, v in times)
        return CorpusDerived.model_construct(
            origins=tuple(Lineage(article_id=a, origin=o, reason=r) for a, o, r in origins),
            dates=tuple(ReportingDate(article_id=a, published=Published(date=d, basis=TimeBasis(b))) for a, d, b in dates),
            times=resolved,
            spellings=tuple(Spelling(kind=NameKind(k), printed=p, canonical=c) for k, p, c in names),
        )

    def save_derived(self, derived: CorpusDerived) -> bool:
        """Only rows that differ are written: after a small ingest most resolved times are as they were."""
        with self.transaction() as db:
            if self._stale():
                return False
            db.execute("DELETE FROM article_origins")
            db.executemany(
                "INSERT INTO article_origins VALUES (?,?,?)", [(o.article_id, o.origin, o.reason) for o in derived.origins]
            )
            db.execute("DELETE FROM article_dates")
            db.executemany(
                "INSERT INTO article_dates VALUES (?,?,?)",
                [(d.article_id, d.published.date, d.published.basis.value) for d in derived.dates],
            )
            db.execute("DELETE FROM name_map")
            db.executemany(
                "INSERT INTO name_map VALUES (?,?,?)", [(n.kind.value, n.printed, n.canonical) for n in derived.spellings]
            )
            stored = {c: (t, v) for c, t, v in db.execute("SELECT claim_id, event_time, value FROM claim_times")}
            dumped: dict[TimeRef, str] = {}  # most claims of an article share its resolved day
            rows = {}
            for t in derived.times:
                if t.event_time not in dumped:
                    dumped[t.event_time] = t.event_time.model_dump_json()
                rows[t.claim_id] = (dumped[t.event_time], t.value)
            db.executemany("DELETE FROM claim_times WHERE claim_id=?", [(i,) for i in stored.keys() - rows.keys()])
            db.executemany(
                "INSERT OR REPLACE INTO claim_times VALUES (?,?,?)",
                [(i, *row) for i, row in rows.items() if stored.get(i) != row],
            )
        return True


    def save_reconciliation(self, rec: Reconciliation) -> bool:
        with self.transaction() as db:
            if self._stale():
                return False
            db.execute("DELETE FROM results")
            rows: list[tuple[str, str, int, str]] = [
                (e.id, "event", i, e.model_dump_json()) for i, e in enumerate(rec.events)
            ]
            rows += [(c.id, "conflict", i, c.model_dump_json()) for i, c in enumerate(rec.conflicts)]
            rows += [(t.id, "tally", i, t.model_dump_json()) for i, t in enumerate(rec.tallies)]
            db.executemany("INSERT INTO results(id, type, seq, data) VALUES (?,?,?,?)", rows)
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('reconciled_at', ?)", (str(time.time()),))
        return True

    def load_reconciliation(self) -> Reconciliation:
        with self._reading():  # events and conflicts from the same save
            event_rows = self.conn.execute("SELECT data FROM results WHERE type='event' ORDER BY seq").fetchall()
            conflict_rows = self.conn.execute("SELECT data FROM results WHERE type='conflict' ORDER BY seq").fetchall()
            tally_rows = self.conn.execute("SELECT data FROM results WHERE type='tally' ORDER BY seq").fetchall()
        events = [Event.model_validate_json(d) for (d,) in event_rows]
        conflicts = [Conflict.model_validate_json(d) for (d,) in conflict_rows]
        tallies = [Tally.model_validate_json(d) for (d,) in tally_rows]
        return Reconciliation(events=tuple(events), conflicts=tuple(conflicts), tallies=tuple(tallies))

    def reconciled(self) -> bool:
        return self.meta("reconciled_at") is not None

    def has_results(self) -> bool:
        return self.conn.execute("SELECT 1 FROM results LIMIT 1").fetchone() is not None

    def save_places(self, places: Iterable[PlaceLocation]) -> bool:
        rows = [(p.id, p.name, int(p.resolved), p.model_dump_json()) for p in places]
        with self.transaction() as db:
            if self._stale():
                return False
            db.execute("DELETE FROM place_locations")
            db.executemany("INSERT INTO place_locations(id, name, resolved, data) VALUES (?,?,?,?)", rows)
        return True

    def places(self, *, unresolved: bool = False) -> list[PlaceLocation]:
        where = " WHERE resolved = 0" if unresolved else ""
        with self._reading():
            rows = self.conn.execute(f"SELECT data FROM place_locations{where} ORDER BY name, id").fetchall()
        return [PlaceLocation.model_validate_json(d) for (d,) in rows]


    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(value)))
