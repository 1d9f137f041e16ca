"""The gazetteer's regions: countries, divisions, the own table (server/gazetteer/regions.py)."""

import json

import pytest

from server import datafiles
from server.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def g():
    return Gazetteer.load()


@pytest.mark.parametrize(
    "phrase, codes",
    [
        ("the Donetsk region", {"UA.05"}),
        ("Donetsk Oblast", {"UA.05"}),
        ("Donetsk province", {"UA.05"}),
        ("the Kharkov region", {"UA.07"}),
        ("Bryansk region", {"RU.10"}),
        ("Russia", {"RU"}),
        ("U.S.", {"US"}),
        ("W.Va.", {"US.WV"}),
        ("the Donbas", {"UA.05", "UA.14"}),
        ("Crimea", {"UA.11", "UA.20"}),
        ("the West Bank", {"PS.WE"}),
        # a division named after a city outside it takes that city's other spellings
        ("the Kiev region", {"UA.13"}),  # Kyiv Oblast ("Kiev", Zipf 3.5, is too common a word to name Kyiv City too)
        ("Tashkent region", {"UZ.13", "UZ.14"}),
        # a main city's other spellings of the division's name, transliterations folded
        ("Lugansk", {"UA.14"}),
        ("Nikolaev", {"UA.16"}),  # Mykolayiv Oblast
        ("Dnepropetrovsk", {"UA.04"}),
        ("Oklahoma City", {"US.OK"}),
        # a direction before a division named with a compass word of its own
        ("northern South Carolina", {"US.SC"}),
        ("southern North Dakota", {"US.ND"}),
        ("northern Kharkiv Oblast", {"UA.07"}),
        ("north Kivu", {"CD.11"}),  # not South Kivu
    ],
)
def test_regions_resolve_countries_divisions_and_the_own_table(g, phrase, codes):
    region = g.regions.resolve(phrase)
    assert region is not None and set(region.codes) == codes


@pytest.mark.parametrize("town", ["Bozeman", "Brooklyn", "Des Plaines", "Riverside", "Appomattox"])
def test_a_towns_odd_alternate_name_makes_it_no_division(g, town):
    # Bozeman, Montana has an old alternate name "Missouri", Des Plaines one "Maine": a division
    # named like no town of its own takes no spellings from those
    assert g.regions.resolve(town) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "Philadelphia",  # a historic name of Amman, not a spelling of the governorate's name
        "Lewis",  # an old name of St. George's, Grenada
        "Africa", "Media", "Cars", "Soul", "Pueblo",  # English words a letter from Mahdia, Medea, Kars, Seoul, Puebla
    ],
)
def test_a_main_citys_other_names_and_english_words_name_no_division(g, phrase):
    assert g.regions.resolve(phrase) is None


def test_eastern_ukraine_contains_donetsk_not_lviv(g):
    region = g.regions.resolve("eastern Ukraine")
    assert g.in_region(g.exact("Bakhmut")[0], region)
    assert not g.in_region(g.exact("Lviv")[0], region)


def test_every_code_in_the_region_table_exists(g):
    import json

    table = json.loads(datafiles.path("gazetteer/regions.json").read_text(encoding="utf-8"))
    known = set(g.regions.admin_names) | set(g.regions.country_names)
    for entry in table["regions"]:
        assert set(entry["codes"]) <= known, entry["name"]


def test_distance_to_region(g):
    km = g.distance_to_region_km(g.exact("Sevsk")[0], g.regions.resolve("Donetsk region"))
    assert 300 < km < 500
