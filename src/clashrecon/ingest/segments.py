"""From decoded text to an Article: hygiene, typed segments, metadata; and the text claims come from."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from clashrecon.ingest.boilerplate import classify, wire_agency
from clashrecon.ingest.metadata import from_text
from clashrecon.ingest.text import normalise, one_line
from clashrecon.models import CLAIM_SEGMENTS, Article, Published, Segment, TimeBasis

META_KEYS = ("title", "outlet", "byline", "url", "published", "credit", "dateline")


def segment(text: str, title: str | None = None) -> list[Segment]:
    """Typed segments of the non-body lines (see `boilerplate.classify`)."""
    return classify(text, title=title)


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = normalise(str(value)).replace("\n", " ").strip()
    return text or None


def build_article(
    text: str, *, path: Path, name: str, fmt: str, meta: dict[str, Any], warnings: list[str], raw_hash: str | None = None
) -> Article:
    """An Article whose metadata is the file's (`meta`) where given, else what the text shows.

    `published` is `meta`'s, else the date the page prints as its own near its top (never a
    caption's or a sentence's date).
    """
    text = normalise(text)
    given = {k: _clean(meta.get(k)) for k in META_KEYS}
    segs = segment(text, given["title"])
    found = from_text(text, segs)
    credit = given["credit"]
    if credit:
        credit = wire_agency(credit) or credit
    day = given["published"] or found.published
    published = Published(date=day, basis=TimeBasis.explicit) if day else Published()
    return Article(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        name=one_line(name),
        path=one_line(str(path)),
        format=fmt,
        text=text,
        segments=tuple(segs),
        title=given["title"] or found.title,
        outlet=given["outlet"] or found.outlet,
        byline=given["byline"] or found.byline,
        url=given["url"],
        credit=credit or found.credit,
        dateline=given["dateline"] or found.dateline,
        published=published,
        warnings=tuple(warnings),
        raw_hash=raw_hash,
    )


def claim_text(article: Article) -> str:
    """The article text with every non-claim segment blanked (same length, so offsets hold)."""
    chars = list(article.text)
    for seg in article.segments:
        if seg.type not in CLAIM_SEGMENTS:
            for i in range(seg.start, min(seg.end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)
