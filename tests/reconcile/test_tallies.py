"""The final figure per story, side and kind: authority first, then the latest word, over rounds."""

from __future__ import annotations

import pytest
from reconcile_kit import article, casualty, day

from clashrecon.models import Scope, ScopeKind, VictimGroup
from clashrecon.reconcile import reconcile

SUN, MON, WED, THU, SAT = "2025-10-12", "2025-10-13", "2025-10-15", "2025-10-16", "2025-10-18"


def tallies(rec):
    return {t.subject: t for t in rec.tallies}


def test_the_sides_own_figure_beats_the_other_sides_claim():
    """ISPR says 23 soldiers died; the Taliban say they killed 58 Pakistani soldiers."""
    a, b = article("a", "AP", SUN), article("b", "Reuters", SUN)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 23, "Pakistan", when=day(SUN), claimant="Pakistan"),
            casualty(b, 58, "Pakistan", when=day(SUN), claimant="Afghanistan"),
            casualty(b, 9, "Afghanistan", when=day(SUN), claimant="Afghanistan"),
        ],
    )
    t = tallies(rec)["Pakistan · killed"]
    assert (t.best, t.low, t.high, t.authority, t.claimant) == (23, 23, 23, "own side", "Pakistan")


def test_the_latest_figure_of_that_claimant_with_credible_same_day_figures_as_the_range():
    a, b, c = article("a", "AP", SUN), article("b", "Reuters", MON), article("c", "AFP", MON)
    rec = reconcile(
        [a, b, c],
        [
            casualty(a, 224, "Iran", when=day(SUN), claimant="Iran"),
            casualty(b, 610, "Iran", when=day(MON), claimant="Iran"),
            casualty(c, 974, "Iran", when=day(MON), claimant="Human Rights Activists"),
        ],
    )
    t = tallies(rec)["Iran · killed"]
    assert (t.best, t.low, t.high, t.reported) == (610, 610, 974, MON)


def test_a_latest_figure_far_below_the_highest_counts_one_place_and_leaves_the_total():
    """23 soldiers killed on Sunday; on Wednesday, six killed at one post: the running total stays 23.

    Wednesday's report is of the same episode (two quiet days are a lull, not a new round)."""
    a, b = article("a", "AP", SUN), article("b", "Reuters", WED)
    rec = reconcile(
        [a, b],
        [casualty(a, 23, "Pakistan", when=day(SUN), claimant="Pakistan"), casualty(b, 6, "Pakistan", when=day(WED), claimant="Pakistan")],
    )
    t = tallies(rec)["Pakistan · killed"]
    assert t.best == 23
    assert [r.best for r in t.rounds] == [23]


def test_steps_reported_after_a_pause_add_to_the_total():
    """23 killed on Sunday; 'six more soldiers were killed' on Wednesday: 29."""
    more = Scope(kind=ScopeKind.increment, text="six more")
    a, b = article("a", "AP", SUN), article("b", "Reuters", WED)
    rec = reconcile(
        [a, b],
        [casualty(a, 23, "Pakistan", when=day(SUN), claimant="Pakistan"), casualty(b, 6, "Pakistan", when=day(WED), scope=more)],
    )
    t = tallies(rec)["Pakistan · killed"]
    assert t.best == 29 and t.note == "23 + 6 reported later = 29"


def test_a_higher_toll_after_a_pause_is_the_new_running_total():
    a, b = article("a", "AP", SUN), article("b", "Reuters", SAT)
    rec = reconcile(
        [a, b],
        [casualty(a, 9, "Afghanistan", when=day(SUN), claimant="Afghanistan"), casualty(b, 40, "Afghanistan", when=day(SAT), claimant="Afghanistan")],
    )
    assert tallies(rec)["Afghanistan · killed"].best == 40


def test_an_increment_after_the_last_toll_is_added():
    increment = Scope(kind=ScopeKind.increment, text="three more")
    a, b = article("a", "AP", SUN), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [casualty(a, 14, "Mali", when=day(SUN), claimant="Mali"), casualty(b, 3, "Mali", when=day(MON), scope=increment)],
    )
    assert tallies(rec)["Mali · killed"].best == 17


@pytest.mark.parametrize("with_toll, best", [(False, 17), (True, 14)])
def test_an_increment_its_own_article_brings_into_a_toll_is_not_added_again(with_toll, best):
    """'Three more soldiers were killed on Monday, bringing the total to 13' after the UN's 14."""
    increment = Scope(kind=ScopeKind.increment, text="three more")
    a, b = article("a", "AP", SUN), article("b", "Daily", MON)
    claims = [casualty(a, 14, "Mali", when=day(SUN), claimant="Mali"), casualty(b, 3, "Mali", when=day(MON), scope=increment)]
    if with_toll:
        claims.append(casualty(b, 13, "Mali", when=day(MON)))
    assert tallies(reconcile([a, b], claims))["Mali · killed"].best == best


def test_a_modest_downward_correction_by_the_same_claimant_is_taken():
    """The minister's 5,332 wounded in the morning, the ministry's 4,870 at night: the later word stands."""
    a, b = article("a", "AP", SUN), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 5332, "Iran", kind="wounded", when=day(SUN), claimant="Iran"),
            casualty(b, 4870, "Iran", kind="wounded", when=day(MON), claimant="Iran"),
        ],
    )
    assert tallies(rec)["Iran · wounded"].best == 4870


def test_a_side_counting_its_civilians_and_soldiers_apart_has_their_sum():
    """Pakistan's army: 40 civilians killed, 13 servicemen died."""
    a, b = article("a", "AP", SUN), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 40, "Pakistan", when=day(SUN), claimant="Pakistan", group=VictimGroup.civilians),
            casualty(b, 13, "Pakistan", when=day(MON), claimant="Pakistan", group=VictimGroup.military),
        ],
    )
    t = tallies(rec)["Pakistan · killed"]
    assert (t.best, t.note) == (53, "40 civilians + 13 military = 53")


@pytest.mark.parametrize("everyone, best", [(50, 59), (70, 70)])
def test_parts_given_among_a_floor_add_up_when_they_pass_it(everyone, best):
    """'More than 50 wounded, among them 30 civilians and 29 soldiers', say Thai military sources."""
    a = article("a", "AP", SAT)
    among = {g: Scope(kind=ScopeKind.group, group=g) for g in ("civilians", "military")}
    rec = reconcile(
        [a],
        [
            casualty(a, everyone, "Thailand", kind="wounded", qualifier="more_than", when=day(SAT), claimant="Thailand", group=VictimGroup.people, start=0),
            casualty(a, 30, "Thailand", kind="wounded", when=day(SAT), claimant="Thailand", group=VictimGroup.civilians, scope=among["civilians"], start=0),
            casualty(a, 29, "Thailand", kind="wounded", when=day(SAT), claimant="Thailand", group=VictimGroup.military, scope=among["military"], start=0),
        ],
    )
    assert tallies(rec)["Thailand · wounded"].best == best


def test_another_claimants_split_counts_are_not_added():
    """India's claim of 35 Pakistani soldiers killed does not add to Pakistan's own 40 civilians."""
    a, b = article("a", "AP", SUN), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 40, "Pakistan", when=day(SUN), claimant="Pakistan", group=VictimGroup.civilians),
            casualty(b, 35, "Pakistan", when=day(MON), claimant="India", group=VictimGroup.military),
            casualty(b, 13, "India", when=day(MON), claimant="India"),
        ],
    )
    assert tallies(rec)["Pakistan · killed"].best == 40


def test_the_other_sides_claim_of_more_dead_is_no_step_of_the_sides_own_count():
    """Kabul: nine of its fighters dead. Pakistan, later: 'another 30 Taliban were killed'."""
    more = Scope(kind=ScopeKind.increment, text="another 30")
    a, b = article("a", "AP", SUN), article("b", "Reuters", WED)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 9, "Afghanistan", when=day(SUN), claimant="Afghanistan"),
            casualty(b, 30, "Afghanistan", when=day(WED), claimant="Pakistan", scope=more),
            casualty(b, 23, "Pakistan", when=day(WED), claimant="Pakistan"),
        ],
    )
    assert tallies(rec)["Afghanistan · killed"].best == 9


def test_one_strikes_count_the_same_day_is_no_low_end():
    """28 dead in all, says the prime minister's office; four of them in Beersheba, the same day."""
    a, b = article("a", "AP", MON), article("b", "Reuters", MON)
    rec = reconcile(
        [a, b],
        [casualty(a, 28, "Israel", when=day(MON), claimant="Israel"), casualty(b, 4, "Israel", when=day(MON), claimant="Israel")],
    )
    t = tallies(rec)["Israel · killed"]
    assert (t.low, t.best, t.high) == (28, 28, 28)


FEB1, FEB5 = "2025-02-01", "2025-02-05"


def _stale_own_count(later_claimant, later_n=2900, qualifier="at_least", own_again=None):
    """The government gives 773 dead on Saturday; on Wednesday a third party gives its count,
    and the Wednesday article recalls the 773 'announced on Saturday'."""
    a, b = article("a", "AP", FEB1), article("b", "AFP", FEB5)
    claims = [
        casualty(a, 773, "DR Congo", when=day(FEB1), claimant="DR Congo", group=VictimGroup.people),
        casualty(b, later_n, "DR Congo", qualifier=qualifier, when=day(FEB5), claimant=later_claimant, group=VictimGroup.people),
        casualty(b, 773, "DR Congo", when=day(FEB1), claimant="DR Congo", group=VictimGroup.people),
    ]
    if own_again is not None:
        claims.append(casualty(b, own_again, "DR Congo", when=day(FEB5), claimant="DR Congo", group=VictimGroup.people))
    return tallies(reconcile([a, b], claims))["DR Congo · killed"]


def test_a_third_partys_later_higher_count_overtakes_a_side_that_stopped_counting():
    t = _stale_own_count("United Nations")
    assert (t.best, t.authority, t.claimant) == (2900, "third party", "United Nations")


def test_the_side_keeps_its_word_when_it_gave_a_figure_as_late():
    """The government updated too on Wednesday (1,100): its own later word stands."""
    t = _stale_own_count("United Nations", own_again=1100)
    assert (t.best, t.authority) == (1100, "own side")


@pytest.mark.parametrize("qualifier", ["about", "vague"])
def test_an_outlets_loose_count_does_not_overtake_the_side(qualifier):
    t = _stale_own_count(None, qualifier=qualifier)
    assert (t.best, t.authority) == (773, "own side")


@pytest.mark.parametrize("qualifier", ["exact", "at_least"])
def test_an_outlets_exact_later_toll_or_floor_carries_the_sides_count_on(qualifier):
    """'Two of the wounded died later, taking the toll to 14', or 'at
    least 15 Thai troops' killed, in the outlet's own words, days after the army's last figure."""
    t = _stale_own_count(None, qualifier=qualifier)
    assert (t.best, t.authority) == (2900, "third party")


def test_a_third_partys_count_carrying_on_the_sides_civilians_adds_to_its_own_soldiers():
    """Kabul: nine fighters and 12 civilians dead; the next day the district health director
    counts 40 civilians dead: 40 civilians + 9 military."""
    a, b = article("a", "AP", SUN), article("b", "Reuters", THU)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 9, "Afghanistan", when=day(SUN), claimant="Afghanistan", group=VictimGroup.military),
            casualty(a, 12, "Afghanistan", when=day(SUN), claimant="Afghanistan", group=VictimGroup.civilians),
            casualty(b, 40, "Afghanistan", when=day(THU), claimant="the district health director", group=VictimGroup.civilians),
        ],
    )
    t = tallies(rec)["Afghanistan · killed"]
    assert (t.best, t.note, t.authority) == (49, "40 civilians + 9 military = 49", "third party")


@pytest.mark.parametrize(
    "later, qualifier, best",
    [
        (200, "about", 192),  # "around 200 combat deaths" a day later rounds the ministry's 192
        (250, "about", 250),  # a rounding the precise count does not fit is a new figure
        (200, "exact", 200),  # a precise later figure is the update
    ],
)
def test_a_later_rounding_of_the_sides_precise_count_does_not_replace_it(later, qualifier, best):
    a, b = article("a", "AP", WED), article("b", "RFE/RL", THU)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 192, "Azerbaijan", when=day(WED), claimant="Azerbaijan"),
            casualty(b, later, "Azerbaijan", qualifier=qualifier, when=day(THU), claimant="Azerbaijan"),
        ],
    )
    assert tallies(rec)["Azerbaijan · killed"].best == best


@pytest.mark.parametrize("floor, best", [(3500, 3500), (None, 2800)])
def test_a_round_recap_below_a_floor_the_side_gave_since_does_not_replace_it(floor, best):
    """The ministry: 2,800 hurt on Monday, 'more than 3,500' on Wednesday; a recap on Saturday:
    'almost 3,000'. Without the Wednesday floor the recap rounds the 2,800."""
    a, b, c = article("a", "AP", MON), article("b", "AFP", WED), article("c", "Reuters", SAT)
    claims = [
        casualty(a, 2800, "Lebanon", kind="wounded", when=day(MON), claimant="Lebanon", group=VictimGroup.people),
        casualty(c, 3000, "Lebanon", kind="wounded", qualifier="about", when=day(SAT), claimant="Lebanon", group=VictimGroup.people),
    ]
    if floor is not None:
        claims.append(casualty(b, floor, "Lebanon", kind="wounded", qualifier="more_than", when=day(WED), claimant="Lebanon", group=VictimGroup.people))
    assert tallies(reconcile([a, b, c], claims))["Lebanon · wounded"].best == best


def _counted(claim, figure: str):
    """The claim with its span on `figure`, where its quote prints it."""
    at = claim.start + claim.quote.index(figure)
    return claim.model_copy(update={"span_start": at, "span_end": at + len(figure)})


def _coalition_story(own_latest: int, *more):
    """AP, Sunday: 'at least 13 peacekeepers and other foreign troops killed'; later each army
    gives its own toll: two South African peacekeepers, then 14; three of Malawi's peacekeepers."""
    a, c = article("a", "AP", SUN), article("c", "Reuters", SAT)
    return reconcile(
        [a, c],
        [
            _counted(casualty(a, own_latest, None, qualifier="at_least", when=day(SUN), start=0,
                              quote=f"At least {own_latest} peacekeepers and other foreign troops have been killed near the city."),
                     f"At least {own_latest}"),
            _counted(casualty(a, 2, "South Africa", when=day(SUN), claimant="South Africa", start=300,
                              quote="Two South African peacekeepers were killed on Friday, the army said."), "Two"),
            _counted(casualty(c, 3, "Malawi", when=day(SAT), claimant="Malawi", start=900,
                              quote="The Malawi Defence Force said three of its peacekeepers were killed."), "three"),
            _counted(casualty(c, 14, "South Africa", when=day(SAT), claimant="South Africa", start=0,
                              quote="The army said the toll of its soldiers had reached 14."), "14"),
            _counted(casualty(c, 700, "DR Congo", when=day(SAT), claimant="DR Congo", group=VictimGroup.people, start=500,
                              quote="The government said 700 people had been killed in the city."), "700"),
            *(claim(c) for claim in more),
        ],
    )


@pytest.mark.parametrize("own_latest, best", [(13, 17), (20, 20)])
def test_a_coalitions_final_figure_is_its_own_count_or_its_armies_sum_whichever_is_higher(own_latest, best):
    """17 = 14 South Africans + 3 Malawians; the host country's 700 dead are no part of it."""
    t = tallies(_coalition_story(own_latest))
    assert (t["peacekeepers · killed"].best, t["South Africa · killed"].best) == (best, 14)


def test_a_coalitions_count_is_no_part_of_a_both_sides_total():
    """717 dead on both sides = 700 Congolese + 3 Malawians + 14 South Africans; the 13 peacekeepers are among them."""
    def both(art):
        return _counted(casualty(art, 717, "both", when=day(SAT), start=1200, group=VictimGroup.people,
                                 quote="The fighting has killed 717 people on both sides, officials said."), "717")
    def foreign(art):
        return _counted(casualty(art, 17, None, when=day(SAT), start=1500, quote="So far 17 foreign troops have died in the fighting."), "17")

    rec = _coalition_story(13, both, foreign)
    totals = {c.kind.value for c in rec.conflicts if c.subject.startswith("both sides")}
    assert totals == {"aggregate"}


@pytest.mark.parametrize(
    "vague, best",
    [
        ((40, 99, "scores"), 57),  # "injured scores more" days later: the officials' 57 stands
        ((200, 999, "hundreds"), 200),  # a crowd word above the precise figure is news
    ],
)
def test_a_vague_later_count_does_not_replace_a_precise_one_it_could_be(vague, best):
    from clashrecon.models import Quantity

    a, b = article("a", "PTI", SUN), article("b", "Reuters", THU)
    later = casualty(b, 0, "India", kind="wounded", when=day(THU), claimant="India", group=VictimGroup.people)
    rec = reconcile(
        [a, b],
        [
            casualty(a, 57, "India", kind="wounded", when=day(SUN), claimant="India", group=VictimGroup.people),
            later.model_copy(update={"quantity": Quantity.vague(vague[0], vague[1], text=vague[2])}),
        ],
    )
    assert tallies(rec)["India · wounded"].best == best
