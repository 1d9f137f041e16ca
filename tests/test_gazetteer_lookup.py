"""The gazetteer: normalisation, exact and fuzzy lookup, regions, and the compact index's life."""

import numpy as np
import pytest

from server import datafiles

from server.gazetteer import Gazetteer, normalize
from server.gazetteer import index as gi
from server.gazetteer import lookup as gz


@pytest.fixture(scope="module")
def g():
    return Gazetteer.load()


def names(g, ids):
    return [g.name(i) for i in ids]


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
    ],
)
def test_regions_resolve_countries_divisions_and_the_own_table(g, phrase, codes):
    region = g.regions.resolve(phrase)
    assert region is not None and set(region.codes) == codes


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


def test_index_is_current_only_for_this_format_and_source(tmp_path, g):
    assert gi.is_current(g.path)
    assert not gi.is_current(tmp_path / "missing.npz")
    stale = tmp_path / "stale.npz"
    np.savez(stale, meta=np.frombuffer(b'{"fingerprint": "format=0"}', np.uint8))
    assert not gi.is_current(stale)


def test_a_stale_index_is_rebuilt_on_load(tmp_path, monkeypatch):
    target = tmp_path / "g.npz"
    built = []
    monkeypatch.setattr(gi, "build_index", lambda path: built.append(path))
    monkeypatch.setattr(gi, "is_current", lambda path: bool(built))
    assert gz.ensure_index(target) == target
    assert built == [target]


def test_default_index_lives_in_the_user_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert gi.index_path().parent == tmp_path / "sourcemark"


@pytest.mark.parametrize("word", ["Carter", "Within", "Retina", "Mercia", "Nollywood", "Anfield", "Neymar", "Shiite"])
def test_known_words_and_names_have_a_real_zipf_frequency(g, word):
    assert 2 <= g.zipf(word) <= 6


@pytest.mark.parametrize("word", ["Lodnon", "Berlni", "Pitsburgh", "Severodonnetsk"])
def test_misspelled_names_are_known_to_nobody(g, word):
    assert g.zipf(word) == 0


def test_index_file_name_changes_with_the_format(monkeypatch):
    name = gi.index_path().name
    assert name.startswith(f"gazetteer-v{gi.FORMAT_VERSION}-")
    monkeypatch.setattr(gi, "FORMAT_VERSION", gi.FORMAT_VERSION + 1)
    monkeypatch.setattr(gi, "_fingerprint", None)
    assert gi.index_path().name != name
