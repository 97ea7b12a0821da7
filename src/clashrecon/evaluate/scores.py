"""Scores: stored claims and the timeline's dates matched against the gold (rules in the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clashrecon.evaluate.gold import RELATIVE, Gold, GoldCasualty, fold
from clashrecon.models import Claim, Event, Field, Precision, Qualifier

# Scores are compared at this many decimals so float noise never fails the gate.
DECIMALS = 4



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
    unspecified = _unquantified(claim)
    if gold.qualifier == Qualifier.unspecified.value:
        return unspecified
    if unspecified or q.qualifier.value != gold.qualifier:
        return False
    if gold.qualifier == Qualifier.between.value:
        return (q.low, q.high) == (gold.low, gold.high)
    return _stated(claim) == gold.stated


def _unquantified(claim: Claim) -> bool:
    q = claim.quantity
    return q is None or q.qualifier is Qualifier.unspecified or q.low is None


def _locations(text: str, needle: str) -> list[tuple[int, int]]:
    """Where the gold text occurs in the article (folding keeps lengths, so offsets carry over)."""
    hay, pin = fold(text), fold(needle)
    found, at = [], hay.find(pin)
    while at >= 0:
        found.append((at, at + len(pin)))
        at = hay.find(pin, at + 1)
    return found


def _spanned(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Where a spanned gold claim can be found: its span, and every other copy of the line it
    anchors in. A page that prints a headline twice (under the byline, or as a standfirst) says
    one thing once; the annotation anchors one copy, the extractor keeps the other."""
    pieces = [p.strip() for p in text[span[0] : span[1]].split("\n") if p.strip()]
    piece = max(pieces, key=lambda p: (any(ch.isdigit() for ch in p), len(p)), default="")  # the figure's own line
    return [span, *(loc for loc in _locations(text, piece) if loc != span)] if len(piece.split()) >= 3 else [span]


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
    predicted = [
        c for c in claims if c.field is Field.casualties and not (gold.quantified_only and _unquantified(c))
    ]
    used: set[str] = set()
    matched: list[tuple[GoldCasualty, Claim]] = []
    missed: list[str] = []
    for g in gold.casualties:
        spots = _spanned(texts.get(g.article, ""), g.span) if g.span else _locations(texts.get(g.article, ""), g.text)
        hit = next(
            (
                c
                for c in predicted
                if c.id not in used
                and c.article == g.article
                and any(c.start < e and s < c.end for s, e in spots)
                and c.kind == g.kind
                and (c.victim_party == g.victim_party or (gold.sides_where_given and g.victim_party is None))
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
    """The timeline's distinct dates against the gold events' dates.

    The timeline dates an episode's first day, its last day, and each context row under it
    (talks, a truce, a late toll), so a gold event that is a day of a longer episode, or a
    meeting shown as context, is found where the timeline shows it.
    """
    keys = {_date_key(e.when.start, e.when.precision) for e in events}
    undated = sum(1 for e in events if _date_key(e.when.start, e.when.precision) is None)
    for e in events:
        if e.when.end and e.when.precision in (Precision.day, Precision.part_of_day, Precision.hour):
            keys.add(_date_key(e.when.end, Precision.day))
        keys.update(_date_key(r.when.start, Precision.day) for r in e.context if r.when.start)
    keys.discard(None)
    required = {g.date for g in gold.events if not g.optional}
    known = {g.date for g in gold.events}
    tp_keys = {k for k in keys if any(k.startswith(d) for d in known)}
    found = {d for d in required if any(k.startswith(d) for k in keys)}
    extra = sorted(keys - tp_keys) + (["(an event with no date)"] * undated)
    missed = sorted(required - found)
    return Score(tp=len(tp_keys), fp=len(extra), fn=len(missed)), missed, extra
