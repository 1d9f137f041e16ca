"""Stage 1 of the place analysis: candidates from the string, roles from the parse."""

import pytest

from server.places import candidates, claims, roles
from server.places.model import Cue, Role


@pytest.fixture(scope="module")
def g(analyzer):
    return analyzer.gazetteer


def found(nlp, g, text):
    doc = nlp(text)
    out = candidates.find_candidates(
        doc,
        claim_follows=lambda i: claims.shape_at(doc, i, g),
        unknown=lambda w: g.zipf(w) < 1 and not g.exact(w),
    )
    roles.assign_roles(doc, out)
    return {c.text: c for c in out}


@pytest.mark.parametrize(
    "text, word, role",
    [
        ("Lodnon's airport was closed on Monday.", "Lodnon", Role.POSSESSIVE),
        ("She was taken to an east Lnodon hospital.", "Lnodon", Role.INSTITUTION),
        ("Officials in north-west Lnodon said so.", "Lnodon", Role.LOCATIVE),
        ("The Pitsburgh-based company said nothing.", "Pitsburgh", Role.COMPOUND),
        ("His flight to Berlni was late.", "Berlni", Role.LOCATIVE),
        ("LODNON — Officials said on Tuesday that the talks had failed.", "LODNON", Role.DATELINE),
        ("The Shrreveport Police Department said nothing.", "Shrreveport", Role.INSTITUTION),
        # a headline joined to its body: the dateline opens a sentence, in capitals, with its state
        ("Storm topples trucks on highway. BRELSTOW, Kan. Strong winds toppled 13 trucks.", "BRELSTOW", Role.DATELINE),
    ],
)
def test_an_unknown_capitalised_word_is_a_candidate_wherever_it_stands(nlp, g, text, word, role):
    c = found(nlp, g, text)[word]
    assert c.role is role


def test_known_words_are_no_string_candidates(nlp, g):
    got = found(nlp, g, "Within the Carter administration, Retina displays and Nollywood films were discussed.")
    assert not any(c.cue is Cue.STRING for c in got.values())


def test_a_name_prefix_is_checked_with_the_unknown_word(nlp, g):
    assert "Los Nagelbes" in found(nlp, g, "A judge in Los Nagelbes ruled on Monday.")


def test_a_claim_shape_makes_a_sentence_opening_name_a_candidate(nlp, g):
    c = found(nlp, g, "Bakhmut, located in Kharkiv Oblast, has faced similar problems.")["Bakhmut"]
    assert c.cue is Cue.STRONG


def test_a_person_named_in_full_is_a_person(nlp, g):
    got = found(nlp, g, "Jamie Smirz, the city's special projects coordinator, spoke.")
    assert all(c.role is Role.PERSON for c in got.values() if "Smirz" in c.text)


def test_a_long_list_is_walked_once(nlp, g):
    towns = ", ".join(["Kharkiv", "Odesa", "Lviv", "Dnipro", "Poltava"] * 40)
    got = found(nlp, g, f"Sirens sounded in {towns} and Kyiv.")
    assert {"Kharkiv", "Odesa", "Lviv", "Dnipro", "Poltava", "Kyiv"} <= set(got)


def test_the_city_of_x_is_x_a_city(nlp, g):
    got = found(nlp, g, "Does the City of Norfol need a brand?")
    assert "Norfol" in got and got["Norfol"].settlement == "city"


def test_a_word_after_an_abbreviations_period_is_no_candidate(nlp, g):
    got = found(nlp, g, "He grew up in Canada - Sault Ste. Marie, Ontario, to be exact.")
    assert "Marie" not in got


def test_a_place_that_ends_an_organisation_s_name_is_the_organisation_s_place(nlp, g):
    got = found(nlp, g, "He got a degree in medicine from the University of Otronto in 1992.")
    assert got["Otronto"].role is Role.INSTITUTION


def test_a_windows_1252_dash_ends_a_dateline(nlp, g):
    got = found(nlp, g, "March 30, 2009\nNEWAXKR \x97 Wess Henry, who lost his home, bought the shop.")
    assert got["NEWAXKR"].role is Role.DATELINE


def test_an_unknown_word_is_checked_with_the_capitalised_words_around_it(nlp, g):
    got = found(nlp, g, "A Rolleing Meadows resident used his car to stop a burglar.")
    assert "Rolleing Meadows" in got


@pytest.mark.parametrize(
    "text, word, firm",
    [
        ("Officials met outside Brelstow on Monday.", "Brelstow", True),  # a strong locative cue
        ("The Brelstow-based firm said nothing.", "Brelstow", True),  # a compound
        ("Talks were held in Brelstow, Quarnby and Oxford.", "Quarnby", True),  # a list of places
        ("The machinist Ann Kowalski of Brelstow won the prize.", "Brelstow", True),  # a person's home town
        ("She was treated at Mercy General Hospital in Quarnby on Friday.", "Quarnby", True),  # where a body stands
        ("The fire spread five miles south of Quarnby overnight.", "Quarnby", True),  # a direction
        # the city a named part of it lies in (not just any part of it)
        ("Shots were fired in the Holly Heights neighborhood of Quarnby.", "Quarnby", True),
        ("Shots were fired in a quiet neighborhood of Quarnby.", "Quarnby", False),
        ("The fair was held in Brelstow on Saturday.", "Brelstow", False),  # a bare "in"
        ("Brelstow said the fair would go ahead.", "Brelstow", False),  # a subject
    ],
)
def test_a_firm_place_role_is_the_shape_of_the_sentence_not_a_bare_preposition(nlp, g, text, word, firm):
    assert found(nlp, g, text)[word].firm is firm


def test_a_town_the_model_splits_in_two_place_entities_is_one_candidate(nlp, g):
    from server.gazetteer import normalize

    text = "The crash happened near Gun Barrel City in Ohio on Tuesday evening."
    doc = nlp(text)
    split = {c.text for c in candidates.find_candidates(doc)}
    assert "Gun Barrel City" not in split  # the model: "Gun", "Barrel City"
    joined = {c.text for c in candidates.find_candidates(doc, town_name=lambda t: bool(g.ids_for_key(normalize(t))))}
    assert "Gun Barrel City" in joined
    # two towns side by side stay two
    two = nlp("Flights from Paris London were late.")
    assert {"Paris", "London"} <= {c.text for c in candidates.find_candidates(two, town_name=lambda t: bool(g.ids_for_key(normalize(t))))}


def test_a_name_opened_by_a_number_word_is_read_whole(nlp, g):
    # the model tags "Seven Mile" (a village of Ohio) QUANTITY: its words go on past "Seven"
    assert "Seven Mile" in found(nlp, g, "The crash happened near Seven Mile in Rhode Island on Tuesday evening.")
