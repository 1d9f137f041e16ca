"""Helpers the quotation tests share: analyse a text, and read a quotation's speaker."""

from server import quotes as quote_analysis


def run(nlp, text):
    """The text with its quotations and findings."""
    quotes, findings = quote_analysis.analyze(nlp(text))
    return text, quotes, findings


def speaker_of(text, quotes, words):
    """The speaker span's words and kind of the quotation holding `words`."""
    q = next(q for q in quotes if words in text[q.span.start : q.span.end])
    sp = q.speaker
    return (text[sp.span.start : sp.span.end] if sp.span else None), sp.kind


def assert_named_speaker(nlp, text, words, speaker):
    """The quotation holding `words` goes to the named `speaker`, and the text raises no finding."""
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, words) == (speaker, "named")
    assert findings == []
