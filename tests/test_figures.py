"""`clashrecon figures`: the final figure per story, side and kind, and whose word it is.

On the seeds every side's figure comes from one round of fighting (Tuesday and Wednesday,
13-14 September 2022) and is the last one reported, on the Wednesday.
"""

from __future__ import annotations

import re

import pytest

from clashrecon import render
from clashrecon.store import Store
from conftest import SEEDS, cli_json, run_cli


def _figures(runner, db, *options: str) -> dict[str, dict]:
    return {f["subject"]: f for f in cli_json(runner, "figures", "--db", str(db), *options)}


@pytest.fixture
def wide_terminal(monkeypatch):
    """A 160-column terminal, so that every table row is one line."""
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setattr(render, "_stdout", [])  # a console made afresh, at that width


def test_armenias_final_toll_is_its_own_governments_last_figure(runner, seeds_db):
    # Tuesday: Pashinyan, "at least 49" soldiers; Wednesday (004): "105 of his country's troops
    # have been killed since fighting erupted early on Tuesday". 105 is a running total, so it
    # replaces the 49 rather than adding to it.
    armenia = _figures(runner, seeds_db)["Armenia · killed"]
    assert (armenia["low"], armenia["best"], armenia["high"], armenia["conservative"]) == (105, 105, 105, 105)
    assert (armenia["party"], armenia["kind"]) == ("Armenia", "killed")
    assert (armenia["claimant"], armenia["authority"], armenia["reported"]) == ("Armenia", "own side", "2022-09-14")
    [fighting] = armenia["rounds"]
    assert fighting["start"].startswith("2022-09-13") and fighting["end"] == "2022-09-14"
    assert (fighting["best"], fighting["cumulative"], fighting["reported"]) == (105, True, "2022-09-14")
    assert armenia["note"] == ""  # one round: nothing to add up


@pytest.mark.parametrize(
    "subject, best, claimant, authority",
    [
        # 002 and 004: "Azerbaijan said it lost 50 (troops)"
        ("Azerbaijan · killed", 50, "Azerbaijan", "own side"),
        # 004: "Armenia and Azerbaijan ... reported that 155 troops from the two countries have died"
        ("both sides · killed", 155, "Armenia and Azerbaijan", "own side"),
        # 004: "It said two Azerbaijani civilians were injured" (Azerbaijan's defence ministry)
        ("Azerbaijan · wounded", 2, "Azerbaijan", "own side"),
    ],
)
def test_each_side_keeps_its_own_governments_word(runner, seeds_db, subject, best, claimant, authority):
    figure = _figures(runner, seeds_db)[subject]
    assert (figure["best"], figure["claimant"], figure["authority"]) == (best, claimant, authority)


def test_a_figure_only_the_other_side_gives_says_so(runner, seeds_db):
    # 004: "Azerbaijani authorities said they were ready to ... hand over the bodies of up to 100 Armenian soldiers"
    bodies = _figures(runner, seeds_db)["Armenia · bodies"]
    assert (bodies["claimant"], bodies["authority"]) == ("Azerbaijan", "other side")


def test_json_keys_follow_the_contract(runner, seeds_db):
    figures = cli_json(runner, "figures", "--db", str(seeds_db))
    assert figures
    for f in figures:
        assert set(f) == {
            "id", "story", "subject", "party", "kind", "low", "best", "high", "conservative",
            "claimant", "authority", "reported", "rounds", "note",
        }
        assert f["low"] <= f["conservative"] <= f["best"] <= f["high"]
        for r in f["rounds"]:
            assert set(r) == {"start", "end", "best", "claimant", "reported", "cumulative"}
    assert len({f["story"] for f in figures}) == 1  # the seeds are one story


@pytest.mark.parametrize(
    "options, subjects",
    [
        (["--party", "armenia", "--kind", "killed"], ["Armenia · killed"]),
        (["--party", "both sides"], ["both sides · killed"]),
        (["--party", "both"], ["both sides · killed"]),
        (["--kind", "wounded"], ["Azerbaijan · wounded"]),
        (["--kind", "missing"], []),  # a kind nobody counted: nothing, not an error
    ],
)
def test_party_and_kind_narrow_the_list(runner, seeds_db, options, subjects):
    assert list(_figures(runner, seeds_db, *options)) == subjects


@pytest.mark.parametrize(
    "options, message",
    [
        (["--kind", "dead"], "unknown kind 'dead'; choose one of killed, wounded, missing, captured, bodies or casualties"),
        (["--party", "Narnia"], "no final figures for party 'Narnia'; parties with figures: Armenia, Azerbaijan, both"),
    ],
)
def test_an_option_that_names_nothing_gets_one_line_and_exit_2(runner, seeds_db, options, message):
    result = run_cli(runner, "figures", *options, "--db", str(seeds_db))
    assert result.exit_code == 2
    assert result.stderr == f"clashrecon: error: {message}\n"
    assert result.stdout == ""


def test_the_table_shows_each_figure_with_its_range_claimant_day_and_rounds(runner, seeds_db, wide_terminal):
    result = run_cli(runner, "figures", "--db", str(seeds_db))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "Final figures"
    assert re.search(r"subject +best +low–high +conservative +per +reported +rounds / note", result.stdout)
    row = r"Armenia · killed +105 +105–105 +105 +Armenia \(own side\) +2022-09-14 +2022-09-13 → 09-14"
    assert re.search(row, result.stdout), result.stdout
    assert re.search(r"Armenia · bodies +100 .* Azerbaijan \(other side\)", result.stdout)
    assert "5 final figures; best: the latest figure of the most authoritative claimant" in result.stderr


def test_a_kind_nobody_counted_says_so_on_stderr(runner, seeds_db):
    result = run_cli(runner, "figures", "--kind", "missing", "--db", str(seeds_db))
    assert result.exit_code == 0 and result.stdout == ""
    assert "no final figures match those options" in result.stderr


def _empty(tmp_path, runner):
    """A store an ingest of an empty folder made (exit 1 and a warning): reconciled, with nothing in it."""
    (tmp_path / "empty").mkdir()
    db = tmp_path / "empty.db"
    assert run_cli(runner, "ingest", str(tmp_path / "empty"), "--db", str(db), "--quiet").exit_code == 1
    return db


def _unreconciled(tmp_path, runner):
    """A store that was created and never reconciled."""
    db = tmp_path / "new.db"
    Store.open(db, create=True).close()
    return db


@pytest.mark.parametrize("make", [_empty, _unreconciled], ids=["empty", "unreconciled"])
def test_a_store_without_figures_answers_as_the_timeline_does(runner, tmp_path, make):
    db = make(tmp_path, runner)
    figures, timeline = (run_cli(runner, command, "--db", str(db)) for command in ("figures", "timeline"))
    assert figures.exit_code == timeline.exit_code == 0
    assert figures.stdout == timeline.stdout == ""
    assert figures.stderr == "no final figures in the store yet; run `clashrecon ingest PATH`\n"
    assert cli_json(runner, "figures", "--db", str(db)) == cli_json(runner, "timeline", "--db", str(db)) == []


def test_the_timeline_ends_with_the_final_figures(runner, seeds_db, wide_terminal):
    result = run_cli(runner, "timeline", "--db", str(seeds_db))
    assert result.exit_code == 0
    timeline, _, figures = result.stdout.partition("Final figures")
    assert "Reconciled timeline" in timeline and figures
    assert re.search(r"subject +best +low–high +per *\n", figures), figures  # fewer columns, no empty note column
    assert re.search(r"Armenia · killed +105 +105–105 +Armenia \(own side\)", figures)
    shown = {s for s in _figures(runner, seeds_db) if s in figures}
    assert shown == set(_figures(runner, seeds_db))  # the same rows as `figures`
    assert "rounds of fighting and reporting days in `clashrecon figures`" in result.stderr


def test_the_seeds_story_ingested_twice_keeps_its_figures(runner, seeds_copy):
    before = cli_json(runner, "figures", "--db", str(seeds_copy))
    assert run_cli(runner, "ingest", str(SEEDS), "--db", str(seeds_copy), "--force", "--quiet").exit_code == 0
    assert cli_json(runner, "figures", "--db", str(seeds_copy)) == before
