"""Rendering: article text is never read as markup or terminal control, dates show their precision."""

from __future__ import annotations

import pytest

from clashrecon import render
from rich.console import Console

from clashrecon.models import CasualtyKind, Conflict, Event, Fact, Field, Position, Precision, Relation, Round, Tally, TimeRef
from clashrecon.queries import Conflicts


@pytest.mark.parametrize(
    "when, shown",
    [
        (TimeRef(start="1994-01-01", end="1994-12-31", precision=Precision.year), "1994"),
        (TimeRef(start="2020-11-01", end="2020-11-30", precision=Precision.month), "2020-11"),
        (TimeRef(start="2022-09-14", end="2022-09-14", precision=Precision.day), "2022-09-14"),
        (TimeRef(start="2022-09-13", end="2022-09-13", precision=Precision.part_of_day, part_of_day="early"), "2022-09-13 early"),
        (
            TimeRef(start="2022-09-13", end="2022-09-14", precision=Precision.part_of_day, part_of_day="early"),
            "2022-09-13 early → 2022-09-14",
        ),
        (TimeRef(precision=Precision.relative, relative_day_index=2), "day 2"),
        (TimeRef(), "undated"),
    ],
)
def test_dates_show_their_precision(when, shown):
    assert render.when_text(when) == shown


HOSTILE = "[bold red]fake[/bold red] \x1b[31mred\x1b[0m [link=http://x]click[/link]"


def _conflict() -> Conflict:
    return Conflict(
        id="x1",
        event_id="e1",
        field=Field.actors,
        subject="initiator",
        kind=Relation.disputed,
        positions=(Position(value="Armenia", claimants=("Azerbaijan",), articles=("a.txt",), origins=("AP",), quotes=(HOSTILE,)),),
        explanation="opposing parties assert incompatible things",
    )


def test_article_text_is_printed_literally_never_as_markup(capsys):
    with render.out().capture() as cap:
        render.conflicts(Conflicts([_conflict()], 1, 1), as_json=False)
    text = cap.get()
    assert "[bold red]fake[/bold red]" in text
    assert "[link=http://x]click[/link]" in text
    assert "\x1b[31m" not in text and "\x1b" not in render.safe(HOSTILE)


def test_the_timeline_shows_figures_per_party_with_the_arithmetic():
    fact = Fact(
        id="f1", event_id="e1", field=Field.casualties, kind="killed",
        value="99 → 155", party="both", status=Relation.aggregate, articles=2, independent_sources=1,
        note="99 = 49 + 50 ✓; 155 = 105 + 50 ✓",
    )
    side = fact.model_copy(update={"id": "f2", "party": "Armenia", "value": "≥49 → 105",
                                    "status": Relation.updated, "note": "updated Wed 2022-09-14", "articles": 5,
                                    "independent_sources": 3})
    region = side.model_copy(update={"id": "f3", "place": "Gegharkunik", "value": "4", "status": Relation.subtotal,
                                      "note": "part of ≥49 → 105 ✓", "articles": 1, "independent_sources": 1})
    wounded = side.model_copy(update={"id": "f4", "kind": CasualtyKind.wounded, "party": "Azerbaijan", "group": "civilians",
                                       "value": "2", "status": Relation.subtotal, "note": "", "articles": 1,
                                       "independent_sources": 1})
    facts = (side, region, wounded, fact)
    event = Event(id="e1", when=TimeRef(start="2022-09-13", precision=Precision.day), summary=HOSTILE, facts=facts)
    body = render.event_body(event).plain
    assert "Armenia: killed ≥49 → 105 (updated Wed 2022-09-14) [5 art., 3 orig.]" in body
    assert "\n    killed 4 in Gegharkunik (part of ≥49 → 105 ✓) [1 art., 1 orig.]" in body
    assert "Azerbaijan: wounded 2 civilians [1 art., 1 orig.]" in body
    assert "both sides: killed 99 → 155 (99 = 49 + 50 ✓; 155 = 105 + 50 ✓)" in body
    assert body.index("Armenia") < body.index("Azerbaijan") < body.index("both sides")
    assert "\x1b" not in body


def test_json_output_is_the_contract(capsys):
    render.conflicts(Conflicts([_conflict()], 1, 1), as_json=True)
    import json

    [data] = json.loads(capsys.readouterr().out)
    assert set(data) == {"id", "event_id", "field", "subject", "kind", "positions", "explanation"}
    assert data["positions"][0]["quotes"] == [HOSTILE]


def _two_rounds() -> Tally:
    """23 killed in Sunday's shelling per the army, then six more in Wednesday's fighting per the UN."""
    return Tally(
        id="t1", story="s1", party="Sudan", kind=CasualtyKind.killed, low=27, best=29, high=31, conservative=27,
        claimant="United Nations", authority="third party", reported="2023-05-17",
        rounds=(
            Round(start="2023-05-14T04:00", end="2023-05-14", best=23, claimant=HOSTILE, reported="2023-05-15"),
            Round(start="2023-05-17", end="2023-05-17", best=6, claimant="United Nations", reported="2023-05-17"),
        ),
        note="23 + 6 = 29 over 2 rounds",
    )


def _printed(table, width: int = 160) -> str:
    console = Console(width=width, highlight=False, emoji=False, markup=False)
    with console.capture() as captured:
        console.print(table)
    return captured.get()


def test_final_figures_show_each_round_and_the_arithmetic():
    text = _printed(render.figures_table([_two_rounds()], full=True))
    assert "Sudan · killed" in text and "27–31" in text and "United Nations (third party)" in text
    assert "2023-05-14: 23, per [bold red]fake[/bold red]" in text  # a round's own claimant, printed literally
    assert "2023-05-17: 6" in text and "per United Nations" not in text  # the final figure's claimant is not repeated
    assert "23 + 6 = 29 over 2 rounds" in text
    assert "\x1b" not in text


@pytest.mark.parametrize(
    "start, end, shown",
    [
        ("2022-09-13T00:00", "2022-09-14", "2022-09-13 → 09-14"),
        ("2022-12-31", "2023-01-01", "2022-12-31 → 2023-01-01"),
        ("2023-05-17", "2023-05-17", "2023-05-17"),
        ("", "", "undated"),  # a story with no calendar date
    ],
)
def test_a_rounds_days_drop_only_the_year_they_share(start, end, shown):
    assert render.round_days(Round(start=start, end=end, best=1)) == shown


def test_the_timelines_short_table_has_a_note_column_only_when_a_figure_has_a_note():
    plain = _two_rounds().model_copy(update={"note": "", "rounds": _two_rounds().rounds[1:]})
    assert "note" not in _printed(render.figures_table([plain], full=False))
    short = _printed(render.figures_table([_two_rounds()], full=False))
    assert "note" in short and "23 + 6 = 29 over 2 rounds" in short and "conservative" not in short
