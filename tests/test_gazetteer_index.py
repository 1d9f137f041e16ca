"""The compact gazetteer index: format, fingerprint, place in the cache (server/gazetteer/index.py)."""

import numpy as np
import pytest

from server.gazetteer import Gazetteer
from server.gazetteer import index as gi
from server.gazetteer import lookup as gz


@pytest.fixture(scope="module")
def g():
    return Gazetteer.load()


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



def test_index_file_name_changes_with_the_format(monkeypatch):
    name = gi.index_path().name
    assert name.startswith(f"gazetteer-v{gi.FORMAT_VERSION}-")
    monkeypatch.setattr(gi, "FORMAT_VERSION", gi.FORMAT_VERSION + 1)
    monkeypatch.setattr(gi, "_fingerprint", None)
    assert gi.index_path().name != name


def test_letter_trigrams_mark_each_words_start_and_end():
    assert gi.letter_trigrams("new york") == ["^ne", "new", "ew$", "^yo", "yor", "ork", "rk$"]


def test_name_trigrams_hold_the_letter_runs_of_main_names_only_in_latin_script():
    table, counts = gi.name_trigrams(["Kyiv", "Київ", "Sevsk", "Sevastopol"])
    assert [t.decode() for t in table] == sorted(["^ky", "kyi", "yiv", "iv$", "^se", "sev", "evs", "vsk", "sk$",
                                                   "eva", "vas", "ast", "sto", "top", "opo", "pol", "ol$"])
    # how many main names hold each: "Sevsk" and "Sevastopol" both open with "sev"
    assert dict(zip((t.decode() for t in table), counts.tolist()))["sev"] == 2
    assert dict(zip((t.decode() for t in table), counts.tolist()))["vsk"] == 1


def test_rare_trigrams_count_the_main_names_holding_them(g):
    # "xee" (Milwauxee, a slip of Milwaukee) is a run one main name in GeoNames holds, "rln"
    # (Berlni) one none does; "mil", "wau" are common.
    assert g.rare_trigrams("Milwauxee", 2) == [("xee", 1)]
    assert g.rare_trigrams("Berlni", 0) == [("rln", 0)] and g.unseen_trigrams("Berlni") == ["rln"]
    assert g.rare_trigrams("Milwaukee", 2) == []


def test_an_index_built_without_some_places_lacks_only_them(tmp_path, g):
    # The evaluation's gazetteer lacking real villages (eval/places/villages.py).
    gone = g.exact("Pantego")[0]
    kept = g.exact("Arlington")[0]
    small = Gazetteer.load(gi.build_index(tmp_path / "without.npz", leave_out=frozenset({int(g.gid[gone])})))
    assert small.exact("Pantego") == [] and small.exact("Arlington")
    assert small.meta["places"] == g.meta["places"] - 1 and small.meta["left_out"] == 1
    assert int(small.gid[small.exact("Arlington")[0]]) == int(g.gid[kept])
