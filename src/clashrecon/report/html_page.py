"""The brief as one self-contained HTML page: inline CSS and inline SVG, no script, nothing fetched.

A Content-Security-Policy of `default-src 'none'` says so to the browser as well: even text that
escaped escaping could load or run nothing. Every string from an article goes through `esc`;
article addresses are linked only when they are http or https (`link_target`).
"""

from __future__ import annotations

import re

from clashrecon import __version__
from clashrecon.models import BOTH, Relation, Tally
from clashrecon.report.chart import chart_svg
from clashrecon.report.placemap import map_svg
from clashrecon.report.records import (
    Badge,
    Brief,
    CardPosition,
    ConflictCard,
    EventBrief,
    FigureRow,
    Quoted,
    SideFigures,
    SourceRow,
)
from clashrecon.report.text import esc, link_target
from clashrecon.report.wording import (
    EARLIER_NOTE,
    FINAL_NOTE,
    FOLDED_NOTE,
    brief_line,
    carried,
    chart_caption,
    conflicts_text,
    counted,
    day_words,
    glossary,
    listing,
    low_high,
    number,
    per,
    plural,
    sources_line,
    voices,
)

CSS = """
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa;
  --bad: #a40e26; --bad-bg: #ffebe9; --ok: #116329; --ok-bg: #dafbe1; --info: #0a3069; --info-bg: #ddf4ff; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.25rem 1.25rem 3rem; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: .2rem 0 .4rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 2.2rem 0 .5rem; padding-top: .6rem; border-top: 3px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.card h4, .card h5 { font-size: 1rem; margin: 0 0 .3rem; }
section.background h3 { font-size: 1.1rem; margin: 1.6rem 0 .4rem; padding-top: .5rem; border-top: 1px solid var(--line); }
p { margin: .4rem 0; }
a { color: #0550ae; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .78rem; color: var(--muted); margin: 0; }
.meta, .muted, figcaption, .note { color: var(--muted); }
.when { display: block; font-size: .95rem; font-weight: 600; color: var(--muted); }
dl.about { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.about dt { font-weight: 600; }
dl.about dd { margin: 0; }
nav ol { margin: .3rem 0; padding-left: 1.3rem; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .93rem; }
caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .3rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); border-bottom: 2px solid var(--line); }
tbody th { font-weight: 600; }
tbody th[scope="rowgroup"] { background: var(--soft); }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.day, td.count { white-space: nowrap; }
td.big { font-weight: 700; font-size: 1.05rem; }
.badge { display: inline-block; margin: 0 .25rem .15rem 0; padding: 0 .5em; border-radius: 1em; font-size: .78rem;
  line-height: 1.5; white-space: nowrap; border: 1px solid currentColor; }
.badge.conflict { color: var(--bad); background: var(--bad-bg); font-weight: 600; }
.badge.fine { color: var(--ok); background: var(--ok-bg); }
.badge.plain { color: var(--info); background: var(--info-bg); }
.flag { color: var(--bad); font-weight: 600; }
ul.findings { padding-left: 1.2rem; }
figure { margin: 1rem 0; }
figure svg { display: block; max-width: 100%; }
figure.chart svg { width: 100%; max-width: 48rem; }  /* laid out in percent across: its text keeps its size */
figure.map svg { width: 100%; height: auto; max-width: 30rem; }
.card { border: 1px solid var(--line); border-left: 5px solid var(--bad); border-radius: 6px;
  padding: .8rem 1rem; margin: 1rem 0; background: #fff; }
.card .explanation { color: var(--muted); font-size: .93rem; }
.positions { display: grid; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); gap: .8rem; margin-top: .6rem; }
.position { background: var(--soft); border-radius: 5px; padding: .6rem .75rem; }
.position .value { font-size: 1.15rem; font-weight: 700; margin: 0; }
blockquote { margin: .5rem 0 0; padding: 0 0 0 .7rem; border-left: 3px solid var(--line); font-size: .93rem; }
blockquote p { margin: 0; }
blockquote footer { color: var(--muted); font-size: .83rem; }
mark { background: #fff1a8; padding: 0 .12em; border-radius: 2px; }
.sources td:first-child { font-size: .85rem; overflow-wrap: anywhere; min-width: 9rem; }
footer.page { margin-top: 3rem; border-top: 1px solid var(--line); padding-top: .8rem; font-size: .88rem; color: var(--muted); }
footer.page dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; }
footer.page dd { margin: 0; }
@media (max-width: 40rem) {
  main { padding: .8rem .8rem 2rem; }
  h1 { font-size: 1.3rem; }
  h2 { font-size: 1.15rem; }
  dl.about { grid-template-columns: 1fr; }
  dl.about dd { margin-bottom: .3rem; }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: 100%; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: .35rem 0; }
  table.stack tbody th { border: 0; padding: .6rem 0 .1rem; font-size: 1rem; }
  table.stack td { border: 0; padding: .05rem 0; text-align: left; white-space: normal; }
  table.stack td.num { display: inline-block; width: auto; margin-right: 1.1rem; }
  table.stack td:empty { display: none; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
  table.stack td.big { font-size: 1.1rem; }
  .positions { grid-template-columns: 1fr; }
  svg.chart .minor { display: none; }
}
@media print {
  @page { margin: 14mm 12mm; }
  html, body { font-size: 10pt; }  /* rem sizes (badges, notes) scale with it */
  main { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-before: auto; }
  h2, h3, h4, caption { break-after: avoid; }
  .wrap { overflow: visible; }
  /* a page is narrower than a screen: tables shrink and wrap rather than run off its edge */
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  thead th { font-size: 7pt; letter-spacing: 0; }
  td.num, td.day, td.count { white-space: normal; }
  td.big { font-size: 9.5pt; }
  h1 { font-size: 16pt; } h2 { font-size: 13pt; } h3 { font-size: 11pt; }
  .card, figure, tr, .position, blockquote, dl.about { break-inside: avoid; }
  .card { border-left-width: 3px; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: .8em; word-break: break-all; color: var(--muted); }
  .badge, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

_FINE = (Relation.updated, Relation.aggregate, Relation.subtotal)  # relations that explain, green


def badge(b: Badge) -> str:
    style = "conflict" if b.alarm else "fine" if b.relation in _FINE else "plain"
    title = f' title="{esc(b.explanation)}"' if b.explanation else ""
    return f'<span class="badge {style}"{title}>{esc(b.text)}</span>'


def _code(text: str) -> str:
    """Escaped text with its `backticked` commands as <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", text)


def article_link(name: str, url: str | None) -> str:
    """The article's name, linked to its address when that is safe to link."""
    target = link_target(url)
    if target is None:
        return esc(name)
    return f'<a href="{esc(target)}" rel="noopener noreferrer nofollow">{esc(name)}</a>'


def _td(text: str, label: str, cls: str = "") -> str:
    """A cell; `text` is already HTML. `label` names the column on a phone, where rows stack."""
    klass = f' class="{cls}"' if cls else ""
    return f'<td{klass} data-label="{esc(label)}">{text}</td>'


# ------------------------------------------------------------------------- final figures


def final_figures(tallies: tuple[Tally, ...]) -> str:
    if not tallies:
        return ""
    rounds = any(t.note for t in tallies)  # a column only when some figure adds up rounds
    stories: dict[str, list[str]] = {}
    for t in tallies:
        stories.setdefault(t.story, []).append(
            "<tr>"
            f'<th scope="row">{esc(t.subject)}</th>'
            + _td(number(t.best), "Best", "num big")
            + _td(esc(low_high(t.low, t.high)), "Low–high", "num")
            + _td(number(t.conservative), "Conservative", "num")
            + _td(f"{esc(t.claimant or 'unattributed')} <span class=\"muted\">({esc(t.authority)})</span>", "Whose word")
            + _td(esc(day_words(t.reported)), "Reported", "day")
            + (_td(esc(t.note), "Rounds") if rounds else "")
            + "</tr>"
        )
    columns = ("Side · kind", "Best", "Low–high", "Conservative", "Whose word", "Reported", *(["Rounds"] if rounds else []))
    head = "".join(f"<th>{h}</th>" for h in columns)
    groups = []
    for story, rows in stories.items():
        # one story, one clash: its sides head its rows when the brief holds more than one
        sides = listing(list(dict.fromkeys(t.party for t in tallies if t.story == story and t.party != BOTH)))
        label = f'<tr><th scope="rowgroup" colspan="{len(columns)}">{esc(sides or "both sides")}</th></tr>'
        groups.append(f"<tbody>{label if len(stories) > 1 else ''}{''.join(rows)}</tbody>")
    return (
        '<section id="final-figures"><h2>Final figures</h2>'
        f'<p class="note">{esc(FINAL_NOTE)}</p>'
        f'<div class="wrap"><table class="stack"><thead><tr>{head}</tr></thead>'
        + "".join(groups)
        + "</table></div></section>"
    )


# ------------------------------------------------------------------------- an event


def _about(e: EventBrief) -> str:
    rows = [("When", esc(e.when))]
    if e.places:
        rows.append(("Where", esc(listing(e.places, 8))))
    if e.actors:
        rows.append(("Who", esc(listing(e.actors, 8))))
    rows.append(("Sources", esc(carried(e.articles, e.origins))))
    if e.cards:
        rows.append(("Conflicts", f'<span class="flag">⚠ {esc(conflicts_text(len(e.cards)))}</span>'))
    return '<dl class="about">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows) + "</dl>"


def _figure_row(r: FigureRow) -> str:
    kind = esc(r.kind.value) + (f" <span class=\"muted\">{esc(r.scope)}</span>" if r.scope else "")
    note = f'<div class="note">{esc(r.note)}</div>' if r.note else ""
    return (
        "<tr>"
        + _td(kind, "Kind")
        + _td(esc(r.value), "Reported")
        + _td(number(r.best), "Best", "num big")
        + _td(esc(low_high(r.low, r.high)), "Low–high", "num")
        + _td(number(r.conservative), "Conservative", "num")
        + _td(esc(counted(r.articles, r.origins)), "Sources", "count")
        + _td(esc(voices(r.claimants)) or "unattributed", "Claimants")
        + _td("".join(badge(b) for b in r.badges) + note, "Relation")
        + "</tr>"
    )


def _side(side: SideFigures) -> str:
    head = f'<tr><th scope="rowgroup" colspan="8">{esc(side.party)}</th></tr>'
    return "<tbody>" + head + "".join(_figure_row(r) for r in side.rows) + "</tbody>"


def _figures(e: EventBrief, h: int) -> str:
    if not e.sides:
        return ""
    return (
        f"<h{h}>Figures per side</h{h}>"
        '<div class="wrap"><table class="stack figures"><thead><tr><th>Kind</th><th>Reported</th><th>Best</th>'
        "<th>Low–high</th><th>Conservative</th><th>Sources</th><th>Claimants</th><th>Relation</th></tr></thead>"
        + "".join(_side(side) for side in e.sides)
        + "</table></div>"
    )


def _findings(e: EventBrief, h: int) -> str:
    if not e.findings:
        return ""
    items = "".join(
        f"<li><strong>{esc(f.subject)}</strong>: {esc(f.value)} "
        f'<span class="muted">({esc(carried(f.articles, f.origins))})</span> '
        + "".join(badge(b) for b in f.badges)
        + "</li>"
        for f in e.findings
    )
    return f'<h{h}>Who says what</h{h}><ul class="findings">{items}</ul>'


def _chart(e: EventBrief, h: int) -> str:
    if e.chart is None:
        return ""
    title = f"Reported {e.chart.kind.value} per side over time"
    return (
        f'<h{h}>{esc(title)}</h{h}><figure class="chart">'
        + chart_svg(e.chart, title=title, ident=f"chart-{e.id}")
        + f"<figcaption>{esc(chart_caption(e.chart.kind.value, e.chart.undated))} "
        "Hover over a dot to see who reported it.</figcaption></figure>"
    )


def _map(e: EventBrief, h: int) -> str:
    if not e.points:
        return ""
    title = "Where it happened"
    return (
        f'<h{h}>{title}</h{h}><figure class="map">'
        + map_svg(e.points, title=title, ident=f"map-{e.id}")
        + "<figcaption>Places named where something happened, at their coordinates; no map tiles are used.</figcaption></figure>"
    )


def quote(q: Quoted) -> str:
    where = ", ".join(esc(x) for x in (q.outlet, day_words(q.published) if q.published else None) if x)
    marked = f"<mark>{esc(q.marked)}</mark>" if q.marked else ""
    return (
        f"<blockquote><p>“{esc(q.before)}{marked}{esc(q.after)}”</p>"
        f"<footer>— {article_link(q.article, q.url)}{', ' + where if where else ''}</footer></blockquote>"
    )


def _position(p: CardPosition) -> str:
    origins = f"{plural(len(p.origins), 'independent origin')}: {listing(p.origins, 5)}" if p.origins else "no origin known"
    return (
        '<div class="position">'
        f'<p class="value">{esc(p.value)}</p>'
        f"<p>{esc(per(voices(p.claimants, 5)) if p.claimants else 'unattributed')}</p>"
        f'<p class="muted">{esc(origins)}; {esc(plural(p.articles, "article"))}</p>'
        + "".join(quote(q) for q in p.quotes)
        + "</div>"
    )


def card(c: ConflictCard, h: int = 4) -> str:
    more = ""
    if c.more_positions:
        more = (
            f'<p class="muted">{esc(plural(c.more_positions, "more position"))}: '
            f"<code>clashrecon show {esc(c.id)}</code> lists them.</p>"
        )
    return (
        f'<article class="card {esc(c.kind.value)}" id="{esc(c.id)}">'
        f'<p class="kicker">{esc(c.kind.value)} · {esc(c.field.value)}</p>'
        f"<h{h}>{esc(c.subject)}</h{h}>"
        f'<p class="explanation">{esc(c.explanation)}</p>'
        '<div class="positions">' + "".join(_position(p) for p in c.positions) + "</div>" + more + "</article>"
    )


def _cards(e: EventBrief, h: int) -> str:
    if not e.cards:
        return ""
    return f"<h{h}>Where the sources disagree</h{h}>" + "".join(card(c, h + 1) for c in e.cards)


def _context(e: EventBrief, h: int) -> str:
    if not e.context:
        return ""
    items = "".join(f"<li><strong>{esc(day_words(r.when.start))}</strong>: {esc(r.summary)}</li>" for r in e.context)
    return f"<h{h}>Reported for days outside the fighting</h{h}><ul>{items}</ul>"


def event_section(e: EventBrief, h: int = 2) -> str:
    """An event under an `h`-level heading, its parts one level down."""
    kind = "background" if e.background else "event"
    return (
        f'<section class="{kind}" id="{esc(e.id)}">'
        f'<h{h}><span class="when">{esc(e.when)}</span>{esc(e.summary)}</h{h}>'
        + _about(e)
        + _figures(e, h + 1)
        + _findings(e, h + 1)
        + _chart(e, h + 1)
        + _map(e, h + 1)
        + _cards(e, h + 1)
        + _context(e, h + 1)
        + "</section>"
    )


# ------------------------------------------------------------------------- sources, page


def _source_row(s: SourceRow) -> str:
    origin = esc(s.origin or "") + (f' <span class="muted">({esc(s.origin_reason)})</span>' if s.origin_reason else "")
    return (
        "<tr>"
        + _td(article_link(s.article, s.url), "Article")
        + _td(esc(s.title or ""), "Title")
        + _td(esc(s.outlet or "unknown"), "Outlet")
        + _td(esc(day_words(s.published)), "Date")
        + _td(origin, "Origin")
        + _td(number(s.claims), "Claims", "num")
        + "</tr>"
    )


def sources(brief: Brief) -> str:
    return (
        '<section id="sources"><h2>Sources</h2>'
        f'<p class="note">{esc(sources_line(brief))}</p>'
        '<div class="wrap"><table class="stack sources"><thead><tr><th>Article</th><th>Title</th><th>Outlet</th>'
        "<th>Date</th><th>Origin</th><th>Claims</th></tr></thead><tbody>"
        + "".join(_source_row(s) for s in brief.sources)
        + "</tbody></table></div></section>"
    )


def _contents(brief: Brief) -> str:
    """The episodes, then one entry for the earlier events; none for a brief of one event."""
    earlier = len(brief.background) + len(brief.folded)
    if len(brief.events) + earlier < 2:
        return ""
    items = "".join(f'<li><a href="#{esc(e.id)}">{esc(e.when)}: {esc(e.summary)}</a></li>' for e in brief.events)
    if earlier:
        items += f'<li><a href="#earlier">Earlier events mentioned as context ({earlier:,})</a></li>'
    return f'<nav aria-label="Contents"><ol>{items}</ol></nav>'


def _folded(brief: Brief) -> str:
    """Earlier events past the few shown in full: one row each."""
    if not brief.folded:
        return ""
    flagged = any(e.cards for e in brief.folded)  # a column only when some of them hold a conflict
    rows = "".join(
        "<tr>"
        + _td(esc(e.when), "When", "day")
        + _td(esc(e.summary), "Summary")
        + _td(esc(counted(e.articles, e.origins)), "Sources", "count")
        + (_td(f'<span class="flag">⚠ {esc(conflicts_text(len(e.cards)))}</span>' if e.cards else "", "Conflicts") if flagged else "")
        + _td(f"<code>{esc(e.id)}</code>", "ID", "count")
        + "</tr>"
        for e in brief.folded
    )
    conflicts = "<th>Conflicts</th>" if flagged else ""
    return (
        f"<h3>{esc(plural(len(brief.folded), 'more earlier event'))}, less reported</h3>"
        f'<p class="note">{_code(esc(FOLDED_NOTE))}</p>'
        '<div class="wrap"><table class="stack"><thead><tr><th>When</th><th>Summary</th><th>Sources</th>'
        f"{conflicts}<th>ID</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def page(brief: Brief) -> str:
    """The whole brief as one HTML document."""
    meta = brief_line(brief)
    background = ""
    if brief.background or brief.folded:
        background = (
            '<section id="earlier"><h2>Earlier events mentioned as context</h2>'
            f'<p class="note">{esc(EARLIER_NOTE)}</p>'
            + "".join(event_section(e, 3) for e in brief.background)
            + _folded(brief)
            + "</section>"
        )
    terms = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in glossary().items())
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'\">"
        '<meta name="referrer" content="no-referrer">'
        '<meta http-equiv="x-dns-prefetch-control" content="off">'
        f'<meta name="generator" content="clashrecon {esc(__version__)}">'
        f"<title>{esc('Brief: ' + brief.title)}</title>"
        f"<style>{CSS}</style></head><body><main>"
        f'<header><p class="kicker">Brief</p><h1>{esc(brief.title)}</h1><p class="meta">{esc(meta)}</p></header>'
        + _contents(brief)
        + final_figures(brief.figures)
        + "".join(event_section(e) for e in brief.events)
        + background
        + sources(brief)
        + f'<footer class="page"><p>How to read the badges:</p><dl>{terms}</dl>'
        f"<p>Written by clashrecon {esc(__version__)} from the store {esc(brief.store)}; "
        "every figure's claims: <code>clashrecon show ID</code>.</p></footer>"
        "</main></body></html>\n"
    )
