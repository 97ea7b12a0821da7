"""The store refuses what it cannot use, leaves it untouched, and migrates in order."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from clashrecon.errors import MissingStore, NewerSchemaStore, NotSQLiteStore
from clashrecon.models import Article
from clashrecon.store import MIGRATIONS, SCHEMA_VERSION, Store
from conftest import run_cli


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_store_gets_the_current_schema(tmp_path):
    with Store.open(tmp_path / "new.db", create=True) as store:
        assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "segments", "claims", "evidence", "results", "meta"} <= tables
    assert {"article_origins", "article_dates", "claim_times", "name_map"} <= tables  # the corpus passes' own


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path, runner):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 20)
    before = digest(bogus)
    with pytest.raises(NotSQLiteStore, match="not a SQLite database"):
        Store.open(bogus, create=True)
    result = run_cli(runner, "ingest", "seeds", "--db", str(bogus))
    assert result.exit_code == 2
    assert "not a SQLite database" in result.stderr
    assert digest(bogus) == before


def test_a_newer_schema_is_refused_and_untouched(tmp_path, runner):
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE future(x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(newer)
    with pytest.raises(NewerSchemaStore, match="newer than this clashrecon"):
        Store.open(newer, create=True)
    for args in (["timeline"], ["ingest", "seeds"]):
        result = run_cli(runner, *args, "--db", str(newer))
        assert result.exit_code == 2
        assert "newer" in result.stderr
    assert digest(newer) == before


def test_reading_a_missing_store_does_not_create_it(tmp_path):
    with pytest.raises(MissingStore):
        Store.open(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def _article(text: str, name: str = "a.txt") -> Article:
    return Article(id=hashlib.sha256(text.encode()).hexdigest(), name=name, path=name, text=text)


def test_a_changed_source_replaces_its_earlier_version(tmp_path):
    with Store.open(tmp_path / "s.db", create=True) as store:
        store.put_articles([("/x/a.txt", _article("first"), [])])
        store.put_articles([("/x/a.txt", _article("second"), [])])
        assert [a.text for a in store.articles()] == ["second"]


def test_the_same_text_from_two_files_is_stored_once(tmp_path):
    with Store.open(tmp_path / "s.db", create=True) as store:
        store.put_articles([("/x/a.txt", _article("same"), [])])
        store.put_articles([("/y/b.txt", _article("same", "b.txt"), [])])
        assert store.counts()["articles"] == 1


def test_the_store_says_what_it_did_with_each_article(tmp_path):
    """So that two ingests of one file each report what they stored, not what they meant to."""
    with Store.open(tmp_path / "s.db", create=True) as store:
        assert store.put_articles([("/x/a.txt", _article("first"), [])]).outcomes == {"/x/a.txt": "new"}
        # another ingest read the same file before this one stored it
        assert store.put_articles([("/x/a.txt", _article("first"), [])]).outcomes == {"/x/a.txt": "meanwhile"}
        assert store.put_articles([("/x/a.txt", _article("first"), [])], rewrite={"/x/a.txt"}).outcomes == {
            "/x/a.txt": "rewritten"  # --force: the same text, extracted again
        }
        assert store.put_articles([("/x/a.txt", _article("second"), [])]).outcomes == {"/x/a.txt": "replaced"}
        assert store.put_articles([("/y/b.txt", _article("second", "b.txt"), [])]).outcomes == {"/y/b.txt": "duplicate"}
        assert [a.text for a in store.articles()] == ["second"]


# ------------------------------------------------------------------ every command refuses an unusable --db untouched

READ_COMMANDS = [["timeline"], ["figures"], ["conflicts"], ["claims"], ["sources"], ["show", "e0"]]
ALL_COMMANDS = [["ingest", "seeds"], ["reconcile"], *READ_COMMANDS]


def _newer_store(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future(x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()


def _not_sqlite(path):
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)


def _sqlite_header_then_garbage(path):
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)


def _someone_elses_database(path):
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ana', '555')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("make, words", [
    (_newer_store, "newer"),
    (_not_sqlite, "not a SQLite database"),
    (_sqlite_header_then_garbage, "SQLite"),
    (_someone_elses_database, "not a clashrecon store"),
], ids=["newer-schema", "not-sqlite", "corrupt-header", "other-sqlite-database"])
@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: c[0])
def test_every_command_refuses_an_unusable_store_and_leaves_it_untouched(tmp_path, runner, make, words, command):
    db = tmp_path / "store.db"
    make(db)
    before = digest(db)
    result = run_cli(runner, *command, "--db", str(db))
    assert result.exit_code == 2, result.output
    assert words in result.stderr and str(db) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store.db"], "a -wal or -shm file was left beside it"


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: c[0])
def test_a_directory_as_store_is_refused(tmp_path, runner, command):
    result = run_cli(runner, *command, "--db", str(tmp_path))
    assert result.exit_code == 2
    assert "directory" in result.stderr


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_leaves_an_empty_file_empty(tmp_path, runner, command):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    result = run_cli(runner, *command, "--db", str(db))
    assert result.exit_code == 2
    assert "empty" in result.stderr and "ingest" in result.stderr
    assert db.read_bytes() == b""


def test_ingest_makes_an_empty_file_a_store(tmp_path):
    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    with Store.open(db, create=True) as store:
        assert store.schema_version == SCHEMA_VERSION


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_on_a_missing_store_creates_nothing(tmp_path, runner, command):
    result = run_cli(runner, *command, "--db", str(tmp_path / "absent.db"))
    assert result.exit_code == 2 and "no store" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_store_is_read_but_never_written(seeds_db, tmp_path):
    """Read commands answer from a store they may not write; ingest refuses it with one clear line."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "robustness"))
    from _support import permissions_enforced, run_cli_process

    enforced, how = permissions_enforced()
    if not enforced:
        pytest.skip(f"file modes cannot be enforced for this user: {how}")
    db = tmp_path / "ro.db"
    with sqlite3.connect(seeds_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # a self-contained copy: no -wal beside it
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
    db.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        before = digest(db)
        for command in (["timeline"], ["figures"], ["conflicts"], ["claims"], ["sources"]):
            finished = run_cli_process(*command, "--db", str(db), "--json", honour_permissions=True)
            assert finished.returncode == 0, (command, finished.stderr)
            json.loads(finished.stdout)
        finished = run_cli_process("ingest", "seeds", "--db", str(db), honour_permissions=True)
        assert finished.returncode == 2, finished.stderr
        assert "read-only" in finished.stderr and "Traceback" not in finished.stderr
        assert digest(db) == before
    finally:
        tmp_path.chmod(0o755)


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_read_command_leaves_an_empty_sqlite_database_untouched(tmp_path, runner, command):
    db = tmp_path / "blank.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE scratch(x)")
    conn.execute("DROP TABLE scratch")  # a valid SQLite file with a header and no tables
    conn.commit()
    conn.close()
    assert db.read_bytes().startswith(b"SQLite format 3")
    before = digest(db)
    result = run_cli(runner, *command, "--db", str(db))
    assert result.exit_code == 2 and "ingest" in result.stderr
    assert digest(db) == before


def test_results_computed_before_another_writer_stored_articles_are_not_saved(tmp_path):
    """Two ingests share a store: the one that read first must not overwrite fresher results."""
    from clashrecon.models import Reconciliation

    db = tmp_path / "s.db"
    with Store.open(db, create=True) as first, Store.open(db, create=True) as second:
        first.put_articles([("/x/a.txt", _article("first text"), [])])
        assert first.meta("reconciled_at") is None, "a stored batch marks the results stale"
        assert len(first.articles()) == 1  # first starts its corpus pass
        second.put_articles([("/x/b.txt", _article("second text", "b.txt"), [])])
        assert first.save_reconciliation(Reconciliation(events=(), conflicts=())) is False
        assert first.meta("reconciled_at") is None
        assert len(second.articles()) == 2
        assert second.save_reconciliation(Reconciliation(events=(), conflicts=())) is True
        assert second.meta("reconciled_at") is not None


@pytest.mark.parametrize("command", ALL_COMMANDS, ids=lambda c: c[0])
def test_a_fifo_as_store_is_refused_without_blocking(tmp_path, runner, command):
    """Opening a named pipe to read its header would wait forever for a writer."""
    import os

    fifo = tmp_path / "pipe.db"
    os.mkfifo(fifo)
    result = run_cli(runner, *command, "--db", str(fifo))
    assert result.exit_code == 2
    assert "not a regular file" in result.stderr
