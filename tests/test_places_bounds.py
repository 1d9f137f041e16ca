"""The place analysis on hostile texts: its work is bounded and it honours the deadline."""

import time

import pytest

from server import deadline, places
from server.places import evidence, rules


@pytest.fixture(scope="module")
def g(analyzer):
    return analyzer.gazetteer


def test_fuzzy_lookups_are_budgeted_by_the_text_length(g):
    budget = evidence.FuzzyBudget(g, n_tokens=1_000)
    assert budget.left == rules.FUZZY_BASE + 1_000 // rules.FUZZY_TOKENS_EACH
    words = [f"Qzx{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}vort" for i in range(budget.left + 5)]
    for w in words:
        budget.fuzzy(w.lower(), 2)
    assert budget.left == 0
    assert budget.fuzzy("lodnon", 1) == []  # past the budget: no more lookups
    assert budget.fuzzy(words[0].lower(), 2) is not None  # a word seen before is remembered


def test_a_long_list_of_places_is_checked_up_to_the_bound(nlp, g):
    towns = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Poltava", "Sumy", "Kherson", "Mykolaiv"]
    text = "Sirens sounded in " + ", ".join(towns * 400) + "."
    result = places.analyze(nlp(text), g)
    assert len(result.places) == rules.MAX_CANDIDATES
    assert all(p.status == "ok" for p in result.places)
    assert result.unchecked.candidates == len(towns) * 400 - rules.MAX_CANDIDATES


def test_the_report_says_what_was_left_unchecked(analyzer):
    towns = ["Kharkiv", "Odesa", "Lviv", "Dnipro", "Poltava", "Sumy", "Kherson", "Mykolaiv"]
    report = analyzer.analyze("Sirens sounded in " + ", ".join(towns * 400) + ".")
    assert report.meta["unchecked"] == {"place_candidates": len(towns) * 400 - rules.MAX_CANDIDATES}
    assert "unchecked" not in analyzer.analyze("Sirens sounded in Kharkiv and Odesa.").meta


def test_names_past_the_fuzzy_budget_are_counted_as_unchecked(g):
    budget = evidence.FuzzyBudget(g, n_tokens=0)
    words = [f"qzx{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}vort" for i in range(budget.left + 3)]
    for w in words + words[-3:]:
        budget.fuzzy(w, 2)
    assert budget.refused == set(words[-3:])


def test_the_places_stage_stops_at_the_deadline(nlp, g):
    doc = nlp(" ".join(f"in Kharkiv{chr(97 + i % 26)}ka," for i in range(2_000)))
    with pytest.raises(deadline.AnalysisTimeout):
        with deadline.limit(0.001):
            time.sleep(0.01)
            places.analyze(doc, g)
