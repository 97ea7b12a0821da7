"""JSON text exactly as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, faster.

With `indent`, the standard library encodes in Python, several generator frames per value; on a
20,000-article store the read commands' JSON (millions of values) spent most of their time there.
This writes the same characters with one call per container and C-encoded strings.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == float("-inf"):
        return "-Infinity"
    return float.__repr__(value)


def _key(key: Any) -> str:
    """A dict key as `json` writes it: strings as they are, numbers, booleans and None as text."""
    if isinstance(key, str):
        return encode_basestring(key)
    if isinstance(key, float):
        return encode_basestring(_float(key))
    if key is None or isinstance(key, int):  # bool is an int
        return encode_basestring(json.dumps(key))
    raise _Foreign


class Shared(dict):
    """A dict that many records of one output share (a place's location beside each article naming
    it): written once for each indentation it appears at. `json` writes it as any dict."""

    __slots__ = ()


def dumps(value: Any) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2)`, for values of JSON's own types (dict, list,
    tuple, str, int, float, bool, None, and their subclasses); anything else is left to `json`."""
    try:
        return _Writer().text(value, "\n")
    except _Foreign:
        return json.dumps(value, ensure_ascii=False, indent=2)


class _Writer:
    def __init__(self) -> None:
        self.shared: dict[tuple[int, str], str] = {}

    def text(self, v: Any, newline: str) -> str:
        """One value, `newline` being the line break and indentation of the line it starts on."""
        kind = type(v)
        if kind is str:
            return encode_basestring(v)
        if kind is int:
            return int.__repr__(v)
        if kind is dict:
            if not v:
                return "{}"
            inner = newline + _INDENT
            text = self.text
            return "{" + inner + ("," + inner).join([_key(k) + ": " + text(x, inner) for k, x in v.items()]) + newline + "}"
        if kind is list or kind is tuple:
            if not v:
                return "[]"
            inner = newline + _INDENT
            text = self.text
            return "[" + inner + ("," + inner).join([text(x, inner) for x in v]) + newline + "]"
        if kind is Shared:
            key = (id(v), newline)
            if key not in self.shared:
                self.shared[key] = self.text(dict(v), newline)
            return self.shared[key]
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, str):
            return encode_basestring(v)
        if isinstance(v, int):
            return int.__repr__(v)
        if isinstance(v, float):
            return _float(v)
        if isinstance(v, (list, tuple)):
            return self.text(list(v), newline)
        if isinstance(v, dict):
            return self.text(dict(v), newline)
        raise _Foreign


class _Foreign(Exception):
    """A value of a type `json` alone knows what to do with (or refuses)."""
