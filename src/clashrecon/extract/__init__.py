"""Extractors: pure functions of a spaCy Doc (plus its Article) that yield Claims.

spaCy is imported by the extractor modules, not here, so that the corpus passes can import
`clashrecon.extract.times`'s pure-Python expression parser without loading it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from clashrecon.extract.times import best_time
from clashrecon.models import Article, Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc


def with_sentence_time(claim: Claim) -> Claim:
    """The claim dated by its own sentence's time expression, unless an extractor already dated it."""
    if claim.event_time is not None:
        return claim
    found = best_time(claim.quote)
    return claim.model_copy(update={"event_time": found.ref}) if found else claim


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
