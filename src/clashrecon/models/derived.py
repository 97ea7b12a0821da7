"""What the corpus passes find across all stored articles, kept apart from what ingest stored."""

from __future__ import annotations

from pydantic import Field as F

from clashrecon.models.article import Published
from clashrecon.models.base import Record
from clashrecon.models.claims import TimeRef
from clashrecon.models.kinds import NameKind


class Lineage(Record):
    """The lineage pass's finding for one article: which independent origin it belongs to."""

    article_id: str = F(description="The article's content hash")
    origin: str = F(description="Independent-origin key shared by wire copies")
    reason: str = F(description="Why the article has this origin")


class ReportingDate(Record):
    """The chronology pass's date for an article whose metadata gives none."""

    article_id: str = F(description="The article's content hash")
    published: Published = F(description="The date inferred from the corpus or given by --reference-date")


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
