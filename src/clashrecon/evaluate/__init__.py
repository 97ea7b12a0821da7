"""Quality gate: score extraction and dating against hand-made gold annotations.

A gold file (data/gold/*.json) names a corpus folder and lists, per article, every
casualty claim an analyst would record and every dated event. `evaluate` ingests the
corpus into a temporary store with the normal pipeline and scores what was stored;
`check_baseline` compares the scores with the pinned floors in data/gold/baseline.json.

Matching rules (also in README "Quality and performance"):
- A stored casualty claim matches a gold claim when it comes from the same article, its
  sentence overlaps the gold text, and kind, victim party and number agree exactly.
  "Number" is the qualifier plus the number as printed (`stated`): "at least 49" is
  (at_least, 49) and "about 100" is (about, 100), whatever tolerance band the extractor
  puts around it; "between 10 and 20" compares low and high; an unspecified count matches
  only an unspecified count; a vague word ("thousands") matches a claim whose quantity
  words contain that word. Each gold claim matches at most one stored claim; every
  unmatched stored claim is a false positive.
- Claimant and claim date are scored on matched claims only, against the gold claims that
  give them.
- Event dates compare the timeline's distinct dates, each at its own precision, with the
  gold events' dates: a predicted date matches a gold date it starts with ("2020-11" is
  within "2020"). Gold events marked optional are never required and never false positives.
  An event left relative ("day 1": no calendar date anywhere) matches the gold date "relative";
  any other undated event is a false positive.

Pure Python: spaCy is only loaded by the ingest that `evaluate` runs.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clashrecon.corpus.view import claims_as_derived
from clashrecon.evaluate.baseline import load_baseline, regressions, write_baseline
from clashrecon.evaluate.gold import BASELINE_NAME, Gold, GoldCasualty, GoldEvent, fold, load_gold
from clashrecon.evaluate.scores import GoldResult, Score, number_matches, score_casualties, score_event_dates
from clashrecon.evaluate.story import StoryGold, StoryScore, combined, score_story

__all__ = [
    "EvalOptions", "EvalReport", "Gold", "GoldCasualty", "GoldEvent", "GoldResult", "Score", "StoryGold",
    "StoryScore", "evaluate", "evaluate_gold", "evaluate_story", "fold", "load_baseline", "load_gold",
    "number_matches", "regressions", "score_casualties", "score_event_dates", "score_store", "score_story",
    "write_baseline",
]

@dataclass
class EvalReport:
    results: list[GoldResult] = field(default_factory=list)
    stories: list[StoryScore] = field(default_factory=list)
    regressions: list[str] = field(default_factory=list)
    baseline: dict[str, dict[str, float]] = field(default_factory=dict)
    baseline_path: Path | None = None
    updated: bool = False

    def flat(self) -> dict[str, dict[str, float]]:
        """'<gold set> / <score>' -> precision, recall, f1: what the baseline pins."""
        flat = {f"{r.name} / {k}": s.ratios() for r in self.results for k, s in r.scores.items()}
        return flat | {f"{s.name} / story": s.pinned() for s in self.stories}

    @property
    def overall(self) -> StoryScore | None:
        """All stories' counts together: the figures a story table ends on."""
        return combined(self.stories) if self.stories else None

    @property
    def exit_code(self) -> int:
        return 1 if self.regressions else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "results": [r.to_json() for r in self.results],
            "stories": [s.to_json() for s in self.stories] + ([self.overall.to_json()] if self.overall else []),
            "baseline": str(self.baseline_path) if self.baseline_path else None,
            "regressions": self.regressions,
            "updated": self.updated,
        }


def score_store(gold: Gold, store) -> GoldResult:
    """Score what a store holds against one gold set."""
    articles = store.articles()
    texts = {a.name: a.text for a in articles}
    result = score_casualties(gold, claims_as_derived(store.claims(), store.derived()), texts)
    if not gold.scores_dates:
        return result
    events = list(store.load_reconciliation().events)
    dates, missed, extra = score_event_dates(gold, events)
    return GoldResult(
        name=result.name,
        scores={**result.scores, "event dates": dates},
        missed=result.missed + tuple(f"event date {d}" for d in missed),
        extra=result.extra + tuple(f"event date {d}" for d in extra),
        wrong=result.wrong,
    )


def _scored(gold: Gold | StoryGold, score, model: str | None, jobs: int):
    """Ingest the gold's corpus into a temporary store with the normal pipeline, then `score(store)`."""
    from datetime import date

    from clashrecon.pipeline import IngestOptions, ingest
    from clashrecon.store import Store

    ref = date.fromisoformat(gold.reference_date) if gold.reference_date else None
    with tempfile.TemporaryDirectory(prefix="clashrecon-eval-") as tmp:
        with Store.open(Path(tmp) / "eval.db", create=True) as store:
            ingest(store, IngestOptions(paths=(gold.corpus,), model=model, jobs=jobs, reference_date=ref))
            return score(store)


def evaluate_gold(gold: Gold, model: str | None = None, jobs: int = 1) -> GoldResult:
    """Extraction and dating scores of one gold set's corpus."""
    return _scored(gold, lambda store: score_store(gold, store), model, jobs)


def evaluate_story(gold: StoryGold, model: str | None = None, jobs: int = 1) -> StoryScore:
    """The story scores of one story gold's corpus, from its reconciled timeline and flags."""
    return _scored(gold, lambda store: score_story(gold, store.load_reconciliation()), model, jobs)


@dataclass(frozen=True)
class EvalOptions:
    gold: Path
    baseline: Path | None = None
    update_baseline: bool = False
    allow_lower: bool = False
    model: str | None = None
    jobs: int = 1


def evaluate(options: EvalOptions) -> EvalReport:
    """Score every gold set, then check (or update) the pinned baseline.

    Updating only raises floors unless `allow_lower` is set: a drop is refused as a
    regression, so lowering the bar is always a deliberate, visible act.
    """
    golds = load_gold(options.gold)
    folder = options.gold if options.gold.is_dir() else options.gold.parent
    baseline_path = options.baseline or folder / BASELINE_NAME
    report = EvalReport(baseline_path=baseline_path)
    report.results = [evaluate_gold(g, options.model, options.jobs) for g in golds if isinstance(g, Gold)]
    report.stories = [evaluate_story(g, options.model, options.jobs) for g in golds if isinstance(g, StoryGold)]
    floors = load_baseline(baseline_path)
    report.baseline = floors
    current = report.flat()
    # Floors of gold sets not evaluated in this run are neither checked nor dropped.
    names = {r.name for r in report.results} | {s.name for s in report.stories}
    relevant = {k: v for k, v in floors.items() if k.split(" / ")[0] in names}
    report.regressions = regressions(current, relevant)
    if options.update_baseline and (options.allow_lower or not report.regressions):
        kept = {k: v for k, v in floors.items() if k not in relevant}
        write_baseline(baseline_path, {**kept, **current})
        report.updated = True
        report.regressions = []
    return report
