"""Where the fighting was: two sides that accuse each other and put the fighting in different places dispute it."""

from __future__ import annotations

from reconcile_kit import actor_claim, article, day, place_claim

from clashrecon.models import Claim, Field, Relation
from clashrecon.reconcile.places import place_disputes

A, B = article("a", "AP", "2022-09-13"), article("b", "Reuters", "2022-09-13")


def place(art, name: str, claimant: str | None, subject: str = "shelling") -> Claim:
    return place_claim(art, name, subject=subject, claimant=claimant, quote=f"{claimant} said {name} was shelled.", end=10)


def accuses(art, claimant: str, attacker: str) -> Claim:
    return actor_claim(art, "attack", "attack", attacker, claimant, when=day("2022-09-13"))


ACCOUNTS = [
    place(A, "Jermuk", "Armenia"), place(A, "Goris", "Armenia"), place(A, "Nagorno-Karabakh", "Armenia"),
    place(B, "Kalbajar", "Azerbaijan"), place(B, "Lachin", "Azerbaijan"), place(B, "Nagorno-Karabakh", "Azerbaijan"),
    accuses(A, "Armenia", "Azerbaijan"), accuses(B, "Azerbaijan", "Armenia"),
]


def test_each_side_s_own_places_are_its_position():
    [found] = place_disputes(ACCOUNTS, {})
    assert found.kind is Relation.disputed and found.field is Field.places
    assert sorted((p.claimants, p.value) for p in found.positions) == [
        (("Armenia",), "Goris, Jermuk"), (("Azerbaijan",), "Kalbajar, Lachin")
    ]


def test_a_side_that_owns_its_strikes_tells_one_account_with_the_other():
    owns = actor_claim(B, "attack", "attack", "Azerbaijan", "Azerbaijan", when=day("2022-09-13"))
    assert place_disputes([*ACCOUNTS, owns], {}) == []


def test_venues_mentions_and_outlets_say_nothing_of_where_fighting_was():
    claims = [
        place(A, "Brussels", "Armenia", subject="talks"), place(A, "Moscow", "Armenia", subject="mention"),
        place(B, "Kalbajar", "Reuters"), accuses(A, "Armenia", "Azerbaijan"), accuses(B, "Azerbaijan", "Armenia"),
    ]
    assert place_disputes(claims, {}) == []


def test_accounts_that_share_most_of_their_places_agree():
    claims = [
        place(A, "Jermuk", "Armenia"), place(A, "Goris", "Armenia"),
        place(B, "Jermuk", "Azerbaijan"), place(B, "Goris", "Azerbaijan"), place(B, "Lachin", "Azerbaijan"),
        accuses(A, "Armenia", "Azerbaijan"), accuses(B, "Azerbaijan", "Armenia"),
    ]
    assert place_disputes(claims, {}) == []
