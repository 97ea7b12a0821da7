"""A damaged store is refused in one line and never written; a store in a read-only folder is read."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from conftest import SEEDS, run_cli

sys.path.insert(0, str(Path(__file__).parent.parent / "robustness"))
from _support import permissions_enforced, run_cli_process  # noqa: E402


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_table(db: Path, table: str) -> None:
    """Overwrite the root page of one table with junk, as a bad disk sector or a torn copy would."""
    conn = sqlite3.connect(db)
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    data = bytearray(db.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xde\xad\xbe\xef" * (page_size // 4)
    db.write_bytes(bytes(data))


def assert_refused_as_damaged(result, db: Path, before: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert str(db) in lines[0] and "damaged" in lines[0] and "--db" in lines[0] and "backup" in lines[0]
    assert digest(db) == before, "the damaged store was written"
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name], "a -wal or -shm file was left beside it"


@pytest.fixture
def damaged_copy(seeds_db, tmp_path):
    def make(table: str) -> Path:
        folder = tmp_path / "store"
        folder.mkdir()
        db = folder / "store.db"
        shutil.copy(seeds_db, db)
        damage_table(db, table)
        return db

    return make


@pytest.mark.parametrize("command", [["timeline"], ["figures"], ["conflicts"], ["show", "e0"]], ids=lambda c: c[0])
def test_a_read_command_refuses_a_store_whose_results_are_damaged(damaged_copy, runner, command):
    """Before: timeline printed an empty or partial picture from the damaged table, exit 0 or a traceback."""
    db = damaged_copy("results")
    before = digest(db)
    assert_refused_as_damaged(run_cli(runner, *command, "--db", str(db)), db, before)


@pytest.mark.parametrize("command, table", [(["claims"], "claims"), (["sources"], "articles")], ids=["claims", "sources"])
def test_damage_met_in_the_middle_of_a_read_is_one_line_not_a_traceback(damaged_copy, runner, command, table):
    """Before: a 60-line traceback ending in sqlite3.DatabaseError and exit 1."""
    db = damaged_copy(table)
    before = digest(db)
    assert_refused_as_damaged(run_cli(runner, *command, "--db", str(db)), db, before)


def test_ingest_never_writes_into_a_damaged_store(damaged_copy, runner, tmp_path):
    """The pages ingest reads to plan are sound; the integrity check before its first write finds the rest.
    Before: ingest stored the new article into the damaged file."""
    db = damaged_copy("claim_times")
    before = digest(db)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "update.txt").write_text((SEEDS / "004_9930d5a469ed8c22.txt").read_text() + "\nA later paragraph.\n")
    assert_refused_as_damaged(run_cli(runner, "ingest", str(folder), "--db", str(db)), db, before)


def test_any_other_sqlite_error_is_one_line_naming_the_store(seeds_copy, runner, monkeypatch):
    from clashrecon import queries

    def failing(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(queries, "timeline", failing)
    result = run_cli(runner, "timeline", "--db", str(seeds_copy))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"clashrecon: error: store {seeds_copy} failed (disk I/O error); if it happens again, "
        "restore it from a backup or give --db a new path"
    ]


def test_a_store_in_a_read_only_folder_is_read_and_nothing_is_created_beside_it(seeds_db, tmp_path):
    """The file itself is writable, its folder is not, so SQLite cannot create the -wal and -shm files.
    Before: every read command failed with 'attempt to write a readonly database'."""
    enforced, how = permissions_enforced()
    if not enforced:
        pytest.skip(f"file modes cannot be enforced for this user: {how}")
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "store.db"
    shutil.copy(seeds_db, db)
    before = digest(db)
    folder.chmod(0o555)
    try:
        for command in (["timeline"], ["figures"], ["conflicts"], ["claims"], ["sources"]):
            finished = run_cli_process(*command, "--db", str(db), "--json", honour_permissions=True)
            assert finished.returncode == 0, (command, finished.stderr)
            assert json.loads(finished.stdout)
        finished = run_cli_process("ingest", str(SEEDS), "--db", str(db), honour_permissions=True)
        assert finished.returncode == 2 and "not writable" in finished.stderr, finished.stderr
        assert len(finished.stderr.strip().splitlines()) == 1, finished.stderr
    finally:
        folder.chmod(0o755)
    assert digest(db) == before
    assert [p.name for p in folder.iterdir()] == ["store.db"]


@pytest.mark.parametrize("wal, answers", [(b"", True), (b"\x37\x7f\x06\x82" + bytes(60), False)], ids=["empty", "with writes"])
def test_a_read_only_folder_with_a_wal_file_but_no_shm(seeds_db, tmp_path, wal, answers):
    """SQLite needs a -shm beside a -wal and cannot create one here: an empty -wal holds nothing, so the
    file is read as it is (immutable=1); one with writes is refused in one line, as reading without them
    would show an older store."""
    if not permissions_enforced()[0]:
        pytest.skip("file modes cannot be enforced for this user")
    folder = tmp_path / "shared"
    folder.mkdir()
    db = folder / "store.db"
    shutil.copy(seeds_db, db)
    Path(f"{db}-wal").write_bytes(wal)
    folder.chmod(0o555)
    try:
        finished = run_cli_process("timeline", "--db", str(db), "--json", honour_permissions=True)
    finally:
        folder.chmod(0o755)
    if answers:
        assert finished.returncode == 0, finished.stderr
        assert json.loads(finished.stdout)
    else:
        assert finished.returncode == 2
        assert len(finished.stderr.strip().splitlines()) == 1 and "copy the store and its -wal" in finished.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["store.db", "store.db-wal"]


@pytest.mark.parametrize("writable", [True, False], ids=["writable", "read-only file"])
def test_a_refused_store_in_wal_mode_gets_no_wal_files_beside_it(tmp_path, writable):
    """Opening a WAL-mode database creates its -wal and -shm files; a read-only connection cannot
    remove them on closing, so a refusal does. Before: both were left beside the refused store."""
    from clashrecon.store import SCHEMA_VERSION

    if not writable and not permissions_enforced()[0]:
        pytest.skip("file modes cannot be enforced for this user")
    db = tmp_path / "newer.db"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE future(x)")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(db)
    db.chmod(0o644 if writable else 0o444)
    finished = run_cli_process("timeline", "--db", str(db), honour_permissions=True)
    assert finished.returncode == 2 and "newer" in finished.stderr, finished.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["newer.db"]
    assert digest(db) == before
