"""Stories: which articles report the same clash, by the sides and places they share."""

from __future__ import annotations

from datetime import date

from reconcile_kit import actor_claim, article, casualty, place_claim

from clashrecon.corpus.chronology import story_references
from clashrecon.corpus.stories import own_dates, stories
from clashrecon.models import Claim, ClaimantRole, Segment, SegmentType, TimeBasis


def place(art, name: str) -> Claim:
    return place_claim(art, name, end=10)


def test_articles_sharing_a_side_are_one_story_and_another_clash_stays_apart():
    a, b, c = article("a", "AP", "2025-05-07"), article("b", "Reuters", "2025-05-07"), article("c", "AFP", "2025-05-07")
    found = stories([casualty(a, 26, "Pakistan"), casualty(b, 31, "Pakistan"), casualty(c, 12, "Sudan")])
    assert found[a.id] == found[b.id] != found[c.id]


def test_an_article_tied_to_none_by_anything_but_a_place_of_its_own_joins_the_biggest_story():
    """A truce report naming no side, whose only 'place' is a misread name, is no story of its own."""
    a, b, c = article("a", "AP", "2025-05-07"), article("b", "Reuters", "2025-05-08"), article("c", "AFP", "2025-05-10")
    found = stories([casualty(a, 26, "Pakistan"), casualty(b, 31, "Pakistan"), place(c, "Truth Social")])
    assert found[c.id] == found[a.id]


def test_two_articles_sharing_a_place_stay_a_story_of_their_own():
    a, b = article("a", "AP", "2025-05-07"), article("b", "Reuters", "2025-05-08")
    c, d = article("c", "AFP", "2025-05-10"), article("d", "AP", "2025-05-10")
    found = stories([casualty(a, 26, "Pakistan"), casualty(b, 31, "Pakistan"), place(c, "Goma"), place(d, "Goma")])
    assert found[c.id] == found[d.id] != found[a.id]


def own(name: str, origin: str, published: str, text: str = ""):
    """An article whose date is its own (metadata), as the story grouping reads it."""
    return article(name, origin, published, basis=TimeBasis.explicit).model_copy(update={"text": text})


def attack(art, attacker: str, target: str) -> Claim:
    return actor_claim(art, "attack", "attack", target, None, attrs={"attacker": attacker, "target": target})


def test_one_country_s_clashes_with_two_neighbours_months_apart_are_two_stories():
    """India-Pakistan in May, Pakistan-Afghanistan in October: Pakistan alone ties nothing across five months."""
    a, b = own("a", "AP", "2025-05-07"), own("b", "Reuters", "2025-05-08")
    c, d = own("c", "AFP", "2025-10-12"), own("d", "AP", "2025-10-13")
    claims = [attack(a, "India", "Pakistan"), casualty(b, 31, "Pakistan"), attack(c, "Afghanistan", "Pakistan"), casualty(d, 23, "Pakistan")]
    found = stories(claims, own_dates([a, b, c, d]))
    assert found[a.id] == found[b.id] != found[c.id] == found[d.id]


def test_an_undated_report_joins_the_story_of_its_pair_or_the_one_sharing_most_of_its_sides_and_places():
    a, b = own("a", "AP", "2025-05-07"), own("b", "Reuters", "2025-10-12")
    pair, one_side = article("c", "AFP"), article("d", "AP")
    claims = [
        attack(a, "India", "Pakistan"), place(a, "Poonch"),
        attack(b, "Afghanistan", "Pakistan"), place(b, "Spin Boldak"),
        actor_claim(pair, "blame", "initiator", "India", "Pakistan"),
        casualty(one_side, 23, "Pakistan"), place(one_side, "Spin Boldak"),
    ]
    found = stories(claims, own_dates([a, b, pair, one_side]))
    assert found[pair.id] == found[a.id] != found[b.id] == found[one_side.id]


def test_a_report_months_later_naming_one_side_joins_its_story():
    """Armenia's admission in December of its September dead is no story of its own."""
    a, b = own("a", "AP", "2022-09-13"), own("b", "Reuters", "2022-09-14")
    later, elsewhere = own("c", "AFP", "2022-12-20"), own("d", "AP", "2022-12-20")
    claims = [attack(a, "Azerbaijan", "Armenia"), attack(b, "Azerbaijan", "Armenia"), casualty(later, 207, "Armenia", claimant="Armenia"),
              attack(elsewhere, "Russia", "Ukraine")]
    found = stories(claims, own_dates([a, b, later, elsewhere]))
    assert found[later.id] == found[a.id] == found[b.id] != found[elsewhere.id]


def test_an_outlet_blaming_in_its_own_voice_is_no_side_that_ties_stories():
    a, b = own("a", "Reuters", "2025-06-13"), own("b", "Reuters", "2025-06-13")
    voiced = [actor_claim(a, "blame", "initiator", "Israel", "Reuters"), actor_claim(b, "blame", "initiator", "India", "Reuters")]
    claims = [c.model_copy(update={"claimant_role": ClaimantRole.outlet}) for c in voiced]
    found = stories([*claims, casualty(a, 3, "Israel"), casualty(b, 5, "India")], own_dates([a, b]))
    assert found[a.id] != found[b.id]


def test_an_undated_report_is_dated_within_its_own_story_not_by_a_later_clash_of_one_of_its_sides():
    """The undated report of India's strikes 'early Wednesday' was told on Wednesday 7 May, not the
    Wednesday before the October fighting between Pakistan and Afghanistan."""
    texts = {
        "a": "Indian missiles struck Pakistan early Wednesday, officials said.",
        "b": "Afghan forces attacked Pakistani border posts on Saturday night, officials said.",
        "c": "India's strikes early Wednesday killed 26 people, Pakistan said.",
    }
    a, b = own("a", "AP", "2025-05-07", texts["a"]), own("b", "Reuters", "2025-10-12", texts["b"])
    c = article("c", "AFP").model_copy(update={"text": texts["c"]})
    arts = [x.model_copy(update={"segments": (Segment(start=0, end=len(x.text), type=SegmentType.body),)}) for x in (a, b, c)]
    claims = [attack(a, "India", "Pakistan"), attack(b, "Afghanistan", "Pakistan"), attack(c, "India", "Pakistan")]
    assert story_references(arts, claims)[c.id].day == date(2025, 5, 7)
