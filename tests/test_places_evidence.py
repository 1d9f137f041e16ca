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
