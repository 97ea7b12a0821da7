"""Every readable format in, Article records with their text, metadata and source keys out.

The fixtures in tests/fixtures/ingest are made up (other conflicts, other sites), so the
rules shown here are not tuned to the seeds. Bad inputs are generated in tmp_path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clashrecon.errors import InputFileError
from clashrecon.ingest import discover, read_file
from clashrecon.ingest.files import sidecar_path
from clashrecon.ingest.readers import iso_date, markdown_to_text
from clashrecon.models import SegmentType

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def only(path: Path):
    read = read_file(path)
    assert not read.errors, read.errors
    assert len(read.articles) == 1
    return read.articles[0]


def test_html_keeps_the_article_and_drops_navigation_adverts_comments_and_scripts():
    item = only(FIXTURES / "page_with_chrome.html")
    a = item.article
    assert a.format == "html"
    assert "Artillery shelling killed at least 12 civilians" in a.text
    assert "more than 20,000 people had fled" in a.text
    for chrome in ("Advertisement", "Sport", "praying for everyone", "Related stories", "tracking", "font-family", "All rights reserved"):
        assert chrome not in a.text
    assert a.title == "Shelling kills 12 in border town, officials say"
    assert a.text.startswith(a.title)
    assert a.segments[0].type is SegmentType.headline
    assert (a.outlet, a.byline, a.published.date) == ("The Daily Ledger", "Maria Lopez", "2023-04-16")
    assert (a.credit, a.dateline) == ("Reuters", "KHARTOUM, Sudan")


def test_markdown_front_matter_gives_the_metadata_and_markup_is_removed():
    a = only(FIXTURES / "front_matter.md").article
    assert a.title == "Drone strike kills three soldiers near Kherson"
    assert (a.outlet, a.byline, a.url) == ("Frontline Weekly", "Olena Petrenko", "https://example.invalid/kherson-drone")
    assert a.published.date == "2023-03-02" and a.published.basis.value == "explicit"
    assert "---" not in a.text and "#" not in a.text and "**" not in a.text and "](" not in a.text
    assert "near the city of Kherson on Wednesday" in a.text
    assert "on the main road east of the city" in a.text
    assert a.text.count(a.title) == 1  # the '# heading' is the title, not printed twice


def test_a_json_object_is_one_article_with_news_api_field_names():
    item = only(FIXTURES / "one_record.json")
    a = item.article
    assert item.source == str((FIXTURES / "one_record.json").resolve())
    assert a.name == "one_record.json"
    assert (a.title, a.outlet, a.url, a.published.date) == (
        "Clashes in Tripoli leave 27 dead",
        "Mediterranean Wire",
        "https://example.invalid/tripoli",
        "2023-08-16",
    )
    assert a.text.startswith("Clashes in Tripoli leave 27 dead\n\nClashes between rival armed groups")


@pytest.mark.parametrize("file_name", ["records.json", "feed.jsonl"])
def test_records_inside_json_files_get_numbered_names_and_source_keys(file_name):
    path = FIXTURES / file_name
    read = read_file(path)
    assert not read.errors
    names = [item.article.name for item in read.articles]
    assert names == [f"{file_name}#1", f"{file_name}#2"]
    assert [item.source for item in read.articles] == [f"{path.resolve()}#1", f"{path.resolve()}#2"]
    assert all(item.article.published.date for item in read.articles)
    assert all(item.article.title and item.article.text.startswith(item.article.title) for item in read.articles)


def test_a_news_api_truncation_marker_is_not_article_text(tmp_path):
    record = {"title": "Strike kills 4", "content": "An air strike killed four people near the port on Sunday, officials… [+2113 chars]"}
    a = only(write(tmp_path, "api.json", json.dumps(record))).article
    assert a.text.endswith("near the port on Sunday, officials")


def test_body_may_be_in_text_body_or_content():
    texts = [item.article.text for item in read_file(FIXTURES / "records.json").articles]
    assert "ten people" in texts[0] and "14 soldiers" in texts[1]


def test_a_sidecar_overrides_and_supplies_metadata():
    path = FIXTURES / "wire_copy.txt"
    assert sidecar_path(path) == FIXTURES / "wire_copy.txt.meta.json"
    a = only(path).article
    assert a.title == "Raid kills 11 in northeast Nigeria"  # sidecar wins over the headline line
    assert (a.outlet, a.published.date) == ("Sahel Times", "2023-02-09")
    assert (a.byline, a.credit) == ("Ahmed Musa", "AP")  # still read from the text


def test_a_sidecar_named_without_the_extension_is_found_too(tmp_path):
    (tmp_path / "story.txt").write_text("Headline of a story\n\nBody of the story with plenty of words in it today.\n")
    (tmp_path / "story.meta.json").write_text(json.dumps({"outlet": "Valley Gazette", "url": "https://example.invalid/s"}))
    a = only(tmp_path / "story.txt").article
    assert (a.outlet, a.url) == ("Valley Gazette", "https://example.invalid/s")


def test_a_broken_sidecar_is_a_warning_not_a_failure(tmp_path):
    (tmp_path / "story.txt").write_text("Headline of a story\n\nBody of the story with plenty of words.\n")
    (tmp_path / "story.txt.meta.json").write_text("{not json")
    a = only(tmp_path / "story.txt").article
    assert any("sidecar story.txt.meta.json ignored" in w for w in a.warnings)


def test_the_raw_hash_changes_with_the_sidecar(tmp_path):
    (tmp_path / "story.txt").write_text("Headline of a story\n\nBody of the story with plenty of words.\n")
    before = only(tmp_path / "story.txt")
    (tmp_path / "story.txt.meta.json").write_text('{"outlet": "Valley Gazette"}')
    after = only(tmp_path / "story.txt")
    assert before.article.id == after.article.id
    assert before.raw_hash != after.raw_hash


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2022-09-13", "2022-09-13"),
        ("2022-09-13T21:04:00Z", "2022-09-13"),
        ("Tue, 13 Sep 2022 10:00:00 GMT", "2022-09-13"),
        ("September 13, 2022", "2022-09-13"),
        ("Sept. 13, 2022", "2022-09-13"),
        ("13 Sep 2022", "2022-09-13"),
        ("1663070400", "2022-09-13"),
        ("1663070400000", "2022-09-13"),
        ("last Tuesday", None),
        ("", None),
    ],
)
def test_published_dates_are_read_as_iso_dates_or_not_at_all(value, expected):
    assert iso_date(value) == expected


def test_markdown_to_text_keeps_link_words_and_drops_images():
    assert markdown_to_text("## Title\n![photo](x.jpg) Read the [report](https://x) now") == "Title\n Read the report now"


# ----------------------------------------------------------------- discovery


def test_folders_are_walked_recursively_other_extensions_skipped_and_sidecars_not_articles(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.md").write_text("x")
    (tmp_path / "top.txt").write_text("x")
    (tmp_path / "top.txt.meta.json").write_text("{}")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["top.txt", "deep.md"] or sorted(p.name for p in found.files) == ["deep.md", "top.txt"]
    assert [Path(p).name for p, _ in found.skipped] == ["notes.pdf"]
    assert "unsupported extension '.pdf'" in found.skipped[0][1]


def test_hidden_files_and_folders_and_orphan_sidecars_are_skipped_with_a_note(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("x")
    (tmp_path / ".DS_Store").write_text("x")
    (tmp_path / "story.txt").write_text("x")
    (tmp_path / "story.meta.json").write_text("{}")  # story.txt's: read with it, no note
    (tmp_path / "gone.html.meta.json").write_text("{}")  # its article is not there
    found = discover([tmp_path])
    assert [p.name for p in found.files] == ["story.txt"]
    assert {Path(p).name: why for p, why in found.skipped} == {
        ".git": "hidden folder",
        ".DS_Store": "hidden file",
        "gone.html.meta.json": "metadata sidecar with no article beside it",
    }


@pytest.mark.parametrize(
    "make, glob, reason",
    [
        (lambda d: None, None, "no file to read in this folder"),
        (lambda d: (d / ".hidden.txt").write_text("x"), None, "no file to read in this folder"),
        (lambda d: (d / "a.txt").write_text("x"), "*.html", "no file in this folder matches --glob '*.html'"),
    ],
    ids=["empty", "only-hidden", "glob-matches-nothing"],
)
def test_a_path_that_gives_nothing_to_read_is_named_with_why(tmp_path, make, glob, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    make(folder)
    found = discover([folder, tmp_path / "*.htm"], glob)
    assert found.files == [] and [p for p, _ in found.empty] == [str(folder)]
    assert found.empty[0][1].startswith(reason)
    [missing] = found.errors
    assert "a pattern that matched nothing reaches clashrecon as written" in missing.reason


def test_a_file_named_twice_is_read_once_and_neither_path_is_empty(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    found = discover([tmp_path, tmp_path / "a.txt"])
    assert [p.name for p in found.files] == ["a.txt"] and found.empty == []


def test_glob_filters_file_names(tmp_path):
    for name in ("a.html", "b.txt", "c.html"):
        (tmp_path / name).write_text("x")
    assert sorted(p.name for p in discover([tmp_path], "*.html").files) == ["a.html", "c.html"]


# ----------------------------------------------------------------- bad inputs (reader side)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t\n", "empty file"),
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("broken.json", b'{"text": "Ten killed", ', "invalid JSON at line 1"),
        ("wrong_type.json", b'{"text": 42, "title": "x"}', "field 'text' must be text, got int"),
        ("no_body.json", b'{"title": "Only a title"}', "no article text"),
        ("scalar.json", b"17", "JSON must be an object or an array of objects"),
        ("scripts.html", b"<html><head><script>var a=1;</script><style>p{}</style></head><body><script>x()</script></body></html>", "no article text"),
        ("nav_only.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        ("long_line.txt", b"x" * (1024 * 1024), "over the 200,000 limit"),
    ],
)
def test_an_unusable_file_raises_one_error_naming_it_and_why(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    with pytest.raises(InputFileError) as caught:
        read = read_file(path)
        if read.errors and not read.articles:
            raise read.errors[0]
    assert caught.value.path.startswith(str(path))
    assert reason in caught.value.reason


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = write(tmp_path, "big.txt", b"word " * 1000)
    from clashrecon.ingest import files

    monkeypatch.setattr(files, "_limits", lambda: {"max_file_bytes": 1000, "max_article_chars": 200_000})
    opened = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    with pytest.raises(InputFileError, match=r"over the 0 MB limit \(max_file_bytes\); split it"):
        read_file(path)
    assert path not in opened


def test_deeply_nested_html_is_read_or_named_never_a_crash(tmp_path):
    path = write(tmp_path, "deep.html", "<div>" * 50_000 + "<p>Fighting killed five people on Monday, police said in a statement.</p>" + "</div>" * 50_000)
    try:
        read = read_file(path)
    except InputFileError as exc:
        assert exc.path == str(path) and exc.reason
    else:
        assert read.articles or read.errors


@pytest.mark.parametrize("depth", [250, 255, 300, 5_000])
def test_html_past_the_parsers_depth_is_named_too_deep_never_empty(tmp_path, depth):
    """libxml2 drops everything below 256 levels: that page has text, so 'no article text' would be wrong."""
    sentence = "<p>Ten soldiers were killed on Tuesday, the ministry said in a statement about the fighting.</p>"
    path = write(tmp_path, "deep.html", "<html><body>" + "<div>" * depth + sentence + "</div>" * depth + "</body></html>")
    if depth < 252:
        assert "Ten soldiers were killed" in read_file(path).articles[0].article.text
        return
    with pytest.raises(InputFileError, match="nested too deeply"):
        read_file(path)


def test_jsonl_keeps_good_lines_and_names_the_broken_one(tmp_path):
    lines = [
        json.dumps({"title": "One", "text": "First report of shelling in the north today."}),
        '{"title": "Two", "text": "cut off',
        json.dumps({"title": "Three", "text": ["not", "text"]}),
        json.dumps({"title": "Four", "text": "Fourth report of shelling in the south today."}),
    ]
    path = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    read = read_file(path)
    assert [item.article.name for item in read.articles] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert [(e.path, e.reason.split(":")[0]) for e in read.errors] == [(f"{path}#2", "line 2"), (f"{path}#3", "line 3")]
    assert "invalid JSON" in read.errors[0].reason and "must be text, got list" in read.errors[1].reason


def test_a_json_array_keeps_good_records_and_names_bad_ones(tmp_path):
    path = write(tmp_path, "a.json", json.dumps([{"text": "Report one about the clash."}, 5, {"body": None}]))
    read = read_file(path)
    assert [i.article.name for i in read.articles] == ["a.json#1"]
    assert [e.path for e in read.errors] == [f"{path}#2", f"{path}#3"]


@pytest.mark.parametrize(
    "encoded, warning",
    [
        ("Kämpfe in Bergkarabach: 49 Soldaten getötet, sagte das Ministerium.".encode("latin-1"), "not valid UTF-8"),
        ("Kämpfe in Bergkarabach: 49 Soldaten getötet, sagte das Ministerium.".encode("utf-16"), "UTF-16"),
    ],
)
def test_text_in_another_encoding_is_read_with_a_warning(tmp_path, encoded, warning):
    a = only(write(tmp_path, "other.txt", encoded)).article
    assert "Kämpfe" in a.text and "getötet" in a.text
    assert any(warning in w for w in a.warnings)


def test_control_characters_and_ansi_escapes_are_removed_but_curly_quotes_kept(tmp_path):
    raw = "Headline here\r\n\r\n\x1b[31mThe ministry said \u201cten\u201d were killed\x07 in Armenia\u2019s south.\x1b[0m\r\n"
    a = only(write(tmp_path, "ansi.txt", raw)).article
    assert a.text == "Headline here\n\nThe ministry said \u201cten\u201d were killed in Armenia\u2019s south."


def test_an_unreadable_file_is_named_with_permission_denied(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", "text")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    # root reads any file whatever its mode, so the refusal is simulated where the reader opens it
    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputFileError, match="permission denied"):
        read_file(path)


def test_a_symlink_loop_is_an_error_not_a_hang(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "up").symlink_to(tmp_path / "dir")
    (tmp_path / "dir" / "ok.txt").write_text("x")
    found = discover([tmp_path / "loop", tmp_path / "dir"])
    assert [p.name for p in found.files] == ["ok.txt"]
    reasons = " ".join(e.reason for e in found.errors)
    assert "looping symbolic link" in reasons and "directory loop" in reasons


def test_html_in_a_declared_legacy_charset_is_decoded_with_it(tmp_path):
    body = "Президент заявил, что в результате обстрела погибли 49 военнослужащих, сообщило министерство обороны страны."
    page = f'<html><head><meta charset="windows-1251"><title>Обстрел</title></head><body><article><p>{body}</p></article></body></html>'
    a = only(write(tmp_path, "ru.html", page.encode("cp1251"))).article
    assert body in a.text
    assert any("windows-1251" in w for w in a.warnings)
