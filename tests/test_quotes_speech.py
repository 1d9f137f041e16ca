"""Pass 5, speech: titles, slogans and scare quotes are not unattributed quotations."""

import pytest

from server import quotes as quote_analysis


@pytest.mark.parametrize("text", [
    "The exhibition “The World of Tomorrow” opened in 1939.",
    "Visitors queued for “The World of Tomorrow” all week.",
    "The so-called “liberation” of the city took three days.",
])
def test_titles_and_scare_quotes_raise_no_warning(nlp, text):
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert len(quotes) == 1 and not quotes[0].speech
    assert findings == []


def test_a_title_word_in_the_sentence_before_does_not_make_a_title(nlp):
    text = ("“We are in good shape,” said Tad Devine, a senior adviser on the campaign. "
            "“We could win enough delegates in the last states to close the gap.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    later = next(q for q in quotes if "enough delegates" in text[q.span.start : q.span.end])
    assert later.speech and later.speaker.kind == "named"
    assert findings == []
