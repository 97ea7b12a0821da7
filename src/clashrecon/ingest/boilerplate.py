"""Typing the lines of an article: headline, site chrome, captions, credits, bylines, repeats.

Rules describe classes of lines (a short line with share/subscribe vocabulary, a line ending
in a photo credit, "... contributed to this report."), never particular strings; the words
they use live in `data/boilerplate.json`. Lines no rule claims are body.

Does not read metadata out of the lines (see `metadata.py`) and never looks at sentences
inside a paragraph: a stretch is typed one whole line at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from clashrecon.ingest.page_dates import date_line, is_label_line, is_masthead
from clashrecon.ingest.text import fold_quotes
from clashrecon.lexicon import load_data
from clashrecon.models import Segment, SegmentType

@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str  # stripped
    blank_before: bool

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class Rules:
    chrome: re.Pattern[str]
    chrome_max_words: int
    chrome_whole_lines: frozenset[str]
    link_label: re.Pattern[str]  # "ALSO READ: ...", "RELATED - ..."
    link_labels: frozenset[str]  # the labels alone, keyed as _key() keys a line
    link_bullets: tuple[str, ...]
    chrome_line: re.Pattern[str]
    caption_prefix: re.Pattern[str]
    read_time: re.Pattern[str]
    copyright: re.Pattern[str]
    photo_credit: re.Pattern[str]
    photo_label: re.Pattern[str]
    contributor: re.Pattern[str]
    credit_line: re.Pattern[str]
    byline: re.Pattern[str]
    name_agency: re.Pattern[str]
    caption_max_words: int
    caption_twin_similarity: float
    byline_max_words: int
    headline_max_words: int
    headline_max_chars: int
    repeat_min_chars: int
    agencies: dict[str, str]  # alias -> canonical wire agency
    not_first_names: frozenset[str]  # "By Tuesday, ..." opens a sentence, not a byline


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def rules() -> Rules:
    data = load_data("boilerplate.json")
    agencies = {alias: name for name, aliases in data["wire_agencies"].items() for alias in [name, *aliases]}
    photo_agencies = _alternation(list(data["photo_agencies"]) + list(agencies))
    photo_words = _alternation(data["photo_words"])
    wire = _alternation(list(agencies))
    # a personal name: capitalised words, with particles such as "al-" or "van" between them
    name = rf"[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|(?:{_alternation(data['name_particles'])})(?:-[\w'’.\-]+)?))*"
    return Rules(
        chrome=re.compile(rf"(?<!\w)(?:{_alternation(data['chrome_phrases'])})(?!\w)", re.I),
        chrome_max_words=data["chrome_max_words"],
        chrome_whole_lines=frozenset(data["chrome_whole_lines"]),
        link_label=re.compile(rf"^\W*(?:{_alternation(data['link_labels']['words'])})\s*[:|\-–—]", re.I),
        link_labels=frozenset(data["link_labels"]["words"]),
        link_bullets=tuple(data["link_bullets"]["words"]),
        chrome_line=re.compile(data["chrome_line_pattern"], re.I),
        caption_prefix=re.compile(data["caption_prefix_pattern"], re.I),
        read_time=re.compile(data["read_time_pattern"], re.I),
        copyright=re.compile(rf"(?:{_alternation(data['copyright_marks'])})", re.I),
        # "Name / AFP via Getty Images file", "(Name/PAN Photo via AP)", "(AP Photo/Name)", "[Name/Reuters]"
        photo_credit=re.compile(
            rf"(?:(?:/|\bvia\b)\s*(?:{photo_agencies})(?:\s+\w+){{0,2}}\W*$"
            rf"|[(\[](?=[^()\[\]]*(?:{photo_agencies}|(?i:{photo_words})))[^()\[\]]*(?:/|\bvia\b)[^()\[\]]*[)\]]\W*$"
            rf"|(?<!\w)(?i:{photo_words})\s*(?::|(?i:by)\b)"
            rf"|\b(?:{photo_agencies})\s+(?:photo|images?|file)\b)",
        ),
        # "© AP/Press Association Images" is a photo credit; "© 2023 The Associated Press" is not
        photo_label=re.compile(rf"(?<!\w)(?:{photo_words})(?!\w)|(?<![\w-])(?:{photo_agencies})\s*/", re.I),
        contributor=re.compile("|".join(f"(?:{p})" for p in data["contributor_patterns"]), re.I),
        credit_line=re.compile(data["credit_line_pattern"], re.I),
        byline=re.compile(rf"^By\s+(?P<names>{name}(?:\s*(?:,|and|&)\s*{name})*)\s*(?:(?:,|\||-|–|—|/)\s*(?P<tail>.{{1,60}}))?$"),
        name_agency=re.compile(rf"^(?P<names>{name}(?:\s*(?:,|and|&)\s*{name})*)\s*(?:,|\||-|–|—|/)\s*(?P<tail>{wire})\W*$"),
        caption_max_words=data["caption_max_words"],
        caption_twin_similarity=data["caption_twin_similarity"],
        byline_max_words=data["byline_max_words"],
        headline_max_words=data["headline_max_words"],
        headline_max_chars=data["headline_max_chars"],
        repeat_min_chars=data["repeat_min_chars"],
        agencies=agencies,
        not_first_names=frozenset(data["byline_not_first_names"]),
    )


def wire_agency(words: str) -> str | None:
    """The canonical wire agency named by `words` ("The Associated Press" -> "AP"), or None.

    Short all-capital aliases (AP, PA, AA) must match in capitals, so "ap" or "pa" in prose never count.
    """
    agencies = rules().agencies
    cleaned = fold_quotes(words).strip(" \t.,;:|/()[]-–—").strip()
    if cleaned in agencies:
        return agencies[cleaned]
    if len(cleaned) > 4:
        lowered = {a.lower(): n for a, n in agencies.items() if len(a) > 4}
        return lowered.get(cleaned.lower())
    return None


def lines_of(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            out.append(Line(start=pos + lead, end=pos + lead + len(stripped), text=stripped, blank_before=blank))
        blank = not stripped
        pos += len(raw) + 1
    return out


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold_quotes(text).lower()).split())


def is_byline(line: str) -> bool:
    r = rules()
    if len(line.split()) > r.byline_max_words:
        return False
    m = r.byline.match(line)
    if m:
        first = m.group("names").split()[0].lower()
        return first not in r.not_first_names
    return bool(r.name_agency.match(line))


def is_credit_line(line: str) -> bool:
    r = rules()
    if len(line.split()) > 6:
        return False
    m = r.credit_line.match(line)
    if m and wire_agency(m.group("agency")):
        return True
    return wire_agency(line) is not None


def is_photo_credit(line: str) -> bool:
    """A caption line: it ends in a photo credit, or it is one ("Photo: AFP")."""
    r = rules()
    return len(line.split()) <= r.caption_max_words and bool(r.photo_credit.search(line))


def _is_credit_only(line: str) -> bool:
    """A line that is nothing but a photo credit, e.g. "Photo: Reuters" or "AFP via Getty Images"."""
    return is_photo_credit(line) and len(line.split()) <= 8 and not re.search(r"[.!?]\s+\w", line)


def _line_type(line: Line, r: Rules) -> SegmentType | None:
    text = line.text
    words = line.words
    if r.read_time.match(text) or _key(text) in r.chrome_whole_lines or r.chrome_line.match(text):
        return SegmentType.chrome
    if words <= r.chrome_max_words and (date_line(text) or is_masthead(text) or is_label_line(text)):
        return SegmentType.chrome  # the page's own date, its masthead's day, a date label alone
    if _key(text) in r.link_labels or r.link_label.match(fold_quotes(text)):
        return SegmentType.chrome
    if r.caption_prefix.match(text):
        return SegmentType.caption
    if words <= r.chrome_max_words and r.copyright.search(text):
        if r.photo_label.search(text):
            return SegmentType.caption
        if r.copyright.match(text):
            return SegmentType.chrome
    if words <= 40 and r.contributor.search(text):
        return SegmentType.contributor
    if is_credit_line(text):
        return SegmentType.credit
    if is_byline(text):
        return SegmentType.byline
    if is_photo_credit(text):
        return SegmentType.caption
    if words <= r.chrome_max_words and r.chrome.search(fold_quotes(text)):
        return SegmentType.chrome
    return None


def _looks_like_headline(line: Line, r: Rules) -> bool:
    text = line.text
    return (
        line.words <= r.headline_max_words
        and len(text) <= r.headline_max_chars
        and not text.endswith((".", ":", ";", ","))
        and not text.startswith(("“", '"', "‘", "'", "(", "-", "—"))
    )


def _is_headline_repeat(text: str, headline_key: str) -> bool:
    key = _key(text)
    if not key or not headline_key:
        return False
    if key == headline_key:
        return True
    # the headline printed twice or more in a row, as image alt text often is
    n, rem = divmod(len(key) + 1, len(headline_key) + 1)
    if n >= 2 and rem == 0 and key == " ".join([headline_key] * n):
        return True
    return len(key) <= 2 * len(headline_key) + 20 and fuzz.ratio(key, headline_key) >= 92


def _link_lists(lines: list[Line], types: list[SegmentType | None], r: Rules) -> None:
    """Under a link label standing alone ("ALSO READ:"), the headlines it lists are chrome: the
    lines that open with a list bullet or read as a headline, the first even after a blank line,
    the rest until a blank line or a line of prose."""
    for i, line in enumerate(lines):
        if _key(line.text) not in r.link_labels:
            continue
        for j in range(i + 1, len(lines)):
            item = lines[j]
            if types[j] is not None or (j > i + 1 and item.blank_before):
                break
            if not (item.text.startswith(r.link_bullets) or _looks_like_headline(item, r)):
                break
            types[j] = SegmentType.chrome


def classify(text: str, *, title: str | None = None) -> list[Segment]:
    """Typed segments for every line that is not body, in text order.

    The headline is the first line left after leading chrome when it reads as a headline
    (short, no closing full stop), or when it matches the `title` given in metadata; an
    article that opens straight on its lede has no headline segment.
    """
    r = rules()
    lines = lines_of(text)
    types: list[SegmentType | None] = [_line_type(line, r) for line in lines]

    _link_lists(lines, types, r)

    headline_key = ""
    title_key = _key(title) if title else ""
    open_lines = [i for i, kind in enumerate(types) if kind is None][:2]
    if len(open_lines) == 2:
        first, second = (lines[i] for i in open_lines)
        # a section label ("World", "Middle East") printed above the headline is chrome
        kicker = first.words <= 2 and not title_key and _looks_like_headline(second, r) and second.words > first.words
        if kicker and second.words <= r.headline_max_words and not first.text.endswith((".", "?", "!")):
            types[open_lines[0]] = SegmentType.chrome
    for i, line in enumerate(lines):
        if types[i] is not None:
            continue
        matches_title = bool(title_key) and _is_headline_repeat(line.text, title_key)
        if (matches_title or _looks_like_headline(line, r)) and i < len(lines) - 1:
            types[i] = SegmentType.headline
            headline_key = _key(line.text)
        break

    for i, line in enumerate(lines):
        if types[i] is None and any(k and _is_headline_repeat(line.text, k) for k in (headline_key, title_key)):
            types[i] = SegmentType.headline_repeat

    # captions: the credit-less twin just above a credited caption, and a short line above a bare credit
    for i in range(1, len(lines)):
        if types[i] is not SegmentType.caption or lines[i].blank_before or types[i - 1] is not None:
            continue
        above = lines[i - 1]
        if above.words > r.caption_max_words:
            continue
        twin = fuzz.token_set_ratio(_key(above.text), _key(lines[i].text)) >= r.caption_twin_similarity
        if twin or _is_credit_only(lines[i].text):
            types[i - 1] = SegmentType.caption

    seen: set[str] = set()
    for i, line in enumerate(lines):
        if types[i] is not None:
            continue
        if len(line.text) >= r.repeat_min_chars:
            key = _key(line.text)
            if key in seen:
                types[i] = SegmentType.repeat
            seen.add(key)

    return [Segment(start=line.start, end=line.end, type=kind) for line, kind in zip(lines, types) if kind is not None]
