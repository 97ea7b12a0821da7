"""A store made by an older clashrecon opens as it was: migration 2 moves what schema 1's corpus
passes wrote into the extracted rows out into the passes' own tables."""

from __future__ import annotations

import json
import sqlite3

import pytest

from clashrecon.models import CasualtyKind, EventKind, NameKind, Precision, TimeBasis
from clashrecon.store import MIGRATIONS, SCHEMA_VERSION, Store

RESOLVED_TUESDAY = {
    "start": "2022-09-13T00:00", "end": "2022-09-13T06:00", "precision": "part_of_day", "basis": "resolved",
    "text": "early Tuesday", "weekday": 1, "part_of_day": "early", "derived": True,
}
GIVEN_BY_EXTRACTION = {"start": "2020-09-27", "end": "2020-11-10", "precision": "day", "basis": "explicit", "text": "2020 war", "derived": False}


def claim(claim_id: str, field: str, kind: str, **data) -> dict:
    return {
        "id": claim_id, "article": "ap.txt", "article_id": "a1", "field": field, "kind": kind,
        "quote": "q", "start": 0, "end": 1, **data,
    }


SCHEMA_1_CLAIMS = [
    claim("killed", "casualties", "killed", event_time=RESOLVED_TUESDAY, quantity={"low": 49, "high": None, "qualifier": "at_least", "stated": 49}),
    claim("war", "casualties", "killed", event_time=GIVEN_BY_EXTRACTION),
    claim("place", "places", "place", value="Verin Shorzha", attrs={"printed": "Verin Shorja"}, event_time={**RESOLVED_TUESDAY}),
    claim("start", "times", "fighting_start", value="2022-09-13T00:00/2022-09-13T06:00", event_time=RESOLVED_TUESDAY),
    claim("call", "actors", "call", attrs={"claimant_person": "Sergey Lavrov (Russia)", "claimant_person_printed": "Sergei Lavrov (Russia)"}),
]


@pytest.fixture
def schema_1_store(tmp_path):
    """A store as the previous release left it after an ingest (built row by row)."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0])
    conn.execute("PRAGMA user_version=1")
    article = {
        "id": "a1", "name": "ap.txt", "path": "/in/ap.txt", "format": "txt", "origin": "AP", "origin_reason": "wire credit AP",
        "published": {"date": "2022-09-14", "basis": "inferred"},
    }
    conn.execute(
        "INSERT INTO articles(id, source, name, origin, published, text, data, ingested_at) VALUES (?,?,?,?,?,?,?,0)",
        ("a1", "/in/ap.txt", "ap.txt", "AP", "2022-09-14", "text", json.dumps(article)),
    )
    for seq, c in enumerate(SCHEMA_1_CLAIMS):
        conn.execute(
            "INSERT INTO claims(id, article_id, field, kind, seq, data) VALUES (?,?,?,?,?,?)",
            (c["id"], "a1", c["field"], c["kind"], seq, json.dumps(c)),
        )
    event = {"id": "e1", "when": RESOLVED_TUESDAY, "summary": "Fighting"}
    conn.execute("INSERT INTO results VALUES ('e1', 'event', 0, ?)", (json.dumps(event),))
    conn.execute("INSERT INTO meta VALUES ('reconciled_at', '1')")
    conn.commit()
    conn.close()
    return path


def test_the_extracted_rows_are_put_back_as_ingest_stored_them(schema_1_store):
    with Store.open(schema_1_store, create=False) as store:
        assert store.schema_version == SCHEMA_VERSION
        [article] = store.articles()
        claims = {c.id: c for c in store.claims()}
    assert (article.origin, article.published.date) == (None, None)
    tuesday = claims["killed"].event_time
    assert (tuesday.start, tuesday.precision, tuesday.basis, tuesday.weekday) == (None, Precision.unknown, TimeBasis.unknown, 1)
    assert claims["war"].event_time.start == "2020-09-27"  # a time extraction set was never the pass's
    assert claims["place"].value == "Verin Shorja" and claims["place"].attrs.dump() == {}
    assert claims["start"].value == "early Tuesday"
    assert claims["call"].attrs.dump() == {"claimant_person": "Sergei Lavrov (Russia)"}


def test_what_the_passes_found_moves_to_their_tables(schema_1_store):
    with Store.open(schema_1_store, create=False) as store:
        derived = store.derived()
        assert store.reconciled() and store.load_reconciliation().events[0].when.start == "2022-09-13T00:00"
    assert [(o.article_id, o.origin, o.reason) for o in derived.origins] == [("a1", "AP", "wire credit AP")]
    assert [(d.article_id, d.published.date, d.published.basis) for d in derived.dates] == [("a1", "2022-09-14", TimeBasis.inferred)]
    times = {t.claim_id: t for t in derived.times}
    assert times["killed"].event_time.start == "2022-09-13T00:00" and times["killed"].value is None
    assert times["start"].value == "2022-09-13T00:00/2022-09-13T06:00"
    assert {(s.kind, s.printed, s.canonical) for s in derived.spellings} == {
        (NameKind.place, "Verin Shorja", "Verin Shorzha"),
        (NameKind.person, "Sergei Lavrov (Russia)", "Sergey Lavrov (Russia)"),
    }


def test_the_read_commands_show_what_they_showed_before(schema_1_store):
    from clashrecon import queries

    with Store.open(schema_1_store, create=False) as store:
        shown = {c.id: c for c in queries.claims(store)}
        [source] = queries.sources(store)
    assert shown["place"].value == "Verin Shorzha" and shown["place"].attrs.dump() == {"printed": "Verin Shorja"}
    assert shown["start"].value == "2022-09-13T00:00/2022-09-13T06:00"
    assert shown["call"].attrs.claimant_person == "Sergey Lavrov (Russia)"
    assert (source["origin"], source["published"]["date"], source["claims"]) == ("AP", "2022-09-14", 5)


@pytest.mark.parametrize(
    "stored, fields",
    [
        ({"field": "casualties", "kind": "killed", "subject": "Armenia · killed · in Gegharkunik", "party": "Armenia"},
         {"kind": CasualtyKind.killed, "place": "Gegharkunik", "group": None, "label": ""}),
        ({"field": "casualties", "kind": "wounded", "subject": "no side named · wounded · fighters", "party": None},
         {"kind": CasualtyKind.wounded, "place": None, "group": "fighters", "label": ""}),
        ({"field": "actors", "kind": "initiator (blame)", "subject": "initiator (blame)", "party": None},
         {"kind": EventKind.blame, "place": None, "group": None, "label": "initiator (blame)"}),
        ({"field": "actors", "kind": "who attacked", "subject": "who attacked", "party": None},
         {"kind": EventKind.attack, "place": None, "group": None, "label": "who attacked"}),
    ],
)
def test_a_fact_kept_as_one_subject_string_gets_its_fields_with_the_same_contract(schema_1_store, stored, fields):
    fact = {"id": "f1", "event_id": "e2", "value": "4", "low": 4, "best": 4, "high": 4, "conservative": 4,
            "status": "subtotal", "articles": 1, "independent_sources": 1, "claimants": ["Armenia"],
            "claim_ids": ["killed"], "note": ""} | stored
    conn = sqlite3.connect(schema_1_store)
    conn.execute("INSERT INTO results VALUES ('e2', 'event', 1, ?)", (json.dumps({"id": "e2", "when": {}, "summary": "s", "facts": [fact]}),))
    conn.commit()
    conn.close()
    with Store.open(schema_1_store, create=False) as store:
        [f] = store.load_reconciliation().events[1].facts
    assert {k: getattr(f, k) for k in fields} == fields
    assert (f.contract()["kind"], f.contract()["subject"]) == (stored["kind"], stored["subject"])
