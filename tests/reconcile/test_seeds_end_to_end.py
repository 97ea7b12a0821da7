"""The five seed articles ingested with the real pipeline: the issue's 'done when' on real extraction."""

from __future__ import annotations

import pytest

from conftest import cli_json


@pytest.fixture(scope="module")
def timeline(runner, seeds_db):
    return cli_json(runner, "timeline", "--db", str(seeds_db))


@pytest.fixture(scope="module")
def relations(runner, seeds_db):
    return cli_json(runner, "conflicts", "--all", "--db", str(seeds_db))


@pytest.fixture(scope="module")
def fighting(timeline):
    """The September 2022 fighting: the one event that is not background."""
    [event] = [e for e in timeline if not e["background"] and (e["when"]["start"] or "").startswith("2022-09")]
    return event


def fact(event, subject):
    matching = [f for f in event["facts"] if f["subject"] == subject]
    assert matching, f"no fact {subject!r}: {[(f['subject'], f['value']) for f in event['facts']]}"
    return matching[0]


def test_the_fighting_starts_early_on_13_september(fighting):
    assert fighting["when"]["start"].startswith("2022-09-13")
    assert fighting["when"]["end"].startswith("2022-09-14")


def test_background_events_are_apart_and_in_time_order(timeline):
    background = [e["when"]["start"][:10] for e in timeline if e["background"]]
    assert background == sorted(background)
    years = {b[:4] for b in background}
    assert {"1994", "2020"} <= years
    assert "2022-08-31" not in background  # the Brussels meeting is a context row, not an event


def test_the_brussels_meeting_is_a_context_row_of_the_september_episode(timeline, fighting):
    assert [e for e in timeline if not e["background"]] == [fighting]
    talks = [r for r in fighting["context"] if r["kind"] == "talks"]
    assert [r["when"]["start"] for r in talks] == ["2022-08-31"]
    assert talks[0]["summary"].startswith("Talks: Armenia, Azerbaijan")


def test_armenian_toll_at_least_49_in_5_articles_from_3_origins_updated_to_105(fighting, relations):
    f = fact(fighting, "Armenia · killed")
    assert f["value"] == "≥49 → 105"
    assert f["status"] == "updated" and f["best"] == 105
    assert (f["articles"], f["independent_sources"]) == (5, 3)
    [update] = [r for r in relations if r["kind"] == "updated" and r["subject"] == "Armenia · killed"]
    assert [p["value"].split(" (")[0] for p in update["positions"]] == ["≥49", "105"]


def test_azerbaijani_toll_is_50(fighting):
    f = fact(fighting, "Azerbaijan · killed")
    assert f["value"] == "50" and f["best"] == 50


def test_totals_are_consistent_with_the_sums(fighting, relations):
    f = fact(fighting, "both sides · killed")
    assert f["value"] in ("99 → 155", "~100 → 155")
    assert "= 49 + 50 ✓" in f["note"] and "155 = 105 + 50 ✓" in f["note"]
    assert any(r["kind"] == "aggregate" and r["subject"] == "both sides · killed" for r in relations)


@pytest.mark.parametrize("subject, value", [("Armenia · killed · in Gegharkunik", "4"), ("Armenia · wounded · in Gegharkunik", "43")])
def test_gegharkunik_counts_are_subtotals(fighting, relations, subject, value):
    f = fact(fighting, subject)
    assert (f["value"], f["status"]) == (value, "subtotal")
    assert any(r["kind"] == "subtotal" and r["subject"] == subject for r in relations)


def test_the_2020_war_toll_is_a_discrepancy(timeline, relations):
    [war] = [e for e in timeline if e["background"] and e["when"]["start"].startswith("2020")]
    disc = [r for r in relations if r["event_id"] == war["id"] and r["kind"] == "discrepancy"]
    assert disc and [p["value"] for p in disc[0]["positions"]] == [">6,600", ">6,700"]
    assert war["conflict"]


def test_the_initiator_of_the_fighting_is_disputed(relations):
    disputed = [r for r in relations if r["kind"] == "disputed" and r["subject"].startswith("initiator")]
    assert disputed, [(r["kind"], r["subject"]) for r in relations]
    by_value = {p["value"]: set(p["claimants"]) for p in disputed[0]["positions"]}
    assert "Azerbaijan" in by_value.get("Armenia", set())
    assert "Armenia" in by_value.get("Azerbaijan", set())


def test_no_conflict_between_49_and_105(relations):
    real = [r for r in relations if r["kind"] in ("discrepancy", "disputed")]
    assert not [r for r in real if r["subject"].startswith("Armenia · killed")]


def test_since_and_until_select_events_by_date(runner, seeds_db):
    recent = cli_json(runner, "timeline", "--db", str(seeds_db), "--since", "2022-09-01")
    assert [e["when"]["start"][:10] for e in recent] == ["2022-09-13"]
    old = cli_json(runner, "timeline", "--db", str(seeds_db), "--until", "2021-12-31")
    assert [e["when"]["start"][:4] for e in old] == ["1994", "2020"]


def test_conflicts_by_field(runner, seeds_db):
    actors = cli_json(runner, "conflicts", "--field", "actors", "--db", str(seeds_db))
    assert actors and {c["field"] for c in actors} == {"actors"}
    assert {c["kind"] for c in actors} == {"disputed"}
    casualties = cli_json(runner, "conflicts", "--field", "casualties", "--db", str(seeds_db))
    assert {c["kind"] for c in casualties} == {"discrepancy"}


def test_the_sides_put_the_fighting_in_different_places(runner, seeds_db):
    [dispute] = cli_json(runner, "conflicts", "--field", "places", "--db", str(seeds_db))
    accounts = {p["claimants"][0]: set(p["value"].split(", ")) for p in dispute["positions"]}
    assert dispute["kind"] == "disputed"
    assert {"Jermuk", "Goris", "Kapan"} <= accounts["Armenia"]
    assert {"Kalbajar", "Lachin"} <= accounts["Azerbaijan"]
