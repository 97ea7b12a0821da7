"""UCDP GED: one row per exported event and day (`export.days`), in GED's 49 columns and order (GED codebook)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from clashrecon.export.days import Part, event_days
from clashrecon.export.rows import EventRow, best, high, low
from clashrecon.geo import country_facts, priogrid_gid
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import Precision

COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence",
    "conflict_dset_id", "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name",
    "side_a_dset_id", "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b",
    "number_of_sources", "source_article", "source_office", "source_date", "source_headline", "source_original",
    "where_prec", "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude",
    "geom_wkt", "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec",
    "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "high", "low", "gwnoa", "gwnob",
)  # fmt: skip


def _side(name: str | None) -> str | None:
    """A side as GED names it: a state by its government, any other party by its name."""
    if name is None:
        return None
    if actor_lexicon().kind_of(name) == "country":
        return load_data("export.json")["ged"]["government"].format(name=name)
    return name


def _gwno(name: str | None) -> int | None:
    if name is None or actor_lexicon().kind_of(name) != "country":
        return None
    facts = country_facts(name)
    return facts.gwno if facts else None


def violence_type(row: EventRow) -> int | None:
    """1 state-based (a government fights), 2 non-state (two armed groups), 3 one-sided (one armed
    party and only civilians dead); None for an event whose claims name no fighting party at all
    (a war mentioned in passing), rather than a guess."""
    lex = actor_lexicon()
    if not row.sides:
        return 1 if any(lex.kind_of(a) == "country" for a in row.event.actors) else None
    killed = row.killed(best)
    if row.side_b is None and killed.civilians == killed.total > 0:
        return 3
    return 1 if any(lex.kind_of(s) == "country" for s in row.sides) else 2


def date_prec(row: EventRow) -> int:
    """GED's date_prec from the event's precision and span; 5 when nothing dates it."""
    precision = row.event.when.precision
    if precision is Precision.month:
        return 4
    span = row.span_days
    if span is None:
        return 5
    for days, prec in load_data("export.json")["ged"]["date_prec_days"]:
        if span <= days:
            return prec
    return 5


def _joined(values) -> str:
    return "; ".join(v for v in dict.fromkeys(values) if v)


def records(row: EventRow) -> Iterator[dict[str, Any]]:
    """The GED rows of one event: one per event-day where the reporting separates days, and one for
    the dead it gives no day; else one for the reported span (`export.days`)."""
    parts = event_days(row)
    if not parts:
        yield record(row)  # an undated event: one row, date_prec 5
    for part in parts:
        yield record(row, part)


def record(row: EventRow, part: Part | None = None) -> dict[str, Any]:
    """The GED row of one event, or of one of its days: what the store knows filled, UCDP's own identifiers left empty."""
    loc = row.location
    if part is None:
        killed, killed_low, killed_high = row.killed(best), row.killed(low), row.killed(high)
        start, end, prec, clarity = row.start, row.end, date_prec(row), 2 if row.aggregate else 1
    else:
        killed, killed_low, killed_high = part.killed, part.low, part.high
        start, end = part.start, part.end
        prec = 1 if part.one_day else date_prec(row)
        clarity = 2 if len(row.places) > 1 or not part.one_day else 1
    dating = {c.article_id for c in row.claims if part is not None and c.id in part.claim_ids}
    articles = [a for a in row.articles if a.id in dating] or list(row.articles)
    lat = loc.latitude if loc is not None else None
    lon = loc.longitude if loc is not None else None
    names = list(dict.fromkeys(p.name for p in row.placement.covered if p.name != (loc.name if loc else None)))
    description = f"{loc.name}: {', '.join(names)}" if loc is not None and names else (loc.name if loc else None)
    middle = row.placement.coordinates_of
    return {
        "year": start.year if start else None,
        "type_of_violence": violence_type(row),
        "dyad_name": " - ".join(s for s in (_side(row.side_a), _side(row.side_b)) if s) or None,
        "side_a": _side(row.side_a),
        "side_b": _side(row.side_b),
        "number_of_sources": len(articles),
        "source_article": _joined(a.name for a in articles),
        "source_office": _joined(a.outlet or a.credit for a in articles),
        "source_date": _joined(a.published.date for a in articles),
        "source_headline": _joined(a.title for a in articles),
        "source_original": _joined(row.fact_claimants()),
        "where_prec": int(loc.precision) if loc is not None else None,
        "where_coordinates": (middle or loc).name if lat is not None else None,
        "where_description": description,
        "adm_1": loc.adm1 if loc is not None else None,
        "adm_2": loc.adm2 if loc is not None else None,
        "latitude": lat,
        "longitude": lon,
        "geom_wkt": f"POINT ({lon} {lat})" if lat is not None else None,
        "priogrid_gid": priogrid_gid(lat, lon) if lat is not None and lon is not None else None,
        "country": row.country.name if row.country else row.country_name,
        "country_id": row.country.gwno if row.country else None,
        "region": row.country.ucdp_region if row.country else None,
        "event_clarity": clarity,
        "date_prec": prec,
        "date_start": start.isoformat() if start else None,
        "date_end": end.isoformat() if end else None,
        "deaths_a": killed.a,
        "deaths_b": killed.b,
        "deaths_civilians": killed.civilians,
        "deaths_unknown": killed.unknown,
        "best": killed.total,
        "high": max(killed_high.total, killed.total),
        "low": min(killed_low.total, killed.total),
        "gwnoa": _gwno(row.side_a),
        "gwnob": _gwno(row.side_b),
    }
