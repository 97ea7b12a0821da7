"""What every clashrecon store offers: the one interface the pipeline and the read commands use.

Three kinds of rows, each written by one stage and never rewritten by another:
- what ingest stored: articles (text, segments, metadata) and the claims extracted from them;
- what the corpus passes derived from those (`CorpusDerived`: origins, reporting dates,
  resolved claim times, the name map), each pass's rows replaced whole by its next run;
- the reconciliation (events and conflicts) the read commands show, and where the places the
  articles name are (`PlaceLocation`, geocoded with it), both replaced whole by the next one.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clashrecon.models import (
    Article,
    ArticleDigest,
    ArticleScope,
    Claim,
    Conflict,
    CorpusDerived,
    Lineage,
    PlaceLocation,
    Reconciliation,
    Reference,
    Relation,
    ReportingDate,
    ResolvedTime,
    Spelling,
)

DEFAULT_DB = "clashrecon.db"


def default_db_path() -> Path:
    return Path(os.environ.get("CLASHRECON_DB") or DEFAULT_DB)


@dataclass(frozen=True)
class StoredSource:
    """What ingest needs to know of a stored source to skip an unchanged file without decoding it."""

    article_id: str
    raw_hash: str | None


@dataclass(frozen=True)
class Stored:
    """What `put_articles` did with each source: 'new', 'replaced' (an earlier version went),
    'rewritten' (the same text extracted again), 'meanwhile' (another ingest had just stored
    the same) or 'duplicate' (the same text is stored from another file); and the claims added."""

    outcomes: dict[str, str]
    claims: int

    def count(self, outcome: str) -> int:
        return sum(1 for o in self.outcomes.values() if o == outcome)


@dataclass(frozen=True)
class CorpusInventory:
    """Where the corpus passes' and the reconciliation's rows stand against the stored articles."""

    articles: tuple[str, ...]  # every stored article's id, in store order (name, source)
    digested: frozenset[str]  # articles with a digest
    passed: frozenset[str]  # stored articles the last run of the passes saw
    gone: frozenset[str]  # articles the last run saw that are no longer stored
    meta: dict[str, str]  # what the last run was run with (`passes`, `passes_reference_date`, `scoped`)


@dataclass(frozen=True)
class CorpusUpdate:
    """What one run of the corpus passes and the reconciliation writes, in one transaction.

    `full`: every pass's rows are replaced; else only the rows of `redated` articles (dates and
    claim times), the pass and scope rows given, and the results drawing on `replaced` stories
    and buckets.
    """

    full: bool
    digests: list[ArticleDigest]
    origins: tuple[Lineage, ...]  # every article's
    spellings: tuple[Spelling, ...]
    redated: frozenset[str]
    dates: list[ReportingDate]  # of redated articles
    times: list[ResolvedTime]  # of redated articles' claims
    passes: dict[str, tuple[str, Reference]]  # article -> (story it is dated in, reference)
    candidates: dict[str, tuple[tuple[str, int], ...]]  # lineage candidates found again
    pairs: dict[tuple[str, str], int]  # pairs lineage compared for the first time
    scopes: dict[str, ArticleScope]
    results: Reconciliation  # the whole picture
    places: tuple[PlaceLocation, ...]  # where every place named is, geocoded with these results
    draws_on: dict[str, tuple[tuple[str, str], ...]]  # result id -> stories and buckets it draws on, for the rows written
    replaced: frozenset[tuple[str, str]]  # stories and buckets whose rows are replaced (unless full)
    gone: frozenset[str]  # articles no longer stored: their pass and scope rows go
    meta: dict[str, str]


class Store(ABC):
    """A clashrecon store. `Store.open(path, create=...)` opens the one for that location."""

    path: Path | str  # where it is, as the user named it (messages name it and the `--db` that fixes things)

    @classmethod
    def open(cls, path: str | os.PathLike[str] | None = None, *, create: bool, write: bool = False) -> Store:
        """Open a store; refuse anything unusable untouched (a damaged store with DamagedStore).
        `path` is a SQLite file, or a server's URL (`postgresql://user@host:5432/name`).

        `create` makes or migrates one (ingest); `write` opens an existing one to write (reconcile);
        neither, only to read: nothing can be written but an upgrade of an older schema.
        """
        location = os.fspath(path) if path is not None else os.environ.get("CLASHRECON_DB") or DEFAULT_DB
        if "://" in location:
            from clashrecon.store.locations import open_url

            return open_url(location, create=create, write=write)
        from clashrecon.store.sqlite import SQLiteStore

        return SQLiteStore.open(Path(location), create=create, write=write)

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @abstractmethod
    def snapshot(self) -> AbstractContextManager[Any]:
        """A read transaction: every query inside sees one consistent state."""

    # ---- what ingest stored

    @abstractmethod
    def stored_sources(self) -> dict[str, StoredSource]:
        """Source key -> (article id, raw-bytes hash) of everything stored."""

    @abstractmethod
    def put_articles(self, batch: Iterable[tuple[str, Article, list[Claim]]], rewrite: Collection[str] = ()) -> Stored:
        """Store (source key, article, claims) in one transaction; a source's earlier version goes.
        An article already stored as it is (another ingest stored it meanwhile) is left alone
        unless its source is in `rewrite`. Marks the results stale. Says what became of each."""

    @abstractmethod
    def update_metadata(self, articles: Iterable[Article]) -> None:
        """Replace the metadata of articles whose text is unchanged (a new sidecar). Marks the results stale."""

    @abstractmethod
    def forget_sources(self, sources: list[str]) -> None:
        """Drop the articles of these source keys, with their claims. Marks the results stale."""

    @abstractmethod
    def articles(self, *, with_text: bool = True, derived: bool = False) -> list[Article]:
        """Every stored article as ingest stored it, by name. Starts a corpus read (see `save_derived`).
        `derived` (without text only): as `corpus.view.articles_as_derived` shows them."""

    @abstractmethod
    def article_text(self, article_id: str) -> str | None: ...

    @abstractmethod
    def claims(self, *, field: str | None = None, article: str | None = None) -> list[Claim]:
        """Claims as extracted, in article and sentence order; `article` is a name, source or id."""

    @abstractmethod
    def iter_claims(self, *, field: str | None = None, article: str | None = None, timed: bool = False) -> Iterator[Claim]:
        """The claims of `claims()` one at a time, never all in memory; `timed` as in `claims_of`;
        read inside `snapshot()`."""

    @abstractmethod
    def claims_by_id(self, ids: Collection[str], *, timed: bool = False) -> list[Claim]:
        """The claims of these IDs (those stored), in no particular order; `timed` as in `claims_of`."""

    @abstractmethod
    def has_article(self, article: str) -> bool:
        """Whether an article of this name, source key or id is stored."""

    @abstractmethod
    def longest_article_name(self) -> int:
        """The length of the longest stored article name (0 when there are none)."""

    @abstractmethod
    def article_names(self, limit: int) -> list[str]:
        """The first `limit` stored article names, in order."""

    @abstractmethod
    def claim_counts(self) -> dict[str, int]:
        """Article id -> number of claims extracted from it."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """How many articles and claims are stored."""

    # ---- what the corpus passes derived

    @abstractmethod
    def derived(self, *, times: bool = True, articles: bool = True) -> CorpusDerived:
        """What the last corpus passes derived from the stored articles and claims: without the
        claims' resolved times unless `times`, without the articles' origins and dates unless
        `articles` (most readers need one or the other, with the name map)."""

    @abstractmethod
    def save_derived(self, derived: CorpusDerived) -> bool:
        """Replace the corpus passes' rows; False, with nothing written, when articles changed since
        the corpus read that they were computed from."""

    # ---- what incremental runs reuse (see `CorpusUpdate`)

    @abstractmethod
    def corpus_inventory(self) -> CorpusInventory:
        """What the passes' rows cover. Starts a corpus read (see `save_derived`)."""

    @abstractmethod
    def articles_by_id(self, ids: Collection[str], *, with_text: bool = True) -> list[Article]:
        """These articles as ingest stored them, in store order."""

    @abstractmethod
    def claims_of(
        self, ids: Collection[str], *, timed: bool = False, also: Collection[str] = (), naming: bool = False
    ) -> list[Claim]:
        """The claims of these articles (and the claims of IDs `also`) in store order: as extracted,
        or `timed` with the time the chronology pass last resolved (its `claim_times` row) in place
        of the extracted one; with `naming`, only those that may name a place or a warring party
        (place and actor claims, counts scoped to a place): what geocoding reads."""

    @abstractmethod
    def digests(self, part: str, ids: Collection[str] | None = None) -> dict[str, Any]:
        """One part of the stored digests (`lineage`, `story`, `chronology` or `names`) by article
        id in store order; of every digested article, or of `ids`."""

    @abstractmethod
    def pass_rows(self) -> dict[str, tuple[str, Reference]]:
        """Article -> (the story it was dated in, its reference) as the last run of the passes left them."""

    @abstractmethod
    def lineage_memory(self) -> tuple[dict[str, tuple[tuple[str, int], ...]], dict[tuple[str, str], int]]:
        """Lineage's stored candidates by article and compared pairs."""

    @abstractmethod
    def scopes(self) -> dict[str, ArticleScope]:
        """What the last reconciliation read of each article, by id (gone articles' too)."""

    @abstractmethod
    def result_sources(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """Stored result id -> the stories ("story", id) and background buckets (kind, value) it draws on."""

    @abstractmethod
    def save_update(self, update: CorpusUpdate) -> bool:
        """Write one run's passes and results in one transaction; False, with nothing written, when
        articles changed since the corpus read they were computed from."""

    # ---- the reconciliation

    @abstractmethod
    def save_reconciliation(self, rec: Reconciliation) -> bool:
        """Replace the stored results; False, with nothing written, when computed from a superseded store."""

    @abstractmethod
    def load_reconciliation(self, *, events: bool = True, conflicts: bool = True, tallies: bool = True) -> Reconciliation:
        """The stored results; a read command that shows some parts need not parse the others."""

    @abstractmethod
    def conflicts(self, *, relations: Collection[Relation] | None = None, field: str | None = None) -> list[Conflict]:
        """The stored findings of these relations and this field (all, where None), in their order."""

    @abstractmethod
    def reconciled(self) -> bool:
        """True when the stored results cover every stored article."""

    @abstractmethod
    def has_results(self) -> bool:
        """True when any reconciliation was ever stored (it may not cover every article)."""

    # ---- where the places named are (geocoded with each reconciliation)

    @abstractmethod
    def save_places(self, places: Iterable[PlaceLocation]) -> bool:
        """Replace the places' locations; False, with nothing written, when computed from a superseded store."""

    @abstractmethod
    def places(self, *, unresolved: bool = False, leave_out: Collection[str] = ()) -> list[PlaceLocation]:
        """Every place's location by name (only those the gazetteer does not know, if `unresolved`);
        the lists named in `leave_out` (`claim_ids`, `event_ids`, `articles`, `datelines`) left
        empty, for a reader that does not need them."""

    # ---- settings

    @abstractmethod
    def meta(self, key: str) -> str | None: ...

    @abstractmethod
    def set_meta(self, key: str, value: Any) -> None: ...

    @abstractmethod
    def generation(self) -> int:
        """How many batches of articles have been written (0 for a new store)."""

