"""Claims -> events: background events apart, consecutive days chained, undated claims attached."""

from __future__ import annotations

from reconcile_kit import actor_claim, article, background, casualty, day, year

from clashrecon.models import Precision, TimeRef
from clashrecon.reconcile import reconcile
from clashrecon.reconcile.clustering import anchor_day, cluster_claims, settings
from clashrecon.lexicon import load_data


def test_thresholds_live_in_the_data_file():
    cfg = load_data("reconcile.json")
    assert settings() is cfg["clustering"]
    for key in ("episode_gap_days", "max_event_span_days", "background_min_days", "label_similarity", "attach_similarity"):
        assert isinstance(cfg["clustering"][key], (int, float))
    assert cfg["about_tolerance"]["relative"] > 0


def test_wars_years_apart_and_an_earlier_meeting_are_separate_events():
    a = article("a", "AP", "2022-09-13")
    claims = [
        casualty(a, 6600, None, qualifier="more_than", scope=background("2020 war", 2020), when=year(2020)),
        casualty(a, 0, None, qualifier="unspecified", scope=background("1994 war", 1994), when=year(1994)),
        actor_claim(a, "diplomatic_contact", "meeting", "Brussels", None, when=day("2022-08-31")),
        casualty(a, 49, "Armenia", when=day("2022-09-13")),
    ]
    events = reconcile([a], claims).events
    assert [(e.when.start[:4], e.background) for e in events] == [("1994", True), ("2020", True), ("2022", True), ("2022", False)]


def test_a_background_label_without_a_year_joins_the_year_it_resembles():
    a, b = article("a", "AP", "2022-09-13"), article("b", "AP", "2022-09-13")
    claims = [
        casualty(a, 6600, None, qualifier="more_than", scope=background("six-week war in 2020", 2020), when=year(2020)),
        casualty(b, 6700, None, qualifier="more_than", scope=background("six-week war", 2020)),
    ]
    assert len(cluster_claims([a, b], claims)) == 1


def test_consecutive_days_chain_but_a_week_later_is_a_new_event():
    a, b, c = article("a", "AP", "2023-01-02"), article("b", "AP", "2023-01-03"), article("c", "AP", "2023-01-12")
    claims = [casualty(a, 3, "Mali", when=day("2023-01-02")), casualty(b, 5, "Mali", when=day("2023-01-03")), casualty(c, 9, "Mali", when=day("2023-01-12"))]
    events = reconcile([a, b, c], claims).events
    assert [(e.when.start, e.when.end) for e in events] == [("2023-01-02", "2023-01-03"), ("2023-01-12", "2023-01-12")]


def test_an_undated_claim_joins_its_own_article_s_event():
    a, b = article("a", "AP", "2023-01-02"), article("b", "AP", "2023-01-12")
    claims = [casualty(a, 3, "Mali", when=day("2023-01-02")), casualty(b, 9, "Mali", when=day("2023-01-12")), casualty(b, 9, "Mali", when=None)]
    events = reconcile([a, b], claims).events
    assert len(events[1].claim_ids) == 2


def test_a_night_window_belongs_to_the_morning_it_ends_in():
    night = TimeRef(start="2022-09-12T22:00", end="2022-09-13T06:00", precision=Precision.part_of_day)
    late = TimeRef(start="2022-09-12T18:00", end="2022-09-13T00:00", precision=Precision.part_of_day)
    assert anchor_day(night).isoformat() == "2022-09-13"
    assert anchor_day(late).isoformat() == "2022-09-12"


def test_the_event_starts_on_the_first_day_two_origins_confirm():
    a, b, c = article("a", "AP", "2023-01-03"), article("b", "Reuters", "2023-01-03"), article("c", "AP", "2023-01-03")
    claims = [
        casualty(a, 3, "Chad", when=day("2023-01-02", "late")),
        casualty(b, 5, "Chad", when=day("2023-01-03", "early")),
        casualty(c, 5, "Chad", when=day("2023-01-03")),
    ]
    [event] = reconcile([a, b, c], claims).events
    assert (event.when.start, event.when.part_of_day) == ("2023-01-03", "early")


def test_bucketing_scales_linearly_with_the_corpus():
    """2,000 articles of 20 claims each cluster without pairwise comparison (no time limit asserted)."""
    articles, claims = [], []
    for i in range(2000):
        a = article(f"a{i}", f"o{i % 50}", f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}")
        articles.append(a)
        d = a.published.date
        for j in range(20):
            claims.append(casualty(a, 5 + j, ["Mali", "Niger", None][j % 3], when=day(d)))
    rec = reconcile(articles, claims)
    assert sum(len(e.claim_ids) for e in rec.events) == len(claims)


def test_two_clashes_on_the_same_days_are_two_events():
    a, b, c = article("a", "AP", "2023-10-09"), article("b", "Reuters", "2023-10-09"), article("c", "AFP", "2023-10-09")
    claims = [
        casualty(a, 30, "Israel", when=day("2023-10-09")),
        actor_claim(a, "blame", "initiator", "Hamas", "Israel", when=day("2023-10-09")),
        casualty(b, 12, "Sudan", when=day("2023-10-09")),
        actor_claim(b, "attack", "attack", "Rapid Support Forces", "Sudan", when=day("2023-10-09"),
                    attrs={"attacker": "Rapid Support Forces", "target": "Sudan"}),
        casualty(c, 31, "Israel", when=day("2023-10-09")),
        casualty(c, 4, None, when=None),
    ]
    events = reconcile([a, b, c], claims).events
    assert len(events) == 2
    sides = sorted(sorted(e.actors) for e in events)
    assert sides == [["Hamas", "Israel"], ["Rapid Support Forces", "Sudan"]]
