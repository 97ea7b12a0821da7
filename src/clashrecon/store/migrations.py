"""The store's schema as ordered migrations; `PRAGMA user_version` records how many have run.

A migration is only ever appended: a store made by an older clashrecon runs the ones it lacks.
A migration is SQL, or a function of the open connection for a change SQL cannot express.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

_DERIVED_TABLES = """
    CREATE TABLE article_origins (        -- the lineage pass
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        origin TEXT NOT NULL,
        reason TEXT NOT NULL
    );
    CREATE TABLE article_dates (          -- the chronology pass: dates of articles whose metadata has none
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        date TEXT NOT NULL,
        basis TEXT NOT NULL
    );
    CREATE TABLE claim_times (            -- the chronology pass: every claim's resolved time
        claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
        event_time TEXT NOT NULL,         -- the resolved TimeRef as JSON (many claims share one)
        value TEXT                        -- a time claim's resolved value (NULL keeps the extracted one)
    );
    CREATE TABLE name_map (               -- the name pass: spelling variants
        kind TEXT NOT NULL,
        printed TEXT NOT NULL,
        canonical TEXT NOT NULL,
        PRIMARY KEY (kind, printed)
    );
    ALTER TABLE articles DROP COLUMN origin;
"""

_INCREMENTAL_TABLES = """
    CREATE TABLE article_digests (        -- what each corpus pass reads of an article and its claims
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        lineage TEXT NOT NULL,
        story TEXT NOT NULL,
        chronology TEXT NOT NULL,
        names TEXT NOT NULL
    );
    CREATE TABLE article_passes (         -- the chronology pass: each article's story of dating and reference
        article_id TEXT PRIMARY KEY,      -- no cascade: a row left by a removed article says what it was
        grouped TEXT NOT NULL,
        reference TEXT NOT NULL
    );
    CREATE TABLE article_scopes (         -- the reconciliation: each article's story and background buckets
        article_id TEXT PRIMARY KEY,      -- no cascade, as article_passes
        story TEXT NOT NULL,
        keys TEXT NOT NULL,
        background TEXT NOT NULL
    );
    CREATE INDEX article_scopes_story ON article_scopes(story);
    CREATE TABLE lineage_candidates (     -- the lineage pass: later articles that may share an article's paragraphs
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        candidates TEXT NOT NULL
    );
    CREATE TABLE lineage_pairs (          -- the lineage pass: paragraphs two compared articles share
        a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        shared INTEGER NOT NULL,
        PRIMARY KEY (a, b)
    );
    CREATE INDEX lineage_pairs_b ON lineage_pairs(b);
    ALTER TABLE results ADD COLUMN draws_on TEXT NOT NULL DEFAULT '[]'
"""

# Time parts from which the chronology pass computes start/end (models.TimeRef).
_RAW_TIME_PARTS = ("year", "month", "day", "weekday", "part_of_day", "hour", "relative_days", "relative_years")


def _extracted_time(resolved: dict) -> dict:
    """A time as extraction left it, from one that schema 1's corpus pass rewrote in place."""
    out = _without_derived_flag(resolved)
    raw = any(out.get(n) is not None for n in _RAW_TIME_PARTS) or out.get("this_week")
    if resolved.get("derived") or raw or out.get("start") is None:
        out.update(start=None, end=None, precision="unknown", basis="unknown", relative_day_index=None)
    return out


def _split_claim(claim_id: str, stored: dict) -> tuple[dict, tuple | None, list[tuple[str, str, str]]]:
    """One schema-1 claim -> (the claim as extracted, its resolved time row, its name-map rows)."""
    resolved = stored.get("event_time")  # as schema 1's pass left it, marked derived where it resolved it
    data = _without_derived_flag(stored)
    attrs = dict(data.get("attrs") or {})
    names: list[tuple[str, str, str]] = []
    if "printed" in attrs:
        names.append(("place", attrs["printed"], data["value"]))
        data["value"] = attrs.pop("printed")
    if "claimant_person_printed" in attrs:
        names.append(("person", attrs["claimant_person_printed"], attrs["claimant_person"]))
        attrs["claimant_person"] = attrs.pop("claimant_person_printed")
    data["attrs"] = attrs
    time_row = None
    if resolved is not None:
        data["event_time"] = _extracted_time(resolved)
        shown = data["value"] if data["field"] == "times" else None
        if data["field"] == "times":
            data["value"] = resolved.get("text") or data["value"]
        time_row = (claim_id, json.dumps(_without_derived_flag(resolved)), shown)
    return data, time_row, names


def _execute_script(conn: sqlite3.Connection, script: str) -> None:
    """The statements of an SQL script one by one, inside the caller's transaction (executescript
    would commit it). Split on ';', so the scripts' comments hold none."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


def apply_migration(conn: sqlite3.Connection, step: str | Callable[[sqlite3.Connection], None]) -> None:
    """Run one migration: its SQL script, or its function of the connection."""
    if callable(step):
        step(conn)
    else:
        _execute_script(conn, step)


def _derived_out_of_rows(conn: sqlite3.Connection) -> None:
    """Schema 1's corpus passes wrote origins, inferred dates, resolved times and merged names into
    the articles and claims themselves; move each into its pass's table and put back what ingest stored."""
    _execute_script(conn, _DERIVED_TABLES)
    for article_id, raw in conn.execute("SELECT id, data FROM articles").fetchall():
        data = json.loads(raw)
        if data.get("origin"):
            conn.execute(
                "INSERT INTO article_origins VALUES (?,?,?)", (article_id, data["origin"], data.get("origin_reason") or "")
            )
        published = data.get("published") or {}
        if published.get("basis") != "explicit":
            if published.get("date"):
                conn.execute("INSERT INTO article_dates VALUES (?,?,?)", (article_id, published["date"], published["basis"]))
            data["published"] = {"date": None, "basis": "unknown"}
        data.update(origin=None, origin_reason=None)
        conn.execute(
            "UPDATE articles SET data=?, published=? WHERE id=?", (json.dumps(data), data["published"]["date"], article_id)
        )
    names: set[tuple[str, str, str]] = set()
    for claim_id, raw in conn.execute("SELECT id, data FROM claims").fetchall():
        data, time_row, found = _split_claim(claim_id, json.loads(raw))
        names.update(found)
        conn.execute("UPDATE claims SET data=? WHERE id=?", (json.dumps(data), claim_id))
        if time_row is not None:
            conn.execute("INSERT INTO claim_times VALUES (?,?,?)", time_row)
    conn.executemany("INSERT OR REPLACE INTO name_map VALUES (?,?,?)", sorted(names))
    for result_id, kind, raw in conn.execute("SELECT id, type, data FROM results").fetchall():
        data = _without_derived_flag(json.loads(raw))
        if kind == "event":
            data["facts"] = [_fact_fields(f) for f in data.get("facts", [])]
        conn.execute("UPDATE results SET data=? WHERE id=?", (json.dumps(data), result_id))


def _fact_fields(fact: dict) -> dict:
    """Schema 1 kept what a fact is about as one string ("Armenia · killed · in Gegharkunik", an
    actor fact's label as its kind); read the place or group, and the label, back out of it."""
    if any(k in fact for k in ("place", "group", "label")):
        return fact
    subject = fact.get("subject", "")
    if fact.get("field") == "casualties":
        scope = subject.split(" · ", 2)[2:]
        if scope and scope[0].startswith("in "):
            return {**fact, "place": scope[0][3:]}
        return {**fact, "group": scope[0]} if scope else fact
    return {**fact, "label": subject, "kind": _event_kind_of_label(str(fact.get("kind", subject)))}


def _event_kind_of_label(label: str) -> str:
    """The event kind of an actor fact whose kind was its label ('initiator (blame)', 'who attacked')."""
    from clashrecon.lexicon import load_data
    from clashrecon.models import EventKind

    head, _, tail = label.rpartition(" (")
    if head and tail[:-1] in EventKind._value2member_map_:
        return tail[:-1]
    labels = load_data("reconcile.json")["disputes"]["labels"]
    return next((kind for kind, text in labels.items() if text == label), label)


def _without_derived_flag(value):
    """Schema 1 marked times computed by the corpus pass `derived`; times are no longer rewritten, so no flag."""
    if isinstance(value, dict):
        return {k: _without_derived_flag(v) for k, v in value.items() if k != "derived"}
    if isinstance(value, list):
        return [_without_derived_flag(v) for v in value]
    return value


# Flat views of the reconciled picture for `datasette clashrecon.db` and plain SQL: one row per
# event, fact, claim, article, finding and final figure, JSON unpacked into columns. A claim or
# article reads as the read commands show it, with what the corpus passes derived (its resolved
# time and value, the place's one spelling, the inferred date, the wire origin). Lists are joined
# into one text column; `char(59, 32)` is '; ', since the script is split on semicolons.
_VIEWS = """
    CREATE VIEW events_v AS
    SELECT r.id AS id,
           r.seq AS position,
           json_extract(r.data, '$.when.start') AS start,
           json_extract(r.data, '$.when.end') AS "end",
           json_extract(r.data, '$.when.precision') AS precision,
           json_extract(r.data, '$.summary') AS summary,
           json_extract(r.data, '$.label') AS label,
           json_extract(r.data, '$.background') AS background,
           (SELECT group_concat(value, ', ') FROM (SELECT value FROM json_each(r.data, '$.actors') ORDER BY key)) AS actors,
           (SELECT group_concat(value, ', ') FROM (SELECT value FROM json_each(r.data, '$.places') ORDER BY key)) AS places,
           json_extract(r.data, '$.articles') AS articles,
           json_extract(r.data, '$.independent_sources') AS independent_sources,
           json_extract(r.data, '$.conflict') AS conflict,
           json_array_length(r.data, '$.facts') AS facts,
           json_array_length(r.data, '$.claim_ids') AS claims
    FROM results r WHERE r.type = 'event';

    CREATE VIEW facts_v AS
    SELECT json_extract(f.value, '$.id') AS id,
           r.id AS event_id,
           json_extract(f.value, '$.field') AS field,
           json_extract(f.value, '$.kind') AS kind,
           json_extract(f.value, '$.subject') AS subject,
           json_extract(f.value, '$.party') AS party,
           json_extract(f.value, '$.place') AS place,
           json_extract(f.value, '$.group') AS "group",
           json_extract(f.value, '$.value') AS value,
           json_extract(f.value, '$.low') AS low,
           json_extract(f.value, '$.best') AS best,
           json_extract(f.value, '$.high') AS high,
           json_extract(f.value, '$.conservative') AS conservative,
           json_extract(f.value, '$.status') AS status,
           json_extract(f.value, '$.articles') AS articles,
           json_extract(f.value, '$.independent_sources') AS independent_sources,
           (SELECT group_concat(value, char(59, 32)) FROM (SELECT value FROM json_each(f.value, '$.claimants') ORDER BY key))
               AS claimants,
           json_extract(f.value, '$.note') AS note,
           json_array_length(f.value, '$.claim_ids') AS claims
    FROM results r, json_each(r.data, '$.facts') f WHERE r.type = 'event';

    CREATE VIEW claims_v AS
    SELECT c.id AS id,
           a.name AS article,
           c.article_id AS article_id,
           c.field AS field,
           c.kind AS kind,
           json_extract(c.data, '$.subject') AS subject,
           coalesce(nm.canonical, t.value, json_extract(c.data, '$.value')) AS value,
           json_extract(c.data, '$.quote') AS quote,
           json_extract(c.data, '$.claimant') AS claimant,
           json_extract(c.data, '$.claimant_role') AS claimant_role,
           json_extract(c.data, '$.segment') AS segment,
           json_extract(c.data, '$.quantity.low') AS low,
           json_extract(c.data, '$.quantity.high') AS high,
           json_extract(c.data, '$.quantity.stated') AS stated,
           json_extract(c.data, '$.quantity.qualifier') AS qualifier,
           json_extract(c.data, '$.victim_party') AS victim_party,
           json_extract(c.data, '$.victim_group') AS victim_group,
           json_extract(c.data, '$.scope.kind') AS scope,
           CASE WHEN t.claim_id IS NULL THEN json_extract(c.data, '$.event_time.start')
                ELSE json_extract(t.event_time, '$.start') END AS event_start,
           CASE WHEN t.claim_id IS NULL THEN json_extract(c.data, '$.event_time.end')
                ELSE json_extract(t.event_time, '$.end') END AS event_end,
           CASE WHEN json_extract(a.data, '$.published.basis') = 'explicit' THEN a.published ELSE ad.date END AS published,
           a.outlet AS outlet,
           json_extract(c.data, '$.start') AS start,
           json_extract(c.data, '$.end') AS "end"
    FROM claims c
    JOIN articles a ON a.id = c.article_id
    LEFT JOIN claim_times t ON t.claim_id = c.id
    LEFT JOIN name_map nm ON c.field = 'places' AND nm.kind = 'place' AND nm.printed = json_extract(c.data, '$.value')
    LEFT JOIN article_dates ad ON ad.article_id = a.id;

    CREATE VIEW sources_v AS
    SELECT a.id AS id,
           a.name AS article,
           a.title AS title,
           a.outlet AS outlet,
           json_extract(a.data, '$.byline') AS byline,
           json_extract(a.data, '$.credit') AS credit,
           json_extract(a.data, '$.dateline') AS dateline,
           json_extract(a.data, '$.url') AS url,
           CASE WHEN json_extract(a.data, '$.published.basis') = 'explicit' THEN a.published ELSE ad.date END AS published,
           CASE WHEN json_extract(a.data, '$.published.basis') = 'explicit' THEN 'explicit'
                ELSE coalesce(ad.basis, 'unknown') END AS published_basis,
           coalesce(o.origin, a.name) AS origin,
           o.reason AS origin_reason,
           (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,
           a.source AS source
    FROM articles a
    LEFT JOIN article_origins o ON o.article_id = a.id
    LEFT JOIN article_dates ad ON ad.article_id = a.id;

    CREATE VIEW conflicts_v AS
    SELECT r.id AS id,
           json_extract(r.data, '$.event_id') AS event_id,
           json_extract(r.data, '$.field') AS field,
           json_extract(r.data, '$.subject') AS subject,
           json_extract(r.data, '$.kind') AS kind,
           json_extract(r.data, '$.kind') IN ('discrepancy', 'disputed') AS is_conflict,
           (SELECT group_concat(shown, ' vs ') FROM (
               SELECT json_extract(p.value, '$.value')
                      || coalesce(' (per ' || (SELECT group_concat(value, ', ') FROM (
                             SELECT value FROM json_each(p.value, '$.claimants') ORDER BY key)) || ')', '') AS shown
               FROM json_each(r.data, '$.positions') p ORDER BY p.key)) AS positions,
           json_array_length(r.data, '$.positions') AS position_count,
           json_extract(r.data, '$.explanation') AS explanation
    FROM results r WHERE r.type = 'conflict';

    CREATE VIEW figures_v AS
    SELECT r.id AS id,
           json_extract(r.data, '$.story') AS story,
           json_extract(r.data, '$.subject') AS subject,
           json_extract(r.data, '$.party') AS party,
           json_extract(r.data, '$.kind') AS kind,
           json_extract(r.data, '$.low') AS low,
           json_extract(r.data, '$.best') AS best,
           json_extract(r.data, '$.high') AS high,
           json_extract(r.data, '$.conservative') AS conservative,
           json_extract(r.data, '$.claimant') AS claimant,
           json_extract(r.data, '$.authority') AS authority,
           json_extract(r.data, '$.reported') AS reported,
           json_array_length(r.data, '$.rounds') AS rounds,
           json_extract(r.data, '$.note') AS note
    FROM results r WHERE r.type = 'tally'
"""

_PLACES_VIEW = """
    CREATE VIEW places_v AS
    SELECT ev.value AS event_id,
           pl.name AS name,
           json_extract(pl.data, '$.country_given') AS country_given,
           json_extract(pl.data, '$.location.country') AS country,
           json_extract(pl.data, '$.location.iso3') AS iso3,
           json_extract(pl.data, '$.location.adm1') AS adm1,
           json_extract(pl.data, '$.location.adm2') AS adm2,
           json_extract(pl.data, '$.location.latitude') AS latitude,
           json_extract(pl.data, '$.location.longitude') AS longitude,
           json_extract(pl.data, '$.location.precision') AS where_prec,
           json_extract(pl.data, '$.location.feature') AS feature,
           json_extract(pl.data, '$.location.geonameid') AS geonameid,
           pl.resolved AS resolved,
           json_array_length(pl.data, '$.articles') AS articles,
           json_array_length(pl.data, '$.claim_ids') AS claims
    FROM place_locations pl, json_each(pl.data, '$.event_ids') ev;
    """

MIGRATIONS: tuple[str | Callable[[sqlite3.Connection], None], ...] = (
    # 1: the first schema
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,              -- SHA-256 of the stored text
        source TEXT NOT NULL UNIQUE,      -- resolved path (+ '#N' for records in JSON files)
        name TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        origin TEXT,
        published TEXT,
        text TEXT NOT NULL,
        data TEXT NOT NULL,               -- the Article record as JSON, without its text
        ingested_at REAL NOT NULL
    );
    CREATE INDEX articles_name ON articles(name);
    CREATE TABLE segments (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        type TEXT NOT NULL
    );
    CREATE INDEX segments_article ON segments(article_id);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        field TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,             -- order within the article
        data TEXT NOT NULL                -- the Claim record as JSON
    );
    CREATE INDEX claims_article ON claims(article_id);
    CREATE INDEX claims_field ON claims(field);
    CREATE TABLE evidence (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        span_start INTEGER,
        span_end INTEGER,
        quote TEXT NOT NULL
    );
    CREATE INDEX evidence_claim ON evidence(claim_id);
    CREATE TABLE results (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,               -- event | conflict
        seq INTEGER NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: extracted rows are never rewritten; each corpus pass has a table of its own
    _derived_out_of_rows,
    # 3: flat views of the reconciled picture, for datasette and plain SQL
    _VIEWS,
    # 4: geocoding after reconciliation: where each place the articles name is (read commands never geocode)
    """
    CREATE TABLE place_locations (
        id TEXT PRIMARY KEY,              -- the name, the country the text gives and the story's countries
        name TEXT NOT NULL,
        resolved INTEGER NOT NULL,        -- 0: the gazetteer does not know it (`places --unresolved`)
        data TEXT NOT NULL                -- the PlaceLocation record as JSON
    );
    """,
    # 5: the geocoded places as a flat view: one row per event and place, with its coordinates
    _PLACES_VIEW,
    # 6: what an incremental run reuses: each article's digest for the corpus passes, what the
    # passes and the reconciliation last found per article, lineage's candidates and compared
    # pairs, and the stories and background buckets each result draws on
    _INCREMENTAL_TABLES,
)
SCHEMA_VERSION = len(MIGRATIONS)
