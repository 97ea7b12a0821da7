"""Flat tables for spreadsheets and jq: one row per fact, per claim or per place name.

Facts carry every key of `timeline --json`'s facts plus their event's; claims every key of
`claims --json` plus the event they were clustered into and, for a place claim, where the place
is. Claims are read from the store one at a time, so a table of any store fits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from clashrecon.corpus.view import ClaimsAsDerived
from clashrecon.geo import Location
from clashrecon.export.acled import geo_precision
from clashrecon.models import Claim, Event, Field
from clashrecon.store import Store

FACT_COLUMNS = (
    "event_id", "event_start", "event_end", "event_precision", "event_summary", "event_background",
    "id", "field", "kind", "subject", "value", "status", "articles", "independent_sources", "party",
    "low", "best", "high", "conservative", "claimants", "note", "place", "group",
)  # fmt: skip
LOCATION_COLUMNS = ("location", "feature", "country", "iso3", "adm1", "adm2", "latitude", "longitude", "where_prec", "geo_precision")
CLAIM_COLUMNS = (
    "event_id", "id", "article", "field", "kind", "subject", "value", "quote", "start", "end", "span_start", "span_end",
    "claimant", "claimant_role", "segment", "event_time_start", "event_time_end", "event_time_precision",
    "event_time_basis", "low", "high", "stated", "qualifier", "victim_party", "victim_group", "scope", "attrs",
    "invisible_characters", *LOCATION_COLUMNS,
)  # fmt: skip
PLACE_COLUMNS = ("name", "country_given", "resolved", *LOCATION_COLUMNS, "claims", "events")


def fact_rows(events: list[Event]) -> Iterator[dict[str, Any]]:
    """Each fact of the events, as `timeline --json` has it, with its event's ID, days and summary."""
    for e in events:
        for f in e.facts:
            yield {
                "event_id": e.id,
                "event_start": e.when.start,
                "event_end": e.when.end,
                "event_precision": e.when.precision.value,
                "event_summary": e.summary,
                "event_background": e.background,
                **f.contract(),
                "place": f.place,
                "group": f.group,
            }


def location_fields(loc: Location | None) -> dict[str, Any]:
    if loc is None:
        return {k: None for k in LOCATION_COLUMNS}
    return {
        "location": loc.name,
        "feature": loc.feature.value if loc.feature else None,
        "country": loc.country,
        "iso3": loc.iso3,
        "adm1": loc.adm1,
        "adm2": loc.adm2,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "where_prec": int(loc.precision),
        "geo_precision": geo_precision(loc),
    }


def claim_rows(store: Store, events: list[Event], every: bool, *, nested: bool) -> Iterator[dict[str, Any]]:
    """Each claim as `claims --json` has it, with its event and (place claims) its location; only the
    events' claims unless `every` (then also claims of no event). `nested` keeps the JSON shape
    (jsonl); otherwise every value is flat (csv)."""
    with store.snapshot():
        rec = store.load_reconciliation()
        of_event = {cid: e.id for e in rec.events for cid in e.claim_ids}
        wanted = {e.id for e in events}
        located = {(cid, p.name): p.location for p in store.places() for cid in p.claim_ids}
        derive = ClaimsAsDerived(store.derived())
        for raw in store.iter_claims():
            event_id = of_event.get(raw.id)
            if event_id not in wanted and not (every and event_id is None):
                continue
            c = derive(raw)
            # a place claim's location as geocoded at ingest; None for an unknown place of no known country
            loc = located.get((c.id, c.value)) if c.field is Field.places else None
            if nested:
                yield {"event_id": event_id, **c.contract(), "location": loc.contract() if loc else None}
            else:
                yield _flat_claim(c, event_id, loc)


def _flat_claim(c: Claim, event_id: str | None, loc: Location | None) -> dict[str, Any]:
    out = c.contract()
    span = out.pop("span") or [None, None]
    time = out.pop("event_time") or {}
    return {
        "event_id": event_id,
        **out,
        "span_start": span[0],
        "span_end": span[1],
        "event_time_start": time.get("start"),
        "event_time_end": time.get("end"),
        "event_time_precision": time.get("precision"),
        "event_time_basis": time.get("basis"),
        "scope": json.dumps(out["scope"], ensure_ascii=False) if out.get("scope") else None,
        "attrs": json.dumps(out["attrs"], ensure_ascii=False) if out.get("attrs") else None,
        "invisible_characters": json.dumps(out["invisible_characters"]) if out.get("invisible_characters") else None,
        **location_fields(loc),
    }


def place_rows(store: Store, events: list[Event], every: bool) -> Iterator[dict[str, Any]]:
    """Each place name the claims give (with the country the text gives), where it is, and how
    many claims name it in which events, as geocoded at ingest: a place the gazetteer does not
    know is listed with `resolved` false (and precision 6 when the text gives its country), so it
    can be added. A name looked up in two stories' countries is one row, located as in the first."""
    wanted = {e.id for e in events}
    with store.snapshot():
        places = store.places()
    named: dict[tuple[str, str | None], dict[str, Any]] = {}
    for p in places:
        in_events = [e for e in p.event_ids if e in wanted]
        if not p.claim_ids or not (in_events or (every and not p.event_ids)):
            continue
        entry = named.setdefault((p.name, p.country_given), {"location": p.location, "claims": 0, "events": {}})
        entry["claims"] += len(p.claim_ids)
        entry["events"].update(dict.fromkeys(in_events))

    def known(entry: dict[str, Any]) -> bool:
        return entry["location"] is not None and entry["location"].resolved

    # the unresolved first: what the gazetteer is missing
    for (name, given), entry in sorted(named.items(), key=lambda kv: (known(kv[1]), kv[0][0], kv[0][1] or "")):
        loc = entry["location"]
        yield {
            "name": name,
            "country_given": given,
            "resolved": known(entry),
            **location_fields(loc),
            "claims": entry["claims"],
            "events": list(entry["events"]),
        }
