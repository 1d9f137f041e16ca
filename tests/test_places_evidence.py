"""Stage 4 of the place analysis: the evidence about a word the gazetteer lacks (server/places/evidence.py)."""

import pytest

from server.places.evidence import written_as_a_name


@pytest.mark.parametrize("text", ["Berlni", "LODNON", "New Lbndon", "Wilkes-Barre", "Sevs'k"])
def test_a_name_is_written_in_title_case_or_capitals(text):
    assert written_as_a_name(text)


@pytest.mark.parametrize("text", ["QThere", "MandM", "CoxHealth", "eBay", ""])
def test_a_capital_inside_a_word_makes_a_brand_or_words_run_together(text):
    # their letter runs ("^qt", "ndm") say nothing about a typo
    assert not written_as_a_name(text)


def test_a_name_opened_by_an_abbreviated_direction_is_a_place(analyzer):
    # "S.E. Parios" (tagged ORG) is the south-east of a town, not a firm whose last word is Parios
    text = "Fire damages S.E. Parios apartment. Parios firefighters made quick work of a kitchen fire."
    got = [f for f in analyzer.analyze(text).findings if f.code == "place.misspelled"]
    assert got and all(f.severity == "warning" for f in got)
    assert got[0].details["suggestions"][0]["name"] == "Paris"


def test_the_longer_the_name_the_smaller_a_city_two_letters_off_may_be_to_be_notable():
    from server.places.evidence import notable_floor

    assert notable_floor(2, 9) == 100_000 < notable_floor(2, 8) == 250_000 < notable_floor(2, 6) == 1_000_000
    assert notable_floor(2, 4) == float("inf")


class _OneTownWorld:
    """An article naming one town (and so its country), and nothing else."""

    def __init__(self, g, town):
        self.g, self.towns, self.codes, self.named_keys = g, [town, town], set(), set()
        self.countries = {g.country_code(town)}

    def nearest_km(self, i, own=()):
        return self.g.distance_km(i, self.towns[0])

    def names_town(self, i):
        return False

    def divisions_of(self, country):
        return set()

    def bonus(self, i):
        return 0.0


def test_two_letters_from_a_mere_alternate_name_back_nothing(analyzer):
    # Akron's alternate names hold spellings of many languages ("akrono", "ehkron"): a word two
    # letters from one of them lends no closeness or size, one letter from one still does, as
    # two letters from its main name do.
    from server.gazetteer import NearMiss
    from server.places.evidence import _near_place

    g = analyzer.gazetteer
    akron = max((i for i in g.exact("Akron") if g.country_code(i) == "US"), key=lambda i: int(g.pop[i]))
    world = _OneTownWorld(g, akron)
    two_off_alternate = _near_place(akron, NearMiss("ehkron", 2, (akron,)), "ehkrono", [], g, world)
    assert not two_off_alternate.close and not two_off_alternate.notable
    one_off_alternate = _near_place(akron, NearMiss("ehkron", 1, (akron,)), "ehkrn", [], g, world)
    assert one_off_alternate.close
    two_off_main = _near_place(akron, NearMiss("akron", 2, (akron,)), "akroonn", [], g, world)
    assert two_off_main.close and two_off_main.main_name


def _variants(g, key, countries=frozenset()):
    from server.places.evidence import variant_ids

    return {(g.name(i), g.country_code(i)) for i in variant_ids(key, g.fuzzy(key, 2, limit=200), g, countries)}


@pytest.mark.parametrize("word, place", [("ternopyl", ("Ternopil", "UA")), ("khmelnitskyi", ("Khmelnytskyi", "UA"))])
def test_another_romanisation_of_a_town_of_a_country_written_in_another_script_is_that_town(analyzer, word, place):
    assert place in _variants(analyzer.gazetteer, word)


def test_a_town_of_a_latin_script_country_has_one_spelling(analyzer):
    # "Cincinnaty" folds to Cincinnati's romanisation skeleton (y = i) but is a typo there
    assert _variants(analyzer.gazetteer, "cincinnaty", {"US"}) == set()
    got = [f for f in analyzer.analyze("He drove from Chicago to Cincinnaty on Monday.").findings
           if f.code == "place.misspelled"]
    assert got and got[0].severity == "warning" and got[0].details["suggestions"][0]["name"] == "Cincinnati"


def test_a_latin_script_name_run_together_is_still_a_way_of_writing_it(analyzer):
    # "Saintpaul", "SanBernardino": the spacing, not the letters, differs
    assert ("Saint Paul", "US") in _variants(analyzer.gazetteer, "saintpaul", {"US"})
    assert ("San Bernardino", "US") in _variants(analyzer.gazetteer, "sanbernardino", {"US"})


def test_a_variant_reading_gives_way_to_a_much_bigger_main_name_as_close(analyzer):
    # "Alany" is another romanisation of Ālanī (a village of Iran) and a letter from Albany
    g = analyzer.gazetteer
    assert _variants(g, "alany") == set()
    assert ("Ternopil", "UA") in _variants(g, "ternopyl")  # no bigger name as close
