"""Which stories a reconciliation must redo when some articles change, and what each result draws on.

A story's events depend on its own claims, with three exceptions that tie stories together
(clustering.py): claims of several stories filed under one background event (a bucket of the
same day, year or label); a background label folded into the year bucket whose labels it
resembles most; and the clusters of claims no story could date, whose figures are pooled
across stories. So the stories to redo are those of the changed articles, closed over those
ties, over the ties the stored results record, and over the undated pool: reconciling them alone
gives, for them, what reconciling the whole store gives. The buckets a claim may be filed under
are found with the clustering's own rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from rapidfuzz import fuzz

from clashrecon.corpus.stories import own_day, story_keys
from clashrecon.models import Article, ArticleScope, BackgroundBucket, Claim, Reconciliation, ScopeKind
from clashrecon.reconcile.clustering import _background_key, _background_label, _is_background, parse_iso, settings, window
from clashrecon.reconcile.governments import as_governments

UNDATED = "undated"  # the clustering's key of a story's claims that nothing dates


def article_scopes(articles: list[Article], claims: list[Claim], story: Mapping[str, str] | None = None) -> dict[str, ArticleScope]:
    """What the reconciliation reads of each article (derived, as the view gives them): the keys its
    stories are told apart by, and the background buckets its claims may be filed under.

    `story`: each article's story, once known (before, '' for all)."""
    mapped = as_governments(articles, claims)
    reference = {a.id: parse_iso(a.published.date) for a in articles}
    by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for c in mapped:
        by_article[c.article_id].append(c)
    story = story or {}
    return {
        a.id: ArticleScope(
            story=story.get(a.id, ""),
            keys=story_keys(by_article[a.id], own_day(a)),
            background=_buckets(by_article[a.id], reference.get(a.id)),
        )
        for a in articles
    }


def _buckets(claims: list[Claim], reference: date | None) -> tuple[BackgroundBucket, ...]:
    """Every background bucket a claim of the article may land in (those dated long before their
    article land there unless an episode of their story holds them)."""
    found: dict[tuple[str, str, str], None] = {}
    for c in claims:
        when = window(c)
        if (c.scope is not None and c.scope.kind is ScopeKind.background) or _is_background(c, when, reference):
            key = _background_key(c, when)
            found[(key[0], str(key[1]), _background_label(c).lower())] = None
    return tuple(BackgroundBucket(kind=k, value=v, label=lab) for k, v, lab in found)


class _Links:
    """Union-find over stories and the buckets that tie them."""

    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def find(self, x: tuple[str, str]) -> tuple[str, str]:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def affected_stories(
    seeds: Iterable[str],
    scopes: Mapping[str, ArticleScope],
    rows: Mapping[str, tuple[str, ...]],
    undated: Iterable[str],
) -> frozenset[str]:
    """The seed stories with every story tied to them.

    `scopes`: each article's scope, as it is now; `rows`: the stories each stored result draws
    on; `undated`: the stories with claims in the undated pool (stored, or found by a run).
    """
    links = _Links()
    labels: dict[str, set[str]] = {}  # year -> labels of the claims that may land in its bucket
    named: set[str] = set()  # labels of buckets known by their label alone
    for scope in scopes.values():
        node = ("story", scope.story)
        links.find(node)
        for b in scope.background:
            links.join(node, (b.kind, b.value))
            if b.kind == "bg-year" and b.label:
                labels.setdefault(b.value, set()).add(b.label)
            elif b.kind == "bg-label" and b.value:
                named.add(b.value)
    threshold = settings()["label_similarity"]
    for label in named:  # a label bucket may join any year bucket whose labels it resembles enough
        for year, said in labels.items():
            if max(fuzz.token_set_ratio(label, s) for s in said) >= threshold:
                links.join(("bg-label", label), ("bg-year", year))
    for stories in rows.values():
        for s in stories[1:]:
            links.join(("story", stories[0]), ("story", s))
    for s in undated:
        links.join(("story", s), ("pool", UNDATED))
    roots = {links.find(("story", s)) for s in seeds}
    return frozenset(node[1] for node in list(links.parent) if node[0] == "story" and links.find(node) in roots)


def result_stories(rec: Reconciliation, story_of: Mapping[str, str], undated: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The stories each result draws on (`story_of`: claim id -> its article's story): an event's
    claims', a conflict's and its event's, a final figure's story, or for the undated pool's
    figures every story in the pool."""
    pool = tuple(sorted(set(undated)))
    out: dict[str, tuple[str, ...]] = {}
    for e in rec.events:
        out[e.id] = tuple(sorted({story_of[c] for c in e.claim_ids}))
    for c in rec.conflicts:
        found = set(out.get(c.event_id or "", ())) | {story_of[i] for p in c.positions for i in p.claim_ids if i in story_of}
        out[c.id] = tuple(sorted(found))
    for t in rec.tallies:
        out[t.id] = (t.story,) if t.story else pool
    return out
