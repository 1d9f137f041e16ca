"""Stages 4-5 of the place analysis: the evidence each severity needs (EVIDENCE.md)."""

import pytest


def serious(report, text):
    return [(text[f.span.start : f.span.end], f.code) for f in report.findings if f.severity in ("warning", "caution")]


@pytest.mark.parametrize(
    "text",
    [
        "Within the Carter administration, officials met in Washington.",
        "Apple's Retina display was praised in Cupertino.",
        "West Mercia police said a man from Worcester was arrested.",
        "Nollywood films are made in Lagos.",
        "Fans at Anfield cheered as Neymar scored in Liverpool.",
        "Shiite leaders met in Baghdad.",
    ],
)
def test_a_known_word_or_name_is_never_a_misspelled_place(analyzer, text):
    assert serious(analyzer.analyze(text), text) == []


@pytest.mark.parametrize(
    "text, word, meant",
    [
        ("His flight to Berlni was delayed, officials in Germany said.", "Berlni", "Berlin"),
        ("The Pitsburgh, Pennsylvania-based company said nothing.", "Pitsburgh", "Pittsburgh"),
        ("Officials in Manchester said the Lodnon office would close. Lodnon's airport shut.", "Lodnon", "London"),
        ("I don't know what Shrreveport does, said a man in Louisiana.", "Shrreveport", "Shreveport"),
    ],
)
def test_a_misspelling_with_evidence_is_a_warning(analyzer, text, word, meant):
    report = analyzer.analyze(text)
    got = [f for f in report.findings if text[f.span.start : f.span.end] == word]
    assert got and got[0].code == "place.misspelled" and got[0].severity == "warning"
    assert meant in [s["name"] for s in got[0].details["suggestions"][:3]]


def test_a_near_miss_on_another_continent_backs_no_warning(analyzer):
    # Lnodon is one swap from London, but the article is about Texas towns only.
    text = "Officials in Austin, Houston and Dallas said the Lnodon project was delayed."
    assert serious(analyzer.analyze(text), text) == []


def test_a_small_place_missing_from_the_gazetteer_stays_at_info(analyzer):
    # Real villages GeoNames lacks, a letter from a small town far off.
    text = "The fire started in Kelleyland, near Pineville, Louisiana."
    assert serious(analyzer.analyze(text), text) == []


def test_a_romanisation_of_an_alternate_name_is_still_a_misspelling(analyzer):
    # "Dblin" reads like "Dblyn", one of Dublin's alternate names, but no place's main name
    text = "In 2006, Dblin City Council committed $250,000 to the project in Ohio."
    got = [f for f in analyzer.analyze(text).findings if f.code == "place.misspelled"]
    assert got and got[0].severity == "warning" and text[got[0].span.start : got[0].span.end] == "Dblin"


def test_the_last_word_of_a_name_given_in_full_is_that_name_alone(analyzer):
    # "Sant Singh Chatwal" (the model calls it ORG): "Chatwal" alone later is the man, not a
    # misspelt Chatham, New Jersey, however close to the article's New York and New Jersey
    text = (
        "Compare my case to that of Sant Singh Chatwal, hotelier, fellow Asian Indian, and Democratic "
        "fundraiser. In 2012, Chatwal pleaded guilty in the Eastern District of New York. I didn't know "
        "about the Chatwal case when I was sentenced in New York."
    )
    assert serious(analyzer.analyze(text), text) == []


def test_a_spelling_no_place_name_has_backs_a_warning_in_a_place_role(analyzer):
    # "spt" is in no GeoNames name: one letter from Spotswood, New Jersey, in the article's country
    text = "The festival drew crowds to Austin, Texas. Later the band played in Sptoswood."
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Sptoswood"]
    assert got and got[0].code == "place.misspelled" and got[0].severity == "warning"
    assert got[0].details["unseen_letters"] == ["spt"] and "“spt”" in got[0].message


def test_an_odd_spelling_two_letters_from_a_city_abroad_stays_at_info(analyzer):
    # Mabvuku, a suburb of Harare GeoNames lacks, is spelt as no place is ("abv") and two letters
    # from Maputo: but Maputo lies in none of the article's countries.
    text = "Cholera spread in Harare, Zimbabwe, last week. In Mabvuku, residents queued for water."
    assert serious(analyzer.analyze(text), text) == []


def test_a_local_story_about_one_town_is_weighed_against_nothing_else(analyzer):
    # The article names no other town, division or country: two letters from Gainesville (145,000)
    text = "A Ginefville man was arrested and charged with grand theft auto on Saturday, police said."
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Ginefville"]
    assert got and got[0].severity == "warning" and got[0].details["suggestions"][0]["name"] == "Gainesville"


def test_two_letters_from_a_small_town_in_a_story_about_one_town_stay_at_info(analyzer):
    # Harmonsburg, Pennsylvania is a village cities500 lacks; Harrodsburg (8,000) is two letters off
    text = "A Harmonsburg man was arrested and charged with grand theft auto on Saturday, police said."
    assert serious(analyzer.analyze(text), text) == []


def test_a_body_named_after_a_town_close_by_is_that_town(analyzer):
    # The model tags "Evansvilme Federal Credit Union" ORG; Evansville lies in the article's Indiana
    text = (
        "County prosecutors in Evansville, Indiana, last week charged George Chesnut with robbing "
        "Evansvilme Federal Credit Union on Dec. 5."
    )
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Evansvilme"]
    assert got and got[0].severity == "warning" and got[0].details["suggestions"][0]["name"] == "Evansville"


def test_a_firm_a_letter_from_a_town_far_off_is_no_misspelling(analyzer):
    text = "Torenia Holdings shares rose in Los Angeles, California, after Woodmark Homes reported."
    assert serious(analyzer.analyze(text), text) == []


def test_a_word_the_model_calls_a_person_may_still_be_a_town_close_by(analyzer):
    # Nobody the article names in full is called Pataskaa; Pataskala lies by Newark and Columbus
    text = "Officials in Newark and Columbus, Ohio, met on Monday. Pataskaa told reporters the plan was fine."
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Pataskaa"]
    assert got and got[0].severity == "warning" and got[0].details["suggestions"][0]["name"] == "Pataskala"


def test_a_surname_of_a_person_named_in_full_is_that_person(analyzer):
    text = "Officials in Newark and Columbus, Ohio, met Jim Pataskaa on Monday. Pataskaa told reporters the plan was fine."
    assert serious(analyzer.analyze(text), text) == []


def test_two_letters_swapped_in_a_town_of_the_articles_country_back_a_warning(analyzer):
    # "Sraatoa": a swap and a slip from Saratoga, California (31,000), in the article's country
    text = "He grew up in Sraatoa and in Fresno, then moved to Boston, Massachusetts, for college."
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Sraatoa"]
    assert got and got[0].severity == "warning"
    assert "Saratoga" in [s["name"] for s in got[0].details["suggestions"][:3]]


def test_a_real_name_a_letter_changed_from_a_small_town_stays_at_info(analyzer):
    # Winside, Nebraska (cities500 lacks it) is two letters from Winsted, no swap among them
    text = "He grew up in Winside and in Omaha, then moved to Boston, Massachusetts, for college."
    assert serious(analyzer.analyze(text), text) == []


def test_a_town_council_makes_its_first_word_a_place(analyzer):
    text = "The authority is scheduled to meet on Monday at Ludkolw Town Hall in Springfield, Massachusetts."
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Ludkolw"]
    assert got and got[0].severity == "warning" and got[0].details["suggestions"][0]["name"] == "Ludlow"


def test_a_near_miss_of_a_two_word_town_is_that_town_whatever_the_models_label(analyzer):
    # The model tags "Wicihta Falls" PERSON; its known word is exact and Wichita Falls lies in Texas
    text = "We attended meetings at the district office in Wicihta Falls where we met with officials of Texas."
    got = [f for f in analyzer.analyze(text).findings if text[f.span.start : f.span.end] == "Wicihta Falls"]
    assert got and got[0].severity == "warning" and got[0].details["suggestions"][0]["name"] == "Wichita Falls"
