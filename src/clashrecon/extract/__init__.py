"""Extractors: pure functions of a spaCy Doc (plus its Article) that yield Claims."""

from __future__ import annotations

from spacy.tokens import Doc

from clashrecon.models import Article, Claim


def article_claims(doc: Doc, article: Article) -> list[Claim]:
    """Every claim in one article, in text order, each field's extractor run once."""
    from clashrecon.extract.casualties import casualty_claims
    from clashrecon.extract.events import event_claims

    claims = [*casualty_claims(doc, article), *event_claims(doc, article)]
    claims.sort(key=lambda c: (c.start, c.span_start or 0, c.field.value, c.kind))
    seen: set[str] = set()
    unique = []
    for c in claims:
        if c.id not in seen:
            seen.add(c.id)
            unique.append(c)
    return unique
