"""The step chart as SVG: a dot per report, a range per day that disagrees, a step line per side."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest

from clashrecon.models import CasualtyKind
from clashrecon.report.chart import chart_svg, colours, labelled, nice_ticks
from clashrecon.report.records import Chart, ChartReport, ChartSeries, ChartStep

SVG = "{http://www.w3.org/2000/svg}"
TUE, WED = date(2022, 9, 13), date(2022, 9, 14)


def series(party: str, steps: list[tuple[date, int, int, int, bool]], *, both: bool = False) -> ChartSeries:
    reports = []
    for day, best, low, high, _ in steps:
        for figure in sorted({low, high}):
            reports.append(ChartReport(day=day, figure=figure, shown=str(figure), exact=True,
                                       reports=(f"{figure} per {party} — AP, a.txt", f"{figure} per {party} — Reuters, b.txt")))
    return ChartSeries(
        party=party, both=both, reports=tuple(reports),
        steps=tuple(ChartStep(day=d, best=b, low=lo, high=hi, disagree=x) for d, b, lo, hi, x in steps),
    )


@pytest.fixture
def drawn() -> ET.Element:
    chart = Chart(kind=CasualtyKind.killed, series=(
        series("Armenia", [(TUE, 49, 49, 49, False), (WED, 105, 105, 105, False)]),
        series("Azerbaijan", [(TUE, 50, 23, 58, True)]),
        series("both sides", [(TUE, 99, 99, 99, False), (WED, 155, 155, 155, False)], both=True),
    ))
    return ET.fromstring(chart_svg(chart, title="Reported killed", ident="chart-e1"))


def test_the_chart_is_one_standalone_svg_titled_for_screen_readers(drawn):
    assert drawn.tag == f"{SVG}svg" and drawn.get("class") == "chart" and drawn.get("aria-labelledby") == "chart-e1"
    assert drawn.find(f"{SVG}title").text == "Reported killed"
    desc = drawn.find(f"{SVG}desc").text
    assert "Armenia: 49 on 13 Sep, 105 on 14 Sep" in desc and "50 on 13 Sep (reports disagree)" in desc


def test_each_report_is_a_dot_whose_title_names_who_reported_it(drawn):
    dots = drawn.findall(f".//{SVG}circle[@class='dot']")
    assert len(dots) == 2 + 2 + 2  # Armenia's two days, Azerbaijan's 23 and 58, both sides' two days
    titles = [d.find(f"{SVG}title").text for d in dots]
    assert "Azerbaijan · killed: 58, 13 Sep (2 reports)\n58 per Azerbaijan — AP, a.txt\n58 per Azerbaijan — Reuters, b.txt" in titles
    assert all("per " in t and ("AP" in t or "Reuters" in t) for t in titles)


def test_a_day_whose_reports_disagree_is_a_vertical_range(drawn):
    [bar] = drawn.findall(f".//{SVG}line[@class='range']")
    assert bar.get("x1") == bar.get("x2") and float(bar.get("y1")) > float(bar.get("y2"))
    assert "reports of 13 Sep disagree, 23 to 58" in bar.find(f"{SVG}title").text


def test_updates_are_joined_by_steps_and_the_total_is_dashed(drawn):
    lines = [g.findall(f"{SVG}line") for g in drawn.findall(f"{SVG}g") if g.get("transform")]
    armenia, azerbaijan, both = lines
    assert len(armenia) == 2  # along at 49, then up to 105
    assert armenia[0].get("y1") == armenia[0].get("y2") and armenia[1].get("x1") == armenia[1].get("x2")
    assert not [line for line in azerbaijan if line.get("class") != "range"]  # one day: no step
    assert all(line.get("stroke-dasharray") for line in both)


def test_the_latest_figures_label_the_line_ends(drawn):
    texts = ["".join(t.itertext()) for t in drawn.findall(f"{SVG}text")]
    assert {"105", "50", "155"} <= set(texts)
    assert "report date, 2022" in texts


@pytest.mark.parametrize(
    "top, ticks",
    [(0, [0, 1]), (7, [0, 2, 4, 6, 8]), (105 * 1.05, [0, 50, 100, 150]), (6_701, [0, 2_000, 4_000, 6_000, 8_000]), (3, [0, 1, 2, 3])],
)
def test_the_y_axis_steps_are_round(top, ticks):
    assert nice_ticks(top) == ticks


def test_only_labels_that_fit_are_printed_first_and_last_always():
    days = [date(2025, 5, d) for d in (7, 8, 10, 11, 12, 13, 29)]
    first = days[0].toordinal()

    def x_of(d: date) -> float:
        return (d.toordinal() - first) / 22 * 100

    assert labelled(days, x_of, 12) == [date(2025, 5, 7), date(2025, 5, 10), date(2025, 5, 13), date(2025, 5, 29)]
    assert labelled(days[:1], x_of, 12) == days[:1]
    assert labelled(days, x_of, 0) == days


def test_sides_get_distinct_colours_and_totals_grey():
    made = colours((series("A", [(TUE, 1, 1, 1, False)]), series("B", [(TUE, 1, 1, 1, False)]),
                    series("both sides", [(TUE, 2, 2, 2, False)], both=True)))
    assert len(set(made)) == 3 and made[2] == "#444444"
