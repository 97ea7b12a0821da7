"""Lexicons and thresholds, read once from the package's data files.

Every word list and tuning number the extractors and reconcilers use lives in
`clashrecon/data/`, so that an analyst can read and change them in one place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any


def _without_comments(value: Any) -> Any:
    """The data without its `_comment` keys: they explain a table to its reader and are never
    an entry of it (as a key of the vague-number table, "_comment" once parsed as a number)."""
    if isinstance(value, dict):
        return {k: _without_comments(v) for k, v in value.items() if k != "_comment"}
    if isinstance(value, list):
        return [_without_comments(v) for v in value]
    return value


@cache
def load_data(name: str) -> Any:
    """Parse `clashrecon/data/<name>` (JSON), `_comment` keys left out."""
    with resources.files("clashrecon.data").joinpath(name).open("r", encoding="utf-8") as fh:
        return _without_comments(json.load(fh))


@dataclass(frozen=True)
class Actor:
    name: str  # canonical
    label: str  # spaCy label: GPE for countries, ORG for bodies
    kind: str  # country | organization | group
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    territories: tuple[str, ...] = ()  # regions its side holds ("Nagorno-Karabakh"): names of the side and places too


@dataclass(frozen=True)
class ActorLexicon:
    actors: tuple[Actor, ...]
    by_surface: dict[str, str]  # lower-cased alias, demonym or capital -> canonical name
    kinds: dict[str, str]  # canonical name -> country, organization or group (the first entry wins)
    territories: dict[str, str] = field(default_factory=dict)  # lower-cased region name -> its first listed name

    def canonical(self, surface: str) -> str | None:
        return self.by_surface.get(_surface_key(surface))

    def kind_of(self, name: str) -> str | None:
        return self.kinds.get(name)

    def is_territory(self, surface: str) -> bool:
        """A region's name that also names the side holding it: a place as well as an actor."""
        return self.territory_name(surface) is not None

    def territory_name(self, surface: str) -> str | None:
        """The region's first listed name for any of its names ("Artsakh" -> "Nagorno-Karabakh")."""
        return self.territories.get(_surface_key(surface))

    def is_belligerent(self, name: str) -> bool:
        """A country or an armed group: whose word on another side's dead is the other side's,
        never a third party's as the UN's or a rights group's is."""
        return self.kind_of(name) in ("country", "group")


def _surface_key(surface: str) -> str:
    """A name as the lexicon keys it: lower case, without a leading "the" or a possessive."""
    return surface.strip().lower().removeprefix("the ").removesuffix("'s").removesuffix("’s")


@cache
def actor_lexicon() -> ActorLexicon:
    raw = load_data("actors.json")
    actors: list[Actor] = []
    for section, kind, label in (("countries", "country", "GPE"), ("organizations", "organization", "ORG"), ("groups", "group", "ORG")):
        for entry in raw.get(section, []):
            actors.append(
                Actor(
                    name=entry["name"],
                    label=entry.get("label", label),
                    kind=kind,
                    aliases=tuple([entry["name"], *entry.get("aliases", [])]),
                    demonyms=tuple(entry.get("demonyms", [])),
                    capitals=tuple(entry.get("capitals", [])),
                    territories=tuple(entry.get("territories", [])),
                )
            )
    by_surface: dict[str, str] = {}
    for a in actors:
        for s in (*a.aliases, *a.demonyms, *a.capitals, *a.territories):
            by_surface.setdefault(s.lower(), a.name)
    kinds: dict[str, str] = {}
    for a in actors:
        kinds.setdefault(a.name, a.kind)
    territories = {t.lower(): a.territories[0] for a in actors for t in a.territories}
    return ActorLexicon(actors=tuple(actors), by_surface=by_surface, kinds=kinds, territories=territories)


@cache
def _country_places() -> tuple[tuple[re.Pattern[str], str, str, str], ...]:
    """(pattern, name, country, level) for each place of data/places.json country_places, longest first."""
    found = []
    for country, places in load_data("places.json")["country_places"].items():
        for level, names in places.items():
            for name in names:
                found.append((re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE), name, country, level))
    return tuple(sorted(found, key=lambda f: -len(f[1])))


@lru_cache(maxsize=8192)  # a big event asks again for the same few hundred place names
def country_place_entry(text: str) -> tuple[str, str, str] | None:
    """(name, country, level) of the longest country place a text names: as written, or in a
    dateline's capitals ("JAMMU"); not "uri" or "pok" inside other words."""
    for pattern, name, country, level in _country_places():
        if any(m.group() == name or m.group().isupper() for m in pattern.finditer(text)):
            return name, country, level
    return None
