"""Offline geocoding: place names to locations from the curated tables in clashrecon/data/.

`locate(name, country)` is the one entry point (the export and the HTML brief call it); nothing
is fetched, no spaCy is loaded, and the tables are read once per process.
"""

from clashrecon.geo.gazetteer import border, country_facts, fold, locate, seat_of, unresolved
from clashrecon.geo.distance import central, km
from clashrecon.geo.grid import priogrid_gid
from clashrecon.models.geo import Country, FeatureKind, Location, WherePrecision

__all__ = [
    "Country",
    "FeatureKind",
    "Location",
    "WherePrecision",
    "border",
    "central",
    "country_facts",
    "fold",
    "km",
    "locate",
    "priogrid_gid",
    "seat_of",
    "unresolved",
]
