"""Stories: which articles report the same clash, so that one story's dates never date another's.

Two articles about a common side or place are one story, found through an index side -> article
(union-find), never by comparing article pairs. Pure Python over claims.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from clashrecon.models import BOTH, Claim, EventDetails, EventKind, Field, ScopeKind

def _parties(claim: Claim) -> set[str]:
    """The sides a claim is about: victims, attackers, targets, accusers and the blamed; never commentators."""
    found: set[str] = set()
    victim = claim.victim_party
    if victim and victim != BOTH:
        found.add(victim)
    d = claim.attrs
    if isinstance(d, EventDetails):
        found.update(name for name in (d.attacker, d.target, d.blamed, d.accuser) if name)
    if claim.kind is EventKind.blame and claim.value:
        found.add(claim.value)
        if claim.claimant:
            found.add(claim.claimant)
    if claim.field is Field.places and claim.value:
        found.add("place:" + claim.value)  # where it happened ties copies that name no side
    return found


def sided_articles(claims: list[Claim]) -> set[str]:
    """Ids of the articles that name a side or a place of their own story (not of a background event)."""
    return {
        c.article_id
        for c in claims
        if (c.scope is None or c.scope.kind is not ScopeKind.background) and _parties(c)
    }


def stories(claims: list[Claim]) -> dict[str, str]:
    """Articles grouped into stories: two articles about a common side or place are one story.

    Found through an index side -> article (union-find), never by comparing article pairs.
    Articles naming no side join the biggest story. The story keeps two clashes of the same
    days (Gaza and Sudan) apart.
    """
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    sides: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        parent.setdefault(c.article_id, c.article_id)
        if c.scope is None or c.scope.kind is not ScopeKind.background:
            sides[c.article_id] |= _parties(c)
    first_with: dict[str, str] = {}
    for article, found in sides.items():
        for party in found:
            other = first_with.setdefault(party, article)
            ra, rb = find(article), find(other)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    roots = {a: find(a) for a in parent}
    members = Counter(roots.values())
    # an article tied to no other by anything but a place of its own ("Truth Social" misread as
    # one) names no side: like an article naming none, it joins the biggest story
    named = {roots[a] for a, found in sides.items() if any(not p.startswith("place:") for p in found)}
    with_sides = {r for r in (find(a) for a in first_with.values()) if r in named or members[r] > 1}
    size = Counter(r for r in roots.values() if r in with_sides)
    biggest = size.most_common(1)[0][0] if size else None
    # a story is named by its first article, so adding an unrelated story renames nothing
    return {a: (r if r in with_sides or biggest is None else biggest) for a, r in roots.items()}
