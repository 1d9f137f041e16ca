"""The labelling rule for PolNeAR sources (eval/source_labels.py): each policy of LABELS.md."""

import pytest
from source_labels import label_source, read_labels, role_table


@pytest.mark.parametrize("phrase, label", [
    ("he", "pronoun"),
    ("who", "pronoun"),
    ("Both women", "pronoun"),
    ("the two", "pronoun"),
    ("Trump", "named"),
    ("Mr. Sanders", "named"),
    ("Spokeswoman Haley Morris", "named"),
    ("Trump's", "named"),
    ("the White House", "named"),
    ("the Clinton campaign", "named"),
    ("the Justice Department", "named"),
    ("the campaign", "named"),
    ("a new poll", "named"),
    ("38% of likely voters", "named"),
    ("his spokesman", "named"),
    ("the president", "named"),
    ("a senior official", "anonymous"),
    ("one aide", "anonymous"),
    ("sources familiar with the talks", "anonymous"),
    ("officials at the Pentagon", "anonymous"),
    ("Pentagon officials", "anonymous"),
    ("his aides", "anonymous"),
    ("some", "anonymous"),
    ("Many in the crowd", "anonymous"),
    ("one of his senior aides", "anonymous"),
    ("voters", "anonymous"),
    ("a spokesman for Mr. Trump", "anonymous"),
])
def test_policy(phrase, label):
    assert label_source(phrase).label == label


def test_a_name_in_apposition_or_conjunct_names_the_source():
    assert label_source("A top strategist, John Weaver,").label == "named"
    assert label_source("New Jersey officials, including Gov. Chris Christie,").label == "named"
    assert label_source("Japanese journalist and author Hiro Aida").label == "named"
    assert label_source("Her advisers and allies").label == "anonymous"


def test_the_official_after_an_official_stays_unnamed():
    text = "A senior official said the plan was dead. Later the official added more."
    at = text.index("the official")
    assert label_source("the official", text, at).rule == "role-definite-after-indefinite"
    assert label_source("the official", "Jane Roe, the official in charge, said so. ", 40).label == "named"


def test_each_rule_names_itself():
    assert label_source("a senior official").rule == "role-indefinite"
    assert label_source("people familiar with the plan").rule == "anonymity"


def test_the_role_table_has_one_row_a_noun():
    table = role_table()
    assert table["official"].value == "staff" and table["poll"].value == "thing"


def test_the_committed_labels_cover_both_splits():
    labels = read_labels()
    splits = {key[0] for key in labels}
    assert splits == {"dev", "test"}
    assert {lab.label for lab in labels.values()} == {"named", "pronoun", "anonymous"}


@pytest.mark.parametrize("phrase, label", [
    ("a columnist for the tech news site", "anonymous"),  # WordNet person nouns (check 8)
    ("Many editors", "anonymous"),
    ("their editors", "anonymous"),
    ("the editor", "named"),
    ("her editor", "named"),
    ("national and battleground-state polls", "named"),  # a lone singular stays a modifier
    ("an entrepreneur named Donald Trump", "named"),
    ("a major party nominee -- the Republican Donald J. Trump --", "named"),
    ("Some defenders of free trade, like Gary Clyde Hufbauer, a senior fellow", "named"),
    ("supporters of her opponent, Sen. Bernie Sanders", "anonymous"),
])
def test_person_nouns_the_table_lacks_and_names_beside_them(phrase, label):
    assert label_source(phrase).label == label
