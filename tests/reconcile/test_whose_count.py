"""Whose dead a count that names no side counts, and when one story's two figures are its own revision.

Each case is a few sentences of one article, in reading order (`start` is the sentence's offset),
written after the constructions of real wire copy.
"""

from __future__ import annotations

from datetime import date

import pytest
from reconcile_kit import article, casualty, day, place_claim

from clashrecon.models import CasualtyDetails, Field, Relation, Scope, ScopeKind, VictimGroup
from clashrecon.reconcile import reconcile
from clashrecon.reconcile.facts import casualty_facts

SAT = "2025-06-21"
A = article("a.txt", "Reuters", SAT)


def sides_of(claims, places=()):
    as_of = {c.id: date.fromisoformat(SAT) for c in claims}
    return {(d.key.party, d.key.kind, c.quantity.stated) for d in casualty_facts(claims, as_of, False, None, places) for c in d.claims}


def said(n, party=None, *, start, kind="killed", claimant=None, quote=None, group=VictimGroup.people, qualifier="exact"):
    return casualty(A, n, party, start=start, kind=kind, claimant=claimant, quote=quote, group=group, qualifier=qualifier, when=day(SAT))


def where(name, start, country=None):
    return place_claim(A, name, subject="casualties", quote=f"{name} also saw deaths.", claimant="Reuters", country=country, start=start, spanned=True)


def test_a_chain_of_sentences_keeps_the_side_of_the_first():
    """'The ministry said more than 400 Iranians were killed. Hours earlier a state agency put the
    toll at 430 dead and 3,500 injured. A rights group said it had counted 657 killed and 2,037
    wounded.' Every count is Iran's, the wounded too, though only the first sentence names Iran."""
    q1 = "The ministry said more than 400 Iranians had been killed in nine days."
    q2 = "Hours earlier a state agency had put the toll at 430 dead and 3,500 injured."
    q3 = "A rights group said it had counted 657 killed and 2,037 wounded."
    s2, s3 = len(q1) + 2, len(q1) + len(q2) + 4
    claims = [
        said(400, "Iran", start=0, quote=q1, claimant="Iran", qualifier="more_than"),
        said(430, start=s2, quote=q2),
        said(3500, start=s2, quote=q2, kind="wounded"),
        said(657, start=s3, quote=q3, claimant="Human Rights Activists News Agency"),
        said(2037, start=s3, quote=q3, kind="wounded", claimant="Human Rights Activists News Agency"),
    ]
    assert sides_of(claims) == {
        ("Iran", "killed", 400),
        ("Iran", "killed", 430),
        ("Iran", "wounded", 3500),
        ("Iran", "killed", 657),
        ("Iran", "wounded", 2037),
    }


@pytest.mark.parametrize(
    "place, country, side",
    [
        ("Muzaffarabad", None, None),  # a town data/places.json puts in Pakistan: not India's dead
        ("Bilal Colony", "Pakistan", None),  # the country the place claim itself gives
        ("Poonch", None, "India"),  # India's own district: the count follows
        ("Springfield", None, "India"),  # a place of no known country says nothing against it
    ],
)
def test_a_count_never_follows_into_a_sentence_whose_dead_fell_in_another_country(place, country, side):
    """'Indian officials said 13 people were killed in the shelling. Muzaffarabad also saw deaths,
    three killed when a mosque was hit.'"""
    q1 = "Indian officials said 13 people had been killed in the shelling."
    q2 = f"{place} also saw deaths when a mosque was hit, killing three."
    s2 = len(q1) + 2
    claims = [said(13, "India", start=0, quote=q1, claimant="India"), said(3, start=s2, quote=q2)]
    assert (side, "killed", 3) in sides_of(claims, [where(place, s2, country)])


@pytest.mark.parametrize(
    "claimant, group, dead_of_its_own, side",
    [
        ("Iran", VictimGroup.people, True, "Iran"),  # "the health ministry said 3,056 had been wounded"
        ("Iran", VictimGroup.civilians, True, "Iran"),
        ("Iran", VictimGroup.military, True, None),  # its soldiers' kills name the enemy's fighters
        ("Qatar", VictimGroup.people, False, None),  # a mediator with no dead of its own is no side
        ("Human Rights Activists News Agency", VictimGroup.people, True, None),  # not a country
        (None, VictimGroup.people, True, None),  # the outlet's own voice
    ],
)
def test_a_warring_countrys_own_voice_counts_its_own_people(claimant, group, dead_of_its_own, side):
    quote = "As of this morning the hostile regime has wounded 3,056 people with its missiles, the ministry said."
    claims = [said(3056, start=500, quote=quote, kind="wounded", claimant=claimant, group=group)]
    claims.append(said(24, "Israel", start=0, claimant="Israel", quote="Israeli authorities say 24 people have died."))
    if dead_of_its_own:
        claims.append(said(400, "Iran", start=2000, claimant="Iran", quote="The toll in Iran passed 400."))
    if claimant == "Qatar":
        claims.append(said(1, "Qatar", start=3000, kind="casualties", claimant="Qatar", quote="Qatar said nobody was hurt."))
        claims[-1] = claims[-1].model_copy(update={"victim_party": None})
    assert (side, "wounded", 3056) in sides_of(claims)


def flags(rec):
    return [(c.kind, c.subject) for c in rec.conflicts if c.field is Field.casualties and c.kind in (Relation.discrepancy, Relation.updated)]


@pytest.mark.parametrize(
    "first, second, relation",
    [
        # the story says its first figure was replaced
        ((16, "exact", "Israel", "Magen David Adom first said it had taken 16 people to hospitals."),
         (23, "at_least", "its director", "The barrage wounded at least 23 people in Israel, its director said."),
         Relation.updated),
        ((16, "exact", "Israel", "Rescuers had initially reported 16 people hurt in the strike."),
         (19, "exact", "rescue officials", "The barrage left 19 people wounded, rescue officials said."),
         Relation.updated),
        # one voice giving both figures revises itself
        ((16, "exact", "Magen David Adom", "Medics said 16 people were wounded in the strike."),
         (19, "exact", "Magen David Adom", "Medics later said 19 people were wounded."),
         Relation.updated),
        # two voices in one story still disagree: hospital sources' 16, civil society's 19
        ((16, "exact", "hospital sources", "Hospital sources said 16 people were wounded."),
         (19, "exact", "civil society groups", "Civil society groups gave a higher toll of 19 wounded."),
         Relation.discrepancy),
    ],
)
def test_one_wire_story_printing_two_figures_of_a_day_is_a_revision_only_when_it_says_so(first, second, relation):
    a = article("a.txt", "AP", SAT)
    claims = [
        casualty(a, n, "Israel", qualifier=q, kind="wounded", when=day(SAT), claimant=who, quote=text, group=VictimGroup.people)
        for n, q, who, text in (first, second)
    ]
    assert flags(reconcile([a], claims)) == [(relation, "Israel · wounded")]


def test_two_figures_from_two_outlets_stay_a_discrepancy_whatever_the_wording():
    """The rule is one lineage's own revision: two independent outlets printing 16 and 19 the same
    day (too close to be the count growing) disagree, even when one calls its figure the first."""
    a, b = article("a.txt", "AP", SAT), article("b.txt", "AFP", SAT)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 16, "Israel", kind="wounded", when=day(SAT), claimant="Israel", quote="Medics first said 16 people were hurt."),
            casualty(b, 19, "Israel", kind="wounded", when=day(SAT), claimant="Israel", quote="Medics said 19 people were hurt."),
        ],
    )
    assert (Relation.discrepancy, "Israel · wounded") in flags(rec)


@pytest.mark.parametrize(
    "killer, claimant, side",
    [
        (None, None, "Azerbaijan"),  # nothing against it: the count follows the sentence before
        ("Azerbaijan", None, None),  # "Azerbaijani units had shot dead ...": not Azerbaijan's dead
        ("Azerbaijan", "Azerbaijan", None),  # Baku's own troops fired, so its voice counts others
    ],
)
def test_a_count_never_joins_the_side_its_sentence_names_as_the_killer(killer, claimant, side):
    """'Baku said mines had killed four of its soldiers. A former Karabakh leader said Azerbaijani
    units had shot dead about a hundred people.' The hundred are not Azerbaijan's."""
    q1 = "Baku said mines had killed four of its soldiers on Tuesday."
    q2 = "Azerbaijani units had shot dead about 100 people there, he said."
    s2 = len(q1) + 2
    second = said(100, start=s2, quote=q2, claimant=claimant, qualifier="about")
    if killer is not None:
        second = second.model_copy(update={"attrs": CasualtyDetails(killer=killer)})
    claims = [said(4, "Azerbaijan", start=0, quote=q1, claimant="Azerbaijan", group=VictimGroup.military), second]
    assert (side, "killed", 100) in sides_of(claims)


@pytest.mark.parametrize(
    "second_kind, side",
    [
        ("wounded", "Afghanistan"),  # "rose to 40, all of them civilians, with 170 injured": the same town's people
        ("killed", None),  # "of the 40 dead, 12 were children": a part, not more of the same people
    ],
)
def test_the_other_kind_in_a_sentence_whose_count_found_its_side_is_the_same_peoples(second_kind, side):
    quote = "The toll from the fighting in the border town rose to 40, all of them civilians, with 170 injured."
    afghan = "Afghan health officials said 40 civilians were killed in the town."
    claims = [
        said(40, start=0, quote=quote, group=VictimGroup.civilians),
        said(170, start=0, quote=quote, kind=second_kind),
        said(40, "Afghanistan", start=500, quote=afghan, claimant="Afghanistan", group=VictimGroup.civilians),
        said(23, "Pakistan", start=900, quote="Pakistan said 23 of its soldiers died.", claimant="Pakistan"),
    ]
    assert (side, second_kind, 170) in sides_of(claims)


@pytest.mark.parametrize(
    "step_scope, side",
    [
        (ScopeKind.increment, "South Africa"),  # the toll the step brings the count to is the same side's
        (ScopeKind.event, None),  # two plain counts of one kind in a sentence: the second may be a part
    ],
)
def test_the_toll_a_step_brings_the_count_to_takes_the_steps_side(step_scope, side):
    quote = "Two of the wounded soldiers died later, taking the toll to 14."
    kabul = "Two South African peacekeepers were killed on Friday, the army said."
    claims = [
        said(2, start=0, quote=quote, claimant=None).model_copy(update={"scope": Scope(kind=step_scope, text="two")}),
        said(14, start=0, quote=quote, claimant=None),
        said(2, "South Africa", start=500, quote=kabul, claimant="South Africa"),
    ]
    assert (side, "killed", 14) in sides_of(claims)


@pytest.mark.parametrize(
    "qualifier, side",
    [
        ("at_least", "Thailand"),  # "at least 50" puts 50 forward: the same figure
        ("exact", "Thailand"),
        ("more_than", None),  # "more than 50" is no figure of 50: a coincidence of numbers
    ],
)
def test_a_sideless_figure_joins_the_side_that_states_it_only_as_the_same_figure(qualifier, side):
    claims = [
        said(50, start=0, kind="wounded", quote="Eight civilians died and 50 others were hurt in the province."),
        said(50, "Thailand", start=300, kind="wounded", qualifier=qualifier, claimant="Thailand",
             quote="Thai military sources said 50 people had been wounded in the strikes."),
    ]
    assert (side, "wounded", 50) in sides_of(claims)
