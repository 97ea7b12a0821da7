"""The flat views `datasette clashrecon.db` browses: each opens with plain sqlite3, with its columns,
and reads as the read commands do (what the corpus passes derived applied)."""

from __future__ import annotations

import sqlite3

import pytest

from clashrecon.models import Article, CasualtyKind, Claim, CorpusDerived, Field, NameKind, PlaceKind, Published, Spelling, TimeBasis
from clashrecon.store import Store
from conftest import cli_json

COLUMNS = {
    "events_v": ["id", "position", "start", "end", "precision", "summary", "label", "background", "actors", "places",
                 "articles", "independent_sources", "conflict", "facts", "claims"],
    "facts_v": ["id", "event_id", "field", "kind", "subject", "party", "place", "group", "value", "low", "best", "high",
                "conservative", "status", "articles", "independent_sources", "claimants", "note", "claims"],
    "claims_v": ["id", "article", "article_id", "field", "kind", "subject", "value", "quote", "claimant", "claimant_role",
                 "segment", "low", "high", "stated", "qualifier", "victim_party", "victim_group", "scope", "event_start",
                 "event_end", "published", "outlet", "start", "end"],
    "sources_v": ["id", "article", "title", "outlet", "byline", "credit", "dateline", "url", "published", "published_basis",
                  "origin", "origin_reason", "claims", "source"],
    "conflicts_v": ["id", "event_id", "field", "subject", "kind", "is_conflict", "positions", "position_count", "explanation"],
    "figures_v": ["id", "story", "subject", "party", "kind", "low", "best", "high", "conservative", "claimant", "authority",
                  "reported", "rounds", "note"],
    "places_v": ["event_id", "name", "country_given", "country", "iso3", "adm1", "adm2", "latitude", "longitude", "where_prec",
                 "feature", "geonameid", "resolved", "articles", "claims"],
}


def test_the_places_view_has_each_events_places_with_their_coordinates(db):
    rows = {r["name"]: r for r in db.execute("SELECT * FROM places_v")}
    jermuk = rows["Jermuk"]
    assert (jermuk["country"], jermuk["iso3"], jermuk["resolved"]) == ("Armenia", "ARM", 1)
    assert abs(jermuk["latitude"] - 39.84) < 0.1 and abs(jermuk["longitude"] - 45.67) < 0.1
    [episode] = [r["id"] for r in db.execute("SELECT id FROM events_v WHERE background = 0")]
    assert rows["Kalbajar"]["event_id"] == episode


@pytest.fixture
def db(seeds_db):
    conn = sqlite3.connect(f"file:{seeds_db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    yield conn
    conn.close()


@pytest.mark.parametrize("view", COLUMNS)
def test_each_view_opens_with_its_columns(db, view):
    cursor = db.execute(f"SELECT * FROM {view}")
    assert [d[0] for d in cursor.description] == COLUMNS[view]
    assert cursor.fetchall(), f"{view} is empty on the seeds"


def test_the_views_are_views_datasette_lists(db):
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='view'")}
    assert names == set(COLUMNS)


def test_rows_agree_with_the_read_commands(db, runner, seeds_db):
    timeline = cli_json(runner, "timeline", "--db", str(seeds_db))
    assert [r["id"] for r in db.execute("SELECT id FROM events_v ORDER BY position")] == [e["id"] for e in timeline]
    facts = {f["id"]: f for e in timeline for f in e["facts"]}
    for row in db.execute("SELECT * FROM facts_v"):
        f = facts[row["id"]]
        assert (row["subject"], row["value"], row["best"], row["status"]) == (f["subject"], f["value"], f["best"], f["status"])
    armenia = db.execute("SELECT best, low, value, claimants FROM facts_v WHERE subject = 'Armenia · killed'").fetchone()
    assert tuple(armenia) == (105, 105, "≥49 → 105", "Armenia")
    claims = cli_json(runner, "claims", "--db", str(seeds_db))
    assert db.execute("SELECT count(*) FROM claims_v").fetchone()[0] == len(claims)
    by_id = {c["id"]: c for c in claims}
    for row in db.execute("SELECT id, value, event_start, quote FROM claims_v"):
        c = by_id[row["id"]]
        assert (row["value"], row["event_start"], row["quote"]) == (c["value"], (c["event_time"] or {}).get("start"), c["quote"])
    sources = {s["article"]: s for s in cli_json(runner, "sources", "--db", str(seeds_db))}
    for row in db.execute("SELECT article, published, published_basis, origin, claims FROM sources_v"):
        s = sources[row["article"]]
        assert (row["published"], row["published_basis"], row["origin"], row["claims"]) == (
            s["published"]["date"], s["published"]["basis"], s["origin"], s["claims"])


def test_conflicts_and_figures_flatten_their_positions(db, runner, seeds_db):
    shown = cli_json(runner, "conflicts", "--all", "--db", str(seeds_db))
    rows = {r["id"]: r for r in db.execute("SELECT * FROM conflicts_v")}
    assert set(rows) == {c["id"] for c in shown}
    assert sum(r["is_conflict"] for r in rows.values()) == 6
    initiator = next(r for r in rows.values() if r["subject"] == "initiator (blame)")
    assert initiator["positions"] == "Armenia (per Azerbaijan, Turkey) vs Azerbaijan (per Armenia)"
    assert initiator["position_count"] == 2
    figures = {r["subject"]: r["best"] for r in db.execute("SELECT subject, best FROM figures_v")}
    assert figures["Armenia · killed"] == 105 and figures["Azerbaijan · killed"] == 50


def test_a_place_reads_in_its_one_spelling(tmp_path):
    """The name pass respells 'Verin Shorja' as 'Verin Shorzha'; the claim's row says so, as `claims` does."""
    text = "Shelling hit Verin Shorja."
    article = Article(id="a1", name="a.txt", path="/in/a.txt", text=text, published=Published(date="2022-09-13", basis=TimeBasis.explicit))
    place = Claim(id="p1", article="a.txt", article_id="a1", field=Field.places, kind=PlaceKind.place, value="Verin Shorja",
                  quote=text, start=0, end=len(text))
    count = Claim(id="k1", article="a.txt", article_id="a1", field=Field.casualties, kind=CasualtyKind.killed, quote=text,
                  start=0, end=len(text))
    with Store.open(tmp_path / "s.db", create=True) as store:
        store.put_articles([("/in/a.txt", article, [place, count])])
        store.articles()
        assert store.save_derived(CorpusDerived(spellings=(Spelling(kind=NameKind.place, printed="Verin Shorja", canonical="Verin Shorzha"),)))
    conn = sqlite3.connect(tmp_path / "s.db")
    rows = dict(conn.execute("SELECT id, value FROM claims_v"))
    published = conn.execute("SELECT published, published_basis FROM sources_v").fetchone()
    conn.close()
    assert rows == {"p1": "Verin Shorzha", "k1": None}
    assert published == ("2022-09-13", "explicit")
