"""PRIO-GRID: the 0.5° × 0.5° grid cells UCDP GED's `priogrid_gid` names (Tollefsen, Strand & Buhaug 2012)."""

from __future__ import annotations

import math

_CELL = 0.5
_COLUMNS = 720  # 360° / 0.5°
_ROWS = 360  # 180° / 0.5°


def priogrid_gid(latitude: float, longitude: float) -> int:
    """The cell holding a point: numbered from 1 at the south-west corner (-90°, -180°), row by row
    eastwards, so gid = row × 720 + column + 1 with row = ⌊(lat + 90) / 0.5⌋ and column =
    ⌊(lon + 180) / 0.5⌋. The north pole and the antimeridian fall in the last row and column."""
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        raise ValueError(f"not a position on the globe: latitude {latitude}, longitude {longitude}")
    row = min(math.floor((latitude + 90.0) / _CELL), _ROWS - 1)
    column = min(math.floor((longitude + 180.0) / _CELL), _COLUMNS - 1)
    return row * _COLUMNS + column + 1
