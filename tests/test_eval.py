"""Scoring against gold: what counts as the same casualty claim, and how the baseline gate behaves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clashrecon.evaluate import (
    EvalOptions,
    Gold,
    GoldCasualty,
    GoldEvent,
    GoldResult,
    Score,
    evaluate,
    load_baseline,
    load_gold,
    number_matches,
    regressions,
    score_casualties,
    score_event_dates,
    write_baseline,
)
from clashrecon.errors import UsageError
from clashrecon.models import Claim, Event, Field, Precision, Quantity, TimeRef

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Armenia said at least 49 of its soldiers were killed; Azerbaijan said it lost 50. "
    "The fighting killed about 100 troops."
)
ARTICLE = "a.txt"


def claim(number: Quantity, *, kind="killed", party="Armenia", sentence=(0, 80), claimant="Armenia", when=None, n=0):
    start, end = sentence
    return Claim(
        id=f"c{n}",
        article=ARTICLE,
        article_id="x",
        field=Field.casualties,
        kind=kind,
        quote=TEXT[start:end],
        start=start,
        end=end,
        quantity=number,
        victim_party=party,
        claimant=claimant,
        event_time=TimeRef(start=when) if when else None,
    )


def gold_claim(text="at least 49 of its soldiers", qualifier="at_least", stated=49, **kw):
    values = dict(article=ARTICLE, text=text, kind="killed", victim_party="Armenia", qualifier=qualifier, stated=stated)
    values.update(kw)
    return GoldCasualty(**values)


def gold(*casualties, events=()):
    return Gold(name="t", path=Path("t.json"), corpus=Path("."), casualties=tuple(casualties), events=tuple(events))


@pytest.mark.parametrize(
    ("gold_number", "quantity", "same"),
    [
        (dict(qualifier="at_least", stated=49), Quantity.at_least(49), True),
        (dict(qualifier="at_least", stated=49), Quantity.exact(49), False),
        (dict(qualifier="at_least", stated=49), Quantity.at_least(50), False),
        (dict(qualifier="more_than", stated=6600), Quantity.more_than(6600), True),
        (dict(qualifier="up_to", stated=100), Quantity.up_to(100), True),
        # "about" is compared on the printed number, whatever band the extractor chose
        (dict(qualifier="about", stated=100), Quantity(low=90, high=110, qualifier="about", stated=100), True),
        (dict(qualifier="between", stated=None, low=10, high=20), Quantity.between(10, 20), True),
        (dict(qualifier="between", stated=None, low=10, high=20), Quantity.between(10, 25), False),
        (dict(qualifier="unspecified", stated=None), Quantity.unspecified("an unknown number"), True),
        (dict(qualifier="unspecified", stated=None), Quantity.exact(3), False),
        (dict(qualifier=None, stated=None, vague="thousands"), Quantity(low=2000, high=9999, qualifier="about", text="thousands"), True),
        (dict(qualifier=None, stated=None, vague="thousands"), Quantity.exact(2000, "2,000"), False),
    ],
)
def test_number_is_qualifier_plus_printed_number(gold_number, quantity, same):
    assert number_matches(gold_claim(**gold_number), claim(quantity)) is same


def test_a_claim_matches_on_sentence_kind_party_and_number():
    g = gold(
        gold_claim(),
        gold_claim(text="Azerbaijan said it lost 50", qualifier="exact", stated=50, victim_party="Azerbaijan", claimant="Azerbaijan"),
    )
    predicted = [
        claim(Quantity.at_least(49), n=1),
        claim(Quantity.exact(50), party="Armenia", n=2),  # wrong party: a false positive, and 50 is missed
        claim(Quantity.exact(100), party="both", sentence=(83, 119), n=3),  # no gold for it
    ]
    result = score_casualties(g, predicted, {ARTICLE: TEXT})
    s = result.scores["casualty claims"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 1)
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 2)
    assert any("lost 50" in m for m in result.missed)


def test_the_same_number_in_another_sentence_does_not_match():
    g = gold(gold_claim(text="killed about 100 troops", qualifier="exact", stated=49))
    result = score_casualties(g, [claim(Quantity.exact(49), sentence=(0, 80))], {ARTICLE: TEXT})
    assert result.scores["casualty claims"].tp == 0


def test_one_predicted_claim_cannot_match_two_gold_claims():
    g = gold(gold_claim(), gold_claim())
    result = score_casualties(g, [claim(Quantity.at_least(49))], {ARTICLE: TEXT})
    assert (result.scores["casualty claims"].tp, result.scores["casualty claims"].fn) == (1, 1)


def test_claimant_and_date_are_scored_on_matched_claims():
    g = gold(gold_claim(claimant="Armenia", dates=("2022-09-13",)))
    right = score_casualties(g, [claim(Quantity.at_least(49), when="2022-09-13T00:00")], {ARTICLE: TEXT})
    assert right.scores["casualty claimants"].tp == 1 and right.scores["casualty dates"].tp == 1
    wrong = score_casualties(g, [claim(Quantity.at_least(49), claimant="Azerbaijan", when="2022-09-12")], {ARTICLE: TEXT})
    assert wrong.scores["casualty claimants"].fp == 1 and wrong.scores["casualty dates"].fp == 1
    assert len(wrong.wrong) == 2


def event(start, precision):
    return Event(id=start or "none", when=TimeRef(start=start, precision=precision), summary="")


def test_event_dates_compare_distinct_dates_at_their_precision():
    g = gold(
        events=[
            GoldEvent(date="2022-09-13", label="fighting"),
            GoldEvent(date="2020", label="war"),
            GoldEvent(date="1994", label="war ends"),
            GoldEvent(date="2021", label="pact", optional=True),
        ]
    )
    predicted = [
        event("2022-09-13", Precision.day),
        event("2022-09-13T05:00", Precision.part_of_day),  # same day: one date
        event("2020-11-01", Precision.month),  # inside 2020
        event("2021-01-01", Precision.year),  # optional: neither required nor wrong
        event("2019-01-01", Precision.year),  # not in the gold: a false positive
        event(None, Precision.unknown),  # undated: a false positive
    ]
    score, missed, extra = score_event_dates(g, predicted)
    assert (score.tp, score.fp, score.fn) == (3, 2, 1)
    assert missed == ["1994"]
    assert "2019" in extra


def test_a_year_alone_does_not_satisfy_a_day():
    g = gold(events=[GoldEvent(date="2022-09-13", label="fighting")])
    score, _, _ = score_event_dates(g, [event("2022-01-01", Precision.year)])
    assert (score.tp, score.fn) == (0, 1)


def test_empty_scores_are_perfect_and_f1_is_harmonic():
    assert Score(0, 0, 0).f1 == 1.0
    assert Score(1, 1, 0).f1 == pytest.approx(2 * 0.5 * 1 / 1.5)


def test_regressions_name_every_score_below_its_floor():
    floors = {"seeds / casualty claims": {"precision": 0.8, "recall": 0.5}}
    assert regressions({"seeds / casualty claims": {"precision": 0.8, "recall": 0.6}}, floors) == []
    found = regressions({"seeds / casualty claims": {"precision": 0.79, "recall": 0.6}}, floors)
    assert found == ["seeds / casualty claims precision: 0.7900 is below the pinned 0.8000"]
    assert "not measured" in regressions({}, floors)[0]


def _fake_gold_folder(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    spec = {"name": "tiny", "corpus": "corpus", "casualties": [], "events": []}
    (tmp_path / "tiny.json").write_text(json.dumps(spec), encoding="utf-8")
    return tmp_path


def test_update_baseline_raises_floors_but_lowering_needs_allow_lower(tmp_path, monkeypatch):
    folder = _fake_gold_folder(tmp_path)
    scores = {"casualty claims": Score(tp=1, fp=1, fn=0)}
    monkeypatch.setattr("clashrecon.evaluate.evaluate_gold", lambda g, model, jobs: GoldResult(name=g.name, scores=scores))
    baseline = folder / "baseline.json"
    write_baseline(baseline, {"tiny / casualty claims": {"precision": 0.9, "recall": 1.0, "f1": 0.9}})

    checked = evaluate(EvalOptions(gold=folder))
    assert checked.exit_code == 1 and checked.regressions

    refused = evaluate(EvalOptions(gold=folder, update_baseline=True))
    assert refused.exit_code == 1 and not refused.updated
    assert load_baseline(baseline)["tiny / casualty claims"]["precision"] == 0.9

    lowered = evaluate(EvalOptions(gold=folder, update_baseline=True, allow_lower=True))
    assert lowered.exit_code == 0 and lowered.updated
    assert load_baseline(baseline)["tiny / casualty claims"]["precision"] == 0.5

    scores["casualty claims"] = Score(tp=1, fp=0, fn=0)
    raised = evaluate(EvalOptions(gold=folder, update_baseline=True))
    assert raised.updated and load_baseline(baseline)["tiny / casualty claims"]["precision"] == 1.0


def test_gold_files_are_read_from_a_folder_without_the_baseline(tmp_path):
    folder = _fake_gold_folder(tmp_path)
    write_baseline(folder / "baseline.json", {})
    assert [g.name for g in load_gold(folder)] == ["tiny"]


def test_bad_gold_is_a_usage_error(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(UsageError, match="bad.json"):
        load_gold(tmp_path / "bad.json")
    with pytest.raises(UsageError, match="does not exist"):
        load_gold(tmp_path / "nothing.json")


def test_the_seed_gold_quotes_the_seed_articles():
    """Every gold text occurs in its article, so a miss is the extractor's, not the annotation's."""
    from clashrecon.evaluate import fold

    (seeds,) = [g for g in load_gold(ROOT / "data" / "gold") if g.name == "seeds"]
    assert len(seeds.casualties) >= 25
    for c in seeds.casualties:
        assert fold(c.text) in fold((seeds.corpus / c.article).read_text(encoding="utf-8")), c.text


def test_a_story_without_calendar_dates_wants_a_relative_event_not_an_invented_date():
    g = gold(events=[GoldEvent(date="relative", label="day 1")])
    right, _, _ = score_event_dates(g, [event(None, Precision.relative)])
    assert (right.tp, right.fp, right.fn) == (1, 0, 0)
    invented, _, extra = score_event_dates(g, [event("2024-03-14", Precision.day)])
    assert (invented.tp, invented.fp, invented.fn) == (0, 1, 1) and extra == ["2024-03-14"]


def test_a_real_page_gold_anchors_by_offsets_names_no_side_and_ignores_uncounted_claims():
    """A gold of real pages quotes nothing: it gives the claim's offsets, a null side where the
    text names none (then any side matches), and scores only claims that carry a number."""
    g = Gold(
        name="real", path=Path("t.json"), corpus=Path("."), events=(), quantified_only=True, sides_where_given=True,
        casualties=(
            GoldCasualty(article=ARTICLE, text="", span=(13, 24), kind="killed", victim_party=None, qualifier="at_least", stated=49),
            GoldCasualty(article=ARTICLE, text="", span=(83, 119), kind="killed", victim_party="both", qualifier="about", stated=100),
        ),
    )
    predicted = [
        claim(Quantity.at_least(49), party="Armenia", n=1),  # the gold names no side: any side is right
        claim(Quantity.unspecified("an unknown number"), n=2),  # no number: not scored in this gold
        claim(Quantity(low=90, high=110, qualifier="about", stated=100), party="Azerbaijan", sentence=(83, 119), n=3),
    ]
    s = score_casualties(g, predicted, {ARTICLE: TEXT}).scores["casualty claims"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)  # the side the gold does give must still be right


def _spanned_gold(tmp_path: Path, check: str) -> Path:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / ARTICLE).write_text(TEXT, encoding="utf-8")
    path = tmp_path / "real.json"
    entry = {"article": ARTICLE, "span": [13, 24], "check": check, "kind": "killed", "qualifier": "at_least", "stated": 49}
    path.write_text(json.dumps({"name": "real", "corpus": "pages", "casualties": [entry]}), encoding="utf-8")
    return path


def test_a_spanned_gold_refuses_a_page_that_differs_from_the_one_annotated(tmp_path):
    from clashrecon.evaluate.gold import anchor_check

    (good,) = load_gold(_spanned_gold(tmp_path, anchor_check(TEXT[13:24])))
    assert good.casualties[0].span == (13, 24) and not good.scores_dates
    (tmp_path / "pages" / ARTICLE).write_text("Rebuilt: " + TEXT, encoding="utf-8")
    with pytest.raises(UsageError, match="differs from the page annotated"):
        load_gold(tmp_path / "real.json")


def test_a_gold_anchored_in_one_copy_of_a_repeated_line_matches_a_claim_on_the_other():
    """A page printing its headline twice says one thing once: the annotation anchors one copy,
    the extractor keeps the other."""
    page = "Strike kills 40 in market town\nStrike kills 40 in market town\nOfficials said 40 people died."
    second = page.index("Strike", 5)
    g = Gold(
        name="real", path=Path("t.json"), corpus=Path("."), events=(), quantified_only=True, sides_where_given=True,
        casualties=(GoldCasualty(article=ARTICLE, text="", span=(second, second + 30), kind="killed", victim_party=None,
                                 qualifier="exact", stated=40),),
    )
    on_first = Claim(id="h", article=ARTICLE, article_id="x", field=Field.casualties, kind="killed", quote=page[:30],
                     start=0, end=30, quantity=Quantity.exact(40))
    s = score_casualties(g, [on_first], {ARTICLE: page}).scores["casualty claims"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
