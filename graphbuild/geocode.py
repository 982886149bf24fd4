"""Coordinates for the places an article names.

Extraction finds the places (:mod:`graphbuild.events`, with the gazetteer of
``data/gazetteer.json``); this module only gives them a point and a country.  It
never adds or removes a place or an actor.  Its data, ``data/places.json.gz``
(``tools/make_places.py``), is GeoNames (CC BY 4.0): towns of 5,000 people or more,
every country's first-level regions (US states, Australian states, provinces,
Länder, oblasts...) and every country.

A name several places share is read in the light of the article: a town in a
first-level region the article names comes first ("Paris" with "Texas"), then a
place in a country it names (as a state actor, as a place, or as the country of a
region it names: "Victoria" with "Australia" or "Queensland" is the Australian
state), then the most populous, where a region counts a tenth of its people against
a town of its name ("New York" is the city, "Florida" the state).  A place the
article names counts as a region when it reads as one in the light of the countries
the article names.  The gazetteer's own point stays unless the article's regions or
countries pick another place of that name.
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from .lexicon import Lexicon, default_lexicon
from .types import DocExtraction, Place
from .util import data_path

__all__ = ["Geocoder", "Location", "default_geocoder", "geocode_extraction"]

# A first-level region counts this fraction of its people against a town of its name:
# "New York" is the city, "Florida" the US state rather than the Cuban town.
REGION_WEIGHT = 10


@dataclass(frozen=True)
class Location:
    """Where a name is: ``country`` (ISO 3166 alpha-2), ``kind`` (city, admin1 or country),
    ``region`` the code of its first-level region (a US state's postal code, GeoNames'
    admin1 code elsewhere; "" for a country).  :attr:`where` is (country, region)."""

    name: str
    country: str
    lat: float
    lon: float
    population: int
    kind: str
    region: str = ""

    @property
    def where(self) -> tuple[str, str]:
        """(country, region code): a first-level region anywhere ("AU", "07" for Victoria)."""
        return self.country, self.region


class Geocoder:
    """Names to :class:`Location` candidates, read once from ``places.json.gz``."""

    def __init__(self, data: dict):
        self._fields = tuple(data["fields"])
        self._rows = data["rows"]
        self._names = data["names"]
        self._aka = data["aka"]
        self._iso2 = {iso3: iso2 for iso2, iso3 in data["iso3"].items()}
        self._countries = {row[0]: i for i, row in enumerate(self._rows) if row[4] == "country"}

    @classmethod
    def load(cls, path=None) -> "Geocoder":
        with gzip.open(path or data_path("places.json.gz"), "rt", encoding="utf-8") as f:
            return cls(json.load(f))

    def iso2(self, iso3: str) -> str | None:
        """ISO alpha-2 of an alpha-3 code ("FRA" -> "FR")."""
        return self._iso2.get(iso3)

    def country(self, iso2: str) -> Location | None:
        """The point of the country with ISO alpha-2 code ``iso2``."""
        i = self._countries.get(iso2)
        return None if i is None else self._location(iso2, i)

    def candidates(self, name: str) -> tuple[Location, ...]:
        """Every place whose own name is ``name`` ("the" dropped), with or without accents;
        when there is none, every town that goes by that name too ("Jenin" for Janīn)."""
        n = name[4:] if name.lower().startswith("the ") else name
        return tuple(self._location(n, i) for i in self._names.get(n) or self._aka.get(n, ()))

    def _location(self, name: str, i: int) -> Location:
        return Location(name, **dict(zip(self._fields, self._rows[i], strict=True)))

    def locate(self, name: str, countries: Iterable[str] = (),
               regions: Iterable[tuple[str, str]] = ()) -> Location | None:
        """The place ``name`` most likely means in an article naming ``countries`` (ISO alpha-2)
        and first-level ``regions`` (:attr:`Location.where` pairs), or None when no place has
        that name: a town in a named region, then a place in a named country, then the most
        populous, a region counting a tenth of its people, a country last."""
        found = self.candidates(name)
        if not found:
            return None
        countries, regions = frozenset(countries), frozenset(regions)
        return min(found, key=lambda c: (not (c.where in regions and c.kind == "city"),
                                         c.country not in countries, c.kind == "country",
                                         -(c.population / REGION_WEIGHT if c.kind == "admin1" else c.population),
                                         c.kind, c.country, c.lat, c.lon))


@lru_cache(maxsize=1)
def default_geocoder() -> Geocoder:
    """The geocoder shipped with graphbuild, loaded once per process on first use."""
    return Geocoder.load()


def geocode_extraction(record: DocExtraction, lexicon: Lexicon | None = None,
                       geocoder: Geocoder | None = None) -> DocExtraction:
    """Give ``record``'s places coordinates and a country, in place; returns ``record``.

    The article's countries are the states among its actors, the countries among its
    places and the countries of the first-level regions among its places; a place is such
    a region when, in the light of the other countries, it reads as one ("Queensland";
    "Victoria" unless the article names a country with a town of that name).  A country
    gets its point; a place the gazetteer located keeps its point unless the article's
    regions or countries hold another place of that name; a place no candidate matches
    keeps none.
    """
    geo = geocoder or default_geocoder()
    lexicon = lexicon or default_lexicon()
    countries = {geo.iso2(a.country) for a in record.actors if a.type == "state" and a.country} - {None}
    countries |= {iso for iso in map(lexicon.country, (p.label for p in record.places)) if iso}
    regions = set()
    for p in record.places:
        if lexicon.country(p.label) or lexicon.is_region(p.label) or lexicon.city(p.label):
            continue
        loc = geo.locate(p.label, countries)
        if loc is not None and loc.kind == "admin1":
            regions.add(loc.where)
    countries |= {country for country, _ in regions}
    for p in record.places:
        _locate(p, geo, lexicon, countries, regions)
    return record


def _locate(place: Place, geo: Geocoder, lexicon: Lexicon, countries: set, regions: set) -> None:
    iso = lexicon.country(place.label)
    if not iso and lexicon.is_region(place.label):
        return  # "Asia" is not the town of Asia in the Philippines
    loc = geo.country(iso) if iso else geo.locate(place.label, countries, regions)
    if loc is None:
        return
    if place.lat is not None and not iso:
        if not _gives_way(place.label, loc, geo, lexicon, countries, regions):
            return
        place.country = None  # the gazetteer's city gave way: its country goes with its point
    place.lat, place.lon = loc.lat, loc.lon
    if place.country is None and loc.country in lexicon.countries:
        place.country = lexicon.country_label(loc.country)


def _gives_way(name: str, loc: Location, geo: Geocoder, lexicon: Lexicon, countries: set, regions: set) -> bool:
    """Whether the gazetteer's city ``name`` (100,000 people or a capital) yields to ``loc``: a
    town in a first-level region the article names ("Paris" and "Texas"), or a place at least a
    tenth its size in a country the article names and the city's is not ("Birmingham" in an
    American story; not "Paris" in a story that names the United States)."""
    own = (lexicon.city(name) or {}).get("country")
    if loc.country == own and loc.where not in regions:
        return False
    if loc.kind == "city" and loc.where in regions:
        return True
    city = max((c.population for c in geo.candidates(name) if c.country == own), default=0)
    return loc.country in countries and own not in countries and loc.population * 10 >= city
