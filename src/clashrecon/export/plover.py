"""PLOVER: one JSON object per exported event (PLOVER's event record: who did what to whom, where, how big)."""

from __future__ import annotations

from typing import Any

from clashrecon.export.acled import geo_precision
from clashrecon.export.rows import EventRow, best
from clashrecon.lexicon import load_data


def _location(row: EventRow) -> dict[str, Any] | None:
    loc = row.location
    if loc is None:
        return None
    return {
        "name": loc.name,
        "country": row.country.iso3 if row.country else loc.iso3,
        "admin1": loc.adm1,
        "admin2": loc.adm2,
        "lat": loc.latitude,
        "lon": loc.longitude,
        "geo_precision": geo_precision(loc),
        "where_prec": int(loc.precision),
    }


def record(row: EventRow) -> dict[str, Any]:
    """The PLOVER record of one event; `event_text` is the sentence that best tells it, `cite_info` its article."""
    cfg = load_data("export.json")["plover"]
    quoted = row.clearest_claim()
    article = next((a for a in row.articles if quoted is not None and a.id == quoted.article_id), None)
    return {
        "id": row.event.id,
        "date": row.start.isoformat() if row.start else None,
        "actor": row.side_a,
        "recipient": row.side_b,
        "event": cfg["event"],
        "mode": cfg["modes"].get(row.weapons),
        "event_loc": _location(row),
        "size": {"dead": row.killed(best).total, "injured": row.wounded(best).total},
        "event_text": quoted.quote if quoted is not None else None,
        "cite_info": None
        if article is None
        else {
            "article": article.name,
            "outlet": article.outlet or article.credit,
            "title": article.title,
            "url": article.url,
            "published": article.published.date,
        },
    }
