"""Story gold: the analyst's final figures, real conflicts and not-conflicts for one multi-article story.

A story gold file (data/gold/stories/*.json; real pages in data/gold/realtext/) names a corpus
folder and gives, for the whole story:
- `sides`: each warring side and the other names its casualties may be printed under;
- `final_figures`: per (side, kind) the analyst's final low, best and high;
- `conflicts`: the real disagreements (figures that cannot all be true, or a dispute over who
  did what), each with the figures in disagreement or the disputing parties;
- `not_conflicts`: pairs an over-eager tool would flag (update, increment, subtotal, aggregate,
  background), each with its relation.

Scores, per story and overall (rules also in README "Quality gate"):
- *final figures*: the tool's final figure for a (side, kind) (its `Tally`, reconcile/tallies.py)
  lies within the gold [low, high];
- *conflicts flagged*: an expected conflict is flagged when a flag (a `discrepancy` or
  `disputed` relation) matches it that is not already spent: a flag answers as many expected
  conflicts as its positions less one (606 vs 610 vs 974 answers two). It matches as
  a casualty flag on the same side and kind whose positions print at least two of the gold
  figures (all of them if fewer), or an actor dispute about the same question (the label's
  words in its subject, or both about who started it) whose positions' values or claimants
  name at least two of the gold parties;
- *false alarms*: flags that match no expected conflict, out of all flags;
- *episodes*: where the gold lists the analyst's `episodes` (each a span of days of fighting),
  the timeline's events that are not background, against that count: one event per episode
  is a fragmentation of 1.0; the pinned figure is min(events, episodes) / max(events, episodes).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clashrecon.errors import UsageError
from clashrecon.models import BOTH, Conflict, Field, Reconciliation, Tally

RELATIONS = ("update", "increment", "subtotal", "aggregate", "background")
_KINDS = ("killed", "wounded", "missing", "captured", "bodies", "casualties")
_NUMBER = re.compile(r"\d[\d,]*")
_DATED = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class GoldFigure:
    party: str
    kind: str
    low: int
    best: int
    high: int
    claimant: str = ""
    why: str = ""

    def describe(self) -> str:
        span = f"{self.best}" if self.low == self.high else f"{self.best} [{self.low}–{self.high}]"
        return f"{self.party} · {self.kind} {span}"


@dataclass(frozen=True)
class GoldConflict:
    field: Field
    party: str | None = None
    kind: str | None = None
    figures: tuple[int, ...] = ()
    parties: tuple[str, ...] = ()
    label: str = ""
    why: str = ""

    def describe(self) -> str:
        if self.field is Field.actors:
            return f"dispute {self.label or 'actors'}: {' vs '.join(self.parties)}"
        return f"{self.party} · {self.kind} {' vs '.join(map(str, self.figures))}"


@dataclass(frozen=True)
class GoldRelation:
    party: str
    kind: str
    figures: tuple[int, ...]
    relation: str
    why: str = ""

    def describe(self) -> str:
        return f"{self.relation} {self.party} · {self.kind} {', '.join(map(str, self.figures))}"


@dataclass(frozen=True)
class GoldEpisode:
    start: str
    end: str
    label: str = ""


@dataclass(frozen=True)
class StoryGold:
    name: str
    path: Path
    corpus: Path
    sides: dict[str, tuple[str, ...]]
    figures: tuple[GoldFigure, ...]
    conflicts: tuple[GoldConflict, ...]
    not_conflicts: tuple[GoldRelation, ...]
    reference_date: str | None = None
    episodes: tuple[GoldEpisode, ...] = ()

    def side_of(self, party: str | None) -> str | None:
        """The gold side a printed victim party names, 'both', or None."""
        if party is None:
            return None
        if party == BOTH:
            return BOTH
        folded = party.casefold()
        for side, names in self.sides.items():
            if folded == side.casefold() or folded in (n.casefold() for n in names):
                return side
        return None


def is_story_gold(data: dict[str, Any]) -> bool:
    return "final_figures" in data


def _party(value: str, sides: dict[str, tuple[str, ...]], path: Path) -> str:
    if value != BOTH and value not in sides:
        raise UsageError(f"story gold {path} names party {value!r}; use one of {sorted(sides) + [BOTH]}")
    return value


def _kind(value: str, path: Path) -> str:
    if value not in _KINDS:
        raise UsageError(f"story gold {path} names kind {value!r}; use one of {list(_KINDS)}")
    return value


def story_gold(path: Path, data: dict[str, Any]) -> StoryGold:
    """The story gold of a parsed file; a bad value is a UsageError naming it and the choices."""
    try:
        sides = {str(k): tuple(v) for k, v in data["sides"].items()}
        figures = tuple(
            GoldFigure(
                party=_party(f["party"], sides, path), kind=_kind(f["kind"], path),
                low=int(f["low"]), best=int(f["best"]), high=int(f["high"]),
                claimant=f.get("claimant", ""), why=f.get("why", ""),
            )
            for f in data["final_figures"]
        )
        conflicts = tuple(
            GoldConflict(field=Field.actors, parties=tuple(c["parties"]), label=c.get("label", ""), why=c.get("why", ""))
            if c.get("field") == "actors"
            else GoldConflict(
                field=Field.casualties, party=_party(c["party"], sides, path), kind=_kind(c["kind"], path),
                figures=tuple(int(n) for n in c["figures"]), why=c.get("why", ""),
            )
            for c in data.get("conflicts", ())
        )
        relations = []
        for r in data.get("not_conflicts", ()):
            if r["relation"] not in RELATIONS:
                raise UsageError(f"story gold {path} names relation {r['relation']!r}; use one of {list(RELATIONS)}")
            relations.append(
                GoldRelation(
                    party=_party(r["party"], sides, path), kind=_kind(r["kind"], path),
                    figures=tuple(int(n) for n in r["figures"]), relation=r["relation"], why=r.get("why", ""),
                )
            )
        episodes = tuple(GoldEpisode(start=str(e["start"]), end=str(e["end"]), label=e.get("label", "")) for e in data.get("episodes", ()))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise UsageError(
            f"story gold {path} lacks a required key or has a wrong value ({exc}); see data/gold/stories/ for the format"
        ) from None
    corpus = (path.parent / data["corpus"]).resolve()
    if not corpus.exists():
        raise UsageError(f"story gold {path} names corpus {corpus}, which does not exist")
    return StoryGold(
        name=data.get("name", path.stem), path=path, corpus=corpus, sides=sides, figures=figures,
        conflicts=conflicts, not_conflicts=tuple(relations), reference_date=data.get("reference_date"), episodes=episodes,
    )


@dataclass(frozen=True)
class StoryScore:
    """The three figures of one story (or of all stories together) and what lies behind them."""

    name: str
    figures_within: int
    figures: int
    conflicts_flagged: int
    conflicts: int
    false_alarms: int
    flags: int
    lines: tuple[str, ...] = field(default=())
    events: int = 0  # the timeline's events that are not background
    episodes: int = 0  # the gold's episodes; 0 where the gold lists none

    @property
    def within_ratio(self) -> float:
        return self.figures_within / self.figures if self.figures else 1.0

    @property
    def flagged_ratio(self) -> float:
        return self.conflicts_flagged / self.conflicts if self.conflicts else 1.0

    @property
    def false_alarm_ratio(self) -> float:
        return self.false_alarms / self.flags if self.flags else 0.0

    @property
    def fragmentation(self) -> float | None:
        """Events per episode: 1.0 is one event per episode the analyst codes."""
        return self.events / self.episodes if self.episodes else None

    @property
    def episodes_ratio(self) -> float:
        return min(self.events, self.episodes) / max(self.events, self.episodes) if self.episodes and self.events else 0.0

    def pinned(self) -> dict[str, float]:
        """What the baseline pins, each higher-is-better so a floor can guard it."""
        pinned = {
            "final figures within range": round(self.within_ratio, 4),
            "conflicts flagged": round(self.flagged_ratio, 4),
            "flags not false alarms": round(1 - self.false_alarm_ratio, 4),
        }
        if self.episodes:
            pinned["events match episodes"] = round(self.episodes_ratio, 4)
        return pinned

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "final_figures": {"within": self.figures_within, "of": self.figures, "ratio": round(self.within_ratio, 4)},
            "conflicts_flagged": {"flagged": self.conflicts_flagged, "of": self.conflicts, "ratio": round(self.flagged_ratio, 4)},
            "false_alarms": {"false": self.false_alarms, "of_flags": self.flags, "ratio": round(self.false_alarm_ratio, 4)},
            "episodes": {"events": self.events, "episodes": self.episodes, "fragmentation": self.fragmentation},
            "details": list(self.lines),
        }


def combined(scores: list[StoryScore], name: str = "all stories") -> StoryScore:
    return StoryScore(
        name=name,
        figures_within=sum(s.figures_within for s in scores),
        figures=sum(s.figures for s in scores),
        conflicts_flagged=sum(s.conflicts_flagged for s in scores),
        conflicts=sum(s.conflicts for s in scores),
        false_alarms=sum(s.false_alarms for s in scores),
        flags=sum(s.flags for s in scores),
        events=sum(s.events for s in scores if s.episodes),
        episodes=sum(s.episodes for s in scores),
    )


def printed_figures(value: str) -> set[int]:
    """The numbers a position prints, its date in brackets left out: '≥49 (Tue 2022-09-13)' -> {49}."""
    return {int(n.replace(",", "")) for n in _NUMBER.findall(_DATED.sub("", value))}


def final_figure(gold: StoryGold, reconciliation: Reconciliation, party: str, kind: str) -> Tally | None:
    """The tool's final figure for a gold side and kind; of several tallies under the side's names, the best supported."""
    found = [t for t in reconciliation.tallies if t.kind.value == kind and gold.side_of(t.party) == party]
    return max(found, key=lambda t: len(t.claim_ids), default=None)


def _flag_figures(c: Conflict) -> set[int]:
    return set().union(*(printed_figures(p.value) for p in c.positions)) if c.positions else set()


def _subject_side_kind(gold: StoryGold, subject: str) -> tuple[str | None, str | None]:
    parts = subject.split(" · ")
    party = BOTH if parts[0] == "both sides" else gold.side_of(parts[0])
    return party, parts[1] if len(parts) > 1 else None


_WHO_STARTED_IT = ("initiator", "who attacked", "who is to blame")


def _same_question(label: str, subject: str) -> bool:
    """A gold dispute's label and a flag's subject ask the same thing: the label's words are in
    the subject ('perpetrator' in 'perpetrator of South Africa deaths (attack)'), or both ask
    who started it ('initiator' and 'who attacked'). A gold dispute with no label takes any."""
    words = label.replace("_", " ").lower().split()
    subject = subject.lower()
    if not words or all(w in subject for w in words):
        return True
    return label.lower() in _WHO_STARTED_IT and subject.startswith(_WHO_STARTED_IT)


def _matches(gold: StoryGold, expected: GoldConflict | GoldRelation, flag: Conflict) -> bool:
    if isinstance(expected, GoldConflict) and expected.field is Field.actors:
        if flag.field is not Field.actors or not _same_question(expected.label, flag.subject):
            return False
        # the two sides are the positions' values (each blames the other) or their claimants
        # (each says something else about who killed whom, or whether a warning was given)
        named = {gold.side_of(p.value) for p in flag.positions} - {None}
        voices = {gold.side_of(v) for p in flag.positions for v in p.claimants} - {None}
        need = min(2, len(expected.parties))
        return len(named & set(expected.parties)) >= need or len(voices & set(expected.parties)) >= need
    if flag.field is not Field.casualties:
        return False
    party, kind = _subject_side_kind(gold, flag.subject)
    if party != expected.party or kind != expected.kind:
        return False
    need = min(2, len(expected.figures))
    return len(set(expected.figures) & _flag_figures(flag)) >= need


def score_story(gold: StoryGold, reconciliation: Reconciliation) -> StoryScore:
    lines: list[str] = []
    within = 0
    for g in gold.figures:
        tally = final_figure(gold, reconciliation, g.party, g.kind)
        if tally is not None and g.low <= tally.best <= g.high:
            within += 1
            continue
        shown = "no figure" if tally is None else f"{tally.best} ({tally.subject}, per {tally.claimant or 'unattributed'})"
        lines.append(f"final figure {g.describe()}: the tool gives {shown}")
    flags = [c for c in reconciliation.conflicts if c.is_conflict]
    flagged = 0
    used: Counter[str] = Counter()
    for expected in gold.conflicts:
        # a flag answers as many expected conflicts as it sets figures against each other, less
        # one (606 vs 610 vs 974 answers two): a single "who started it" flag does not also stand
        # for the dispute over who broke the ceasefire
        hit = next((f for f in flags if used[f.id] < max(1, len(f.positions) - 1) and _matches(gold, expected, f)), None)
        if hit is not None:
            used[hit.id] += 1
            flagged += 1
        else:
            lines.append(f"conflict not flagged: {expected.describe()}")
    false = [f for f in flags if not any(_matches(gold, e, f) for e in gold.conflicts)]
    for f in false:
        relation = next((r for r in gold.not_conflicts if _matches(gold, r, f)), None)
        why = f" (gold: {relation.relation})" if relation else ""
        values = ", ".join(p.value for p in f.positions[:6]) + (" …" if len(f.positions) > 6 else "")
        lines.append(f"false alarm{why}: {f.kind.value} {f.subject}: {values}")
    events = [e for e in reconciliation.events if not e.background]
    if gold.episodes and len(events) != len(gold.episodes):
        shown = "; ".join(f"{e.when.start or 'undated'}: {e.summary}" for e in events)
        lines.append(f"{len(events)} events for {len(gold.episodes)} episode(s): {shown}")
    return StoryScore(
        name=gold.name,
        figures_within=within,
        figures=len(gold.figures),
        conflicts_flagged=flagged,
        conflicts=len(gold.conflicts),
        false_alarms=len(false),
        flags=len(flags),
        lines=tuple(lines),
        events=len(events),
        episodes=len(gold.episodes),
    )
