"""The fast JSON writer writes what `json.dumps(..., ensure_ascii=False, indent=2)` writes."""

from __future__ import annotations

import json
import math
from enum import Enum, IntEnum

import pytest
from hypothesis import given, strategies as st

from clashrecon import jsontext


class Colour(str, Enum):
    red = "red"


class Level(IntEnum):
    high = 3


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(),
)
keys = st.one_of(st.text(), st.integers(), st.booleans(), st.none(), st.floats(allow_nan=False))
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=30,
)


@given(values)
def test_any_json_value_is_written_as_json_writes_it(value):
    assert jsontext.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    "value",
    [
        {},
        [],
        {"a": [], "b": {}, "c": [{}], "d": [[]]},
        {"quote": "Armenia said 49 \u202e soldiers\n\"died\" \\ \x07"},
        [Colour.red, Level.high, 1.0, -0.0, 1e300, math.inf, -math.inf],
        {7: "seven", 2.5: "two and a half", True: "yes", None: "none"},
    ],
)
def test_edges_and_subclasses_are_written_as_json_writes_them(value):
    assert jsontext.dumps(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_nan_and_what_json_refuses_are_left_to_json():
    assert jsontext.dumps([math.nan]) == "[\n  NaN\n]"
    with pytest.raises(TypeError):
        jsontext.dumps({"when": object()})
    with pytest.raises(TypeError):
        jsontext.dumps({(1, 2): "a tuple key"})


def test_a_shared_dict_is_written_as_any_dict_wherever_it_appears():
    place = jsontext.Shared({"place": "Goris", "location": {"country": "Armenia", "lat": 39.5}})
    rows = [{"article": "a.txt", "places": [place]}, {"article": "b.txt", "places": [place, {"n": [place]}]}]
    assert jsontext.dumps(rows) == json.dumps(rows, ensure_ascii=False, indent=2)
