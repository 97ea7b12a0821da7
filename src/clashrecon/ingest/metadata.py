"""Metadata read from an article's own text when no file metadata gives it.

Title from the headline segment, byline from the byline segment, wire credit from a
dateline "(AP) —", a credit line "/ Source: Reuters" or a byline "By X, AP", dateline place
from the lede, outlet from a copyright line.

The publication date is read only where the page prints its own, near its top ("Published: 24
June 2025", a line that is only a date; `page_dates.py`): dates in captions and sentences
describe events, not publication. File metadata, where given, wins.
Never uses photo credits ("AFP via Getty Images") as the article's wire credit.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from clashrecon.ingest.boilerplate import is_byline, rules, wire_agency
from clashrecon.ingest.page_dates import printed_date
from clashrecon.lexicon import load_data
from clashrecon.models import Segment, SegmentType

# "YEREVAN, Armenia (AP) —", "KYIV, Ukraine, March 3 (Reuters) -", "GAZA CITY (AFP) -", "BEIRUT —",
# "TEHRAN, June 24, 2025 (AFP) -": the date, with or without its year, is skipped, never read
# (a dateline's date is not the publication date; see the module docstring)
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-/]+(?:\s+[A-Z][A-Z'’.\-/]+)*(?:,\s*[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+)*)?)"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?\s*(?:—|–|-{1,2})\s+"
)
# "Jammu, May 29 (PTI)", "Jammu/Srinagar, May 7 (PTI) At least ...": a place in title case is a
# dateline only with a month-day date and a wire agency's credit after it, dash or none
TITLE_DATELINE = re.compile(
    r"^(?P<place>[A-Z][a-z'’.\-]+(?:[ /][A-Z][a-z'’.\-]+)*(?:,\s*[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+)*)?)"
    r",\s*(?P<month>[A-Z][a-z]{2,8})\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*\((?P<agency>[^()]{1,40})\)\s*(?:(?:—|–|-{1,2})\s+)?"
)
_MONTHS = frozenset(m.lower() for m in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))
_WEEKDAYS = frozenset(d.lower() for d in calendar.day_name)
COPYRIGHT_OWNER = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?,?\s*(?P<owner>[A-Z][\w&.'’\- ]{1,60}?)\s*(?:[.,|]|$)", re.I)


@dataclass(frozen=True)
class TextMetadata:
    title: str | None = None
    byline: str | None = None
    credit: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date the page prints as its own


def _segment_lines(text: str, segments: list[Segment], kind: SegmentType) -> list[str]:
    return [text[s.start : s.end].strip() for s in segments if s.type is kind]


def _body_lines(text: str, segments: list[Segment], limit: int) -> list[str]:
    """The first `limit` non-empty lines that no segment types (the lede and what follows)."""
    typed = sorted((s.start, s.end) for s in segments)
    out: list[str] = []
    pos = 0
    for line in text.split("\n"):
        start = pos + len(line) - len(line.lstrip())
        pos += len(line) + 1
        if not line.strip() or any(s <= start < e for s, e in typed):
            continue
        out.append(line.strip())
        if len(out) == limit:
            break
    return out


def dateline(lede: str) -> tuple[str | None, str | None]:
    """(place, wire agency) from a lede opening "YEREVAN, Armenia (AP) —"; Nones when it has none."""
    data = load_data("boilerplate.json")
    limit = data["dateline_max_chars"]
    labels = "|".join(map(re.escape, data["dateline_page_labels"]["words"]))
    lede = re.sub(rf"^\s*(?:(?:{labels})\s+)?\d{{4}}-\d{{2}}-\d{{2}}\s+", "", lede, flags=re.I)
    m = DATELINE.match(lede[: limit + 10])
    if not m:
        return _title_dateline(lede[: limit + 10])
    place = m.group("place").strip()
    # a place must start with an all-capital word of two or more letters: "BEIRUT", not "A" or "Mr"
    first = place.split(",")[0].split()[0]
    if len(first.strip(".")) < 2 or not first.isupper():
        return None, None
    agency = wire_agency(m.group("agency")) if m.group("agency") else None
    return place, agency


def _title_dateline(lede: str) -> tuple[str | None, str | None]:
    """(place, wire agency) from a title-case dateline "Jammu, May 29 (PTI)": read only with a real
    month and an agency the wire list knows, so a sentence's opening words are never a place."""
    m = TITLE_DATELINE.match(lede)
    if not m or m.group("month").lower() not in _MONTHS or m.group("place").split(",")[0].lower() in _WEEKDAYS:
        return None, None  # "Monday, May 8 (AP)" is a date, not a place
    agency = wire_agency(m.group("agency"))
    if agency is None:
        return None, None
    return m.group("place").strip(), agency


def byline_parts(line: str) -> tuple[str | None, str | None]:
    """(author names, wire agency) from "By Avet Demourian, AP" or "Avet Demourian, The Associated Press"."""
    if not is_byline(line):
        return None, None
    r = rules()
    m = r.byline.match(line) or r.name_agency.match(line)
    if not m:
        return None, None
    names = m.group("names").strip()
    tail = (m.group("tail") or "").strip()
    # "By Avet Demourian, AP": the name pattern also takes ", AP" as a second name
    head, _, last = names.rpartition(",")
    if head and not tail and wire_agency(last):
        names, tail = head.strip(), last.strip()
    agency = wire_agency(tail) if tail else None
    if agency is None and not tail:
        head, _, last = names.rpartition(",")
        if head and (_is_outlet(last) or _is_role(last)):
            names = head.strip()
    return names, agency


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _is_role(words: str) -> bool:
    """'Staff Writer', 'Moscow Correspondent'."""
    return bool(_words(words) & set(load_data("boilerplate.json")["byline_role_words"]))


def _is_outlet(words: str) -> bool:
    """'Kivu Morning Post', 'The Daily Ledger': a name with a newspaper word in it."""
    return bool(_words(words) & set(load_data("boilerplate.json")["outlet_words"]))


def byline_outlet(line: str) -> str | None:
    """The outlet a byline names after the author ("By Grace Mbuyi, Kivu Morning Post"), if any."""
    if not is_byline(line):
        return None
    r = rules()
    m = r.byline.match(line) or r.name_agency.match(line)
    if not m:
        return None
    tail = (m.group("tail") or "").strip() or m.group("names").rpartition(",")[2].strip()
    if tail and not wire_agency(tail) and _is_outlet(tail) and not _is_role(tail):
        return tail
    return None


def _credit_line_agency(line: str) -> str | None:
    m = rules().credit_line.match(line)
    if m:
        return wire_agency(m.group("agency"))
    return wire_agency(line)


def _copyright_owner(lines: list[str]) -> tuple[str | None, str | None]:
    """(outlet, wire agency) from a chrome line "© 2023 The Daily Planet" or "Copyright 2022 The Associated Press."."""
    for line in lines:
        m = COPYRIGHT_OWNER.match(line)
        if not m:
            continue
        owner = m.group("owner").strip()
        if not owner[0].isupper():
            continue
        agency = wire_agency(owner)
        if agency:
            return None, agency
        return owner, None
    return None, None


def from_text(text: str, segments: list[Segment]) -> TextMetadata:
    """What the text itself says about the article."""
    headlines = _segment_lines(text, segments, SegmentType.headline)
    title = headlines[0] if headlines else None
    site = None
    if title:
        title, site = split_site_name(title)

    byline = None
    credit_from_byline = None
    byline_site = None
    for line in _segment_lines(text, segments, SegmentType.byline):
        names, agency = byline_parts(line)
        byline = byline or names
        credit_from_byline = credit_from_byline or agency
        byline_site = byline_site or byline_outlet(line)

    credit_lines = [a for a in map(_credit_line_agency, _segment_lines(text, segments, SegmentType.credit)) if a]
    # a standfirst may come before the lede; a later line must name a wire to count ("NATO — the ..." does not)
    found = [dateline(line) for line in _body_lines(text, segments, 3)]
    place, dateline_agency = next(
        (f for n, f in enumerate(found) if f[0] and (n == 0 or f[1])), (None, None)
    )
    outlet, copyright_agency = _copyright_owner(_segment_lines(text, segments, SegmentType.chrome))
    credit = next((c for c in (*credit_lines, dateline_agency, credit_from_byline, copyright_agency) if c), None)
    return TextMetadata(
        title=title, byline=byline, credit=credit, dateline=place, outlet=site or byline_site or outlet, published=printed_date(text.split("\n"))
    )


# "Headline | The Daily Ledger", "Headline - BBC News": a saved page title ending in its site's name
SITE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+(?:\||-|–|—)\s+(?P<site>(?:The\s+)?[A-Z][\w&.'’]*(?:\s+[A-Z][\w&.'’]*){0,3})$")


def split_site_name(headline: str) -> tuple[str, str | None]:
    """(title, site) when the headline ends in " | Site" or " - Site"; a place or party there is not a site."""
    m = SITE_SUFFIX.match(headline)
    if not m:
        return headline, None
    site = m.group("site")
    from clashrecon.lexicon import actor_lexicon

    if actor_lexicon().canonical(site) is not None:
        return headline, None
    return m.group("title").strip(), site

