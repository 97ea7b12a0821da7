"""The pinned floors in data/gold/baseline.json: read, compared with the scores, raised."""

from __future__ import annotations

import json
from pathlib import Path

from clashrecon.errors import UsageError
from clashrecon.evaluate.scores import DECIMALS


def load_baseline(path: Path) -> dict[str, dict[str, float]]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise UsageError(f"baseline {path} is not valid JSON ({exc}); restore it from git") from None
    return data.get("floors", {})


def regressions(current: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    """Every pinned score that the current run falls below, or no longer produces."""
    found = []
    for key, pinned in sorted(floors.items()):
        now = current.get(key)
        for metric, floor in sorted(pinned.items()):
            value = None if now is None else now.get(metric)
            if value is None:
                found.append(f"{key} {metric}: pinned at {floor:.4f}, not measured any more")
            elif round(value, DECIMALS) < round(floor, DECIMALS):
                found.append(f"{key} {metric}: {value:.4f} is below the pinned {floor:.4f}")
    return found


def write_baseline(path: Path, current: dict[str, dict[str, float]]) -> None:
    data = {
        "_comment": (
            "Floors for `clashrecon eval` (make eval; tests/test_eval_gate.py in CI). A score below its floor "
            "fails. Raise with `clashrecon eval --update-baseline`; lowering needs --allow-lower too."
        ),
        "floors": current,
    }
    path.write_text(json.dumps(data, indent=2, sort_keys=False) + "\n", encoding="utf-8")
