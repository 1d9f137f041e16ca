"""The language rule: English is read, a text surely in another language gets no findings and says
why, and a text too short or too mixed to judge is read as English."""

from __future__ import annotations

import pytest

from server import language
from server.extract import article_text
from tests.conftest import FIXTURES

OTHER = sorted((FIXTURES / "pages" / "other-languages").glob("*.html"))
EXPECTED = {"lemonde-1": "fr", "liberation-1": "fr", "heise": "de", "la-nacion": "es", "folha": "pt", "aktualne": "cs"}

FRENCH = (
    "Le Sénat a adopté mardi soir, après un long débat, le projet de loi sur la réforme des "
    "retraites. « Nous avons tenu nos engagements », a déclaré la ministre devant les sénateurs, "
    "tandis que l'opposition dénonçait un passage en force et promettait de saisir le Conseil "
    "constitutionnel dans les prochains jours."
)
SPANISH = (
    "El presidente viajó el lunes a Kenia para una cumbre regional sobre el clima. «Es un momento "
    "decisivo para el continente», dijo a los periodistas antes de reunirse con sus homólogos, "
    "quienes pidieron más financiación para adaptarse a las sequías que golpean la región."
)
ENGLISH = (
    "The mayor said on Monday that the bridge over the river would reopen by the end of the month, "
    "after engineers found that the damage caused by the flood was less serious than first feared. "
    "Residents have had to drive an extra twenty miles to reach the hospital since March."
)


def test_english_news_is_read():
    verdict = language.identify(ENGLISH)
    assert verdict.english and verdict.code == "en" and verdict.reason == "english"


@pytest.mark.parametrize("text, code", [(FRENCH, "fr"), (SPANISH, "es")])
def test_a_paragraph_in_another_language_is_not_read(text, code):
    verdict = language.identify(text)
    assert not verdict.english
    assert (verdict.code, verdict.reason) == (code, "other_language")
    assert verdict.confidence >= language.MIN_CONFIDENCE


@pytest.mark.parametrize("text", ["Warm-up text from Kyiv.", "Sevsk.", "“Kenia”, dijo.", "Le Sénat a voté."])
def test_a_text_too_short_to_judge_is_read_as_english(text):
    verdict = language.identify(text)
    assert verdict.english
    assert verdict.reason in ("english", "too_short")


def test_a_long_text_in_another_language_is_still_judged():
    # the identifier grows unsure as a text grows: the verdict is taken on the text's beginning
    verdict = language.identify("\n\n".join([FRENCH] * 600))
    assert (verdict.code, verdict.english) == ("fr", False)


def test_an_english_article_quoting_a_passage_in_french_stays_english():
    text = "\n\n".join([ENGLISH, ENGLISH.replace("mayor", "governor"), FRENCH])
    assert language.identify(text).english


def test_foreign_names_joined_by_english_words_are_english(analyzer):
    # a list of 1,500 real place names from the gazetteer, joined as an article would join them:
    # langid takes it for another language (Bikol), its English function words do not
    import random

    g, rnd = analyzer.gazetteer, random.Random(1)
    names = [g.name(i) for i in rnd.sample(range(len(g.gid)), 1500)]
    text = " ".join(rnd.choice(("in {}", "near {} and", "{},", "the city of {}", "{}'s")).format(n) for n in names)
    verdict = language.identify(text)
    assert verdict.english, verdict
    assert language.english_function_words(text) >= language.MIN_ENGLISH_FUNCTION_WORDS


@pytest.mark.parametrize("text, english", [(ENGLISH, True), (FRENCH, False), (SPANISH, False)])
def test_english_function_words_tell_english_prose(text, english):
    assert (language.english_function_words(text) >= language.MIN_ENGLISH_FUNCTION_WORDS) == english


def test_a_french_page_with_an_english_caption_is_not_read():
    text = "\n\n".join([FRENCH, FRENCH.replace("mardi", "jeudi"), "Photo: the Senate in Paris on Tuesday.", FRENCH])
    assert not language.identify(text).english


@pytest.mark.parametrize("page", OTHER, ids=lambda p: p.stem)
def test_real_pages_in_other_languages_are_not_read(page):
    pytest.importorskip("trafilatura")
    verdict = language.identify(article_text(page.read_text(encoding="utf-8"), page.name))
    assert (verdict.code, verdict.english) == (EXPECTED[page.stem], False)


def test_the_analysis_of_another_language_is_empty_and_says_why(analyzer):
    report = analyzer.analyze_json(SPANISH)
    assert report["findings"] == [] and report["quotes"] == [] and report["places"] == []
    assert report["meta"]["skipped"] == "language"
    assert report["meta"]["language"]["code"] == "es"
    assert report["summary"]["quotes"] == 0


def test_an_english_report_names_its_language(analyzer, seed_text):
    report = analyzer.analyze_json(seed_text)
    assert report["meta"]["language"]["code"] == "en"
    assert "skipped" not in report["meta"]
    assert report["findings"]
