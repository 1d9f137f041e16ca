"""Pass 4, carry-over: quotations with no frame of their own, and what they may not inherit."""

import pytest

from server import quotes as quote_analysis
from tests.quote_helpers import run, speaker_of


def test_a_quote_after_a_sentence_with_no_speech_verb_has_no_speaker(nlp):
    text = "Families are stocking up on firewood. “Nobody will heat these flats in January.”"
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[0].speaker.kind == "none"
    assert [f.code for f in findings] == ["quote.unattributed"]


@pytest.mark.parametrize("text, speaker", [
    ("The vote was close. Hill went further. “This is the worst bill I have seen in Congress.”",
     "Hill"),
    ("Sen. Ann Hill, the Vermont Democrat who leads the panel, is skeptical. “I have heard these "
     "promises before.”", "Sen. Ann Hill"),
    ("The hearing ran late.\n\nOtto Brandt, the committee's chairman, was in no mood to "
     "celebrate.\n\n“We have a long way to go before the budget passes.”", "Otto Brandt"),
])
def test_a_quote_after_a_sentence_about_a_named_person_is_theirs(nlp, text, speaker):
    # no speech verb, but the sentence before introduces the person: the statement is theirs
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, "“") == (speaker, "named")
    assert findings == []


@pytest.mark.parametrize("text", [
    "Voters in the district are angry. “Nobody listens to us out here.”",
    "The bill stalled in the Senate. “Nobody listens to us out here.”",
])
def test_a_quote_after_a_sentence_about_people_described_or_a_thing_has_no_speaker(nlp, text):
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[-1].speaker.kind == "none"
    assert [f.code for f in findings] == ["quote.unattributed"]


def test_a_quote_after_a_reporting_sentence_is_its_speakers(nlp):
    text = ("Lynch announced on Monday a lawsuit against the state. “We are seeking a court order "
            "against the law.” The state has not answered.")
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[0].speaker.kind == "named" and findings == []


def test_split_quote_continues_with_the_same_speaker(nlp):
    text = "“After the mess,” said an official, “the analysis goes on.”"
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert [q.speaker.kind for q in quotes] == ["anonymous", "anonymous"]
    assert [f.code for f in findings] == ["quote.anonymous", "quote.anonymous"]


def test_a_statement_announced_in_the_paragraph_before_is_its_issuers(nlp):
    text = ("In response, Senator Jane Roe issued the following statement:\n"
            "“Our prayers are with all those affected by the horrible attacks.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    sp = quotes[0].speaker
    assert sp.kind == "named" and "Jane Roe" in text[sp.span.start : sp.span.end]
    assert findings == []


def test_a_quote_after_a_reporting_sentence_with_a_raised_verb_is_its_speakers(nlp):
    text = ("Jane Roe was quick to add that the deal does not include dropping the wall. "
            "“Building it? Not negotiable.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    sp = quotes[0].speaker
    assert sp.kind == "named" and text[sp.span.start : sp.span.end] == "Jane Roe"
    assert findings == []


def test_a_reporting_sentence_between_two_quotes_names_the_second_speaker(nlp):
    text = ("“The Fed has been laying down sign posts everywhere,” said Tom Poe. Jane Roe added that "
            "the Fed wants to get out of the way before the election. “They don’t like to talk "
            "about it, but they will be moving for political reasons.”")
    quotes, findings = quote_analysis.analyze(nlp(text))
    sp = quotes[1].speaker
    assert text[sp.span.start : sp.span.end] == "Jane Roe"
    assert findings == []


def test_he_after_a_passive_question_is_the_one_asked_not_the_asker(nlp):
    text = ("Recently, Herman Cain, a radio host, was asked by a caller why young men are "
            "coming as refugees. “So they can be planted among us and hurt us,” he said.")
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert quotes[0].speaker.kind == "pronoun"
    assert findings == []


def test_two_quotes_joined_by_and_share_the_attribution_after_them(nlp):
    text = ("Guns are “the ultimate public health crisis” and “stunt children’s growth,” Jane Roe, "
            "the former governor of Vermont, proclaimed to a cheering crowd.")
    quotes, findings = quote_analysis.analyze(nlp(text))
    assert [q.speaker.kind for q in quotes] == ["named", "named"]
    assert findings == []


def _first_speaker(nlp, text):
    """The first quotation's speaker text and kind, and the finding codes."""
    quotes, findings = quote_analysis.analyze(nlp(text))
    sp = quotes[0].speaker
    spoken = text[sp.span.start : sp.span.end] if sp.span else None
    return spoken, sp.kind, [f.code for f in findings]


def test_a_headline_quote_is_the_headlines_subjects(nlp):
    text = ("DNC issues ‘deep and sincere apology’ to Bernie Sanders.\n\n"
            "PHILADELPHIA, July 25 (UPI) — The Democratic National Committee released a "
            "statement on Monday: “On behalf of everyone at the DNC, we want to offer a deep and "
            "sincere apology to Senator Sanders.”")
    assert _first_speaker(nlp, text) == ("DNC", "named", [])


def test_a_heading_in_title_case_is_its_opening_names(nlp):
    text = ("Here are the things they said.\n\n1\n\nJohn Leguizamo On How U.S. History Makes "
            "Latinos Feel “Invisible.”\n\nIn a conversation with HuffPost, the actor spoke.")
    assert _first_speaker(nlp, text)[:2] == ("John Leguizamo", "named")


def test_a_quote_after_a_short_one_in_the_same_sentence_shares_its_speaker(nlp):
    text = ("Jack noted that “many of those elected from the “list” are undecided” and that, "
            "“We are confident that we will receive strong support from this delegation.”")
    text, quotes, findings = run(nlp, text)
    assert speaker_of(text, quotes, "We are confident") == ("Jack", "named")
    assert not any(f.code == "quote.unattributed" for f in findings)


def test_a_quote_after_a_second_report_in_a_relative_clause_continues_that_report(nlp):
    # "…," said X, a consultant who said …. “…”: the quote continues the latest report, whose
    # subject is the relative pronoun; the phrase runs on to it and stays X's
    text, quotes, findings = run(nlp, (
        "“He has to work harder,” said Lionel Sosa, a Texas media consultant and an influential "
        "Republican who said he would not vote for Mr. Cruz. “I am not sure that voters believe "
        "him.”"))
    speaker, kind = speaker_of(text, quotes, "not sure")
    assert kind == "named" and speaker.startswith("Lionel Sosa") and speaker.endswith(" who")
    assert speaker_of(text, quotes, "work harder") == ("Lionel Sosa", "named")
    assert findings == []


def test_a_paragraph_after_a_second_report_in_a_relative_clause_continues_that_report(nlp):
    text, quotes, findings = run(nlp, (
        "The plan was criticised by Jane Roe, a Texas consultant who said she would not vote for "
        "Mr. Cruz.\n“I am not sure that voters believe him.”"))
    assert speaker_of(text, quotes, "not sure") == ("Jane Roe, a Texas consultant who", "named")
    assert findings == []


def test_a_writers_aside_in_brackets_lends_the_sentence_before_it(nlp):
    # the paragraph ends in an aside: the quote after it continues the report before the aside
    text, quotes, findings = run(nlp, (
        "Jane Roe also spoke about the court case on Tuesday. (The ruling is expected in June.)\n"
        "“The law of the land is a constitutional right.”"))
    assert speaker_of(text, quotes, "law of the land") == ("Jane Roe", "named")
    assert findings == []



def test_a_headline_opening_with_one_word_and_a_colon_is_that_names(nlp):
    # the tagger reads a lone surname or an all-capitals column name before a headline's colon
    # as a common noun or a verb: a word the article never writes in lower case is a name
    text = ("Milbank: Republicans ‘Waving The Flag Of Surrender’ To Trump.\n\n"
            "That soft flapping sound you hear is the party giving up.")
    assert _first_speaker(nlp, text) == ("Milbank", "named", [])
    text = ("NEWSWATCHER: A ‘Seismic Shift’ Among Voters May Have Won Cruz The Caucus.\n\n"
            "Early analysis shows the polls were too early.")
    assert _first_speaker(nlp, text) == ("NEWSWATCHER", "named", [])


def test_a_headline_opening_with_a_common_word_and_a_colon_has_no_speaker_from_it(nlp):
    text = ("Poll: Voters ‘Tired’ Of Both Candidates.\n\n"
            "A new poll shows voters are weary of the race.")
    assert _first_speaker(nlp, text)[:2] == (None, "none")


def test_a_headline_kickers_colon_comes_before_its_subject(nlp):
    # "The Latest:" is no name; the subject opens after it, a word of a person named below
    # that the tagger reads as a common noun there
    text = ("The Latest: Cook delivers defense of ‘Ohio values.’\n\n"
            "COLUMBUS (AP) — The latest on the race. Tim Cook spoke on Monday. She agreed.")
    assert _first_speaker(nlp, text) == ("Cook", "named", [])


def test_a_heading_opening_with_names_of_the_article_outside_any_entity_is_theirs(nlp):
    # the tagger leaves the heading's name out of any entity (and reads the verb after it as a
    # proper noun too): the words of a person the article names below make the subject
    text = ("Here are the things they said.\n\n4\nEva Longoria Questioned What It Means To Be "
            "“Mexican Enough.”\n\nGetty.\n\nEva Longoria spoke about her home town in an "
            "interview.")
    assert _first_speaker(nlp, text)[:2] == ("Eva Longoria", "named")


@pytest.mark.parametrize("text, speaker", [
    # the report goes on with someone else taking the floor: the next quote is theirs
    ("“We drove all night to get here,” Otto Brandt said, and his daughter cut in. “He drove, "
     "I slept the whole way.”", "his daughter"),
    ("“The roof leaks in every storm,” Jane Roe said, and her neighbour interrupted. "
     "“Only in the kitchen.”", "her neighbour"),
    # a pronoun may be the same speaker, a verb with an object tells of something else
    ("“We drove all night to get here,” Otto Brandt said, and he laughed. “Twelve hours.”",
     "Otto Brandt"),
    ("“We drove all night to get here,” Otto Brandt said, and his daughter took a photo. "
     "“Twelve hours.”", "Otto Brandt"),
])
def test_a_quote_after_someone_takes_the_floor_is_theirs(nlp, text, speaker):
    text, quotes, findings = run(nlp, text)
    last = quotes[-1].span
    assert speaker_of(text, quotes, text[last.start : last.end])[0] == speaker
    assert findings == []


@pytest.mark.parametrize("text, speaker", [
    # the report set in the sentence as an aside after the second quote is the whole sentence's
    ("Those who spend their days “watching cable news” and reading posts on “the darker corners "
     "of the web,” he said, end up angry and confused.", ("he", "pronoun")),
    ("A decade of “benign neglect” by the county and a string of “broken promises from the "
     "state,” Jane Roe said, left the roads in ruins.", ("Jane Roe", "named")),
])
def test_quotes_of_a_sentence_share_its_report_set_after_the_last(nlp, text, speaker):
    text, quotes, _ = run(nlp, text)
    assert [speaker_of(text, quotes, text[q.span.start : q.span.end]) for q in quotes] == [speaker] * 2


def test_a_quote_with_its_own_reporter_keeps_it_before_a_sentence_report(nlp):
    text, quotes, _ = run(nlp, (
        "Critics say the plan is “a giveaway,” but it will “create thousands of jobs,” Jane Roe "
        "said."))
    assert speaker_of(text, quotes, "giveaway")[1] == "anonymous"
    assert speaker_of(text, quotes, "create thousands") == ("Jane Roe", "named")


@pytest.mark.parametrize("text, speaker, kind", [
    ("The hearing ran late into the night. Senator Ann Hill's answer was simple. “We will not "
     "fund a war we cannot win.”", "Senator Ann Hill", "named"),
    ("The hearing ran late into the night. Her answer was simple. “We will not fund a war we "
     "cannot win.”", "Her", "pronoun"),
])
def test_a_quote_after_a_sentence_about_someones_answer_is_theirs(nlp, text, speaker, kind):
    # the subject of the sentence before is a speech act; its owner said the words
    text, quotes, _ = run(nlp, text)
    found, found_kind = speaker_of(text, quotes, "fund a war")
    assert found is not None and speaker in found and found_kind == kind


def test_a_refusal_to_comment_lends_no_speaker_to_the_quote_after_it(nlp):
    # "declined to comment": a reporting verb under a verb of refusal reports no words
    text, quotes, findings = run(nlp, (
        "“This plan will bankrupt the city,” Mayor Jane Roe said on Monday. A spokesman for the "
        "governor declined to comment. “We will fight it in court if we must.”"))
    assert speaker_of(text, quotes, "fight it in court") != ("A spokesman for the governor", "anonymous")
    assert not any(f.code == "quote.anonymous" for f in findings)
