"""Extractors: pure functions of a spaCy Doc (plus its Article) that yield Claims.

spaCy is imported by the extractor modules, not here, so that the corpus passes can import
`clashrecon.extract.times`'s pure-Python expression parser without loading it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from clashrecon.extract.times import DAY_RANK, TimeExpression, best_time, time_expressions
from clashrecon.models import Article, Claim, Field

if TYPE_CHECKING:
    from spacy.tokens import Doc


def with_sentence_time(claim: Claim) -> Claim:
    """The claim dated by its own sentence's time expression, unless an extractor already dated it."""
    if claim.event_time is not None:
        return claim
    found = best_time(claim.quote)
    if found is not None and claim.field is Field.casualties and claim.span_start is not None:
        found = _past_the_dateline(claim, found)
        found = _the_day_it_names(claim, found)
    return claim.model_copy(update={"event_time": found.ref}) if found else claim


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
