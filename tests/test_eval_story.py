"""Story scores: the timeline's final figure per side, expected conflicts flagged, false alarms."""

from __future__ import annotations

import json

import pytest

from clashrecon.errors import UsageError
from clashrecon.evaluate.story import combined, printed_figures, score_story, story_gold
from clashrecon.models import (
    CasualtyKind,
    Conflict,
    Field,
    Position,
    Reconciliation,
    Relation,
    Tally,
)

GOLD = {
    "name": "border",
    "corpus": ".",
    "sides": {"Pakistan": ["Pakistani"], "Afghanistan": ["Taliban", "Afghan"]},
    "final_figures": [
        {"party": "Pakistan", "kind": "killed", "low": 23, "best": 23, "high": 23},
        {"party": "Afghanistan", "kind": "killed", "low": 9, "best": 9, "high": 12},
    ],
    "conflicts": [
        {"party": "Pakistan", "kind": "killed", "figures": [23, 58]},
        {"field": "actors", "label": "initiator", "parties": ["Pakistan", "Afghanistan"]},
    ],
    "not_conflicts": [{"party": "Afghanistan", "kind": "killed", "figures": [9, 12], "relation": "update"}],
}


def _flag(subject: str, *values: str, field: Field = Field.casualties) -> Conflict:
    kind = Relation.disputed if field is Field.actors else Relation.discrepancy
    return Conflict(
        id=f"x{subject}{values}", field=field, subject=subject, kind=kind,
        positions=tuple(Position(value=v) for v in values), explanation="",
    )


@pytest.fixture
def gold(tmp_path):
    return story_gold(tmp_path / "border.json", GOLD)


def _tally(party: str, best: int, claims: int = 1) -> Tally:
    return Tally(
        id=f"t{party}{best}", story="s", party=party, kind=CasualtyKind.killed, low=best, best=best, high=best,
        conservative=best, authority="own side", claim_ids=tuple(f"c{i}" for i in range(claims)),
    )


def test_a_final_figure_is_the_tally_of_the_side_under_any_of_its_names(gold):
    rec = Reconciliation(tallies=(_tally("Pakistan", 23), _tally("Taliban", 9, claims=3), _tally("Afghanistan", 40)))
    score = score_story(gold, rec)
    assert (score.figures_within, score.figures) == (2, 2)


def test_a_figure_outside_the_gold_range_is_reported(gold):
    rec = Reconciliation(tallies=(_tally("Pakistan", 58), _tally("Afghanistan", 13)))
    score = score_story(gold, rec)
    assert score.figures_within == 0
    assert any("Afghanistan · killed 9 [9–12]: the tool gives 13" in line for line in score.lines)


def test_flags_that_match_expected_conflicts_are_not_false_alarms(gold):
    rec = Reconciliation(conflicts=(
        _flag("Pakistan · killed", "23 (Sun 2025-10-12)", "58 (Sun 2025-10-12)"),
        _flag("initiator (blame)", "Pakistan", "Afghanistan", field=Field.actors),
        _flag("Afghanistan · killed", "9", "12"),
    ))
    score = score_story(gold, rec)
    assert (score.conflicts_flagged, score.conflicts) == (2, 2)
    assert (score.false_alarms, score.flags) == (1, 3)
    assert any(line.startswith("false alarm (gold: update)") for line in score.lines)


def test_a_flag_needs_two_of_the_gold_figures_to_match(gold):
    rec = Reconciliation(conflicts=(_flag("Pakistan · killed", "23", "40"),))
    score = score_story(gold, rec)
    assert score.conflicts_flagged == 0 and score.false_alarms == 1


def test_overall_adds_the_counts_of_every_story(gold):
    empty = score_story(gold, Reconciliation())
    total = combined([empty, empty])
    assert (total.figures, total.conflicts, total.flags) == (4, 4, 0)
    assert empty.false_alarm_ratio == 0.0 and empty.flagged_ratio == 0.0


@pytest.mark.parametrize(
    "value, numbers",
    [("≥49 (Tue 2022-09-13)", {49}), (">6,600", {6600}), ("total 35 vs 40 (Mon 2024-03-11)", {35, 40}), ("~100", {100})],
)
def test_printed_figures_leave_the_date_out(value, numbers):
    assert printed_figures(value) == numbers


@pytest.mark.parametrize(
    "change, message",
    [
        ({"final_figures": [{"party": "Qatar", "kind": "killed", "low": 1, "best": 1, "high": 1}]}, "party 'Qatar'"),
        ({"final_figures": [{"party": "Pakistan", "kind": "dead", "low": 1, "best": 1, "high": 1}]}, "kind 'dead'"),
        ({"not_conflicts": [{"party": "both", "kind": "killed", "figures": [1], "relation": "sum"}]}, "relation 'sum'"),
        ({"sides": None}, "lacks a required key"),
    ],
)
def test_a_bad_story_gold_is_a_usage_error_naming_the_value(tmp_path, change, message):
    with pytest.raises(UsageError, match=message):
        story_gold(tmp_path / "bad.json", {**GOLD, **change})


def test_story_golds_in_a_gold_folder_are_loaded_beside_extraction_golds(tmp_path):
    from clashrecon.evaluate import StoryGold, load_gold

    (tmp_path / "stories").mkdir()
    (tmp_path / "stories" / "border.json").write_text(json.dumps({**GOLD, "corpus": ".."}), encoding="utf-8")
    (loaded,) = load_gold(tmp_path)
    assert isinstance(loaded, StoryGold) and loaded.side_of("Taliban") == "Afghanistan"


def test_one_flag_answers_one_expected_conflict(tmp_path):
    two_disputes = {**GOLD, "conflicts": [
        {"field": "actors", "label": "initiator", "parties": ["Pakistan", "Afghanistan"]},
        {"field": "actors", "label": "ceasefire violation", "parties": ["Pakistan", "Afghanistan"]},
    ]}
    gold = story_gold(tmp_path / "border.json", two_disputes)
    rec = Reconciliation(conflicts=(_flag("initiator (blame)", "Pakistan", "Afghanistan", field=Field.actors),))
    score = score_story(gold, rec)
    assert (score.conflicts_flagged, score.conflicts, score.false_alarms) == (1, 2, 0)


def test_a_flag_of_three_figures_answers_two_expected_conflicts(tmp_path):
    """606 per the minister, at least 610 per the ministry, 974 per a rights group: two disagreements."""
    three = {**GOLD, "conflicts": [
        {"party": "Pakistan", "kind": "killed", "figures": [606, 610]},
        {"party": "Pakistan", "kind": "killed", "figures": [610, 974]},
        {"party": "Pakistan", "kind": "killed", "figures": [23, 58]},
    ]}
    gold = story_gold(tmp_path / "border.json", three)
    rec = Reconciliation(conflicts=(_flag("Pakistan · killed", "606", "≥610", "974"),))
    score = score_story(gold, rec)
    assert (score.conflicts_flagged, score.false_alarms) == (2, 0)


@pytest.mark.parametrize(
    "label, subject, values, claimants, matched",
    [
        ("initiator", "who attacked", ("Pakistan", "Afghanistan"), ((), ()), True),  # both ask who started it
        ("perpetrator", "perpetrator of Pakistan deaths (attack)", ("Taliban", "Islamic State"), (("Pakistan",), ("Afghanistan",)), True),
        ("perpetrator", "initiator (blame)", ("Pakistan", "Afghanistan"), ((), ()), False),  # another question
        ("warning", "warning (attack)", ("asserted", "denied"), (("Pakistan",), ("Afghanistan",)), True),  # the sides are the claimants
    ],
)
def test_a_dispute_flag_answers_the_same_question_between_the_same_sides(tmp_path, label, subject, values, claimants, matched):
    gold = story_gold(tmp_path / "border.json", {**GOLD, "conflicts": [{"field": "actors", "label": label, "parties": ["Pakistan", "Afghanistan"]}]})
    flag = Conflict(
        id="x1", field=Field.actors, subject=subject, kind=Relation.disputed, explanation="",
        positions=tuple(Position(value=v, claimants=c) for v, c in zip(values, claimants)),
    )
    assert (score_story(gold, Reconciliation(conflicts=(flag,))).conflicts_flagged == 1) is matched


def _event(i: int, background: bool = False):
    from clashrecon.models import Event, TimeRef

    return Event(id=f"e{i}", when=TimeRef(start=f"2025-10-1{i}"), summary=f"fight {i}", background=background)


@pytest.mark.parametrize(
    "events, counted, pinned",
    [
        ((0, 1), 2, 1.0),  # one event per episode
        ((0, 1, 2, 3), 4, 0.5),  # a story split into fragments
        ((0,), 1, 0.5),  # two episodes run together
    ],
)
def test_events_are_scored_against_the_analyst_s_episodes(tmp_path, events, counted, pinned):
    episodes = [{"start": "2025-10-09", "end": "2025-10-12"}, {"start": "2025-10-14", "end": "2025-10-18"}]
    gold = story_gold(tmp_path / "border.json", {**GOLD, "episodes": episodes})
    rec = Reconciliation(events=(*(_event(i) for i in events), _event(9, background=True)))
    score = score_story(gold, rec)
    assert (score.events, score.episodes) == (counted, 2)
    assert score.pinned()["events match episodes"] == pinned
    assert score.fragmentation == counted / 2


def test_a_gold_without_episodes_pins_no_episode_score(gold):
    assert "events match episodes" not in score_story(gold, Reconciliation()).pinned()
