"""Which casualty claims form one fact, the side a sideless count takes, and the notes relations give facts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from reconcile_kit import article, background, casualty, cumulative, day, place

from clashrecon.models import CasualtyKind, Relation, VictimGroup
from clashrecon.reconcile import reconcile
from clashrecon.reconcile.facts import FactKey, assign_sideless, casualty_facts, fill_from_siblings, weekday_label
from clashrecon.reconcile.relations import aggregates, subtotals

TUE, WED = "2022-09-13", "2022-09-14"
A = article("002.txt", "AP", TUE)
B = article("004.txt", "Reuters", WED)


def as_of(claims):
    return {c.id: date.fromisoformat(c.event_time.start) if c.event_time else None for c in claims}


def drafts_of(claims, background_event=False):
    return {d.key: d for d in casualty_facts(claims, as_of(claims), background_event)}


@pytest.mark.parametrize(
    "key, subject, id_text",
    [
        (FactKey("Armenia", CasualtyKind.killed, ("all", None)), "Armenia · killed",
         "FactKey(party='Armenia', kind='killed', scope=('all', None))"),
        (FactKey("Armenia", CasualtyKind.wounded, ("place", "Gegharkunik")), "Armenia · wounded · in Gegharkunik",
         "FactKey(party='Armenia', kind='wounded', scope=('place', 'Gegharkunik'))"),
        (FactKey(None, CasualtyKind.killed, ("group", "fighters")), "no side named · killed · fighters",
         "FactKey(party=None, kind='killed', scope=('group', 'fighters'))"),
    ],
)
def test_a_fact_key_names_its_subject_and_hashes_as_before_kinds_were_enums(key, subject, id_text):
    assert key.subject() == subject
    assert key.id_text() == id_text  # relation IDs are hashed from it


@pytest.mark.parametrize(
    "others, sideless, party",
    [
        # one side states the same number
        ([casualty(A, 49, "Armenia", qualifier="at_least", when=day(TUE))], casualty(A, 49, None, when=day(TUE)), "Armenia"),
        # the sum of both sides' figures of that day
        ([casualty(A, 49, "Armenia", when=day(TUE)), casualty(A, 50, "Azerbaijan", when=day(TUE))],
         casualty(A, 99, None, when=day(TUE)), "both"),
        # neither: stays sideless
        ([casualty(A, 49, "Armenia", when=day(TUE))], casualty(A, 7, None, when=day(TUE)), None),
    ],
)
def test_a_sideless_count_takes_the_side_it_can_only_belong_to(others, sideless, party):
    claims = [*others, sideless]
    [moved] = [c for c in assign_sideless(claims, as_of(claims), False) if c.id == sideless.id]
    assert moved.victim_party == party


def test_in_a_background_event_a_sideless_count_is_both_sides_toll():
    war = casualty(A, 6600, None, qualifier="more_than", scope=background("2020 war", 2020), group=VictimGroup.people)
    [moved] = assign_sideless([war], {war.id: None}, True)
    assert moved.victim_party == "both"


def test_a_count_takes_party_and_place_from_its_sentence():
    four = casualty(A, 4, "Armenia", scope=place("Gegharkunik"), when=day(TUE), start=50000)
    wounded = casualty(A, 43, None, kind="wounded", when=day(TUE), start=50000)
    filled = {c.id: c for c in fill_from_siblings([four, wounded])}[wounded.id]
    assert (filled.victim_party, filled.scope.place) == ("Armenia", "Gegharkunik")


def test_facts_are_one_per_party_kind_and_scope_each_tracked_over_reporting_days():
    claims = [
        casualty(A, 49, "Armenia", qualifier="at_least", claimant="Armenia", when=day(TUE)),
        casualty(B, 105, "Armenia", scope=cumulative(TUE, WED), claimant="Armenia", when=day(WED)),
        casualty(A, 4, "Armenia", scope=place("Gegharkunik"), claimant="Armenia", when=day(TUE)),
        casualty(B, 2, "Azerbaijan", kind="wounded", group=VictimGroup.civilians, when=day(WED)),
    ]
    drafts = drafts_of(claims)
    assert {k.subject() for k in drafts} == {"Armenia · killed", "Armenia · killed · in Gegharkunik", "Azerbaijan · wounded"}
    toll = drafts[FactKey("Armenia", CasualtyKind.killed, ("all", None))]
    assert [weekday_label(m.as_of) for m in toll.moments] == ["Tue 2022-09-13", "Wed 2022-09-14"]
    assert (toll.display(), toll.updated, toll.discrepant) == ("≥49 → 105", True, False)


def test_counts_of_different_people_the_same_day_are_two_facts_not_a_discrepancy():
    claims = [
        casualty(A, 1200, "Sudan", group=VictimGroup.people, when=day(TUE)),
        casualty(A, 300, "Sudan", group=VictimGroup.military, when=day(TUE)),
    ]
    drafts = drafts_of(claims)
    assert {k.subject(): d.display() for k, d in drafts.items()} == {"Sudan · killed": "1,200", "Sudan · killed · military": "300"}
    assert not any(d.discrepant for d in drafts.values())


def test_relations_return_the_notes_of_the_facts_they_relate_and_leave_drafts_alone():
    claims = [
        casualty(A, 49, "Armenia", when=day(TUE)),
        casualty(A, 50, "Azerbaijan", when=day(TUE)),
        casualty(A, 99, "both", when=day(TUE)),
        casualty(A, 4, "Armenia", scope=place("Gegharkunik"), when=day(TUE)),
    ]
    drafts = list(drafts_of(claims).values())
    origin = {A.id: "AP"}
    _, totals = aggregates(drafts, origin)
    _, parts = subtotals(drafts, origin)
    assert totals == {FactKey("both", CasualtyKind.killed, ("all", None)): ["99 = 49 + 50 ✓"]}
    assert parts == {FactKey("Armenia", CasualtyKind.killed, ("place", "Gegharkunik")): ["part of 49 ✓"]}
    with pytest.raises(dataclasses.FrozenInstanceError):
        drafts[0].claims = []


@pytest.mark.parametrize(
    "claims, subject, status, note",
    [
        ([casualty(A, 49, "Armenia", when=day(TUE)), casualty(A, 50, "Azerbaijan", when=day(TUE)), casualty(A, 99, "both", when=day(TUE))],
         "both sides · killed", Relation.aggregate, "99 = 49 + 50 ✓"),
        ([casualty(A, 49, "Armenia", when=day(TUE)), casualty(A, 4, "Armenia", scope=place("Gegharkunik"), when=day(TUE))],
         "Armenia · killed · in Gegharkunik", Relation.subtotal, "part of 49 ✓"),
        ([casualty(A, 4, "Armenia", scope=place("Gegharkunik"), when=day(TUE))],
         "Armenia · killed · in Gegharkunik", Relation.subtotal, "partial count; no overall figure reported"),
        ([casualty(A, 49, "Armenia", qualifier="at_least", when=day(TUE)), casualty(B, 105, "Armenia", when=day(WED))],
         "Armenia · killed", Relation.updated, "updated Wed 2022-09-14"),
    ],
)
def test_a_fact_takes_its_status_and_note_from_its_relations(claims, subject, status, note):
    rec = reconcile([A, B], claims)
    [fact] = [f for e in rec.events for f in e.facts if f.subject == subject]
    assert (fact.status, fact.note) == (status, note)


def test_a_long_list_of_figures_has_a_brief_form_first_latest_and_range():
    """A big story's running toll reported daily by outlets that disagree: the whole list is too long to read."""
    days = ["2022-09-13", "2022-09-14", "2022-09-15"]
    claims = [
        casualty(article(f"{d}-{i}.txt", f"O{i}", d), 10 * (k + 1) + j, "Armenia", claimant="Armenia", when=day(d))
        for k, d in enumerate(days)
        for i, j in enumerate((0, 3, 7))
    ]
    [toll] = drafts_of(claims).values()
    assert toll.display() == "10 → 13 → 17 → 20 vs 23 vs 27 → 30 vs 33 vs 37"  # over brief.max_chars
    assert toll.trail() == "10 → 30–37"  # the first figure, and the last day's spread
    assert toll.brief() == "10 → 30–37 (10–37 over 3 days)"
    short = drafts_of(claims[:2])[toll.key]
    assert short.brief() == short.trail() == short.display() == "10 → 13"  # short lists stay whole
    articles = [article(c.article, f"O{c.article[-5]}", c.article[:10]) for c in claims]
    [fact] = [f for e in reconcile(articles, claims).events for f in e.facts]
    assert (fact.value, fact.brief, fact.reports) == (toll.display(), toll.brief(), 9)
