"""An article as ingest stores it: its text, typed segments and metadata."""

from __future__ import annotations

from pydantic import Field as F

from clashrecon.models.base import Record
from clashrecon.models.kinds import SegmentType, TimeBasis


class Segment(Record):
    start: int = F(description="Offset of the first character in the stored article text")
    end: int = F(description="Offset just past the last character")
    type: SegmentType = F(description="What this stretch of text is")


class Published(Record):
    date: str | None = F(default=None, description="ISO date the article was published, if known")
    basis: TimeBasis = F(default=TimeBasis.unknown, description="Where the date came from")


class Article(Record):
    id: str = F(description="SHA-256 of the stored text: the article's identity")
    name: str = F(description="File name (plus '#N' for records inside JSON/JSONL files)")
    path: str = F(description="Path the article was read from")
    format: str = F(default="txt", description="Reader used: txt, md, html, json, jsonl")
    text: str = F(description="Normalised article text; every offset refers to it")
    segments: tuple[Segment, ...] = F(default=(), description="Typed stretches of the text")
    title: str | None = F(default=None, description="Headline")
    outlet: str | None = F(default=None, description="Publishing outlet, where known")
    byline: str | None = F(default=None, description="Author(s), where known")
    url: str | None = F(default=None, description="Original address, where known")
    credit: str | None = F(default=None, description="Wire service credited (AP, Reuters, ...)")
    dateline: str | None = F(default=None, description="Dateline place, e.g. 'YEREVAN, Armenia'")
    published: Published = F(default_factory=Published, description="Publication date")
    origin: str | None = F(default=None, description="Independent-origin key shared by wire copies")
    origin_reason: str | None = F(default=None, description="Why this article has its origin")
    warnings: tuple[str, ...] = F(default=(), description="Non-fatal notes from reading")
    raw_hash: str | None = F(default=None, description="SHA-256 of the file's raw bytes (and its sidecar), to skip unchanged files cheaply")

    def segment_at(self, offset: int) -> SegmentType:
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg.type
        return SegmentType.body
