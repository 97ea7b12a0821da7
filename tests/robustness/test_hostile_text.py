"""Article text never drives the terminal, JSON escapes it, and HTML never reaches outside the file.

Rich markup, ANSI escapes and control characters go in through article text, metadata and
file names; every command then runs in a child process with colours forced on, so rich's own
styling is live and any interpreted markup or passed-through escape would show.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import sqlite3
from pathlib import Path

import pytest

from _support import child_env, run_cli_process
from clashrecon.models import CasualtyKind, Round, Tally
from conftest import run_cli

MARKUP_QUOTE = "Eleven soldiers were killed on Tuesday in [link=http://evil.example/x]Tavush[/link], the [blink]defence ministry[/blink] said."
HOSTILE_TXT = (
    "[bold red]Border clash[/] kills eleven\n"
    "\x1b[2J\x1b]0;pwned\x07\u009b2J\x1b]8;;http://evil.example\x1b\\\n"
    + MARKUP_QUOTE + "\x1b[5m\x08\x08\x07\n"
    "The ministry said 12 [bold]civilians[/bold] were wounded in the shelling.\r\x1b[31mFAKE STATUS LINE\x1b[0m\n"
)
HOSTILE_RECORD = {
    "title": "[bold]Rigged title[/bold] \x1b[5mblinking",
    "outlet": "[link=http://evil.example]Evil News[/link]\x07",
    "byline": "By [red]Someone Unseen[/red]",
    "text": "Seven soldiers were killed on Monday near the border, the [italic]army command[/italic] said.",
}
MARKUP_NAME = "[link=https:evil.example][blink]report.txt"  # no closing tags: no "/" in a file name
EMPTY_MARKUP_NAME = "[bold red]empty.txt"
EMPTY_ANSI_NAME = "\x1b[2Jwiped.txt"
ESCAPED_NAME = "\x1b[31mcoloured\x07.txt"  # a file with text, so it is stored under its name
# a right-to-left override makes "94" display as "49"; isolates and a zero-width space hide too
BIDI_QUOTE = (
    "Officials said 94 soldiers were killed on Tuesday in \u2066Tavush\u2069, the ministry said, "
    "a toll others gave as \u202e94\u202c.\u200b"
)
BIDI_TXT = "Clashes on the border\n\n" + BIDI_QUOTE + "\n"
BIDI_CHARS = ("\u202e", "\u202c", "\u2066", "\u2069", "\u200b")

# What no output may contain: escapes that clear, blink, retitle or hyperlink, and raw controls
FORBIDDEN = ("\x1b[2J", "\x1b[5m", "\x1b]", "\x07", "\x08", "\r", "\u009b")
RICH_SGR = re.compile(r"\x1b\[[0-9;]*m")


def squash(output: str) -> str:
    """Output without rich's own colour codes, table borders and wrapping, to find text that a table folded."""
    return re.sub(r"[\s│┃┆┊║|─━═╭╮╰╯┏┓┗┛┡┩┠┨┼╇╋]+", "", RICH_SGR.sub("", output))


def assert_terminal_safe(output: str, where: str) -> None:
    for seq in FORBIDDEN:
        assert seq not in output, f"{where}: {seq!r} reached the terminal"
    assert "\x1b" not in RICH_SGR.sub("", output), f"{where}: an escape sequence other than rich's colours"


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    folder = base / "scraped"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE_TXT)
    (folder / MARKUP_NAME).write_text(
        "Shelling hits border villages\n\nThe regional governor said four civilians were killed on Wednesday.\n"
    )
    (folder / "hostile.json").write_text(json.dumps(HOSTILE_RECORD))
    (folder / ESCAPED_NAME).write_text("Nine soldiers were killed on Tuesday near the border, the ministry said.\n")
    (folder / "bidi.txt").write_text(BIDI_TXT)
    (folder / EMPTY_MARKUP_NAME).write_text("")
    (folder / EMPTY_ANSI_NAME).write_text("")
    (folder / "two\nlines.txt").write_text("")  # a newline in a name must not split the message
    db = base / "hostile.db"
    # --json: no progress bar (whose cursor control is rich's own); error lines still go to stderr
    ingest = run_cli_process("ingest", str(folder), "--db", str(db), "--json", env=colour_env())
    return db, ingest


def colour_env() -> dict[str, str]:
    return child_env(FORCE_COLOR="1", TERM="xterm-256color", COLUMNS="400")


def test_ingest_messages_print_file_names_literally(hostile_store):
    _, ingest = hostile_store
    assert ingest.returncode == 1, ingest.stderr  # the empty files fail, the rest are stored
    assert "Traceback" not in ingest.stderr
    assert_terminal_safe(ingest.stderr, "ingest")
    assert_terminal_safe(ingest.stdout, "ingest")
    assert len(ingest.lines_naming(EMPTY_MARKUP_NAME)) == 1, ingest.stderr
    assert len(ingest.lines_naming("wiped.txt")) == 1, ingest.stderr
    named = ingest.lines_naming("lines.txt")
    assert len(named) == 1 and "two" in named[0], ingest.stderr
    summary = json.loads(ingest.stdout)
    failed = {Path(e["path"]).name for e in summary["errors"]}
    assert {EMPTY_MARKUP_NAME, EMPTY_ANSI_NAME, "two\nlines.txt"} <= failed, failed


def test_markup_in_article_text_is_stored_as_text(hostile_store):
    db, _ = hostile_store
    conn = sqlite3.connect(db)
    texts = dict(conn.execute("SELECT name, text FROM articles"))
    conn.close()
    assert MARKUP_NAME in texts
    assert MARKUP_QUOTE in texts["hostile.txt"]
    assert "\x1b" not in "".join(texts.values()) and "\x07" not in "".join(texts.values())


def _claims(db) -> list[dict]:
    finished = run_cli_process("claims", "--db", str(db), "--json")
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


@pytest.mark.parametrize(
    "args, literal",
    [
        (["claims", "--article", MARKUP_NAME], MARKUP_NAME),
        (["sources"], "[link=http://evil.example]Evil News[/link]"),
        (["sources"], "[bold]Rigged title[/bold]"),
        (["timeline"], None),
        (["conflicts", "--all"], None),
    ],
    ids=["claims-of-markup-file", "sources-outlet", "sources-title", "timeline", "conflicts"],
)
def test_read_commands_print_markup_literally_and_no_escapes(hostile_store, args, literal):
    db, _ = hostile_store
    finished = run_cli_process(*args, "--db", str(db), env=colour_env())
    assert finished.returncode == 0, finished.stderr
    assert_terminal_safe(finished.stdout, " ".join(args))
    assert_terminal_safe(finished.stderr, " ".join(args))
    if literal is not None:
        assert squash(literal) in squash(finished.stdout), finished.stdout[-3000:]


def _quotes_with_markup(db) -> list[dict]:
    """Claims whose quote holds square brackets: where interpreted markup would show."""
    found = [c for c in _claims(db) if "[" in c["quote"] or "]" in c["quote"]]
    assert found, "no claim quotes a sentence with markup in it"
    return found


def test_claims_prints_every_quote_with_markup_literally(hostile_store):
    db, _ = hostile_store
    finished = run_cli_process("claims", "--db", str(db), env=colour_env())
    assert finished.returncode == 0, finished.stderr
    assert_terminal_safe(finished.stdout, "claims")
    for claim in _quotes_with_markup(db):
        assert squash(claim["quote"]) in squash(finished.stdout), (claim["quote"], finished.stdout[-3000:])


def test_show_prints_quotes_with_markup_literally(hostile_store):
    db, _ = hostile_store
    for claim in _quotes_with_markup(db)[:3]:
        finished = run_cli_process("show", claim["id"], "--db", str(db), env=colour_env())
        assert finished.returncode == 0, finished.stderr
        assert_terminal_safe(finished.stdout, f"show {claim['id']}")
        assert squash(claim["quote"]) in squash(finished.stdout), (claim["quote"], finished.stdout)
        as_json = run_cli_process("show", claim["id"], "--db", str(db), "--json", env=colour_env())
        assert as_json.returncode == 0 and "\x1b" not in as_json.stdout, as_json.stderr
        assert [c["quote"] for c in json.loads(as_json.stdout)["claims"]] == [claim["quote"]]


def test_escapes_written_into_the_store_by_other_means_never_reach_the_terminal(hostile_store, tmp_path):
    """Ingest strips escapes; the printing layer must not rely on it (older stores, other writers)."""
    db, _ = hostile_store
    raw = tmp_path / "raw.db"
    shutil.copy(db, raw)
    evil = "\x1b[2J\x1b]0;pwned\x07\x1b[5mBLINK\r\x08\u009b2J"
    conn = sqlite3.connect(raw)
    rows = conn.execute("SELECT id, data FROM claims").fetchall()
    for claim_id, data in rows:
        record = json.loads(data)
        record["quote"] = evil + record["quote"]
        record["claimant"] = evil
        conn.execute("UPDATE claims SET data=? WHERE id=?", (json.dumps(record), claim_id))
    for article_id, data in conn.execute("SELECT id, data FROM articles").fetchall():
        record = json.loads(data)
        record["title"], record["outlet"], record["name"] = evil, evil, evil + "name.txt"
        conn.execute("UPDATE articles SET data=?, name=? WHERE id=?", (json.dumps(record), evil + "name.txt", article_id))
    tally = Tally(
        id="tevil", story=evil, party=evil, kind=CasualtyKind.killed, low=1, best=1, high=1, conservative=1,
        claimant=evil, authority=evil, reported=evil, note=evil,
        rounds=(Round(start=evil, end=evil, best=1, claimant=evil), Round(start="2022-09-13", end="2022-09-14", best=1)),
    )
    conn.execute("INSERT INTO results(id, type, seq, data) VALUES (?, 'tally', 0, ?)", (tally.id, tally.model_dump_json()))
    conn.commit()
    conn.close()
    for args in (["claims"], ["sources"], ["show", rows[0][0]], ["timeline"], ["figures"], ["conflicts", "--all"]):
        finished = run_cli_process(*args, "--db", str(raw), env=colour_env())
        assert finished.returncode == 0, finished.stderr
        if args[0] in ("timeline", "figures"):
            assert "Final figures" in finished.stdout and "BLINK" in finished.stdout, "the written figure is printed"
        assert_terminal_safe(finished.stdout, " ".join(args))
        assert_terminal_safe(finished.stderr, " ".join(args))
    finished = run_cli_process("sources", "--db", str(raw), "--json")
    assert "\x1b" not in finished.stdout and "\x07" not in finished.stdout
    assert {row["title"] for row in json.loads(finished.stdout)} == {evil}, "JSON must carry the text, escaped"


@pytest.mark.parametrize("command", ["claims", "sources", "timeline", "figures", "conflicts"])
def test_json_output_escapes_and_round_trips(hostile_store, command):
    db, _ = hostile_store
    finished = run_cli_process(command, "--db", str(db), "--json", env=colour_env())
    assert finished.returncode == 0, finished.stderr
    assert "\x1b" not in finished.stdout and "\x07" not in finished.stdout
    data = json.loads(finished.stdout)
    assert json.loads(json.dumps(data)) == data
    if command == "claims":
        conn = sqlite3.connect(db)
        texts = dict(conn.execute("SELECT name, text FROM articles"))
        conn.close()
        assert any("[" in c["quote"] and "]" in c["quote"] for c in data), "no quote carries markup"
        for claim in data:
            name = claim["article"]
            assert texts[name][claim["start"] : claim["end"]] == claim["quote"]
    if command == "sources":
        by_name = {row["article"]: row for row in data}
        assert by_name["hostile.json"]["outlet"] == "[link=http://evil.example]Evil News[/link]"
        assert by_name["hostile.json"]["title"].startswith("[bold]Rigged title[/bold]")


# ------------------------------------------------------------------ HTML never reaches outside the file

PASSWD_LINE = next((line for line in Path("/etc/passwd").read_text().splitlines() if line), "root:x:0:0")
BODY = (
    "<p>Eleven soldiers were killed on Tuesday in clashes near the border, the defence ministry said in a "
    "statement issued in the capital.</p><p>The ministry said shelling continued through the night and that "
    "several villages near the frontier had been hit, damaging homes and a school.</p>"
)
EXTERNAL_HTML = {
    "xxe.html": (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY leak SYSTEM "file:///etc/passwd">]>\n'
        "<html><head><title>Clash report</title></head><body><article>"
        "<p>Leaked: &leak;</p>" + BODY + "</article></body></html>"
    ),
    "external_dtd.htm": (
        '<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd">\n<html><body><article>'
        + BODY + "</article></body></html>"
    ),
    "resources.html": (
        '<html><head><link rel="stylesheet" href="http://127.0.0.1:9/s.css">'
        '<script src="http://127.0.0.1:9/x.js"></script>'
        '<meta http-equiv="refresh" content="0; url=http://127.0.0.1:9/">'
        '<base href="http://127.0.0.1:9/"></head><body><article>'
        '<img src="http://127.0.0.1:9/photo.jpg"><iframe src="http://127.0.0.1:9/frame"></iframe>'
        '<object data="http://127.0.0.1:9/o"></object><link rel="import" href="http://127.0.0.1:9/i">'
        + BODY + "</article></body></html>"
    ),
}


@pytest.fixture
def no_network(monkeypatch):
    attempts: list[object] = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("network access attempted during ingest")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: attempts.append(a) or [])
    return attempts


@pytest.mark.parametrize("name", sorted(EXTERNAL_HTML))
def test_html_reader_neither_fetches_nor_expands_external_entities(tmp_path, no_network, name):
    from clashrecon.ingest import read_file

    path = tmp_path / name
    path.write_text(EXTERNAL_HTML[name])
    read = read_file(path)
    texts = [item.article.text for item in read.articles]
    assert texts, f"the HTML body was not read: {[e.reason for e in read.errors]}"
    assert "Eleven soldiers were killed on Tuesday" in texts[0]
    assert PASSWD_LINE not in texts[0] and "root:x:0" not in texts[0]
    assert no_network == []


def test_ingest_of_html_with_external_references_opens_no_socket(tmp_path, runner, nlp, no_network):
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, html in EXTERNAL_HTML.items():
        (folder / name).write_text(html)
    result = run_cli(runner, "ingest", str(folder), "--db", str(tmp_path / "s.db"), "-q")
    assert result.exit_code == 0, result.output
    assert no_network == []
    conn = sqlite3.connect(tmp_path / "s.db")
    stored = "".join(r[0] for r in conn.execute("SELECT text FROM articles"))
    conn.close()
    assert "root:x:0" not in stored and PASSWD_LINE not in stored


def test_stored_article_names_carry_no_escapes_or_bells(hostile_store):
    db, _ = hostile_store
    finished = run_cli_process("sources", "--db", str(db), "--json")
    names = [row["article"] for row in json.loads(finished.stdout)]
    assert "coloured.txt" in names  # ESC[31m and BEL dropped, the rest of the name kept
    assert not any(ch in name for name in names for ch in "\x1b\x07\n")
    conn = sqlite3.connect(db)
    stored = [name for (name,) in conn.execute("SELECT name FROM articles")] + [
        json.loads(data)["article"] for (data,) in conn.execute("SELECT data FROM claims")
    ]
    conn.close()
    assert not any("\x1b" in name or "\x07" in name for name in stored)


@pytest.mark.parametrize("args", [["claims"], ["sources"], ["conflicts", "--all"], ["timeline", "--all"]])
def test_bidi_and_zero_width_characters_are_shown_as_tags_never_raw(hostile_store, args):
    db, _ = hostile_store
    finished = run_cli_process(*args, "--db", str(db), env=colour_env())
    assert finished.returncode == 0, finished.stderr
    assert not any(ch in finished.stdout for ch in BIDI_CHARS), " ".join(args)
    if args == ["claims"]:
        assert "gave as ⟨U+202E⟩94⟨U+202C⟩.⟨U+200B⟩" in finished.stdout


def test_show_tags_them_too_and_json_escapes_and_flags_them(hostile_store):
    db, _ = hostile_store
    claim = next(c for c in _claims(db) if c["quote"] == BIDI_QUOTE)
    assert claim["invisible_characters"] == {"quote": ["U+2066", "U+2069", "U+202E", "U+202C", "U+200B"]}
    shown = run_cli_process("show", claim["id"], "--db", str(db), env=colour_env())
    assert "⟨U+202E⟩94⟨U+202C⟩" in shown.stdout and not any(ch in shown.stdout for ch in BIDI_CHARS)
    as_json = run_cli_process("claims", "--db", str(db), "--json")
    assert "\\u202e94\\u202c" in as_json.stdout and not any(ch in as_json.stdout for ch in BIDI_CHARS)
