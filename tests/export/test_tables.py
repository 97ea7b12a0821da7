"""`export --format csv|jsonl`: facts, claims and places as flat tables with every key of the JSON contract."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clashrecon.export.tables import CLAIM_COLUMNS, FACT_COLUMNS, PLACE_COLUMNS
from conftest import ROOT, cli_json
from export_kit import csv_rows, exported, jsonl_rows


def _facts_of(timeline, background=False):
    return [f for e in timeline if background or not e["background"] for f in e["facts"]]


def test_the_facts_table_has_every_timeline_fact_with_its_event(runner, seeds_db):
    timeline = cli_json(runner, "timeline", "--db", str(seeds_db))
    header, rows = csv_rows(exported(runner, "--format", "csv", "--db", str(seeds_db)))
    assert tuple(header) == FACT_COLUMNS
    assert [r["id"] for r in rows] == [f["id"] for f in _facts_of(timeline)]
    by_id = {f["id"]: f for f in _facts_of(timeline)}
    for row in rows:
        fact = by_id[row["id"]]
        assert (row["value"], row["status"], row["subject"]) == (fact["value"], fact["status"], fact["subject"])
        assert row["best"] == ("" if fact["best"] is None else str(fact["best"]))
        assert row["claimants"] == "; ".join(fact["claimants"])


def test_the_jsonl_facts_keep_the_json_contract(runner, seeds_db):
    timeline = cli_json(runner, "timeline", "--db", str(seeds_db))
    rows = jsonl_rows(exported(runner, "--format", "jsonl", "--background", "--db", str(seeds_db)))
    assert len(rows) == len(_facts_of(timeline, background=True))
    contract = set(_facts_of(timeline)[0])
    assert all(contract <= set(r) for r in rows) and all(r["event_id"] for r in rows)


def test_the_claims_table_has_every_key_of_claims_json_and_places_located(runner, seeds_db):
    claims = {c["id"]: c for c in cli_json(runner, "claims", "--db", str(seeds_db))}
    lines = jsonl_rows(exported(runner, "--format", "jsonl", "--table", "claims", "--background", "--db", str(seeds_db)))
    assert {r["id"] for r in lines} == set(claims)  # with --background, every claim of the store
    for row in lines:  # a place claim's location is the one `claims --json` gives it
        kept = {k: v for k, v in row.items() if k != "event_id" and (k != "location" or row["field"] == "places")}
        assert kept == claims[row["id"]]
    jermuk = [r for r in lines if r["field"] == "places" and r["value"] == "Jermuk"]
    assert jermuk and all(r["location"]["latitude"] and r["location"]["iso3"] == "ARM" for r in jermuk)
    header, rows = csv_rows(exported(runner, "--format", "csv", "--table", "claims", "--db", str(seeds_db)))
    assert tuple(header) == CLAIM_COLUMNS
    assert len(rows) < len(lines)  # without --background, the earlier wars' claims are left out
    soldiers = next(r for r in rows if r["quote"] == claims[r["id"]]["quote"] and r["qualifier"] == "at_least")
    assert soldiers["low"] == str(claims[soldiers["id"]]["low"]) and soldiers["event_time_precision"]


def test_the_places_table_lists_the_unresolved_first(runner, seeds_db):
    header, rows = csv_rows(exported(runner, "--format", "csv", "--table", "places", "--db", str(seeds_db)))
    assert tuple(header) == PLACE_COLUMNS
    resolved = [r["resolved"] for r in rows]
    assert resolved == sorted(resolved)  # "False" sorts before "True"
    assert rows[0]["name"] == "Soviet Union" and rows[0]["resolved"] == "False"
    lachin = next(r for r in rows if r["name"] == "Lachin")
    assert (lachin["iso3"], lachin["where_prec"], lachin["geo_precision"]) == ("AZE", "4", "3")


def test_an_event_narrows_every_table(runner, seeds_db):
    event = cli_json(runner, "timeline", "--db", str(seeds_db))[-1]
    lines = jsonl_rows(exported(runner, "--format", "jsonl", "--table", "claims", "--event", event["id"], "--db", str(seeds_db)))
    assert {r["event_id"] for r in lines} == {event["id"]}


def test_a_reader_that_stops_early_ends_the_export_cleanly(seeds_db):
    """`export ... | head -1`: the claims are read from the store while they are written."""
    code = (
        f"import subprocess, sys\n"
        f"p = subprocess.Popen([sys.executable, '-m', 'clashrecon', 'export', '--format', 'csv', '--table', 'claims',"
        f" '--db', {str(seeds_db)!r}], stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
        f"p.stdout.readline(); p.stdout.close()\n"
        f"err = p.stderr.read().decode(); p.wait()\n"
        f"assert 'Traceback' not in err and 'Exception' not in err, err\n"
        f"assert p.returncode == 0, p.returncode\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("table", ["facts", "claims", "places"])
def test_every_table_round_trips_through_csv_and_jsonl(runner, seeds_db, table):
    _, rows = csv_rows(exported(runner, "--format", "csv", "--table", table, "--db", str(seeds_db)))
    lines = jsonl_rows(exported(runner, "--format", "jsonl", "--table", table, "--db", str(seeds_db)))
    assert len(rows) == len(lines) > 0
    assert [r["id" if table != "places" else "name"] for r in rows] == [str(r["id" if table != "places" else "name"]) for r in lines]
