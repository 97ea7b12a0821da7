"""The seeds' brief as written: one self-contained page, and the same content as Markdown."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from markdown_it import MarkdownIt

from brief_kit import parsed
from clashrecon.report import Format, build_brief, write_brief
from clashrecon.store import Store


@pytest.fixture(scope="module")
def seeds_brief(seeds_db):
    with Store.open(seeds_db, create=False) as store:
        return build_brief(store)


@pytest.fixture(scope="module")
def page(seeds_brief, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("page") / "brief.html"
    return write_brief(seeds_brief, out, Format.html).path.read_text(encoding="utf-8")


def test_the_page_needs_nothing_but_itself(page):
    markup = parsed(page)
    names = [t for t, _ in markup.tags]
    assert not {"script", "link", "img", "iframe", "object", "embed", "base", "form"} & set(names)
    assert not [a for _, a in markup.tags if "src" in a or "srcset" in a]
    assert not re.search(r"url\(|@import|@font-face", page)  # the stylesheet loads nothing either
    assert names.count("style") == 1 and names.count("svg") == 2  # the episode's chart and its map
    assert 'name="viewport"' in page and "charset=\"utf-8\"" in page


def test_the_page_prints_whole(page):
    css = page[page.index("<style>") : page.index("</style>")]
    printed = css[css.index("@media print") :]
    assert "break-inside: avoid" in printed and ".wrap { overflow: visible; }" in printed
    assert 'a[href^="http"]::after' in printed  # a printed link shows where it goes


def test_the_page_reads_as_a_desk_needs(page):
    text = " ".join(" ".join(parsed(page).text).split())
    for expected in (
        "Final figures", "Armenia · killed 105", "Azerbaijan · killed 50", "both sides · killed 155",
        "≥49 → 105", "aggregate ✓", "initiator (blame)", "disputed", "Where the sources disagree",
        "5 articles from 3 independent origins", "Sources", "How to read the badges",
    ):
        assert expected in text, expected
    assert page.count('class="card ') == 6
    assert "<mark>more than 6,600</mark>" in page  # the 2020 war's discrepancy, its number highlighted


def test_markdown_has_the_same_content_and_the_chart_beside_it(seeds_brief, tmp_path):
    written = write_brief(seeds_brief, tmp_path / "brief.md", Format.md)
    [chart] = written.charts
    assert chart.parent == tmp_path and chart.name.startswith("brief-e") and chart.suffix == ".svg"
    root = ET.parse(chart).getroot()
    assert root.get("class") == "chart" and root.get("width")
    text = written.path.read_text(encoding="utf-8")
    assert f"]({chart.name})" in text
    html = MarkdownIt("commonmark").enable("table").render(text)
    tables = parsed(html)
    assert [t for t, _ in tables.tags].count("table") == 4  # final figures, the episode's and 2020's figures, sources
    shown = " ".join(" ".join(tables.text).split())
    for expected in ("Armenia · killed", "105", "≥49 → 105", "initiator (blame)", "aggregate ✓", "How to read the badges"):
        assert expected in shown, expected
