"""Rendering: article text is never read as markup or terminal control, dates show their precision."""

from __future__ import annotations

import pytest

from clashrecon import render
from rich.console import Console

from clashrecon.models import (
    CasualtyKind, Claim, Conflict, Event, Fact, Field, Position, Precision, Quantity, Relation, Round, Tally, TimeRef, VictimGroup,
)
from clashrecon.queries import ClaimStream, Conflicts


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


def _claim(n: int, quote: str, article: str = "report_from_the_front.txt") -> Claim:
    return Claim(
        id=f"c{n:011d}", article=article, article_id="a1", field=Field.casualties, kind="killed",
        quote=quote, start=0, end=len(quote), claimant="Armenia", quantity=Quantity.at_least(49 + n),
        victim_party="Armenia", victim_group=VictimGroup.military,
        event_time=TimeRef(start="2022-09-13", precision=Precision.day),
    )


QUOTE = "Azerbaijani forces shelled Armenian territory on Tuesday and killed at least 49 Armenian soldiers, the prime minister said."


@pytest.fixture
def screen(monkeypatch):
    """The terminal `render` prints to, at a width the test sets."""
    import io

    def at(width: int) -> io.StringIO:
        console = Console(file=io.StringIO(), width=width, highlight=False, emoji=False, markup=False)
        monkeypatch.setattr(render, "out", lambda: console)
        return console.file

    return at


def _stream(claims: list[Claim]) -> ClaimStream:
    return ClaimStream(((c, None) for c in claims), max(len(c.article) for c in claims))


def test_claims_fit_a_wide_terminal_as_columns_with_the_quote_cut_last(screen):
    shown = screen(120)
    render.claims(_stream([_claim(0, QUOTE), _claim(1, "Casualties rose.")]), as_json=False)
    header, first, second = shown.getvalue().splitlines()
    assert header.split() == ["id", "article", "kind", "value", "side", "claimant", "when", "quote"]
    assert first.startswith("c00000000000 report_from_the_front.txt killed") and first.endswith("…")
    assert "≥49" in first and "Armenia" in first and "2022-09-13" in first
    assert max(len(line) for line in (header, first, second)) <= 120
    assert second.endswith("Casualties rose.")  # a quote that fits is whole, and words are never split


def test_claims_too_wide_for_columns_are_one_line_each_whole(screen):
    shown = screen(80)
    render.claims(_stream([_claim(n, QUOTE) for n in range(3)]), as_json=False)
    lines = shown.getvalue().splitlines()
    assert len(lines) == 3
    assert lines[0] == (
        "c00000000000  report_from_the_front.txt  killed ≥49 Armenia military  per Armenia  2022-09-13  "
        f"“{QUOTE}”"
    )


def test_claims_json_streams_exactly_what_one_json_document_would_be(capsys):
    claims = [_claim(n, QUOTE) for n in range(600)]  # more than one batch
    render.emit_json(list(_stream(claims).records()))
    whole = capsys.readouterr().out
    render.claims(_stream(claims), as_json=True)
    assert capsys.readouterr().out == whole
    render.claims(ClaimStream(iter([]), 0), as_json=True)
    assert capsys.readouterr().out == "[]\n"


def test_output_to_a_terminal_goes_through_the_pager_as_git_does(monkeypatch, tmp_path, capsys):
    paged = tmp_path / "paged.txt"
    monkeypatch.setattr(render, "_stdout_is_terminal", lambda: True)
    monkeypatch.delenv("CLASHRECON_PAGER", raising=False)
    monkeypatch.setenv("PAGER", f"cat > {paged}; echo LESS=$LESS >> {paged}")
    render.claims(_stream([_claim(0, QUOTE)]), as_json=False)
    assert capsys.readouterr().out == ""
    text = paged.read_text()
    assert QUOTE in text and "LESS=FRX" in text  # less quits when it fits a screen and keeps colours


@pytest.mark.parametrize("terminal, pager, expected", [(False, "less", None), (True, "cat", None), (True, "", None), (True, "most -s", "most -s")])
def test_no_pager_for_pipes_or_when_turned_off(monkeypatch, terminal, pager, expected):
    monkeypatch.setattr(render, "_stdout_is_terminal", lambda: terminal)
    monkeypatch.delenv("CLASHRECON_PAGER", raising=False)
    monkeypatch.setenv("PAGER", pager)
    assert render.pager_command() == expected


def test_json_is_never_paged(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(render, "_stdout_is_terminal", lambda: True)
    monkeypatch.setenv("CLASHRECON_PAGER", f"cat > {tmp_path / 'paged.txt'}")
    render.claims(_stream([_claim(0, QUOTE)]), as_json=True)
    assert QUOTE in capsys.readouterr().out and not (tmp_path / "paged.txt").exists()


def _toll(**update) -> Fact:
    long = " → ".join(str(n) for n in range(3, 200, 4))
    fact = Fact(
        id="f9", event_id="e9", field=Field.casualties, kind="killed", party="Armenia", value=long,
        brief="3 → 199 (3–210 over 7 days)", reports=1204, status=Relation.discrepancy, articles=706,
        independent_sources=11, note="updated Mon 2021-08-09",
    )
    return fact.model_copy(update=update)


def _places(kind: CasualtyKind, *places: str) -> list[Fact]:
    return [
        _toll(id=f"f{kind}{p}", kind=kind, place=p, value="4", brief="4", reports=1, status=Relation.subtotal,
              articles=12, independent_sources=1, note="part of 3 → 199 ✓")
        for p in places
    ]


def test_a_long_fact_is_shown_as_first_latest_and_range_with_its_counts_and_whole_with_all():
    event = Event(id="e9", when=TimeRef(start="2021-08-03", precision=Precision.day), summary="Fighting", facts=(_toll(),))
    brief = render.event_body(event, full=False).plain
    assert "Armenia: killed 3 → 199 (3–210 over 7 days) (updated Mon 2021-08-09) [1,204 reports, 706 art., 11 orig.]" in brief
    assert _toll().value in render.event_body(event, full=True).plain


def test_a_sides_counts_in_several_places_share_one_line():
    facts = (_toll(), *_places(CasualtyKind.killed, "CSTO", "Syunik", "Tavush"), *_places(CasualtyKind.wounded, "Goris"))
    event = Event(id="e9", when=TimeRef(start="2021-08-03", precision=Precision.day), summary="Fighting", facts=facts)
    lines = render.event_body(event, full=False).plain.splitlines()
    assert "    killed in 3 places: CSTO 4, Syunik 4, Tavush 4 (each part of 3 → 199 ✓) [36 art.]" in lines
    assert any(line.startswith("    wounded 4 in Goris") for line in lines)  # one place is a line of its own
    assert len(lines) == 4 and len(render.event_body(event, full=True).plain.splitlines()) == 6


def _events(n: int, background: bool, first_day: int = 1) -> list[Event]:
    return [
        Event(id=f"e{background:d}{i:02d}", when=TimeRef(start=f"2021-07-{first_day + i:02d}", precision=Precision.day),
              summary=f"{'earlier' if background else 'event'} {i}", background=background, articles=i + 1, independent_sources=1,
              facts=(_toll(id=f"f{background:d}{i}", brief="", value="12"),))
        for i in range(n)
    ]


def test_a_long_timeline_folds_minor_background_and_shows_the_most_reported_events_with_their_facts(screen):
    from clashrecon.queries import Timeline

    events = _events(8, background=True) + _events(14, background=False, first_day=10)
    shown = screen(80)
    render.timeline(Timeline(events=events, figures=[], stored=len(events)), as_json=False)
    text = shown.getvalue()
    assert "2021-07-01 → 2021-07-05  5 more earlier events mentioned as context" in text
    assert [i for i in range(8) if f"earlier {i}" in text] == [5, 6, 7]  # the three most reported by name
    assert text.count("Armenia: killed 12") == 10  # the ten most reported events with their facts
    assert "2021-07-10  event 0  1 art.  [e000]" in text  # the least reported: one line, no facts
    screen(80)
    render.timeline(Timeline(events=events, figures=[], stored=len(events)), as_json=False, full=True)
    assert render.out().file.getvalue().count("Armenia: killed 12") == 22


def test_a_finding_with_many_positions_lists_the_first_and_says_where_all_are(screen):
    positions = tuple(
        Position(value=f"≥{n}", claimants=("AP",), articles=tuple(f"a{k}.txt" for k in range(9)), origins=("AP",), quotes=("q",))
        for n in range(40)
    )
    shown = screen(80)
    render.conflicts(Conflicts([_conflict().model_copy(update={"positions": positions})], 1, 1), as_json=False)
    text = shown.getvalue()
    assert "  … 34 more positions; `clashrecon show x1` lists every one" in text
    assert "9 article(s), 1 independent origin(s): a0.txt, a1.txt, a2.txt and 6\n    more" in text  # wrapped under its bullet
    assert max(len(line) for line in text.splitlines()) <= 80


def test_sides_said_to_have_casualties_with_no_number_share_one_line_beside_sides_with_figures():
    unknown = [
        _toll(id=f"f{p}", party=p, kind=CasualtyKind.wounded, value="unspecified", brief="unspecified", best=None,
              status=Relation.single_source, articles=3, independent_sources=1, note="")
        for p in ("Russia", "Belgium")
    ]
    event = Event(id="e9", when=TimeRef(start="2021-08-03", precision=Precision.day), summary="Fighting",
                  facts=(_toll(best=41), *unknown))
    lines = render.event_body(event, full=False).plain.splitlines()
    assert lines[-1] == "• no figure given: Belgium wounded, Russia wounded [6 art.]"
    assert len(lines) == 3
    alone = event.model_copy(update={"facts": tuple(unknown)})
    assert len(render.event_body(alone, full=False).plain.splitlines()) == 3  # nothing to set them beside: a line each
