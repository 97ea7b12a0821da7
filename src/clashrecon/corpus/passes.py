"""All corpus passes over the stored articles and claims, with a worker pool where there is one."""

from __future__ import annotations

from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from datetime import date

from clashrecon.corpus.chronology import resolve_corpus, telling_expressions
from clashrecon.corpus.lineage import article_origins
from clashrecon.corpus.names import spellings
from clashrecon.ingest.segments import claim_text
from clashrecon.models import Article, Claim, CorpusDerived


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
