"""`export --format ged`: UCDP GED's 49 columns, one row per event, the figures from the reconciliation."""

from __future__ import annotations

import pytest

from clashrecon.export.rows import Deaths, best, deaths, high, low
from clashrecon.geo import priogrid_gid
from clashrecon.models import BOTH, CasualtyKind, Event, Fact, Field, Precision, Relation, TimeRef
from export_kit import STORIES, csv_rows, exported, story_db

GED_COLUMNS = (
    "id relid year active_year code_status type_of_violence conflict_dset_id conflict_new_id conflict_name "
    "dyad_dset_id dyad_new_id dyad_name side_a_dset_id side_a_new_id side_a side_b_dset_id side_b_new_id side_b "
    "number_of_sources source_article source_office source_date source_headline source_original where_prec "
    "where_coordinates where_description adm_1 adm_2 latitude longitude geom_wkt priogrid_gid country country_id "
    "region event_clarity date_prec date_start date_end deaths_a deaths_b deaths_civilians deaths_unknown best "
    "high low gwnoa gwnob"
).split()
UCDP_IDS = ("id", "relid", "conflict_dset_id", "conflict_new_id", "dyad_dset_id", "dyad_new_id",
            "side_a_dset_id", "side_a_new_id", "side_b_dset_id", "side_b_new_id")  # fmt: skip


@pytest.fixture(scope="module")
def seeds_ged(runner, seeds_db):
    return csv_rows(exported(runner, "--format", "ged", "--db", str(seeds_db)))


def test_all_49_columns_in_geds_order(seeds_ged):
    header, _ = seeds_ged
    assert header == GED_COLUMNS and len(header) == 49


def test_the_13_14_september_fighting_is_one_row_of_155_armenia_105_azerbaijan_50(seeds_ged):
    _, rows = seeds_ged
    assert len(rows) == 1  # the 2020 war and the 1994 war are background, left out
    row = rows[0]
    assert (row["side_a"], row["side_b"]) == ("Government of Armenia", "Government of Azerbaijan")
    assert (row["deaths_a"], row["deaths_b"], row["deaths_civilians"], row["deaths_unknown"]) == ("105", "50", "0", "0")
    assert row["best"] == "155" == str(sum(int(row[c]) for c in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown")))
    assert (row["low"], row["high"]) == ("155", "155")
    assert (row["gwnoa"], row["gwnob"], row["country"], row["country_id"], row["region"]) == ("371", "373", "Armenia", "371", "Europe")
    assert (row["date_start"], row["date_end"], row["date_prec"], row["year"]) == ("2022-09-13", "2022-09-14", "2", "2022")
    assert row["type_of_violence"] == "1" and row["event_clarity"] == "2"  # an aggregate over places and two days
    assert row["dyad_name"] == "Government of Armenia - Government of Azerbaijan"


def test_the_seeds_row_lies_on_the_border_at_a_named_place_with_its_grid_cell(seeds_ged):
    row = seeds_ged[1][0]
    assert row["where_prec"] == "5" and row["where_description"].startswith("Armenia–Azerbaijan border: ")
    for place in ("Jermuk", "Kalbajar", "Lachin", "Verin Shorzha"):
        assert place in row["where_description"]
    assert "Brussels" not in row["where_description"]  # the venue of talks is not where the fighting was
    lat, lon = float(row["latitude"]), float(row["longitude"])
    assert row["where_coordinates"] in row["where_description"]
    assert row["priogrid_gid"] == str(priogrid_gid(lat, lon))
    assert row["geom_wkt"] == f"POINT ({row['longitude']} {row['latitude']})"


def test_ucdp_identifiers_are_left_empty_and_sources_are_listed(seeds_ged):
    row = seeds_ged[1][0]
    assert all(row[c] == "" for c in UCDP_IDS)
    assert row["number_of_sources"] == "5" and row["source_office"] == "AP; Reuters"
    assert row["source_article"].count(".txt") == 5 and "2022-09-13" in row["source_date"]
    assert "Armenia" in row["source_original"].split("; ")


def test_background_events_come_with_background(runner, seeds_db):
    _, rows = csv_rows(exported(runner, "--format", "ged", "--background", "--db", str(seeds_db)))
    years = [r["year"] for r in rows]
    assert years == ["1994", "2020", "2022"]
    war = rows[1]
    assert war["date_prec"] == "5" and int(war["best"]) > 6600


def test_event_selects_one_row(runner, seeds_db):
    from conftest import cli_json

    ids = [e["id"] for e in cli_json(runner, "timeline", "--db", str(seeds_db))]
    _, rows = csv_rows(exported(runner, "--format", "ged", "--event", ids[0], "--db", str(seeds_db)))
    assert [r["year"] for r in rows] == ["1994"]  # asked for by ID, a background event is exported


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_every_story_row_has_a_type_a_date_precision_a_place_precision_and_adds_up(runner, tmp_path_factory, story):
    _, rows = csv_rows(exported(runner, "--format", "ged", "--db", str(story_db(runner, story, tmp_path_factory))))
    assert rows
    for row in rows:
        assert row["type_of_violence"] in ("1", "2", "3")
        assert row["date_prec"] in ("1", "2", "3", "4", "5")
        assert row["where_prec"] in ("1", "2", "3", "4", "5", "6", "7")
        parts = sum(int(row[c]) for c in ("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"))
        assert int(row["best"]) == parts and int(row["low"]) <= parts <= int(row["high"])
        if row["latitude"]:
            assert row["priogrid_gid"] == str(priogrid_gid(float(row["latitude"]), float(row["longitude"])))


def test_an_undated_story_has_no_dates_and_the_least_date_precision(runner, tmp_path_factory):
    sake = next(s for s in STORIES if s.name == "sake_camp_shelling")
    _, rows = csv_rows(exported(runner, "--format", "ged", "--db", str(story_db(runner, sake, tmp_path_factory))))
    (row,) = rows
    assert (row["date_start"], row["year"], row["date_prec"]) == ("", "", "5")
    assert (row["where_prec"], row["adm_1"], row["country"]) == ("1", "North Kivu", "Democratic Republic of the Congo")
    assert row["side_b"] == "M23" and row["gwnob"] == ""  # an armed group has no Gleditsch-Ward number


# ---- the split of an event's dead into GED's columns, on hand-made facts


def _fact(party, n, *, group=None, place=None, kind=CasualtyKind.killed, low_=..., high_=...) -> Fact:
    return Fact(
        id=f"f{party}{group}{place}{kind}", event_id="e1", field=Field.casualties, kind=kind, value=str(n), party=party,
        group=group, place=place, low=n if low_ is ... else low_, best=n, high=n if high_ is ... else high_,
        conservative=n, status=Relation.single_source, articles=1, independent_sources=1,
    )  # fmt: skip


def _event(*facts: Fact) -> Event:
    return Event(id="e1", when=TimeRef(start="2022-09-13", precision=Precision.day), summary="s", facts=facts)


@pytest.mark.parametrize(
    "facts, expected",
    [
        pytest.param([_fact("A", 105), _fact("B", 50), _fact(BOTH, 155)], Deaths(105, 50, 0, 0), id="sides add up to the total"),
        pytest.param([_fact("A", 13), _fact("A", 8, group="civilians"), _fact("B", 14)], Deaths(5, 14, 8, 0), id="a side's civilians apart"),
        pytest.param([_fact("A", 10), _fact("A", 7, group="civilians"), _fact("A", 9, group="children")], Deaths(1, 0, 9, 0), id="overlapping civilian groups: the largest"),
        pytest.param([_fact("A", 46), _fact("B", 11), _fact(BOTH, 60)], Deaths(46, 11, 0, 3), id="a total above the sides: the rest is unknown"),
        pytest.param([_fact("A", 46), _fact(BOTH, 40)], Deaths(46, 0, 0, 0), id="a total below the sides adds nothing"),
        pytest.param([_fact("A", 5), _fact("Uruguay", 1)], Deaths(5, 0, 0, 1), id="a third party's dead are of unknown side"),
        pytest.param([_fact(None, 40)], Deaths(0, 0, 0, 40), id="a count naming no side, when it is all there is"),
        pytest.param([_fact("A", 10), _fact(None, 40)], Deaths(10, 0, 0, 0), id="a count naming no side beside a side's: not compared"),
        pytest.param([_fact("A", 4, place="Gegharkunik"), _fact("A", 3, place="Jermuk")], Deaths(7, 0, 0, 0), id="a side counted only by place"),
        pytest.param([_fact("A", 105), _fact("A", 4, place="Gegharkunik")], Deaths(105, 0, 0, 0), id="a place inside the side's count"),
        pytest.param([_fact("A", 9, kind=CasualtyKind.wounded)], Deaths(), id="other kinds are not deaths"),
    ],
)
def test_deaths_split_into_geds_columns(facts, expected):
    assert deaths(_event(*facts), ("A", "B"), {}, best) == expected


def test_low_and_high_split_the_same_way_and_an_open_floor_reaches_its_best():
    event = _event(_fact("A", 49, low_=40, high_=None), _fact("B", 50, low_=50, high_=60))
    assert deaths(event, ("A", "B"), {}, low).total == 90
    assert deaths(event, ("A", "B"), {}, high).total == 109
