"""The command line contract: JSON outputs, provenance, idempotence, exit codes, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, cli_json, run_cli


@pytest.mark.parametrize("command", ["claims", "timeline", "figures", "conflicts", "sources"])
def test_every_json_output_is_valid_and_non_empty(runner, seeds_db, command):
    args = [command, "--db", str(seeds_db)]
    if command == "conflicts":
        args += ["--all"]
    data = cli_json(runner, *args)
    assert isinstance(data, list) and data


def test_claims_json_keys_follow_the_contract(runner, seeds_db):
    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    base = {"id", "article", "field", "kind", "quote", "start", "end", "claimant", "event_time"}
    casualty = base | {"low", "high", "stated", "qualifier", "victim_party", "victim_group", "scope"}
    for c in claims:
        assert base <= c.keys()
        if c["field"] == "casualties":
            assert casualty <= c.keys()
            assert c["qualifier"] in {"exact", "at_least", "more_than", "about", "up_to", "between", "vague", "unspecified"}


def test_every_quote_is_the_stored_text_at_its_offsets(runner, seeds_db):
    from clashrecon.store import Store

    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    with Store.open(seeds_db, create=False) as store:
        texts = {a.name: a.text for a in store.articles()}
    assert claims
    for c in claims:
        assert texts[c["article"]][c["start"] : c["end"]] == c["quote"]


def test_claims_piped_at_80_columns_are_one_line_each_never_split_mid_word(runner, seeds_db, monkeypatch):
    from clashrecon import render

    monkeypatch.setattr(render, "_stdout", [render.Console(width=80, highlight=False, emoji=False, markup=False)])
    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    lines = run_cli(runner, "claims", "--db", str(seeds_db)).stdout.splitlines()
    assert len(lines) == len(claims)  # 4,798 lines for the seeds' claims before
    assert all(line.startswith(c["id"]) and line.endswith(f"“{' '.join(c['quote'].split())}”") for line, c in zip(lines, claims))


def test_claims_stop_quietly_when_the_reader_has_enough(seeds_db):
    done = subprocess.run(
        f"{sys.executable} -m clashrecon claims --db {seeds_db} | head -1", shell=True, capture_output=True, text=True, cwd=ROOT
    )
    assert len(done.stdout.splitlines()) == 1
    assert done.stderr == ""


def test_ingesting_the_seeds_twice_leaves_the_same_claims(runner, seeds_copy):
    before = cli_json(runner, "claims", "--db", str(seeds_copy))
    result = run_cli(runner, "ingest", str(SEEDS), "--db", str(seeds_copy))
    assert result.exit_code == 0
    assert "5 unchanged" in result.stderr
    assert cli_json(runner, "claims", "--db", str(seeds_copy)) == before


def test_force_re_extracts_to_the_same_claims(runner, seeds_copy):
    before = cli_json(runner, "claims", "--db", str(seeds_copy))
    result = run_cli(runner, "ingest", str(SEEDS), "--db", str(seeds_copy), "--force", "--quiet")
    assert result.exit_code == 0
    assert cli_json(runner, "claims", "--db", str(seeds_copy)) == before


def test_json_mode_keeps_stdout_pure(runner, tmp_path):
    db = tmp_path / "s.db"
    result = run_cli(runner, "ingest", str(SEEDS / "001_39cca2ebeafa4fc9.txt"), str(tmp_path / "missing.txt"), "--db", str(db), "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["new"] == 1 and summary["failed"] == 1
    assert "missing.txt: no such file or directory" in result.stderr


def test_a_missing_file_fails_only_itself(runner, tmp_path):
    db = tmp_path / "s.db"
    result = run_cli(runner, "ingest", str(tmp_path / "nope.txt"), str(SEEDS / "003_3737467c3f90d56b.txt"), "--db", str(db))
    assert result.exit_code == 1
    assert cli_json(runner, "sources", "--db", str(db))[0]["article"] == "003_3737467c3f90d56b.txt"


@pytest.mark.parametrize(
    "args, message",
    [
        (["conflicts", "--field", "weather"], "weather"),
        (["timeline", "--since", "yesterday"], "--since 'yesterday' is not a date"),
        (["claims", "--article", "nosuch.txt"], "no article named 'nosuch.txt'"),
        (["show", "zzz"], "no event, fact, conflict or claim has ID 'zzz'"),
    ],
)
def test_usage_errors_exit_2_with_a_clear_message(runner, seeds_db, args, message):
    result = run_cli(runner, *args, "--db", str(seeds_db))
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["timeline", "--since", "2023-01-01"], "no events on or after 2023-01-01; the store's events run from 1994 to 2022-09-14"),
        (["timeline", "--since", "2021-01-01", "--until", "2021-12-31"], "no events between 2021-01-01 and 2021-12-31"),
        (["conflicts", "--since", "2023-01-01"], "no conflicts on or after 2023-01-01; widen --since/--until"),
    ],
)
def test_a_window_matching_nothing_says_so_not_that_the_store_is_empty(runner, seeds_db, args, message):
    result = run_cli(runner, *args, "--db", str(seeds_db))
    assert result.exit_code == 0
    assert message in result.stderr
    assert "yet" not in result.stderr


def test_since_after_until_is_a_usage_error(runner, seeds_db):
    result = run_cli(runner, "timeline", "--since", "2022-09-20", "--until", "2022-09-13", "--db", str(seeds_db))
    assert result.exit_code == 2
    assert "--since 2022-09-20 is after --until 2022-09-13" in result.stderr


def test_ingest_of_a_folder_with_nothing_to_read_warns_and_exits_1(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = run_cli(runner, "ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1
    assert f"warning: {tmp_path / 'empty'}: no file to read in this folder" in result.stderr
    result = run_cli(runner, "ingest", str(SEEDS), "--glob", "*.html", "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1 and "no file in this folder matches --glob '*.html'" in result.stderr


def test_the_summary_counts_files_and_records_apart(runner, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text((ROOT / "tests" / "fixtures" / "ingest" / "feed.jsonl").read_text())
    result = run_cli(runner, "ingest", str(feed), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0
    assert "1 file read; 2 records: 2 new, 0 changed, 0 unchanged;" in result.stderr


def test_every_command_has_examples_and_names_its_arguments_plainly(runner):
    from clashrecon.cli import app

    top = runner.invoke(app, ["--help"]).stdout
    assert "..." not in top.split("Commands:")[1]  # no description cut short
    for command in ("ingest", "reconcile", "timeline", "figures", "conflicts", "claims", "sources", "show", "eval"):
        shown = runner.invoke(app, [command, "--help"]).stdout
        assert "Examples:" in shown and f"clashrecon {command} " in shown.split("Examples:")[1], command
        assert "<list[" not in shown and "{" not in shown.splitlines()[0], shown
    assert runner.invoke(app, ["ingest", "--help"]).stdout.startswith("Usage: clashrecon ingest [OPTIONS] PATH...\n")


def test_version(runner):
    from clashrecon import __version__
    from clashrecon.cli import app

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"clashrecon {__version__}\n"


@pytest.mark.parametrize(
    "args, hint",
    [
        (["claims", "--field", "casualty"], "did you mean 'casualties'?"),
        (["conflicts", "--field", "actor"], "did you mean 'actors'?"),
        (["figures", "--kind", "kiled"], "did you mean 'killed'?"),
    ],
)
def test_a_near_miss_option_value_suggests_the_choice_meant(runner, seeds_db, args, hint):
    result = run_cli(runner, *args, "--db", str(seeds_db))
    assert result.exit_code == 2 and hint in result.stderr


def test_read_command_on_a_missing_store_exits_2(runner, tmp_path):
    result = run_cli(runner, "timeline", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert "no store at" in result.stderr
    assert not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("command", ["timeline", "figures", "conflicts", "claims", "sources", "places", "reconcile"])
def test_read_commands_and_reconcile_never_import_spacy(seeds_copy, command):
    code = (
        "import sys\n"
        "from clashrecon.cli import app\n"
        f"try:\n    app([{command!r}, '--db', {str(seeds_copy)!r}, '--json'])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'dateparser', 'trafilatura'))\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def test_python_dash_m_runs_the_cli():
    done = subprocess.run([sys.executable, "-m", "clashrecon", "--help"], capture_output=True, text=True)
    assert done.returncode == 0
    for command in ("ingest", "timeline", "figures", "conflicts", "claims", "sources", "show"):
        assert command in done.stdout


def test_db_comes_from_the_environment(runner, seeds_db, monkeypatch):
    monkeypatch.setenv("CLASHRECON_DB", str(seeds_db))
    result = run_cli(runner, "sources", "--json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 5


def test_an_ingest_into_a_store_with_results_says_what_changed(runner, tmp_path, nlp):
    """A desk following a story reads what the new articles changed. Before: only the file counts."""
    import shutil

    folder, db = tmp_path / "story", tmp_path / "s.db"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for seed in seeds[:3]:
        shutil.copy(seed, folder / seed.name)
    first = run_cli(runner, "ingest", str(folder), "--db", str(db), "--json")
    assert json.loads(first.stdout)["changes"] == [], "a first ingest has nothing to compare with"
    for seed in seeds[3:]:
        shutil.copy(seed, folder / seed.name)
    second = run_cli(runner, "ingest", str(folder), "--db", str(db))
    assert second.exit_code == 0
    lines = second.stdout.splitlines()
    assert lines[0] == "What changed:"
    assert "  Armenia · killed: 49 → 105 (per Armenia, Wed 2022-09-14)" in lines
    assert "  new conflict: discrepancy both sides · killed: >6,600 vs >6,700" in lines
    again = cli_json(runner, "ingest", str(folder), "--db", str(db), "--force")
    assert again["changes"] == [], "re-extracting the same files changes nothing"
