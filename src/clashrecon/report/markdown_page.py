"""The brief as GitHub-flavoured Markdown: the same content as the page, in tables and lists, each
chart a standalone SVG file beside it (Markdown cannot inline one) linked as an image.

Article text is escaped for Markdown: `& < >` as entities (so no HTML forms) and the characters
that make emphasis, links, images, code, tables and maths backslash-escaped (so none forms);
line breaks become spaces, so no article text ever begins a line and starts a block.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import quote

from clashrecon import __version__
from clashrecon.models import Tally
from clashrecon.report.records import Badge, Brief, ConflictCard, EventBrief, Quoted
from clashrecon.report.text import clean, link_target
from clashrecon.report.wording import (
    EARLIER_NOTE,
    FINAL_NOTE,
    FOLDED_NOTE,
    brief_line,
    carried,
    chart_caption,
    counted,
    conflicts_text,
    day_words,
    glossary,
    listing,
    low_high,
    number,
    per,
    plural,
    sources_line,
)

# an address keeps its own reserved characters; spaces, angle brackets and the rest are percent-encoded
_URL_SAFE = ":/?#[]@!$&'*+,;=%~-._"
# brackets escaped, no link or image can form, so parentheses and '!' may stay as they are
_INLINE = re.compile(r"([\\`*_\[\]|~$])")


def md(value: object) -> str:
    """Text that reads as itself in GFM: one line, no HTML, no emphasis, link, code or table cell break."""
    text = " ".join(clean(value).split())
    return _INLINE.sub(r"\\\1", html.escape(text, quote=False))


def md_link(name: str, url: str | None) -> str:
    target = link_target(url)
    if target is None:
        return md(name)
    return f"[{md(name)}](<{quote(target, safe=_URL_SAFE)}>)"


def _row(*cells: str) -> str:
    return "| " + " | ".join(c or " " for c in cells) + " |"


def _table(head: tuple[str, ...], align: str, rows: list[str]) -> list[str]:
    spec = {"l": "---", "r": "--:"}
    return [_row(*head), _row(*(spec[a] for a in align)), *rows, ""]


def _badges(badges: tuple[Badge, ...]) -> str:
    return ", ".join(f"⚠ **{md(b.text)}**" if b.alarm else md(b.text) for b in badges)


def final_figures(tallies: tuple[Tally, ...]) -> list[str]:
    if not tallies:
        return []
    rounds = any(t.note for t in tallies)  # a column only when some figure adds up rounds
    rows = [
        _row(
            md(t.subject),
            f"**{number(t.best)}**",
            md(low_high(t.low, t.high)),
            number(t.conservative),
            f"{md(t.claimant or 'unattributed')} ({md(t.authority)})",
            md(day_words(t.reported)),
            *([md(t.note)] if rounds else []),
        )
        for t in tallies
    ]
    head = ("Side · kind", "Best", "Low–high", "Conservative", "Whose word", "Reported", *(["Rounds"] if rounds else []))
    return [
        "## Final figures",
        "",
        FINAL_NOTE,
        "",
        *_table(head, "lrrrlll"[: len(head)], rows),
    ]


def _quote(q: Quoted) -> list[str]:
    marked = f"**{md(q.marked)}**" if q.marked else ""
    where = ", ".join(md(x) for x in (q.outlet, day_words(q.published) if q.published else None) if x)
    return [f"> “{md(q.before)}{marked}{md(q.after)}”  ", f"> — {md_link(q.article, q.url)}{', ' + where if where else ''}", ""]


def card(c: ConflictCard, h: int = 4) -> list[str]:
    lines = [f"{'#' * h} ⚠ {md(c.kind.value)}: {md(c.subject)}", "", f"_{md(c.explanation)}_", ""]
    for p in c.positions:
        origins = f"{plural(len(p.origins), 'independent origin')}: {listing(p.origins, 5)}" if p.origins else "no origin known"
        claimants = per(listing(p.claimants, 5)) if p.claimants else "unattributed"
        lines += [f"- **{md(p.value)}** — {md(claimants)}; {md(origins)}; {md(plural(p.articles, 'article'))}", ""]
        for q in p.quotes:
            lines += ["  " + line if line else "" for line in _quote(q)]
    if c.more_positions:
        lines += [f"{md(plural(c.more_positions, 'more position'))}: `clashrecon show {c.id}` lists them.", ""]
    return lines


def event(e: EventBrief, chart_file: Callable[[EventBrief], str | None], h: int = 2) -> list[str]:
    """An event under an `h`-level heading, its parts one level down."""
    sub = "#" * (h + 1)
    lines = [f"{'#' * h} {md(e.when)}: {md(e.summary)}", ""]
    lines.append(f"- **When:** {md(e.when)}")
    if e.places:
        lines.append(f"- **Where:** {md(listing(e.places, 8))}")
    if e.actors:
        lines.append(f"- **Who:** {md(listing(e.actors, 8))}")
    lines.append(f"- **Sources:** {md(carried(e.articles, e.origins))}")
    if e.cards:
        lines.append(f"- **Conflicts:** ⚠ {md(conflicts_text(len(e.cards)))}")
    lines.append("")
    if e.sides:
        rows = [
            _row(
                f"**{md(side.party)}**" if i == 0 else "",
                md(r.kind.value + (f" {r.scope}" if r.scope else "")),
                md(r.value),
                f"**{number(r.best)}**",
                md(low_high(r.low, r.high)),
                number(r.conservative),
                md(carried(r.articles, r.origins)),
                md(listing(r.claimants, 4)) or "unattributed",
                _badges(r.badges) + (f"<br>{md(r.note)}" if r.note else ""),
            )
            for side in e.sides
            for i, r in enumerate(side.rows)
        ]
        head = ("Side", "Kind", "Reported", "Best", "Low–high", "Conservative", "Sources", "Claimants", "Relation")
        lines += [f"{sub} Figures per side", "", *_table(head, "lllrrrlll", rows)]
    if e.findings:
        lines += [f"{sub} Who says what", ""]
        lines += [f"- **{md(f.subject)}**: {md(f.value)} ({md(carried(f.articles, f.origins))}) — {_badges(f.badges)}" for f in e.findings]
        lines.append("")
    path = chart_file(e)
    if e.chart is not None and path is not None:
        title = f"Reported {e.chart.kind.value} per side over time"
        lines += [f"{sub} {md(title)}", "", f"![{md(title)}]({quote(path)})", "", md(chart_caption(e.chart.kind.value, e.chart.undated)), ""]
    if e.cards:
        lines += [f"{sub} Where the sources disagree", ""]
        for c in e.cards:
            lines += card(c, h + 2)
    if e.context:
        lines += [f"{sub} Reported for days outside the fighting", ""]
        lines += [f"- **{md(day_words(r.when.start))}**: {md(r.summary)}" for r in e.context]
        lines.append("")
    return lines


def document(brief: Brief, chart_file: Callable[[EventBrief], str | None]) -> str:
    """The brief as Markdown; `chart_file` names the SVG file of an event's chart (relative to the page)."""
    lines = [
        f"# Brief: {md(brief.title)}",
        "",
        md(brief_line(brief)),
        "",
        *final_figures(brief.figures),
    ]
    for e in brief.events:
        lines += event(e, chart_file)
    if brief.background or brief.folded:
        lines += ["## Earlier events mentioned as context", "", EARLIER_NOTE, ""]
        for e in brief.background:
            lines += event(e, chart_file, 3)
    if brief.folded:
        rows = [
            _row(md(e.when), md(e.summary), md(counted(e.articles, e.origins)),
                 f"⚠ {md(conflicts_text(len(e.cards)))}" if e.cards else "", f"`{e.id}`")
            for e in brief.folded
        ]
        lines += [f"### {md(plural(len(brief.folded), 'more earlier event'))}, less reported", "",
                  FOLDED_NOTE, "",
                  *_table(("When", "Summary", "Sources", "Conflicts", "ID"), "lllll", rows)]
    rows = [
        _row(
            md_link(s.article, s.url),
            md(s.title or ""),
            md(s.outlet or "unknown"),
            md(day_words(s.published)),
            md(s.origin or "") + (f" ({md(s.origin_reason)})" if s.origin_reason else ""),
            number(s.claims),
        )
        for s in brief.sources
    ]
    lines += [
        "## Sources",
        "",
        md(sources_line(brief)),
        "",
        *_table(("Article", "Title", "Outlet", "Date", "Origin", "Claims"), "lllllr", rows),
        "## How to read the badges",
        "",
        *[f"- **{md(k)}**: {md(v)}" for k, v in glossary().items()],
        "",
        f"Written by clashrecon {md(__version__)} from the store {md(brief.store)}; every figure's claims: `clashrecon show ID`.",
        "",
    ]
    return "\n".join(lines)
