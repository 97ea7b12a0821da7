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
    ArticleScope,
    BackgroundBucket,
    ChronologyDigest,
    Claim,
    Conflict,
    CorpusDerived,
    Event,
    Lineage,
    LineageDigest,
    NameKind,
    NamesDigest,
    PlaceLocation,
    Published,
    Reconciliation,
    Reference,
    Relation,
    ReportingDate,
    ResolvedTime,
    Spelling,
    StoryKeys,
    Tally,
    TimeBasis,
    TimeRef,
)
from clashrecon.store.base import CorpusInventory, CorpusUpdate, Store, Stored, StoredSource
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


# A claim's row: its JSON, and with `timed` the chronology pass's time and value (SQLite's
# `_TIMED` puts them into the JSON in SQL; here `_claim` does, from the same columns)
_UNTIMED = "c.data, NULL, NULL"
_TIMED = "c.data, t.event_time, t.value"


def _claim(data: str, event_time: str | None, value: str | None) -> Claim:
    if event_time is None:
        return Claim.model_validate_json(data)
    fields = json.loads(data)
    fields["event_time"] = json.loads(event_time)
    if value is not None:
        fields["value"] = value
    return Claim.model_validate(fields)


def _derived_article(data: str, has_origin: bool, origin: str | None, reason: str | None,
                     has_date: bool, date: str | None, basis: str | None) -> dict:
    """An article as `corpus.view.articles_as_derived` shows it, without its text (SQLite's
    `_DERIVED_ARTICLE`): its origin, and the pass's date when its metadata gives none."""
    fields = json.loads(data)
    if (fields.get("published") or {}).get("basis") != "explicit":
        fields["published"] = {"date": date, "basis": basis} if has_date else {"date": None, "basis": "unknown"}
    if has_origin:
        fields["origin"], fields["origin_reason"] = origin, reason
    fields["text"] = ""
    return fields


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

    def articles(self, *, with_text: bool = True, derived: bool = False) -> list[Article]:
        with self._reading():
            self._basis = self.generation()
            if with_text or not derived:
                cols = "data, text" if with_text else "data, ''"
                rows = self.conn.execute(f"SELECT {cols} FROM articles ORDER BY name, source").fetchall()
                return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]
            rows = self.conn.execute(
                "SELECT a.data, o.article_id IS NOT NULL, o.origin, o.reason, d.article_id IS NOT NULL, d.date, d.basis"
                " FROM articles a LEFT JOIN article_origins o ON o.article_id = a.id"
                " LEFT JOIN article_dates d ON d.article_id = a.id ORDER BY a.name, a.source"
            ).fetchall()
        return [Article.model_validate(_derived_article(*row)) for row in rows]

    def article_text(self, article_id: str) -> str | None:
        return self._one("SELECT text FROM articles WHERE id=%s", (article_id,))

    @staticmethod
    def _claims_query(field: str | None, article: str | None, timed: bool = False) -> tuple[str, list[str]]:
        sql = f"SELECT {_TIMED if timed else _UNTIMED} FROM claims c JOIN articles a ON a.id = c.article_id"
        if timed:
            sql += " LEFT JOIN claim_times t ON t.claim_id = c.id"
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
        return [_claim(*row) for row in rows]

    def iter_claims(
        self, *, field: str | None = None, article: str | None = None, timed: bool = False, batch: int = 512
    ) -> Iterator[Claim]:
        """The claims of `claims()` through a server-side cursor, a batch at a time: memory stays flat."""
        sql, params = self._claims_query(field, article, timed)
        with self._reading(), self.conn.cursor(name="clashrecon_claims") as cursor:
            cursor.itersize = batch
            cursor.execute(sql, params)
            for row in cursor:
                yield _claim(*row)

    def claims_by_id(self, ids: Collection[str], *, timed: bool = False) -> list[Claim]:
        join = " LEFT JOIN claim_times t ON t.claim_id = c.id" if timed else ""
        with self._reading():
            rows = self.conn.execute(
                f"SELECT {_TIMED if timed else _UNTIMED} FROM claims c{join} WHERE c.id = ANY(%s)", (list(ids),)
            ).fetchall()
        return [_claim(*row) for row in rows]

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

    def derived(self, *, times: bool = True, articles: bool = True) -> CorpusDerived:
        with self._reading():
            origins = dates = []
            if articles:
                origins = self.conn.execute("SELECT article_id, origin, reason FROM article_origins ORDER BY article_id").fetchall()
                dates = self.conn.execute("SELECT article_id, date, basis FROM article_dates ORDER BY article_id").fetchall()
            query = "SELECT claim_id, event_time, value FROM claim_times ORDER BY claim_id"
            times = self.conn.execute(query).fetchall() if times else []
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
            cur.execute("DELETE FROM meta WHERE key IN ('passes', 'scoped')")  # rows no run can build on
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

    # ---- what incremental runs reuse (as SQLite's; rows read in key order, as a store's order never depends on the server)

    def corpus_inventory(self) -> CorpusInventory:
        with self._reading():
            self._basis = self.generation()
            ids = tuple(i for (i,) in self.conn.execute("SELECT id FROM articles ORDER BY name, source").fetchall())
            digested = frozenset(i for (i,) in self.conn.execute("SELECT article_id FROM article_digests").fetchall())
            passed = {i for (i,) in self.conn.execute("SELECT article_id FROM article_passes").fetchall()}
            scoped = {i for (i,) in self.conn.execute("SELECT article_id FROM article_scopes").fetchall()}
            meta = dict(
                self.conn.execute(
                    "SELECT key, value FROM meta WHERE key IN ('passes', 'passes_reference_date', 'scoped')"
                ).fetchall()
            )
        present = set(ids)
        return CorpusInventory(ids, digested, frozenset(passed & present), frozenset((passed | scoped) - present), meta)

    def articles_by_id(self, ids: Collection[str], *, with_text: bool = True) -> list[Article]:
        cols = "data, text" if with_text else "data, ''"
        with self._reading():
            rows = self.conn.execute(
                f"SELECT {cols} FROM articles WHERE id = ANY(%s) ORDER BY name, source", (list(ids),)
            ).fetchall()
        return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]

    def claims_of(
        self, ids: Collection[str], *, timed: bool = False, also: Collection[str] = (), naming: bool = False
    ) -> list[Claim]:
        join = " LEFT JOIN claim_times t ON t.claim_id = c.id" if timed else ""
        where = "(c.article_id = ANY(%s) OR c.id = ANY(%s))"
        if naming:
            where += " AND (c.field IN ('places', 'actors') OR c.data::json#>>'{scope,place}' IS NOT NULL)"
        with self._reading():
            rows = self.conn.execute(
                f"SELECT {_TIMED if timed else _UNTIMED} FROM claims c JOIN articles a ON a.id = c.article_id{join}"
                f" WHERE {where} ORDER BY a.name, a.source, c.seq",
                (list(ids), list(also)),
            ).fetchall()
        return [_claim(*row) for row in rows]

    _DIGEST_PARTS = {"lineage": LineageDigest, "story": StoryKeys, "chronology": ChronologyDigest, "names": NamesDigest}

    def digests(self, part: str, ids: Collection[str] | None = None) -> dict[str, Any]:
        model = self._DIGEST_PARTS[part]
        sql = f"SELECT d.article_id, d.{part} FROM article_digests d JOIN articles a ON a.id = d.article_id"
        params: tuple = ()
        if ids is not None:
            sql += " WHERE d.article_id = ANY(%s)"
            params = (list(ids),)
        with self._reading():
            rows = self.conn.execute(sql + " ORDER BY a.name, a.source", params).fetchall()
        return {a: model.model_validate_json(d) for a, d in rows}

    def pass_rows(self) -> dict[str, tuple[str, Reference]]:
        with self._reading():
            rows = self.conn.execute("SELECT article_id, grouped, reference FROM article_passes ORDER BY article_id").fetchall()
        parsed = cache(Reference.model_validate_json)  # the articles of one story often share a day
        return {a: (g, parsed(r)) for a, g, r in rows}

    def lineage_memory(self) -> tuple[dict[str, tuple[tuple[str, int], ...]], dict[tuple[str, str], int]]:
        with self._reading():
            found = self.conn.execute("SELECT article_id, candidates FROM lineage_candidates ORDER BY article_id").fetchall()
            pairs = self.conn.execute("SELECT a, b, shared FROM lineage_pairs ORDER BY a, b").fetchall()
        candidates = {a: tuple((b, n) for b, n in json.loads(c)) for a, c in found}
        return candidates, {(a, b): n for a, b, n in pairs}

    def scopes(self) -> dict[str, ArticleScope]:
        with self._reading():
            rows = self.conn.execute("SELECT article_id, story, keys, background FROM article_scopes ORDER BY article_id").fetchall()
        return {
            a: ArticleScope(
                story=story,
                keys=StoryKeys.model_validate_json(keys),
                background=tuple(BackgroundBucket(kind=k, value=v, label=lab, blocks=b) for k, v, lab, b in json.loads(background)),
            )
            for a, story, keys, background in rows
        }

    def result_sources(self) -> dict[str, tuple[tuple[str, str], ...]]:
        with self._reading():
            rows = self.conn.execute("SELECT id, draws_on FROM results ORDER BY id").fetchall()
        return {i: tuple(tuple(n) for n in json.loads(s)) for i, s in rows}

    def save_update(self, update: CorpusUpdate) -> bool:
        with self.transaction() as db, db.cursor() as cur:
            if self._stale():
                return False
            self._write_passes(cur, update)
            cur.execute("DELETE FROM place_locations")
            cur.executemany(
                "INSERT INTO place_locations(id, name, resolved, data) VALUES (%s,%s,%s,%s)",
                [(p.id, p.name, int(p.resolved), p.model_dump_json()) for p in update.places],
            )
            self._write_results(cur, update)
            for key, value in update.meta.items():
                self._put_meta(cur, key, value)
            self._put_meta(cur, "reconciled_at", str(time.time()))
        return True

    @staticmethod
    def _write_passes(cur: psycopg.Cursor, update: CorpusUpdate) -> None:
        """As SQLite's: every article's origin and the name map whole; dates, times and pass rows of
        the articles the run redid; lineage's new candidates and pairs."""
        cur.executemany(
            "INSERT INTO article_digests VALUES (%s,%s,%s,%s,%s) ON CONFLICT (article_id) DO UPDATE SET"
            " lineage=EXCLUDED.lineage, story=EXCLUDED.story, chronology=EXCLUDED.chronology, names=EXCLUDED.names",
            [
                (d.article_id, d.lineage.model_dump_json(), d.story.model_dump_json(), d.chronology.model_dump_json(),
                 d.names.model_dump_json())
                for d in update.digests
            ],
        )
        cur.execute("DELETE FROM article_origins")
        cur.executemany("INSERT INTO article_origins VALUES (%s,%s,%s)", [(o.article_id, o.origin, o.reason) for o in update.origins])
        cur.execute("DELETE FROM name_map")
        cur.executemany("INSERT INTO name_map VALUES (%s,%s,%s)", [(n.kind.value, n.printed, n.canonical) for n in update.spellings])
        redated = sorted(update.redated)
        gone = sorted(update.gone)
        if update.full:
            for table in ("article_dates", "claim_times", "article_passes", "lineage_candidates", "article_scopes"):
                cur.execute(f"DELETE FROM {table}")
        else:
            cur.execute("DELETE FROM article_dates WHERE article_id = ANY(%s)", (redated,))
            cur.execute("DELETE FROM claim_times WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ANY(%s))", (redated,))
            cur.execute("DELETE FROM article_passes WHERE article_id = ANY(%s)", (gone,))
            cur.execute("DELETE FROM article_scopes WHERE article_id = ANY(%s)", (gone,))
        cur.executemany(
            "INSERT INTO article_dates VALUES (%s,%s,%s)",
            [(d.article_id, d.published.date, d.published.basis.value) for d in update.dates],
        )
        dumped: dict[TimeRef, str] = {}  # most claims of an article share its resolved day
        rows = []
        for t in update.times:
            if t.event_time not in dumped:
                dumped[t.event_time] = t.event_time.model_dump_json()
            rows.append((t.claim_id, dumped[t.event_time], t.value))
        cur.executemany(
            "INSERT INTO claim_times VALUES (%s,%s,%s)"
            " ON CONFLICT (claim_id) DO UPDATE SET event_time=EXCLUDED.event_time, value=EXCLUDED.value",
            rows,
        )
        cur.executemany(
            "INSERT INTO article_passes VALUES (%s,%s,%s)"
            " ON CONFLICT (article_id) DO UPDATE SET grouped=EXCLUDED.grouped, reference=EXCLUDED.reference",
            [(a, group, ref.model_dump_json()) for a, (group, ref) in update.passes.items()],
        )
        cur.executemany(
            "INSERT INTO lineage_candidates VALUES (%s,%s) ON CONFLICT (article_id) DO UPDATE SET candidates=EXCLUDED.candidates",
            [(a, json.dumps([list(c) for c in found])) for a, found in update.candidates.items()],
        )
        cur.executemany(
            "INSERT INTO lineage_pairs VALUES (%s,%s,%s) ON CONFLICT (a, b) DO UPDATE SET shared=EXCLUDED.shared",
            [(a, b, n) for (a, b), n in update.pairs.items()],
        )
        cur.executemany(
            "INSERT INTO article_scopes VALUES (%s,%s,%s,%s) ON CONFLICT (article_id) DO UPDATE SET"
            " story=EXCLUDED.story, keys=EXCLUDED.keys, background=EXCLUDED.background",
            [
                (a, s.story, s.keys.model_dump_json(), json.dumps([[b.kind, b.value, b.label, b.blocks] for b in s.background]))
                for a, s in update.scopes.items()
            ],
        )

    @staticmethod
    def _write_results(cur: psycopg.Cursor, update: CorpusUpdate) -> None:
        """As SQLite's: the replaced stories' results go, the new ones come, every row at its place in the order."""
        if update.full:
            cur.execute("DELETE FROM results")
        else:
            replaced = update.replaced
            stored = cur.execute("SELECT id, draws_on FROM results").fetchall()
            going = [i for i, s in stored if replaced.intersection(map(tuple, json.loads(s)))]
            cur.execute("DELETE FROM results WHERE id = ANY(%s)", (going,))
        rec = update.results
        order = [(e.id, "event", i, e) for i, e in enumerate(rec.events)]
        order += [(c.id, "conflict", i, c) for i, c in enumerate(rec.conflicts)]
        order += [(t.id, "tally", i, t) for i, t in enumerate(rec.tallies)]
        written = update.draws_on
        cur.executemany(
            "INSERT INTO results(id, type, seq, data, draws_on) VALUES (%s,%s,%s,%s,%s)",
            [(i, kind, seq, r.model_dump_json(), json.dumps([list(n) for n in written[i]])) for i, kind, seq, r in order if i in written],
        )
        cur.executemany(
            "UPDATE results SET seq=%s WHERE id=%s AND seq<>%s", [(seq, i, seq) for i, _, seq, _ in order if i not in written]
        )

    # ---- the reconciliation

    def save_reconciliation(self, rec: Reconciliation) -> bool:
        with self.transaction() as db, db.cursor() as cur:
            if self._stale():
                return False
            cur.execute("DELETE FROM results")
            cur.execute("DELETE FROM meta WHERE key IN ('passes', 'scoped')")  # rows no run can build on
            rows: list[tuple[str, str, int, str]] = [(e.id, "event", i, e.model_dump_json()) for i, e in enumerate(rec.events)]
            rows += [(c.id, "conflict", i, c.model_dump_json()) for i, c in enumerate(rec.conflicts)]
            rows += [(t.id, "tally", i, t.model_dump_json()) for i, t in enumerate(rec.tallies)]
            cur.executemany("INSERT INTO results(id, type, seq, data) VALUES (%s,%s,%s,%s)", rows)
            self._put_meta(cur, "reconciled_at", str(time.time()))
        return True

    def load_reconciliation(self, *, events: bool = True, conflicts: bool = True, tallies: bool = True) -> Reconciliation:
        def rows(kind: str, wanted: bool) -> list:
            if not wanted:
                return []
            return self.conn.execute("SELECT data FROM results WHERE type=%s ORDER BY seq", (kind,)).fetchall()

        with self._reading():  # events and conflicts from the same save
            event_rows, conflict_rows, tally_rows = rows("event", events), rows("conflict", conflicts), rows("tally", tallies)
        return Reconciliation(
            events=tuple(Event.model_validate_json(d) for (d,) in event_rows),
            conflicts=tuple(Conflict.model_validate_json(d) for (d,) in conflict_rows),
            tallies=tuple(Tally.model_validate_json(d) for (d,) in tally_rows),
        )

    def conflicts(self, *, relations: Collection[Relation] | None = None, field: str | None = None) -> list[Conflict]:
        sql, params = "SELECT data FROM results WHERE type='conflict'", []
        if relations is not None:
            sql += " AND data::json->>'kind' = ANY(%s)"
            params.append(sorted(r.value for r in relations))
        if field is not None:
            sql += " AND data::json->>'field' = %s"
            params.append(field)
        with self._reading():
            rows = self.conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [Conflict.model_validate_json(d) for (d,) in rows]

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

    def places(self, *, unresolved: bool = False, leave_out: Collection[str] = ()) -> list[PlaceLocation]:
        where = " WHERE resolved = 0" if unresolved else ""
        data = "(data::jsonb - %s::text[])::text" if leave_out else "data"
        params = (sorted(leave_out),) if leave_out else ()
        with self._reading():
            rows = self.conn.execute(f"SELECT {data} FROM place_locations{where} ORDER BY name, id", params).fetchall()
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
