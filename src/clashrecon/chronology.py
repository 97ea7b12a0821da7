"""Corpus-wide time pass: each article's reference date, then every claim's event_time resolved.

Pure Python, no dateparser: it is slow to import and misreads news weekdays.
First version: claims keep the times extraction gave them.
"""

from __future__ import annotations

from datetime import date

from clashrecon.models import Article, Claim


def resolve_corpus(
    articles: list[Article], claims: list[Claim], reference_date: date | None = None
) -> tuple[list[Article], list[Claim]]:
    return articles, claims
