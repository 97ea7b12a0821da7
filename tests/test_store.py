"""The store refuses what it cannot use, leaves it untouched, and migrates in order."""

from __future__ import annotations

import hashlib
import sqlite3

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
