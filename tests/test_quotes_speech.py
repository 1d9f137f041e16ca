"""Pass 5, speech: titles, slogans and scare quotes are not unattributed quotations."""

import pytest

from server import quotes as quote_analysis


@pytest.mark.parametrize("text", [
    "The exhibition “The World of Tomorrow” opened in 1939.",
    "The queue for “The World of Tomorrow” grew all week.",
    "The so-called “liberation” of the city took three days.",
])
def test_titles_and_scare_quotes_raise_no_warning(nlp, text):
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert len(quotes) == 1 and not quotes[0].speech
    assert findings == []


def test_a_title_beside_an_unnamed_subject_is_only_a_note(nlp):
    # "visitors" is a person noun (WordNet's): the unnamed subject of the title's sentence gets
    # the info note of EVIDENCE.md, never a caution: the title is nobody's statement
    quotes, findings = quote_analysis.analyze(nlp("Visitors queued for “The World of Tomorrow” all week."))
    assert len(quotes) == 1 and not quotes[0].speech
    assert [(f.code, f.severity) for f in findings] == [("quote.anonymous", "info")]


def test_a_title_word_in_the_sentence_before_does_not_make_a_title(nlp):
    text = ("“We are in good shape,” said Tad Devine, a senior adviser on the campaign. "
            "“We could win enough delegates in the last states to close the gap.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    later = next(q for q in quotes if "enough delegates" in text[q.span.start : q.span.end])
    assert later.speech and later.speaker.kind == "named"
    assert findings == []


def test_an_unnamed_subject_of_no_speech_verb_does_not_say_a_full_statement(nlp):
    # nothing says the commuters spoke: the quotation has no speaker, it is not anonymous
    text = ("The mayor opened the new line on Monday. Commuters can expect the trains to deliver "
            "“a faster ride into the city than anything they have known before.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[0].speaker.kind == "none"
    assert [f.code for f in findings] == ["quote.unattributed"]


def test_a_named_subject_of_no_speech_verb_keeps_the_statement(nlp):
    text = ("The mayor opened the new line on Monday. Gov. Jane Roe thanked the crews for "
            "“a faster ride into the city than anything we have known before.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[0].speaker.kind == "named" and findings == []


def test_an_unnamed_subject_keeps_its_scare_quote(nlp):
    quotes, findings = quote_analysis.analyze(nlp("Voters are tired of the “politics as usual” of the capital."))
    assert quotes[0].speaker.kind == "anonymous"
    assert [(f.code, f.severity) for f in findings] == [("quote.anonymous", "info")]


def test_a_statement_continuing_a_borrowed_word_of_an_unnamed_group_is_unattributed(nlp):
    text = ("Many commuters use the word “gridlock.” Why not just say: "
            "“Nobody can get to work on time in this town any more”?")
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert [q.speaker.kind for q in quotes] == ["anonymous", "none"]
    assert [(f.code, f.severity) for f in findings] == [
        ("quote.anonymous", "info"), ("quote.unattributed", "caution")]


@pytest.mark.parametrize("text, severity", [
    ("In the words of an aide, “Could the vote be held before the budget is even written?”",
     "caution"),
    ("In Dr. Roe's words, “Could the vote be held before the budget is even written?”", None),
])
def test_the_words_of_an_in_the_words_of_frame_are_its_cue_not_a_mention(nlp, text, severity):
    # "words" before a quote makes a mention ("the word “…”"), but not when it is the quote's
    # own frame: the statement is speech, and an unnamed source's a caution
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert len(quotes) == 1 and quotes[0].speech
    assert [f.severity for f in findings] == ([severity] if severity else [])


@pytest.mark.parametrize("text", [
    "To test this, the researchers asked volunteers to perform a “colour naming” task.",
    "An aide said the “bridge repair” fund was empty.",
])
def test_a_quoted_noun_modifier_names_a_thing_and_is_only_a_note(nlp, text):
    # the quoted words hang, as a compound, from the noun after the closing mark: a term for
    # a kind of thing, not a statement; an unnamed subject gets the info note, not the caution
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert len(quotes) == 1 and not quotes[0].speech
    assert [(f.code, f.severity) for f in findings] == [("quote.anonymous", "info")]
