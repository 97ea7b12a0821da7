"""Distances on the globe: how far two positions are, and which of several places lies among the others."""

from __future__ import annotations

import math
from collections.abc import Sequence

from clashrecon.models import Location

_EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_KM * math.asin(math.sqrt(h))


def central(places: Sequence[Location]) -> Location | None:
    """The place with the least total distance to the others (a medoid): a real named place amid
    them, which a stray far-off name (a capital misread as a place of fighting) cannot drag away
    as it would an average. The first such place on a tie; None when none has a position."""
    placed = [p for p in places if p.latitude is not None and p.longitude is not None]
    if not placed:
        return None
    return min(placed, key=lambda p: sum(km(p.latitude, p.longitude, q.latitude, q.longitude) for q in placed))
