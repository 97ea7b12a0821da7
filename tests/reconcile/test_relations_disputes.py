"""Disputes over who did what (reconcile/relations.py `disputes`, `victim_identity`): a denial
answering a blame, who asked for a truce, whether civilians were targeted, and who the dead were
when the enemy's fighters fell in their own assault. Claims as extraction gives them."""

from __future__ import annotations

import pytest
from reconcile_kit import actor_claim, article, casualty, day

from clashrecon.models import Relation, VictimGroup
from clashrecon.reconcile import reconcile

TUE = "2025-07-29"


def toll(art, side: str):
    """A count both reports print, which ties them into one event as a story's reports are."""
    return casualty(art, 12, side, when=day(TUE), claimant=side)


def disputed(rec) -> dict[str, dict[str, tuple[str, ...]]]:
    return {c.subject: {p.value: p.claimants for p in c.positions} for c in rec.conflicts if c.kind is Relation.disputed}


@pytest.mark.parametrize(
    "denier, dispute",
    [
        ("Cambodia", True),  # the one blamed answers back with a denial
        ("Laos", False),  # a third party's denial is not the accused answering
    ],
)
def test_the_blamed_sides_denial_disputes_the_blame(denier, dispute):
    a, b = article("a", "Reuters", TUE), article("b", "AFP", TUE)
    rec = reconcile(
        [a, b],
        [
            actor_claim(a, "blame", "ceasefire violation", "Cambodia", "Thailand", when=day(TUE)),
            actor_claim(b, "attack", "ceasefire violation", "denied", denier, when=day(TUE)),
        ],
    )
    found = disputed(rec).get("ceasefire violation (blame)")
    assert (found == {"Cambodia": ("Thailand",), "denied": (denier,)}) is dispute


@pytest.mark.parametrize(
    "claims, dispute",
    [
        # each side says the other asked for the truce
        ([("Afghanistan", "Pakistan"), ("Pakistan", "Afghanistan")], True),
        # one side names a mediator, the other names itself: no one answers back
        ([("Qatar", "Pakistan"), ("Afghanistan", "Afghanistan")], False),
    ],
)
def test_each_side_saying_the_other_asked_for_the_truce_is_a_dispute(claims, dispute):
    a, b = article("a", "Dawn", TUE), article("b", "Tolo", TUE)
    rec = reconcile(
        [a, b],
        [toll(a, "Afghanistan"), toll(b, "Afghanistan")]
        + [actor_claim(art, "ceasefire", "ceasefire request", asker, claimant, when=day(TUE)) for art, (asker, claimant) in zip((a, b), claims)],
    )
    assert ("ceasefire request" in disputed(rec)) is dispute


def test_an_accusation_of_targeting_civilians_against_the_accuseds_denial_is_a_dispute():
    a, b = article("a", "Armenpress", TUE), article("b", "APA", TUE)
    rec = reconcile(
        [a, b],
        [
            toll(a, "Armenia"),
            toll(b, "Armenia"),
            actor_claim(a, "attack", "civilian targeting by Azerbaijan", "asserted", "Armenia", when=day(TUE)),
            actor_claim(b, "attack", "civilian targeting by Azerbaijan", "denied", "Azerbaijan", when=day(TUE)),
        ],
    )
    assert disputed(rec)["civilian targeting by Azerbaijan (attack)"] == {"asserted": ("Armenia",), "denied": ("Azerbaijan",)}


@pytest.mark.parametrize(
    "enemy_quote, dispute",
    [
        ("Pakistan said its strikes killed more than 40 fighters in the camps.", True),
        ("Pakistan said more than 40 attackers died when their assault on its posts was repulsed.", False),
        ("Its army said more than 40 Taliban fighters were killed in an attempt on border posts.", False),
    ],
)
def test_fighters_killed_in_their_own_assault_do_not_dispute_the_sides_civilian_dead(enemy_quote, dispute):
    """Afghanistan counts 15 civilians killed by Pakistani fire; Pakistan counts more than 40 fighters."""
    a, b = article("a", "AFP", TUE), article("b", "Dawn", TUE)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 15, "Afghanistan", qualifier="at_least", when=day(TUE), claimant="Afghanistan", group=VictimGroup.civilians),
            casualty(b, 40, "Afghanistan", qualifier="more_than", when=day(TUE), claimant="Pakistan", quote=enemy_quote),
            casualty(b, 6, "Pakistan", when=day(TUE), claimant="Pakistan"),
        ],
    )
    assert any(s.startswith("victim identity") for s in disputed(rec)) is dispute
