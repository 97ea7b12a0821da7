"""`export --format acled`: ACLED's 31 columns, event types from the weapons, the conservative figure."""

from __future__ import annotations

import pytest

from clashrecon.export.acled import interaction
from clashrecon.export.rows import acled_figure, weapon_class
from clashrecon.models import CasualtyKind, Claim, EventKind, Fact, Field, PlaceKind, Quantity, Relation
from export_kit import STORIES, csv_rows, exported, story_db

ACLED_COLUMNS = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
    "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp"
).split()


@pytest.fixture(scope="module")
def seeds_acled(runner, seeds_db):
    return csv_rows(exported(runner, "--format", "acled", "--db", str(seeds_db)))


def test_the_31_export_columns_in_order(seeds_acled):
    assert seeds_acled[0] == ACLED_COLUMNS and len(ACLED_COLUMNS) == 31


def test_the_seeds_row(seeds_acled):
    (row,) = seeds_acled[1]
    assert row["event_id_cnty"].startswith("ARM-") and row["event_date"] == "2022-09-13" and row["time_precision"] == "2"
    assert (row["event_type"], row["sub_event_type"]) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert (row["actor1"], row["actor2"]) == ("Military Forces of Armenia", "Military Forces of Azerbaijan")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "1", "11")
    assert (row["iso"], row["region"], row["country"]) == ("51", "Caucasus and Central Asia", "Armenia")
    assert row["fatalities"] == "155" and row["geo_precision"] == "3"
    assert row["source"] == "AP; Reuters" and int(row["timestamp"]) > 0


def test_the_notes_say_who_reported_what_and_every_disagreement(seeds_acled):
    notes = seeds_acled[1][0]["notes"]
    assert "Armenia reported 105 of its own killed; Azerbaijan reported 50 of its own killed" in notes
    assert "Disputed (who attacked): Armenia said Azerbaijan; Azerbaijan said Armenia." in notes
    assert "Armenia asserted it; Azerbaijan denied it" in notes  # the Russian outpost
    assert notes.endswith("Fatalities coded: 155, the most conservative credible figure.")


@pytest.mark.parametrize("story", STORIES, ids=lambda s: s.name)
def test_every_story_row_has_a_type_a_time_and_a_place_precision(runner, tmp_path_factory, story):
    _, rows = csv_rows(exported(runner, "--format", "acled", "--db", str(story_db(runner, story, tmp_path_factory))))
    for row in rows:
        assert row["event_type"] and row["sub_event_type"] and row["disorder_type"] == "Political violence"
        assert row["time_precision"] in ("1", "2", "3") and row["geo_precision"] in ("1", "2", "3")
        assert int(row["fatalities"]) >= 0


def test_the_sake_camp_takes_the_lower_rebel_toll(runner, tmp_path_factory):
    """The rebels' dead are 2 per M23 and 14 per the army: ACLED codes the conservative 2."""
    sake = next(s for s in STORIES if s.name == "sake_camp_shelling")
    db = story_db(runner, sake, tmp_path_factory)
    (acled,) = csv_rows(exported(runner, "--format", "acled", "--db", str(db)))[1]
    (ged,) = csv_rows(exported(runner, "--format", "ged", "--db", str(db)))[1]
    assert int(ged["best"]) - int(acled["fatalities"]) == 14 - 2
    assert (acled["inter1"], acled["inter2"], acled["interaction"]) == ("1", "2", "12")
    assert "Figures differ (M23 · killed)" in acled["notes"]


def _attack(*weapons: str) -> Claim:
    return Claim(
        id=f"c{weapons}", article="a", article_id="a", field=Field.actors, kind=EventKind.attack, quote="q", start=0, end=1,
        attrs={"attacker": "A", "weapons": list(weapons)},
    )  # fmt: skip


def _place(subject: str) -> Claim:
    return Claim(id=f"p{subject}", article="a", article_id="a", field=Field.places, kind=PlaceKind.place, subject=subject,
                 value="Jermuk", quote="q", start=0, end=1)  # fmt: skip


@pytest.mark.parametrize(
    "claims, expected",
    [
        ([_attack("artillery"), _attack("rockets")], "shelling"),
        ([_attack("drones"), _attack("airstrikes"), _attack("missiles")], "air"),
        ([_attack("mines")], "explosive"),
        ([_attack("small arms")], "battle"),
        ([], "battle"),  # no weapon named: an armed clash
        ([_attack("drones"), _attack("artillery")], "shelling"),  # a tie: the first class listed
        ([_place("drone attack"), _place("drone attack"), _attack("artillery")], "air"),
    ],
)
def test_the_event_type_follows_the_weapons_most_claims_name(claims, expected):
    assert weapon_class(claims) == expected


def _vague(cid: str, words: str, low: int, high: int) -> Claim:
    return Claim(id=cid, article="a", article_id="a", field=Field.casualties, kind=CasualtyKind.killed, quote="q", start=0,
                 end=1, quantity=Quantity.vague(low, high, words))  # fmt: skip


@pytest.mark.parametrize(
    "told, expected",
    [
        ([("dozens", 24, 99)], 12),
        ([("hundreds", 200, 999)], 100),
        ([("tens of thousands", 20000, 99999)], 10000),
        ([("dozens", 24, 99), ("hundreds", 200, 999)], 12),
        ([("a few", 2, 5)], 2),  # not in ACLED's table: its lowest value
    ],
)
def test_vague_words_take_acleds_values(told, expected):
    claims = {f"c{i}": _vague(f"c{i}", *t) for i, t in enumerate(told)}
    fact = Fact(id="f", event_id="e", field=Field.casualties, kind=CasualtyKind.killed, value="v", low=24, best=24,
                conservative=24, status=Relation.single_source, articles=1, independent_sources=1,
                claim_ids=tuple(claims))  # fmt: skip
    assert acled_figure(claims)(fact) == expected


def test_a_stated_figure_beside_a_vague_word_keeps_the_conservative_figure():
    claims = {"c0": _vague("c0", "dozens", 24, 99)}
    claims["c1"] = claims["c0"].model_copy(update={"id": "c1", "quantity": Quantity.at_least(30)})
    fact = Fact(id="f", event_id="e", field=Field.casualties, kind=CasualtyKind.killed, value="v", best=30, conservative=30,
                status=Relation.agreed, articles=2, independent_sources=2, claim_ids=("c0", "c1"))  # fmt: skip
    assert acled_figure(claims)(fact) == 30


@pytest.mark.parametrize("a, b, expected", [(1, 1, 11), (1, 2, 12), (2, 1, 12), (1, 8, 18), (1, None, 10), (None, None, None)])
def test_interaction_codes(a, b, expected):
    assert interaction(a, b) == expected
