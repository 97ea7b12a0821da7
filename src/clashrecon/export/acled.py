"""ACLED: one row per exported event, in the 31 columns of ACLED's export (ACLED codebook)."""

from __future__ import annotations

from typing import Any

from clashrecon.export.rows import EventRow, acled_figure, best
from clashrecon.geo import Location
from clashrecon.lexicon import actor_lexicon, load_data
from clashrecon.models import BOTH, CasualtyKind, Field, Relation

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip


def _cfg() -> dict[str, Any]:
    return load_data("export.json")["acled"]


def actor(name: str | None) -> str | None:
    """An actor as ACLED names it: a state's forces as 'Military Forces of X', any other by its name."""
    if name is None:
        return None
    return _cfg()["state_forces"].format(name=name) if actor_lexicon().kind_of(name) == "country" else name


def inter(name: str | None) -> int | None:
    """ACLED's actor-type code: 1 state forces, 2 rebel groups, 8 external or other forces."""
    kind = actor_lexicon().kind_of(name) if name else None
    return _cfg()["inter"].get(kind) if kind else None


def interaction(a: int | None, b: int | None) -> int | None:
    """The two actor codes joined, the smaller first ('12'); a sole actor is followed by 0 ('10')."""
    if a is None:
        return None
    if b is None:
        return int(f"{a}0")
    return int(f"{min(a, b)}{max(a, b)}")


def geo_precision(loc: Location) -> int:
    """ACLED's geo_precision of a location: 1 the town itself, 2 near it or its district, 3 a larger region."""
    return _cfg()["geo_precision"][str(int(loc.precision))]


def time_precision(row: EventRow) -> int:
    """1 the day is known, 2 within a week, 3 within a month or less precisely."""
    span = row.span_days
    if span is None:
        return 3
    for days, prec in _cfg()["time_precision_days"]:
        if span <= days:
            return prec
    return 3


_ASSERTIONS = ("asserted", "denied")  # the positions of a disputed attack: 'Armenia asserted it; Azerbaijan denied it'


def _said(claimants, verb: str, what: str) -> str:
    who = ", ".join(claimants) or "an unattributed report"
    return f"{who} {verb} {what}"


def notes(row: EventRow, fatalities: int) -> str:
    """ACLED's note: what happened, who reported which figure, and every disagreement, in plain sentences."""
    e = row.event
    parts = [e.summary.rstrip(".") + "."]
    figures = []
    for f in e.facts:
        if f.field is not Field.casualties or f.kind is not CasualtyKind.killed or f.place or f.group:
            continue
        if f.party is None or f.best is None:
            continue  # a count naming no side is never compared, and never coded
        if list(f.claimants) == [f.party]:
            what = f"{f.best:,} of its own killed"
        elif f.party == BOTH:
            what = f"{f.best:,} killed on both sides"
        else:
            what = f"{f.best:,} {f.party} killed"
        figures.append(_said(f.claimants, "reported", what))
    if figures:
        parts.append("; ".join(figures) + ".")
    for c in row.conflicts:
        verb = "said" if c.kind is Relation.disputed else "reported"
        told = "; ".join(
            _said(p.claimants, p.value, "it") if p.value in _ASSERTIONS else _said(p.claimants, verb, p.value) for p in c.positions
        )
        label = "Disputed" if c.kind is Relation.disputed else "Figures differ"
        parts.append(f"{label} ({c.subject}): {told}.")
    parts.append(f"Fatalities coded: {fatalities}, the most conservative credible figure.")
    return " ".join(parts)


def record(row: EventRow, timestamp: int | None) -> dict[str, Any]:
    """The ACLED row of one event."""
    cfg = _cfg()
    event_type, sub_event_type = cfg["event_types"][row.weapons]
    loc = row.location
    fatalities = row.killed(acled_figure({c.id: c for c in row.claims})).total
    killed = row.killed(best)
    i1, i2 = inter(row.side_a), inter(row.side_b)
    iso3 = row.country.iso3 if row.country else (loc.iso3 if loc else None)
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}-{row.event.id}",
        "event_date": row.start.isoformat() if row.start else None,
        "year": row.start.year if row.start else None,
        "time_precision": time_precision(row),
        "disorder_type": cfg["disorder_type"],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor(row.side_a),
        "inter1": i1,
        "actor2": actor(row.side_b),
        "inter2": i2,
        "interaction": interaction(i1, i2),
        "civilian_targeting": "Civilian targeting" if killed.total and killed.civilians == killed.total else None,
        "iso": row.country.iso_numeric if row.country else None,
        "region": row.country.acled_region if row.country else None,
        "country": row.country.name if row.country else row.country_name,
        "admin1": loc.adm1 if loc else None,
        "admin2": loc.adm2 if loc else None,
        "location": loc.name if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "geo_precision": geo_precision(loc) if loc else None,
        "source": "; ".join(dict.fromkeys(a.outlet or a.credit for a in row.articles if a.outlet or a.credit)) or None,
        "notes": notes(row, fatalities),
        "fatalities": fatalities,
        "timestamp": timestamp,
    }
