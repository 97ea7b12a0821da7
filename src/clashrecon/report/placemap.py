"""Places as points on an inline SVG, in plain code: no tiles, no server, nothing fetched.

An equirectangular projection scaled by the cosine of the middle latitude (so a degree east
is as long as it is on the ground there) suits the few dozen kilometres to few hundred an
episode of fighting spans; a graticule with degree labels gives the reader scale and bearing.
"""

from __future__ import annotations

import math

from clashrecon.lexicon import load_data
from clashrecon.report.chart import FONT
from clashrecon.report.records import MapPoint
from clashrecon.report.text import esc


def _step(span: float) -> float:
    """A round graticule step giving two to five lines over `span` degrees."""
    for step in (0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 15, 30):
        if span / step <= 5:
            return step
    return 45


def _degrees(value: float, positive: str, negative: str) -> str:
    text = f"{abs(value):.2f}".rstrip("0").rstrip(".")
    return f"{text}°{positive if value >= 0 else negative}"


def map_svg(points: tuple[MapPoint, ...] | list[MapPoint], *, title: str, ident: str) -> str:
    """The points on one `<svg>` element, each a dot with its label and a hover title."""
    if not points:
        raise ValueError("a map needs at least one point")
    cfg = load_data("report.json")["map"]
    width, height, pad = cfg["width"], cfg["height"], 28
    margin = cfg["margin_degrees"]
    lats = [p.latitude for p in points]
    lons = [p.longitude for p in points]
    south, north = min(lats) - margin, max(lats) + margin
    west, east = min(lons) - margin, max(lons) + margin
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x, span_y = (east - west) * squeeze, north - south
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    # centre the drawing in the box
    off_x = (width - span_x * scale) / 2
    off_y = (height - span_y * scale) / 2

    def xy(lat: float, lon: float) -> tuple[float, float]:
        return off_x + (lon - west) * squeeze * scale, off_y + (north - lat) * scale

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-labelledby="{esc(ident)}" {FONT}>',
        f'<title id="{esc(ident)}">{esc(title)}</title>',
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#f6f8fa" stroke="#ccc"/>',
    ]
    step = _step(max(east - west, north - south))
    lon = math.ceil(west / step) * step
    while lon <= east:
        x, _ = xy(north, lon)
        parts.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="#dde" stroke-width="1"/>')
        parts.append(f'<text x="{x + 3:.1f}" y="{height - 5}" font-size="10" fill="#667">{_degrees(lon, "E", "W")}</text>')
        lon += step
    lat = math.ceil(south / step) * step
    while lat <= north:
        _, y = xy(lat, west)
        parts.append(f'<line x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="#dde" stroke-width="1"/>')
        parts.append(f'<text x="4" y="{y - 3:.1f}" font-size="10" fill="#667">{_degrees(lat, "N", "S")}</text>')
        lat += step
    for p in points:
        x, y = xy(p.latitude, p.longitude)
        where = f"{p.label} ({_degrees(p.latitude, 'N', 'S')}, {_degrees(p.longitude, 'E', 'W')})"
        anchor, dx = ("end", -8) if x > width * 0.7 else ("start", 8)
        parts.append(
            f'<circle class="place" cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#D55E00" stroke="#fff" stroke-width="1.5">'
            f"<title>{esc(where)}</title></circle>"
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="12" fill="#222" text-anchor="{anchor}">{esc(p.label)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
