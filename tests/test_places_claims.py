"""Stage 3 of the place analysis: region claims in every shape of the shapes table."""

import pytest

from server.places import claims

CONTEXT = "Russian forces shelled Bakhmut and Soledar overnight."


@pytest.mark.parametrize(
    "sentence",
    [
        "Bakhmut is a town in the Kharkiv region of Ukraine.",
        "Officials in Bakhmut, a city in Kharkiv Oblast, said so.",
        "Bakhmut, located in Kharkiv Oblast, has faced similar problems.",
        "The council in Bakhmut, which is situated in Kharkiv Oblast, will meet.",
        "Police in Bakhmut, Kharkiv Oblast, said no one was hurt.",
        "Residents of Bakhmut (Kharkiv Oblast) were told to expect delays.",
        "Officials in the Kharkiv Oblast town of Bakhmut said so.",
        "The clinic in Bakhmut in Ukraine's Kharkiv region stayed open.",
        "The crash happened near Bakhmut in Kharkiv Oblast on Tuesday.",
        "Authorities in Bakhmut, in the Kharkiv region of Ukraine, said so.",
        "Officials in Bakhmut said so. The town, located in Kharkiv Oblast, has faced problems.",
        "Flights to Bakhmut, which lies in Kharkiv Oblast, were cancelled.",
        "Shops in Bakhmut, a small Kharkiv Oblast town, closed early.",
        "Bakhmut is in Kharkiv Oblast, about two hours from the airport.",
        "The company, based in Bakhmut, Kharkiv Oblast, did not respond.",
        "A man from Bakhmut in Kharkiv Oblast was among those hurt.",
        "Officials in Bakhmut, a town in Ukraine's Kharkiv region, said so.",
        "A fire in Bakhmut, a Kharkiv Oblast suburb, destroyed two homes.",
        # "and" joining no name: the region is no first item of a list
        "Schools in Bakhmut, Kharkiv Oblast, and two nearby towns stayed closed.",
        "Officials in Bakhmut, part of the Kharkiv region, said so.",
        "Bakhmut, which is now part of Kharkiv Oblast, was shelled again.",
    ],
)
def test_a_wrong_region_is_caught_in_every_shape(analyzer, sentence):
    text = f"{CONTEXT} {sentence}"
    report = analyzer.analyze(text)
    wrong = [f for f in report.findings if f.code == "place.wrong_region" and text[f.span.start : f.span.end] == "Bakhmut"]
    assert wrong and wrong[0].severity == "warning"
    assert wrong[0].details["resolved"]["admin1"] == "Donetsk Oblast"


@pytest.mark.parametrize(
    "sentence",
    [
        "Bakhmut is a town in the Donetsk region of Ukraine.",
        "Police in Bakhmut, Donetsk Oblast, said no one was hurt.",
        "Officials in the Donetsk Oblast town of Bakhmut said so.",
        "Officials in Bakhmut said so. The town, located in eastern Ukraine, has faced problems.",
        "Bakhmut, Russia, was shelled again.",  # a country covers what it claims (disputed.tsv)
        "Schools in Bakhmut, Donetsk Oblast, and two nearby towns stayed closed.",
        "Officials in Bakhmut, part of the Donetsk region, said so.",
    ],
)
def test_a_true_claim_is_never_flagged(analyzer, sentence):
    text = f"{CONTEXT} {sentence}"
    report = analyzer.analyze(text)
    assert [f for f in report.findings if f.severity in ("warning", "caution")] == []


def test_the_shapes_table_names_each_shape_once():
    names = [s["name"] for s in claims.shapes()]
    assert len(names) == len(set(names)) and len(names) >= 12


def test_a_region_before_a_noun_is_no_claim(analyzer):
    text = "Devon Stansbury of Rockford won in the Miss category."
    assert [f for f in analyzer.analyze(text).findings if f.code == "place.wrong_region"] == []


def _wrong_on(analyzer, text: str, name: str) -> list:
    return [
        f for f in analyzer.analyze(text).findings
        if f.code == "place.wrong_region" and f.severity == "warning" and text[f.span.start : f.span.end] == name
    ]


@pytest.mark.parametrize(
    "text, name",
    [
        # a town's main name is that town, whatever label the model gives it
        ("Flights to Oxford, which lies in Leinster, were cancelled on Monday.", "Oxford"),
        ("The crash happened near Crockett in New York on Tuesday evening.", "Crockett"),
        # a plural possessive "the United States’ Arizona state" narrows to the state
        ("The clinic in Camarillo in the United States’ Arizona state stayed open.", "Camarillo"),
        # "X, Y": Y a division named like a town elsewhere (Ontario, California) is the division
        ("Watertown, Ontario (AP) — Officials said on Tuesday that the review would go on.", "Watertown"),
        ("Police in Florence, Maryland, said no one else was hurt.", "Florence"),
        # "based in X" makes X a place even when the model calls it a firm
        ("The company, based in Camarillo, Arizona, did not respond.", "Camarillo"),
        # a claim's shape makes its subject a place: a town the model tags PERSON or ORG
        ("Rock Hill, located in Alabama, has faced similar problems before.", "Rock Hill"),
        ("Farmers in Palencia met. The council in Baltanas, which is situated in Murcia, will meet again.", "Baltanas"),
        ("Police in Crockett, New York, said no one else was hurt.", "Crockett"),
        # a town's own name placed by a claim is no demonym ("Pandi" is not of some "Panda")
        ("A man from Pandi in Western Visayas was among those hurt.", "Pandi"),
        # a country's name that is also a town's, called a town
        ("Shops in Palestine, a small Minnesota town, closed early on Friday.", "Palestine"),
        # a dateline's short name in capitals is a town, not an abbreviation
        ("HEZE, Xékong — Officials said on Tuesday that the review would take several weeks.", "HEZE"),
        # a region's name of words joined by hyphens
        ("Police in Lyon, Île-de-France, said no one else was hurt.", "Lyon"),
        ("Brno, Hlavní město Praha (AP) — Officials said on Tuesday that the review would take several weeks.", "Brno"),
        # a region's name with a lower-case word joined by a hyphen
        ("Residents of Ranya (Deir ez-Zor) were told to expect delays.", "Ranya"),
        # a country's name put in another country's division is a town of that name
        ("The clinic in Palestine in the United States’ New Mexico state stayed open.", "Palestine"),
        # a dateline names a town by any of its names, and its "X, Y —" is no list of divisions
        ("Beni Suef, Asyut (AP) — Officials said on Tuesday that the review would take several weeks.", "Beni Suef"),
        # "X, Y," closed by a comma the sentence goes on from is no list of two towns
        ("The company, based in Pandi, Davao, did not respond to a request for comment.", "Pandi"),
    ],
)
def test_a_wrong_region_is_caught_whatever_the_model_labels(analyzer, text, name):
    assert _wrong_on(analyzer, text, name)


@pytest.mark.parametrize(
    "text",
    [
        "Hamas is in Palestine.",  # a group named like a town's alternate name (Hamm, Germany)
        "Attacks on Kyiv, Kharkiv and Odesa went on overnight.",  # a list of towns
        "He lives in Mt. Vernon, Ohio.",  # Mt. is Mount
        "He grew up in Canada - Sault Ste. Marie, Ontario, to be exact.",  # a name cut at "Ste."
        # "in Y" hung on the verb says where something happened, not where the object lies
        "Polls in Iowa were close. Sanders trails Clinton in California by four points.",
        # the surname of a person named in full is that person ("a blowout for Sanders in X")
        "Hillary Clinton and Bernie Sanders campaigned. Even a blowout for Sanders in California would not close the gap.",
        # a list of states, not Florida inside Ohio; a county in a list of "county in state"
        "Republicans don't usually win Michigan, Pennsylvania, Virginia, Florida, Ohio anymore.",
        "Police in Paris, Île-de-France, said no one else was hurt.",
        "NATO, Brussels — Officials said on Tuesday that the review would take several weeks.",
        # a division's name with a lower-case word: its first word is no misspelt town
        "Prague, Hlavní město Praha (AP) — Officials said on Tuesday that the review would take several weeks.",
        # a town's alternate name of two words whose second word the model takes for a country
        "Mbanza Congo, Zaire (AP) — Officials said on Tuesday that the review would take several weeks.",
        "He stopped at Loudoun County in Virginia, Duval County in Florida and Polk County.",
        # a common word the parse reads as a verb carries no claim
        "Voters prefer items labeled “Made in the U.S.A.,” even if they cost more.",
        # the end of a longer name ("Davao del Sur") is not Sur, that is Tyre in Lebanon
        "In eight villages of Santa Maria, Davao del Sur, in Mindanao, at least 50 pigs died.",
        # a dateline's two-word town the model cuts: "Beida" alone would be Al Bayda, Libya
        "Goz Beida, Sila (AP) — Officials said on Tuesday that the review would take several weeks.",
        # a place in the city that the claimed state's name also names
        "We met at a cafe on Dupont Circle in Washington, joined by his sister.",
        # a division's name put in another country's division is the town of that name there
        "Police in Ontario, California, said no one else was hurt.",
        # divisions of one country listed, or a list of regions going on after "and"
        "Flights to Beni Suef, Asyut and Cairo were cancelled.",
        "Storms hit Ohio, Michigan, and Indiana on Monday.",
        # towns listed: a name and a comma before the pair, or an apposition after it
        "The company has offices in Pandi, Davao and Cebu.",
        "Strikes hit Lviv, Kyiv, Kharkiv, and other cities overnight.",
        "Strikes hit Kyiv, Kharkiv, the two largest cities, overnight.",
        # a continent and a surname are no division, whatever a city's old names
        "He flew from London to Nairobi, Africa, on Monday to meet officials.",
        "Officials in Hartford, Lewis, said the review would take weeks.",
    ],
)
def test_no_wrong_region_where_there_is_no_wrong_claim(analyzer, text):
    assert [f for f in analyzer.analyze(text).findings if f.severity in ("warning", "caution")] == []


def test_a_village_in_a_neighbouring_division_is_only_a_note(analyzer):
    # Harmony, Rhode Island (985 people) lies 200 km from New Jersey, which has a Harmony of its own
    text = "Oksuz registered Harmony in New Jersey in 2010, according to state records."
    assert [f for f in analyzer.analyze(text).findings if f.severity in ("warning", "caution")] == []


def test_a_town_named_in_a_dateline_is_claimed_even_if_a_person_bears_its_name(analyzer):
    text = "LITCHFIELD, South Dakota — John Litchfield said the plant in Torrington, Connecticut, would close."
    assert _wrong_on(analyzer, text, "LITCHFIELD")


def test_a_county_named_like_a_city_abroad_is_the_county(analyzer):
    # Surrey is a county of England (ISO 3166-2 GB-SRY) and a city of British Columbia
    text = "Police in Surrey, England, said a man from Guildford was arrested."
    assert [f for f in analyzer.analyze(text).findings if f.severity in ("warning", "caution")] == []


@pytest.mark.parametrize(
    "text",
    [
        # a firm is based somewhere: "based in" calls no firm's name a town
        "Rock Hill Capital, based in Alabama, did not respond to a request for comment.",
        # a person's name before "in": where the person is, not where a town lies
        "Voters met Rock Hill and Mary Smith. Rock Hill in Alabama spoke for an hour.",
    ],
)
def test_a_claim_shape_that_says_no_place_keeps_the_models_label(analyzer, text):
    assert [f for f in analyzer.analyze(text).findings if f.severity in ("warning", "caution")] == []


def test_a_town_placed_abroad_from_the_articles_country_is_a_warning(analyzer):
    # the story names US states only: a US town of 80,000 "in Quebec" is no Canadian village
    text = "Officials in Minnesota and Texas met on Monday. Shops in Lynchburg, a small Quebec town, closed early on Friday."
    assert _wrong_on(analyzer, text, "Lynchburg")


def test_a_town_of_the_claimed_region_abroad_is_fine(analyzer):
    text = "Officials in Michigan and Ohio met on Monday. Shops in Windsor, Ontario, closed early on Friday."
    assert [f for f in analyzer.analyze(text).findings if f.severity in ("warning", "caution")] == []


@pytest.mark.parametrize(
    "text, name, region",
    [
        # a town's own main name opening a dateline, whatever label the model gives it
        ("Rock Hill, Illinois (AP) — Officials said on Tuesday that the review would take weeks.", "Rock Hill", "Illinois"),
        ("MORGAN HILL, Alabama — Officials said on Tuesday that the review would take weeks.", "MORGAN HILL", "Alabama"),
        # a division named with a comma
        ("Police in Chattanooga, Washington, D.C., said no one else was hurt.", "Chattanooga", "Washington, D.C."),
        # "the Y state of the Z": Z narrows Y, "the" or not
        ("Authorities in Ridge Farm, in the Nevada state of the United States, said so.", "Ridge Farm", "Nevada"),
        # a town's own main name in a subject's place, in a shape that joins no list
        ("Post Falls is in Quebec, about two hours from the nearest large airport.", "Post Falls", "Quebec"),
    ],
)
def test_claims_about_towns_the_model_mislabels_and_regions_with_a_comma(analyzer, text, name, region):
    report = analyzer.analyze(text)
    wrong = [f for f in report.findings if f.code == "place.wrong_region" and text[f.span.start : f.span.end] == name]
    assert wrong, [(f.code, f.text) for f in report.findings]
    assert wrong[0].details["claimed_region"]["name"] == region


def test_a_person_named_like_a_town_is_in_a_state_without_a_claim(analyzer):
    text = "Glen Allen is in Texas this week, his aide said."
    report = analyzer.analyze(text)
    assert not [f for f in report.findings if f.code == "place.wrong_region"]


def test_a_division_named_over_an_elided_word_is_read_whole(analyzer):
    text = "Flights to Paris, which lies in Provence-Alpes-Côte d'Azur, were cancelled."
    report = analyzer.analyze(text)
    (f,) = [f for f in report.findings if f.code == "place.wrong_region"]
    assert text[f.span.start : f.span.end] == "Paris"
    assert f.details["claimed_region"]["name"] == "Provence-Alpes-Côte d'Azur"
    nice = "Flights to Nice, which lies in Provence-Alpes-Côte d'Azur, were cancelled."
    assert not [f for f in analyzer.analyze(nice).findings if f.code == "place.wrong_region"]


def test_which_lies_in_calls_the_name_a_place(analyzer):
    from server.places.model import ClaimAfter

    doc = analyzer.parse("Flights to Bakhmut, which lies in Kharkiv Oblast, were cancelled.")
    assert claims.claim_after_kind(doc, 3, analyzer.gazetteer) is ClaimAfter.PLACE
    firm = analyzer.parse("The firm Acme, which is based in Ohio, said so.")
    assert claims.claim_after_kind(firm, 3, analyzer.gazetteer) is not ClaimAfter.PLACE


def test_a_region_named_with_a_word_the_tagger_calls_an_adjective_is_read_whole(analyzer):
    # "Lower" opens the region's own name: the claim is Lower Saxony, not Saxony.
    wrong = "A fire in Dresden, a Lower Saxony suburb, destroyed two homes on Sunday."
    (f,) = _wrong_on(analyzer, wrong, "Dresden")
    assert f.details["claimed_region"]["name"] == "Lower Saxony"
    true = "A fire in Hannover, a Lower Saxony suburb, destroyed two homes on Sunday."
    assert not [f for f in analyzer.analyze(true).findings if f.code == "place.wrong_region"]


def test_a_name_tagged_person_is_the_town_in_is_in_when_the_article_writes_it_as_a_place(analyzer):
    # The model tags "Glen Allen" PERSON in both; only the article that also writes "in Glen
    # Allen" (or opens a dateline with it) makes "Glen Allen is in Texas" a claim about the town.
    placed = "Police in Glen Allen said so. Glen Allen is in Texas, about two hours from the nearest airport."
    assert _wrong_on(analyzer, placed, "Glen Allen")
    dateline = "GLEN ALLEN — Police said so. Glen Allen is in Texas, about two hours from the nearest airport."
    assert _wrong_on(analyzer, dateline, "Glen Allen")
    person = "Glen Allen is in Texas this week, his aide said."
    assert not [f for f in analyzer.analyze(person).findings if f.code == "place.wrong_region"]


def test_a_division_the_gazetteer_holds_no_town_of_is_measured_by_its_country(analyzer):
    # Xaisomboun (Laos) has no town in cities500: Heze, China, lies at least as far as Laos.
    assert _wrong_on(analyzer, "The crash happened near Heze in Xaisomboun on Tuesday evening.", "Heze")
    same_country = "The crash happened near Phonsavan in Xaisomboun on Tuesday evening."
    assert not [f for f in analyzer.analyze(same_country).findings if f.code == "place.wrong_region"]


def test_a_name_tagged_person_that_a_place_word_ends_is_no_person_for_claims(nlp):
    # The model may tag a town's body or part as a person ("Marlowe Fire", "Marlowe Estates");
    # the town alone later is then no surname that keeps its claim from being read.
    from spacy.tokens import Doc, Span

    words = ["The", "Marlowe", "Fire", "crew", "and", "Ada", "Quill", "met", "at", "Marlowe", "Estates", "."]
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, 1, 3, "PERSON"), Span(doc, 5, 7, "PERSON"), Span(doc, 9, 11, "PERSON")]
    assert claims.claim_people(doc) == {"ada", "quill"}
    # the misspelling checks still read every word of a person-tagged name as a person's
    assert {"marlowe", "ada", "quill"} <= claims.person_words(doc)


@pytest.mark.parametrize("text, wrong", [
    ("Nurses at the clinic in Glen Allen in Oregon went home early on Friday.", True),
    ("Nurses at the clinic in Glen Allen in Virginia went home early on Friday.", False),
    # no locative word before the name: a person the model names may be in a place
    ("Voters backed Glen Allen in Oregon on Friday.", False),
])
def test_a_town_tagged_person_after_in_is_claimed_by_a_second_in(analyzer, text, wrong):
    # "in X in Y" puts a place inside a place, whatever label the model gives X
    found = [f for f in analyzer.analyze(text).findings
             if f.code == "place.wrong_region" and f.severity == "warning"]
    assert bool(found) is wrong
