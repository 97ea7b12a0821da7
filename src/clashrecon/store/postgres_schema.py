"""The store's migrations as PostgreSQL runs them: the same ordered list as SQLite's (`migrations.py`).

Migration N is the same change on both stores, so a schema version means the same tables on
either. A migration's tables are its SQLite DDL with two types spelled for PostgreSQL
(`postgres_ddl`); the views, written with SQLite's JSON functions, have a PostgreSQL text of their
own here, column for column; a migration that moves rows in Python (schema 1's passes' rows, 2)
only makes its tables, since no PostgreSQL store predates this module. PostgreSQL records the
version in the table `clashrecon_schema`, one row per migration run.
"""

from __future__ import annotations

import re

from clashrecon.store.migrations import _DERIVED_TABLES, _PLACES_VIEW, _VIEWS, MIGRATIONS, _derived_out_of_rows

# SQLite compares TEXT byte by byte; PostgreSQL by the database's locale unless told "C", which
# orders UTF-8 as bytes too, so every ORDER BY (articles by name, claims...) gives SQLite's order.
# SQLite's REAL is 8 bytes, PostgreSQL's 4 (seconds since 1970 would be rounded to minutes).
_TYPES = ((re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'), (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"))


def postgres_ddl(sql: str) -> str:
    """A migration's SQLite DDL as PostgreSQL must read it to hold and order the same values."""
    for pattern, spelled in _TYPES:
        sql = pattern.sub(spelled, sql)
    return sql


def _text(json: str, path: str) -> str:
    """SQLite's json_extract(json, '$.a.b') of a string: PostgreSQL's #>> on the column as jsonb."""
    return f"(({json})::jsonb #>> '{{{path}}}')"


def _number(json: str, path: str, kind: str = "bigint") -> str:
    return f"{_text(json, path)}::{kind}"


def _flag(json: str, path: str) -> str:
    """A JSON boolean as SQLite's json_extract gives it: 1 or 0."""
    return f"({_text(json, path)}::boolean)::integer"


def _count(json: str, path: str) -> str:
    return f"jsonb_array_length(({json})::jsonb #> '{{{path}}}')"


def _joined(json: str, path: str, separator: str) -> str:
    """A JSON list of strings joined in its order (SQLite: group_concat over json_each by key)."""
    return (
        f"(SELECT string_agg(v, '{separator}' ORDER BY n) FROM "
        f"jsonb_array_elements_text(({json})::jsonb #> '{{{path}}}') WITH ORDINALITY AS l(v, n))"
    )


_PUBLISHED = f"CASE WHEN {_text('a.data', 'published,basis')} = 'explicit' THEN a.published ELSE ad.date END"

VIEWS = f"""
    CREATE VIEW events_v AS
    SELECT r.id AS id,
           r.seq AS position,
           {_text('r.data', 'when,start')} AS start,
           {_text('r.data', 'when,end')} AS "end",
           {_text('r.data', 'when,precision')} AS precision,
           {_text('r.data', 'summary')} AS summary,
           {_text('r.data', 'label')} AS label,
           {_flag('r.data', 'background')} AS background,
           {_joined('r.data', 'actors', ', ')} AS actors,
           {_joined('r.data', 'places', ', ')} AS places,
           {_number('r.data', 'articles')} AS articles,
           {_number('r.data', 'independent_sources')} AS independent_sources,
           {_flag('r.data', 'conflict')} AS conflict,
           {_count('r.data', 'facts')} AS facts,
           {_count('r.data', 'claim_ids')} AS claims
    FROM results r WHERE r.type = 'event';

    CREATE VIEW facts_v AS
    SELECT {_text('f.value', 'id')} AS id,
           r.id AS event_id,
           {_text('f.value', 'field')} AS field,
           {_text('f.value', 'kind')} AS kind,
           {_text('f.value', 'subject')} AS subject,
           {_text('f.value', 'party')} AS party,
           {_text('f.value', 'place')} AS place,
           {_text('f.value', 'group')} AS "group",
           {_text('f.value', 'value')} AS value,
           {_number('f.value', 'low')} AS low,
           {_number('f.value', 'best')} AS best,
           {_number('f.value', 'high')} AS high,
           {_number('f.value', 'conservative')} AS conservative,
           {_text('f.value', 'status')} AS status,
           {_number('f.value', 'articles')} AS articles,
           {_number('f.value', 'independent_sources')} AS independent_sources,
           {_joined('f.value', 'claimants', '; ')} AS claimants,
           {_text('f.value', 'note')} AS note,
           {_count('f.value', 'claim_ids')} AS claims
    FROM results r CROSS JOIN LATERAL jsonb_array_elements(r.data::jsonb -> 'facts') AS f(value) WHERE r.type = 'event';

    CREATE VIEW claims_v AS
    SELECT c.id AS id,
           a.name AS article,
           c.article_id AS article_id,
           c.field AS field,
           c.kind AS kind,
           {_text('c.data', 'subject')} AS subject,
           coalesce(nm.canonical, t.value, {_text('c.data', 'value')}) AS value,
           {_text('c.data', 'quote')} AS quote,
           {_text('c.data', 'claimant')} AS claimant,
           {_text('c.data', 'claimant_role')} AS claimant_role,
           {_text('c.data', 'segment')} AS segment,
           {_number('c.data', 'quantity,low')} AS low,
           {_number('c.data', 'quantity,high')} AS high,
           {_number('c.data', 'quantity,stated')} AS stated,
           {_text('c.data', 'quantity,qualifier')} AS qualifier,
           {_text('c.data', 'victim_party')} AS victim_party,
           {_text('c.data', 'victim_group')} AS victim_group,
           {_text('c.data', 'scope,kind')} AS scope,
           CASE WHEN t.claim_id IS NULL THEN {_text('c.data', 'event_time,start')}
                ELSE {_text('t.event_time', 'start')} END AS event_start,
           CASE WHEN t.claim_id IS NULL THEN {_text('c.data', 'event_time,end')}
                ELSE {_text('t.event_time', 'end')} END AS event_end,
           {_PUBLISHED} AS published,
           a.outlet AS outlet,
           {_number('c.data', 'start')} AS start,
           {_number('c.data', 'end')} AS "end"
    FROM claims c
    JOIN articles a ON a.id = c.article_id
    LEFT JOIN claim_times t ON t.claim_id = c.id
    LEFT JOIN name_map nm ON c.field = 'places' AND nm.kind = 'place' AND nm.printed = {_text('c.data', 'value')}
    LEFT JOIN article_dates ad ON ad.article_id = a.id;

    CREATE VIEW sources_v AS
    SELECT a.id AS id,
           a.name AS article,
           a.title AS title,
           a.outlet AS outlet,
           {_text('a.data', 'byline')} AS byline,
           {_text('a.data', 'credit')} AS credit,
           {_text('a.data', 'dateline')} AS dateline,
           {_text('a.data', 'url')} AS url,
           {_PUBLISHED} AS published,
           CASE WHEN {_text('a.data', 'published,basis')} = 'explicit' THEN 'explicit'
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
           {_text('r.data', 'event_id')} AS event_id,
           {_text('r.data', 'field')} AS field,
           {_text('r.data', 'subject')} AS subject,
           {_text('r.data', 'kind')} AS kind,
           ({_text('r.data', 'kind')} IN ('discrepancy', 'disputed'))::integer AS is_conflict,
           (SELECT string_agg({_text('p.value', 'value')}
                              || coalesce(' (per ' || {_joined('p.value', 'claimants', ', ')} || ')', ''), ' vs ' ORDER BY p.n)
            FROM jsonb_array_elements(r.data::jsonb -> 'positions') WITH ORDINALITY AS p(value, n)) AS positions,
           {_count('r.data', 'positions')} AS position_count,
           {_text('r.data', 'explanation')} AS explanation
    FROM results r WHERE r.type = 'conflict';

    CREATE VIEW figures_v AS
    SELECT r.id AS id,
           {_text('r.data', 'story')} AS story,
           {_text('r.data', 'subject')} AS subject,
           {_text('r.data', 'party')} AS party,
           {_text('r.data', 'kind')} AS kind,
           {_number('r.data', 'low')} AS low,
           {_number('r.data', 'best')} AS best,
           {_number('r.data', 'high')} AS high,
           {_number('r.data', 'conservative')} AS conservative,
           {_text('r.data', 'claimant')} AS claimant,
           {_text('r.data', 'authority')} AS authority,
           {_text('r.data', 'reported')} AS reported,
           {_count('r.data', 'rounds')} AS rounds,
           {_text('r.data', 'note')} AS note
    FROM results r WHERE r.type = 'tally'
"""

PLACES_VIEW = f"""
    CREATE VIEW places_v AS
    SELECT ev.value AS event_id,
           pl.name AS name,
           {_text('pl.data', 'country_given')} AS country_given,
           {_text('pl.data', 'location,country')} AS country,
           {_text('pl.data', 'location,iso3')} AS iso3,
           {_text('pl.data', 'location,adm1')} AS adm1,
           {_text('pl.data', 'location,adm2')} AS adm2,
           {_number('pl.data', 'location,latitude', 'double precision')} AS latitude,
           {_number('pl.data', 'location,longitude', 'double precision')} AS longitude,
           {_number('pl.data', 'location,precision')} AS where_prec,
           {_text('pl.data', 'location,feature')} AS feature,
           {_number('pl.data', 'location,geonameid')} AS geonameid,
           pl.resolved AS resolved,
           {_count('pl.data', 'articles')} AS articles,
           {_count('pl.data', 'claim_ids')} AS claims
    FROM place_locations pl CROSS JOIN LATERAL jsonb_array_elements_text(pl.data::jsonb -> 'event_ids') AS ev(value)
"""

# The migrations PostgreSQL runs in another text than SQLite's tables: the views, and the one
# that moves schema 1's rows (a PostgreSQL store has none to move).
_OWN_TEXT = {
    _derived_out_of_rows: postgres_ddl(_DERIVED_TABLES),
    _VIEWS: VIEWS,
    _PLACES_VIEW: PLACES_VIEW,
}


def _on_postgres(step) -> str:
    if step in _OWN_TEXT:
        return _OWN_TEXT[step]
    if callable(step):
        raise TypeError(f"migration {step.__name__} moves rows in Python; give it a PostgreSQL text in _OWN_TEXT")
    return postgres_ddl(step)


POSTGRES_MIGRATIONS: tuple[str, ...] = tuple(_on_postgres(step) for step in MIGRATIONS)
