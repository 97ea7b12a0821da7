"""Relations between claims and facts on small hand-built corpora about other clashes."""

from __future__ import annotations

import pytest
from reconcile_kit import actor_claim, article, casualty, cumulative, day, place

from clashrecon.models import Relation, Scope, ScopeKind, VictimGroup
from clashrecon.reconcile import reconcile

MON, TUE, WED = "2023-05-01", "2023-05-02", "2023-05-03"


def facts_of(rec):
    return {f.subject: f for e in rec.events for f in e.facts}


def kinds(rec):
    return {(c.kind, c.subject) for c in rec.conflicts}


def test_a_toll_that_rises_day_by_day_is_an_update_not_a_conflict():
    a, b, c = article("a", "AP", MON), article("b", "Reuters", TUE), article("c", "AFP", WED)
    rec = reconcile(
        [a, b, c],
        [
            casualty(a, 12, "Sudan", qualifier="at_least", when=day(MON)),
            casualty(b, 20, "Sudan", scope=cumulative(MON, TUE), when=day(TUE)),
            casualty(c, 31, "Sudan", scope=cumulative(MON, WED), when=day(WED)),
        ],
    )
    f = facts_of(rec)["Sudan · killed"]
    assert f.value == "≥12 → 20 → 31" and f.status is Relation.updated and f.best == 31
    assert not any(x.is_conflict for x in rec.conflicts)


def test_a_running_count_that_falls_below_the_same_claimants_earlier_floor_is_a_discrepancy():
    a, b = article("a", "AP", MON), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [casualty(a, 30, "Mali", qualifier="at_least", when=day(MON), claimant="Mali"), casualty(b, 12, "Mali", when=day(TUE), claimant="Mali")],
    )
    assert facts_of(rec)["Mali · killed"].status is Relation.discrepancy
    assert (Relation.discrepancy, "Mali · killed") in kinds(rec)


def test_a_lower_later_figure_from_someone_else_is_not_a_contradiction():
    """'At least 30', says the army on Monday; an outlet's 12 on Tuesday counts one town, or is stale."""
    a, b = article("a", "AP", MON), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [casualty(a, 30, "Mali", qualifier="at_least", when=day(MON), claimant="Mali"), casualty(b, 12, "Mali", when=day(TUE))],
    )
    assert not any(c.is_conflict for c in rec.conflicts)


def test_same_day_figures_from_opposing_claimants_are_a_discrepancy():
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [casualty(a, 14, "M23", claimant="Democratic Republic of the Congo", when=day(TUE)), casualty(b, 2, "M23", claimant="M23", when=day(TUE))],
    )
    [c] = [c for c in rec.conflicts if c.kind is Relation.discrepancy]
    assert [p.value for p in c.positions] == ["2", "14"]
    assert {p.claimants for p in c.positions} == {("M23",), ("Democratic Republic of the Congo",)}


def test_a_total_that_does_not_add_up_is_flagged():
    a = article("a", "AP", TUE)
    rec = reconcile(
        [a],
        [casualty(a, 10, "Israel", when=day(TUE)), casualty(a, 20, "Lebanon", when=day(TUE)), casualty(a, 45, "both", when=day(TUE))],
    )
    assert (Relation.discrepancy, "both sides · killed") in kinds(rec)
    [agg] = [c for c in rec.conflicts if c.kind is Relation.aggregate]
    assert "45 ≠ 10 + 20 = 30 ✗" in agg.explanation


@pytest.mark.parametrize("same_article", [True, False])
def test_a_total_below_the_sides_contradicts_only_the_article_that_prints_the_sides(same_article):
    """'170 wounded on both sides' beside Kabul's 361 from another report counts one province's wounded."""
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    side_article = a if same_article else b
    rec = reconcile(
        [a, b],
        [casualty(side_article, 361, "Afghanistan", kind="wounded", when=day(TUE)),
         casualty(side_article, 4, "Pakistan", kind="wounded", when=day(TUE)),
         casualty(a, 170, "both", kind="wounded", when=day(TUE))],
    )
    assert ((Relation.discrepancy, "both sides · wounded") in kinds(rec)) is same_article
    [agg] = [c for c in rec.conflicts if c.kind is Relation.aggregate]
    assert ("✗" in agg.explanation) is same_article


def test_a_regional_count_larger_than_the_whole_is_flagged():
    a = article("a", "AP", TUE)
    rec = reconcile([a], [casualty(a, 10, "Niger", when=day(TUE)), casualty(a, 15, "Niger", scope=place("Tillaberi"), when=day(TUE))])
    assert (Relation.discrepancy, "Niger · killed · in Tillaberi") in kinds(rec)


@pytest.mark.parametrize("one_sentence", [True, False])
def test_soldiers_counted_beside_civilians_in_one_sentence_are_the_other_part_not_the_toll(one_sentence):
    """'Thai officials say 13 civilians and seven soldiers died on their side': 7 is no overall toll below 13."""
    a = article("a", "AFP", TUE)
    civilians = Scope(kind=ScopeKind.group, group="civilians")
    rec = reconcile(
        [a],
        [casualty(a, 13, "Thailand", group=VictimGroup.civilians, scope=civilians, start=500, when=day(TUE)),
         casualty(a, 7, "Thailand", start=500 if one_sentence else 900, when=day(TUE))],
    )
    flagged = (Relation.discrepancy, "Thailand · killed · civilians") in kinds(rec)
    assert flagged is not one_sentence


def test_a_group_count_inside_the_toll_is_a_subtotal():
    a = article("a", "AP", TUE)
    rec = reconcile(
        [a],
        [casualty(a, 40, "Myanmar", when=day(TUE)), casualty(a, 13, "Myanmar", scope=Scope(kind=ScopeKind.group, group="children"), when=day(TUE))],
    )
    f = facts_of(rec)["Myanmar · killed · children"]
    assert f.status is Relation.subtotal and "part of 40 ✓" in f.note


def test_a_count_naming_no_side_joins_the_side_that_states_the_same_number():
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 7, None, headline=True, when=day(TUE)),
            casualty(a, 7, "Somalia", qualifier="at_least", when=day(TUE)),
            casualty(b, 3, "Kenya", when=day(TUE)),
        ],
    )
    assert facts_of(rec)["Somalia · killed"].articles == 1
    assert "no side named · killed" not in facts_of(rec)


def test_a_sideless_count_equal_to_both_sides_sum_is_the_total():
    a = article("a", "AP", TUE)
    rec = reconcile(
        [a],
        [casualty(a, 5, "India", when=day(TUE)), casualty(a, 4, "Pakistan", when=day(TUE)), casualty(a, 9, None, headline=True, when=day(TUE))],
    )
    assert "9 = 5 + 4 ✓" in facts_of(rec)["both sides · killed"].note


def test_increments_add_to_the_previous_figure():
    a, b = article("a", "AP", MON), article("b", "AP", TUE)
    rec = reconcile(
        [a, b],
        [casualty(a, 20, "Ukraine", kind="bodies", when=day(MON)), casualty(b, 12, "Ukraine", kind="bodies", scope=Scope(kind=ScopeKind.increment), when=day(TUE))],
    )
    assert facts_of(rec)["Ukraine · bodies"].best == 32


def test_each_side_blaming_the_other_is_disputed_but_allies_agreeing_is_not():
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [
            actor_claim(a, "blame", "initiator", "Thailand", "Cambodia", when=day(TUE)),
            actor_claim(b, "blame", "initiator", "Cambodia", "Thailand", when=day(TUE)),
        ],
    )
    [c] = [c for c in rec.conflicts if c.kind is Relation.disputed]
    assert {p.value: p.claimants for p in c.positions} == {"Thailand": ("Cambodia",), "Cambodia": ("Thailand",)}
    rec = reconcile(
        [a, b],
        [
            actor_claim(a, "blame", "initiator", "Armenia", "Azerbaijan", when=day(TUE)),
            actor_claim(b, "blame", "initiator", "Armenia", "Turkey", when=day(TUE)),
        ],
    )
    assert not [c for c in rec.conflicts if c.kind is Relation.disputed]
    assert facts_of(rec)["initiator (blame)"].status is Relation.agreed


def test_an_outlet_telling_both_accusations_does_not_make_the_sides_agree():
    """One wire story says India blames Pakistan and Pakistan blames India: the outlet, speaking in
    its own voice in a third sentence, is on neither side."""
    from clashrecon.models import ClaimantRole

    a, b = article("a", "PTI", TUE), article("b", "Reuters", TUE)

    def told_by_the_outlet(blamed: str):
        c = actor_claim(a, "blame", "initiator", blamed, None, when=day(TUE))
        return c.model_copy(update={"claimant": "PTI", "claimant_role": ClaimantRole.outlet})

    rec = reconcile(
        [a, b],
        [
            actor_claim(a, "blame", "initiator", "Pakistan", "India", when=day(TUE)),
            actor_claim(b, "blame", "initiator", "India", "Pakistan", when=day(TUE)),
            told_by_the_outlet("India"),
            told_by_the_outlet("Pakistan"),
        ],
    )
    [c] = [c for c in rec.conflicts if c.kind is Relation.disputed]
    assert {p.value for p in c.positions} == {"India", "Pakistan"}


def test_one_origin_is_a_single_source_however_many_copies():
    a, b, c = article("a", "AP", TUE), article("b", "AP", TUE), article("c", "AP", TUE)
    rec = reconcile([a, b, c], [casualty(x, 6, "Yemen", when=day(TUE)) for x in (a, b, c)])
    f = facts_of(rec)["Yemen · killed"]
    assert (f.articles, f.independent_sources, f.status) == (3, 1, Relation.single_source)


def test_soldiers_within_a_toll_are_a_group_not_a_discrepancy():
    from clashrecon.models import VictimGroup

    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 1200, "Israel", group=VictimGroup.people, when=day(TUE)),
            casualty(b, 300, "Israel", group=VictimGroup.military, when=day(TUE)),
        ],
    )
    assert not any(c.is_conflict for c in rec.conflicts)
    assert facts_of(rec)["Israel · killed · military"].status is Relation.subtotal


def test_rising_floors_the_same_day_are_an_update_but_a_past_war_s_are_a_discrepancy():
    from reconcile_kit import background, year

    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile([a, b], [casualty(a, 10, "Nigeria", qualifier="at_least", when=day(TUE)),
                             casualty(b, 25, "Nigeria", qualifier="at_least", when=day(TUE))])
    assert facts_of(rec)["Nigeria · killed"].value == "≥10 → ≥25"
    assert not any(c.is_conflict for c in rec.conflicts)
    rec = reconcile([a, b], [casualty(x, n, None, qualifier="more_than", scope=background("2014 war", 2014), when=year(2014))
                             for x, n in ((a, 2200), (b, 2300))])
    assert [c.kind for c in rec.conflicts] == [Relation.discrepancy]


def test_with_no_dates_at_all_running_counts_still_update_and_totals_still_add_up():
    from clashrecon.models import Scope, ScopeKind

    a, b = article("a", "AP"), article("b", "AP")
    running = Scope(kind=ScopeKind.cumulative)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 49, "Armenia", qualifier="at_least"),
            casualty(a, 50, "Azerbaijan"),
            casualty(a, 99, "both"),
            casualty(b, 105, "Armenia", scope=running),
            casualty(b, 50, "Azerbaijan"),
            casualty(b, 155, "both", scope=running),
        ],
    )
    facts = facts_of(rec)
    assert facts["Armenia · killed"].value == "≥49 → 105"
    assert "99 = 49 + 50 ✓" in facts["both sides · killed"].note
    assert "155 = 105 + 50 ✓" in facts["both sides · killed"].note
    assert not any(c.is_conflict for c in rec.conflicts)


def test_sources_dating_the_start_of_the_fighting_differently_are_a_times_discrepancy():
    from clashrecon.models import Claim, Field

    a, b = article("a", "AP", WED), article("b", "Reuters", WED)

    def start(art, iso, i):
        return Claim(id=f"t{i}", article=art.name, article_id=art.id, field=Field.times, kind="fighting_start",
                     subject="fighting_start", value=iso, quote=f"The fighting began on {iso}.", start=0, end=30,
                     event_time=day(iso))

    rec = reconcile([a, b], [start(a, MON, 1), start(b, TUE, 2), casualty(a, 3, "Mali", when=day(MON))])
    [c] = [c for c in rec.conflicts if c.field is Field.times]
    assert c.kind is Relation.discrepancy and [p.value for p in c.positions] == [MON, TUE]


@pytest.mark.parametrize(
    "second, quote, flagged",
    [
        ("2025-10-12", "The fighting began on Sunday.", True),  # a day apart: two datings of one start
        ("2025-10-15", "Deadly clashes erupted on the border overnight.", False),  # days later: another round's start
        ("2025-10-12", "The deadly clashes resumed at dawn on Sunday.", False),  # fighting that started again
        ("2025-10-12", "The border clashes started for the second day on Sunday morning.", False),  # a day of it
    ],
)
def test_a_start_dated_days_later_or_worded_as_a_resumption_is_another_rounds(second, quote, flagged):
    from clashrecon.models import Claim, Field

    a, b = article("a", "AP", "2025-10-12"), article("b", "Reuters", "2025-10-16")

    def start(art, iso, i, text):
        return Claim(id=f"t{i}", article=art.name, article_id=art.id, field=Field.times, kind="fighting_start",
                     subject="fighting_start", value=iso, quote=text, start=0, end=len(text), event_time=day(iso))

    rec = reconcile(
        [a, b],
        [start(a, "2025-10-11", 1, "The fighting began on Saturday night."), start(b, second, 2, quote),
         casualty(a, 3, "Mali", when=day("2025-10-11"))],
    )
    assert bool([c for c in rec.conflicts if c.field is Field.times]) is flagged


def test_a_start_only_bounded_by_a_week_is_no_second_dating():
    """DW: the fighting began 'earlier this week' (12-18 Sep); the others: on 14 September."""
    from clashrecon.models import Claim, Field

    a, b = article("a", "DW", "2022-09-16"), article("b", "AP", "2022-09-16")
    week = day("2022-09-12").model_copy(update={"end": "2022-09-18", "text": "earlier this week", "this_week": True})
    text = "The clashes apparently started earlier this week, with each country accusing the other of shelling."
    rec = reconcile(
        [a, b],
        [
            Claim(id="t1", article=a.name, article_id=a.id, field=Field.times, kind="fighting_start", subject="fighting_start",
                  value="earlier this week", quote=text, start=0, end=len(text), event_time=week),
            Claim(id="t2", article=b.name, article_id=b.id, field=Field.times, kind="fighting_start", subject="fighting_start",
                  value="2022-09-14", quote="Clashes on the border began on September 14.", start=0, end=44, event_time=day("2022-09-14")),
            casualty(b, 24, "Kyrgyzstan", when=day("2022-09-16")),
        ],
    )
    assert not [c for c in rec.conflicts if c.field is Field.times]


def test_each_side_owning_its_own_strikes_is_not_a_dispute():
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [
            actor_claim(a, "attack", "attack", "Israel", "Israel", when=day(TUE), attrs={"attacker": "Israel", "target": "Hamas"}),
            actor_claim(b, "attack", "attack", "Hamas", "Hamas", when=day(TUE), attrs={"attacker": "Hamas", "target": "Israel"}),
        ],
    )
    assert not [c for c in rec.conflicts if c.kind is Relation.disputed]


def test_a_side_whose_only_reports_give_no_number_is_an_unspecified_fact():
    # "our servicemen who died", with no count and no date: a fact without a figure, not a crash
    a, b, c = article("a", "AP", MON), article("b", "Reuters"), article("c", "AFP", TUE)
    rec = reconcile(
        [a, b, c],
        [
            casualty(a, 3, "Azerbaijan", when=day(MON)),
            casualty(b, 0, "Azerbaijan", qualifier="unspecified"),
            casualty(c, 0, "Azerbaijan", qualifier="unspecified", when=day(TUE)),
            casualty(c, 7, "Armenia", when=day(TUE)),
        ],
    )
    assert facts_of(rec)["Azerbaijan · killed"].best == 3
    assert facts_of(rec)["Armenia · killed"].best == 7


def test_a_headline_s_rounded_floor_does_not_compete_with_the_body_s_figure():
    """'Iran's toll passes 200' over a body's 224 and 'at least 224' that day: one toll, told three ways."""
    a, b = article("a", "AP", TUE), article("b", "Reuters", TUE)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 200, "Iran", qualifier="more_than", when=day(TUE), claimant="Iran", headline=True),
            casualty(a, 224, "Iran", when=day(TUE), claimant="Iran"),
            casualty(b, 224, "Iran", qualifier="at_least", when=day(TUE), claimant="Iran"),
        ],
    )
    assert not [c for c in rec.conflicts if c.is_conflict and c.subject == "Iran · killed"]


@pytest.mark.parametrize(
    "headline_figure, flagged",
    [(26, True), (23, False)],
    ids=["headline 26 over a text of 23: a discrepancy", "headline and text agree"],
)
def test_a_headline_and_its_own_text_giving_different_figures_disagree(headline_figure, flagged):
    """'Two killed, 26 injured' over an ombudsman's 23 injured in the text: a headline is written
    from the text, so one article saying both is no revision of its own figure."""
    a = article("a", "Public Radio", TUE)
    rec = reconcile(
        [a],
        [
            casualty(a, headline_figure, "Armenia", kind="wounded", when=day(TUE), claimant="Armenia", headline=True),
            casualty(a, 23, "Armenia", kind="wounded", when=day(TUE), claimant="Armenia"),
        ],
    )
    found = [c for c in rec.conflicts if c.is_conflict and c.subject == "Armenia · wounded"]
    assert bool(found) is flagged
    if flagged:
        assert "headline and its own text" in found[0].explanation


@pytest.mark.parametrize(
    "later, flagged",
    [
        (16, False),  # one barrage's wounded after 240 in all: a strike's count, not the running count
        (120, True),  # half the count is no strike's count: the running count fell
    ],
)
def test_a_figure_far_below_the_running_count_counts_one_strike(later, flagged):
    a, b = article("a", "AP", MON), article("b", "Reuters", WED)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 240, "Israel", kind="wounded", when=day(MON), claimant="Israel"),
            casualty(b, later, "Israel", kind="wounded", when=day(WED), claimant="Israel"),
        ],
    )
    assert ((Relation.discrepancy, "Israel · wounded") in kinds(rec)) is flagged
