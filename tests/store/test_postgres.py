"""The PostgreSQL store keeps the SQLite store's promises: the same schema by the same ordered
migrations, the same refusals (nothing written to what it refuses), the same answers and order.

Every test here runs against a real server the session starts on 127.0.0.1 (conftest `pg_server`);
where none can be started they skip and say why.
"""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys

import pytest

from clashrecon.errors import ForeignDatabase, MissingStore, NewerSchemaStore, StoreError
from clashrecon.models import Article
from clashrecon.store import SCHEMA_VERSION, Store
from clashrecon.store.postgres_schema import POSTGRES_MIGRATIONS
from conftest import ROOT, SEEDS, run_cli


def _catalogue(server, url: str) -> list[str]:
    """Every table and view of the database with its rows' checksum: what 'left untouched' compares."""
    database = url.rsplit("/", 1)[1]
    tables = server.sql("SELECT table_name FROM information_schema.tables WHERE table_schema='public' ORDER BY 1", database)
    return [f"{t}:{server.sql(f'SELECT md5(string_agg(x::text, chr(10) ORDER BY x::text)) FROM {t} x', database)}"
            for t in tables.split()]


def test_a_new_store_has_the_sqlite_store_s_tables_columns_and_version(pg_url, tmp_path):
    with Store.open(pg_url, create=True) as store:
        assert store.schema_version == SCHEMA_VERSION == len(POSTGRES_MIGRATIONS)
        versions = [v for (v,) in store.conn.execute("SELECT version FROM clashrecon_schema ORDER BY version")]
        columns = store.conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            " AND table_name <> 'clashrecon_schema' ORDER BY table_name, ordinal_position"
        ).fetchall()
    assert versions == list(range(1, SCHEMA_VERSION + 1)), "one row per migration, in order"
    on_postgres: dict[str, list[str]] = {}
    for table, column in columns:
        on_postgres.setdefault(table, []).append(column)
    with Store.open(tmp_path / "s.db", create=True) as lite:
        names = [n for (n,) in lite.conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")]
        on_sqlite = {n: [c[1] for c in lite.conn.execute(f"PRAGMA table_info({n})")] for n in names}
    assert on_postgres == on_sqlite


def _article(text: str, name: str = "a.txt") -> Article:
    return Article(id=hashlib.sha256(text.encode()).hexdigest(), name=name, path=name, text=text)


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path) -> str:
    """A new store's location on either implementation: the same test, the same answers."""
    if request.param == "sqlite":
        return str(tmp_path / "s.db")
    return request.getfixturevalue("pg_url")


def test_each_store_says_what_it_did_with_each_article(location):
    with Store.open(location, create=True) as store:
        assert store.put_articles([("/x/a.txt", _article("first"), [])]).outcomes == {"/x/a.txt": "new"}
        assert store.put_articles([("/x/a.txt", _article("first"), [])]).outcomes == {"/x/a.txt": "meanwhile"}
        assert store.put_articles([("/x/a.txt", _article("first"), [])], rewrite={"/x/a.txt"}).outcomes == {
            "/x/a.txt": "rewritten"
        }
        assert store.put_articles([("/x/a.txt", _article("second"), [])]).outcomes == {"/x/a.txt": "replaced"}
        assert store.put_articles([("/y/b.txt", _article("second", "b.txt"), [])]).outcomes == {"/y/b.txt": "duplicate"}
        assert [a.text for a in store.articles()] == ["second"]
        assert store.generation() == 5
        store.forget_sources(["/x/a.txt"])
        assert store.counts() == {"articles": 0, "claims": 0}


def test_derived_rows_computed_before_another_ingest_are_not_saved(location):
    """The staleness rule: a corpus read, then another ingest's batch, then the save is refused."""
    from clashrecon.models import Reconciliation

    with Store.open(location, create=True) as store, Store.open(location, create=True) as other:
        store.put_articles([("/x/a.txt", _article("first"), [])])
        store.articles()  # the corpus read the results would be computed from
        other.put_articles([("/x/b.txt", _article("another", "b.txt"), [])])
        assert store.save_reconciliation(Reconciliation()) is False
        assert not store.reconciled()
        store.articles()
        assert store.save_reconciliation(Reconciliation()) is True
        assert store.reconciled()


NAMES = ["b.txt", "B.txt", "_lead.txt", "a b.txt", "a-b.txt", "ä.txt", "Z.txt", "10.txt", "9.txt"]


def test_articles_come_in_the_same_order_on_both_stores(location):
    """PostgreSQL orders text by the database's locale (the test server's is ICU en-US), SQLite by
    bytes; the store's text columns are in C collation, so every listing is in SQLite's order."""
    with Store.open(location, create=True) as store:
        store.put_articles([(f"/in/{n}", _article(f"text of {n}", n), []) for n in NAMES])
        assert [a.name for a in store.articles()] == sorted(NAMES)
        assert store.article_names(3) == sorted(NAMES)[:3]


def test_the_test_server_s_own_order_is_not_the_bytes(pg_server):
    """What the test above relies on to be able to fail."""
    listed = pg_server.sql(f"SELECT string_agg(n, '|' ORDER BY n) FROM unnest(ARRAY{NAMES!r}) n")
    if listed.split("|") == sorted(NAMES):
        pytest.skip("this server was built without ICU and orders as bytes: the order test cannot fail here")


def test_a_read_session_cannot_write(pg_url):
    Store.open(pg_url, create=True).close()
    store = Store.open(pg_url, create=False)
    with pytest.raises(StoreError, match="cannot be written"):
        with store:
            store.set_meta("reference_date", "2022-09-14")


def test_an_older_schema_is_upgraded_in_order_by_a_reader_too(pg_server, pg_url):
    database = pg_url.rsplit("/", 1)[1]
    pg_server.sql("CREATE TABLE clashrecon_schema (version INTEGER PRIMARY KEY, migrated_at DOUBLE PRECISION NOT NULL)", database)
    for number, step in enumerate(POSTGRES_MIGRATIONS[:3], start=1):
        pg_server.sql(f"BEGIN; {step}; INSERT INTO clashrecon_schema VALUES ({number}, 0); COMMIT", database)
    with Store.open(pg_url, create=False) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.places() == []  # a table the later migrations made


# ------------------------------------------------------------------ refused, and left as it was


def _newer(server, url):
    database = url.rsplit("/", 1)[1]
    server.sql("CREATE TABLE clashrecon_schema (version INTEGER PRIMARY KEY, migrated_at DOUBLE PRECISION NOT NULL)", database)
    server.sql(f"INSERT INTO clashrecon_schema VALUES ({SCHEMA_VERSION + 1}, 0)", database)


def _someone_elses(server, url):
    database = url.rsplit("/", 1)[1]
    server.sql("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)", database)
    server.sql("INSERT INTO customers VALUES (1, 'Ada')", database)


@pytest.mark.parametrize(
    "make, error, words",
    [
        (_newer, NewerSchemaStore, "newer than this clashrecon"),
        (_someone_elses, ForeignDatabase, "not a clashrecon store"),
    ],
    ids=["newer-schema", "another-program-s-database"],
)
@pytest.mark.parametrize("command", [["ingest", str(SEEDS)], ["timeline"], ["reconcile"], ["claims"]], ids=lambda c: c[0])
def test_an_unusable_database_is_refused_by_every_command_and_left_untouched(pg_server, pg_url, runner, make, error, words, command):
    make(pg_server, pg_url)
    before = _catalogue(pg_server, pg_url)
    with pytest.raises(error, match=words):
        Store.open(pg_url, create=True)
    result = run_cli(runner, *command, "--db", pg_url)
    assert result.exit_code == 2, result.output
    assert words in result.stderr and "left untouched" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _catalogue(pg_server, pg_url) == before


def test_a_read_command_on_an_empty_database_creates_nothing(pg_server, pg_url, runner):
    result = run_cli(runner, "timeline", "--db", pg_url)
    assert result.exit_code == 2
    assert "holds no clashrecon data yet" in result.stderr and "clashrecon ingest" in result.stderr
    assert _catalogue(pg_server, pg_url) == []
    with pytest.raises(MissingStore):
        Store.open(pg_url, create=False)


@pytest.mark.parametrize(
    "url, words",
    [
        ("postgresql://clashrecon:s3cret@127.0.0.1:{port}/no_such_database", ["does not exist", "createdb no_such_database"]),
        ("postgresql://clashrecon:s3cret@127.0.0.1:{closed}/x", ["cannot connect to store", "check that the server runs"]),
        ("mysql://someone:s3cret@127.0.0.1/x", ["'mysql'", "postgresql://user@host:5432/name"]),
    ],
    ids=["missing-database", "nothing-listening", "another-scheme"],
)
def test_a_url_that_leads_nowhere_is_one_line_without_its_password(pg_server, runner, url, words):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    given = url.format(port=pg_server.port, closed=closed)
    for command in (["ingest", str(SEEDS)], ["timeline"]):
        result = run_cli(runner, *command, "--db", given)
        assert result.exit_code == 2, result.output
        line = result.stderr.strip()
        assert len(line.splitlines()) == 1 and all(w in line for w in words), line
        assert "s3cret" not in line


# ------------------------------------------------------------------ the seeds on both stores


@pytest.fixture(scope="module")
def seeds_on_postgres(pg_server, runner, nlp) -> str:
    url = pg_server.create_database("seeds")
    result = run_cli(runner, "ingest", str(SEEDS), "--db", url, "--quiet")
    assert result.exit_code == 0, result.output
    return url


VIEWS = ["events_v", "facts_v", "claims_v", "sources_v", "conflicts_v", "figures_v", "places_v"]


@pytest.mark.parametrize("view", VIEWS)
def test_each_flat_view_holds_the_rows_sqlite_s_holds(seeds_db, seeds_on_postgres, view):
    import psycopg

    lite = sqlite3.connect(seeds_db)
    want = sorted(lite.execute(f"SELECT * FROM {view}").fetchall(), key=repr)
    lite.close()
    with psycopg.connect(seeds_on_postgres) as conn:
        got = sorted((tuple(r) for r in conn.execute(f"SELECT * FROM {view}").fetchall()), key=repr)
    assert want and got == want


@pytest.mark.parametrize("command", ["timeline", "figures", "conflicts", "claims", "sources", "places", "reconcile"])
def test_read_commands_on_postgres_never_import_spacy(seeds_on_postgres, command):
    code = (
        "import sys\n"
        "from clashrecon.cli import app\n"
        f"try:\n    app([{command!r}, '--db', {seeds_on_postgres!r}, '--json'])\n"
        "except SystemExit as e:\n    assert e.code == 0, e.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc', 'dateparser', 'trafilatura', 'distributed'))\n"
        "assert not heavy, heavy\n"
        "assert 'psycopg' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
