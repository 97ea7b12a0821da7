"""The records' contracts: quantities as intervals, kinds as enums, typed claim details, derived fact subjects."""

from __future__ import annotations

import json
import math

import pytest
from pydantic import ValidationError

from clashrecon.lexicon import load_data
from clashrecon.models import (
    CasualtyKind,
    Claim,
    ClaimantRole,
    EventDetails,
    EventKind,
    Fact,
    Field,
    CasualtyDetails,
    PlaceDetails,
    PlaceKind,
    Quantity,
    Qualifier,
    Relation,
    TimeDetails,
    TimeKind,
    TimeRef,
)

QUOTE = "Armenia said at least 49 of its soldiers were killed in an Azerbaijani attack on Tuesday."


def claim(field: Field, kind: str, attrs: dict | None = None, **values) -> Claim:
    extra = {"attrs": attrs} if attrs is not None else {}
    return Claim(
        id="c1", article="004.txt", article_id="sha-004", field=field, kind=kind, quote=QUOTE,
        start=0, end=len(QUOTE), claimant="Armenia", claimant_role=ClaimantRole.speaker, **extra, **values,
    )


# --------------------------------------------------------------------------- quantities


@pytest.mark.parametrize(
    "made, low, high, qualifier, stated, shown",
    [
        (Quantity.exact(49), 49, 49, Qualifier.exact, 49, "49"),
        (Quantity.at_least(49), 49, None, Qualifier.at_least, 49, "≥49"),
        (Quantity.more_than(6600), 6601, None, Qualifier.more_than, 6600, ">6600"),
        (Quantity.up_to(100), 0, 100, Qualifier.up_to, 100, "≤100"),
        (Quantity.between(20, 10), 10, 20, Qualifier.between, None, "10–20"),
        (Quantity.unspecified("an unknown number"), None, None, Qualifier.unspecified, None, "unspecified"),
    ],
)
def test_quantity_constructors_give_the_interval_the_wording_allows(made, low, high, qualifier, stated, shown):
    assert (made.low, made.high, made.qualifier, made.stated) == (low, high, qualifier, stated)
    assert made.display() == shown
    assert made.is_known is (low is not None)


def test_bounds_given_the_wrong_way_round_are_put_in_order():
    q = Quantity(low=20, high=10, qualifier=Qualifier.between)
    assert (q.low, q.high) == (10, 20)


@pytest.mark.parametrize(
    "a, b, bounds_a, overlap",
    [
        (Quantity.at_least(49), Quantity.exact(105), (49.0, math.inf), True),
        (Quantity.up_to(100), Quantity.exact(105), (0.0, 100.0), False),
        (Quantity.more_than(6600), Quantity.exact(6600), (6601.0, math.inf), False),
        (Quantity.unspecified(), Quantity.exact(3), (0.0, math.inf), True),
    ],
)
def test_quantity_intervals_overlap_when_both_can_be_true(a, b, bounds_a, overlap):
    assert a.bounds() == bounds_a
    assert a.overlaps(b) is overlap and b.overlaps(a) is overlap


# --------------------------------------------------------------------------- kinds


@pytest.mark.parametrize(
    "field, text, member",
    [
        (Field.casualties, "killed", CasualtyKind.killed),
        (Field.casualties, "bodies", CasualtyKind.bodies),
        (Field.actors, "attack", EventKind.attack),
        (Field.actors, "ceasefire", EventKind.ceasefire),
        (Field.actors, "diplomatic_contact", EventKind.diplomatic_contact),
        (Field.places, "place", PlaceKind.place),
        (Field.times, "ceasefire", TimeKind.ceasefire),
        (Field.times, "fighting_start", TimeKind.fighting_start),
    ],
)
def test_a_kind_string_becomes_its_fields_enum_and_dumps_as_the_same_string(field, text, member):
    c = claim(field, text)
    assert c.kind is member
    assert c.contract()["kind"] == text
    assert json.loads(c.model_dump_json())["kind"] == text
    assert Claim.model_validate_json(c.model_dump_json()).kind is member
    assert f"{c.kind}" == text  # IDs and labels are built from kinds with f-strings


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError):
        claim(Field.actors, "parade")


@pytest.mark.parametrize(
    "enum, words",
    [
        (CasualtyKind, {k for key in ("kind_verbs", "kind_adjectives", "kind_nouns") for k in load_data("casualties.json")[key]}),
        (TimeKind, {k for k in load_data("times.json")["time_claims"] if not k.startswith("_")}),
        (EventKind, set(load_data("reconcile.json")["disputes"]["kinds"])),
    ],
)
def test_the_kind_enums_cover_every_kind_the_data_files_name(enum, words):
    assert words and words <= {m.value for m in enum}


# --------------------------------------------------------------------------- claim details

# attrs as extractors pass them (and as the store held them before they were typed)
REAL_ATTRS = [
    (Field.actors, "attack", {"attacker": "Azerbaijan", "target": "Armenia", "weapons": ["artillery", "drones"],
                              "places": ["Jermuk", "Goris"], "claimant_person": "Nikol Pashinyan (Armenia)"}),
    (Field.actors, "attack", {"attacker": "Azerbaijan", "target": None, "weapons": [], "places": [],
                              "attack": "fire on russian military outpost"}),
    (Field.actors, "blame", {"accuser": "Armenia", "blamed": "Azerbaijan", "what": "large-scale provocation"}),
    (Field.actors, "ceasefire", {"broker": None, "status": "agreed", "time": None}),
    (Field.actors, "diplomatic_contact", {"participants": ["Armenia", "Russia"], "mode": "call",
                                          "claimant_person": "Sergey Lavrov (Russia)",
                                          "claimant_person_printed": "Sergei Lavrov (Russia)"}),
    (Field.actors, "protest", {"where": "Yerevan", "against": "Mr Pashinyan"}),
    (Field.places, "place", {"country": "Armenia"}),
    (Field.places, "place", {"country": "Armenia", "printed": "Verin Shorja"}),
    (Field.times, "fighting_start", {"trigger": "erupted"}),
    (Field.casualties, "killed", {}),
]


@pytest.mark.parametrize("field, kind, attrs", REAL_ATTRS)
def test_details_from_an_old_dict_dump_the_same_keys_in_the_same_order(field, kind, attrs):
    c = claim(field, kind, attrs)
    shown = c.contract().get("attrs", {})
    assert shown == attrs and list(shown) == list(attrs)
    stored = json.loads(c.model_dump_json())["attrs"]
    assert stored == attrs and list(stored) == list(attrs)


@pytest.mark.parametrize("field, kind, attrs", REAL_ATTRS)
def test_a_claim_stored_with_dict_attrs_loads_into_its_fields_details(field, kind, attrs):
    old = json.loads(claim(Field.casualties, "killed").model_dump_json()) | {"field": field.value, "kind": kind, "attrs": attrs}
    loaded = Claim.model_validate_json(json.dumps(old))
    expected = {Field.actors: EventDetails, Field.places: PlaceDetails, Field.times: TimeDetails, Field.casualties: CasualtyDetails}
    assert type(loaded.attrs) is expected[field]
    assert loaded.attrs.dump() == attrs
    assert Claim.model_validate_json(loaded.model_dump_json()) == loaded


def test_details_are_typed_attributes():
    c = claim(Field.actors, "attack", REAL_ATTRS[0][2])
    assert (c.attrs.attacker, c.attrs.target, c.attrs.weapons) == ("Azerbaijan", "Armenia", ("artillery", "drones"))
    assert c.attrs.blamed is None and "blamed" not in c.attrs.dump()
    ceasefire = claim(Field.actors, "ceasefire", REAL_ATTRS[3][2])
    assert ceasefire.attrs.status == "agreed" and ceasefire.attrs.broker is None


def test_a_key_no_extractor_writes_is_refused():
    with pytest.raises(ValidationError):
        claim(Field.places, "place", {"country": "Armenia", "attacker": "Azerbaijan"})


def test_details_are_frozen():
    c = claim(Field.places, "place", {"country": "Armenia", "printed": "Verin Shorja"})
    with pytest.raises(ValidationError):
        c.attrs.country = "Azerbaijan"


# --------------------------------------------------------------------------- memory of a record


def test_records_read_back_whole_share_one_set_of_field_names():
    stored = claim(Field.casualties, "killed", event_time=TimeRef(start="2022-09-13")).model_dump_json()
    a, b = Claim.model_validate_json(stored), Claim.model_validate_json(stored)
    assert a.model_fields_set is b.model_fields_set == set(Claim.model_fields)
    assert a.event_time.model_fields_set is b.event_time.model_fields_set


@pytest.mark.parametrize("update", [{}, {"value": "50"}, {"event_time": None}])
def test_a_copy_never_changes_the_shared_set(update):
    whole = Claim.model_validate_json(claim(Field.casualties, "killed").model_dump_json())
    shared = set(whole.model_fields_set)
    copied = whole.model_copy(update=update)
    assert whole.model_fields_set == shared and copied.model_fields_set == shared
    assert copied == whole.model_copy(update=update, deep=True)


def test_a_record_given_some_fields_keeps_its_own_set():
    q = Quantity(low=3, high=3)
    assert q.model_fields_set == {"low", "high"} and q.model_fields_set is not Quantity(low=4).model_fields_set
    assert q.model_copy(update={"stated": 3}).model_fields_set == {"low", "high", "stated"}
    assert q.model_fields_set == {"low", "high"}


# --------------------------------------------------------------------------- facts


def fact(**values) -> Fact:
    base = dict(id="f1", event_id="e1", field=Field.casualties, kind="killed", value="≥49 → 105",
                status=Relation.updated, articles=5, independent_sources=3)
    return Fact(**(base | values))


@pytest.mark.parametrize(
    "party, kind, place, group, subject",
    [
        ("Armenia", "killed", None, None, "Armenia · killed"),
        ("both", "killed", None, None, "both sides · killed"),
        ("Armenia", "wounded", "Gegharkunik", None, "Armenia · wounded · in Gegharkunik"),
        (None, "killed", None, "fighters", "no side named · killed · fighters"),
        ("Azerbaijan", "wounded", None, "civilians", "Azerbaijan · wounded · civilians"),
    ],
)
def test_a_fact_subject_is_derived_from_its_fields(party, kind, place, group, subject):
    f = fact(party=party, kind=kind, place=place, group=group)
    assert f.subject == subject
    assert f.contract()["subject"] == subject and f.contract()["kind"] == kind
    assert f.model_dump()["subject"] == subject  # stored results carry it
    assert Fact.model_validate_json(f.model_dump_json()) == f


def test_an_actor_fact_shows_its_label_as_subject_and_kind():
    f = fact(field=Field.actors, kind="blame", label="initiator (blame)", value="Azerbaijan (per Armenia) vs Armenia (per Azerbaijan)",
             status=Relation.disputed)
    assert f.kind is EventKind.blame
    assert (f.contract()["kind"], f.contract()["subject"]) == ("initiator (blame)", "initiator (blame)")


@pytest.mark.parametrize("value", [None, "2022-09-13"])
@pytest.mark.parametrize("whole", [True, False])
def test_a_claim_read_with_its_resolved_time_is_the_copy_with_that_time(value, whole):
    """The store sets a claim's resolved time on the record it has just read (`store.sqlite._claim`):
    the same record, field names and JSON as `model_copy(update=...)`, and no other record changed."""
    from clashrecon.store.sqlite import _claim, _times

    made = claim(Field.times, "fighting_start", value="Tuesday", event_time=TimeRef(text="on Tuesday"))
    stored = made.model_dump_json() if whole else made.model_dump_json(exclude={"event_time", "value"})
    resolved = TimeRef(start="2022-09-13", end="2022-09-13", text="on Tuesday")
    update = {"event_time": resolved, **({"value": value} if value is not None else {})}
    expected = Claim.model_validate_json(stored).model_copy(update=update)
    times = _times()
    read = _claim(stored, resolved.model_dump_json(), value, times)
    assert read == expected and read.model_dump_json() == expected.model_dump_json()
    assert read.model_fields_set == expected.model_fields_set
    assert (read.model_fields_set is Claim.__all_fields__) == (expected.model_fields_set is Claim.__all_fields__)
    assert Claim.model_validate_json(stored).event_time == (made.event_time if whole else None)  # the class's set untouched
    assert Claim.__all_fields__ == set(Claim.model_fields)
    assert _claim(stored, None, None, times) == Claim.model_validate_json(stored)
