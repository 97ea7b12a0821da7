"""Extractors: pure functions of a spaCy Doc (plus its Article) that yield Claims.

spaCy is imported by the extractor modules, not here, so that the corpus passes can import
`clashrecon.extract.times`'s pure-Python expression parser without loading it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from clashrecon.extract.times import DAY_RANK, NAMED_EVENT_RANK, TimeExpression, best_time, speaks_of_plans, time_expressions
from clashrecon.lexicon import load_data
from clashrecon.models import Article, Claim, Field

if TYPE_CHECKING:
    from spacy.tokens import Doc


def with_sentence_time(claim: Claim) -> Claim:
    """The claim dated by its own sentence's time expression, unless an extractor already dated it."""
    if claim.event_time is not None:
        return claim
    found = best_time(claim.quote)
    if found is not None and claim.field is Field.casualties and claim.span_start is not None:
        found = _not_the_comparisons(claim, _past_the_dateline(claim, found))
        found = found and _not_the_plans_day(claim, found)
        found = found and _at_the_windows_end(_the_count_starts(claim, _the_day_it_names(claim, found)))
        found = found and _its_own_day(claim, found)
    return claim.model_copy(update={"event_time": found.ref}) if found else claim


def _its_own_day(claim: Claim, found: TimeExpression) -> TimeExpression:
    """A day named right after the count, no other number between, is its own: "30 people died
    on Monday and 9 on Sunday" dates the 9 to Sunday, "to avenge the 26 people
    killed at Pahalgam on April 22" dates the 26 to that date, not to the sentence's first
    weekday. A sentence's calendar date is kept as it was found."""
    if found.ref.since or claim.span_end is None or found.ref.month is not None:
        return found  # a calendar date names the day of telling ("On May 29 the ministry said ..."): kept
    after = claim.span_end - claim.start
    window = load_data("times.json")["count_times"]["own_day_chars"]
    near = [
        e for e in time_expressions(claim.quote)
        if e.rank == DAY_RANK and after <= e.start <= after + window and not re.search(r"\d", claim.quote[after : e.start])
        and not e.ref.since
    ]
    return min(near, key=lambda e: e.start) if near and near[0].start != found.start else found


def _at_the_windows_end(found: TimeExpression) -> TimeExpression:
    """A count over a window of days ("2,880 hurt between January 26 and 30") stands on its last day."""
    return found if found.last is None else replace(found, ref=found.last, last=None)


def _words(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(load_data("times.json")["count_times"][key], key=len, reverse=True))


def _not_the_comparisons(claim: Claim, found: TimeExpression) -> TimeExpression | None:
    """A count before a comparison ("13 killed, taking the toll higher than in the fighting of
    2008 to 2011") is not dated by the time of what it is compared with: that time dates the
    comparison's own count ("higher than the 28 killed in 2008")."""
    at = claim.span_start - claim.start
    # "more than 400" is a count's qualifier, no comparison
    comparisons = re.finditer(rf"\b(?:{_words('comparison_words')})\b(?!\s+(?:\d|(?:{_words('qualified_numbers')})\b))", claim.quote, re.I)
    than = next((m for m in comparisons if at < m.start() < found.start), None)
    return found if than is None else best_time(claim.quote[: than.start()])


def _not_the_plans_day(claim: Claim, found: TimeExpression) -> TimeExpression | None:
    """A weekday after a future marker in its clause ("the minister will visit on Friday the
    families of the 28 killed") is the plan's day, never the count's: the count takes the sentence's calendar date, or
    the article's day."""
    clause = re.split(r"[,;:.!?\"“”—–()]", claim.quote[: found.start])[-1]
    if found.ref.month is not None or found.ref.year is not None or not speaks_of_plans(clause):
        return found
    dated = [e for e in time_expressions(claim.quote) if e.ref.month is not None and e.rank != NAMED_EVENT_RANK]
    return min(dated, key=lambda e: (e.rank, e.start)) if dated else None


def _the_count_starts(claim: Claim, found: TimeExpression) -> TimeExpression:
    """A count of fighting "that erupted after the blasts on Oct. 9" runs from that day to the
    telling: the date is its start, as a since-date is."""
    if found.ref.since:
        return found
    before = re.split(r"[;:.!?—–()]", claim.quote[max(0, found.start - 80) : found.start])[-1]
    if re.search(rf"\b(?:that|which)\s+(?:{_words('start_verbs')})\b", before, re.I) is None:
        return found
    return replace(found, ref=found.ref.model_copy(update={"since": True}))


_WHEN_CLAUSE = re.compile(r"^\s*,?\s*when\b", re.IGNORECASE)


def _the_day_it_names(claim: Claim, found: TimeExpression) -> TimeExpression:
    """A count in the "when" clause of a since-date ("relations have soured since 3 March, when
    militants shot 19 pilgrims") happened on that date: it is no running count since then."""
    at = claim.span_start - claim.start
    if not found.ref.since or at < found.end or not _WHEN_CLAUSE.match(claim.quote[found.end :]):
        return found
    return replace(found, ref=found.ref.model_copy(update={"since": False}))


_DATELINE_END = re.compile(r"\s[—–-]\s|\(")


def _past_the_dateline(claim: Claim, found: TimeExpression) -> TimeExpression:
    """A count in a lede dated by its dateline ("JAMMU, May 29 — ... killed between May 7 and May
    10 at 28") is dated by the day named nearest it: the dateline is the day of telling."""
    head = _DATELINE_END.search(claim.quote[:100])
    if head is None or found.end > head.start() or not claim.quote[:1].isupper():
        return found
    at = claim.span_start - claim.start
    others = [e for e in time_expressions(claim.quote) if e.start >= head.end() and e.rank == DAY_RANK]
    return min(others, key=lambda e: abs(e.start - at)) if others else found


def article_claims(doc: Doc, article: Article) -> list[Claim]:
    """Every claim in one article, in text order, each field's extractor run once."""
    from clashrecon.extract.casualties import casualty_claims
    from clashrecon.extract.events import event_claims
    from clashrecon.extract.places import place_claims
    from clashrecon.extract.time_claims import time_claims

    claims = [
        *casualty_claims(doc, article),
        *event_claims(doc, article),
        *place_claims(doc, article),
        *time_claims(doc, article),
    ]
    claims.sort(key=lambda c: (c.start, c.span_start or 0, c.field.value, c.kind))
    seen: set[str] = set()
    unique = []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(with_sentence_time(c))
    return unique
