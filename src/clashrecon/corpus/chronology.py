"""Corpus pass: each article's reference date, then every claim's event_time resolved.

Pure Python, no dateparser: it is slow to import, returns nothing for "early Tuesday", and when the
reference day is a Wednesday it sends "Wednesday" to the week before. Here a weekday name always
means the latest such day on or before the article's reference date.

The reference date of an article comes, in order, from its own metadata (`published`, basis
explicit), from `ingest --reference-date` (stored meta), or from the corpus: an explicit day and
month ("September 13") whose weekday is the one the articles name most ("Tuesday"), in the first
year not before any year the articles name as past ("in 2020"). Each article's reference is then
the latest weekday it names, placed next to that anchor; an undated article that names a day
and month of its own within the story is placed by that date instead. When nothing anchors the calendar,
weekdays become relative days ("day 1", "day 2") and no date is invented.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clashrecon.extract.sentences import sentence_pieces
from clashrecon.extract.times import TimeExpression, speaks_of_plans, time_expressions
from clashrecon.ingest.page_dates import update_date
from clashrecon.ingest.segments import claim_text  # captions, chrome and credits blanked: their dates never anchor
from clashrecon.lexicon import load_data
from clashrecon.corpus.stories import own_day, stories_of, story_keys
from clashrecon.models import (
    Article,
    ChronologyDigest,
    Claim,
    Field,
    Happening,
    Precision,
    Published,
    Reference,
    ReportingDate,
    ResolvedTime,
    StoryKeys,
    TimeBasis,
    TimeRef,
)


def resolve_weekday(weekday: int, reference: date) -> date:
    """The latest date with this weekday (Monday=0) on or before `reference`; the same weekday is `reference`."""
    return reference - timedelta(days=(reference.weekday() - weekday) % 7)


def _settings() -> dict:
    return load_data("times.json")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def dateline_date(article: Article) -> TimeRef | None:
    """The date a wire dateline gives its story: "KYIV, Ukraine, March 11 (Reuters) -" -> March 11."""
    text = claim_text(article)
    for line in text.split("\n"):
        if not line.strip():
            continue
        lead = re.split(r"\(|\s[-—–]\s|—|–", line, maxsplit=1)[0]
        first = lead.strip().split(",")[0].split()
        if len(lead) > 100 or not first or not first[0].isupper() or len(first[0].strip(".")) < 2:
            continue
        found = [e.ref for e in time_expressions(lead) if e.ref.month is not None and e.ref.day is not None]
        return found[0] if found else None
    return None


def infer_anchor(expressions: Mapping[str, list[TimeRef]], datelines: list[TimeRef] = ()) -> date | None:
    """One calendar date the corpus pins down: an explicit day and month whose weekday is one the
    articles name (the most named wins), in a year not before any year they name. None if nothing agrees.

    `expressions`: the times each article's telling sentences name (`telling_expressions`' refs)."""
    weekday_counts: Counter[int] = Counter()
    years: list[int] = []
    anchors: list[TimeRef] = []
    for exprs in expressions.values():
        for r in exprs:
            if r.weekday is not None:
                weekday_counts[r.weekday] += 1
            if r.year is not None:
                years.append(r.year)
            if r.month is not None and r.day is not None:
                anchors.append(r)
    best: tuple[bool, bool, int, int, int, date] | None = None
    span = _settings()["anchor_year_span"]
    dated = {(r.year, r.month, r.day) for r in datelines}
    for r in [*datelines, *anchors]:
        if r.year is not None:
            candidates = [r.year]
        elif years:
            candidates = list(range(max(years), max(years) + span))
        else:
            continue
        for year in candidates:
            d = _safe_date(year, r.month, r.day)
            if d is None:
                continue
            # The date's weekday must be one the articles name: "Feb. 24, 2022" recalled in a story
            # told on a Monday two years later anchors nothing.
            support = weekday_counts[d.weekday()]
            explicit = r.year is not None
            dateline = (r.year, r.month, r.day) in dated
            # A dateline with its year is the day of telling itself, named weekday or not.
            if support == 0 and not (dateline and explicit):
                continue
            # A date with its own year is fully determined; a dateline is the day of telling; then the
            # most-named weekday; then the latest date (nearest the telling); then the earliest year.
            key = (explicit, dateline, support, d.toordinal() if explicit else d.month * 100 + d.day, -year, d)
            if best is None or key[:5] > best[:5]:
                best = key
    return best[5] if best else None


def _nearest(weekday: int, anchor: date) -> date:
    """The date with this weekday closest to the anchor (articles of one story lie days apart)."""
    delta = (weekday - anchor.weekday()) % 7
    if delta > _settings()["weekday_window_days"]:
        delta -= 7
    return anchor + timedelta(days=delta)


def _own_latest_date(expressions: list[TimeRef], anchor: date, first: date | None) -> date | None:
    """The latest day-and-month date an undated article names, in the anchor's year (or the one
    before, for a December date told in January), never after the anchor and never before the
    story: not before its first published date, or, with none, not more than
    `background_min_days` before the anchor ("the April 22 attack", "the August 31 meeting"
    are earlier events, not the day of telling)."""
    earliest = first if first is not None else anchor - timedelta(days=load_data("reconcile.json")["clustering"]["background_min_days"])
    days = []
    for ref in expressions:
        if ref.month is None or ref.day is None:
            continue
        for year in ([ref.year] if ref.year is not None else [anchor.year, anchor.year - 1]):
            d = _safe_date(year, ref.month, ref.day)
            if d is not None and earliest <= d <= anchor:
                days.append(d)
                break
    return max(days, default=None)


def _first_weekday(weekdays: set[int]) -> int | None:
    """Relative mode: the weekday that starts the shortest window holding every weekday named."""
    if not weekdays:
        return None

    def width(start: int) -> int:
        return max((w - start) % 7 for w in weekdays)

    return min(sorted(weekdays), key=width)


def _planned(sentence: str, time: TimeRef) -> bool:
    """Whether the time is a plan's: a future marker before it in its sentence ("will hold talks
    on Monday"); "agreed on Wednesday to a truce that will see ..." dates a happening."""
    at = sentence.find(time.text.split(" … ")[0]) if time.text else -1
    return speaks_of_plans(sentence[: at if at >= 0 else len(sentence)])


def telling_expressions(text: str) -> list[TimeExpression]:
    """Time expressions of sentences about what has happened; plans ("talks will resume on Friday",
    "elections due in 2025") never set a reference date."""
    out: list[TimeExpression] = []
    # Sentence ends: a stop before a capital or a line break ("Aug. 31" is no end).
    for start, end in sentence_pieces(text, at_stops=True):
        chunk = text[start:end]
        if not speaks_of_plans(chunk):
            out += [TimeExpression(e.start + start, e.end + start, e.ref, e.rank, e.last) for e in time_expressions(chunk)]
    return out


def a_week_later(text: str) -> bool:
    """Whether the text puts what it reports in an earlier week ("the offensive last week")."""
    words = _settings()["a_week_later"]["words"]
    return re.search(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", text, re.I) is not None


def telling_refs(text: str) -> list[TimeRef]:
    """The times `telling_expressions` finds, a window of days by its last day: an article that
    reports "26 to 30 January" was told after the 30th."""
    return [e.last or e.ref for e in telling_expressions(text)]


def _by_figures(weekdays: list[int], figures: set[int], printed: dict[date, set[int]]) -> date | None:
    """The day an undated article was told, judged by its casualty figures: of the days with its
    weekday next to each dated article's day, the one whose dated reports print most of the same
    figures ("26 dead" beside the other reports of the first night's strikes); None when none
    shares `placing_min_shared` figures."""
    need = _settings()["placing_min_shared"]
    best: tuple[int, int, date] | None = None
    for day in printed:
        for w in weekdays:
            candidate = _nearest(w, day)
            shared = len(figures & (printed.get(candidate, set()) | printed.get(candidate + timedelta(days=1), set())))
            # on a tie the earlier day: a later report may print a figure again, an earlier one never a later figure
            if shared >= need and (best is None or (shared, -candidate.toordinal()) > best[:2]):
                best = (shared, -candidate.toordinal(), candidate)
    return best[2] if best else None


def _day_of(iso: str | None) -> date | None:
    return date.fromisoformat(iso[:10]) if iso else None


def _after_happening(weekdays: list[int], own: list[tuple[str, TimeRef]], held: dict[str, set[date]]) -> date | None:
    """The day an undated article was told, judged by a happening it dates by weekday only: the
    latest day the dated reports put that kind of happening on with that weekday, then the latest
    weekday the article names on or after it ("agreed on Saturday ... said on Sunday")."""
    days = [d for kind, t in own if t.weekday is not None for d in held.get(kind, ()) if d.weekday() == t.weekday]
    return _told_after(weekdays, max(days)) if days else None


def _during_lasting(weekdays: list[int], own: list[tuple[str, TimeRef]], held: dict[str, set[date]]) -> date | None:
    """A truce lasts: "observed the ceasefire overnight into Sunday" is its first Sunday, when the
    dated reports put it on no Sunday. Only a guess (the weekday may belong to another clause), so
    it comes after the figures the article shares with the dated reports."""
    lasting = set(_settings()["placing_lasting"])
    days = [
        first + timedelta(days=(t.weekday - first.weekday()) % 7)
        for kind, t in own
        if t.weekday is not None and kind in lasting and held.get(kind)
        for first in [min(held[kind])]
    ]
    return _told_after(weekdays, max(days)) if days else None


def _told_after(weekdays: list[int], day: date) -> date:
    """The latest weekday an article names on or after a day it reports, else that day: it was
    told then, and never before what it reports."""
    return max((d for w in weekdays if (d := _nearest(w, day)) >= day), default=day)


def _story_month_is_past(expressions: list[TimeRef], anchor: date) -> bool:
    """Whether the article calls the story's own month past ("last September"), so that it was not
    told within the story."""
    leads = set(_settings()["a_year_later"]["leads"])
    return any(
        r.month == anchor.month and r.day is None and r.year is None and r.text.lower().split()[0] in leads
        for r in expressions
        if r.text
    )


def _not_before(day: date, floor: date | None, weekdays: list[int]) -> date:
    """The day of telling, never before the since-date of a count it reports: when placed before
    it, the first day on or after it with the latest weekday the article names ("said on Tuesday
    ... since the war began on Friday 13 June" is Tuesday 17 June at the earliest, never the 10th)."""
    if floor is None or day >= floor:
        return day
    return max((floor + timedelta(days=(w - floor.weekday()) % 7) for w in weekdays), default=floor)


@dataclass(frozen=True)
class Telling:
    """What dates one article within its story (from its `ChronologyDigest`)."""

    own: date | None  # its own publication day (metadata)
    expressions: list[TimeRef]  # the times its telling sentences name
    dateline: TimeRef | None
    figures: set[int]  # its casualty figures of at least `placing_min_figure`
    happenings: list[tuple[str, TimeRef]]  # (happening, time) of its claims that date one by weekday or day
    updated: date | None = None  # the last-update day its page prints: told then or before
    week_later: bool = False  # it puts what it reports "last week": told in a later week than the days it names


def _recalled(sentence: str) -> bool:
    """Whether a sentence recalls figures printed before ("officials said earlier that ...")."""
    words = _settings()["placing_recalled"]["words"]
    return re.search(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", sentence, re.I) is not None


def chronology_digest(article: Article, claims: Iterable[Claim]) -> ChronologyDigest:
    """What the chronology pass reads of one article and its claims, computed once."""
    figures: set[int] = set()
    happenings: list[Happening] = []
    for c in claims:
        q, t = c.quantity, c.event_time
        if c.field is Field.casualties and q is not None and q.stated is not None and not _recalled(c.quote):
            figures.add(q.stated)
        if c.field in (Field.times, Field.actors) and t is not None and (t.weekday is not None or t.day is not None):
            happenings.append(Happening(kind=str(c.kind), time=t, planned=_planned(c.quote, t)))
    own = own_day(article)
    return ChronologyDigest(
        own_day=own.isoformat() if own is not None else None,
        dated=article.published.basis is TimeBasis.explicit,
        telling=tuple(telling_refs(claim_text(article))),
        dateline=dateline_date(article),
        figures=tuple(sorted(figures)),
        happenings=tuple(happenings),
        updated=update_date(article.text.split("\n")),
        week_later=a_week_later(claim_text(article)),
    )


def telling(digest: ChronologyDigest) -> Telling:
    """The digest as the references read it: small figures and happenings that place nothing left out."""
    floor = _settings()["placing_min_figure"]
    happening_of = _settings()["placing_happenings"]
    return Telling(
        own=date.fromisoformat(digest.own_day) if digest.own_day else None,
        expressions=list(digest.telling),
        dateline=digest.dateline,
        figures={n for n in digest.figures if n >= floor},
        updated=date.fromisoformat(digest.updated) if digest.updated else None,
        week_later=digest.week_later,
        # a planned meeting ("talks will be held on Monday") was told before it, so it places nothing after it
        happenings=[(happening_of[h.kind], h.time) for h in digest.happenings if h.kind in happening_of and not h.planned],
    )


def article_references(
    articles: list[Article],
    reference_date: date | None = None,
    figures: Mapping[str, set[int]] | None = None,
    happenings: Mapping[str, list[tuple[str, TimeRef]]] | None = None,
) -> dict[str, Reference]:
    """Each article's reference date (keyed by article name), with its basis: `references` of
    articles of one story, with the figures and happenings given here.

    `figures` holds each article's casualty figures by article name: an undated article that
    names a weekday is placed on that weekday where the dated reports print its figures.
    `happenings`: (happening, time) by article name.
    """
    figures = figures or {}
    happenings = happenings or {}
    tellings = {
        a.name: Telling(
            own=own_day(a),
            expressions=telling_refs(claim_text(a)),
            dateline=dateline_date(a),
            figures=set(figures.get(a.name, ())),
            happenings=list(happenings.get(a.name, ())),
            updated=_day_of(update_date(a.text.split("\n"))),
            week_later=a_week_later(claim_text(a)),
        )
        for a in articles
    }
    return references(tellings, reference_date)


def references(tellings: Mapping[str, Telling], reference_date: date | None = None) -> dict[str, Reference]:
    """The reference date of each article of one story (keyed as `tellings`: by id), with its basis.

    An undated article that names a weekday is placed on that weekday where the dated reports
    print its figures, or after a happening they date.
    """
    dated = {a: t.own for a, t in tellings.items() if t.own is not None}  # each one's own publication day
    printed: dict[date, set[int]] = {}  # the figures the dated reports of each day print
    held: dict[str, set[date]] = {}  # the days the dated reports put each kind of happening on
    for a, t in tellings.items():
        if a in dated:
            day = dated[a]
            printed.setdefault(day, set()).update(t.figures)
            for kind, when in t.happenings:
                on = _day_of(resolve_time(when, Reference(day=day, basis=TimeBasis.explicit)).start)
                if on is not None:
                    held.setdefault(kind, set()).add(on)
    if printed:  # the story's own happenings, not "the 2021 ceasefire" a report recalls
        since = min(printed) - timedelta(days=load_data("reconcile.json")["clustering"]["background_min_days"])
        held = {kind: {d for d in days if d >= since} for kind, days in held.items()}
    # An article's own publication date is a firmer anchor for its neighbours than anything inferred.
    published = sorted(dated.values())
    anchor = None
    if reference_date is None:
        datelines = [t.dateline for t in tellings.values() if t.dateline is not None]
        anchor = published[-1] if published else infer_anchor({a: t.expressions for a, t in tellings.items()}, datelines)
    all_weekdays = {r.weekday for t in tellings.values() for r in t.expressions if r.weekday is not None}
    first = _first_weekday(all_weekdays)
    out: dict[str, Reference] = {}
    for a, t in tellings.items():
        if a in dated:
            out[a] = Reference(day=dated[a], basis=TimeBasis.explicit)
            continue
        if reference_date is not None:
            out[a] = Reference(day=reference_date, basis=TimeBasis.resolved)
            continue
        # a since-weekday ("killed since clashes erupted Thursday") starts a count: the telling comes
        # after it, so it names the day of telling only when the article names no other weekday
        weekdays = [r.weekday for r in t.expressions if r.weekday is not None and not r.since]
        weekdays = weekdays or [r.weekday for r in t.expressions if r.weekday is not None]
        told = t.dateline
        if told is not None and (told.year is not None or anchor is not None):
            # The dateline is the day of telling; without a year it takes the anchor's (or a neighbour's).
            years = [told.year] if told.year is not None else [anchor.year - 1, anchor.year, anchor.year + 1]
            days = [d for y in years if (d := _safe_date(y, told.month, told.day)) is not None]
            if days:
                day = min(days, key=lambda d: abs((d - anchor).days) if anchor else 0)
                out[a] = Reference(day=day, basis=TimeBasis.explicit if told.year is not None else TimeBasis.inferred)
                continue
        # a since-date ("killed since the war began on June 13") starts a count: it is never the
        # day of telling, only a day the telling comes after
        own_days = [r for r in t.expressions if not r.since]
        own = _own_latest_date(own_days, anchor, published[0] if published else None) if anchor is not None else None
        floor = _own_latest_date([r for r in t.expressions if r.since], anchor, date.min) if anchor is not None else None
        if own is not None:
            # the article's own "May 10" places it better than the corpus's latest date does: it
            # was told on the latest weekday it names near that date, and never before the date;
            # told of it as "last week", in the week after it
            after = own + timedelta(days=7 - own.weekday()) if t.week_later else own
            out[a] = Reference(day=_not_before(_told_after(weekdays, after), floor, weekdays), basis=TimeBasis.inferred)
        elif anchor is not None and weekdays:
            placed = _after_happening(weekdays, t.happenings, held)
            if placed is None and (by_figures := _by_figures(weekdays, t.figures, printed)) is not None:
                # figures place it on one weekday it names; a later one it names moves it on ("on Sunday")
                placed = _told_after(weekdays, by_figures)
            placed = placed or _during_lasting(weekdays, t.happenings, held)
            day = placed or max(_nearest(w, anchor) for w in weekdays)
            out[a] = Reference(day=_not_before(day, floor, weekdays), basis=TimeBasis.inferred)
        elif first is not None and weekdays and t.updated is None:
            index = max((w - first) % 7 for w in weekdays) + 1
            out[a] = Reference(day=None, basis=TimeBasis.unknown, day_index=index, first_weekday=first)
        else:
            out[a] = Reference(day=None, basis=TimeBasis.unknown)
        if anchor is not None and out[a].day is not None and _story_month_is_past(t.expressions, anchor):
            # "last September's offensive" in a September story: told a year or more later, on a
            # day nothing gives; placed next to the story it would take the story's year
            out[a] = Reference(day=None, basis=TimeBasis.unknown)
        if t.updated is not None and (out[a].day is None or out[a].day > t.updated):
            out[a] = Reference(day=_told_by(weekdays, t.updated), basis=TimeBasis.inferred)
    return out


def _told_by(weekdays: list[int], updated: date) -> date:
    """The day of telling of a page last updated on a day: the latest weekday it names on or
    before that day, else the update day itself."""
    return max((resolve_weekday(w, updated) for w in weekdays), default=updated)


def _iso(d: date, hour: float | None = None) -> str:
    if hour is None:
        return d.isoformat()
    return (datetime(d.year, d.month, d.day) + timedelta(hours=hour)).isoformat(timespec="minutes")


def _day_window(t: TimeRef, day: date) -> tuple[str, str, Precision]:
    """Start, end and precision of a time on a known day: the hour, the part of day, or the day."""
    if t.hour is not None:
        minute = t.minute or 0
        start = _iso(day, t.hour + minute / 60)
        # "minutes after midnight" and "9 a.m." name an hour, not a minute.
        end = _iso(day, t.hour + 59 / 60) if minute == 0 else start
        return start, end, Precision.hour
    if t.part_of_day:
        low, high = _settings()["parts_of_day"].get(t.part_of_day, (0, 24))
        return _iso(day, low), _iso(day, high), Precision.part_of_day
    return day.isoformat(), day.isoformat(), Precision.day


_UNKNOWN = {"precision": Precision.unknown, "basis": TimeBasis.unknown}


def _month_end(year: int, month: int) -> date:
    return date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)


def _named_calendar(t: TimeRef, day: date | None) -> dict | None:
    """The window of a time that names a month or a year ("September 13", "in May", "2020");
    None for a time that names neither."""
    if t.month is not None and t.day is not None:
        year, basis = t.year, TimeBasis.explicit
        if year is None and day is not None:
            # A day and month without a year lie in the year before the reference if they would follow it.
            year = day.year if (t.month, t.day) <= (day.month, day.day) else day.year - 1
            basis = TimeBasis.resolved
        the_day = _safe_date(year, t.month, t.day) if year is not None else None
        if the_day is None:
            return dict(_UNKNOWN)
        start, end, precision = _day_window(t, the_day)
        return {"start": start, "end": end, "precision": precision, "basis": basis}
    if t.month is not None and t.year is None:
        if day is None:
            return dict(_UNKNOWN)
        year = day.year if t.month <= day.month else day.year - 1
        last = _month_end(year, t.month)
        end = min(last, day) if (year, t.month) == (day.year, day.month) else last
        return {"start": date(year, t.month, 1).isoformat(), "end": end.isoformat(), "precision": Precision.month, "basis": TimeBasis.resolved}
    if t.month is not None:
        start, last = date(t.year, t.month, 1), _month_end(t.year, t.month)
        return {"start": start.isoformat(), "end": last.isoformat(), "precision": Precision.month, "basis": TimeBasis.explicit}
    if t.year is not None:
        return {"start": f"{t.year}-01-01", "end": f"{t.year}-12-31", "precision": Precision.year, "basis": TimeBasis.explicit}
    return None


def _relative_calendar(t: TimeRef, ref: Reference) -> dict:
    """The window of relative words ("last year", "Tuesday", "yesterday", "this week"), or of the
    article's own day for a time that names no day; {} when nothing places it."""
    day = ref.day
    # Relative words are resolved whatever dated the reference; the article's own date standing
    # in for a sentence without a day is inferred.
    resolved = TimeBasis.resolved
    if t.relative_years is not None:
        if day is None:
            return {"precision": Precision.relative, "basis": TimeBasis.unknown}
        y = day.year + t.relative_years
        return {"start": f"{y}-01-01", "end": f"{y}-12-31", "precision": Precision.year, "basis": resolved}
    if t.weekday is not None:
        if day is not None:
            start, end, precision = _day_window(t, resolve_weekday(t.weekday, day))
            return {"start": start, "end": end, "precision": precision, "basis": resolved}
        if ref.first_weekday is not None:
            index = (t.weekday - ref.first_weekday) % 7 + 1
            return {"relative_day_index": index, "precision": Precision.relative, "basis": TimeBasis.unknown}
        return {}
    if day is None:
        return {}
    if t.relative_days is not None:
        start, end, precision = _day_window(t, day + timedelta(days=t.relative_days))
        return {"start": start, "end": end, "precision": precision, "basis": resolved}
    if t.this_week:
        return {"start": resolve_weekday(0, day).isoformat(), "end": day.isoformat(), "precision": Precision.day, "basis": resolved}
    # No day named ("overnight", "9 a.m.", or no time at all): the article's own day;
    # "overnight" then reaches back into the night before it (see data/times.json).
    start, end, precision = _day_window(t, day)
    return {"start": start, "end": end, "precision": precision, "basis": TimeBasis.inferred}


def resolve_time(t: TimeRef | None, ref: Reference) -> TimeRef:
    """Calendar start/end/precision/basis for raw parts, against the article's reference.

    Never invents a date: without a reference, relative words stay relative (day N) or unknown.
    A start that extraction set is kept as given.
    """
    t = t or TimeRef()
    if t.start is not None:
        if t.precision is Precision.unknown or t.basis is TimeBasis.unknown:
            precision = t.precision if t.precision is not Precision.unknown else Precision.day
            basis = t.basis if t.basis is not TimeBasis.unknown else TimeBasis.explicit
            return t.model_copy(update={"precision": precision, "basis": basis})
        return t
    upd = _named_calendar(t, ref.day)
    if upd is None:
        upd = _relative_calendar(t, ref)
    if not upd and ref.day_index is not None and t.weekday is None:
        upd = {"relative_day_index": ref.day_index, "precision": Precision.relative, "basis": TimeBasis.unknown}
    if t.since and upd.get("start") and ref.day is not None:
        upd["end"] = ref.day.isoformat()
    return t.model_copy(update=upd or _UNKNOWN)


def time_value(t: TimeRef) -> str | None:
    """A time claim's value: the resolved interval, or "day N (no calendar date)" when only relative."""
    if t.start:
        return t.start if t.start == t.end else f"{t.start}/{t.end}"
    if t.relative_day_index is not None:
        return f"day {t.relative_day_index} (no calendar date)"
    return None


def chronology_groups(story: Mapping[str, str], sided: Iterable[str], articles: Iterable[str]) -> dict[str, list[str]]:
    """The articles dated together: each story's, an article whose story names no side (or that has
    no claims) with the largest story's (the one with most articles naming a side; on a tie the
    first met in `sided`'s order). `articles` in store order, ids; groups keep that order."""
    sized = Counter(story[a] for a in sided)
    largest = sized.most_common(1)[0][0] if sized else ""
    groups: dict[str, list[str]] = {}
    for a in articles:
        root = story.get(a)
        groups.setdefault(root if root in sized else largest, []).append(a)
    return groups


def story_references(articles: list[Article], claims: list[Claim], reference_date: date | None = None) -> dict[str, Reference]:
    """Each article's reference date (keyed by article id), inferred within its own story.

    A store may hold reports of unrelated clashes; one story's "September 13" must not date
    another story's "Tuesday". Stories are the reconciler's (corpus/stories.py), told apart by the
    dates articles carry of their own.
    An article that names no side cannot be placed, so it joins the largest story, as there.
    """
    by_article: dict[str, list[Claim]] = {a.id: [] for a in articles}
    for c in claims:
        if c.article_id in by_article:
            by_article[c.article_id].append(c)
    keys = {a.id: story_keys(by_article[a.id], own_day(a)) for a in articles}
    digests = {a.id: chronology_digest(a, by_article[a.id]) for a in articles}
    return story_references_of(keys, digests, reference_date)


def story_references_of(
    keys: Mapping[str, StoryKeys], digests: Mapping[str, ChronologyDigest], reference_date: date | None = None
) -> dict[str, Reference]:
    """`story_references` from each article's story keys and chronology digest (by id, in store order)."""
    story = stories_of(keys, {a: date.fromisoformat(k.own_day) for a, k in keys.items() if k.own_day})
    sided = [a for a, k in keys.items() if k.parties]
    refs: dict[str, Reference] = {}
    for group in chronology_groups(story, sided, keys).values():
        refs.update(references({a: telling(digests[a]) for a in group}, reference_date))
    return refs


def resolve_claims(claims: Iterable[Claim], refs: Mapping[str, Reference]) -> list[ResolvedTime]:
    """Every claim's time resolved against its article's reference date."""
    unknown = Reference(day=None, basis=TimeBasis.unknown)
    times = []
    for c in claims:
        t = resolve_time(c.event_time, refs.get(c.article_id, unknown))
        value = None
        if c.field is Field.times:
            value = time_value(t) or (c.event_time.text if c.event_time else c.value)
        times.append(ResolvedTime(claim_id=c.id, event_time=t, value=value))
    return times


def reporting_date(article_id: str, ref: Reference) -> ReportingDate | None:
    """The date the pass gives an article whose metadata has none; None when nothing dates it."""
    if ref.day is None:
        return None
    return ReportingDate(article_id=article_id, published=Published(date=ref.day.isoformat(), basis=ref.basis))


def resolve_corpus(
    articles: list[Article], claims: list[Claim], reference_date: date | None = None
) -> tuple[tuple[ReportingDate, ...], tuple[ResolvedTime, ...]]:
    """The dates of articles whose metadata has none, and every claim's resolved time.

    A date found here has basis inferred (from the corpus) or resolved (from --reference-date);
    a date from metadata (basis explicit) is the article's own and gets none.
    """
    refs = story_references(articles, claims, reference_date)
    dates = tuple(
        found
        for a in articles
        if a.published.basis is not TimeBasis.explicit and (found := reporting_date(a.id, refs[a.id])) is not None
    )
    return dates, tuple(resolve_claims(claims, refs))
