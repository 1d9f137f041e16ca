"""Pass 3b, the speaker ranker: a learned second look among the phrases that may have spoken."""

import json

import pytest

from server import datafiles
from server import quotes as quote_analysis
from server.quotes import ranker
from tests.quote_helpers import run, speaker_of


@pytest.fixture()
def weights(monkeypatch):
    """Swap in hand-made weights for one test."""
    def use(table):
        monkeypatch.setattr(ranker, "weights", lambda: table)
    return use


def test_the_shipped_weights_are_a_small_table_that_trusts_the_rules():
    path = datafiles.path(ranker.WEIGHTS)
    assert len(path.read_bytes()) < 20_000
    table = json.loads(path.read_text(encoding="utf-8"))
    assert "dev" in table["trained_on"]
    w = table["weights"]
    assert w["rule"] > 0  # the rules' own speaker starts ahead
    assert all(isinstance(v, float) for v in w.values())


def test_a_thing_taken_for_the_speaker_loses_to_the_person_who_put_out_the_words(nlp):
    # the rules read "the hearing" (the nearer clause's subject); the governor's letter speaks
    text, quotes, findings = run(nlp, (
        "The governor released a letter as the hearing opened promising to “stand with every "
        "farmer” in the county."))
    assert speaker_of(text, quotes, "every farmer") == ("The governor", "named")
    assert findings == []


def test_without_weights_the_rules_decide(nlp, weights):
    text = ("The governor released a letter as the hearing opened promising to “stand with every "
            "farmer” in the county.")
    weights(None)
    _, quotes, _ = run(nlp, text)
    assert speaker_of(text, quotes, "every farmer")[0] != "The governor"


def test_a_report_touching_its_quote_is_never_overruled(nlp, weights):
    # weights that would pick any other subject: the report next to the quote still wins
    weights({"rule": -50.0, "source=subject": 50.0})
    text, quotes, _ = run(nlp, "“We are through,” the coach said as a fan shouted: “Go home!”")
    assert speaker_of(text, quotes, "Go home")[0] == "a fan"
    assert speaker_of(text, quotes, "We are through")[0] == "the coach"


def test_the_ranker_never_makes_a_named_speaker_unnamed(nlp, weights):
    weights({"kind=anonymous": 50.0})
    text, quotes, findings = run(nlp, (
        "Senator Jane Roe said on Monday, as two aides looked on, that the plan was “dead on "
        "arrival.”"))
    assert speaker_of(text, quotes, "dead on") == ("Senator Jane Roe", "named")
    assert findings == []


def test_a_quote_with_no_speaker_stays_unattributed(nlp, weights):
    weights({"source=subject": 50.0})
    text, quotes, findings = run(nlp, (
        "Families on the hill are stocking up on firewood.\n“Nobody will heat these flats in "
        "January.”"))
    assert speaker_of(text, quotes, "Nobody")[1] == "none"
    assert [f.code for f in findings] == ["quote.unattributed"]


def test_every_candidate_is_described_by_named_features(nlp):
    seen = []
    collect = ranker.Ranking(weights=None, collector=lambda art, frame, cands: seen.append(cands))
    quote_analysis.analyze(nlp("Jane Roe said on Monday that the mayor had called the plan "
                               "“dead on arrival.”"), collect)
    assert seen and len(seen[0]) >= 2
    assert sum(c.rule for c in seen[0]) == 1
    for c in seen[0]:
        assert c.features["bias"] == 1.0
        assert all(isinstance(k, str) and isinstance(v, float) for k, v in c.features.items())
