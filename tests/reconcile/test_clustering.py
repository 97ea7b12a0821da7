"""Claims -> events: one event per episode of fighting, context rows under it, background events apart."""

from __future__ import annotations

from reconcile_kit import actor_claim, article, background, casualty, day, year

from clashrecon.models import Precision, TimeRef
from clashrecon.reconcile import reconcile
from clashrecon.reconcile.clustering import anchor_day, cluster_claims, settings
from clashrecon.lexicon import load_data


def test_thresholds_live_in_the_data_file():
    cfg = load_data("reconcile.json")
    assert settings() is cfg["clustering"]
    for key in ("lull_days", "episode_min_origins", "background_min_days", "label_similarity", "attach_similarity"):
        assert isinstance(cfg["clustering"][key], (int, float))
    assert cfg["about_tolerance"]["relative"] > 0


def test_wars_years_apart_are_background_events_and_an_earlier_meeting_is_context():
    a = article("a", "AP", "2022-09-13")
    claims = [
        casualty(a, 6600, None, qualifier="more_than", scope=background("2020 war", 2020), when=year(2020)),
        casualty(a, 0, None, qualifier="unspecified", scope=background("1994 war", 1994), when=year(1994)),
        actor_claim(a, "diplomatic_contact", "meeting", "Brussels", None, when=day("2022-08-31")),
        casualty(a, 49, "Armenia", when=day("2022-09-13")),
    ]
    events = reconcile([a], claims).events
    assert [(e.when.start[:4], e.background) for e in events] == [("1994", True), ("2020", True), ("2022", False)]
    assert [(r.kind.value, r.when.start) for r in events[-1].context] == [("talks", "2022-08-31")]


def test_a_background_label_without_a_year_joins_the_year_it_resembles():
    a, b = article("a", "AP", "2022-09-13"), article("b", "AP", "2022-09-13")
    claims = [
        casualty(a, 6600, None, qualifier="more_than", scope=background("six-week war in 2020", 2020), when=year(2020)),
        casualty(b, 6700, None, qualifier="more_than", scope=background("six-week war", 2020)),
    ]
    assert len(cluster_claims([a, b], claims)) == 1


def _fighting(art, iso, n, side="Mali"):
    """A report of an attack on a day and its toll, as wire copy gives it."""
    return [
        actor_claim(art, "attack", "attack", side, None, when=day(iso), attrs={"attacker": "JNIM", "target": side}),
        casualty(art, n, side, when=day(iso)),
    ]


def test_days_of_fighting_chain_across_a_short_lull_into_one_episode():
    a, b, c = article("a", "AP", "2023-01-02"), article("b", "Reuters", "2023-01-03"), article("c", "AFP", "2023-01-06")
    claims = [*_fighting(a, "2023-01-02", 3), *_fighting(b, "2023-01-03", 5), *_fighting(c, "2023-01-06", 9)]
    events = reconcile([a, b, c], claims).events
    assert [(e.when.start, e.when.end) for e in events] == [("2023-01-02", "2023-01-06")]


def test_two_episodes_of_one_story_stay_apart_after_a_lull():
    """Fighting on 2-3 January, a week of quiet, then fighting again on the 12th, each told by two outlets."""
    a, b = article("a", "AP", "2023-01-03"), article("b", "Reuters", "2023-01-03")
    c, d = article("c", "AP", "2023-01-12"), article("d", "Reuters", "2023-01-12")
    claims = [*_fighting(a, "2023-01-02", 3), *_fighting(b, "2023-01-03", 5), *_fighting(c, "2023-01-12", 9), *_fighting(d, "2023-01-12", 9)]
    events = reconcile([a, b, c, d], claims).events
    assert [(e.when.start, e.when.end) for e in events] == [("2023-01-02", "2023-01-03"), ("2023-01-12", "2023-01-12")]


def test_fresh_clashes_after_one_quiet_day_begin_a_new_episode():
    a, b = article("a", "AP", "2025-10-12"), article("b", "Reuters", "2025-10-12")
    c, d = article("c", "AFP", "2025-10-15"), article("d", "AP", "2025-10-15")
    renewed = "Fighting between the two armies flared again on Wednesday, officials said."
    claims = [
        *_fighting(a, "2025-10-11", 23, "Pakistan"), *_fighting(b, "2025-10-12", 23, "Pakistan"),
        *_fighting(c, "2025-10-14", 15, "Pakistan"),
        actor_claim(d, "attack", "attack", "Pakistan", None, when=day("2025-10-15"), quote=renewed),
        casualty(d, 15, "Pakistan", when=day("2025-10-15")),
    ]
    events = reconcile([a, b, c, d], claims).events
    assert [(e.when.start, e.when.end) for e in events] == [("2025-10-11", "2025-10-12"), ("2025-10-14", "2025-10-15")]


def test_renewal_words_on_the_second_day_of_a_fight_do_not_split_it():
    a, b = article("a", "AP", "2022-09-13"), article("b", "Reuters", "2022-09-14")
    claims = [
        *_fighting(a, "2022-09-13", 49, "Armenia"),
        casualty(b, 155, "both", when=day("2022-09-14"), quote="155 troops have died since hostilities reignited on Tuesday."),
        *_fighting(b, "2022-09-14", 105, "Armenia"),
    ]
    assert len(reconcile([a, b], claims).events) == 1


def test_a_late_toll_from_one_outlet_updates_the_episode_instead_of_starting_one():
    """No fighting is reported on the 12th: the figure is a follow-up, shown as a context row."""
    a, b, c = article("a", "AP", "2023-01-02"), article("b", "Reuters", "2023-01-03"), article("c", "AP", "2023-01-12")
    claims = [*_fighting(a, "2023-01-02", 3), *_fighting(b, "2023-01-03", 5), casualty(c, 9, "Mali", when=day("2023-01-12"))]
    [event] = reconcile([a, b, c], claims).events
    assert (event.when.start, event.when.end) == ("2023-01-02", "2023-01-03")
    assert [(r.kind.value, r.when.start, r.summary) for r in event.context] == [("figures", "2023-01-12", "Later figures: Mali killed 9")]
    assert next(f for f in event.facts if f.subject == "Mali · killed").best == 9


def test_an_admission_months_later_about_the_episode_s_days_updates_its_facts():
    a, b = article("a", "AP", "2022-09-13"), article("b", "Reuters", "2022-09-14")
    later = article("c", "AFP", "2022-12-20")
    claims = [
        *_fighting(a, "2022-09-13", 49, "Armenia"),
        *_fighting(b, "2022-09-14", 105, "Armenia"),
        casualty(later, 207, "Armenia", when=day("2022-09-13"), claimant="Armenia",
                 quote="Armenia now says 207 of its soldiers died in the September 13-14 fighting."),
    ]
    [event] = reconcile([a, b, later], claims).events
    assert next(f for f in event.facts if f.subject == "Armenia · killed").best == 207


def test_a_sentence_giving_only_a_figure_joins_its_episode():
    a, b = article("a", "AP", "2023-01-02"), article("b", "Reuters", "2023-01-03")
    claims = [*_fighting(a, "2023-01-02", 3), *_fighting(b, "2023-01-03", 5), casualty(b, 12, "Mali", kind="wounded", when=None)]
    [event] = reconcile([a, b], claims).events
    assert "Mali · wounded" in {f.subject for f in event.facts}


def test_an_undated_claim_joins_its_own_article_s_event():
    a, b = article("a", "AP", "2023-01-02"), article("b", "AP", "2023-01-12")
    c = article("c", "Reuters", "2023-01-12")
    claims = [*_fighting(a, "2023-01-02", 3), *_fighting(b, "2023-01-12", 9), *_fighting(c, "2023-01-12", 9), casualty(b, 9, "Mali", when=None)]
    events = reconcile([a, b, c], claims).events
    assert len(events) == 2 and len(events[1].claim_ids) == 5


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
