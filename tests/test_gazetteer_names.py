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
