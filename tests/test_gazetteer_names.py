"""The gazetteer's name normalisation (server/gazetteer/names.py)."""

import pytest

from server.gazetteer import normalize


@pytest.mark.parametrize(
    "raw, key",
    [
        ("SevSk", "sevsk"),
        ("SEVSK", "sevsk"),
        ("Sevs'k", "sevsk"),
        ("Sevs’k", "sevsk"),
        ("Ivano-Frankivsk", "ivano frankivsk"),
        ("Zürich", "zurich"),
        ("Łódź", "lodz"),
        ("St. Petersburg", "st petersburg"),
    ],
)
def test_normalize_folds_case_accents_apostrophes_and_hyphens(raw, key):
    assert normalize(raw) == key


@pytest.mark.parametrize("country", ["UA", "RU", "CN", "IR", "EG", "IN"])
def test_countries_written_in_another_script_have_romanised_names(country):
    from server.gazetteer import romanised_country

    assert romanised_country(country)


@pytest.mark.parametrize("country", ["US", "GB", "FR", "DE", "VN", "TR", "NG"])
def test_countries_written_in_latin_script_do_not(country):
    from server.gazetteer import romanised_country

    assert not romanised_country(country)
