"""The seeds' `timeline --json`, `conflicts --all --json` and `figures --json`, compared with reviewed golden files.

Any change to extraction or reconciliation that moves the seeds' brief shows up here as a
diff. After an intended change, refresh and review:

    CLASHRECON_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden
    git diff tests/golden/
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import cli_json

HERE = Path(__file__).resolve().parent
UPDATE = os.environ.get("CLASHRECON_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(
    "name, args",
    [
        ("seeds_timeline.json", ["timeline"]),
        ("seeds_conflicts.json", ["conflicts", "--all"]),
        ("seeds_figures.json", ["figures"]),
    ],
)
def test_seeds_output_matches_the_golden_file(runner, seeds_db, name, args):
    got = cli_json(runner, *args, "--db", str(seeds_db))
    path = HERE / name
    if UPDATE:
        path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert path.exists(), f"{path} missing; create it with CLASHRECON_UPDATE_GOLDEN=1 and review it"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert got == want, f"seeds output differs from {name}; if intended, refresh with CLASHRECON_UPDATE_GOLDEN=1"
