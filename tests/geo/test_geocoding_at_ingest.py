"""The geocoding pass at ingest: every place the claims and datelines name, located once and stored."""

from __future__ import annotations

import pytest

from clashrecon.geo.places import dateline_place, locate_places, story_countries
from clashrecon.store import Store


@pytest.mark.parametrize(
    "dateline, expected",
    [
        ("YEREVAN, Armenia", ("YEREVAN", "Armenia")),
        ("LONDON/KYIV", ("LONDON", None)),
        ("GOMA, Congo", ("GOMA", "Democratic Republic of the Congo")),  # a country named as actors.json knows it
        ("BAKU, Sept 13", ("BAKU", None)),
        ("", None),
        (None, None),
    ],
)
def test_a_datelines_place_and_country(dateline, expected):
    assert dateline_place(dateline) == expected


def _stored(db):
    store = Store.open(db, create=False)
    with store.snapshot():
        return store, store.load_reconciliation(), store.articles(with_text=False), store.claims(), store.derived()


def test_the_places_are_looked_for_among_the_two_fighting_states_only(seeds_db):
    store, rec, _articles, claims, _derived = _stored(seeds_db)
    fighting = next(e for e in rec.events if not e.background)
    mine = [c for c in claims if c.id in set(fighting.claim_ids)]
    assert set(story_countries(fighting, mine)) == {"Armenia", "Azerbaijan"}  # not Russia, whose outpost was fired on
    store.close()


def test_the_stored_places_are_what_the_pass_finds_from_the_stored_rows(seeds_db):
    store, rec, articles, claims, derived = _stored(seeds_db)
    assert sorted(store.places(), key=lambda p: p.id) == sorted(locate_places(rec, articles, claims, derived), key=lambda p: p.id)
    store.close()


def test_every_place_claim_of_the_store_has_its_place_record(seeds_db):
    store, _rec, _articles, claims, _derived = _stored(seeds_db)
    recorded = {cid for p in store.places() for cid in p.claim_ids}
    assert {c.id for c in claims if c.field.value == "places" and c.value} <= recorded
    store.close()
