"""Corpus passes: what needs every stored article, run after extraction and before reconciliation.

- lineage: which articles are copies of one wire story (their independent origin);
- stories: which articles report the same clash;
- chronology: each article's reference date within its story, then every claim's time;
- names: spelling variants of places and persons merged across articles.

Each pass reads the extracted articles and claims, which it never changes, and returns its own
records (`CorpusDerived`); `view` joins them back for the stages that read them. Pure Python.
"""

from __future__ import annotations

from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from datetime import date

from clashrecon.corpus.chronology import resolve_corpus, telling_expressions
from clashrecon.corpus.lineage import article_origins
from clashrecon.corpus.names import spellings
from clashrecon.ingest.segments import claim_text
from clashrecon.models import Article, Claim, CorpusDerived

__all__ = ["corpus_passes"]


def _telling(texts: list[str]) -> list:
    return [telling_expressions(t) for t in texts]


def corpus_passes(
    articles: list[Article], claims: list[Claim], reference_date: date | None = None, pool: Executor | None = None
) -> CorpusDerived:
    """Every pass over the stored articles and claims.

    Lineage and time resolution do not depend on each other: with a pool, lineage runs in one
    worker while another and this process find the time expressions that date each article.
    A pool that breaks leaves its share to this process.
    """
    if pool is None:
        dates, times = resolve_corpus(articles, claims, reference_date)
        origins = article_origins(articles)
    else:
        lineage = pool.submit(article_origins, articles)
        half = len(articles) // 2
        far = pool.submit(_telling, [claim_text(a) for a in articles[:half]])
        known = {a.id: telling_expressions(claim_text(a)) for a in articles[half:]}
        try:
            known.update(zip((a.id for a in articles[:half]), far.result()))
        except BrokenProcessPool:
            pass  # resolve_corpus finds the missing ones itself
        dates, times = resolve_corpus(articles, claims, reference_date, known)
        try:
            origins = lineage.result()
        except BrokenProcessPool:
            origins = article_origins(articles)
    return CorpusDerived(origins=origins, dates=dates, times=times, spellings=spellings(claims))
