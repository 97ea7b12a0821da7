"""Where the fighting was, by each side's account: two sides putting it in different places is a dispute.

Armenia reporting shelling of Jermuk and Goris while Azerbaijan reports fire on its positions
in Kalbajar and Lachin is the sides telling different stories of one episode, which an
analyst records as disputed. Places only mentioned, and the venues of talks, say nothing of
where fighting was; outlets and third parties are not sides.
"""

from __future__ import annotations

from collections import defaultdict

from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import Claim, EventKind, Field, Relation
from clashrecon.reconcile.facts import position
from clashrecon.reconcile.relations import Found


def _sides_places(claims: list[Claim]) -> dict[str, dict[str, list[Claim]]]:
    """claimant side -> place -> the claims putting something there."""
    quiet = set(load_data("reconcile.json")["places"]["not_fighting"])
    lexicon = actor_lexicon()
    out: dict[str, dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        if c.field is Field.places and c.value and c.claimant and c.subject not in quiet and lexicon.is_belligerent(c.claimant):
            out[c.claimant][c.value].append(c)
    return out


def _accusers(claims: list[Claim]) -> tuple[set[tuple[str, str]], set[str]]:
    """(accuser, accused) pairs of attack and blame claims, and the sides that say they struck."""
    accused, admitted = set(), set()
    for c in claims:
        if c.field is Field.actors and c.kind in (EventKind.attack, EventKind.blame) and c.claimant and c.value:
            if c.claimant == c.value:
                admitted.add(c.claimant)
            else:
                accused.add((c.claimant, c.value))
    return accused, admitted


def place_disputes(claims: list[Claim], origin: dict[str, str]) -> list[Found]:
    """One dispute per pair of sides whose accounts share at most `max_shared` of their places.

    Only sides that accuse each other and neither of which says it struck: a side that owns
    its strikes tells of fighting on the other's soil too, so different places are then two
    halves of one account, not two accounts.
    """
    cfg = load_data("reconcile.json")["places"]
    by_side = _sides_places(claims)
    accused, admitted = _accusers(claims)
    sides = sorted(by_side, key=lambda s: (-sum(len(v) for v in by_side[s].values()), s))
    found = []
    for i, a in enumerate(sides):
        for b in sides[i + 1 :]:
            if {a, b} & admitted or not ((a, b) in accused and (b, a) in accused):
                continue
            shared = set(by_side[a]) & set(by_side[b])
            own_a, own_b = set(by_side[a]) - shared, set(by_side[b]) - shared
            if not own_a or not own_b or len(shared) / min(len(by_side[a]), len(by_side[b])) > cfg["max_shared"]:
                continue
            ranked = {side: sorted(own, key=lambda p: (-len(by_side[side][p]), p)) for side, own in ((a, own_a), (b, own_b))}
            positions = tuple(
                position(", ".join(names), [c for p in names for c in by_side[side][p]], origin) for side, names in ranked.items()
            )
            accounts = "; ".join(f"{p.value} according to {', '.join(p.claimants)}" for p in positions)
            found.append(
                Found(
                    Relation.disputed,
                    Field.places,
                    "where the fighting was",
                    positions,
                    f"the sides put the fighting in different places: {accounts}",
                    f"places|{a}|{b}",
                )
            )
    return found
