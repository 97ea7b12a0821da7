"""The `export` command: one library call, stdout unless --output, refusals that name the fix, no spaCy."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT, run_cli
from export_kit import exported


@pytest.mark.parametrize(
    "args, said",
    [
        (["--format", "gedd"], ["unknown format 'gedd'", "did you mean 'ged'?", "ged, acled, plover, csv or jsonl"]),
        (["--format", "xlsx"], ["unknown format 'xlsx'", "choose one of ged, acled, plover, csv or jsonl"]),
        (["--format", "csv", "--table", "fact"], ["unknown table 'fact'", "did you mean 'facts'?", "facts, claims or places"]),
        (["--format", "ged", "--event", "e00000000"], ["no event has ID 'e00000000'", "eea9a30ca", "leave --event out"]),
    ],
)
def test_a_bad_option_is_refused_with_the_choices_and_the_fix(runner, seeds_db, args, said):
    result = run_cli(runner, "export", *args, "--db", str(seeds_db))
    assert result.exit_code == 2 and result.stdout == ""
    for words in said:
        assert words in result.stderr
    assert "Traceback" not in result.stderr


def test_format_is_required(runner, seeds_db):
    result = run_cli(runner, "export", "--db", str(seeds_db))
    assert result.exit_code == 2 and "--format" in result.stderr


@pytest.mark.parametrize("fmt", ["ged", "acled", "plover", "csv", "jsonl"])
def test_output_writes_the_file_and_nothing_to_stdout(runner, seeds_db, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    result = run_cli(runner, "export", "--format", fmt, "--output", str(target), "--db", str(seeds_db))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8") == exported(runner, "--format", fmt, "--db", str(seeds_db))
    assert not list(tmp_path.glob("*.part"))


def test_an_unwritable_output_is_one_line_and_leaves_nothing(runner, seeds_db, tmp_path):
    target = tmp_path / "missing" / "out.csv"
    result = run_cli(runner, "export", "--format", "ged", "--output", str(target), "--db", str(seeds_db))
    assert result.exit_code == 2 and "cannot write --output" in result.stderr and "leave --output out" in result.stderr
    assert not target.parent.exists()


def test_a_missing_store_is_refused_and_not_created(runner, tmp_path):
    result = run_cli(runner, "export", "--format", "ged", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2 and not (tmp_path / "none.db").exists()


@pytest.mark.parametrize("fmt", ["ged", "acled", "plover", "csv", "jsonl"])
def test_export_reads_the_store_only_and_never_imports_spacy(seeds_copy, fmt):
    code = (
        "import sys\n"
        "from clashrecon.cli import app\n"
        f"try:\n    app(['export', '--format', {fmt!r}, '--db', {str(seeds_copy)!r}])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'dateparser', 'trafilatura'))\n"
        "assert not heavy, heavy\n"
    )
    before = seeds_copy.read_bytes()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert seeds_copy.read_bytes() == before  # nothing written to the store
