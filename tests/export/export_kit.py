"""What the export tests share: the made-up stories of tests/stories, each ingested once per test run."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import ROOT, run_cli

STORIES = sorted(p.parent for p in (ROOT / "tests" / "stories").glob("*/expected.json"))
_INGESTED: dict[str, Path] = {}


def story_db(runner, story: Path, tmp_path_factory) -> Path:
    """The story's store, ingested the first time any test asks for it."""
    if story.name not in _INGESTED:
        db = tmp_path_factory.mktemp(f"export-{story.name}") / "story.db"
        result = run_cli(runner, "ingest", str(story), "--db", str(db), "--quiet", "--glob", "*.txt")
        assert result.exit_code == 0, result.output
        _INGESTED[story.name] = db
    return _INGESTED[story.name]


def exported(runner, *args: str) -> str:
    """stdout of a successful `clashrecon export ...`."""
    result = run_cli(runner, "export", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """The header and rows of a CSV export, read back with the standard csv module."""
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def jsonl_rows(text: str) -> list[dict]:
    """A JSON Lines export read back line by line."""
    return [json.loads(line) for line in text.splitlines()]
