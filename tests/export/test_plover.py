"""`export --format plover`: one PLOVER event record per line."""

from __future__ import annotations

import pytest

from conftest import cli_json
from export_kit import STORIES, exported, jsonl_rows, story_db

KEYS = ["id", "date", "actor", "recipient", "event", "mode", "event_loc", "size", "event_text", "cite_info"]


@pytest.fixture(scope="module")
def seeds_plover(runner, seeds_db):
    return jsonl_rows(exported(runner, "--format", "plover", "--db", str(seeds_db)))


def test_one_record_per_line_with_plovers_keys(seeds_plover):
    (record,) = seeds_plover
    assert list(record) == KEYS
    assert (record["event"], record["mode"], record["date"]) == ("FIGHT", "artillery", "2022-09-13")
    assert (record["actor"], record["recipient"]) == ("Armenia", "Azerbaijan")
    assert record["size"]["dead"] == 155 and record["size"]["injured"] >= 2
    loc = record["event_loc"]
    assert (loc["name"], loc["country"], loc["where_prec"], loc["geo_precision"]) == ("Armenia–Azerbaijan border", "ARM", 5, 3)


def test_the_event_text_is_a_stored_quote_and_cite_info_its_article(runner, seeds_db, seeds_plover):
    (record,) = seeds_plover
    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    assert any(c["quote"] == record["event_text"] and c["article"] == record["cite_info"]["article"] for c in claims)
    sources = {s["article"]: s for s in cli_json(runner, "sources", "--db", str(seeds_db))}
    cited, source = record["cite_info"], sources[record["cite_info"]["article"]]
    assert cited["outlet"] == (source["outlet"] or source["credit"]) and cited["title"] == source["title"]


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_every_story_record_has_a_place_precision_and_sizes(runner, tmp_path_factory, story):
    for record in jsonl_rows(exported(runner, "--format", "plover", "--db", str(story_db(runner, story, tmp_path_factory)))):
        assert record["event"] == "FIGHT" and record["event_loc"]["where_prec"] in range(1, 8)
        assert record["size"]["dead"] >= 0 and record["size"]["injured"] >= 0
