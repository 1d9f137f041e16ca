"""A typist's swap of two neighbouring letters is a slip also in an article that names no
country: there is nothing to be abroad from (EVIDENCE.md, place.misspelled, "slip")."""

import pytest


def misspelled(analyzer, text, word):
    report = analyzer.analyze(text)
    return [f for f in report.findings if f.code == "place.misspelled" and text[f.span.start : f.span.end] == word]


@pytest.mark.parametrize(
    "text, word, meant",
    [
        # two neighbouring letters of Lafayette (a notable town) swapped; the article names no country
        ("Her sister moved to Lafaytete last spring.", "Lafaytete", "Lafayette"),
        ("A new bakery opened in Decatru on Monday, the owner said.", "Decatru", "Decatur"),
    ],
)
def test_a_swap_of_a_notable_town_in_a_countryless_article_is_a_warning(analyzer, text, word, meant):
    got = misspelled(analyzer, text, word)
    assert got and got[0].severity == "warning"
    assert meant in [s["name"] for s in got[0].details["suggestions"][:3]]


def test_a_swap_alone_of_a_small_town_stays_info(analyzer):
    # Elkader, Iowa is a small town: the swap is one signal, no second one
    text = "Her sister moved to Elkdaer last spring."
    got = misspelled(analyzer, text, "Elkdaer")
    assert got and got[0].severity == "info"
