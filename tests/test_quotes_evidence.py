"""The reason of a quote.anonymous finding says what the reader can check in the text."""

import pytest

from server import quotes as quote_analysis


def reasons(nlp, text):
    _, findings = quote_analysis.analyze(nlp(text))
    return [(f.code, f.details["reason"]) for f in findings]


def test_a_described_speaker_and_its_verb(nlp):
    text = "“The ferry will not sail before noon,” said a harbour official."
    assert reasons(nlp, text) == [(
        "quote.anonymous",
        "“a harbour official” describes the speaker but names nobody; "
        "it is the subject of “said”",
    )]


def test_the_words_that_keep_the_source_unnamed(nlp):
    text = ("A harbour official who asked not to be identified said: "
            "“The ferry will not sail before noon.”")
    [(code, reason)] = reasons(nlp, text)
    assert code == "quote.anonymous"
    assert reason.startswith("“asked not to be identified” keeps the source unnamed")
    assert reason.endswith("“A harbour official” is the subject of “said”")


def test_according_to_an_unnamed_source(nlp):
    text = "“The ferry will not sail before noon,” according to people briefed on the timetable."
    [(code, reason)] = reasons(nlp, text)
    assert code == "quote.anonymous" and reason.endswith("comes after “according to”")


@pytest.mark.parametrize("text", [
    "A harbour official who asked not to be identified said the ferry was late. "
    "“The tide is too low,” he added.",
    "“The ferry is late,” said a harbour official who asked not to be identified. "
    "“The tide is too low.”",
])
def test_a_pronoun_or_a_continuation_names_its_unnamed_source(nlp, text):
    found = reasons(nlp, text)
    assert found and found[-1][0] == "quote.anonymous"
    assert found[-1][1].lower().endswith(": “a harbour official”")
