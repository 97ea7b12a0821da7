"""The seeds' claims as the extraction contract promises them, reconciled: the issue's 'done when'.

The claims are written by hand from the five seed articles, so these tests pin the
reconciliation rules independently of how well extraction does today
(tests/reconcile/test_seeds_end_to_end.py runs the real pipeline).
"""

from __future__ import annotations

import pytest
from reconcile_kit import actor_claim, article, background, casualty, cumulative, day, place, year

from clashrecon.models import Field, Relation, VictimGroup
from clashrecon.reconcile import reconcile

TUE, WED = "2022-09-13", "2022-09-14"


def seed_corpus():
    """The five seed articles and the claims an analyst would read in them."""
    a0 = article("000.txt", "AP", TUE)
    a1 = article("001.txt", "Reuters", TUE)
    a2 = article("002.txt", "AP", TUE)
    a3 = article("003.txt", "003.txt", TUE)
    a4 = article("004.txt", "AP", WED)
    tue, early = day(TUE), day(TUE, "early")
    claims = [
        casualty(a0, 49, "Armenia", claimant="Armenia", when=tue, headline=True),
        casualty(a0, 49, "Armenia", qualifier="at_least", claimant="Armenia", when=tue),
        casualty(a0, 49, "Armenia", qualifier="at_least", claimant="Armenia", when=early),
        casualty(a0, 6600, None, qualifier="more_than", scope=background("2020 war", 2020), when=year(2020), group=VictimGroup.people),
        casualty(a1, 49, "Armenia", claimant="Armenia", when=tue, headline=True),
        casualty(a1, 49, "Armenia", qualifier="at_least", claimant="Armenia", when=tue),
        casualty(a2, 99, "both", claimant="AP", when=tue, headline=True),
        casualty(a2, 100, "both", qualifier="about", claimant="AP", when=tue),
        casualty(a2, 49, "Armenia", qualifier="at_least", claimant="Armenia", when=tue),
        casualty(a2, 50, "Azerbaijan", claimant="Azerbaijan", when=tue),
        casualty(a2, 6600, None, qualifier="more_than", scope=background("2020 war", 2020), when=year(2020), group=VictimGroup.people),
        casualty(a2, 4, "Armenia", scope=place("Gegharkunik"), claimant="Armenia", when=tue, start=50000),
        casualty(a2, 43, None, kind="wounded", claimant="Armenia", when=tue, start=50000),
        casualty(a3, 49, "Armenia", qualifier="at_least", claimant="Armenia", when=early),
        casualty(a4, 155, "both", claimant="AP", when=tue, headline=True),
        casualty(a4, 155, "both", claimant="Armenia", scope=cumulative(TUE, WED), when=day(WED)),
        casualty(a4, 105, "Armenia", claimant="Armenia", scope=cumulative(TUE, WED), when=day(WED)),
        casualty(a4, 50, "Azerbaijan", claimant="Azerbaijan", when=day(WED)),
        casualty(a4, 100, "Armenia", qualifier="up_to", kind="bodies", claimant="Azerbaijan", when=day(WED)),
        casualty(a4, 6700, None, qualifier="more_than", scope=background("2020 war", 2020), when=year(2020), group=VictimGroup.people),
        casualty(a4, 2, "Azerbaijan", kind="wounded", claimant="Azerbaijan", when=day(WED), group=VictimGroup.civilians),
        actor_claim(a0, "blame", "initiator", "Armenia", "Azerbaijan", when=tue),
        actor_claim(a0, "blame", "initiator", "Armenia", "Turkey", when=tue),
        actor_claim(a1, "blame", "initiator", "Azerbaijan", "Armenia", when=early),
        actor_claim(a1, "blame", "initiator", "Armenia", "Azerbaijan", when=tue),
        actor_claim(a3, "blame", "initiator", "Armenia", "Azerbaijan", when=tue),
        actor_claim(a4, "attack", "fired on Russian outpost", "asserted", "Armenia", when=day(WED)),
        actor_claim(a4, "attack", "fired on Russian outpost", "denied", "Azerbaijan", when=day(WED)),
        actor_claim(a0, "attack", "attack", "Armenia", "Armenia", when=early,
                    attrs={"attacker": "Azerbaijan", "target": "Armenia", "weapons": ["artillery", "drones"]}),
        actor_claim(a3, "diplomatic_contact", "meeting", "Brussels", None, when=day("2022-08-31", basis=__import__("clashrecon.models", fromlist=["TimeBasis"]).TimeBasis.explicit),
                    attrs={"participants": ["Armenia", "Azerbaijan"], "mode": "meeting", "places": ["Brussels"]}),
        casualty(a2, 0, None, qualifier="unspecified", kind="casualties", when=year(1994), scope=background("1994 war", 1994)),
    ]
    return [a0, a1, a2, a3, a4], claims


@pytest.fixture(scope="module")
def seeds():
    return seed_corpus()


@pytest.fixture(scope="module")
def rec(seeds):
    return reconcile(*seeds)


def the_event(rec):
    return next(e for e in rec.events if not e.background and e.when.start == TUE)


def fact(rec, subject):
    """A fact of the September 2022 fighting."""
    return next(f for f in the_event(rec).facts if f.subject == subject)


def test_background_events_are_separate_and_in_time_order(rec):
    starts = [(e.when.start, e.when.precision.value, e.background) for e in rec.events]
    assert starts == [
        ("1994-01-01", "year", True),
        ("2020-01-01", "year", True),
        (TUE, "part_of_day", False),
    ]
    assert the_event(rec).when.part_of_day == "early" and the_event(rec).when.end == WED
    # the meeting two weeks before is told under the episode, never as an event of its own
    assert [(r.kind.value, r.when.start) for r in the_event(rec).context] == [("talks", "2022-08-31")]


def test_the_armenian_toll_is_at_least_49_updated_to_105(rec):
    f = fact(rec, "Armenia · killed")
    assert f.value == "≥49 → 105"
    assert f.status is Relation.updated
    assert (f.articles, f.independent_sources) == (5, 3)
    assert (f.low, f.best, f.high, f.conservative) == (105, 105, 105, 105)
    assert "updated Wed 2022-09-14" in f.note


def test_the_azerbaijani_toll_is_50(rec):
    f = fact(rec, "Azerbaijan · killed")
    assert f.value == "50" and f.best == 50
    assert f.status is Relation.single_source and (f.articles, f.independent_sources) == (2, 1)


def test_totals_add_up_to_the_sum_of_each_side(rec):
    f = fact(rec, "both sides · killed")
    assert f.value == "99 → 155"
    assert f.status is Relation.aggregate
    assert "99 = 49 + 50 ✓" in f.note and "155 = 105 + 50 ✓" in f.note


def test_regional_counts_are_subtotals(rec):
    killed = fact(rec, "Armenia · killed · in Gegharkunik")
    wounded = fact(rec, "Armenia · wounded · in Gegharkunik")
    assert (killed.value, killed.status) == ("4", Relation.subtotal)
    assert (wounded.value, wounded.status) == ("43", Relation.subtotal)
    kinds = {(c.kind, c.subject) for c in rec.conflicts}
    assert (Relation.subtotal, "Armenia · killed · in Gegharkunik") in kinds


def test_the_2020_war_toll_is_a_discrepancy(rec):
    war = next(e for e in rec.events if e.label == "2020 war")
    [disc] = [c for c in rec.conflicts if c.event_id == war.id and c.kind is Relation.discrepancy]
    assert [p.value for p in disc.positions] == [">6,600", ">6,700"]
    assert war.conflict


def test_the_initiator_is_disputed_with_both_positions(rec):
    [c] = [c for c in rec.conflicts if c.kind is Relation.disputed and c.subject.startswith("initiator")]
    by_value = {p.value: set(p.claimants) for p in c.positions}
    assert by_value == {"Armenia": {"Azerbaijan", "Turkey"}, "Azerbaijan": {"Armenia"}}


def test_the_russian_outpost_is_disputed(rec):
    assert any(c.kind is Relation.disputed and "Russian outpost" in c.subject for c in rec.conflicts)


def test_49_and_105_are_never_a_conflict(rec):
    for c in rec.conflicts:
        if c.is_conflict and c.field is Field.casualties:
            assert "Armenia · killed" != c.subject


def test_update_and_aggregate_are_listed_as_non_conflicts(rec):
    kinds = {(c.kind, c.subject) for c in rec.conflicts}
    assert (Relation.updated, "Armenia · killed") in kinds
    assert (Relation.aggregate, "both sides · killed") in kinds


def test_every_claim_lands_in_exactly_one_event(seeds, rec):
    ids = [cid for e in rec.events for cid in e.claim_ids]
    assert sorted(ids) == sorted(c.id for c in seeds[1])
