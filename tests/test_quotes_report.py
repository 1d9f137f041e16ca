"""Pass 6, the report: which quotations with no speaker are warned about (report.someone_near)."""

import pytest

from server import quotes as quote_analysis


@pytest.mark.parametrize("text", [
    # a he/she in the quote's own sentence: the partial quote may well be his
    ("Putting the show together, Jane Roe said, allowed her to grow. Audiences can expect him to "
     "approach the evening with “maybe a little more recklessness than they are used to.”"),
    # a person named in the sentence before, not its subject: the statement may be hers
    # (a sentence whose subject she is makes her the speaker: tests/test_quotes_carryover.py)
    ("The party is united behind Jane Roe, in part because the race is close.\n\n"
     "“Not only can we win in November, we have the best chance of winning.”"),
])
def test_no_warning_when_someone_near_may_have_said_it(nlp, text):
    quotes, findings = quote_analysis.analyze(nlp(text))
    last = quotes[-1]
    assert last.speech and last.speaker.kind == "none"
    assert "quote.unattributed" not in [f.code for f in findings]


@pytest.mark.parametrize("text", [
    "Families are stocking up on firewood. “Nobody will heat these flats in January.”",
    # a person two sentences back is not near
    ("Jane Roe spoke on Monday. Families are stocking up on firewood.\n\n"
     "“Nobody will heat these flats in January.”"),
    # a name inside the quote marks says nothing of who is quoted
    "Families are stocking up. “Nobody, not even Jane Roe, will heat these flats in January.”",
])
def test_a_quote_with_nobody_near_is_unattributed(nlp, text):
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[-1].speaker.kind == "none"
    assert [f.code for f in findings] == ["quote.unattributed"]


def _untag_last(doc, word):
    """The doc with the last `word` no longer part of any entity (as the small model sometimes
    reads a surname: a verb, a firm, nothing)."""
    last = max(t.i for t in doc if t.text == word)
    doc.set_ents([e for e in doc.ents if not e.start <= last < e.end])
    return doc


def test_a_surname_of_the_article_is_someone_near_however_tagged(nlp):
    text = ("Jane Roe toured the depot on Monday.\n\nFamilies are stocking up on firewood.\n\n"
            "“Nobody will heat these flats in January,” Roe from the porch.")
    doc = _untag_last(nlp(text), "Roe")
    quotes, findings = quote_analysis.analyze(doc)
    assert quotes[-1].speaker.kind == "none"
    assert "quote.unattributed" not in [f.code for f in findings]


def test_a_capitalised_word_that_is_no_surname_of_the_article_is_nobody(nlp):
    text = ("Jane Roe toured the depot on Monday.\n\nFamilies are stocking up on firewood.\n\n"
            "“Nobody will heat these flats in January,” Depot from the porch.")
    doc = _untag_last(nlp(text), "Depot")
    quotes, findings = quote_analysis.analyze(doc)
    assert quotes[-1].speaker.kind == "none"
    assert [f.code for f in findings] == ["quote.unattributed"]
