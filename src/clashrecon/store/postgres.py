"""The PostgreSQL store: the SQLite store's tables, migrations, refusals and queries on a server
that many ingests and readers share (psycopg 3, `pip install 'clashrecon[postgres]'`).

Chosen by a URL, `--db postgresql://user@host:5432/name` or CLASHRECON_DB; the database must
exist (`createdb`), and its current schema (usually `public`) holds the store. The schema is the
SQLite one run by the same ordered migrations (`postgres_schema.py`); the version lives in the
table `clashrecon_schema`. A database that holds other tables but no `clashrecon_schema`, or a
newer version, is refused after reading only the catalogue, so nothing is written to it.

Every write transaction first takes one transaction-level advisory lock, so concurrent ingests
write one batch at a time as SQLite's `BEGIN IMMEDIATE` makes them: the checks inside a batch
(is this article stored already? did the articles change since the corpus read?) see every
earlier batch, and no ingest meets an "already exists" or stores an article twice. A
migration runs under the same lock, re-reading the version once it holds it. Reads inside
`snapshot()` are one REPEATABLE READ transaction. Read commands' sessions are read-only
(`default_transaction_read_only`), but for the upgrade of an older schema, as with SQLite.
"""

from __future__ import annotations

import json
import time
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import psycopg
from psycopg.pq import TransactionStatus

from clashrecon.errors import ForeignDatabase, MissingStore, NewerSchemaStore, StoreError
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
    ReportingDate,
    ResolvedTime,
    Spelling,
    Tally,
    TimeBasis,
    TimeRef,
)
from clashrecon.store.base import Store, Stored, StoredSource
from clashrecon.store.migrations import SCHEMA_VERSION
from clashrecon.store.postgres_schema import POSTGRES_MIGRATIONS

URL_SCHEMES = ("postgresql", "postgres")
VERSION_TABLE = "clashrecon_schema"
# The one advisory lock every clashrecon writer of a database takes (advisory locks are per database)
WRITE_LOCK = 0x636C6173  # "clas"
CONNECT_TIMEOUT_S = 10


def shown_url(url: str) -> str:
    """The URL as messages show it: without a password, in the URL or among its parameters."""
    parts = urlsplit(url)
    netloc = parts.hostname or ""
    if ":" in netloc:
        netloc = f"[{netloc}]"  # an IPv6 address
    if parts.port:
        netloc += f":{parts.port}"
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "password"])
    return f"{parts.scheme}://{netloc}{parts.path}" + (f"?{query}" if query else "")


def _reason(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def failure(shown: str, exc: psycopg.Error) -> StoreError:
    """The one-line message for a PostgreSQL error met while using the store at shown."""
    text = _reason(exc)
    if isinstance(exc, psycopg.errors.ReadOnlySqlTransaction):
        return StoreError(f"store {shown} cannot be written ({text}); connect as a user who may write it")
    if isinstance(exc, psycopg.errors.InsufficientPrivilege):
        return StoreError(f"store {shown} refused this user ({text}); grant it the rights on the database's tables")
    if isinstance(exc, psycopg.errors.DiskFull):
        return StoreError(f"store {shown} cannot grow ({text}); free disk space on the server")
    if isinstance(exc, psycopg.OperationalError):
        return StoreError(f"store {shown} stopped answering ({text}); check that the server runs, then run the command again")
    return StoreError(f"store {shown} failed ({text}); if it happens again, check the server's log")


def _unreachable(shown: str, exc: psycopg.Error) -> StoreError:
    text = _reason(exc)
    if "does not exist" in text and "database" in text:
        name = urlsplit(shown).path.lstrip("/") or "NAME"
        return MissingStore(f"store {shown}: {text}; create it first (`createdb {name}` on the server) or give --db another URL")
    return StoreError(
        f"cannot connect to store {shown} ({text}); check that the server runs and accepts this user, "
        "or give --db another URL"
    )


class PostgresStore(Store):
    """A clashrecon store in one PostgreSQL database. Use `Store.open(url, create=...)`."""

    def __init__(self, url: str, conn: psycopg.Connection, *, read_only: bool = False) -> None:
        self.url = url
        self.path = shown_url(url)  # what messages name, and put after `--db`
        self.conn = conn
        self.read_only = read_only
        self._basis: int | None = None  # as in SQLiteStore: the generation the last corpus read saw

    @classmethod
    def open(cls, url: str, *, create: bool, write: bool = False) -> PostgresStore:
        shown = shown_url(url)
        write = write or create
        try:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, application_name="clashrecon")
        except psycopg.Error as exc:
            raise _unreachable(shown, exc) from exc
        store = cls(url, conn, read_only=not write)
        try:
            if not write:
                conn.execute("SET default_transaction_read_only = on")
            version = store._checked_version(create=create)
            if version < SCHEMA_VERSION:
                store._migrate(create=create)
        except psycopg.Error as exc:
            conn.close()
            raise failure(shown, exc) from exc
        except StoreError:
            conn.close()
            raise
        return store

    def _tables(self) -> set[str]:
        rows = self.conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchall()
        return {r[0] for r in rows}

    def _checked_version(self, *, create: bool) -> int:
        """The schema version; refuse another program's database, a newer schema, or (reading) no store.
        Only the catalogue is read."""
        tables = self._tables()
        version = 0
        if VERSION_TABLE in tables:
            version = self.conn.execute(f"SELECT coalesce(max(version), 0) FROM {VERSION_TABLE}").fetchone()[0]
        elif tables:
            # someone else's database: creating our tables among theirs would mix the two
            raise ForeignDatabase(
                f"store {self.path} is a PostgreSQL database but not a clashrecon store (it has tables "
                f"{', '.join(sorted(tables)[:5])}); it was left untouched. Give --db another database"
            )
        if version == 0 and not create:
            raise MissingStore(f"store {self.path} holds no clashrecon data yet; run `clashrecon ingest PATH --db {self.path}` first")
        if version > SCHEMA_VERSION:
            raise NewerSchemaStore(
                f"store {self.path} has schema version {version}, newer than this clashrecon's {SCHEMA_VERSION}; "
                "it was left untouched. Upgrade clashrecon or give another --db"
            )
        return version

    @property
    def schema_version(self) -> int:
        return self._checked_version(create=True)

    def _migrate(self, *, create: bool) -> None:
        """The migrations this store lacks, in one transaction under the write lock (a read command's
        session may write only for this)."""
        with self.transaction(read_write=True) as db:
            current = self._checked_version(create=create)  # another process may have migrated meanwhile
            db.execute(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER PRIMARY KEY, migrated_at DOUBLE PRECISION NOT NULL)")
            for number, step in enumerate(POSTGRES_MIGRATIONS[current:], start=current + 1):
                db.execute(step)
                db.execute(f"INSERT INTO {VERSION_TABLE} VALUES (%s, %s)", (number, time.time()))

    def close(self) -> None:
        self.conn.close()

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        """Close; a PostgreSQL error from inside the block becomes the store's one-line message."""
        self.close()
        if isinstance(exc, psycopg.Error):
            raise failure(self.path, exc) from exc

    @property
    def _in_transaction(self) -> bool:
        return self.conn.info.transaction_status != TransactionStatus.IDLE

    @contextmanager
    def transaction(self, *, read_write: bool = False) -> Iterator[psycopg.Connection]:
        """One write transaction, holding the store's write lock; everything in it lands or nothing does."""
        self.conn.execute("BEGIN READ WRITE" if read_write else "BEGIN")
        try:
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            yield self.conn
        except BaseException:
            if not self.conn.closed:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[psycopg.Connection]:
        """A read transaction: every query inside sees one consistent state."""
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ")
        try:
            yield self.conn
        finally:
            if not self.conn.closed:
                self.conn.execute("COMMIT")

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Read inside the caller's transaction, or a fresh one so that several queries agree."""
        if self._in_transaction:
            yield
        else:
            with self.snapshot():
                yield

    def _one(self, sql: str, params: tuple | list = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    def generation(self) -> int:
        value = self._one("SELECT value FROM meta WHERE key='generation'")
        return int(value) if value is not None else 0

    def _stale(self) -> bool:
        """True when the corpus read that derived data was computed from has since changed (call under the lock)."""
        return self._basis is not None and self._basis != self.generation()

    # ---- what ingest stored

    def stored_sources(self) -> dict[str, StoredSource]:
        rows = self.conn.execute("SELECT source, id, data::json->>'raw_hash' FROM articles").fetchall()
        return {source: StoredSource(article_id, digest) for source, article_id, digest in rows}

    @staticmethod
    def _mark_changed(db: psycopg.Connection) -> None:
        """As SQLite's: bump the generation and mark the results stale in the writing transaction."""
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('generation', '1') "
            "ON CONFLICT (key) DO UPDATE SET value = (meta.value::bigint + 1)::text"
        )
        db.execute("DELETE FROM meta WHERE key='reconciled_at'")

    def put_articles(self, batch: Iterable[tuple[str, Article, list[Claim]]], rewrite: Collection[str] = ()) -> Stored:
        """As SQLite's: a source's earlier version goes, a text stored meanwhile or from another file stays."""
        outcomes: dict[str, str] = {}
        added = 0
        with self.transaction() as db:
            self._mark_changed(db)
            for source, article, claims in batch:
                row = db.execute("SELECT source FROM articles WHERE id=%s", (article.id,)).fetchone()
                if row and row[0] != source:
                    outcomes[source] = "duplicate"
                    continue
                if row and source not in rewrite:
                    outcomes[source] = "meanwhile"
                    continue
                earlier = db.execute("DELETE FROM articles WHERE source=%s AND id<>%s", (source, article.id)).rowcount
                outcomes[source] = "rewritten" if row else "replaced" if earlier else "new"
                db.execute("DELETE FROM articles WHERE id=%s", (article.id,))
                db.execute(
                    "INSERT INTO articles(id, source, name, title, outlet, published, text, data, ingested_at)"
                    " VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)",
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
                with db.cursor() as cur:
                    cur.executemany(
                        'INSERT INTO segments(article_id, start, "end", type) VALUES (%s,%s,%s,%s)',
                        [(article.id, s.start, s.end, s.type.value) for s in article.segments],
                    )
                    self._insert_claims(cur, claims)
                added += len(claims)
        self._basis = None
        return Stored(outcomes, added)

    @staticmethod
    def _insert_claims(cur: psycopg.Cursor, claims: list[Claim]) -> None:
        cur.executemany(
            "INSERT INTO claims(id, article_id, field, kind, seq, data) VALUES (%s,%s,%s,%s,%s,%s)"
            " ON CONFLICT (id) DO UPDATE SET article_id=EXCLUDED.article_id, field=EXCLUDED.field,"
            " kind=EXCLUDED.kind, seq=EXCLUDED.seq, data=EXCLUDED.data",
            [(c.id, c.article_id, c.field.value, c.kind, i, c.model_dump_json()) for i, c in enumerate(claims)],
        )
        cur.executemany(
            'INSERT INTO evidence(claim_id, article_id, start, "end", span_start, span_end, quote) VALUES (%s,%s,%s,%s,%s,%s,%s)',
            [(c.id, c.article_id, c.start, c.end, c.span_start, c.span_end, c.quote) for c in claims],
        )

    def update_metadata(self, articles: Iterable[Article]) -> None:
        articles = list(articles)
        with self.transaction() as db, db.cursor() as cur:
            self._mark_changed(db)
            cur.executemany(
                "UPDATE articles SET data=%s, published=%s, title=%s, outlet=%s WHERE id=%s",
                [(a.model_dump_json(exclude={"text"}), a.published.date, a.title, a.outlet, a.id) for a in articles],
            )
        self._basis = None

    def forget_sources(self, sources: list[str]) -> None:
        with self.transaction() as db:
            self._mark_changed(db)
            db.execute("DELETE FROM articles WHERE source = ANY(%s)", (list(sources),))
        self._basis = None

    def articles(self, *, with_text: bool = True) -> list[Article]:
        with self._reading():
            self._basis = self.generation()
            cols = "data, text" if with_text else "data, ''"
            rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY name, source").fetchall()
        return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]

    def article_text(self, article_id: str) -> str | None:
        return self._one("SELECT text FROM articles WHERE id=%s", (article_id,))

    @staticmethod
    def _claims_query(field: str | None, article: str | None) -> tuple[str, list[str]]:
        sql = "SELECT c.data FROM claims c JOIN articles a ON a.id = c.article_id"
        where, params = [], []
        if field:
            where.append("c.field = %s")
            params.append(field)
        if article:
            where.append("(a.name = %s OR a.source = %s OR a.id = %s)")
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
        """The claims of `claims()` through a server-side cursor, a batch at a time: memory stays flat."""
        sql, params = self._claims_query(field, article)
        with self._reading(), self.conn.cursor(name="clashrecon_claims") as cursor:
            cursor.itersize = batch
            cursor.execute(sql, params)
            for (data,) in cursor:
                yield Claim.model_validate_json(data)

    def has_article(self, article: str) -> bool:
        sql = "SELECT 1 FROM articles WHERE name = %s OR source = %s OR id = %s LIMIT 1"
        return self._one(sql, (article, article, article)) is not None

    def longest_article_name(self) -> int:
        return self._one("SELECT coalesce(max(length(name)), 0) FROM articles")

    def article_names(self, limit: int) -> list[str]:
        return [n for (n,) in self.conn.execute("SELECT name FROM articles ORDER BY name LIMIT %s", (limit,))]

    def claim_counts(self) -> dict[str, int]:
        return dict(self.conn.execute("SELECT article_id, count(*) FROM claims GROUP BY article_id").fetchall())

    def counts(self) -> dict[str, int]:
        with self._reading():
            return {
                "articles": self._one("SELECT count(*) FROM articles"),
                "claims": self._one("SELECT count(*) FROM claims"),
            }

    # ---- what the corpus passes derived

    def derived(self) -> CorpusDerived:
        with self._reading():
            origins = self.conn.execute("SELECT article_id, origin, reason FROM article_origins ORDER BY article_id").fetchall()
            dates = self.conn.execute("SELECT article_id, date, basis FROM article_dates ORDER BY article_id").fetchall()
            times = self.conn.execute("SELECT claim_id, event_time, value FROM claim_times ORDER BY claim_id").fetchall()
            names = self.conn.execute("SELECT kind, printed, canonical FROM name_map ORDER BY kind, printed").fetchall()
        parsed = cache(TimeRef.model_validate_json)  # most claims of an article share its resolved day
        resolved = tuple(ResolvedTime.model_construct(claim_id=c, event_time=parsed(t), value=v) for c, t, v in times)
        return CorpusDerived.model_construct(
            origins=tuple(Lineage(article_id=a, origin=o, reason=r) for a, o, r in origins),
            dates=tuple(ReportingDate(article_id=a, published=Published(date=d, basis=TimeBasis(b))) for a, d, b in dates),
            times=resolved,
            spellings=tuple(Spelling(kind=NameKind(k), printed=p, canonical=c) for k, p, c in names),
        )

    def save_derived(self, derived: CorpusDerived) -> bool:
        """Only rows that differ are written: after a small ingest most resolved times are as they were."""
        with self.transaction() as db, db.cursor() as cur:
            if self._stale():
                return False
            cur.execute("DELETE FROM article_origins")
            cur.executemany(
                "INSERT INTO article_origins VALUES (%s,%s,%s)", [(o.article_id, o.origin, o.reason) for o in derived.origins]
            )
            cur.execute("DELETE FROM article_dates")
            cur.executemany(
                "INSERT INTO article_dates VALUES (%s,%s,%s)",
                [(d.article_id, d.published.date, d.published.basis.value) for d in derived.dates],
            )
            cur.execute("DELETE FROM name_map")
            cur.executemany(
                "INSERT INTO name_map VALUES (%s,%s,%s)", [(n.kind.value, n.printed, n.canonical) for n in derived.spellings]
            )
            stored = {c: (t, v) for c, t, v in db.execute("SELECT claim_id, event_time, value FROM claim_times").fetchall()}
            dumped: dict[TimeRef, str] = {}
            rows = {}
            for t in derived.times:
                if t.event_time not in dumped:
                    dumped[t.event_time] = t.event_time.model_dump_json()
                rows[t.claim_id] = (dumped[t.event_time], t.value)
            cur.execute("DELETE FROM claim_times WHERE claim_id = ANY(%s)", (sorted(stored.keys() - rows.keys()),))
            cur.executemany(
                "INSERT INTO claim_times VALUES (%s,%s,%s)"
                " ON CONFLICT (claim_id) DO UPDATE SET event_time=EXCLUDED.event_time, value=EXCLUDED.value",
                [(i, *row) for i, row in rows.items() if stored.get(i) != row],
            )
        return True

    # ---- the reconciliation

    def save_reconciliation(self, rec: Reconciliation) -> bool:
        with self.transaction() as db, db.cursor() as cur:
            if self._stale():
                return False
            cur.execute("DELETE FROM results")
            rows: list[tuple[str, str, int, str]] = [(e.id, "event", i, e.model_dump_json()) for i, e in enumerate(rec.events)]
            rows += [(c.id, "conflict", i, c.model_dump_json()) for i, c in enumerate(rec.conflicts)]
            rows += [(t.id, "tally", i, t.model_dump_json()) for i, t in enumerate(rec.tallies)]
            cur.executemany("INSERT INTO results(id, type, seq, data) VALUES (%s,%s,%s,%s)", rows)
            self._put_meta(cur, "reconciled_at", str(time.time()))
        return True

    def load_reconciliation(self) -> Reconciliation:
        with self._reading():  # events and conflicts from the same save
            event_rows = self.conn.execute("SELECT data FROM results WHERE type='event' ORDER BY seq").fetchall()
            conflict_rows = self.conn.execute("SELECT data FROM results WHERE type='conflict' ORDER BY seq").fetchall()
            tally_rows = self.conn.execute("SELECT data FROM results WHERE type='tally' ORDER BY seq").fetchall()
        return Reconciliation(
            events=tuple(Event.model_validate_json(d) for (d,) in event_rows),
            conflicts=tuple(Conflict.model_validate_json(d) for (d,) in conflict_rows),
            tallies=tuple(Tally.model_validate_json(d) for (d,) in tally_rows),
        )

    def reconciled(self) -> bool:
        return self.meta("reconciled_at") is not None

    def has_results(self) -> bool:
        return self._one("SELECT 1 FROM results LIMIT 1") is not None

    # ---- where the places named are

    def save_places(self, places: Iterable[PlaceLocation]) -> bool:
        rows = [(p.id, p.name, int(p.resolved), p.model_dump_json()) for p in places]
        with self.transaction() as db, db.cursor() as cur:
            if self._stale():
                return False
            cur.execute("DELETE FROM place_locations")
            cur.executemany("INSERT INTO place_locations(id, name, resolved, data) VALUES (%s,%s,%s,%s)", rows)
        return True

    def places(self, *, unresolved: bool = False) -> list[PlaceLocation]:
        where = " WHERE resolved = 0" if unresolved else ""
        with self._reading():
            rows = self.conn.execute(f"SELECT data FROM place_locations{where} ORDER BY name, id").fetchall()
        return [PlaceLocation.model_validate_json(d) for (d,) in rows]

    # ---- settings

    @staticmethod
    def _put_meta(db: psycopg.Connection | psycopg.Cursor, key: str, value: str) -> None:
        db.execute(
            "INSERT INTO meta(key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (key, value)
        )

    def meta(self, key: str) -> str | None:
        return self._one("SELECT value FROM meta WHERE key=%s", (key,))

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction() as db:
            self._put_meta(db, key, str(value))
