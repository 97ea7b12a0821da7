"""Turn the private real-page casualty annotations into the committed gold, which quotes nothing.

An annotation (data/realtext/casualty-annotations/_annotation_<event>.json, git-ignored, kept out
of the pages' folder so that ingest never reads it as an article)
locates each claim by a phrase copied from its page. The committed gold
(data/gold/realtext/casualties.json) keeps only the phrase's offsets and a fingerprint
(`anchor_check`), so `clashrecon eval` can find the claim on a rebuilt page and notice a page
that differs, while the repository holds no news text.

    python scripts/anchor_gold.py            # rewrite the gold from the annotations
    python scripts/anchor_gold.py holdout    # the same for the holdout set (data/realtext/holdout/)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from clashrecon.evaluate.gold import anchor_check, fold

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data" / "realtext"
# set -> (pages, private annotations, committed gold, what the pages are)
SETS = {
    "casualties": (
        REAL / "casualties", REAL / "casualty-annotations", ROOT / "data" / "gold" / "realtext" / "casualties.json",
        "seven attacks the rules were not written for (Kramatorsk 2022, Tinzaouaten 2024, El Fasher and Zamzam 2025, "
        "Pazigyi 2023, Garissa 2015, Mogadishu 2017, Amhara drone strikes 2023); scored first before any tuning, then "
        "used to develop the extractor",
    ),
    "holdout": (
        REAL / "holdout", REAL / "holdout-annotations", ROOT / "data" / "gold" / "realtext" / "holdout.json",
        "four attacks gathered after the extractor was tuned on the first set, and never used to tune it (Kabul airport "
        "2021, Kaaj centre 2022, Barsalogho 2024, Crocus City Hall 2024)",
    ),
}
KEPT = ("kind", "qualifier", "stated", "low", "high", "vague", "victim_party", "victim_group", "scope")


def anchored(entry: dict, text: str, where: str) -> dict:
    hay, pin = fold(text), fold(entry["phrase"])
    at = hay.find(pin)
    if at < 0 or hay.find(pin, at + 1) >= 0:
        raise SystemExit(f"{where}: phrase {entry['phrase']!r} occurs {hay.count(pin)} times in {entry['article']}; make it unique")
    end = at + len(pin)
    out = {"article": entry["article"], "span": [at, end], "check": anchor_check(text[at:end])}
    out |= {k: entry[k] for k in KEPT if entry.get(k) is not None}
    out["victim_party"] = entry.get("victim_party")
    return out  # the claimant as the annotator wrote it stays private: it can run to a quoted phrase


def main() -> int:
    name = sys.argv[1] if len(sys.argv) > 1 else "casualties"
    if name not in SETS:
        raise SystemExit(f"unknown set {name!r}; choose one of {', '.join(SETS)}")
    pages, annotations, gold_path, about = SETS[name]
    claims: list[dict] = []
    for path in sorted(annotations.glob("_annotation_*.json")):
        for i, entry in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            page = pages / entry["article"]
            claims.append(anchored(entry, page.read_text(encoding="utf-8"), f"{path.name}[{i}]"))
    gold = {
        "name": "real casualties" if name == "casualties" else f"real {name}",
        "description": (
            f"Hand annotation of every quantified casualty claim in real pages about {about}. Each claim is located "
            f"by offsets into its page, never by quoting it; the pages are rebuilt from "
            f"data/realtext-sources/{name}_*.json. victim_party is null where the text names no side, and then any "
            "side matches."
        ),
        "corpus": f"../../realtext/{pages.name}",
        "quantified_only": True,
        "sides": "where_given",
        "casualties": claims,
    }
    gold_path.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{gold_path.relative_to(ROOT)}: {len(claims)} claims from {len({c['article'] for c in claims})} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
