"""Where a named place is: what the offline gazetteer (clashrecon.geo) knows of it."""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Any

from pydantic import Field as F

from clashrecon.models.base import Record


class FeatureKind(StrEnum):
    """What a gazetteer name is (data/gazetteer.json `feature`)."""

    city = "city"
    town = "town"
    village = "village"
    site = "site"  # an air base, an airport, a temple, a neighbourhood
    adm2 = "adm2"  # a second-order administrative division (a district of a province)
    adm1 = "adm1"  # a first-order administrative division (a province, an Azerbaijani rayon)
    region = "region"  # a named region that is no administrative unit (Nagorno-Karabakh, Kashmir)
    border = "border"  # a linear feature between two countries
    country = "country"


class WherePrecision(IntEnum):
    """UCDP GED's `where_prec`: how closely a location is known (GED codebook)."""

    exact = 1  # the place itself: a town, a village, a site
    near = 2  # within about 25 km of a known point
    adm2 = 3  # only the second-order administrative division
    adm1 = 4  # only the first-order administrative division
    region = 5  # a linear feature (a border) or a region larger than one division
    country = 6  # only the country
    waters = 7  # international waters or airspace


class Location(Record):
    """A place name resolved offline: its country, divisions, position and how precisely it is known."""

    name: str = F(description="The place's name as the gazetteer spells it (or as printed, when unresolved)")
    country: str | None = F(default=None, description="Canonical country name (actors.json), where one country holds it")
    iso3: str | None = F(default=None, description="The country's ISO 3166-1 alpha-3 code")
    adm1: str | None = F(default=None, description="First-order administrative division (province, region, rayon)")
    adm2: str | None = F(default=None, description="Second-order administrative division (district), where known")
    latitude: float | None = F(default=None, description="WGS84 latitude; None when the place has no one point or is unresolved")
    longitude: float | None = F(default=None, description="WGS84 longitude; None when the place has no one point or is unresolved")
    precision: WherePrecision = F(description="GED where_prec: 1 the place itself … 6 only the country")
    feature: FeatureKind | None = F(default=None, description="What the name is: town, adm1, border, …; None when unresolved")
    countries: tuple[str, ...] = F(default=(), description="Every country it lies in (two for a border)")
    geonameid: int | None = F(default=None, description="The GeoNames place it is (or whose position it takes), when one")

    @property
    def resolved(self) -> bool:
        """Whether the gazetteer knows the name (an unresolved place keeps only its country)."""
        return self.feature is not None

    def contract(self) -> dict[str, Any]:
        """As `--json` output and the exports carry it (README 'JSON output')."""
        return {**self.model_dump(mode="json"), "resolved": self.resolved}


class Country(Record):
    """What the exports need to know of a country (data/countries.json)."""

    name: str = F(description="Canonical country name, as actors.json spells it")
    iso3: str = F(description="ISO 3166-1 alpha-3 code")
    iso_numeric: int = F(description="ISO 3166-1 numeric code (ACLED's `iso`)")
    gwno: int | None = F(default=None, description="Gleditsch-Ward state number (GED's gwno and country_id); None for a non-member")
    ucdp_region: str = F(description="UCDP's region: Europe, Middle East, Asia, Africa or Americas")
    acled_region: str = F(description="ACLED's region, e.g. 'Caucasus and Central Asia'")


class PlaceLocation(Record):
    """Where one place the articles name is, as geocoding after each reconciliation found it.

    A derived record (README 'The store'): the claims stay as extracted, and this is replaced
    whole with the results. One per name, country the text gives and countries of the story it
    was looked up among, since those decide which of a name's namesakes is meant.
    """

    id: str = F(description="Stable ID of the name, the country given and the story's countries")
    name: str = F(description="The place as the claims name it, after the name pass's respelling")
    country_given: str | None = F(default=None, description="The country the text puts it in, if any")
    countries: tuple[str, ...] = F(default=(), description="The story's countries it was looked up among")
    location: Location | None = F(default=None, description="Where it is; unresolved with only its country, or None when no country is known")
    claim_ids: tuple[str, ...] = F(default=(), description="Claims naming it: place claims, attacks' places, counts scoped to it")
    event_ids: tuple[str, ...] = F(default=(), description="Events it is a place of")
    articles: tuple[str, ...] = F(default=(), description="Names of the articles naming it, or datelined there")
    datelines: tuple[str, ...] = F(default=(), description="Names of the articles whose dateline it is")

    @property
    def resolved(self) -> bool:
        return self.location is not None and self.location.resolved

    def contract(self) -> dict[str, Any]:
        """`places --json` (README 'JSON output')."""
        return {
            "id": self.id,
            "name": self.name,
            "country_given": self.country_given,
            "countries": list(self.countries),
            "resolved": self.resolved,
            "location": self.location.contract() if self.location else None,
            "claims": len(self.claim_ids),
            "events": list(self.event_ids),
            "articles": list(self.articles),
            "datelines": list(self.datelines),
        }
