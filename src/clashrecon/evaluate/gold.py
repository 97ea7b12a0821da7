"""Gold annotations: the hand-made casualty claims and event dates a corpus folder is scored against."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from clashrecon.errors import UsageError
from clashrecon.evaluate.story import StoryGold, is_story_gold, story_gold
from clashrecon.models import Qualifier

BASELINE_NAME = "baseline.json"
STORIES = "stories"  # the sub-folder of story golds a gold folder's eval includes
RELATIVE = "relative"  # gold event date of a story that never gives a calendar date
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


def fold(text: str) -> str:
    """Text for matching: curly quotes straightened, lower case."""
    return text.translate(_FOLD).lower()


def anchor_check(text: str) -> str:
    """A short fingerprint of an anchored slice: a gold of real pages may not quote them, but it
    must notice a rebuilt page that differs from the one annotated."""
    return hashlib.sha1(fold(text).encode("utf-8")).hexdigest()[:10]


@dataclass(frozen=True)
class GoldCasualty:
    article: str
    text: str  # the quoted words; empty where the gold anchors by `span` instead
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
    span: tuple[int, int] | None = None  # offsets into the article, for golds of real pages
    check: str | None = None  # anchor_check of the spanned slice

    def describe(self) -> str:
        number = self.vague or (
            f"{self.low}-{self.high}" if self.qualifier == Qualifier.between.value else f"{self.qualifier} {self.stated}"
        )
        where = f"«{self.text}»" if self.text else f"at {self.span[0]}-{self.span[1]}" if self.span else ""
        return f"{self.article}: {number} {self.kind} {self.victim_party} {where}"


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
    # A gold of quantified claims only: the stored claims with no number are not scored.
    quantified_only: bool = False
    # A gold whose victim_party is null where the text names no side: any stored side matches it.
    sides_where_given: bool = False
    scores_dates: bool = True  # False for a gold that lists no events to score dates against


def _gold_file(path: Path) -> Gold | StoryGold:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UsageError(f"gold file {path} cannot be read as JSON ({exc}); fix it or give another GOLD") from None
    if isinstance(data, dict) and is_story_gold(data):
        return story_gold(path, data)
    try:
        corpus = (path.parent / data["corpus"]).resolve()
        casualties = tuple(
            GoldCasualty(
                article=c["article"],
                text=c.get("text", ""),
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
                span=tuple(c["span"]) if "span" in c else None,
                check=c.get("check"),
            )
            for c in data.get("casualties", ())
        )
        events = tuple(
            GoldEvent(date=str(e["date"]), label=e.get("label", ""), optional=bool(e.get("optional", False)))
            for e in data.get("events", ())
        )
    except (KeyError, TypeError) as exc:
        raise UsageError(f"gold file {path} lacks a required key ({exc}); see data/gold/seeds.json for the format") from None
    if any(not (c.text or c.span) for c in casualties):
        raise UsageError(f"gold file {path} has a casualty with neither text nor span; give one")
    if not corpus.exists():
        raise UsageError(f"gold file {path} names corpus {corpus}, which does not exist")
    _check_anchors(path, corpus, casualties)
    return Gold(
        name=data.get("name", path.stem),
        path=path,
        corpus=corpus,
        casualties=casualties,
        events=events,
        reference_date=data.get("reference_date"),
        quantified_only=bool(data.get("quantified_only", False)),
        sides_where_given=data.get("sides") == "where_given",
        scores_dates="events" in data,
    )


def _check_anchors(path: Path, corpus: Path, casualties: tuple[GoldCasualty, ...]) -> None:
    """Spanned golds score only the pages they were made on: a page rebuilt differently is named."""
    texts: dict[str, str] = {}
    for c in casualties:
        if c.span is None:
            continue
        if c.article not in texts:
            page = corpus / c.article
            if not page.exists():
                raise UsageError(
                    f"gold file {path} scores {page}, which is missing; rebuild {corpus} from data/realtext-sources/"
                )
            texts[c.article] = page.read_text(encoding="utf-8")
        if anchor_check(texts[c.article][c.span[0] : c.span[1]]) != c.check:
            raise UsageError(
                f"gold file {path}: {corpus / c.article} differs from the page annotated (at {c.span[0]}-{c.span[1]}); "
                "rebuild it from data/realtext-sources/"
            )


def load_gold(path: Path) -> list[Gold | StoryGold]:
    """One gold file, or every *.json gold file in a folder and its `stories/` (the baseline excepted)."""
    if path.is_dir():
        files = sorted(p for p in (*path.glob("*.json"), *path.glob(f"{STORIES}/*.json")) if p.name != BASELINE_NAME)
        if not files:
            raise UsageError(f"no gold files (*.json) in {path}")
        return [_gold_file(p) for p in files]
    if not path.exists():
        raise UsageError(f"gold path {path} does not exist; give a gold .json file or a folder of them")
    return [_gold_file(path)]
