"""The map of places: hand-made points on an SVG, north up and east right, nothing fetched."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from clashrecon.report.placemap import map_svg
from clashrecon.report.records import MapPoint

SVG = "{http://www.w3.org/2000/svg}"
POINTS = [
    MapPoint(label="Jermuk", latitude=39.84, longitude=45.67),
    MapPoint(label="Kalbajar", latitude=40.10, longitude=46.04),
    MapPoint(label="Goris", latitude=39.51, longitude=46.34),
]


def dots(svg: str) -> dict[str, tuple[float, float]]:
    root = ET.fromstring(svg)
    return {
        c.find(f"{SVG}title").text.split(" (")[0]: (float(c.get("cx")), float(c.get("cy")))
        for c in root.findall(f".//{SVG}circle[@class='place']")
    }


def test_each_place_is_a_labelled_dot_inside_the_box():
    svg = map_svg(POINTS, title="Where it happened", ident="map-e1")
    root = ET.fromstring(svg)
    width, height = float(root.get("width")), float(root.get("height"))
    placed = dots(svg)
    assert set(placed) == {"Jermuk", "Kalbajar", "Goris"}
    assert all(0 < x < width and 0 < y < height for x, y in placed.values())
    assert {"Jermuk", "Kalbajar", "Goris"} <= {t.text for t in root.findall(f"{SVG}text")}
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")  # no tiles, no fetched images


def test_north_is_up_and_east_is_right():
    placed = dots(map_svg(POINTS, title="m", ident="m"))
    assert placed["Kalbajar"][1] < placed["Jermuk"][1] < placed["Goris"][1]  # north to south
    assert placed["Jermuk"][0] < placed["Kalbajar"][0] < placed["Goris"][0]  # west to east


def test_the_graticule_gives_degrees():
    labels = {t.text for t in ET.fromstring(map_svg(POINTS, title="m", ident="m")).findall(f"{SVG}text")}
    assert any(label.endswith("°N") for label in labels) and any(label.endswith("°E") for label in labels)


def test_one_point_sits_in_the_middle():
    svg = map_svg(POINTS[:1], title="m", ident="m")
    root = ET.fromstring(svg)
    [(x, y)] = dots(svg).values()
    assert abs(x - float(root.get("width")) / 2) < 1 and abs(y - float(root.get("height")) / 2) < 1


def test_a_map_needs_a_point():
    with pytest.raises(ValueError):
        map_svg([], title="m", ident="m")
