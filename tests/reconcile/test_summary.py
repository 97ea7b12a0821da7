"""An event's one-line summary, its actors and its places, written from the claims' typed details."""

from __future__ import annotations

import pytest
from reconcile_kit import actor_claim, article, casualty, day, place, place_claim

from clashrecon.models import Claim, ClaimantRole
from clashrecon.reconcile.summary import event_actors, event_places, summarize

TUE = "2022-09-13"
A = article("000.txt", "AP", TUE)


def shelled(name: str, subject: str | None = "attack") -> Claim:
    return place_claim(A, name, subject=subject, quote=f"Shelling hit {name}.", end=10, country="Armenia")


def attack(attacker: str, target: str, weapons: list[str], places: list[str] = ()) -> Claim:
    attrs = {"attacker": attacker, "target": target, "weapons": weapons, "places": list(places)}
    return actor_claim(A, "attack", f"attack on {target}", attacker, target, when=day(TUE), attrs=attrs)


def summary(claims: list[Claim], **kw) -> str:
    places = event_places(claims)
    return summarize(claims, background=kw.get("background", False), label=kw.get("label", ""), places=places)


@pytest.mark.parametrize(
    "claims, expected",
    [
        ([attack("Azerbaijan", "Armenia", ["artillery", "drones"], ["Jermuk"]), attack("Azerbaijan", "Armenia", ["artillery"])],
         "Azerbaijan attacks Armenia (artillery, drones) in Jermuk"),
        ([attack("Azerbaijan", "Armenia", ["artillery"]), attack("Armenia", "Azerbaijan", []),
          actor_claim(A, "blame", "initiator", "Armenia", "Azerbaijan", when=day(TUE),
                      attrs={"accuser": "Azerbaijan", "blamed": "Armenia", "what": "provocation"})],
         "Fighting between Azerbaijan and Armenia (artillery); blame traded"),
        ([actor_claim(A, "diplomatic_contact", "call", "Armenia & Russia", "Armenia", when=day(TUE),
                      attrs={"participants": ["Armenia", "Russia"], "mode": "call"})],
         "Diplomatic call: Armenia and Russia"),
        ([actor_claim(A, "protest", "protest", "Yerevan", None, when=day(TUE), attrs={"where": "Yerevan", "against": "Mr Pashinyan"})],
         "Protest in Yerevan"),
        ([casualty(A, 49, "Armenia", when=day(TUE)), casualty(A, 50, "Azerbaijan", when=day(TUE))],
         "Clash between Armenia and Azerbaijan"),
    ],
)
def test_the_summary_is_written_from_the_claims_details(claims, expected):
    assert summary(claims) == expected


def test_a_background_event_is_summarised_by_its_label():
    claims = [casualty(A, 6600, None, qualifier="more_than", when=day("2020-09-27"))]
    assert summary(claims, background=True, label="2020 war") == "2020 war (earlier event mentioned as context)"


def test_actors_are_counted_from_victims_and_every_actor_detail_most_named_first():
    claims = [
        attack("Azerbaijan", "Armenia", ["artillery"]),
        casualty(A, 49, "Armenia", when=day(TUE)),
        actor_claim(A, "ceasefire", "ceasefire", "agreed", "Armenia", when=day(TUE),
                    attrs={"broker": "Russia", "status": "agreed", "time": None}),
        actor_claim(A, "diplomatic_contact", "call", "Russia & Turkey", None, when=day(TUE),
                    attrs={"participants": ["Russia", "Turkey"], "mode": "call"}),
    ]
    assert event_actors(claims) == ("Armenia", "Russia", "Azerbaijan", "Turkey")


def test_places_only_mentioned_are_not_where_the_event_happened():
    claims = [
        shelled("Goris", subject="mention"),
        shelled("Jermuk"),
        attack("Azerbaijan", "Armenia", [], ["Jermuk", "Vardenis"]),
        casualty(A, 4, "Armenia", scope=place("Gegharkunik"), when=day(TUE)),
        actor_claim(A, "protest", "protest", "Yerevan", None, when=day(TUE), attrs={"where": "Yerevan", "against": None}),
    ]
    assert event_places(claims) == ("Jermuk", "Vardenis", "Gegharkunik", "Yerevan")
    assert event_places([shelled("Goris", subject="mention")]) == ("Goris",)  # all there is


@pytest.mark.parametrize("role, in_actors", [(ClaimantRole.outlet, False), (ClaimantRole.speaker, True)])
def test_an_outlet_blaming_in_its_own_voice_is_no_party_of_the_event(role, in_actors):
    """'Operation was in response to Pakistani airstrikes', in the outlet's own words: the event
    is about Pakistan, not about 'Pakistan and NationPress'."""
    blame = actor_claim(A, "blame", "initiator", "Pakistan", "NationPress", attrs={"accuser": "NationPress", "blamed": "Pakistan"})
    blame = blame.model_copy(update={"claimant_role": role})
    assert ("NationPress" in event_actors([blame])) is in_actors
