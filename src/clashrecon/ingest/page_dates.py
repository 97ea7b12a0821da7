"""Dates a page prints around its article, near its top: the day it was published or updated.

Three kinds of line, words in `data/ingest.json` (`page_dates`):
- a labelled date: "Published: 24 June 2025", "AFP Published 22 Jun, 2025 11:32am", the label
  alone on one line and "25-Jun-2025" on the next. A publication label gives the publication
  date; an update label ("Last Update") only the day the article was told on or before, which
  the chronology pass reads as a bound (`update_date`);
- a line that is only a date, with its year (a weekday and a clock time may go with it):
  "Tuesday, January 28, 2025", "September 27, 2023 - 14:28 AMT";
- a masthead: a date beside nothing but the site's name or its bar ("Thursday 3rd of July 2025
  Site.jo | Other.com", "Jun 2, 2025 |"), the day the page was saved, which is chrome and never
  the article's date.

Only a date with its year, day and month counts; a date in a caption or a sentence never does
(it is not on a line of its own). The date is read by the one time-expression parser,
`extract.times`; an all-digit date only under a label and only when day and month cannot be
swapped ("27-01-2025").
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from clashrecon.extract.times import time_expressions
from clashrecon.lexicon import load_data

_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<year>(?:19|20)\d{2})\b")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\b\.?)?", re.I)
_ZONE = re.compile(r"\b[A-Z]{2,4}\b")
_SITE = re.compile(r"^\S+\.[a-z]{2,6}$")  # "Sahafi.jo", "site.com"


@cache
def _settings() -> dict:
    return load_data("ingest.json")["page_dates"]


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _label() -> re.Pattern[str]:
    s = _settings()
    return re.compile(rf"(?:^|(?<=[\s|•·]))(?P<label>{_alt(s['published_labels'] + s['updated_labels'])})\b\s*(?:on\b|at\b)?\s*[:\-]?\s*", re.I)


def _full_date(text: str, at_start: bool) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first date with its year, day and month in `text`; with
    `at_start` only one the text opens with (a weekday may come before it)."""
    exprs = time_expressions(text)
    for e in exprs:
        r = e.ref
        if r.weekday is not None and r.day is None:
            continue  # "Tuesday, January 28, 2025": the weekday beside the date
        if r.year is None or r.month is None or r.day is None:
            return None
        if at_start and _rest(text[: e.start], [x for x in exprs if x.end <= e.start]):
            return None
        try:
            return date(r.year, r.month, r.day).isoformat(), e.start, e.end
        except ValueError:
            return None
    return None


def _rest(text: str, exprs) -> str:
    """What is left of `text` with its time expressions, clock times, time zones and separators taken out."""
    for e in sorted(exprs, key=lambda e: -e.start):
        text = text[: e.start] + " " + text[e.end :]
    text = _ZONE.sub(" ", _CLOCK.sub(" ", text))
    # a dot inside a word stays: "Site.jo" is a site's name
    return re.sub(r"[\s,;:|•·\-–—()]+|(?<!\w)\.|\.(?!\w)", " ", text).strip()


def _numeric(text: str) -> str | None:
    m = _NUMERIC.match(text)
    if not m:
        return None
    a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("year"))
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        day, month = b, a
    else:
        return None  # "05-06-2025" may be either
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _date_after_label(text: str) -> str | None:
    found = _full_date(text, at_start=True)
    return found[0] if found else _numeric(text.strip())


def date_line(line: str) -> str | None:
    """The date of a line that is only a date with its year: "Tuesday, January 28, 2025"."""
    found = _full_date(line, at_start=False)
    if found is None or len(line.split()) > _settings()["date_line_max_words"] or is_masthead(line):
        return None
    return found[0] if not _rest(line, time_expressions(line)) else None


def is_masthead(line: str) -> bool:
    """A date beside nothing but site names and the site bar's separators ("Jun 2, 2025 |"):
    the day the page was saved."""
    if len(line.split()) > _settings()["date_line_max_words"] or _full_date(line, at_start=False) is None:
        return False
    rest = _rest(line, time_expressions(line)).split()
    bar = any(mark in line for mark in _settings()["masthead_marks"])
    return all(_SITE.match(w) for w in rest) and (bool(rest) or bar)


def is_label_line(line: str) -> bool:
    """A label alone on its line ("• Last Update"), its date on the next."""
    m = _label().search(line)
    return m is not None and not line[: m.start()].strip(" •·|-") and not line[m.end() :].strip()


def _labelled(lines: list[str]) -> list[tuple[bool, str]]:
    """(whether a publication label, ISO date) of each labelled date among the first lines."""
    s = _settings()
    top = [line.strip() for line in lines if line.strip()][: s["top_lines"]]
    published = {w.lower() for w in s["published_labels"]}
    found: list[tuple[bool, str]] = []
    for i, line in enumerate(top):
        for m in _label().finditer(line):
            if len(line.split()) > s["label_max_words"] and m.start() > 0:
                continue  # inside a sentence: "the ministry updated its toll ..."
            rest = line[m.end() :]
            if not rest.strip() and i + 1 < len(top):
                rest = top[i + 1]
            day = _date_after_label(rest)
            if day:
                found.append((m.group("label").lower() in published, day))
    return found


def printed_date(lines: list[str]) -> str | None:
    """The publication date a page prints among its first lines (ISO), or None: a publication
    label's date, else a line that is only a date. An update label's date is no publication date
    (see `update_date`)."""
    labelled = [day for is_published, day in _labelled(lines) if is_published]
    if labelled:
        return labelled[0]
    top = [line.strip() for line in lines if line.strip()][: _settings()["top_lines"]]
    # a date under a label alone ("Last Update" / "25-Jun-2025") is the label's
    return next((day for i, line in enumerate(top) if (day := date_line(line)) is not None and not (i and is_label_line(top[i - 1]))), None)


def update_date(lines: list[str]) -> str | None:
    """The last-update date a page prints among its first lines (ISO), or None: the article was
    told on that day or before it."""
    return next((day for is_published, day in _labelled(lines) if not is_published), None)
