"""The quality gate in CI: extraction on the gold corpora must not score below the pinned baseline.

If this fails, read the regression lines: either fix the extractor, or, if the drop is a
deliberate trade, lower the floor on purpose with
`clashrecon eval data/gold --update-baseline --allow-lower` and say why in the commit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold"


@pytest.fixture(scope="module")
def gate(runner, nlp):
    """`clashrecon eval data/gold --json`, run once for the module."""
    return run_cli(runner, "eval", str(GOLD), "--json")


def test_scores_do_not_drop_below_the_pinned_baseline(gate):
    report = json.loads(gate.stdout)
    assert report["regressions"] == [], "\n".join(report["regressions"])
    assert gate.exit_code == 0


def test_the_baseline_pins_every_score_of_every_gold_set(gate):
    floors = json.loads((GOLD / "baseline.json").read_text(encoding="utf-8"))["floors"]
    report = json.loads(gate.stdout)
    measured = {f"{r['name']} / {score}" for r in report["results"] for score in r["scores"]}
    measured |= {f"{s['name']} / story" for s in report["stories"] if s["name"] != "all stories"}
    assert measured <= set(floors), f"scores without a floor: {sorted(measured - set(floors))}"
    assert {"seeds / casualty claims", "seeds / event dates", "israel_iran_2025 / story"} <= measured


def test_the_gate_scores_every_development_story(gate):
    """Four stories of real clashes, told in our own words; each has final figures, conflicts and a table row."""
    stories = {s["name"]: s for s in json.loads(gate.stdout)["stories"]}
    assert {"india_pakistan_2025", "israel_iran_2025", "goma_m23_2025", "pakistan_afghanistan_2025", "all stories"} <= set(stories)
    assert all(s["final_figures"]["of"] >= 4 and s["conflicts_flagged"]["of"] >= 5 for n, s in stories.items() if n != "all stories")


def test_a_drop_below_a_floor_fails_the_command(runner, nlp, tmp_path):
    """The gate can fail: a baseline above any reachable score makes eval exit 1."""
    impossible = tmp_path / "baseline.json"
    impossible.write_text(
        json.dumps({"floors": {"seeds / casualty claims": {"precision": 1.01, "recall": 1.01, "f1": 1.01}}}),
        encoding="utf-8",
    )
    result = run_cli(runner, "eval", str(GOLD / "seeds.json"), "--baseline", str(impossible), "--json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)["regressions"]) == 3
