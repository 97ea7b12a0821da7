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

import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clashrecon.errors import UsageError
from clashrecon.models import Claim, Event, Field, Precision, Qualifier

BASELINE_NAME = "baseline.json"
RELATIVE = "relative"  # gold event date of a story that never gives a calendar date
# Scores are compared at this many decimals so float noise never fails the gate.
DECIMALS = 4
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def fold(text: str) -> str:
    """Text for matching: curly quotes straightened, lower case."""
    return text.translate(_FOLD).lower()


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldCasualty:
    article: str
    text: str
    kind: str
    victim_party: str | None
    qualifier: str | None = None
    stated: int | None = None
    low: int | None = None
    high: int | None = None
    vague: str | None = None
    claimant: str | None = None
    dates: tuple[str, ...] = ()
    scope: str | None = None

    def describe(self) -> str:
        number = self.vague or (
            f"{self.low}-{self.high}" if self.qualifier == Qualifier.between.value else f"{self.qualifier} {self.stated}"
        )
        return f"{self.article}: {number} {self.kind} {self.victim_party} «{self.text}»"


@dataclass(frozen=True)
class GoldEvent:
    date: str
    label: str
    optional: bool = False


@dataclass(frozen=True)
class Gold:
    name: str
    path: Path
    corpus: Path
    casualties: tuple[GoldCasualty, ...]
    events: tuple[GoldEvent, ...]
    reference_date: str | None = None


def _gold_file(path: Path) -> Gold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"gold file {path} cannot be read as JSON ({exc}); fix it or give another GOLD") from None
    try:
        corpus = (path.parent / data["corpus"]).resolve()
        casualties = tuple(
            GoldCasualty(
                article=c["article"],
                text=c["text"],
                kind=c["kind"],
                victim_party=c.get("victim_party"),
                qualifier=c.get("qualifier"),
                stated=c.get("stated"),
                low=c.get("low"),
                high=c.get("high"),
                vague=c.get("vague"),
                claimant=c.get("claimant"),
                dates=tuple(c.get("dates", ())),
                scope=c.get("scope"),
            )
            for c in data.get("casualties", ())
        )
        events = tuple(
            GoldEvent(date=str(e["date"]), label=e.get("label", ""), optional=bool(e.get("optional", False)))
            for e in data.get("events", ())
        )
    except (KeyError, TypeError) as exc:
        raise UsageError(f"gold file {path} lacks a required key ({exc}); see data/gold/seeds.json for the format") from None
    if not corpus.exists():
        raise UsageError(f"gold file {path} names corpus {corpus}, which does not exist")
    return Gold(
        name=data.get("name", path.stem),
        path=path,
        corpus=corpus,
        casualties=casualties,
        events=events,
        reference_date=data.get("reference_date"),
    )


def load_gold(path: Path) -> list[Gold]:
    """One gold file, or every *.json gold file in a folder (the baseline excepted)."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.json") if p.name != BASELINE_NAME)
        if not files:
            raise UsageError(f"no gold files (*.json) in {path}")
        return [_gold_file(p) for p in files]
    if not path.exists():
        raise UsageError(f"gold path {path} does not exist; give a gold .json file or a folder of them")
    return [_gold_file(path)]


# --------------------------------------------------------------------------- scores


@dataclass(frozen=True)
class Score:
    """Counts of one comparison, and the usual ratios (1.0 when there is nothing to find or claim)."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def ratios(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, DECIMALS),
            "recall": round(self.recall, DECIMALS),
            "f1": round(self.f1, DECIMALS),
        }


@dataclass(frozen=True)
class GoldResult:
    """The scores of one gold set, with what was missed and what was extra, for reading."""

    name: str
    scores: dict[str, Score]
    missed: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "scores": {k: {"tp": s.tp, "fp": s.fp, "fn": s.fn, **s.ratios()} for k, s in self.scores.items()},
            "missed": list(self.missed),
            "extra": list(self.extra),
            "wrong": list(self.wrong),
        }


def _stated(claim: Claim) -> int | None:
    q = claim.quantity
    if q is None:
        return None
    if q.stated is not None:
        return q.stated
    if q.qualifier is Qualifier.more_than and q.low is not None:
        return q.low - 1
    if q.qualifier is Qualifier.up_to:
        return q.high
    return q.low


def number_matches(gold: GoldCasualty, claim: Claim) -> bool:
    """The number rule of the module docstring."""
    q = claim.quantity
    if gold.vague is not None:
        return q is not None and gold.vague.lower() in fold(q.text)
    unspecified = q is None or q.qualifier is Qualifier.unspecified or q.low is None
    if gold.qualifier == Qualifier.unspecified.value:
        return unspecified
    if unspecified or q.qualifier.value != gold.qualifier:
        return False
    if gold.qualifier == Qualifier.between.value:
        return (q.low, q.high) == (gold.low, gold.high)
    return _stated(claim) == gold.stated


def _locations(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the gold text occurs in the article (folding keeps lengths, so offsets carry over)."""
    hay, pin = fold(text), fold(needle)
    found, at = [], hay.find(pin)
    while at >= 0:
        found.append((at, at + len(pin)))
        at = hay.find(pin, at + 1)
    return found


def _describe(claim: Claim) -> str:
    q = claim.quantity
    number = q.display() if q is not None else "?"
    if q is not None and q.qualifier is not Qualifier.exact:
        number = f"{q.qualifier.value} {q.stated if q.stated is not None else number}"
    return f"{claim.article}: {number} {claim.kind} {claim.victim_party} «{claim.quote[:90]}»"


def _date_key(when_start: str | None, precision: Precision) -> str | None:
    if not when_start:
        # "day 1" of a story with no calendar date: right only where the gold says "relative"
        return RELATIVE if precision is Precision.relative else None
    if precision is Precision.year:
        return when_start[:4]
    if precision is Precision.month:
        return when_start[:7]
    return when_start[:10]


def score_casualties(gold: Gold, claims: list[Claim], texts: dict[str, str]) -> GoldResult:
    """Casualty claims, their claimants and their dates against the gold set."""
    predicted = [c for c in claims if c.field is Field.casualties]
    used: set[str] = set()
    matched: list[tuple[GoldCasualty, Claim]] = []
    missed: list[str] = []
    for g in gold.casualties:
        spots = _locations(texts.get(g.article, ""), g.text)
        hit = next(
            (
                c
                for c in predicted
                if c.id not in used
                and c.article == g.article
                and any(c.start < e and s < c.end for s, e in spots)
                and c.kind == g.kind
                and c.victim_party == g.victim_party
                and number_matches(g, c)
            ),
            None,
        )
        if hit is None:
            missed.append(g.describe())
        else:
            used.add(hit.id)
            matched.append((g, hit))
    extra = [_describe(c) for c in predicted if c.id not in used]
    claims_score = Score(tp=len(matched), fp=len(extra), fn=len(missed))

    wrong: list[str] = []
    who_tp = who_fp = 0
    date_tp = date_fp = 0
    for g, c in matched:
        if g.claimant is not None:
            if c.claimant == g.claimant:
                who_tp += 1
            elif c.claimant is not None:
                who_fp += 1
                wrong.append(f"claimant {c.claimant} (gold {g.claimant}): {g.describe()}")
        if g.dates:
            start = c.event_time.start if c.event_time else None
            if start and any(start.startswith(d) for d in g.dates):
                date_tp += 1
            elif start:
                date_fp += 1
                wrong.append(f"date {start} (gold {'/'.join(g.dates)}): {g.describe()}")
    with_claimant = sum(1 for g in gold.casualties if g.claimant is not None)
    with_dates = sum(1 for g in gold.casualties if g.dates)
    scores = {"casualty claims": claims_score}
    # A gold set that names no claimant (or no date) has nothing to score there: no vacuous 1.0 row.
    if with_claimant:
        scores["casualty claimants"] = Score(tp=who_tp, fp=who_fp, fn=with_claimant - who_tp)
    if with_dates:
        scores["casualty dates"] = Score(tp=date_tp, fp=date_fp, fn=with_dates - date_tp)
    return GoldResult(name=gold.name, scores=scores, missed=tuple(missed), extra=tuple(extra), wrong=tuple(wrong))


def score_event_dates(gold: Gold, events: list[Event]) -> tuple[Score, list[str], list[str]]:
    """The timeline's distinct event dates against the gold events' dates."""
    keys = {_date_key(e.when.start, e.when.precision) for e in events}
    undated = sum(1 for e in events if _date_key(e.when.start, e.when.precision) is None)
    keys.discard(None)
    required = {g.date for g in gold.events if not g.optional}
    known = {g.date for g in gold.events}
    tp_keys = {k for k in keys if any(k.startswith(d) for d in known)}
    found = {d for d in required if any(k.startswith(d) for k in keys)}
    extra = sorted(keys - tp_keys) + (["(an event with no date)"] * undated)
    missed = sorted(required - found)
    return Score(tp=len(tp_keys), fp=len(extra), fn=len(missed)), missed, extra


# --------------------------------------------------------------------------- running


@dataclass
class EvalReport:
    results: list[GoldResult] = field(default_factory=list)
    regressions: list[str] = field(default_factory=list)
    baseline: dict[str, dict[str, float]] = field(default_factory=dict)
    baseline_path: Path | None = None
    updated: bool = False

    def flat(self) -> dict[str, dict[str, float]]:
        """'<gold set> / <score>' -> precision, recall, f1: what the baseline pins."""
        return {f"{r.name} / {k}": s.ratios() for r in self.results for k, s in r.scores.items()}

    @property
    def exit_code(self) -> int:
        return 1 if self.regressions else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "results": [r.to_json() for r in self.results],
            "baseline": str(self.baseline_path) if self.baseline_path else None,
            "regressions": self.regressions,
            "updated": self.updated,
        }


def score_store(gold: Gold, store) -> GoldResult:
    """Score what a store holds against one gold set."""
    articles = store.articles()
    texts = {a.name: a.text for a in articles}
    from clashrecon.corpus.view import claims_as_derived

    result = score_casualties(gold, claims_as_derived(store.claims(), store.derived()), texts)
    events = list(store.load_reconciliation().events)
    dates, missed, extra = score_event_dates(gold, events)
    return GoldResult(
        name=result.name,
        scores={**result.scores, "event dates": dates},
        missed=result.missed + tuple(f"event date {d}" for d in missed),
        extra=result.extra + tuple(f"event date {d}" for d in extra),
        wrong=result.wrong,
    )


def evaluate_gold(gold: Gold, model: str | None = None, jobs: int = 1) -> GoldResult:
    """Ingest the gold's corpus into a temporary store with the normal pipeline, then score it."""
    from datetime import date

    from clashrecon.pipeline import IngestOptions, ingest
    from clashrecon.store import Store

    ref = date.fromisoformat(gold.reference_date) if gold.reference_date else None
    with tempfile.TemporaryDirectory(prefix="clashrecon-eval-") as tmp:
        with Store.open(Path(tmp) / "eval.db", create=True) as store:
            ingest(store, IngestOptions(paths=(gold.corpus,), model=model, jobs=jobs, reference_date=ref))
            return score_store(gold, store)


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
    report.results = [evaluate_gold(g, options.model, options.jobs) for g in golds]
    floors = load_baseline(baseline_path)
    report.baseline = floors
    current = report.flat()
    # Floors of gold sets not evaluated in this run are neither checked nor dropped.
    names = {r.name for r in report.results}
    relevant = {k: v for k, v in floors.items() if k.split(" / ")[0] in names}
    report.regressions = regressions(current, relevant)
    if options.update_baseline and (options.allow_lower or not report.regressions):
        kept = {k: v for k, v in floors.items() if k not in relevant}
        write_baseline(baseline_path, {**kept, **current})
        report.updated = True
        report.regressions = []
    return report
