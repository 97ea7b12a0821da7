"""Wire lineage: which articles are copies or rewrites of one wire story.

First version: the wire credit names the origin; otherwise the article is its own origin.
"""

from __future__ import annotations

from clashrecon.models import Article


def assign_origins(articles: list[Article]) -> list[Article]:
    out = []
    for a in articles:
        if a.credit:
            out.append(a.model_copy(update={"origin": a.credit, "origin_reason": f"wire credit {a.credit}"}))
        else:
            out.append(a.model_copy(update={"origin": a.name, "origin_reason": "no wire credit and no shared text: its own origin"}))
    return out
