"""Judgement rules learnt from real multi-outlet stories: same-day rises, lagging parts, mutual blame."""

from __future__ import annotations

import pytest
from reconcile_kit import actor_claim, article, background, casualty, day, place, year

from clashrecon.models import Relation, VictimGroup
from clashrecon.reconcile import reconcile

MON, TUE = "2025-05-12", "2025-05-13"


def conflicts(rec):
    return [(c.kind, c.subject) for c in rec.conflicts if c.is_conflict]


@pytest.mark.parametrize(
    "low, high, claimants, flagged",
    [
        (4, 31, ("Pakistan", "Pakistan"), False),  # one authority's toll rose through the day
        (5, 8, (None, None), False),  # outlets printing the morning and the evening figure
        (606, 610, ("Iran", "Iran"), True),  # one release printed two ways
        (46, 57, ("Pakistan", "Pakistan"), True),  # too close to be a rise: 1.24 < 1.3
        (23, 58, ("Pakistan", "Afghanistan"), True),  # the side's own count against the other side's claim
        (9, 200, ("Pakistan", "Afghanistan"), True),  # however far apart
        (2, 8, ("Magen David Adom", "Israel"), False),  # one strike's dead beside the day's toll
        (17, 40, ("UNAMA", "health director"), True),  # two third parties' tolls: not a rise, not a part
        (5, 974, ("Pakistan", "Human Rights Activists News Agency"), False),  # a rights group is no other side: 5 counts one strike
    ],
)
def test_how_a_days_figures_that_cannot_all_be_true_relate(low, high, claimants, flagged):
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, low, "Pakistan", when=day(MON), claimant=claimants[0]),
            casualty(b, high, "Pakistan", when=day(MON), claimant=claimants[1]),
        ],
    )
    assert ((Relation.discrepancy, "Pakistan · killed") in conflicts(rec)) is flagged


def test_a_total_above_the_sides_earlier_figures_is_a_lag_not_a_conflict():
    """Monday: 13 Indian dead. Tuesday: 66 dead on both sides, before Pakistan's own count is in."""
    a, b = article("a", "AP", MON), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 13, "India", when=day(MON), claimant="India"),
            casualty(a, 5, "Pakistan", when=day(MON), claimant="Pakistan"),
            casualty(b, 66, "both", when=day(TUE)),
        ],
    )
    assert conflicts(rec) == []
    [agg] = [c for c in rec.conflicts if c.kind is Relation.aggregate]
    assert "a side's count lags" in agg.explanation


def test_a_total_below_the_sum_of_the_same_days_sides_is_still_flagged():
    a = article("a", "AP", MON)
    rec = reconcile(
        [a],
        [casualty(a, 13, "India", when=day(MON)), casualty(a, 31, "Pakistan", when=day(MON)), casualty(a, 30, "both", when=day(MON))],
    )
    assert (Relation.discrepancy, "both sides · killed") in conflicts(rec)


def test_a_place_count_above_an_older_overall_figure_is_a_partial_count():
    a, b = article("a", "AP", MON), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [casualty(a, 12, "India", when=day(MON), claimant="India"), casualty(b, 20, "India", when=day(TUE), scope=place("Poonch"))],
    )
    assert conflicts(rec) == []
    assert any(c.kind is Relation.subtotal and "reported earlier" in c.explanation for c in rec.conflicts)


def test_third_parties_naming_different_culprits_is_no_dispute_but_mutual_blame_is():
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    third = reconcile(
        [a, b],
        [actor_claim(a, "blame", "initiator", "M23", "South Africa"), actor_claim(b, "blame", "initiator", "South Africa", "Rwanda")],
    )
    assert not any(c.kind is Relation.disputed for c in third.conflicts)
    mutual = reconcile(
        [a, b],
        [actor_claim(a, "blame", "initiator", "Rwanda", "South Africa"), actor_claim(b, "blame", "initiator", "South Africa", "Rwanda")],
    )
    assert any(c.kind is Relation.disputed for c in mutual.conflicts)


def test_a_sides_toll_told_two_ways_the_same_day_is_flagged_across_events():
    """A week-long war: on day 8 the ministry's 610 (filed under the last fighting) beside a
    rights group's 974 counted up to day 7 (filed under the day before)."""
    d7, d8 = "2025-06-23", "2025-06-24"
    a, b = article("a", "AFP", d8), article("b", "AP", d8)
    first = [casualty(article("c", "Reuters", day_), n, "Iran", when=day(day_), claimant="Iran") for day_, n in (("2025-06-14", 78), ("2025-06-15", 224))]
    rec = reconcile(
        [a, b],
        first
        + [
            casualty(a, 610, "Iran", when=day(d8), claimant="Iran"),
            casualty(b, 974, "Iran", when=day(d7), claimant="Human Rights Activists News Agency"),
        ],
    )
    flags = [c for c in rec.conflicts if c.is_conflict and c.subject == "Iran · killed"]
    assert any({"610", "974"} <= {p.value.split(" (")[0] for p in c.positions} for c in flags)


def test_an_old_toll_told_again_beside_a_new_one_is_no_rival():
    """Thursday's paper repeats Monday's 224 beside a rights group's new 639."""
    mon, thu = "2025-06-16", "2025-06-19"
    a, b, c = article("a", "AFP", mon), article("b", "AP", thu), article("c", "Reuters", thu)
    rec = reconcile(
        [a, b, c],
        [
            casualty(a, 224, "Iran", when=day(mon), claimant="Iran"),
            casualty(b, 224, "Iran", when=day(thu), claimant="Iran"),
            casualty(c, 639, "Iran", when=day(thu), claimant="Human Rights Activists News Agency"),
        ],
    )
    assert conflicts(rec) == []


def test_one_release_printed_as_civilians_by_one_agency_and_people_by_another_is_a_discrepancy():
    """Rwanda's army: 25 civilians seriously wounded (AFP), 26 wounded (Reuters), same day."""
    a, b = article("a", "AFP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 25, "Rwanda", kind="wounded", when=day(MON), claimant="Rwanda", group=VictimGroup.civilians),
            casualty(b, 26, "Rwanda", kind="wounded", when=day(MON), claimant="Rwanda", group=VictimGroup.people),
        ],
    )
    assert (Relation.discrepancy, "Rwanda · wounded") in conflicts(rec)


def test_soldiers_well_within_a_days_toll_are_a_group_not_a_rival():
    a, b = article("a", "AFP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 1200, "Sudan", when=day(MON), group=VictimGroup.people),
            casualty(b, 300, "Sudan", when=day(MON), group=VictimGroup.military),
        ],
    )
    assert conflicts(rec) == []


def test_the_other_sides_claim_contradicts_the_sides_own_count_even_with_a_figure_between():
    """Kabul: nine of its fighters dead; an outlet's 23; Pakistan: more than 200 Taliban killed."""
    a, b, c = article("a", "AP", MON), article("b", "Reuters", MON), article("c", "AFP", MON)
    rec = reconcile(
        [a, b, c],
        [
            casualty(a, 9, "Afghanistan", when=day(MON), claimant="Afghanistan"),
            casualty(b, 23, "Afghanistan", when=day(MON)),
            casualty(c, 200, "Afghanistan", when=day(MON), claimant="Pakistan", qualifier="more_than"),
        ],
    )
    flags = [c for c in rec.conflicts if c.is_conflict and c.subject == "Afghanistan · killed"]
    assert any({"9", ">200"} <= {p.value for p in f.positions} for f in flags)


def test_a_total_is_checked_against_each_sides_highest_figure_so_far():
    """Friday: 78 dead in Iran. Saturday: 3 in Israel, 'about 60' in one Tehran strike, and at
    least 81 in both countries. A running count never falls, so Iran is still at 78: 78 + 3 = 81."""
    fri, sat = "2025-06-13", "2025-06-14"
    a, b = article("a", "AP", fri), article("b", "Reuters", sat)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 78, "Iran", when=day(fri), claimant="Iran"),
            casualty(b, 60, "Iran", qualifier="about", when=day(sat), claimant="Iran"),
            casualty(b, 3, "Israel", when=day(sat), claimant="Israel"),
            casualty(b, 81, "both", qualifier="at_least", when=day(sat)),
        ],
    )
    assert (Relation.discrepancy, "both sides · killed") not in conflicts(rec)
    [agg] = [c for c in rec.conflicts if c.kind is Relation.aggregate]
    assert "78" in agg.explanation and "✓" in agg.explanation


@pytest.mark.parametrize(
    "own_group, enemy_group, dispute",
    [
        (VictimGroup.civilians, VictimGroup.military, True),  # Pakistan: civilians; India: militants
        (VictimGroup.military, VictimGroup.military, False),  # both count fighters: one count, two figures
        (VictimGroup.civilians, VictimGroup.civilians, False),
    ],
)
def test_the_enemys_count_of_fighters_against_the_sides_own_civilians_is_a_dispute_over_who_died(own_group, enemy_group, dispute):
    """Pakistan says India's strikes killed 26 civilians; India says they killed more than 100 militants."""
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 26, "Pakistan", qualifier="at_least", when=day(MON), claimant="Pakistan", group=own_group),
            casualty(b, 100, "Pakistan", qualifier="more_than", when=day(MON), claimant="India", group=enemy_group),
            casualty(b, 5, "India", when=day(MON), claimant="India"),
        ],
    )
    identity = [c for c in rec.conflicts if c.subject.startswith("victim identity")]
    assert bool(identity) is dispute
    if dispute:
        assert identity[0].kind is Relation.disputed and identity[0].is_conflict
        assert (Relation.discrepancy, "Pakistan · killed") not in conflicts(rec)  # not one count told two ways
        assert "fighters according to India" in identity[0].explanation


def test_a_side_that_counts_its_own_fighters_too_sets_them_against_the_enemys_figure():
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 12, "Afghanistan", when=day(MON), claimant="Afghanistan", group=VictimGroup.civilians),
            casualty(a, 9, "Afghanistan", when=day(MON), claimant="Afghanistan", group=VictimGroup.military),
            casualty(b, 200, "Afghanistan", qualifier="more_than", when=day(MON), claimant="Pakistan", group=VictimGroup.military),
            casualty(b, 23, "Pakistan", when=day(MON), claimant="Pakistan"),
        ],
    )
    assert not [c for c in rec.conflicts if c.subject.startswith("victim identity")]


@pytest.mark.parametrize(
    "side, noun, dispute",
    [
        ("Pakistan", "militants", True),  # no army counts its own soldiers as militants
        ("Pakistan", "soldiers", False),  # the enemy's count of the side's soldiers: a rival figure
        ("Afghanistan", "terrorists", False),  # a movement's army: its enemy's "terrorists" are its fighters
    ],
)
def test_an_enemy_naming_the_dead_militants_disputes_who_they_were_even_beside_the_sides_own_soldiers(side, noun, dispute):
    """Pakistan counts 13 soldiers and 36 people killed; India says more than 100 militants died in its strikes."""
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    enemy = "India" if side == "Pakistan" else "Pakistan"
    quote = f"More than 100 {noun} were killed in the strikes on nine camps, {enemy} said."
    rec = reconcile(
        [a, b],
        [
            casualty(a, 36, side, when=day(MON), claimant=side, group=VictimGroup.people),
            casualty(a, 13, side, when=day(MON), claimant=side, group=VictimGroup.military),
            casualty(b, 100, side, qualifier="more_than", when=day(MON), claimant=enemy, group=VictimGroup.military,
                     quote=quote, start=0),
        ],
    )
    facts = {f.subject for e in rec.events for f in e.facts}
    assert (f"{side} · killed · fighters per {enemy}" in facts) is dispute


def test_floors_below_an_exact_figure_of_the_day_stand_beside_it():
    """'At least seven civilians were also killed', '13 deaths in all' and 'at least 13 people
    were killed' the same day can all be true: 13 pins the count, the floors are below it."""
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 7, "India", qualifier="at_least", when=day(MON), claimant="India", group=VictimGroup.civilians),
            casualty(a, 13, "India", when=day(MON), claimant="India"),
            casualty(b, 13, "India", qualifier="at_least", when=day(MON), claimant="India"),
        ],
    )
    assert (Relation.discrepancy, "India · killed") not in conflicts(rec)


def test_two_floors_of_a_settled_past_war_still_differ():
    """'more than 6,600' and 'more than 6,700' for the 2020 war: nothing pins the number."""
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 6600, None, qualifier="more_than", when=year(2020), scope=background("2020 war", 2020)),
            casualty(b, 6700, None, qualifier="more_than", when=year(2020), scope=background("2020 war", 2020)),
        ],
    )
    assert any(c.kind is Relation.discrepancy for c in rec.conflicts)


@pytest.mark.parametrize("same_article, flagged", [(False, False), (True, True)], ids=["parts from other reports lag", "one article's own sum fails"])
def test_a_total_above_the_same_days_sides_contradicts_only_the_article_that_prints_both(same_article, flagged):
    """'The death toll on both sides mounted to 66', beside that day's 15 Indian dead and one
    Pakistani death from another report: the parts lag or count one strike. An article that
    prints 66 as 15 and one contradicts itself."""
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    parts_in = b if same_article else a
    rec = reconcile(
        [a, b],
        [
            casualty(parts_in, 15, "India", when=day(TUE), claimant="India"),
            casualty(parts_in, 1, "Pakistan", when=day(TUE), claimant="Pakistan"),
            casualty(b, 66, "both", when=day(TUE)),
        ],
    )
    assert ((Relation.discrepancy, "both sides · killed") in conflicts(rec)) is flagged


@pytest.mark.parametrize(
    "claimed, claimed_group, flagged",
    [
        (35, VictimGroup.military, True),  # India's 35 Pakistani soldiers against Pakistan's own 11, days apart
        (9, VictimGroup.military, False),  # the enemy claims fewer than the side admits: nothing to set against
        (35, VictimGroup.civilians, False),  # other victims than the side's own soldiers: no rival count of them
    ],
)
def test_an_enemy_claiming_more_dead_than_the_side_ever_reported_is_a_discrepancy(claimed, claimed_group, flagged):
    a, b = article("a", "AP", MON), article("b", "Reuters", "2025-05-15")
    rec = reconcile(
        [a, b],
        [
            casualty(a, claimed, "Pakistan", when=day(MON), claimant="India", group=claimed_group),
            casualty(a, 3, "India", when=day(MON), claimant="India"),
            casualty(b, 11, "Pakistan", when=day("2025-05-15"), claimant="Pakistan", group=VictimGroup.military),
        ],
    )
    found = [c for c in rec.conflicts if c.is_conflict and c.subject == "Pakistan · killed"]
    assert bool(found) is flagged
    if flagged:
        assert {p.value for p in found[0].positions} == {"11 per Pakistan", "35 per India"}


@pytest.mark.parametrize(
    "official, counted, counter, days_apart, flagged",
    [
        (606, 974, "Human Rights Activists News Agency", 1, True),  # ministry and rights group, a day apart
        (400, 657, "a human rights group", 1, True),
        (3056, 2037, "the rights monitor", 1, True),  # the group names fewer than the ministry
        (606, 610, "a human rights group", 1, False),  # close enough to be timing
        (400, 657, "a human rights group", 3, False),  # days apart: the official count had not caught up
        (400, 657, "the United Nations", 1, False),  # the UN passes on the authorities' count as it grows
        (40, 974, "a human rights group", 1, False),  # 40 counts one strike, not the war
    ],
)
def test_an_independent_count_far_from_the_sides_own_at_about_the_same_time_is_a_discrepancy(official, counted, counter, days_apart, flagged):
    """'At least 657 killed, a rights group says' beside the ministry's 400: two counts of the same dead."""
    first, later = "2025-06-20", f"2025-06-{20 + days_apart}"
    a, b, c = article("a", "AFP", first), article("b", "AP", later), article("c", "Reuters", "2025-06-10")
    rec = reconcile(
        [a, b, c],
        [
            casualty(a, counted, "Iran", group=VictimGroup.people, when=day(first), claimant=counter),
            casualty(b, official, "Iran", group=VictimGroup.people, when=day(later), claimant="Iran"),
            casualty(c, 78, "Iran", group=VictimGroup.people, when=day("2025-06-10"), claimant="Iran"),
        ],
    )
    found = [x for x in rec.conflicts if x.is_conflict and {official, counted} <= {int(p.value.split(" ")[0].replace(",", "")) for p in x.positions}]
    assert bool(found) is flagged


@pytest.mark.parametrize(
    "rival, flagged",
    [
        ("Aid groups working in the town gave a higher toll of 25 dead.", True),
        ("A monitoring group put the toll higher, at 25.", True),
        ("Aid groups working in the town said 25 people had died.", False),  # a floor of 17 holds beside 25
    ],
)
def test_a_figure_its_sentence_sets_against_another_sources_is_a_rival_not_a_floor(rival, flagged):
    a = article("a", "AFP", MON)
    rec = reconcile(
        [a],
        [
            casualty(a, 17, "Sudan", qualifier="at_least", when=day(MON), claimant="hospital sources", start=0,
                     quote="Fighting in the town has killed at least 17 people, hospital sources said."),
            casualty(a, 25, "Sudan", when=day(MON), claimant="aid groups", start=200, quote=rival),
        ],
    )
    assert ((Relation.discrepancy, "Sudan · killed") in conflicts(rec)) is flagged


@pytest.mark.parametrize(
    "wording, flagged",
    [
        ("The army raised its toll to 31 dead on Wednesday evening, up from 26 earlier in the day.", False),
        ("The army's toll went from 26 to 31 dead in the evening.", False),
        ("The army put its toll at 31 dead on Wednesday evening.", True),  # 26 and 31 from one voice, too close for a rise
    ],
)
def test_a_higher_figure_that_says_it_rose_from_the_lower_is_an_update_however_close(wording, flagged):
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 26, "Pakistan", when=day(MON), claimant="Pakistan", quote="The army said 26 people were killed in the strikes."),
            casualty(b, 31, "Pakistan", when=day(MON), claimant="Pakistan", quote=wording),
        ],
    )
    assert ((Relation.discrepancy, "Pakistan · killed") in conflicts(rec)) is flagged


@pytest.mark.parametrize(
    "qualifier, flagged",
    [
        ("vague", False),  # "several others were injured": no figure to set against 16
        ("exact", True),  # the enemy's own 4 against the side's 16 is a rival count
    ],
)
def test_a_vague_count_is_no_rival_of_a_figure(qualifier, flagged):
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 4, "Afghanistan", kind="wounded", qualifier=qualifier, when=day(MON), claimant="Pakistan"),
            casualty(b, 16, "Afghanistan", kind="wounded", when=day(MON), claimant="Afghanistan"),
        ],
    )
    assert ((Relation.discrepancy, "Afghanistan · wounded") in conflicts(rec)) is flagged


@pytest.mark.parametrize(
    "given, flagged",
    [
        ("2025-06-16", False),  # "its last update, on Monday, put the wounded at 1,277", printed Thursday
        ("2025-06-18", True),  # "said on Wednesday", printed Thursday: still the news of its day
    ],
)
def test_a_figure_its_sentence_dates_days_before_its_article_is_told_again_not_a_rival(given, flagged):
    thu = "2025-06-19"
    a, b = article("a", "AP", thu), article("b", "Reuters", thu)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 1277, "Iran", kind="wounded", when=day(given), claimant="Iran", group=VictimGroup.people),
            casualty(b, 1329, "Iran", kind="wounded", when=day(thu), claimant="a human rights group", group=VictimGroup.people),
        ],
    )
    assert ((Relation.discrepancy, "Iran · wounded") in conflicts(rec)) is flagged


@pytest.mark.parametrize(
    "qualifiers, flagged",
    [
        (("at_least", "at_least"), False),  # "at least eight" and "at least nine" can both be true
        (("exact", "exact"), True),  # 8 and 9 cannot: one toll told two ways
    ],
)
def test_two_close_floors_of_a_day_both_hold(qualifiers, flagged):
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 8, "Lebanon", qualifier=qualifiers[0], when=day(MON), claimant="the health ministry", group=VictimGroup.people),
            casualty(b, 9, "Lebanon", qualifier=qualifiers[1], when=day(MON), claimant="Lebanon", group=VictimGroup.people),
        ],
    )
    assert ((Relation.discrepancy, "Lebanon · killed") in conflicts(rec)) is flagged


@pytest.mark.parametrize(
    "older, flagged",
    [
        ("The minister put the dead at 37, revising an earlier toll of {n}.", False),
        ("The death toll had earlier stood at {n}, the minister said.", False),
        ("{n} people died in the blasts, officials earlier said.", False),
        ("Officials said {n} people died in the blasts.", True),  # two tellings of one day: a rival
    ],
)
def test_a_figure_its_own_words_call_earlier_is_a_passed_step_not_a_rival(older, flagged):
    thu = "2025-06-19"
    a, b = article("a", "AFP", thu), article("b", "Reuters", thu)
    quote = older.format(n=32)
    old = casualty(a, 32, "Lebanon", when=day(thu), claimant="Lebanon", group=VictimGroup.people, quote=quote, start=0)
    at = quote.index("32")
    rec = reconcile(
        [a, b],
        [
            old.model_copy(update={"span_start": at, "span_end": at + 2}),
            casualty(b, 37, "Lebanon", when=day(thu), claimant="Lebanon", group=VictimGroup.people),
        ],
    )
    assert ((Relation.discrepancy, "Lebanon · killed") in conflicts(rec)) is flagged

