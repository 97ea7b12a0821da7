"""Article text never becomes markup or a live link in a brief, HTML or Markdown.

Markup, `<script>`, event handlers, Markdown links and `javascript:` addresses go in through
every string the store holds (titles, outlets, article names, quotes, claimants, sides, places,
summaries, notes, conflict positions) and every article address; the brief is then parsed as a
browser (or a Markdown renderer) would parse it.
"""

from __future__ import annotations

import json

import pytest
from markdown_it import MarkdownIt

from brief_kit import hostile_store, parsed
from clashrecon.report import Format, build_brief, write_brief
from clashrecon.report.html_page import CSS
from clashrecon.store import Store
from conftest import run_cli

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "<a href=\"javascript:alert(1)\">click</a>",
    "[link](javascript:alert(1)) ![x](https://evil.example/x.png) <https://evil.example> **b** `c` | d $e$",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "</style><svg onload=alert(1)>",
]
HOSTILE_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/no-scheme",
    "https://ok.example/a b",  # a space: never a well-formed address
]

# what a brief is made of: nothing that runs, loads, embeds or submits
PAGE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "section", "article", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ol", "ul", "li", "dl", "dt", "dd", "div", "span", "strong", "code",
    "a", "mark", "blockquote", "figure", "figcaption", "table", "caption", "thead", "tbody", "tr", "th", "td",
    "svg", "desc", "rect", "line", "circle", "text", "tspan", "g",
}
MARKDOWN_TAGS = {"h1", "h2", "h3", "h4", "p", "ul", "li", "strong", "em", "code", "a", "img", "blockquote", "br",
                 "table", "thead", "tbody", "tr", "th", "td"}


@pytest.fixture(params=range(len(PAYLOADS)), ids=[f"payload{i}" for i in range(len(PAYLOADS))])
def hostile(request, tmp_path):
    text = PAYLOADS[request.param]
    url = HOSTILE_URLS[request.param % len(HOSTILE_URLS)]
    db = hostile_store(tmp_path / "hostile.db", text, url)
    with Store.open(db, create=False) as store:
        brief = build_brief(store)
    return text, brief, tmp_path


def assert_inert(tags, allowed: set[str]) -> None:
    names = {t for t, _ in tags}
    assert names <= allowed, names - allowed
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for key in ("href", "src", "xlink:href", "action", "formaction"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:", "//")), (tag, attrs)


def test_the_page_shows_hostile_text_as_text_and_links_nothing_unsafe(hostile):
    text, brief, tmp_path = hostile
    page = write_brief(brief, tmp_path / "brief.html", Format.html).path.read_text(encoding="utf-8")
    markup = parsed(page)
    assert_inert(markup.tags, PAGE_TAGS)
    assert [t for t, _ in markup.tags].count("style") == 1 and CSS in page  # the page's own CSS only
    external = [a["href"] for t, a in markup.tags if t == "a" and not a.get("href", "").startswith("#")]
    assert external == [], external  # none of these addresses is safe to link
    shown = "".join(markup.text)
    assert text in shown, "the text is shown as written, not dropped"
    csp = next(a["content"] for t, a in markup.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp


def test_markdown_renders_hostile_text_as_text_and_links_nothing_unsafe(hostile):
    text, brief, tmp_path = hostile
    written = write_brief(brief, tmp_path / "brief.md", Format.md)
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(written.path.read_text(encoding="utf-8"))
    markup = parsed(rendered)
    assert_inert(markup.tags, MARKDOWN_TAGS)
    assert [a["src"] for t, a in markup.tags if t == "img"] == [p.name for p in written.charts]
    assert [a for t, a in markup.tags if t == "a"] == []
    assert text.replace("  ", " ") in "".join(markup.text)
    for chart in written.charts:
        assert_inert(parsed(chart.read_text(encoding="utf-8")).tags, PAGE_TAGS)


@pytest.mark.parametrize("url", ["https://news.example/a?b=1&c=<x>", "http://news.example/x"])
def test_an_http_address_is_linked_with_its_characters_escaped(tmp_path, url):
    db = hostile_store(tmp_path / "h.db", "plain", url)
    with Store.open(db, create=False) as store:
        brief = build_brief(store)
    page = write_brief(brief, tmp_path / "brief.html", Format.html).path.read_text(encoding="utf-8")
    hrefs = {a["href"] for t, a in parsed(page).tags if t == "a" and not a["href"].startswith("#")}
    assert hrefs == {url}
    assert "<x>" not in page
    rendered = MarkdownIt("commonmark").render(write_brief(brief, tmp_path / "brief.md", Format.md).path.read_text())
    assert {a["href"] for t, a in parsed(rendered).tags if t == "a"} == {url.replace("<", "%3C").replace(">", "%3E")}


def test_characters_that_reorder_text_are_shown_as_tags(tmp_path):
    """A right-to-left override makes '94' read '49' in a browser as in a terminal: shown as a tag."""
    db = hostile_store(tmp_path / "bidi.db", "\u202e94\u202c", "https://ok.example/")
    with Store.open(db, create=False) as store:
        brief = build_brief(store)
    page = write_brief(brief, tmp_path / "brief.html", Format.html).path.read_text(encoding="utf-8")
    assert "\u202e" not in page and "⟨U+202E⟩94⟨U+202C⟩" in page


def test_markup_ingested_from_a_real_file_stays_text(tmp_path, runner, nlp):
    """The same through ingest: a JSON record's title, outlet, address and body sentence."""
    record = {
        "headline": "<script>alert('title')</script> Border clash kills 12",
        "source": {"name": "<img src=x onerror=alert('outlet')>Wire"},
        "publishedAt": "2023-03-01T09:00:00Z",
        "url": "javascript:alert('url')",
        "content": "Twelve soldiers were killed in <b onmouseover=alert(1)>Tavush</b> on Tuesday, "
        "the <script>alert('quote')</script> defence ministry of Armenia said.",
    }
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.json").write_text(json.dumps(record), encoding="utf-8")
    db, out = tmp_path / "s.db", tmp_path / "brief.html"
    assert run_cli(runner, "ingest", str(tmp_path / "in"), "--db", str(db), "--quiet").exit_code == 0
    result = run_cli(runner, "report", "--db", str(db), "--output", str(out))
    assert result.exit_code == 0, result.output
    markup = parsed(out.read_text(encoding="utf-8"))
    assert_inert(markup.tags, PAGE_TAGS)
    shown = "".join(markup.text)
    assert "<script>alert('title')</script>" in shown and "<img src=x onerror=alert('outlet')>Wire" in shown
    assert not [a for t, a in markup.tags if t == "a" and not a["href"].startswith("#")]
