"""Build an Article from clean text: typed segments (headline, boilerplate, captions) and metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from clashrecon.ingest.text import normalise
from clashrecon.models import Article, Published, Segment, SegmentType, TimeBasis


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def segment(text: str) -> list[Segment]:
    """Typed segments of non-body text. The first non-empty line is the headline; exact repeats of it are marked."""
    segs: list[Segment] = []
    headline: str | None = None
    for start, end, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        if headline is None:
            headline = stripped
            segs.append(Segment(start=start, end=end, type=SegmentType.headline))
        elif stripped == headline:
            segs.append(Segment(start=start, end=end, type=SegmentType.headline_repeat))
    return segs


def build_article(text: str, *, path: Path, name: str, fmt: str, meta: dict[str, Any], warnings: list[str]) -> Article:
    text = normalise(text)
    segs = segment(text)
    title = meta.get("title") or next((text[s.start : s.end].strip() for s in segs if s.type is SegmentType.headline), None)
    published = Published(date=meta["published"], basis=TimeBasis.explicit) if meta.get("published") else Published()
    return Article(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        name=name,
        path=str(path),
        format=fmt,
        text=text,
        segments=tuple(segs),
        title=title,
        outlet=meta.get("outlet"),
        byline=meta.get("byline"),
        url=meta.get("url"),
        published=published,
        warnings=tuple(warnings),
    )


def claim_text(article: Article) -> str:
    """The article text with every non-claim segment blanked (same length, so offsets hold)."""
    from clashrecon.models import CLAIM_SEGMENTS

    chars = list(article.text)
    for seg in article.segments:
        if seg.type not in CLAIM_SEGMENTS:
            for i in range(seg.start, min(seg.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)
