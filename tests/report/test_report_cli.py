"""`clashrecon report`: where it writes, what it says, what it refuses, and what it never touches."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from clashrecon.report import content
from clashrecon.report import build_brief
from clashrecon.store import Store
from conftest import ROOT, run_cli


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_default_is_brief_html_here_and_the_store_is_only_read(runner, seeds_copy, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = digest(seeds_copy)
    result = run_cli(runner, "report", "--db", str(seeds_copy))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "brief.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.stderr.strip() == "wrote brief.html: 3 events, 6 discrepancies or disputes, 1 chart, 5 sources"
    assert result.stdout == ""
    assert digest(seeds_copy) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "copy.db"]  # no temporary file left


@pytest.mark.parametrize("args, name", [(["--format", "md"], "brief.md"), (["--output", "desk.md"], "desk.md"),
                                        (["--format", "MD", "--output", "out.txt"], "out.txt")])
def test_markdown_is_written_with_its_charts_beside_it(runner, seeds_db, tmp_path, monkeypatch, args, name):
    monkeypatch.chdir(tmp_path)
    result = run_cli(runner, "report", "--db", str(seeds_db), *args, "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    [chart] = answer.pop("chart_files")
    assert answer == {"output": name, "format": "md", "events": 3, "conflicts": 6, "charts": 1, "sources": 5}
    assert (tmp_path / name).read_text(encoding="utf-8").startswith("# Brief: Armenia and Azerbaijan")
    assert (tmp_path / chart).read_text(encoding="utf-8").startswith("<?xml")


def test_one_event(runner, seeds_db, tmp_path):
    with Store.open(seeds_db, create=False) as store:
        episode = next(e for e in store.load_reconciliation().events if not e.background)
    out = tmp_path / "one.html"
    result = run_cli(runner, "report", "--db", str(seeds_db), "--event", episode.id, "--output", str(out))
    assert result.exit_code == 0 and "1 event, 5 discrepancies or disputes" in result.stderr
    assert "Earlier events mentioned as context" not in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "pdf"], "unknown format 'pdf'; choose html or md"),
        (["--format", "htm"], "unknown format 'htm'; did you mean 'html'? choose html or md"),
        (["--event", "e000"], "no event has ID 'e000'; events: "),
        (["--output", "{missing}/brief.html"], "cannot write the brief to "),
        (["--output", "{folder}"], "it is a folder; give --output a file name"),
    ],
)
def test_what_cannot_be_done_is_one_line_and_exit_2(runner, seeds_db, tmp_path, args, message):
    args = [a.format(missing=tmp_path / "no" / "such", folder=tmp_path) for a in args]
    result = run_cli(runner, "report", "--db", str(seeds_db), *args)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("clashrecon: error: ") and message in line
    assert "Traceback" not in result.output


def test_a_store_without_events_says_to_ingest_first(runner, tmp_path):
    with Store.open(tmp_path / "empty.db", create=True):
        pass
    result = run_cli(runner, "report", "--db", str(tmp_path / "empty.db"), "--output", str(tmp_path / "b.html"))
    assert result.exit_code == 2 and "holds no reconciled events" in result.stderr and "clashrecon ingest" in result.stderr
    assert not (tmp_path / "b.html").exists()


def test_report_never_imports_spacy(seeds_copy, tmp_path):
    out = tmp_path / "brief.html"
    code = (
        "import sys\n"
        "import clashrecon.report\n"
        "assert 'rich' not in sys.modules  # the brief is a library: only render.py prints to a terminal\n"
        "from clashrecon.cli import app\n"
        f"try:\n    app(['report', '--db', {str(seeds_copy)!r}, '--output', {str(out)!r}])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'dateparser', 'trafilatura'))\n"
        "assert not heavy, heavy\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert out.exists()


class Stages:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def stage(self, label: str) -> None:
        self.seen.append(label)


@pytest.mark.parametrize("threshold, shown", [(200, False), (5, True)])
def test_a_large_store_shows_its_stages(seeds_db, monkeypatch, threshold, shown):
    cfg = {**content.settings(), "progress_min_articles": threshold}
    monkeypatch.setattr(content, "settings", lambda: cfg)
    stages = Stages()
    with Store.open(seeds_db, create=False) as store:
        build_brief(store, progress=stages)
    assert bool(stages.seen) is shown
    if shown:
        assert stages.seen[0] == "reading the reconciled picture" and stages.seen[-1] == "writing the brief"
