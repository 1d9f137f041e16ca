"""Stages 4–5 for a region claim (server/places/region_claims.py): what the article's own world
says of a claim no place of the name fits, and the lone town placed abroad."""

import pytest


def _wrong_region(analyzer, text: str, name: str) -> list:
    return [
        f for f in analyzer.analyze(text).findings
        if f.code == "place.wrong_region" and text[f.span.start : f.span.end] == name
    ]


def test_a_claim_alone_about_a_namesake_of_the_country_is_a_warning(analyzer):
    (f,) = _wrong_region(analyzer, "Crews reached Denver, Kentucky, by nightfall, where two homes were lost.", "Denver")
    assert f.severity == "warning"
    # the card names where the places of that name lie
    assert f.details["resolved"]["admin1"] == "Colorado"
    assert len(f.details["namesakes"]) > 1 and "Other places of that name" in f.message


def test_a_claim_the_articles_own_towns_agree_with_is_only_a_note(analyzer):
    # the story is about Kentucky's towns: a Denver there is a hamlet GeoNames lacks
    text = ("Floods closed roads around Bowling Green, Paducah and Owensboro on Monday. "
            "Crews reached Denver, Kentucky, by nightfall, where two homes were lost.")
    (f,) = _wrong_region(analyzer, text, "Denver")
    assert f.severity == "info"


def test_a_similar_name_inside_the_region_keeps_the_warning_whatever_the_story(analyzer):
    text = ("Shelling hit Kramatorsk and Sloviansk again. "
            "Troops left Sevsk, a town in the Donetsk region, on Friday.")
    (f,) = _wrong_region(analyzer, text, "Sevsk")
    assert f.severity == "warning" and f.details["suggestions"]


@pytest.mark.parametrize("text, name", [
    ("OCALA, Manitoba — The mayor resigned on Monday.", "OCALA"),  # a dateline
    ("Lufkin, a city in Ontario, opened a new hospital.", "Lufkin"),  # a shape that calls it a place
    # a bare "in" about a name the sentence makes a place (the model's GPE, in a locative role)
    ("Officials in Ocala in Manitoba resigned.", "Ocala"),
])
def test_a_lone_town_placed_in_a_country_without_its_name_is_a_warning(analyzer, text, name):
    (f,) = _wrong_region(analyzer, text, name)
    assert f.severity == "warning"


@pytest.mark.parametrize("text, name", [
    # a bare "in" joins many things to a region: a landmark, not Citadel, Alberta
    ("Cadets marched at the Citadel in Georgia last spring.", "Citadel"),
    ("Ocala, located in Nunavut, opened a new hospital.", "Ocala"),  # another side of the continent
])
def test_a_lone_town_abroad_in_a_loose_or_far_claim_is_only_a_note(analyzer, text, name):
    assert all(f.severity == "info" for f in _wrong_region(analyzer, text, name))


def test_a_claim_into_the_articles_own_region_rests_on_more_than_a_namesakes_size(analyzer):
    # Hartford and New Haven lie in Connecticut; a Salisbury lies within reach of them (in
    # Massachusetts), but none is the place the story is about: a big Salisbury elsewhere
    # (Maryland, North Carolina) is no evidence the Connecticut one is wrong.
    text = ("Floods closed roads around Hartford and New Haven on Monday. "
            "Crews reached Salisbury, Connecticut, by nightfall.")
    assert all(f.severity == "info" for f in _wrong_region(analyzer, text, "Salisbury"))


@pytest.mark.parametrize("before", [
    "Kentucky officials said the flooding was the worst in decades.",  # the division as a region
    "The Kentucky State Police said the flooding was the worst in decades.",  # inside a body's name
])
def test_a_claim_into_a_division_the_article_names_elsewhere_rests_on_more_than_a_namesakes_size(analyzer, before):
    # The article is about Kentucky: a Waco there is a hamlet GeoNames lacks, whatever the size
    # of Waco, Texas; alone, the same claim stays a warning (the first test above).
    text = before + " Crews reached Waco, Kentucky, by nightfall, where two homes were lost."
    (f,) = _wrong_region(analyzer, text, "Waco")
    assert f.severity == "info"
    (alone,) = _wrong_region(analyzer, "Crews reached Waco, Kentucky, by nightfall, where two homes were lost.", "Waco")
    assert alone.severity == "warning"


def test_a_division_named_only_inside_another_countrys_body_or_an_ambiguous_word_does_not_count(analyzer):
    # "Central" names divisions of several countries: it says nothing of where the article is
    from server.places.claims import divisions_in_names

    doc = analyzer.parse("The Central Bank of Kenya and the S.C. Highway Patrol said so.")
    assert divisions_in_names(doc, [], analyzer.gazetteer.regions) == {"US.SC"}


def test_only_towns_outside_the_claimed_region_anchor_a_namesake_across_its_border(analyzer):
    # Pittsburgh and Monroeville lie in Pennsylvania, within reach of Shadyside, Ohio: they are
    # the story's region, not evidence that the Ohio village is meant.
    text = ("Floods closed roads around Pittsburgh and Monroeville on Monday. "
            "Crews reached Shadyside, Pennsylvania, by nightfall.")
    assert all(f.severity == "info" for f in _wrong_region(analyzer, text, "Shadyside"))
    # Zanesville lies in Ohio, within reach of Shadyside, Ohio: the story's world is there too.
    text = ("Floods closed roads around Pittsburgh and Zanesville on Monday. "
            "Crews reached Shadyside, Pennsylvania, by nightfall.")
    (f,) = _wrong_region(analyzer, text, "Shadyside")
    assert f.severity == "warning"


def test_the_real_places_division_named_in_a_bodys_name_anchors_a_small_town(analyzer):
    claim = "The company, based in Chapin, Utah, did not respond to a request for comment."
    # Chapin, South Carolina has 1,500 people: alone, the claim may be about a Utah village
    assert all(f.severity == "info" for f in _wrong_region(analyzer, claim, "Chapin"))
    text = "The S.C. Highway Patrol said the crash closed two lanes. " + claim
    (f,) = _wrong_region(analyzer, text, "Chapin")
    assert f.severity == "warning"
    # ... unless the article names the claimed division too
    text = "The S.C. Highway Patrol and the Utah Highway Patrol said the crash closed two lanes. " + claim
    assert all(f.severity == "info" for f in _wrong_region(analyzer, text, "Chapin"))


def test_the_article_anchors_the_namesake_it_is_about_not_the_one_nearest_the_claim(analyzer):
    # Three villages are called Stonington (Illinois, Connecticut, Maine), all under 1,500
    # people. Alone, a claim into Manitoba may be about a Canadian hamlet GeoNames lacks.
    claim = "Stonington, a town in Manitoba, reopened its harbour road later."
    assert all(f.severity == "info" for f in _wrong_region(analyzer, claim, "Stonington"))
    # A body named for Connecticut points to the Connecticut village, though the one in Maine
    # lies nearer Manitoba: the article's own world says which namesake is meant.
    text = "The Connecticut State Police closed the road on Friday. " + claim
    (f,) = _wrong_region(analyzer, text, "Stonington")
    assert f.severity == "warning"
    assert f.details["resolved"]["admin1"] == "Connecticut"


@pytest.mark.parametrize("text, name", [
    ("Lufkin, a city in northern Kentucky, opened a new hospital.", "Lufkin"),  # Lufkin, Texas
    ("Troops left Uman, a town in northern Kharkiv Oblast, on Friday.", "Uman"),  # Cherkasy Oblast
])
def test_a_direction_before_a_division_qualifies_it_and_the_division_is_still_checked(analyzer, text, name):
    (f,) = _wrong_region(analyzer, text, name)
    assert f.severity in ("warning", "caution")


@pytest.mark.parametrize("text, name", [
    ("Lufkin, a city in eastern Texas, opened a new hospital.", "Lufkin"),
    ("Rock Hill, a city in northern South Carolina, opened a new hospital.", "Rock Hill"),
    ("Uman, a town in central Ukraine, was hit by drones.", "Uman"),  # a direction before a country
    ("Lviv, a city in eastern Ukraine, was hit by drones.", "Lviv"),  # loose talk: only the country
])
def test_a_direction_before_a_region_is_no_wrong_claim_where_the_place_lies_in_it(analyzer, text, name):
    assert all(f.severity == "info" for f in _wrong_region(analyzer, text, name))


def test_a_town_named_by_another_places_alternate_name_does_not_reach_the_claimed_region(analyzer):
    # "Cross City" is the main name of a Florida town and an alternate name of Corinth,
    # Mississippi. A claim into Mississippi pulls the pick towards Corinth; that pick is the
    # claim's doing, not the article's world agreeing with it, so the Florida county named in
    # the deputies' office still anchors Chiefland, Florida.
    text = ("Deputies of the Levy County Sheriff's Office closed a road near Cross City on Friday. "
            "Chiefland is in Mississippi, they said.")
    (f,) = _wrong_region(analyzer, text, "Chiefland")
    assert f.severity == "warning"


def test_a_namesake_that_bears_the_name_only_as_an_alternate_one_does_not_make_it_notable(analyzer):
    # Sneedville, Tennessee (about 1,300 people) is the one US town whose own name it is;
    # Dickson, Tennessee (15,000) lists "Sneedville" only among its alternate names. A hamlet of
    # that name elsewhere is as plausible as a slip: the claim stays in the report, as a note.
    (f,) = _wrong_region(analyzer, "Crews reached Sneedville, Oregon, by nightfall, where two homes were lost.",
                         "Sneedville")
    assert f.severity == "info"
    # a town of 5,000+ whose own name it is still makes the claim a warning
    (big,) = _wrong_region(analyzer, "Crews reached Dickson, Oregon, by nightfall, where two homes were lost.",
                           "Dickson")
    assert big.severity == "warning"


def test_a_common_town_name_is_no_slip_of_a_place_two_letters_off_in_the_region(analyzer):
    # Hudson is the own name of towns in many US states; a story about Kentucky's towns that
    # puts a Hudson there most likely names one GeoNames lacks, not a slip for Hanson,
    # Kentucky, two letters off. The claim stays a note, with no suggestion of a slip.
    text = ("Floods closed roads around Bowling Green, Paducah and Owensboro on Monday. "
            "Crews reached Hudson, Kentucky, by nightfall.")
    (f,) = _wrong_region(analyzer, text, "Hudson")
    assert f.severity == "info" and not f.details.get("suggestions")


def test_a_town_name_is_common_in_a_country_from_towns_of_it_in_several_divisions(analyzer):
    from server.gazetteer import normalize
    from server.places import rules
    from server.places.evidence import common_town_name

    g = analyzer.gazetteer
    assert common_town_name("hudson", g.exact("Hudson"), {"US"}, g)
    # Sevsk is one town of Russia: a name two letters from Siversk may be a slip for it
    assert not common_town_name("sevsk", g.exact("Sevsk"), {"RU"}, g)
    # only towns of the claimed country count, and only under their own (main) name
    assert not common_town_name("hudson", g.exact("Hudson"), {"NZ"}, g)
    in_us = {g.admin_code(i) for i in g.exact("Hudson")
             if g.country_code(i) == "US" and normalize(g.name(i)) == "hudson"}
    assert len(in_us) >= rules.GENERIC_NAME_DIVISIONS
