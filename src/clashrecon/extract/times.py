"""Time expressions: the raw parts of the times a text names ("early Tuesday", "9 a.m.", "Aug. 31",
"in 2020", "last year", "since fighting erupted early on Tuesday"), and which of them dates its event.

The one time-expression parser of clashrecon: pure Python (regular expressions over the words in
data/times.json), so the corpus pass in `clashrecon.chronology` reads the same expressions as the
extractors without importing spaCy. Time claims made from a parsed Doc are `extract.time_claims`.
It does NOT resolve anything to the calendar (that needs the article's reference date, found over the
whole corpus by `chronology.resolve_corpus`), and it does not read durations ("a six-week war",
"for decades") or decades ("the early 1990s").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from clashrecon.lexicon import load_data
from clashrecon.models import TimeRef

# How specific an expression is: lower ranks speak of the sentence's own event.
DAY_RANK, MONTH_RANK, NAMED_EVENT_RANK = 0, 1, 2
# a day naming an attack ("the April 22 attack"): it dates a sentence only when nothing else does
ATTACK_DAY_RANK = 3


@dataclass(frozen=True)
class TimeExpression:
    start: int  # offset in the text parsed
    end: int
    ref: TimeRef  # raw parts only; start/end/precision are set by chronology
    rank: int
    last: TimeRef | None = None  # a window of days ("January 26 to 30"): its last day; `ref` is its first


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class _Patterns:
    weekday: re.Pattern
    hours_of: re.Pattern
    month_day: re.Pattern
    day_month: re.Pattern
    day_mon_dashed: re.Pattern
    month_range: re.Pattern
    range_month: re.Pattern
    month_year: re.Pattern
    clock: re.Pattern
    midnight: re.Pattern
    part_alone: re.Pattern
    relative_year: re.Pattern
    relative_day: re.Pattern
    this_week: re.Pattern
    year: re.Pattern
    since: re.Pattern
    days_ago: re.Pattern
    month_alone: re.Pattern
    iso: re.Pattern
    dawn: re.Pattern


@cache
def _data() -> dict:
    return load_data("times.json")


@cache
def _patterns() -> _Patterns:
    d = _data()
    wd = _alt(d["weekdays"])
    mo = _alt(d["months"])
    w = d["pattern_words"]
    pre = _alt(w["weekday_parts"])
    part = _alt(p for p in d["parts_of_day"] if p not in w["weekday_parts"])
    sun = _alt(word for words in w["sun_words"].values() for word in words)
    return _Patterns(
        weekday=re.compile(
            rf"\b(?:(?P<pre>{pre})\s+(?:on\s+)?)?(?:on\s+)?(?P<wd>{wd})(?:['’]s)?"
            rf"(?:\s+(?P<post>{part}))?\b",
            re.I,
        ),
        hours_of=re.compile(rf"\b(?:in\s+)?the\s+(?P<pre>{_alt(w['hours_of'])})\s+hours\s+of\s+(?:on\s+)?(?P<wd>{wd})\b", re.I),
        month_day=re.compile(rf"\b(?P<mo>{mo})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?", re.I),
        day_month=re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mo>{mo})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?", re.I),
        # "25-Jun-2025", as page templates print a day
        day_mon_dashed=re.compile(rf"\b(?P<day>\d{{1,2}})-(?P<mo>{mo})-(?P<year>\d{{4}})\b", re.I),
        # "September 19-20", "between January 26 and 30", "from May 7 to May 10": a window, dated by its last day
        month_range=re.compile(
            rf"\b(?:(?P<lead>{_alt(w['range_leads'])})\s+)?(?P<mo>{mo})\.?\s+(?P<first>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s*(?P<to>-|–|{_alt(w['range_words'])})\s*(?:(?P<mo2>{mo})\.?\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?",
            re.I,
        ),
        # "19-20 September", "between 26 and 30 January"
        range_month=re.compile(
            rf"\b(?:(?P<lead>{_alt(w['range_leads'])})\s+)?(?P<first>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<to>-|–|{_alt(w['range_words'])})\s*"
            rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mo>{mo})\b\.?(?:,?\s+(?P<year>\d{{4}})\b)?",
            re.I,
        ),
        month_year=re.compile(rf"\b(?P<mo>{mo})\.?\s+(?:of\s+)?(?P<year>\d{{4}})\b", re.I),
        clock=re.compile(r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)", re.I),
        midnight=re.compile(
            rf"\b(?:(?:{_alt(w['midnight_leads'])})\s+(?:{_alt(w['midnight_after'])})\s+|(?:{_alt(w['clock_preps'])})\s+)?(?P<w>{_alt(w['clock_words'])})\b",
            re.I,
        ),
        part_alone=re.compile(rf"\b(?P<part>{_alt(w['standalone_parts'])}|(?:in\s+)?the\s+(?:{part})|this\s+(?:{part}))\b", re.I),
        relative_year=re.compile(rf"\b(?P<rel>{_alt(d['relative_years'])})\b", re.I),
        relative_day=re.compile(rf"\b(?P<rel>{_alt(d['relative_days'])})\b", re.I),
        this_week=re.compile(r"\b(?:this|earlier this)\s+week\b", re.I),
        year=re.compile(r"(?<![\d,.])\b(?P<year>1[89]\d{2}|20\d{2})\b(?![\d,])(?P<after>\s+[a-z-]+)?"),
        since=re.compile(r"\bsince\b", re.I),
        days_ago=re.compile(rf"\b(?P<n>\d{{1,2}}|{_alt(d['number_words'])})\s+days?\s+ago\b", re.I),
        month_alone=re.compile(rf"\b(?:{_alt(w['month_leads'])})\s*(?:-\s*)?(?P<mo>{_alt(m.capitalize() for m in d['months'] if len(m) > 3)})\b(?!\s+\d)"),
        iso=re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<mo>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
        dawn=re.compile(rf"\b(?:(?:{_alt(w['sun_leads'])})\s+)?(?:{_alt(w['sun_preps'])})\s+(?P<w>{sun})\b", re.I),
    )


def _month(word: str) -> int:
    return _data()["months"][word.lower().rstrip(".")]


def _valid_year(y: int) -> bool:
    low, high = _data()["year_range"]
    return low <= y <= high


def _part_word(text: str) -> str:
    words = text.lower().split()
    return words[-1]


def _expr(m: re.Match, rank: int, **parts) -> TimeExpression:
    return TimeExpression(m.start(), m.end(), TimeRef(text=m.group(0), **parts), rank)


def _calendar_day(m: re.Match, d: dict) -> TimeExpression | None:
    """"September 13", "13 September 2022"."""
    day = int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else None
    if 1 <= day <= 31 and (year is None or _valid_year(year)):
        return _expr(m, ATTACK_DAY_RANK if _names_an_attack(m, d) else DAY_RANK, month=_month(m.group("mo")), day=day, year=year)
    return None


def _names_an_attack(m: re.Match, d: dict) -> bool:
    """"the April 22 attack at Pahalgam", "Hamas's October 7 attack": a date between "the"
    (or a possessive) and an attack noun names that attack, as "a 2020 war" names a war: it dates
    the sentence only when the sentence names no other time ("the April 22 attack killed 26")."""
    cfg = d["date_names_event"]
    if not re.search(r"(?:\bthe|['’]s)\s+$", m.string[max(0, m.start() - 8) : m.start()], re.IGNORECASE):
        return False
    nouns = "|".join(re.escape(n) for n in cfg["nouns"])
    after = rf"\s+(?:[A-Za-z’'-]+\s+){{0,{cfg['max_words_between']}}}?(?:{nouns})\b"
    return re.match(after, m.string[m.end() :], re.IGNORECASE) is not None


def _range(m: re.Match, d: dict) -> TimeExpression | None:
    """"between January 26 and 30": a window of days, dated by its first day, with its last day
    beside it (a count over the window stands on that one). A bare "and" or "to" needs "between"
    or "from" before it ("on May 7 and 10 more died" is no window)."""
    if m.group("to").lower() not in "-–" and not m.group("lead"):
        return None
    first_month = _month(m.group("mo"))
    month = _month(m.groupdict().get("mo2") or m.group("mo"))
    first, day = int(m.group("first")), int(m.group("day"))
    year = int(m.group("year")) if m.group("year") else None
    if not (1 <= first <= 31 and 1 <= day <= 31) or (month == first_month and day <= first) or (year is not None and not _valid_year(year)):
        return None
    found = _expr(m, DAY_RANK, month=first_month, day=first, year=year)
    return replace(found, last=found.ref.model_copy(update={"month": month, "day": day}))


def _hours_of(m: re.Match, d: dict) -> TimeExpression:
    pre = m.group("pre").lower()
    return _expr(m, DAY_RANK, weekday=d["weekdays"][m.group("wd").lower()], part_of_day=d["pattern_words"]["hours_of_reads"].get(pre, pre))


def _weekday(m: re.Match, d: dict) -> TimeExpression:
    part = (m.group("pre") or m.group("post") or "").lower() or None
    return _expr(m, DAY_RANK, weekday=d["weekdays"][m.group("wd").lower()], part_of_day=part)


def _month_year(m: re.Match, d: dict) -> TimeExpression | None:
    if _valid_year(int(m.group("year"))):
        return _expr(m, MONTH_RANK, month=_month(m.group("mo")), year=int(m.group("year")))
    return None


def _clock(m: re.Match, d: dict) -> TimeExpression | None:
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    pm = m.group("ap").lower().startswith("p")
    if 1 <= hour <= 12 and minute < 60:
        return _expr(m, DAY_RANK, hour=(hour % 12) + (12 if pm else 0), minute=minute)
    return None


def _midnight(m: re.Match, d: dict) -> TimeExpression:
    return _expr(m, DAY_RANK, hour=d["pattern_words"]["clock_words"][m.group("w").lower()], minute=0)


def _days_ago(m: re.Match, d: dict) -> TimeExpression:
    n = m.group("n").lower()
    return _expr(m, DAY_RANK, relative_days=-(int(n) if n.isdigit() else d["number_words"][n]))


def _iso(m: re.Match, d: dict) -> TimeExpression:
    return _expr(m, DAY_RANK, year=int(m.group("year")), month=int(m.group("mo")), day=int(m.group("day")))


def _dawn(m: re.Match, d: dict) -> TimeExpression:
    w = m.group("w").lower()
    sun = d["pattern_words"]["sun_words"]
    if w in sun["midday"]:
        return _expr(m, DAY_RANK, hour=12, minute=0)
    return _expr(m, DAY_RANK, part_of_day="dawn" if w in sun["dawn"] else "dusk")


def _month_alone(m: re.Match, d: dict) -> TimeExpression:
    # "in September", "since mid-March": a month of the reference year or the one before
    return TimeExpression(m.start("mo"), m.end("mo"), TimeRef(text=m.group(0), month=_month(m.group("mo"))), MONTH_RANK)


def _year(m: re.Match, d: dict) -> TimeExpression | None:
    year = int(m.group("year"))
    if not _valid_year(year):
        return None
    after = (m.group("after") or "").strip()
    # "a 2020 war", "a 1997 treaty": a year naming another event or document, not this sentence's time.
    names_event = after and after.islower() and after not in d["year_then_not_a_name"]["words"]
    rank = NAMED_EVENT_RANK if names_event else MONTH_RANK
    return TimeExpression(m.start(), m.start() + 4, TimeRef(text=m.group("year"), year=year), rank)


# Each pattern of data/times.json with what its match means, in the order they are tried.
_HANDLERS: tuple[tuple[str, Callable[[re.Match, dict], TimeExpression | None]], ...] = (
    ("hours_of", _hours_of),
    ("weekday", _weekday),
    ("month_day", _calendar_day),
    ("day_month", _calendar_day),
    ("day_mon_dashed", _calendar_day),
    ("month_range", _range),
    ("range_month", _range),
    ("month_year", _month_year),
    ("clock", _clock),
    ("midnight", _midnight),
    ("days_ago", _days_ago),
    ("iso", _iso),
    ("dawn", _dawn),
    ("month_alone", _month_alone),
    ("part_alone", lambda m, d: _expr(m, DAY_RANK, part_of_day=_part_word(m.group("part")))),
    ("relative_day", lambda m, d: _expr(m, DAY_RANK, relative_days=d["relative_days"][m.group("rel").lower()])),
    ("this_week", lambda m, d: _expr(m, DAY_RANK, this_week=True)),
    ("relative_year", lambda m, d: _expr(m, MONTH_RANK, relative_years=d["relative_years"][m.group("rel").lower()])),
    ("year", _year),
)


def _raw_expressions(text: str) -> list[TimeExpression]:
    p, d = _patterns(), _data()
    found = (handle(m, d) for name, handle in _HANDLERS for m in getattr(p, name).finditer(text))
    return [e for e in found if e is not None]


def _drop_overlaps(found: list[TimeExpression]) -> list[TimeExpression]:
    """Keep the longest expression where several overlap ("November 2020" over "2020")."""
    kept: list[TimeExpression] = []
    for e in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)


def _mark_since(text: str, exprs: list[TimeExpression]) -> list[TimeExpression]:
    """"since fighting erupted early on Tuesday": a window from that moment to the reference date.

    "since the war with Israel began on June 13" names the moment by the war's start, a
    longer phrase: the window's `start_words` after "since" allow `start_max_words`."""
    window = _data()["since_window"]
    starts = {w.lower() for w in window["start_words"]}
    out = []
    for e in exprs:
        before = text[max(0, e.start - window["start_chars"]) : e.start]
        clause = re.split(r"[,;:.!?—–()]", before)[-1]
        m = list(_patterns().since.finditer(clause))
        if m:
            words = clause[m[-1].end() :].split()
            starting = bool(starts & {w.lower() for w in words[:2]})
            near = len(clause) - m[-1].start() <= window["chars"]
            if len(words) <= window["max_words"] and near or starting and len(words) <= window["start_max_words"]:
                e = replace(e, ref=e.ref.model_copy(update={"since": True}))
        out.append(e)
    return out


def speaks_of_plans(sentence: str) -> bool:
    """Whether a sentence speaks of plans ("talks will resume on Friday", "elections due in 2025")."""
    words = _data()["future_markers"]["words"]
    return re.search(r"\b(?:" + _alt(words) + r")\b", sentence, re.I) is not None


def time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in `text`, in text order, overlaps resolved to the longest."""
    return list(_expressions_of(text))


@lru_cache(maxsize=4096)
def _expressions_of(text: str) -> tuple[TimeExpression, ...]:
    # Remembered by text: every claim of a sentence dates itself by the same quote.
    return tuple(_mark_since(text, _drop_overlaps(_raw_expressions(text))))


_CALENDAR = ("year", "month", "day", "weekday", "relative_days", "relative_years")
_CLOCK = ("part_of_day", "hour", "minute")


def _has(ref: TimeRef, names) -> bool:
    return any(getattr(ref, n) is not None for n in names) or (ref.this_week and "weekday" in names)


def best_time(text: str) -> TimeExpression | None:
    """The expression that dates the sentence's own event, with a lone clock time completed by a day.

    None when the sentence names no time of its own. The most specific rank wins, then the earliest; a time of day without a day ("9 a.m.") borrows
    the day named elsewhere in the sentence.
    """
    # A year naming another event or document ("a 1997 treaty", "since a 2020 war") never dates this one.
    exprs = [e for e in time_expressions(text) if e.rank != NAMED_EVENT_RANK]
    if not exprs:
        return None
    best = min(exprs, key=lambda e: (e.rank, e.start))
    if best.rank != DAY_RANK:
        return best
    has_day = _has(best.ref, _CALENDAR) or best.ref.this_week
    has_clock = best.ref.hour is not None
    # "On Wednesday ... at 6 a.m.", "a 9 a.m. cease-fire ... on Tuesday": one moment, two phrases.
    other = next(
        (
            e
            for e in exprs
            if e is not best
            and e.rank == DAY_RANK
            and ((not has_day and _has(e.ref, _CALENDAR)) or (has_day and not has_clock and e.ref.hour is not None and not _has(e.ref, _CALENDAR)))
        ),
        None,
    )
    if other is None:
        return best
    update = {n: getattr(other.ref, n) for n in (*_CALENDAR, *_CLOCK) if getattr(other.ref, n) is not None and getattr(best.ref, n) is None}
    if "hour" in update or best.ref.hour is not None:
        update["part_of_day"] = None
    update["since"] = best.ref.since or other.ref.since
    first, second = sorted((best, other), key=lambda e: e.start)
    update["text"] = f"{first.ref.text} … {second.ref.text}"
    best = replace(best, ref=best.ref.model_copy(update=update))
    return best
