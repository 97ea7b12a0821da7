"""Where the places are, as the read commands show it: geocoded at ingest, read from the store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, cli_json, run_cli


def test_places_lists_every_place_with_its_coordinates_and_precision(runner, seeds_db):
    found = {p["name"]: p for p in cli_json(runner, "places", "--db", str(seeds_db))}
    jermuk = found["Jermuk"]["location"]
    assert (jermuk["geonameid"], jermuk["precision"], jermuk["adm1"], jermuk["iso3"]) == (174884, 1, "Vayots Dzor", "ARM")
    assert found["Gegharkunik"]["location"]["feature"] == "adm1"  # the province, not the village of that name
    assert found["YEREVAN"]["datelines"]  # a dateline is located too
    assert all(p["location"]["latitude"] is not None for p in found.values() if p["resolved"])


def test_places_unresolved_lists_only_what_the_gazetteer_misses_with_the_articles_naming_it(runner, seeds_db):
    missing = cli_json(runner, "places", "--unresolved", "--db", str(seeds_db))
    assert missing and not any(p["resolved"] for p in missing)
    soviet = next(p for p in missing if p["name"] == "Soviet Union")
    assert soviet["location"] is None and soviet["articles"]  # no country known: no precision either
    text = run_cli(runner, "places", "--unresolved", "--db", str(seeds_db))
    assert text.exit_code == 0 and "Soviet Union" in text.stdout and "Jermuk" not in text.stdout


def test_an_unresolved_place_of_a_known_country_has_precision_6(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Shelling hits border village\n\n"
        "Armenian troops shelled the village of Zzyzxgrad, Azerbaijan, on Tuesday, the Azerbaijani defence ministry said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.db"
    assert run_cli(runner, "ingest", str(article), "--db", str(db), "--quiet").exit_code == 0
    missing = {p["name"]: p for p in cli_json(runner, "places", "--unresolved", "--db", str(db))}
    place = missing["Zzyzxgrad"]
    assert (place["country_given"], place["location"]["precision"], place["location"]["iso3"]) == ("Azerbaijan", 6, "AZE")
    assert place["location"]["latitude"] is None and place["articles"] == ["a.txt"]


def test_claims_json_gives_each_place_claim_its_location_and_no_other_claim_one(runner, seeds_db):
    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    places = [c for c in claims if c["field"] == "places"]
    assert places and all("location" in c for c in places)
    assert not any("location" in c for c in claims if c["field"] != "places")
    lachin = [c["location"] for c in places if c["value"] == "Lachin"]
    assert lachin and all(loc["latitude"] and loc["iso3"] == "AZE" for loc in lachin)


def test_timeline_json_gives_each_event_place_its_location_in_order(runner, seeds_db):
    events = cli_json(runner, "timeline", "--db", str(seeds_db))
    for e in events:
        assert [p["place"] for p in e["locations"]] == e["places"]
    fighting = next(e for e in events if not e["background"])
    where = {p["place"]: p["location"] for p in fighting["locations"]}
    assert where["Kalbajar"]["geonameid"] == 586268 and where["Kalbajar"]["precision"] == 4


def test_sources_json_carries_each_articles_dateline_and_places_located(runner, seeds_db):
    rows = {r["article"]: r for r in cli_json(runner, "sources", "--db", str(seeds_db))}
    ap = rows["000_41b26c68895a8303.txt"]
    assert ap["dateline_location"]["name"] == "Yerevan" and ap["dateline_location"]["precision"] == 1
    assert all({"place", "location"} <= p.keys() for r in rows.values() for p in r["places"])
    assert any(p["location"] and p["location"]["latitude"] for r in rows.values() for p in r["places"])


@pytest.mark.parametrize(
    "args",
    [
        ["timeline"], ["claims"], ["sources"], ["places"], ["places", "--unresolved"],
        ["export", "--format", "ged"], ["export", "--format", "csv", "--table", "places"],
    ],
    ids=lambda a: " ".join(a),
)  # fmt: skip
def test_the_read_commands_and_export_never_geocode(seeds_copy, args):
    """They read the locations stored at ingest: GeoNames' file is never opened."""
    code = (
        "import sys, json\n"
        "import clashrecon.geo.geonames as g\n"
        "from clashrecon.cli import app\n"
        f"try:\n    app({[*args, '--db', str(seeds_copy)]!r})\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "print(json.dumps(sorted(g._TOWNS.countries)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []
