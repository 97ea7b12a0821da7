"""Made-up multi-article stories about other clashes, ingested end to end and reconciled.

Each folder's expected.json is the analyst's reading of the story; every expectation is one
test, so a failure names exactly what the pipeline missed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import cli_json, run_cli

HERE = Path(__file__).resolve().parent
STORIES = sorted(p.parent for p in HERE.glob("*/expected.json"))


def _expected(story: Path) -> dict:
    return json.loads((story / "expected.json").read_text(encoding="utf-8"))


def _cases(section: str):
    for story in STORIES:
        for i, item in enumerate(_expected(story).get(section, [])):
            label = item.get("subject") or item.get("subject_contains") or item.get("when") or item.get("kind") or i
            yield pytest.param(story.name, item, id=f"{story.name}-{section}-{i}-{label}")


@pytest.fixture(scope="module")
def stores(tmp_path_factory, runner, nlp):
    """Each story ingested once into its own store; its timeline and conflicts as JSON."""
    out = {}
    for story in STORIES:
        db = tmp_path_factory.mktemp(story.name) / "story.db"
        result = run_cli(runner, "ingest", str(story), "--db", str(db), "--quiet", "--glob", "*.txt")
        assert result.exit_code == 0, result.output
        out[story.name] = {
            "timeline": cli_json(runner, "timeline", "--db", str(db)),
            "conflicts": cli_json(runner, "conflicts", "--all", "--db", str(db)),
            "sources": cli_json(runner, "sources", "--db", str(db)),
        }
    return out


def _subject_matches(actual: str, item: dict) -> bool:
    if "subject" in item:
        return actual == item["subject"] or actual.startswith(item["subject"] + " (")
    return item["subject_contains"] in actual


def test_there_are_at_least_two_stories_and_one_has_no_date():
    assert len(STORIES) >= 2
    undated = [s for s in STORIES if all("reference_date" not in a for a in _expected(s)["articles"].values())]
    assert undated


@pytest.mark.parametrize("story", [s.name for s in STORIES])
def test_wire_copies_share_one_origin(stores, story):
    expected = _expected(HERE / story)
    origins = {row["origin"] for row in stores[story]["sources"]}
    assert len(origins) == expected["independent_origins"]


@pytest.mark.parametrize("story, item", list(_cases("events")))
def test_events(stores, story, item):
    events = stores[story]["timeline"]
    found = [
        e
        for e in events
        if e["background"] == item["background"]
        and e["when"]["precision"] == item["precision"]
        and ((e["when"]["start"] or "") .startswith(item["when"]) if item["when"] else e["when"]["start"] is None)
        and (item.get("end") is None or (e["when"]["end"] or "").startswith(item["end"]))
    ]
    assert found, f"no event like {item}; got {[(e['when'], e['background']) for e in events]}"


@pytest.mark.parametrize("story, item", list(_cases("facts")))
def test_facts(stores, story, item):
    facts = [f for e in stores[story]["timeline"] if e["background"] == item["background"] for f in e["facts"]]
    matching = [f for f in facts if _subject_matches(f["subject"], item)]
    assert matching, f"no fact {item}; facts: {[(f['subject'], f['value']) for f in facts]}"
    f = matching[0]
    for key in ("value", "status", "best", "articles", "independent_sources"):
        if key in item:
            assert f[key] == item[key], f"{f['subject']}: {key} {f[key]!r} != {item[key]!r} ({f})"
    for part in item.get("note_contains", []):
        assert part in f["note"]


@pytest.mark.parametrize("story, item", list(_cases("relations")))
def test_relations(stores, story, item):
    background = {e["id"]: e["background"] for e in stores[story]["timeline"]}
    found = [
        c
        for c in stores[story]["conflicts"]
        if c["kind"] == item["kind"]
        and _subject_matches(c["subject"], item)
        and ("background" not in item or background.get(c["event_id"]) == item["background"])
    ]
    assert found, f"no {item['kind']} on {item}; got {[(c['kind'], c['subject']) for c in stores[story]['conflicts']]}"
    c = found[0]
    if "values" in item:
        values = [p["value"] for p in c["positions"]]
        assert len(values) == len(item["values"])
        for got, want in zip(values, item["values"]):
            assert got.split(" (")[0] == want, values
    for part in item.get("explanation_contains", []):
        assert part in c["explanation"]
    if "positions" in item:
        by_value = {p["value"]: set(p["claimants"]) for p in c["positions"]}
        for value, claimants in item["positions"].items():
            assert set(claimants) <= by_value.get(value, set()), by_value


@pytest.mark.parametrize("story", [s.name for s in STORIES])
def test_updates_are_never_conflicts(stores, story):
    real = {(c["subject"]) for c in stores[story]["conflicts"] if c["kind"] in ("discrepancy", "disputed")}
    for subject in _expected(HERE / story)["never_conflicts"]:
        assert subject not in real


def test_unrelated_stories_in_one_store_keep_their_own_dates(stores, runner, tmp_path):
    """An analyst's store holds several clashes: one story's dates never anchor another's."""
    from conftest import SEEDS

    db = tmp_path / "mixed.db"
    result = run_cli(runner, "ingest", str(SEEDS), *map(str, STORIES), "--db", str(db), "-q", "--glob", "*.txt")
    assert result.exit_code == 0, result.output
    mixed = {(Path(r["article"]).name, r["title"]): r["published"] for r in cli_json(runner, "sources", "--db", str(db))}
    for story in STORIES:
        for r in stores[story.name]["sources"]:
            assert mixed[(r["article"], r["title"])] == r["published"], (story.name, r["article"])
    seeds = {k[0]: v["date"] for k, v in mixed.items() if k[0].startswith("00")}
    assert seeds["000_41b26c68895a8303.txt"] == "2022-09-13" and seeds["004_9930d5a469ed8c22.txt"] == "2022-09-14"
