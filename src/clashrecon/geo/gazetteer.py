"""Place names to locations, offline, from the curated tables in data/ (gazetteer.json, countries.json).

A name is matched on its letters alone (case, accents and the schwa of Azerbaijani spellings
folded, so 'Laçın' is 'Lachin' and 'Kəlbəcər' an alias of 'Kalbajar'), after any kind word
around it ('Gegharkunik province', 'the town of Jermuk') is set aside to narrow the features.
Of several candidates, those in the country given win, else those in the story's countries;
candidates left in different countries are ambiguous and give no location (Punjab is India's
and Pakistan's), never a guess. Within one country the larger feature wins: the province
Gegharkunik over the village of that name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from clashrecon.lexicon import load_data
from clashrecon.models import Country, FeatureKind, Location, WherePrecision

_FOLD = str.maketrans({"ə": "e", "Ə": "e", "ı": "i", "‘": "'", "’": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"[\s_]+")


def fold(name: str) -> str:
    """A name's letters for matching: 'Laçın' -> 'lacin', 'Kəlbəcər' -> 'kelbecer', 'Kyrgyz–Tajik' -> 'kyrgyz-tajik'."""
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SPACES.sub(" ", text).strip(" .,;:")
    return text.removeprefix("the ")


@dataclass(frozen=True)
class _Entry:
    name: str
    feature: FeatureKind
    countries: tuple[str, ...]
    adm1: str | None
    adm2: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Gazetteer:
    """The curated tables, indexed by folded name."""

    by_name: dict[str, tuple[_Entry, ...]]
    kind_words: dict[str, tuple[FeatureKind, ...]]
    rank: dict[FeatureKind, int]  # of namesakes in one country, the lowest rank is meant
    precision: dict[FeatureKind, WherePrecision]
    countries: dict[str, Country]
    country_names: dict[str, str]  # folded country name -> canonical

    def candidates(self, name: str) -> tuple[tuple[_Entry, ...], frozenset[FeatureKind] | None]:
        """The entries a name may mean, and the features its kind word allows (None: any)."""
        key = fold(name)
        found = self.by_name.get(key)
        if found:
            return found, None
        for word, features in sorted(self.kind_words.items(), key=lambda kv: -len(kv[0])):
            for bare in (key.removesuffix(f" {word}"), key.removeprefix(f"{word} of ")):
                if bare != key and bare in self.by_name:
                    return self.by_name[bare], frozenset(features)
        return (), None

    def country(self, name: str | None) -> Country | None:
        if not name:
            return None
        canonical = self.country_names.get(fold(name))
        return self.countries.get(canonical) if canonical else None


@cache
def gazetteer() -> Gazetteer:
    """Read the tables once per process (a few hundred entries: well under a megabyte)."""
    raw = load_data("gazetteer.json")
    by_name: dict[str, list[_Entry]] = {}
    for item in raw["places"]:
        entry = _Entry(
            name=item["name"],
            feature=FeatureKind(item["feature"]),
            countries=tuple(item.get("countries") or ([item["country"]] if item.get("country") else [])),
            adm1=item.get("adm1"),
            adm2=item.get("adm2"),
            lat=item.get("lat"),
            lon=item.get("lon"),
        )
        for alias in dict.fromkeys(fold(n) for n in (item["name"], *item.get("aliases", []))):
            by_name.setdefault(alias, []).append(entry)
    countries = {name: Country(name=name, **facts) for name, facts in load_data("countries.json")["countries"].items()}
    kind_words = {fold(w): tuple(FeatureKind(f) for f in features) for w, features in raw["kind_words"].items()}
    return Gazetteer(
        by_name={k: tuple(v) for k, v in by_name.items()},
        kind_words=kind_words,
        rank={FeatureKind(f): v["rank"] for f, v in raw["features"].items()},
        precision={FeatureKind(f): WherePrecision(v["where_prec"]) for f, v in raw["features"].items()},
        countries=countries,
        country_names={fold(n): n for n in countries},
    )


def country_facts(name: str | None) -> Country | None:
    """ISO codes, Gleditsch-Ward number and regions of a country (canonical name, any case)."""
    return gazetteer().country(name)


def _location(entry: _Entry, g: Gazetteer) -> Location:
    one = entry.countries[0] if len(entry.countries) == 1 else None
    facts = g.countries.get(one) if one else None
    return Location(
        name=entry.name,
        country=one,
        iso3=facts.iso3 if facts else None,
        adm1=entry.adm1,
        adm2=entry.adm2,
        latitude=entry.lat,
        longitude=entry.lon,
        precision=g.precision[entry.feature],
        feature=entry.feature,
        countries=entry.countries,
    )


def _in(entry: _Entry, countries: Iterable[str]) -> bool:
    wanted = {fold(c) for c in countries}
    return any(fold(c) in wanted for c in entry.countries)


def locate(name: str, country: str | None = None, *, prefer: Iterable[str] = ()) -> Location | None:
    """Where `name` is, or None when the gazetteer does not know it or cannot tell which place it means.

    `country` is the country the text puts the place in (a place claim's `attrs.country`): only
    candidates there count. `prefer` are the countries the story involves: candidates there win
    over namesakes elsewhere. A country's own name gives a country-level location (no position).
    """
    g = gazetteer()
    entries, features = g.candidates(name)
    if features is not None:
        entries = tuple(e for e in entries if e.feature in features)
    if country:
        entries = tuple(e for e in entries if _in(e, [country]))
    preferred = tuple(prefer)
    if preferred and len(entries) > 1:
        entries = tuple(e for e in entries if _in(e, preferred)) or entries
    if not entries:
        facts = g.country(name)
        if facts is not None and (not country or fold(country) == fold(facts.name)):
            return Location(
                name=facts.name,
                country=facts.name,
                iso3=facts.iso3,
                precision=WherePrecision.country,
                feature=FeatureKind.country,
                countries=(facts.name,),
            )
        return None
    if len({e.countries for e in entries}) > 1:
        return None  # namesakes in different countries: which one is meant is not known
    return _location(min(entries, key=lambda e: g.rank[e.feature]), g)


def unresolved(name: str, country: str | None) -> Location:
    """An unknown place as the exports carry it: its name as printed, and only the country when known."""
    facts = country_facts(country)
    return Location(
        name=name,
        country=facts.name if facts else country,
        iso3=facts.iso3 if facts else None,
        precision=WherePrecision.country,
        countries=(facts.name,) if facts else ((country,) if country else ()),
    )


def border(countries: Iterable[str]) -> Location | None:
    """The border the gazetteer knows between exactly these two countries, if any."""
    wanted = frozenset(fold(c) for c in countries)
    g = gazetteer()
    for entries in g.by_name.values():
        for e in entries:
            if e.feature is FeatureKind.border and frozenset(fold(c) for c in e.countries) == wanted:
                return _location(e, g)
    return None


def seat_of(adm1: str, country: str) -> Location | None:
    """The first-order division `adm1` of `country` as a location (its seat's position), if tabled."""
    g = gazetteer()
    for e in g.by_name.get(fold(adm1), ()):
        if e.feature is FeatureKind.adm1 and _in(e, [country]):
            return _location(e, g)
    return None
