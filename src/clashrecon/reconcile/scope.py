"""What a reconciliation must redo when some articles change, and what each result draws on.

A story's episodes depend on its own claims, and on other stories' in two ways only
(clustering.py): a background bucket (claims of several stories filed under one earlier day,
year or label) made only of talks and truces folds into the episodes of its claims' stories, so
its claims decide together whether each story's episodes take them; and the clusters of claims
no story could date are pooled across stories. A background event itself draws on every
story's claims in its bucket, and on the label buckets that may join a year bucket whose labels
they resemble.

So a run redoes the stories of the changed articles, closed over those ties, and the background
buckets those stories' claims may be filed under, closed over label ties and the buckets the
stored results record together. A story sharing a bucket is redone with them only if that bucket
may fold: a claim of an unchanged story certainly filed there that is neither talks nor a truce,
or that names its event, keeps it from ever folding. The claims other stories file under a redone
bucket come as guests: with their story's other claims absent they land in that bucket, as they
did. Reconciling that much gives, for it, what reconciling the whole store gives. The buckets a
claim may be filed under are found with the clustering's own rules.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from clashrecon.corpus.stories import own_day, story_keys
from clashrecon.models import Article, ArticleScope, BackgroundBucket, Claim, Field, Reconciliation, ScopeKind, StoryKeys
from clashrecon.reconcile.clustering import (
    DAY_PRECISIONS,
    _QUIET,
    _background_key,
    _background_label,
    _is_background,
    parse_iso,
    settings,
    window,
)
from clashrecon.reconcile.governments import as_governments

UNDATED = "undated"  # the clustering's key of a story's claims that nothing dates
Node = tuple[str, str]  # ("story", id), a bucket (kind, value), or the undated pool


def article_scopes(
    articles: list[Article],
    claims: list[Claim],
    story: Mapping[str, str] | None = None,
    landed: Collection[str] | None = None,
    keys: Mapping[str, StoryKeys] | None = None,
    buckets: Mapping[str, Node | None] | None = None,
) -> dict[str, ArticleScope]:
    """What the reconciliation reads of each article (derived, as the view gives them): the keys its
    stories are told apart by, and the background buckets its claims may be filed under.

    `story`: each article's story, once known (before, '' for all); `landed`: the claims a
    reconciliation of their stories filed under background events, once known; `keys`, `buckets`:
    articles' keys and claims' buckets (`claim_bucket`) already found."""
    keys = dict(keys or {})
    reference = {a.id: parse_iso(a.published.date) for a in articles}
    by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for c in claims:
        by_article[c.article_id].append(c)
    unkeyed = [a for a in articles if a.id not in keys]
    mapped: dict[str, list[Claim]] = {a.id: [] for a in unkeyed}
    for c in as_governments(unkeyed, [c for a in unkeyed for c in by_article[a.id]]):
        mapped[c.article_id].append(c)
    keys.update({a.id: story_keys(mapped[a.id], own_day(a)) for a in unkeyed})
    if buckets is None:
        buckets = {c.id: claim_bucket(c, reference.get(c.article_id)) for c in claims}
    story = story or {}
    return {
        a.id: ArticleScope(story=story.get(a.id, ""), keys=keys[a.id], background=_buckets(by_article[a.id], buckets, landed or ()))
        for a in articles
    }


def claim_bucket(c: Claim, reference: date | None) -> Node | None:
    """The background bucket a claim may be filed under (those dated long before their article are,
    unless an episode of their story holds them), or None."""
    when = window(c)
    if (c.scope is not None and c.scope.kind is ScopeKind.background) or _is_background(c, when, reference):
        key = _background_key(c, when)
        return (key[0], str(key[1]))
    return None


def _buckets(claims: list[Claim], buckets: Mapping[str, Node | None], landed: Collection[str]) -> tuple[BackgroundBucket, ...]:
    """Every background bucket a claim of the article may land in, with its claims' own labels, and
    whether a claim that lands there keeps the bucket from folding into episodes.

    A claim dated long before its article lands there unless an episode of its story holds it:
    only the story's own days decide that, so where it `landed` it lands while its story's claims
    stay as they are."""
    found: dict[tuple[str, str, str], bool] = {}
    for c in claims:
        bucket = buckets[c.id]
        if bucket is None:
            continue
        label = _background_label(c).lower()
        when = window(c)
        # a background-scoped claim, or one with no day, lands in its bucket whatever its story's episodes
        certain = (
            (c.scope is not None and c.scope.kind is ScopeKind.background)
            or when is None
            or when.precision not in DAY_PRECISIONS
            or c.id in landed
        )
        blocks = certain and (bool(label) or (c.kind not in _QUIET and c.field is not Field.places))
        found[(*bucket, label)] = found.get((*bucket, label), False) or blocks
    return tuple(BackgroundBucket(kind=k, value=v, label=lab, blocks=b) for (k, v, lab), b in found.items())


@dataclass(frozen=True)
class Redo:
    """What a run reconciles again: whole stories, and background buckets (with their guests)."""

    stories: frozenset[str]
    buckets: frozenset[Node]

    def touches(self, draws_on: Iterable[Node]) -> bool:
        """Whether a stored result drawing on these stories and buckets is among what is redone."""
        return any((n[0] == "story" and n[1] in self.stories) or n in self.buckets for n in draws_on)


def affected(
    seeds: Iterable[str],
    changed: Iterable[str],
    scopes: Mapping[str, ArticleScope],
    old: Mapping[str, ArticleScope],
    rows: Mapping[str, tuple[Node, ...]],
    undated: Iterable[str],
) -> Redo:
    """The seed stories and the buckets of the `changed` articles' claims (as they are now and were
    in `old` scopes), with every story and bucket tied to them.

    `scopes`: every article's scope as it is now; `rows`: what each stored result draws on;
    `undated`: the stories with claims in the undated pool (stored, or found by a run).
    """
    changed = set(changed)
    blocked = {
        (b.kind, b.value) for a, s in scopes.items() if a not in changed for b in s.background if b.blocks
    }  # buckets that can never fold: stories meet there without tying their episodes
    loose: dict[Node, set[Node]] = {}  # ties that carry a redo either way
    into_buckets: dict[Node, set[Node]] = {}  # story -> buckets it may file claims under
    labels: dict[str, set[str]] = {}  # year -> labels of the claims that may land in its bucket
    named: set[str] = set()  # labels of buckets known by their label alone

    def tie(a: Node, b: Node) -> None:
        loose.setdefault(a, set()).add(b)
        loose.setdefault(b, set()).add(a)

    for scope in scopes.values():
        node = ("story", scope.story)
        for b in scope.background:
            bucket = (b.kind, b.value)
            into_buckets.setdefault(node, set()).add(bucket)
            if bucket not in blocked:
                tie(node, bucket)
            if b.kind == "bg-year" and b.label:
                labels.setdefault(b.value, set()).add(b.label)
            elif b.kind == "bg-label" and b.value:
                named.add(b.value)
    threshold = settings()["label_similarity"]
    for label in named:  # a label bucket may join any year bucket whose labels it resembles enough
        for year, said in labels.items():
            if max(fuzz.token_set_ratio(label, s) for s in said) >= threshold:
                tie(("bg-label", label), ("bg-year", year))
    for drawn in rows.values():
        for n in drawn[1:]:
            tie(drawn[0], n)
    for s in undated:
        tie(("story", s), ("pool", UNDATED))
    start: set[Node] = {("story", s) for s in seeds}
    for a in changed:
        for scope in (scopes.get(a), old.get(a)):
            if scope is not None:
                start |= {(b.kind, b.value) for b in scope.background}
    reached = set(start)
    todo = list(start)
    while todo:
        node = todo.pop()
        nxt = set(loose.get(node, ()))
        if node[0] == "story":
            nxt |= into_buckets.get(node, set())  # a redone story's buckets are redone, folding or not
        for n in nxt - reached:
            reached.add(n)
            todo.append(n)
    return Redo(
        stories=frozenset(n[1] for n in reached if n[0] == "story"),
        buckets=frozenset(n for n in reached if n[0] not in ("story", "pool")),
    )


def draws_on(
    rec: Reconciliation,
    story_of: Mapping[str, str],
    bucket_of: Mapping[str, Node | None],
    undated: Iterable[str],
) -> dict[str, tuple[Node, ...]]:
    """What each result draws on (`story_of`, `bucket_of`: claim id -> its article's story, its
    background bucket): a background event its claims' buckets, any other event its claims'
    stories; a conflict what its event and its positions' claims draw on; a final figure its
    story, or for the undated pool's figures every story in the pool."""
    pool = tuple(("story", s) for s in sorted(set(undated)))
    out: dict[str, tuple[Node, ...]] = {}

    def of(claim_ids: Iterable[str], background: bool) -> set[Node]:
        if background:
            return {b for c in claim_ids if (b := bucket_of.get(c)) is not None}
        return {("story", story_of[c]) for c in claim_ids if c in story_of}

    for e in rec.events:
        out[e.id] = tuple(sorted(of(e.claim_ids, e.background)))
    background = {e.id for e in rec.events if e.background}
    for c in rec.conflicts:
        ids = [i for p in c.positions for i in p.claim_ids]
        out[c.id] = tuple(sorted(set(out.get(c.event_id or "", ())) | of(ids, c.event_id in background)))
    for t in rec.tallies:
        out[t.id] = (("story", t.story),) if t.story else pool
    return out
