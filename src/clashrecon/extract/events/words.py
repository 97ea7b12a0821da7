"""The event lexicon of data/events.json, read once."""

from __future__ import annotations

from functools import cache

from clashrecon.lexicon import load_data


@cache
def event_words() -> dict:
    return load_data("events.json")
