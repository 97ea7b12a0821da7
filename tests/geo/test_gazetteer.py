"""Offline geocoding: names to locations from the curated tables, never a guess."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from clashrecon.geo import FeatureKind, WherePrecision, border, central, country_facts, fold, km, locate, priogrid_gid, unresolved
from clashrecon.geo import geonames
from clashrecon.geo.gazetteer import gazetteer
from clashrecon.lexicon import actor_lexicon, load_data


SEEDS = ("Armenia", "Azerbaijan")  # the seeds' story: GeoNames' towns are searched there


@pytest.mark.parametrize(
    "name, geonameid, lat, lon",
    [
        # GeoNames' published positions (geonames.org/174884, /586268, /147625)
        ("Jermuk", 174884, 39.83948, 45.67112),
        ("town of Kalbajar", 586268, 40.10984, 46.04446),
        ("town of Lachin", 147625, 39.63742, 46.54977),
        ("Kalbajar", 586268, 40.10984, 46.04446),  # the district, at its seat's position
        ("Lachin", 147625, 39.63742, 46.54977),
    ],
)
def test_the_seeds_towns_lie_within_10_km_of_their_geonames_positions(name, geonameid, lat, lon):
    loc = locate(name, prefer=SEEDS)
    assert loc is not None and loc.geonameid == geonameid
    assert km(loc.latitude, loc.longitude, lat, lon) < 10


@pytest.mark.parametrize(
    "printed, meant",
    [("Laçın", "Lachin"), ("Berdzor", "Lachin"), ("Kəlbəcər", "Kalbajar"), ("LACHIN", "Lachin"), ("Lachin District", "Lachin")],
)
def test_local_spellings_and_case_find_the_same_district(printed, meant):
    assert locate(printed, prefer=SEEDS).name == meant


@pytest.mark.parametrize("printed", ["Jermuk", "Dzhermuk", "Djermuk", "Cermuk"])
def test_geonames_alternate_spellings_find_the_same_town_spelled_as_printed(printed):
    loc = locate(printed, prefer=SEEDS)
    assert (loc.geonameid, loc.adm1, loc.name) == (174884, "Vayots Dzor", printed)


def test_gegharkunik_is_the_province_not_the_village_of_that_name():
    loc = locate("Gegharkunik", prefer=SEEDS)
    assert (loc.feature, loc.precision, loc.country, loc.adm1) == (FeatureKind.adm1, WherePrecision.adm1, "Armenia", "Gegharkunik")
    assert loc.geonameid == locate("Gavar", prefer=SEEDS).geonameid  # the province sits at its seat
    village = locate("Gegharkunik village", prefer=SEEDS)
    assert village.precision is WherePrecision.exact and village.geonameid != loc.geonameid


def test_of_geonames_namesakes_in_one_country_the_most_populous_is_meant():
    vardenis = locate("Vardenis", prefer=SEEDS)  # 12,651 people in Gegharkunik; another of 527 in Aragatsotn
    assert (vardenis.adm1, vardenis.feature) == ("Gegharkunik", FeatureKind.town)


def test_of_namesakes_in_two_story_countries_the_one_whose_own_name_it_is_is_meant():
    """GeoNames also lists 'Islamabad' as a name of India's Anantnag; Islamabad's own name is Pakistan's."""
    loc = locate("ISLAMABAD", prefer=("India", "Pakistan"))
    assert (loc.name, loc.country, loc.feature) == ("Islamabad", "Pakistan", FeatureKind.city)


def test_a_town_name_with_no_country_around_it_is_not_looked_for_across_the_world():
    assert locate("Jermuk") is None
    assert locate("Jermuk", "Armenia").geonameid == 174884


@pytest.mark.parametrize(
    "name, country, prefer, expected",
    [
        ("Punjab", None, (), None),  # India's and Pakistan's: which is meant is not known
        ("Punjab", "Pakistan", (), "Pakistan"),
        ("Punjab", None, ("India",), "India"),
        ("Punjab", None, ("Armenia", "Pakistan"), "Pakistan"),
        ("Jermuk", "Azerbaijan", SEEDS, None),  # the text puts it elsewhere: not this Jermuk
        ("Brussels", None, (), "Belgium"),  # a venue of talks, named with no country: a pointer to GeoNames
    ],
)
def test_namesakes_are_told_apart_by_the_countries_of_the_story_or_not_at_all(name, country, prefer, expected):
    loc = locate(name, country, prefer=prefer)
    assert (loc.country if loc else None) == expected


def test_a_site_takes_the_position_of_the_town_it_lies_by_at_precision_2():
    airport, goma = locate("Goma airport"), locate("Goma", "Democratic Republic of the Congo")
    assert (airport.precision, airport.feature, airport.adm1) == (WherePrecision.near, FeatureKind.site, "North Kivu")
    assert (airport.latitude, airport.longitude) == (goma.latitude, goma.longitude)


def test_a_region_takes_its_centres_position_but_not_its_province():
    loc = locate("Nagorno-Karabakh")
    assert (loc.precision, loc.adm1) == (WherePrecision.region, None) and loc.latitude is not None


@pytest.mark.parametrize("name", ["Kyrgyz-Tajik", "Thai-Cambodian", "Durand Line", "Line of Control"])
def test_a_border_has_its_two_countries_and_no_point(name):
    loc = locate(name)
    assert loc.feature is FeatureKind.border and loc.precision is WherePrecision.region
    assert len(loc.countries) == 2 and loc.country is None and loc.latitude is None


def test_the_border_between_two_countries_is_found_either_way_round():
    assert border(["Azerbaijan", "Armenia"]).name == border(["Armenia", "Azerbaijan"]).name == "Armenia–Azerbaijan border"
    assert border(["Armenia", "Thailand"]) is None


@pytest.mark.parametrize("name", ["Atlantis", "the government’s headquarters", "Soviet Union", ""])
def test_an_unknown_name_gives_no_location(name):
    assert locate(name) is None


def test_an_unresolved_place_keeps_its_name_and_only_its_country():
    loc = unresolved("Kasengezi", "Democratic Republic of the Congo")
    assert (loc.name, loc.iso3, loc.precision, loc.latitude, loc.resolved) == ("Kasengezi", "COD", WherePrecision.country, None, False)


def test_a_country_named_as_a_place_is_known_to_the_country_only():
    loc = locate("Ukraine")
    assert (loc.precision, loc.iso3, loc.latitude) == (WherePrecision.country, "UKR", None)


@pytest.mark.parametrize(
    "country, iso3, numeric, gwno, ucdp, acled",
    [
        ("Armenia", "ARM", 51, 371, "Europe", "Caucasus and Central Asia"),
        ("Azerbaijan", "AZE", 31, 373, "Europe", "Caucasus and Central Asia"),
        ("Democratic Republic of the Congo", "COD", 180, 490, "Africa", "Middle Africa"),
        ("Israel", "ISR", 376, 666, "Middle East", "Middle East"),
        ("Palestine", "PSE", 275, None, "Middle East", "Middle East"),
    ],
)
def test_country_facts(country, iso3, numeric, gwno, ucdp, acled):
    facts = country_facts(country)
    assert (facts.iso3, facts.iso_numeric, facts.gwno, facts.ucdp_region, facts.acled_region) == (iso3, numeric, gwno, ucdp, acled)


def test_every_gazetteer_entry_is_well_formed():
    countries = load_data("countries.json")["countries"]
    states = {a.name for a in actor_lexicon().actors if a.kind == "country"}
    for entry in load_data("gazetteer.json")["places"]:
        FeatureKind(entry["feature"])
        held = entry.get("countries") or [entry["country"]]
        assert all(c in countries and c in states for c in held), entry["name"]
        if "lat" in entry:
            assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry["name"]
        if entry["feature"] in ("border", "region") and "countries" in entry:
            assert "lat" not in entry, f"{entry['name']} spans countries: it has no one point"


@pytest.mark.parametrize(
    "entry",
    [e for e in load_data("gazetteer.json")["places"] if {"seat", "near", "geonameid", "admin1"} & set(e)],
    ids=lambda e: e["name"],
)
def test_every_curated_link_to_geonames_holds(entry):
    """A seat, a town a site lies by, a pointer: each is a GeoNames place of the entry's country, and
    a division's GeoNames code names that division."""
    loc = locate(entry["name"], entry["country"])
    assert loc is not None and loc.latitude is not None and loc.geonameid is not None, entry["name"]
    if "geonameid" in entry:  # a pointer's position is its GeoNames record's, copied
        (towns,) = geonames.towns_of([gazetteer().iso2(entry["country"])], fold)
        record = towns.by_id[entry["geonameid"]]
        assert (entry["lat"], entry["lon"], entry["adm1"]) == (record.latitude, record.longitude, record.admin1), entry["name"]
    if "admin1" in entry:
        spelled = load_data("geonames_admin1.json")["names"][entry["admin1"]]
        names = {fold(n) for n in (entry["name"], *entry.get("aliases", []))}
        assert fold(spelled).removesuffix(" rayon").removesuffix(" province") in names, spelled


def test_every_country_of_the_stories_has_its_codes():
    """The sides of the seeds and of every story: GED needs their Gleditsch-Ward numbers."""
    for country in ("Armenia", "Azerbaijan", "Kyrgyzstan", "Tajikistan", "Thailand", "Cambodia", "India", "Pakistan",
                    "Afghanistan", "Israel", "Iran", "Democratic Republic of the Congo", "Rwanda"):  # fmt: skip
        assert country_facts(country).gwno is not None, country


@pytest.mark.parametrize(
    "lat, lon, gid",
    [
        (-90.0, -180.0, 1),
        (-89.75, -179.75, 1),
        (-90.0, -179.5, 2),
        (-89.5, -180.0, 721),
        (39.8417, 45.6722, 259 * 720 + 451 + 1),  # Jermuk: row ⌊129.84 / 0.5⌋, column ⌊225.67 / 0.5⌋
        (90.0, 180.0, 360 * 720),  # the pole and the antimeridian close the last cell
    ],
)
def test_priogrid_gid_is_the_half_degree_cell_counted_from_the_south_west(lat, lon, gid):
    assert priogrid_gid(lat, lon) == gid


@pytest.mark.parametrize("lat, lon", [(91, 0), (0, 181), (-90.1, 0)])
def test_priogrid_refuses_a_position_off_the_globe(lat, lon):
    with pytest.raises(ValueError, match="not a position"):
        priogrid_gid(lat, lon)


def test_distance_and_the_central_place():
    assert km(40, 45, 40, 45) == 0
    assert 110 < km(40, 45, 41, 45) < 112  # a degree of latitude
    drc = ("Democratic Republic of the Congo",)
    goma, sake, kinshasa = locate("Goma", prefer=drc), locate("Sake", prefer=drc), locate("Kinshasa", prefer=drc)
    gisenyi = locate("Gisenyi", "Rwanda")
    assert central([kinshasa, goma, sake, gisenyi]).name == "Goma"  # a far capital cannot drag it away


def _record(geonameid: int, name: str, country: str, *alternates: str) -> dict:
    return {"geonameid": geonameid, "name": name, "latitude": 40.0, "longitude": 45.0, "countrycode": country,
            "population": 600, "timezone": "", "admin1code": "01", "alternatenames": list(alternates)}  # fmt: skip


def test_the_geonames_file_is_read_for_the_countries_asked_only_across_chunk_edges(tmp_path, monkeypatch):
    made_up = [_record(i, f"Place {i}", "AM" if i % 3 else "AZ", f"Alt {i}", "Альт") for i in range(1, 200)]
    path = tmp_path / "cities.json"
    path.write_text(json.dumps({str(r["geonameid"]): r for r in made_up}), encoding="utf-8")
    monkeypatch.setattr(geonames, "_CHUNK", 257)  # many chunks, records cut at every edge
    found = list(geonames._read(["AZ", "GE"], path))
    assert [(code, r["geonameid"]) for code, r in found] == [("AZ", i) for i in range(1, 200) if i % 3 == 0]
    index = geonames._index((r for _, r in found), fold)
    assert set(index.by_name) == {f"place {i}" for i in range(3, 200, 3)} | {f"alt {i}" for i in range(3, 200, 3)}


def test_geocoding_loads_no_spacy_and_little_memory():
    """The seeds' places, looked up as an ingest does: the two countries' GeoNames towns, read once."""
    code = (
        "import sys, tracemalloc, json\n"
        "tracemalloc.start()\n"
        "from clashrecon.geo import locate\n"
        "names = ['Jermuk', 'Kalbajar', 'Lachin', 'Goris', 'Vardenis', 'Nowhere', 'Verin Shorzha', 'Kapan']\n"
        "found = sum(locate(n, prefer=('Armenia', 'Azerbaijan')) is not None for n in names * 250)\n"
        "peak = tracemalloc.get_traced_memory()[1]\n"
        "print(json.dumps({'found': found, 'peak': peak, 'spacy': 'spacy' in sys.modules}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    out = json.loads(done.stdout)
    assert out["found"] == 1750 and not out["spacy"]
    assert out["peak"] < 150 * 2**20, out  # the bound; the two countries take a few MB
