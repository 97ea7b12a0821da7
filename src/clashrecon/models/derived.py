"""What the corpus passes find across all stored articles, kept apart from what ingest stored."""

from __future__ import annotations

from datetime import date

from pydantic import Field as F

from clashrecon.models.article import Published
from clashrecon.models.base import Record
from clashrecon.models.claims import TimeRef
from clashrecon.models.kinds import NameKind, TimeBasis


class Lineage(Record):
    """The lineage pass's finding for one article: which independent origin it belongs to."""

    article_id: str = F(description="The article's content hash")
    origin: str = F(description="Independent-origin key shared by wire copies")
    reason: str = F(description="Why the article has this origin")


class ReportingDate(Record):
    """The chronology pass's date for an article whose metadata gives none."""

    article_id: str = F(description="The article's content hash")
    published: Published = F(description="The date inferred from the corpus or given by --reference-date")


class Reference(Record):
    """The chronology pass's reading of when an article was told: what its relative words resolve against."""

    day: date | None = F(default=None, description="Calendar reference day, when anything anchors one")
    basis: TimeBasis = F(default=TimeBasis.unknown, description="explicit (metadata), resolved (--reference-date) or inferred (corpus)")
    day_index: int | None = F(default=None, description="'day N' of the story when nothing anchors the calendar")
    first_weekday: int | None = F(default=None, description="Weekday (Monday=0) of day 1 when nothing anchors the calendar")


class ResolvedTime(Record):
    """The chronology pass's calendar reading of one claim's time words."""

    claim_id: str = F(description="The claim's ID")
    event_time: TimeRef = F(description="The claim's time with start/end/precision/basis resolved")
    value: str | None = F(default=None, description="For a time claim, its value as resolved; None keeps the extracted value")


class Spelling(Record):
    """The name pass's finding: a printed spelling and the one used across the corpus."""

    kind: NameKind = F(description="Which names this spelling belongs to")
    printed: str = F(description="The spelling as extracted")
    canonical: str = F(description="The corpus-wide spelling it is shown as")


class CorpusDerived(Record):
    """Everything the corpus passes derived from the stored articles and claims, which they never change."""

    origins: tuple[Lineage, ...] = F(default=(), description="Each article's independent origin")
    dates: tuple[ReportingDate, ...] = F(default=(), description="Inferred dates of articles without one")
    times: tuple[ResolvedTime, ...] = F(default=(), description="Every claim's resolved time")
    spellings: tuple[Spelling, ...] = F(default=(), description="Spelling variants and their canonical form")


class LineageDigest(Record):
    """What the lineage pass reads of one article: its rank, wire credit and body paragraphs."""

    name: str = F(description="The article's name, which ranks it (then its path)")
    path: str = F(description="Path the article was read from")
    credit: str | None = F(default=None, description="Wire service credited")
    paragraphs: tuple[str, ...] = F(default=(), description="Normalised body paragraphs long enough to tell a copy")
    shingles: tuple[tuple[int, ...], ...] = F(default=(), description="Each paragraph's sampled word-shingle hashes, sorted")


class StoryKeys(Record):
    """What the stories pass reads of one article's claims."""

    claims: bool = F(default=False, description="Whether the article has any claim")
    current: bool = F(default=False, description="Whether any claim is about its own story, not a background event")
    own_day: str | None = F(default=None, description="The publication day its own metadata gives (ISO)")
    parties: tuple[str, ...] = F(default=(), description="Sides and ('place:'-prefixed) places its claims name, sorted")
    pairs: tuple[tuple[str, str], ...] = F(default=(), description="Pairs of parties its claims set against each other, sorted")


class Happening(Record):
    """A dated happening a claim reports: what kind of claim, and the time it names."""

    kind: str = F(description="The claim's kind (a time or event kind)")
    time: TimeRef = F(description="The time as extracted")
    planned: bool = F(default=False, description="Whether its sentence speaks of plans ('talks will be held on Monday'): told before it, not after")


class ChronologyDigest(Record):
    """What the chronology pass reads of one article and its claims to date it."""

    own_day: str | None = F(default=None, description="The publication day its own metadata gives (ISO)")
    dated: bool = F(default=False, description="Whether its metadata gives a publication date (then the pass gives it none)")
    telling: tuple[TimeRef, ...] = F(default=(), description="Time expressions of its sentences about what has happened")
    dateline: TimeRef | None = F(default=None, description="The date its wire dateline gives")
    figures: tuple[int, ...] = F(default=(), description="Casualty figures its claims state, distinct and sorted")
    happenings: tuple[Happening, ...] = F(default=(), description="Times its time and event claims name by weekday or date")
    updated: str | None = F(default=None, description="The last-update day its page prints (ISO): it was told then or before")
    week_later: bool = F(default=False, description="Whether it puts what it reports in an earlier week ('last week'): told in a later week")


class NamesDigest(Record):
    """What the name pass reads of one article's claims: names in first-seen order with their counts."""

    places: tuple[tuple[str, int], ...] = F(default=(), description="Place names and how often they occur")
    persons: tuple[tuple[str, int], ...] = F(default=(), description="Speaking persons and how often they occur")


class ArticleDigest(Record):
    """Everything the corpus passes read of one article and its claims, computed once and stored, so a
    later pass reads these instead of the article's text and claims."""

    article_id: str = F(description="The article's content hash")
    lineage: LineageDigest = F(description="For the lineage pass")
    story: StoryKeys = F(description="For the stories pass (and chronology's grouping)")
    chronology: ChronologyDigest = F(description="For the chronology pass")
    names: NamesDigest = F(description="For the name pass")
