"""Reported tolls per side over time as an inline SVG step chart, in plain code.

Each dot is a figure as reported on a day (filled when stated exactly, hollow for a floor or an
estimate), a day whose reports cannot all be true is a vertical range, and each side's
reconciled figure day by day is a step line: a toll holds until a report updates it. Every dot's
hover title names the figure, claimant, outlet and article. The SVG is complete by itself
(presentation attributes, no stylesheet), so it can be inlined in a page or saved beside a
Markdown brief.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date

from clashrecon.lexicon import load_data
from clashrecon.report.records import Chart, ChartSeries
from clashrecon.report.text import esc

FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif"'


def nice_ticks(top: float, count: int = 5) -> list[int]:
    """0 and round steps (1, 2 or 5 × 10^k) up to at least `top`: the y axis."""
    if top <= 0:
        return [0, 1]
    raw = top / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    step = max(1, int(step))
    return list(range(0, int(math.ceil(top / step)) * step + 1, step))


def labelled(days: list[date], x_of: Callable[[date], float], gap: float) -> list[date]:
    """The days whose labels fit: the first and the last always, between them each day at least
    `gap` (percent of the width) from the label before it and from the last."""
    chosen = [days[0]]
    for d in days[1:-1]:
        if x_of(d) - x_of(chosen[-1]) >= gap and x_of(days[-1]) - x_of(d) >= gap:
            chosen.append(d)
    return chosen + days[-1:] if len(days) > 1 else chosen


def _day_label(d: date) -> tuple[str, str]:
    return d.strftime("%a"), f"{d.day} {d.strftime('%b')}"


def colours(series: tuple[ChartSeries, ...]) -> list[str]:
    cfg = load_data("report.json")["chart"]
    palette = cfg["palette"]
    out, i = [], 0
    for s in series:
        if s.both:
            out.append(cfg["both_colour"])
        else:
            out.append(palette[i % len(palette)])
            i += 1
    return out


def _legend(series: tuple[ChartSeries, ...], colours_: list[str]) -> tuple[list[str], int]:
    """The legend in columns of equal share of the width (so it fits a phone as well as a page);
    fewer columns when a name is long. Returns its parts and how many rows it took."""
    longest = max(len(s.party) for s in series)
    columns = 3 if longest <= 14 else 2 if longest <= 30 else 1
    parts = []
    for i, (s, colour) in enumerate(zip(series, colours_)):
        x = f"{(i % columns) * 100 / columns:.2f}%"
        y = 12 + (i // columns) * 18
        # a rect's x may be a percentage while its width and a translate are pixels
        swatch = (
            f'<rect x="{x}" y="{y - 5.5}" width="8" height="3" fill="{colour}" transform="translate(4,0)"/>'
            f'<rect x="{x}" y="{y - 5.5}" width="8" height="3" fill="{colour}" transform="translate(16,0)"/>'
            if s.both
            else f'<rect x="{x}" y="{y - 5.5}" width="20" height="3" fill="{colour}" transform="translate(4,0)"/>'
        )
        parts.append(
            swatch
            + f'<circle cx="{x}" cy="{y - 4}" r="3.5" fill="{colour}" transform="translate(14,0)"/>'
            f'<text x="{x}" dx="30" y="{y}" font-size="12" fill="#222">{esc(s.party)}</text>'
        )
    return parts, math.ceil(len(series) / columns)


def _pct(v: float) -> str:
    return f"{v:.2f}%"


def chart_svg(chart: Chart, *, title: str, ident: str) -> str:
    """The chart as one `<svg>` element (with its xmlns, so it also stands alone as a file);
    `ident` names its title element, unique within the page.

    Across, everything is placed in percent of the width and nudged in pixels (`dx`, a group's
    translate); down, in pixels. So a page may set the chart's width to anything, a phone's or a
    printed page's, and its text stays at its size instead of shrinking with a scaled drawing.
    """
    cfg = load_data("report.json")["chart"]
    width, height, m = cfg["width"], cfg["height"], cfg["margin"]
    colour = colours(chart.series)
    legend, rows = _legend(chart.series, colour)
    top = m["top"] + rows * 18
    bottom = height - m["bottom"]
    left, right, inset = m["left_pct"], 100 - m["right_pct"], m["inset_pct"]
    days = sorted({r.day for s in chart.series for r in s.reports})
    first, last = days[0].toordinal(), days[-1].toordinal()

    def x_of(d: date) -> float:
        """Percent across: the first and last days sit inside the axes, clear of the y labels."""
        if first == last:
            return (left + right) / 2
        return left + inset + (d.toordinal() - first) / (last - first) * (right - left - 2 * inset)

    peak = max([r.figure for s in chart.series for r in s.reports] + [st.high for s in chart.series for st in s.steps])
    ticks = nice_ticks(peak * 1.05)

    def y_of(v: float) -> float:
        return bottom - v / ticks[-1] * (bottom - top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="{width}" height="{height}" '
        f'role="img" aria-labelledby="{esc(ident)}" overflow="visible" {FONT}>',
        f'<title id="{esc(ident)}">{esc(title)}</title>',
        f"<desc>{esc(describe(chart))}</desc>",
        '<rect x="0" y="0" width="100%" height="100%" fill="#fff"/>',
        *legend,
    ]
    for v in ticks:
        y = y_of(v)
        parts.append(f'<line x1="{_pct(left)}" y1="{y:.1f}" x2="{_pct(right)}" y2="{y:.1f}" stroke="#ddd" stroke-width="1"/>')
        parts.append(f'<text x="{_pct(left)}" dx="-6" y="{y + 4:.1f}" font-size="11" fill="#555" text-anchor="end">{v:,}</text>')
    parts.append(f'<line x1="{_pct(left)}" y1="{bottom}" x2="{_pct(right)}" y2="{bottom}" stroke="#888" stroke-width="1"/>')
    shown = labelled(days, x_of, cfg["tick_gap_pct"])
    for k, d in enumerate(shown):
        x = _pct(x_of(d))
        weekday, day = _day_label(d)
        # a phone's narrow page hides every other label between the first and the last (class "minor")
        minor = ' class="minor"' if 0 < k < len(shown) - 1 and k % 2 else ""
        parts.append(
            f"<g{minor}>"
            f'<line x1="{x}" y1="{bottom}" x2="{x}" y2="{bottom + 4}" stroke="#888"/>'
            f'<text y="{bottom + 16}" font-size="11" fill="#333" text-anchor="middle">'
            f'<tspan x="{x}">{weekday}</tspan><tspan x="{x}" dy="13">{day}</tspan></text></g>'
        )
    years = str(days[0].year) if days[0].year == days[-1].year else f"{days[0].year}–{days[-1].year}"
    parts.append(
        f'<text x="{_pct((left + right) / 2)}" y="{height - 4}" font-size="11" fill="#555" text-anchor="middle">'
        f"report date, {years}</text>"
    )
    n = len(chart.series)
    ends: list[tuple[float, float, float, str, str]] = []
    for i, (s, c) in enumerate(zip(chart.series, colour)):
        # each side's marks shifted a few pixels, so two sides' dots on one day never hide each other
        shift = (i - (n - 1) / 2) * cfg["series_gap"]
        parts.append(f'<g transform="translate({shift:.1f},0)">')
        dash = ' stroke-dasharray="7 4"' if s.both else ""  # a total, told apart from the sides it adds up
        # earlier sides' lines are drawn wider, so a later one on the same figure leaves them visible
        stroke = 2.5 if s.both else 2.5 + min(2.0, n - 1 - i)
        line = f'stroke="{c}" stroke-width="{stroke}" stroke-linecap="round"{dash}'
        for a, b in zip(s.steps, s.steps[1:]):
            xa, xb, ya, yb = _pct(x_of(a.day)), _pct(x_of(b.day)), y_of(a.best), y_of(b.best)
            parts.append(f'<line x1="{xa}" y1="{ya:.1f}" x2="{xb}" y2="{ya:.1f}" {line}/>')
            if yb != ya:
                parts.append(f'<line x1="{xb}" y1="{ya:.1f}" x2="{xb}" y2="{yb:.1f}" {line}/>')
        if s.steps:
            final = s.steps[-1]
            ends.append((x_of(final.day), shift, y_of(final.best), f"{final.best:,}", c))
        for st in s.steps:
            if st.disagree:
                x = _pct(x_of(st.day))
                parts.append(
                    f'<line class="range" x1="{x}" y1="{y_of(st.low):.1f}" x2="{x}" y2="{y_of(st.high):.1f}" '
                    f'stroke="{c}" stroke-width="7" stroke-opacity="0.3" stroke-linecap="round">'
                    f"<title>{esc(s.party)}: reports of {esc(_day_label(st.day)[1])} disagree, "
                    f"{st.low:,} to {st.high:,}</title></line>"
                )
        # floors and estimates first, so an exact figure on the same spot is drawn over them
        for r in sorted(s.reports, key=lambda r: (r.exact, r.day, r.figure)):
            radius = 4 + min(3.0, math.log2(len(r.reports)))
            fill = c if r.exact else "#fff"
            shown = list(r.reports[: cfg["max_titles"]])
            if len(r.reports) > len(shown):
                shown.append(f"and {len(r.reports) - len(shown)} more")
            many = f"{len(r.reports)} report{'s' if len(r.reports) > 1 else ''}"
            head = f"{s.party} · {chart.kind.value}: {r.shown}, {_day_label(r.day)[1]} ({many})"
            parts.append(
                f'<circle class="dot" cx="{_pct(x_of(r.day))}" cy="{y_of(r.figure):.1f}" r="{radius:.1f}" fill="{fill}" '
                f'stroke="{c}" stroke-width="2"><title>{esc(head)}&#10;{"&#10;".join(esc(w) for w in shown)}</title></circle>'
            )
        parts.append("</g>")
    parts.extend(_end_labels(ends, top))
    parts.append("</svg>")
    return "".join(parts)


def _end_labels(ends: list[tuple[float, float, float, str, str]], top: float) -> list[str]:
    """Each side's latest figure right of the last day's dots (of every side, so no line crosses it),
    pushed down so no two overlap."""
    out, previous = [], top - 13.0
    clear = max((shift for _, shift, _, _, _ in ends), default=0.0)
    for x, _, y, text, colour in sorted(ends, key=lambda e: e[2]):
        y = max(y + 4, previous + 13)
        previous = y
        out.append(
            f'<text x="{_pct(x)}" dx="{clear + 14:.1f}" y="{y:.1f}" font-size="12" font-weight="bold" '
            f'fill="{colour}">{esc(text)}</text>'
        )
    return out


def describe(chart: Chart) -> str:
    """The chart in words, for a reader who cannot see it: each side's figure day by day."""
    sides = []
    for s in chart.series:
        steps = ", ".join(f"{st.best:,} on {_day_label(st.day)[1]}" + (" (reports disagree)" if st.disagree else "") for st in s.steps)
        sides.append(f"{s.party}: {steps}")
    return f"Reported {chart.kind.value} per side by report date. " + "; ".join(sides)
