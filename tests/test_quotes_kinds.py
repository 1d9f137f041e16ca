"""Pass 3's classification of a source phrase: the head noun and its determiner decide.

`classify_source(doc, start, end)` is the public form the evaluation uses on annotated spans.
"""

import pytest

from server.quotes import classify_source

CASES = [
    ("Denis Pushilin said it.", "Denis Pushilin", "named"),
    ("The ministry said it.", "The ministry", "named"),
    ("O’Malley’s campaign says it.", "O’Malley’s campaign", "named"),
    ("He said it.", "He", "pronoun"),
    ("They said it.", "They", "pronoun"),
    ("One Elysée insider said it.", "One Elysée insider", "anonymous"),
    ("A senior official said it.", "A senior official", "anonymous"),
    ("Aides said it.", "Aides", "anonymous"),
    ("His critics said it.", "His critics", "anonymous"),
    ("Some of his advisers said it.", "Some of his advisers", "anonymous"),
    ("Many said it.", "Many", "anonymous"),
    ("A number of Democrats said it.", "A number of Democrats", "anonymous"),
    ("Republicans said it.", "Republicans", "anonymous"),
    ("The crowd chanted it.", "The crowd", "anonymous"),
    ("People familiar with the talks said it.", "People familiar with the talks", "anonymous"),
    ("The senator said it.", "The senator", "named"),
    ("Maj. Jane Roe, an army press officer in Kabul, said it.", "Maj. Jane Roe", "named"),
    # a share of poll respondents: the poll's finding, not an unnamed source
    ("About four in 10 likely voters said it.", "About four in 10 likely voters", "named"),
    ("More than half of Republicans said it.", "More than half of Republicans", "named"),
    ("Some 38% of voters said it.", "Some 38% of voters", "named"),
    ("A majority of his aides said it.", "A majority of his aides", "named"),
    ("The majority leader said it.", "The majority leader", "named"),
    ("Some of the voters said it.", "Some of the voters", "anonymous"),
    ("Nearly half said it.", "Nearly half", "named"),
    ("Two out of three Americans said it.", "Two out of three Americans", "named"),
    ("Three-in-five insiders said it.", "Three-in-five insiders", "named"),
]

# a quantifier over things, a name after a dash, a possessive on one person, the people who shout
MORE_CASES = [
    ("One of her ads asked it.", "One of her ads", "named"),
    ("Some of Mrs. Clinton's proposals said it.", "Some of Mrs. Clinton's proposals", "named"),
    ("One of his aides said it.", "One of his aides", "anonymous"),
    ("Most of his competitors said it.", "Most of his competitors", "anonymous"),
    ("A former candidate -- John McCain, who lost -- said it.", "A former candidate", "named"),
    ("Hillary Clinton's right-hand woman said it.", "Hillary Clinton's right-hand woman", "named"),
    ("Shouts from the crowd said it.", "Shouts from the crowd", "anonymous"),
    ("A Pentagon official who asked not to be named said it.", "A Pentagon official", "anonymous"),
    ("One poll worker, who asked that her name not be used, said it.", "One poll worker", "anonymous"),
    ("Critics called it “a scam.”", "Critics", "anonymous"),
    ("It was praised by critics as “a plan.”", "by critics", "anonymous"),
]

# the people a head noun describes, named beside it (and "for", "to" name someone else)
NAMED_BESIDE = [
    ("Several candidates, including Donald Trump, said it.", "Several candidates, including Donald Trump,", "named"),
    ("Presidential candidates like Bernie Sanders said it.", "Presidential candidates like Bernie Sanders", "named"),
    ("The two leading Republicans, Donald Trump and Ted Cruz, said it.",
     "The two leading Republicans, Donald Trump and Ted Cruz,", "named"),
    ("Vatican spokesman the Rev. Federico Lombardi said it.", "Vatican spokesman the Rev. Federico Lombardi", "named"),
    ("Another supporter in Silicon Valley, Tyrone Pike, said it.",
     "Another supporter in Silicon Valley, Tyrone Pike,", "named"),
    ("A spokesman for Hillary Clinton said it.", "A spokesman for Hillary Clinton", "anonymous"),
    ("Aides to Donald Trump said it.", "Aides to Donald Trump", "anonymous"),
    ("Hispanics here, including Cuban-Americans, said it.", "Hispanics here, including Cuban-Americans,", "anonymous"),
    ("A senior official in Kyiv, Ukraine, said it.", "A senior official in Kyiv, Ukraine,", "anonymous"),
    # a plural group is unnamed whatever its determiner; an organisation's or a family's name is not
    ("The Republicans said it.", "The Republicans", "anonymous"),
    ("The United Mine Workers said it.", "The United Mine Workers", "named"),
    ("Khizr Khan spoke first. Later the Khans said it.", "the Khans", "named"),
    # a phrase the parser heads by a participle is about its noun; hyphened and collective people
    ("Many Republicans clamoring for less federal involvement said it.",
     "Many Republicans clamoring for less federal involvement", "anonymous"),
    ("Caucus-goers said it.", "Caucus-goers", "anonymous"),
    ("His staff said it.", "His staff", "anonymous"),
    ("He spoke in Japanese.", "Japanese", "named"),
    # "all" with a number points back at people just counted; without one it is a whole group
    ("All three candidates said it.", "All three candidates", "pronoun"),
    ("Not all conference attendees said it.", "Not all conference attendees", "anonymous"),
    ("Both of his senators said it.", "Both of his senators", "pronoun"),
    # a name inside a clause after the head is someone else; "named X" names the person
    ("Several superdelegates supporting Bernie Sanders declined it.",
     "Several superdelegates supporting Bernie Sanders", "anonymous"),
    ("An entrepreneur named Donald Trump said it.", "An entrepreneur named Donald Trump", "named"),
    # a surname the tagger reads as a plural is still a person's name; "X and other Ys" names X
    ("He cited defense experts like Hans-Peter Bartels, the parliamentary commissioner.",
     "defense experts like Hans-Peter Bartels", "named"),
    ("Since then, Trump and other Republicans have criticized it.", "Trump and other Republicans",
     "named"),
    ("It was criticized by Trump and other Republicans.", "Trump and other Republicans", "named"),
    ("Other Republicans have criticized it.", "Other Republicans", "anonymous"),
    ("His critics, many of them conservative Catholics, said it.", "His critics", "anonymous"),
    ("Two of the Republicans seeking the presidency said it.",
     "Two of the Republicans seeking the presidency", "anonymous"),
    # a text is a document: named, unless the words say its author is unnamed
    ("A Facebook post said it.", "A Facebook post", "named"),
    ("An anonymous post said it.", "An anonymous post", "anonymous"),
]


@pytest.mark.parametrize("text, phrase, kind", CASES + MORE_CASES + NAMED_BESIDE)
def test_classify_source(nlp, text, phrase, kind):
    doc = nlp(text)
    start = text.index(phrase)
    assert classify_source(doc, start, start + len(phrase)) == kind


def test_the_official_after_an_official_stays_unnamed(nlp):
    text = ("An official who was not authorised to speak described the plan. Later the official "
            "said it had failed.")
    doc = nlp(text)
    start = text.index("the official")
    assert classify_source(doc, start, start + len("the official")) == "anonymous"


def test_unnamed_in_a_later_clause_describes_another_noun(nlp):
    text = "“I am watched,” the candidate told CBS, saying that people -- unnamed -- are threatened."
    assert classify_source(nlp(text), text.index("the"), text.index(" told")) == "named"


@pytest.mark.parametrize("text, kind", [
    # a volunteer brought in unnamed, nobody named since: "the volunteer" is still unnamed
    ("The hikers were met at the trailhead by a volunteer from the park service. "
     "Later the volunteer said the path was closed.", "anonymous"),
    # someone named between the two mentions may be the volunteer
    ("The hikers were met at the trailhead by a volunteer from the park service. "
     "Their leader, Maria Lopez, thanked them. Later the volunteer said the path was closed.", "named"),
    # the indefinite mention said of a named person is that person
    ("Tom Berg became a volunteer in 1990. Later the volunteer said the path was closed.", "named"),
])
def test_the_person_an_indefinite_mention_brought_in(nlp, text, kind):
    start = text.index("the volunteer said")
    assert classify_source(nlp(text), start, start + len("the volunteer")) == kind


def test_a_name_across_a_verb_is_not_in_apposition(nlp):
    # the small model hangs "Doe" on "lawyers" across the verb: the name is the rivals'
    text = "The lawyers also cited the bids of two rivals, Sen. Jane Doe of Utah."
    doc = nlp(text)
    assert classify_source(doc, 0, len("The lawyers")) == "anonymous"
    text = "The nurses, Mary Jones and Ann Lee, said it."
    assert classify_source(nlp(text), 0, len("The nurses")) == "named"


@pytest.mark.parametrize("text, phrase", [
    ("Many Hoosiers said the storm was worse than the last one.", "Many Hoosiers"),
    ("Some Tejanos said the storm was worse than the last one.", "Some Tejanos"),
    ("Every other Republican on the panel voted against it.", "Every other Republican on the panel"),
])
def test_quantified_proper_nouns_are_groups(nlp, text, phrase):
    start = text.index(phrase)
    assert classify_source(nlp(text), start, start + len(phrase)) == "anonymous"


def test_the_official_after_one_of_the_officials_stays_unnamed(nlp):
    text = ("Port officials met on Friday. One of the officials said the cranes were idle. "
            "Later the official said work would resume.")
    start = text.index("the official said")
    assert classify_source(nlp(text), start, start + len("the official")) == "anonymous"


@pytest.mark.parametrize("text, phrase, kind", [
    # person nouns the hand table lacks, from WordNet: unnamed when indefinite or plural …
    ("A narrator for the film said it.", "A narrator for the film", "anonymous"),
    ("Many mourners said it.", "Many mourners", "anonymous"),
    ("Her classmates said it.", "Her classmates", "anonymous"),
    ("Another child said it.", "Another child", "anonymous"),
    ("The children said it.", "The children", "anonymous"),  # an irregular plural (noun.exc)
    # … named when definite on one person, and no name or thing becomes a person
    ("The narrator said it.", "The narrator", "named"),
    ("Her classmate said it.", "Her classmate", "named"),
    ("The editorial said it.", "The editorial", "named"),
])
def test_wordnet_person_nouns(nlp, text, phrase, kind):
    start = text.index(phrase)
    assert classify_source(nlp(text), start, start + len(phrase)) == kind


def test_wordnet_person_nouns_are_read_by_the_kinds_only():
    from server.quotes.lexicon import person_class
    from server.quotes.model import PersonClass

    assert person_class("narrators", general=True) == (PersonClass.ROLE, True)
    assert person_class("alumni", general=True) == (PersonClass.ROLE, True)
    assert person_class("narrator", general=True) == (PersonClass.ROLE, False)
    assert person_class("narrator") == (None, False)  # the other passes read the hand table
    assert person_class("matthew", general=True) == (None, False)  # a name, capitalised in WordNet
    assert person_class("aide", general=True) == (PersonClass.ROLE, False)  # the hand table's


def test_wordnet_data_keeps_its_licence():
    from server import datafiles

    head = datafiles.path("quotes/wordnet_person_nouns.tsv").read_text(encoding="utf-8")[:3000]
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in head
    licence = datafiles.path("quotes/WORDNET-LICENSE.txt").read_text(encoding="utf-8")
    assert "Permission to use, copy, modify and distribute" in licence


@pytest.mark.parametrize("text, phrase, kind", [
    # a collective numeral counts the people after its "of", like "a group of" or "a handful of"
    ("A trio of council members said it.", "A trio of council members", "anonymous"),
    ("A pair of aides to the mayor said it.", "A pair of aides to the mayor", "anonymous"),
    # … or the things: a pair of reports is as named as the reports
    ("A pair of reports said it.", "A pair of reports", "named"),
])
def test_a_pair_or_trio_of_people_is_as_unnamed_as_they(nlp, text, phrase, kind):
    doc = nlp(text)
    start = text.index(phrase)
    assert classify_source(doc, start, start + len(phrase)) == kind
