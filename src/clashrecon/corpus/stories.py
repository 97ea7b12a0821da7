"""Stories: which articles report the same clash, so that one story's dates never date another's.

One side is too little to go on: a country fights two neighbours in one year, and a capital is
shelled in one war and hosts another's talks. So a story is held together by a pair of warring
parties (attacker and target, accuser and blamed), or by a common side or place in reports
published close together. A report that names one side only is placed in the story of pairs that
shares most of its sides and places. Found through indexes key -> articles (union-find, dates
sorted per key), never by comparing article pairs. Pure Python over claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache

from clashrecon.lexicon import load_data
from clashrecon.models import BOTH, Article, Claim, ClaimantRole, EventDetails, EventKind, Field, ScopeKind, StoryKeys, TimeBasis


@lru_cache(maxsize=1)
def settings() -> dict:
    return load_data("reconcile.json")["stories"]


def own_day(article: Article) -> date | None:
    """The publication day the article's own metadata gives; None for a date the corpus passes
    inferred, which was inferred within a story and cannot tell stories apart."""
    if article.published.basis is not TimeBasis.explicit or not article.published.date:
        return None
    try:
        return date.fromisoformat(article.published.date[:10])
    except ValueError:
        return None  # a month or a year alone dates no day


def own_dates(articles: Iterable[Article]) -> dict[str, date]:
    """`own_day` of each article that has one, by id."""
    return {a.id: d for a in articles if (d := own_day(a)) is not None}


def _voiced(claim: Claim) -> bool:
    """Whether the claimant is someone in the story, not the outlet telling it in its own voice."""
    return claim.claimant_role is not ClaimantRole.outlet


def _parties(claim: Claim) -> set[str]:
    """The sides a claim is about: victims, attackers, targets, accusers and the blamed; never commentators."""
    found: set[str] = set()
    victim = claim.victim_party
    if victim and victim != BOTH:
        found.add(victim)
    d = claim.attrs
    if isinstance(d, EventDetails):
        found.update(name for name in (d.attacker, d.target, d.blamed) if name)
        if d.accuser and _voiced(claim):
            found.add(d.accuser)
    if claim.kind is EventKind.blame and claim.value:
        found.add(claim.value)
        if claim.claimant and _voiced(claim):
            found.add(claim.claimant)
    if claim.field is Field.places and claim.value:
        found.add("place:" + claim.value)  # where it happened ties copies that name no side
    return found


def _pairs(claim: Claim) -> set[frozenset[str]]:
    """The pairs of parties a claim sets against each other: attacker and target, accuser and blamed."""
    found: list[tuple[str | None, str | None]] = []
    d = claim.attrs
    if isinstance(d, EventDetails):
        found.append((d.attacker, d.target))
        if _voiced(claim):
            found.append((d.accuser, d.blamed))
    if claim.kind is EventKind.blame and _voiced(claim):
        found.append((claim.claimant, claim.value))
    return {frozenset(p) for p in found if p[0] and p[1] and p[0] != p[1] and BOTH not in p}


def sided_articles(claims: list[Claim]) -> set[str]:
    """Ids of the articles that name a side or a place of their own story (not of a background event)."""
    return {
        c.article_id
        for c in claims
        if (c.scope is None or c.scope.kind is not ScopeKind.background) and _parties(c)
    }


class _Union:
    """Union-find whose root is the smallest id, so a story is named by its first article."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, x: str) -> None:
        self.parent.setdefault(x, x)

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def roots(self) -> dict[str, str]:
        return {a: self.find(a) for a in self.parent}


def _chain(u: _Union, articles: list[str], published: Mapping[str, date], gap: int) -> None:
    """Dated articles of one key, tied in date order where at most `gap` days lie between neighbours."""
    dated = sorted((published[a], a) for a in articles if a in published)
    for (d0, a0), (d1, a1) in zip(dated, dated[1:]):
        if (d1 - d0).days <= gap:
            u.join(a0, a1)


def _by_key(articles: Iterable[str], keys: Mapping[str, set[str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        for key in keys.get(a, ()):
            found[key].append(a)
    return found


def stories(claims: list[Claim], published: Mapping[str, date] | None = None) -> dict[str, str]:
    """Articles grouped into stories (article id -> the id of the story's first article).

    `published`: the publication dates articles carry of their own (their metadata), by id; an
    article without one has no date to tell its story by.

    - Two articles that set one pair of parties against each other are one story, however far apart.
    - Two dated articles naming a common side or place are one story when published at most
      `gap_days` apart: India and Pakistan in May and Pakistan and Afghanistan in October are two.
    - A group so formed that names no pair (one side only) joins the story of pairs sharing most
      of its sides and places, then most reports naming them, however far apart: a side's
      admission months later of its dead belongs to the clash. A group of pairs with no date of
      its own likewise joins the story of pairs sharing most of its sides; one choice each, so an
      undated report naming Pakistan never ties May's story to October's.
    - Those that share nothing with a story of pairs group by any common side or place, as copies
      of one wire story naming one side do, unless both are dated more than `gap_days` apart.
    - Articles naming no side join the biggest story.

    Two clashes of the same days (Gaza and Sudan) stay apart: they share no side.
    """
    return stories_of(claims_by_article(claims), published)


def claims_by_article(claims: Iterable[Claim]) -> dict[str, StoryKeys]:
    """`story_keys` of each article's claims, in the order the articles first appear."""
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        grouped[c.article_id].append(c)
    return {article: story_keys(cs) for article, cs in grouped.items()}


def story_keys(claims: Iterable[Claim], own: date | None = None) -> StoryKeys:
    """What the stories pass reads of one article's claims: the sides and places its claims about its
    own story name (never a background event's), and the pairs of parties they set against each other."""
    parties: set[str] = set()
    pairs: set[frozenset[str]] = set()
    any_claim = current = False
    for c in claims:
        any_claim = True
        if c.scope is None or c.scope.kind is not ScopeKind.background:
            current = True
            parties |= _parties(c)
            pairs |= _pairs(c)
    return StoryKeys(
        claims=any_claim,
        current=current,
        own_day=own.isoformat() if own is not None else None,
        parties=tuple(sorted(parties)),
        pairs=tuple(sorted(tuple(sorted(p)) for p in pairs)),
    )


def stories_of(articles: Mapping[str, StoryKeys], published: Mapping[str, date] | None = None) -> dict[str, str]:
    """`stories` from each article's `story_keys` (article id -> keys, in store order; articles
    without claims take no part)."""
    published = published or {}
    gap = settings()["gap_days"]
    u = _Union()
    keys: dict[str, set[str]] = {}
    pairs: dict[str, set[frozenset[str]]] = {}
    for article, found in articles.items():
        if not found.claims:
            continue
        u.add(article)
        if found.current:
            keys[article] = set(found.parties)
            pairs[article] = {frozenset(p) for p in found.pairs}
    first_with: dict[frozenset[str], str] = {}
    for article, found in pairs.items():
        for pair in found:
            u.join(article, first_with.setdefault(pair, article))
    for found in _by_key(keys, keys).values():
        _chain(u, found, published, gap)

    roots = u.roots()
    paired = {roots[a] for a, found in pairs.items() if found}
    dated = {roots[a] for a in keys if a in published}
    naming: dict[str, Counter[str]] = defaultdict(Counter)  # key -> story of pairs -> its reports naming the key
    held: dict[str, set[str]] = defaultdict(set)  # a group's sides and places
    for article, found in keys.items():
        root = roots[article]
        held[root] |= found
        for key in found:
            if root in paired:
                naming[key][root] += 1
    size = Counter(roots.values())
    lone: set[str] = set()  # groups with no pair that share nothing with a story of pairs
    # one partner per group and none for a dated group of pairs, so no group ties two of those
    partner: dict[str, str] = {}
    for root, found in held.items():
        if root in paired and root in dated:
            continue
        shared: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for key in found:
            for story, reports in naming.get(key, Counter()).items():
                if story != root and (root not in paired or not key.startswith("place:")):
                    shared[story][0] += 1
                    shared[story][1] += reports
        if shared:
            partner[root] = max(sorted(shared), key=lambda s: (*shared[s], size[s]))
        elif root not in paired:
            lone.add(root)
    for root, story in partner.items():
        u.join(root, story)
    for found in _by_key((a for a, r in roots.items() if r in lone), keys).values():
        if all(a in published for a in found):
            _chain(u, found, published, gap)
        else:  # a report with no date can be told apart by nothing but its sides and places
            for a in found:
                u.join(a, found[0])

    roots = u.roots()
    members = Counter(roots.values())
    # an article tied to no other by anything but a place of its own ("Truth Social" misread as
    # one) names no side: like an article naming none, it joins the biggest story
    named = {roots[a] for a, found in keys.items() if any(not p.startswith("place:") for p in found)}
    with_sides = {r for a, r in roots.items() if keys.get(a) and (r in named or members[r] > 1)}
    sized = Counter(r for r in roots.values() if r in with_sides)
    biggest = sized.most_common(1)[0][0] if sized else None
    return {a: (r if r in with_sides or biggest is None else biggest) for a, r in roots.items()}
