"""The learned second look at a misspelling the rules keep at info (server/places/severity.py)."""

import pytest

from server import datafiles
from server.places import severity

ONE_SIGNAL = "The festival drew crowds to Austin, Texas. Later the band played in Sptoswood."


def finding(analyzer, text, word):
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == word]
    return got[0] if got else None


@pytest.fixture
def model(monkeypatch):
    def use(weights, threshold=0.5):
        table = {"weights": weights, "threshold": threshold}
        monkeypatch.setattr(severity, "table", lambda: table)

    return use


def test_without_a_model_the_rules_decide(analyzer, model):
    model({"bias": -30.0})  # a model that raises nothing
    got = finding(analyzer, ONE_SIGNAL, "Sptoswood")
    assert got.code == "place.misspelled" and got.severity == "info"


def test_the_model_makes_an_info_a_warning_and_the_card_says_why(analyzer, model):
    # Only the slip backs "Sptoswood" (rules: info); a model weighing a slip and one edit
    # enough makes it a warning, naming those facts.
    model({"bias": -3.0, "signal=slip": 2.0, "one_edit": 2.0})
    got = finding(analyzer, ONE_SIGNAL, "Sptoswood")
    assert got.code == "place.misspelled" and got.severity == "warning"
    assert set(got.details["weighed"]) == {"signal=slip", "one_edit"}
    assert "Weighed together" in got.message and "typist slips" in got.message
    assert "Spotswood" in [s["name"] for s in got.details["suggestions"][:3]]


def test_the_model_below_its_threshold_keeps_the_info(analyzer, model):
    model({"bias": -3.0, "signal=slip": 2.0, "one_edit": 2.0}, threshold=0.9)
    assert finding(analyzer, ONE_SIGNAL, "Sptoswood").severity == "info"


def test_the_model_never_makes_a_finding_the_rules_did_not(analyzer, model):
    # "Chatwal" is the man the article names in full (the rules: nothing at all), and a
    # known word is never a misspelling: a model that raises everything it sees adds nothing.
    model({"bias": 30.0})
    for text in (
        "Compare my case to that of Sant Singh Chatwal, hotelier and fundraiser. In 2012, Chatwal "
        "pleaded guilty in the Eastern District of New York.",
        "Within the Carter administration, officials met in Washington.",
    ):
        assert [f for f in analyzer.analyze(text).findings if f.severity == "warning"] == []


def test_the_shipped_weights_file_is_a_model_with_a_threshold():
    table = datafiles.json(severity.WEIGHTS)
    assert 0.5 <= table["threshold"] < 1
    assert table["weights"] and all(isinstance(v, float) for v in table["weights"].values())


def test_the_shipped_model_raises_a_slip_one_letter_from_a_town_in_a_place_role(analyzer):
    # The rules see one signal (the slip); the shipped weights weigh it with one edit from a
    # town's own name, after "in", and warn.
    severity.table.cache_clear()
    got = finding(analyzer, ONE_SIGNAL, "Sptoswood")
    assert got.code == "place.misspelled" and got.severity == "warning" and got.details["weighed"]


def test_no_learned_look_at_a_subject_the_model_calls_a_person(analyzer, model):
    # Pataskala (Ohio) a letter off close by, but "Pataskaa" is a subject the model calls a
    # person: the rules keep it at info and no model raises it.
    model({"bias": 30.0})
    text = "Officials in Newark and Columbus, Ohio, met on Monday. Pataskaa told reporters the plan was fine."
    got = finding(analyzer, text, "Pataskaa")
    assert got is None or got.severity == "info"


def test_the_model_weighs_how_much_rarer_the_words_letters_are_than_its_names(analyzer, model):
    # "Pcalair" holds a letter run few place names hold ("pca"), its near miss Calais none so
    # rare: a model weighing only that difference raises it; the rarity is the gazetteer's
    g = analyzer.gazetteer
    assert g.rarest_trigram("Pcalair") < 10 < 100 < g.rarest_trigram("Calais")
    text = "The charity works with Afghan migrants in France. Many sleep rough in Pcalair."
    model({"bias": -3.0, "rarer_than_name": 2.0})
    got = finding(analyzer, text, "Pcalair")
    assert got.code == "place.misspelled" and got.severity == "warning"
    assert got.details["weighed"] and "rarer_than_name" in got.details["weighed"]
