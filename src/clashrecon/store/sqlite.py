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

import itertools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from clashrecon.errors import StoreError
from clashrecon.models.base import _sharing_fields_set
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
    Tally,
    ReportingDate,
    ResolvedTime,
    Spelling,
    StoryKeys,
    TimeBasis,
    TimeRef,
)
from clashrecon.store.base import CorpusInventory, CorpusUpdate, Stored, StoredSource, Store, default_db_path
from clashrecon.store.migrations import MIGRATIONS, SCHEMA_VERSION, apply_migration
from clashrecon.store.sqlite_file import connect, failure, integrity, retry_locked

def _claims_read(cursor: sqlite3.Cursor, batch: int = 512) -> list[Claim]:
    """The claims of a query's rows (`_TIMED` or `_UNTIMED`), read a batch at a time: the stored
    JSON of every claim is never held beside the claims made from it (a tenth of a full
    reconciliation's peak)."""
    out: list[Claim] = []
    times = _times()
    while rows := cursor.fetchmany(batch):
        out.extend(_claim(data, event_time, value, times) for data, event_time, value in rows)
    return out


def _times() -> Callable[[str], TimeRef]:
    """A resolved time's record from its JSON, each distinct one parsed once in a read (a story's
    claims share a few hundred; bounded, so a streamed read of a huge store stays flat)."""
    return lru_cache(maxsize=4096)(TimeRef.model_validate_json)


def _claim(data: str, event_time: str | None, value: str | None, times: Callable[[str], TimeRef]) -> Claim:
    """A stored claim, with the time the chronology pass resolved for it where it has one.

    Joined here rather than by SQLite's `json_set` in the query: each distinct resolved time is
    then parsed once, not once in every claim's JSON (53,533 claims share 642 on the bench story)."""
    claim = Claim.model_validate_json(data)
    if event_time is None:
        return claim
    # set on the record just made, which nothing else holds yet: what `model_copy(update=...)`
    # gives, without copying every claim of a story once more (a sixth of reading them back)
    fields = claim.__dict__
    fields["event_time"] = times(event_time)
    given = claim.__pydantic_fields_set__
    if value is not None:
        fields["value"] = value
    if "event_time" not in given or (value is not None and "value" not in given):
        object.__setattr__(claim, "__pydantic_fields_set__", {*given, "event_time", *(("value",) if value is not None else ())})
        _sharing_fields_set(claim)
    return claim


class SQLiteStore(Store):
    """A clashrecon store in one SQLite file. Use `Store.open(path, create=...)`."""

    # A claim and the chronology pass's time for it (`_claim` puts it in place of the extracted one)
    _TIMED = "c.data, t.event_time, t.value"
    _UNTIMED = "c.data, NULL, NULL"

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
            # what the passes read of these articles is made again, and lineage compares them again
            ids = [(a.id,) for a in articles]
            db.executemany("DELETE FROM article_digests WHERE article_id=?", ids)
            db.executemany("DELETE FROM lineage_candidates WHERE article_id=?", ids)
            db.executemany("DELETE FROM lineage_pairs WHERE a=?1 OR b=?1", ids)
        self._basis = None

    def forget_sources(self, sources: list[str]) -> None:
        with self.transaction() as db:
            self._mark_changed(db)
            db.executemany("DELETE FROM articles WHERE source=?", [(s,) for s in sources])
        self._basis = None

    # An article as `corpus.view.articles_as_derived` shows it: its origin, and the pass's date
    # when its metadata gives none; joined in SQL so each article is parsed once, already derived.
    _DERIVED_ARTICLE = (
        "json_set(CASE WHEN json_extract(a.data, '$.published.basis') = 'explicit' THEN a.data ELSE "
        "json_set(a.data, '$.published', CASE WHEN d.article_id IS NULL THEN json_object('date', NULL, 'basis', 'unknown') "
        "ELSE json_object('date', d.date, 'basis', d.basis) END) END, "
        "'$.origin', coalesce(o.origin, json_extract(a.data, '$.origin')), "
        "'$.origin_reason', CASE WHEN o.article_id IS NULL THEN json_extract(a.data, '$.origin_reason') ELSE o.reason END)"
    )

    def articles(self, *, with_text: bool = True, derived: bool = False) -> list[Article]:
        with self._reading():
            self._basis = self.generation()
            if with_text:
                rows = self.conn.execute("SELECT data, text FROM articles ORDER BY name, source").fetchall()
                return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]
            data = self._DERIVED_ARTICLE if derived else "a.data"
            joins = " LEFT JOIN article_origins o ON o.article_id = a.id LEFT JOIN article_dates d ON d.article_id = a.id"
            rows = self.conn.execute(
                f"SELECT json_set({data}, '$.text', '') FROM articles a{joins if derived else ''} ORDER BY a.name, a.source"
            ).fetchall()
        return [Article.model_validate_json(d) for (d,) in rows]

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

    @classmethod
    def _claims_query(cls, field: str | None, article: str | None, timed: bool = False) -> tuple[str, list[str]]:
        if timed:
            sql = f"SELECT {cls._TIMED} FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN claim_times t ON t.claim_id = c.id"
        else:
            sql = f"SELECT {cls._UNTIMED} FROM claims c JOIN articles a ON a.id = c.article_id"
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
            return _claims_read(self.conn.execute(sql, params))

    def iter_claims(
        self, *, field: str | None = None, article: str | None = None, timed: bool = False, batch: int = 512
    ) -> Iterator[Claim]:
        """The claims of `claims()`, read a batch at a time: memory stays flat however many there are;
        `timed` as in `claims_of`. Call inside `snapshot()`, which keeps one state for the whole read.
        """
        sql, params = self._claims_query(field, article, timed)
        cursor = self.conn.execute(sql, params)
        times = _times()
        while rows := cursor.fetchmany(batch):
            for data, event_time, value in rows:
                yield _claim(data, event_time, value, times)

    def claims_by_id(self, ids: Collection[str], *, timed: bool = False) -> list[Claim]:
        data = self._TIMED if timed else self._UNTIMED
        join = " LEFT JOIN claim_times t ON t.claim_id = c.id" if timed else ""
        with self._reading():
            return _claims_read(
                self.conn.execute(
                    f"SELECT {data} FROM claims c{join} WHERE c.id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
                )
            )

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


    def derived(self, *, times: bool = True, articles: bool = True) -> CorpusDerived:
        with self._reading():
            if articles:
                origins = self.conn.execute("SELECT article_id, origin, reason FROM article_origins ORDER BY article_id").fetchall()
                dates = self.conn.execute("SELECT article_id, date, basis FROM article_dates ORDER BY article_id").fetchall()
            else:
                origins = dates = []
            query = "SELECT claim_id, event_time, value FROM claim_times ORDER BY claim_id"
            times = self.conn.execute(query).fetchall() if times else []
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
            db.execute("DELETE FROM meta WHERE key IN ('passes', 'scoped')")  # rows no run can build on
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


    # ---- what incremental runs reuse

    def corpus_inventory(self) -> CorpusInventory:
        with self._reading():
            self._basis = self.generation()
            ids = tuple(i for (i,) in self.conn.execute("SELECT id FROM articles ORDER BY name, source"))
            digested = frozenset(i for (i,) in self.conn.execute("SELECT article_id FROM article_digests"))
            passed = {i for (i,) in self.conn.execute("SELECT article_id FROM article_passes")}
            scoped = {i for (i,) in self.conn.execute("SELECT article_id FROM article_scopes")}
            meta = dict(
                self.conn.execute("SELECT key, value FROM meta WHERE key IN ('passes', 'passes_reference_date', 'scoped')")
            )
        present = set(ids)
        return CorpusInventory(ids, digested, frozenset(passed & present), frozenset((passed | scoped) - present), meta)

    def articles_by_id(self, ids: Collection[str], *, with_text: bool = True) -> list[Article]:
        cols = "data, text" if with_text else "data, ''"
        with self._reading():
            rows = self.conn.execute(
                f"SELECT {cols} FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name, source",
                (json.dumps(list(ids)),),
            ).fetchall()
        return [Article.model_validate({**json.loads(data), "text": text}) for data, text in rows]

    def claims_of(
        self, ids: Collection[str], *, timed: bool = False, also: Collection[str] = (), naming: bool = False
    ) -> list[Claim]:
        data = self._TIMED if timed else self._UNTIMED
        join = " LEFT JOIN claim_times t ON t.claim_id = c.id" if timed else ""
        where = "(c.article_id IN (SELECT value FROM json_each(?)) OR c.id IN (SELECT value FROM json_each(?)))"
        if naming:
            where += " AND (c.field IN ('places', 'actors') OR json_extract(c.data, '$.scope.place') IS NOT NULL)"
        with self._reading():
            return _claims_read(
                self.conn.execute(
                    f"SELECT {data} FROM claims c JOIN articles a ON a.id = c.article_id{join} WHERE {where}"
                    " ORDER BY a.name, a.source, c.seq",
                    (json.dumps(list(ids)), json.dumps(list(also))),
                )
            )

    _DIGEST_PARTS = {"lineage": LineageDigest, "story": StoryKeys, "chronology": ChronologyDigest, "names": NamesDigest}

    def digests(self, part: str, ids: Collection[str] | None = None) -> dict[str, Any]:
        model = self._DIGEST_PARTS[part]
        sql = f"SELECT d.article_id, d.{part} FROM article_digests d JOIN articles a ON a.id = d.article_id"
        params: tuple = ()
        if ids is not None:
            sql += " WHERE d.article_id IN (SELECT value FROM json_each(?))"
            params = (json.dumps(list(ids)),)
        with self._reading():
            rows = self.conn.execute(sql + " ORDER BY a.name, a.source", params).fetchall()
        return {a: model.model_validate_json(d) for a, d in rows}

    def pass_rows(self) -> dict[str, tuple[str, Reference]]:
        with self._reading():
            rows = self.conn.execute("SELECT article_id, grouped, reference FROM article_passes").fetchall()
        parsed = cache(Reference.model_validate_json)  # the articles of one story often share a day
        return {a: (g, parsed(r)) for a, g, r in rows}

    def lineage_memory(self) -> tuple[dict[str, tuple[tuple[str, int], ...]], dict[tuple[str, str], int]]:
        with self._reading():
            candidates = {
                a: tuple((b, n) for b, n in json.loads(found))
                for a, found in self.conn.execute("SELECT article_id, candidates FROM lineage_candidates")
            }
            pairs = {(a, b): n for a, b, n in self.conn.execute("SELECT a, b, shared FROM lineage_pairs")}
        return candidates, pairs

    def scopes(self) -> dict[str, ArticleScope]:
        with self._reading():
            rows = self.conn.execute("SELECT article_id, story, keys, background FROM article_scopes").fetchall()
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
            return {i: tuple(tuple(n) for n in json.loads(s)) for i, s in self.conn.execute("SELECT id, draws_on FROM results")}

    def save_update(self, update: CorpusUpdate) -> bool:
        with self.transaction() as db:
            if self._stale():
                return False
            self._write_passes(db, update)
            db.execute("DELETE FROM place_locations")
            db.executemany(
                "INSERT INTO place_locations(id, name, resolved, data) VALUES (?,?,?,?)",
                [(p.id, p.name, int(p.resolved), p.model_dump_json()) for p in update.places],
            )
            self._write_results(db, update)
            for key, value in update.meta.items():
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('reconciled_at', ?)", (str(time.time()),))
        return True

    @staticmethod
    def _write_passes(db: sqlite3.Connection, update: CorpusUpdate) -> None:
        """The corpus passes' rows: every article's origin and the name map whole; dates, times and
        pass rows of the articles the run redid; lineage's new candidates and pairs."""
        db.executemany(
            "INSERT OR REPLACE INTO article_digests VALUES (?,?,?,?,?)",
            [
                (d.article_id, d.lineage.model_dump_json(), d.story.model_dump_json(), d.chronology.model_dump_json(),
                 d.names.model_dump_json())
                for d in update.digests
            ],
        )
        db.execute("DELETE FROM article_origins")
        db.executemany("INSERT INTO article_origins VALUES (?,?,?)", [(o.article_id, o.origin, o.reason) for o in update.origins])
        db.execute("DELETE FROM name_map")
        db.executemany("INSERT INTO name_map VALUES (?,?,?)", [(n.kind.value, n.printed, n.canonical) for n in update.spellings])
        redated = json.dumps(sorted(update.redated))
        gone = [(a,) for a in sorted(update.gone)]
        if update.full:
            for table in ("article_dates", "claim_times", "article_passes", "lineage_candidates", "article_scopes"):
                db.execute(f"DELETE FROM {table}")
        else:
            db.execute("DELETE FROM article_dates WHERE article_id IN (SELECT value FROM json_each(?))", (redated,))
            db.execute(
                "DELETE FROM claim_times WHERE claim_id IN "
                "(SELECT id FROM claims WHERE article_id IN (SELECT value FROM json_each(?)))",
                (redated,),
            )
            db.executemany("DELETE FROM article_passes WHERE article_id=?", gone)
            db.executemany("DELETE FROM article_scopes WHERE article_id=?", gone)
        db.executemany(
            "INSERT INTO article_dates VALUES (?,?,?)", [(d.article_id, d.published.date, d.published.basis.value) for d in update.dates]
        )
        dumped: dict[TimeRef, str] = {}  # most claims of an article share its resolved day
        rows = []
        for t in update.times:
            if t.event_time not in dumped:
                dumped[t.event_time] = t.event_time.model_dump_json()
            rows.append((t.claim_id, dumped[t.event_time], t.value))
        db.executemany("INSERT OR REPLACE INTO claim_times VALUES (?,?,?)", rows)
        db.executemany(
            "INSERT OR REPLACE INTO article_passes VALUES (?,?,?)",
            [(a, group, ref.model_dump_json()) for a, (group, ref) in update.passes.items()],
        )
        db.executemany(
            "INSERT OR REPLACE INTO lineage_candidates VALUES (?,?)",
            [(a, json.dumps([list(c) for c in found])) for a, found in update.candidates.items()],
        )
        db.executemany("INSERT OR REPLACE INTO lineage_pairs VALUES (?,?,?)", [(a, b, n) for (a, b), n in update.pairs.items()])
        db.executemany(
            "INSERT OR REPLACE INTO article_scopes VALUES (?,?,?,?)",
            [
                (a, s.story, s.keys.model_dump_json(), json.dumps([[b.kind, b.value, b.label, b.blocks] for b in s.background]))
                for a, s in update.scopes.items()
            ],
        )

    @staticmethod
    def _write_results(db: sqlite3.Connection, update: CorpusUpdate) -> None:
        """The rows of the replaced stories' results go and the new ones come; every row takes its
        place in the whole picture's order."""
        if update.full:
            db.execute("DELETE FROM results")
        else:
            replaced = update.replaced
            going = [(i,) for i, s in db.execute("SELECT id, draws_on FROM results") if replaced.intersection(map(tuple, json.loads(s)))]
            db.executemany("DELETE FROM results WHERE id=?", going)
        rec = update.results
        order = [(e.id, "event", i, e) for i, e in enumerate(rec.events)]
        order += [(c.id, "conflict", i, c) for i, c in enumerate(rec.conflicts)]
        order += [(t.id, "tally", i, t) for i, t in enumerate(rec.tallies)]
        written = update.draws_on
        db.executemany(
            "INSERT INTO results(id, type, seq, data, draws_on) VALUES (?,?,?,?,?)",
            # made one row at a time: the JSON of every result is never held at once
            ((i, kind, seq, r.model_dump_json(), json.dumps([list(n) for n in written[i]])) for i, kind, seq, r in order if i in written),
        )
        db.executemany("UPDATE results SET seq=? WHERE id=? AND seq<>?", [(seq, i, seq) for i, _, seq, _ in order if i not in written])

    def save_reconciliation(self, rec: Reconciliation) -> bool:
        with self.transaction() as db:
            if self._stale():
                return False
            db.execute("DELETE FROM results")
            db.execute("DELETE FROM meta WHERE key IN ('passes', 'scoped')")  # rows no run can build on
            rows = itertools.chain(  # made one row at a time, as _write_results makes them
                ((e.id, "event", i, e.model_dump_json()) for i, e in enumerate(rec.events)),
                ((c.id, "conflict", i, c.model_dump_json()) for i, c in enumerate(rec.conflicts)),
                ((t.id, "tally", i, t.model_dump_json()) for i, t in enumerate(rec.tallies)),
            )
            db.executemany("INSERT INTO results(id, type, seq, data) VALUES (?,?,?,?)", rows)
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('reconciled_at', ?)", (str(time.time()),))
        return True

    def load_reconciliation(self, *, events: bool = True, conflicts: bool = True, tallies: bool = True) -> Reconciliation:
        def rows(kind: str, wanted: bool) -> list:
            if not wanted:
                return []
            return self.conn.execute("SELECT data FROM results WHERE type=? ORDER BY seq", (kind,)).fetchall()

        with self._reading():  # events and conflicts from the same save
            event_rows, conflict_rows, tally_rows = rows("event", events), rows("conflict", conflicts), rows("tally", tallies)
        events = [Event.model_validate_json(d) for (d,) in event_rows]
        conflicts = [Conflict.model_validate_json(d) for (d,) in conflict_rows]
        tallies = [Tally.model_validate_json(d) for (d,) in tally_rows]
        return Reconciliation(events=tuple(events), conflicts=tuple(conflicts), tallies=tuple(tallies))

    def conflicts(self, *, relations: Collection[Relation] | None = None, field: str | None = None) -> list[Conflict]:
        sql, params = "SELECT data FROM results WHERE type='conflict'", []
        if relations is not None:
            sql += " AND json_extract(data, '$.kind') IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(sorted(r.value for r in relations)))
        if field is not None:
            sql += " AND json_extract(data, '$.field') = ?"
            params.append(field)
        with self._reading():
            rows = self.conn.execute(sql + " ORDER BY seq", params).fetchall()
        return [Conflict.model_validate_json(d) for (d,) in rows]

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

    def places(self, *, unresolved: bool = False, leave_out: Collection[str] = ()) -> list[PlaceLocation]:
        where = " WHERE resolved = 0" if unresolved else ""
        data = "data" if not leave_out else "json_remove(data, " + ", ".join(f"'$.{f}'" for f in sorted(leave_out)) + ")"
        with self._reading():
            rows = self.conn.execute(f"SELECT {data} FROM place_locations{where} ORDER BY name, id").fetchall()
        return [PlaceLocation.model_validate_json(d) for (d,) in rows]


    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: Any) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, str(value)))
