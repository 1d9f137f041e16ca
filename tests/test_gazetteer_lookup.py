"""Gazetteer lookup: exact and fuzzy names, records, word frequencies (server/gazetteer/lookup.py)."""

import pytest

from server.gazetteer import Gazetteer, Region


@pytest.fixture(scope="module")
def g():
    return Gazetteer.load()


def names(g, ids):
    return [g.name(i) for i in ids]


def test_exact_lookup_knows_alternate_names_and_old_names(g):
    assert names(g, g.exact("Kiev"))[0] == "Kyiv"
    assert names(g, g.exact("Kharkov"))[0] == "Kharkiv"
    assert "Bakhmut" in names(g, g.exact("Artemivsk"))
    assert names(g, g.exact("Severodonetsk"))[0] == "Siverskodonetsk"
    assert names(g, g.exact("Sievierodonetsk"))[0] == "Siverskodonetsk"
    assert names(g, g.exact("SevSk")) == ["Sevsk"]


def test_airport_codes_are_not_names(g):
    assert g.exact("IEV") == []  # Kyiv's airport code is among GeoNames' alternate names


def test_fuzzy_finds_a_near_miss_by_its_main_or_alternate_name(g):
    near = g.fuzzy("Severodonnetsk")
    assert near[0].distance == 1
    assert names(g, near[0].ids) == ["Siverskodonetsk"]


@pytest.mark.parametrize("typo", ["Gharkiv", "Kharkvi", "Hkarkiv", "Xkharkiv", "Kahrkiv"])
def test_fuzzy_finds_typos_in_the_first_letters_too(g, typo):
    kharkiv = g.exact("Kharkiv")[0]
    assert any(kharkiv in m.ids for m in g.fuzzy(typo)[:3])


def test_fuzzy_is_empty_for_nothing_close(g):
    assert g.fuzzy("Qqqzzxxwv") == []


def test_record_has_readable_names_and_a_link(g):
    rec = g.record(g.exact("Sevsk")[0])
    assert rec["name"] == "Sevsk"
    assert rec["country"] == "Russia"
    assert rec["admin1"] == "Bryansk Oblast"
    assert rec["url"] == f"https://www.geonames.org/{rec['geonameid']}"
    assert round(rec["lat"]) == 52 and round(rec["lon"]) == 34
    assert g.record(g.exact("Siversk")[0])["admin1"] == "Donetsk Oblast"


@pytest.mark.parametrize("word", ["Carter", "Within", "Retina", "Mercia", "Nollywood", "Anfield", "Neymar", "Shiite"])
def test_known_words_and_names_have_a_real_zipf_frequency(g, word):
    assert 2 <= g.zipf(word) <= 6


@pytest.mark.parametrize("word", ["Lodnon", "Berlni", "Pitsburgh", "Severodonnetsk"])
def test_misspelled_names_are_known_to_nobody(g, word):
    assert g.zipf(word) == 0


@pytest.mark.parametrize("typo, name", [("Hnauston", "Houston"), ("Dfqremont", "Fremont"), ("Jonxard", "Oxnard")])
def test_fuzzy_finds_two_typos_among_the_first_letters_by_the_last_ones(g, typo, name):
    place = g.exact(name)[0]
    assert any(place in m.ids and m.distance == 2 for m in g.fuzzy(typo))


def test_initials_do_not_make_a_known_name_unknown(g):
    assert g.zipf("Oakland A") == g.zipf("Oakland") > 1


@pytest.mark.parametrize("typo, letters", [("Berlni", ["rln"]), ("Lvmierpool", ["lvm"]), ("Rfchmodn", ["dn$"])])
def test_a_random_typo_often_holds_letters_no_place_name_has(g, typo, letters):
    assert g.unseen_trigrams(typo) == letters


@pytest.mark.parametrize("name", ["Podliska", "Lanexa", "Glennwood", "Kelleyland", "Lodnon"])
def test_real_names_missing_from_geonames_are_spelt_like_place_names(g, name):
    # villages and streets GeoNames lacks, and a typo that keeps a name's letter runs
    assert g.unseen_trigrams(name) == []


def test_a_division_weighs_the_summed_population_of_its_places(g):
    florida = g.regions.resolve("Florida")
    us_fl = [i for i in range(len(g.pop)) if g.admin_code(i) == "US.FL"]
    in_florida = g.division_population(Region("Florida", frozenset({"US.FL"}), "admin1"))
    assert in_florida == sum(int(g.pop[i]) for i in us_fl) > 10_000_000
    assert g.division_population(florida) >= in_florida  # also Florida, Uruguay and Puerto Rico
    assert g.division_population(g.regions.resolve("Peru")) == 0  # a whole country weighs nothing here
