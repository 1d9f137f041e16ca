"""Resolving candidates (server/places/resolve.py): which words of a miss name the place."""

import pytest

from server.pipeline import get_analyzer


@pytest.fixture(scope="module")
def analyzer():
    return get_analyzer()


def misspelled(analyzer, text):
    return [
        (text[f.span.start : f.span.end], f.severity, f.details["suggestions"][0]["name"])
        for f in analyzer.analyze(text).findings if f.code == "place.misspelled"
    ]


@pytest.mark.parametrize(
    "text, words, place",
    [
        # narrowed to the words before a place word
        ("Officials in Alabama met on Monday. Huntsvilse City Manager Bill Baine asked for money.",
         "Huntsvilse", "Huntsville"),
        # a short unknown word looked up with the name it opens
        ("A senior citizen residence in Gadn Ledge, near Lansing, Michigan, was searched.",
         "Gadn Ledge", "Grand Ledge"),
        # closeness is to a main name: "Doweg" is a letter from "Doveg", a mere alternate name,
        # and two from Dodge City whole
        ("Garden City was reopened, as was U.S. 50 west of Doweg City. Kansas roads stayed shut.",
         "Doweg City", "Dodge City"),
    ],
)
def test_the_words_naming_the_place_are_looked_up(analyzer, text, words, place):
    got = misspelled(analyzer, text)
    assert got and got[0][0] == words and got[0][2] == place


@pytest.mark.parametrize(
    "text",
    [
        "Antba Clara voters backed the school plan, officials in California said.",
        "Antba Clara police said the road in California would reopen.",
    ],
)
def test_a_two_word_place_name_wins_over_one_word_near_a_short_name(analyzer, text):
    # "antba" alone is a letter from a few short names ("Anta"); the two words together are two
    # letters from Santa Clara, "Clara" spelt exactly: that town, whatever the model's label.
    assert ("Antba Clara", "warning", "Santa Clara") in misspelled(analyzer, text)


def test_a_two_word_name_a_letter_off_is_a_place_whatever_the_model_calls_it(analyzer):
    text = "He moved his wife and daughter to Sianta Clara, California, for a job at Applied Materials."
    assert ("Sianta Clara", "warning", "Santa Clara") in misspelled(analyzer, text)


@pytest.mark.parametrize(
    "text",
    [
        "The car drove off the road near Murray Lindler Road, said the patrol.",
        "Speaking of the city's first industrial park, Patullo Ridge, the mayor said more.",
    ],
)
def test_a_street_or_a_name_gazetteer_lacks_is_not_cut_down_to_a_near_miss(analyzer, text):
    assert [f for f in misspelled(analyzer, text) if f[1] != "info"] == []


def test_a_legislator_s_home_town_is_a_place(analyzer):
    text = "In Richmond, Virginia, Sen. Ken Cuccinelli, R-Fgairfax, attached the proposal to a bill."
    assert ("Fgairfax", "warning", "Fairfax") in misspelled(analyzer, text)


def test_a_qualifier_stays_with_a_name_it_belongs_to(analyzer):
    text = "Verduin, a father of two from West Allhis, Wis., drowned near Milwaukee, Miller said."
    assert ("West Allhis", "warning", "West Allis") in misspelled(analyzer, text)


def test_a_name_ending_in_a_feature_word_is_checked_when_a_town_s_name_ends_so(analyzer):
    text = "The water company and the cities of Sunnyvale and Moggn Hill, California, set new rules."
    assert ("Moggn Hill", "warning", "Morgan Hill") in misspelled(analyzer, text)


def test_a_name_of_a_town_and_a_region_is_the_region_the_articles_towns_lie_in(analyzer):
    # "Virginia" is also a town of the Free State, South Africa: beside Fairfax, the US state
    text = "Officials in Fairfax and Arlington said Virginia would pay for the new road."
    report = analyzer.analyze(text)
    virginia = [p for p in report.places if text[p.span.start : p.span.end] == "Virginia"]
    assert virginia and virginia[0].resolved["admin1"] == "Virginia"


def resolved_as(analyzer, text, word):
    report = analyzer.analyze(text)
    return [p.resolved for p in report.places if text[p.span.start : p.span.end] == word]


@pytest.mark.parametrize(
    "text, word",
    [
        # Floridablanca, Colombia (268,000) bears "Florida" as an alternate name, Florida,
        # Cuba (63,000) as its own: the state outweighs them both many times over
        ("Officials in Florida said the storm would reach the coast on Monday.", "Florida"),
        ("Ontario will raise its minimum wage, the premier said.", "Ontario"),  # not Ontario, California
    ],
)
def test_a_division_far_bigger_than_the_towns_of_its_name_is_the_division(analyzer, text, word):
    (place,) = resolved_as(analyzer, text, word)
    assert place["kind"] == "admin1" and place["lat"] is None


@pytest.mark.parametrize(
    "text, word, name",
    [
        ("Officials in New York said the subway would reopen.", "New York", "New York City"),
        ("The senator flew back to Washington on Monday.", "Washington", "Washington"),
        ("He flew from Berlin to Manchester on Monday.", "Manchester", "Manchester"),  # not the parish in Jamaica
    ],
)
def test_a_city_that_weighs_against_the_division_of_its_name_stays_the_city(analyzer, text, word, name):
    (place,) = resolved_as(analyzer, text, word)
    assert place["name"] == name and place["lat"] is not None


def test_the_region_of_a_claim_is_that_region_though_a_town_bears_its_name(analyzer):
    # Québec City is a town of 532,000 called "Quebec": after "Sherbrooke," it is the province
    text = "He lives in Sherbrooke, Quebec, with his wife."
    (place,) = resolved_as(analyzer, text, "Quebec")
    assert place["kind"] == "admin1" and place["admin1"] == "Quebec"


@pytest.mark.parametrize(
    "text, word, admin1",
    [
        ("June Schell, 91, died Thursday at Cedar Haven Nursing Home in Lebanon. She was formerly "
         "of Hershey and Interfaith Manor in Palmyra.", "Lebanon", "Pennsylvania"),
        ("Jordan police arrested a man from Shakopee on Monday.", "Jordan", "Minnesota"),
    ],
)
def test_a_country_s_name_in_a_local_story_is_the_town_of_that_name(analyzer, text, word, admin1):
    places = resolved_as(analyzer, text, word)
    assert places and all(p["admin1"] == admin1 and p["lat"] is not None for p in places)


@pytest.mark.parametrize(
    "text, word",
    [
        ("The king of Jordan met officials in Amman and Washington.", "Jordan"),  # a town of Jordan
        ("Obama spoke in Cincinnati about Lebanon and Syria.", "Lebanon"),  # another country
        ("Obama spoke in Cincinnati about Lebanon.", "Lebanon"),  # Lebanon, Ohio lies 45 km off
    ],
)
def test_a_country_s_name_beside_other_countries_or_far_towns_stays_the_country(analyzer, text, word):
    (place,) = resolved_as(analyzer, text, word)
    assert place["kind"] == "country"


def test_a_division_in_another_spelling_is_no_misspelt_town(analyzer):
    # Monufia and Dakahlia are governorates of Egypt, written so by GeoNames
    text = "Protests spread in Egypt on Friday. Police in Menoufia and Daqahliya arrested dozens."
    assert misspelled(analyzer, text) == []


def test_a_misspelt_town_named_like_a_division_is_still_caught(analyzer):
    # "Washington" is a division and a city of the country: its misspelling is the city's
    text = "Protests spread in the United States. Officials in Wahsington said so."
    assert [w for w, sev, _ in misspelled(analyzer, text) if sev == "warning"] == ["Wahsington"]


def test_a_demonym_naming_a_division_by_part_of_its_name_is_people_not_the_division(analyzer):
    # "Australian" is the first word of the Australian Capital Territory: as the model's group
    # (NORP) it is the country's people, and the article names no division by it, so a claim
    # putting Melbourne (Victoria, 5 million people) in that territory stays a warning.
    text = (
        "Horse racing in Sydney was cancelled, despite infecting dozens of horses across the Australian states. "
        "Melbourne is in Australian Capital Territory, about two hours from the nearest large airport."
    )
    assert resolved_as(analyzer, text, "Australian") == []
    got = [f for f in analyzer.analyze(text).findings if f.code == "place.wrong_region"]
    assert got and got[0].severity == "warning"
    # its own name is the division whatever the label
    text = "Officials in Queensland said the storm would reach the coast."
    (place,) = resolved_as(analyzer, text, "Queensland")
    assert place["kind"] == "admin1"
