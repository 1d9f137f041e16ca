"""The place evaluation's own parts (eval/places/, imported from eval/'s folder as conftest.py
sets up): reading offsets, classifying contexts, injecting misspelt towns and region claims,
scoring. They run on a few real GeoNames records, so they are quick and need no corpora."""

from __future__ import annotations

import random

import pytest
from places import analysis, claims, corpora, misspell
from places.contexts import Context, Neighbour, classify
from places.geonames import GeoNames, english_word, normalize

CITIES = [
    {"geonameid": 4314550, "name": "Alexandria", "countrycode": "US", "admin1code": "LA", "latitude": 31.31129,
     "longitude": -92.44514, "population": 47889, "alternatenames": ["Aleksandrija"]},
    {"geonameid": 4338012, "name": "Prairieville", "countrycode": "US", "admin1code": "LA", "latitude": 30.30297,
     "longitude": -90.97205, "population": 26895, "alternatenames": []},
    {"geonameid": 4409896, "name": "Springfield", "countrycode": "US", "admin1code": "MO", "latitude": 37.21533,
     "longitude": -93.29824, "population": 170188, "alternatenames": ["Springfild"]},
    {"geonameid": 4736134, "name": "Texas City", "countrycode": "US", "admin1code": "TX", "latitude": 29.38385,
     "longitude": -94.9027, "population": 47618, "alternatenames": []},
]
COUNTRIES = {"US": {"name": "United States", "neighbours": "CA,MX"}, "MX": {"name": "Mexico", "neighbours": "US"}}
ADMIN1 = ["US.LA\tLouisiana\tLouisiana\t4331987", "US.MO\tMissouri\tMissouri\t4398678", "US.TX\tTexas\tTexas\t4736286"]


@pytest.fixture(scope="module")
def geo() -> GeoNames:
    return GeoNames(CITIES, COUNTRIES, [{"name": "Rapides Parish"}], ADMIN1)


def article(text: str, toponyms: list[tuple[str, int | None, str]], title_end: int = 0) -> corpora.Article:
    """An LGL-like article; each toponym (phrase, geonameid, feature class) at every place it occurs."""
    tops, seen = [], set()
    for phrase, gid, fclass in toponyms:
        start = text.find(phrase)
        while start >= 0:
            if start not in seen:
                seen.add(start)
                tops.append(corpora.Toponym(start, start + len(phrase), phrase, 0.0, 0.0, gid, fclass))
            start = text.find(phrase, start + 1)
    return corpora.Article("LGL", "t", "dev", text, title_end, tuple(sorted(tops, key=lambda t: t.start)))


def test_utf16_offsets_become_string_indices():
    text = "🙂 Fire in Alexandria."
    start = text.index("Alexandria")
    report = {"findings": [{"code": "place.misspelled", "severity": "warning", "offset": start + 1, "length": 10,
                            "details": {"suggestions": [{"geonameid": 1, "name": "A", "lat": 0, "lon": 0}]}}],
              "places": [{}]}
    result = analysis.result_from_report(text, report)
    assert [(f.start, f.end) for f in result.findings] == [(start, start + 10)]
    assert result.on(start, start + 1, alarm_only=True, code="place.misspelled")


def test_quote_findings_are_left_out():
    report = {"findings": [{"code": "quote.anonymous", "severity": "warning", "offset": 0, "length": 3}]}
    assert analysis.result_from_report("abc", report).findings == ()


@pytest.mark.parametrize("text, word, expected", [
    ("Fire in Alexandria. Body.", "Alexandria", Context.HEADLINE),
    ("ALEXANDRIA, La. — A fire broke out.", "ALEXANDRIA", Context.DATELINE),
    ("Photo by staff. ALEXANDRIA \x97 A fire broke out.", "ALEXANDRIA", Context.DATELINE),
    ("Storm damage. SALINA, Kan. Strong winds toppled trucks.", "SALINA", Context.DATELINE),
    ("Police said ALEXANDRIA streets were closed.", "ALEXANDRIA", Context.ALL_CAPS),
    ("The Alexandria-based firm grew.", "Alexandria", Context.HYPHENATED),
    ("Alexandria’s mayor spoke.", "Alexandria", Context.POSSESSIVE),
    ("A school in north-west Alexandria closed.", "Alexandria", Context.COMPASS),
    ("He lives in Alexandria, Louisiana, now.", "Alexandria", Context.QUALIFIED),
    ("Crews from Pineville and Alexandria helped.", "Alexandria", Context.LIST),
    ("Crews drove toward Alexandria on Monday.", "Alexandria", Context.PREPOSITION),
    ("The Alexandria City Council met.", "Alexandria", Context.NAME_PART),
    ("A fire in Alexandria Tuesday.", "Alexandria", Context.PREPOSITION),
    ("Alexandria voted on Monday.", "Alexandria", Context.OTHER),
])
def test_contexts(text, word, expected):
    start = text.index(word)
    neighbours = [Neighbour(text.index(w), text.index(w) + len(w), w == "Louisiana")
                  for w in ("Louisiana", "Pineville") if w in text]
    title_end = text.index(".") if expected is Context.HEADLINE else 0
    got = classify(text, start, start + len(word), title_end=title_end, body_start=title_end and title_end + 2,
                   neighbours=neighbours)
    assert got is expected


def test_known_words_and_names(geo):
    assert english_word("carter") and not english_word("alexnadria")
    assert geo.is_real_name("Springfild") and geo.is_real_name("Louisiana") and geo.is_real_name("rapides parish")
    assert normalize("Côte d’Ivoire") == "cote divoire"


def test_a_misspelling_is_no_real_name_and_no_english_word(geo):
    rnd = random.Random(1)
    for _ in range(50):
        m = misspell.misspell("Springfield", geo, rnd)
        assert m is not None and m.typo != "Springfield" and m.typo[0].isupper()
        assert not geo.is_real_name(m.typo) and not english_word(m.typo.lower())
        assert 1 <= len(m.edits) <= 2


def test_every_occurrence_is_replaced_and_the_annotated_ones_scored(geo):
    text = ("Fire in Alexandria. ALEXANDRIA, La. — The Alexandria-based crew from Prairieville and "
            "Alexandria helped; Alexandria’s mayor thanked them.")
    art = article(text, [("Alexandria", 4314550, "P"), ("ALEXANDRIA", 4314550, "P"), ("Prairieville", 4338012, "P")],
                  title_end=text.index("."))
    mentions = {m.name: m for m in misspell.town_mentions(art, geo)}
    assert set(mentions) == {"Alexandria", "Prairieville"}
    m = misspell.Misspelling("Alexandria", "Alexnadria", ("swap",))
    inj = misspell.inject(mentions["Alexandria"], m, geo)
    assert "Alexandria" not in inj.text and "ALEXANDRIA" not in inj.text and inj.replaced == 5
    assert [inj.text[o.start : o.end] for o in inj.scored] == ["Alexnadria", "ALEXNADRIA"] + ["Alexnadria"] * 3
    assert [o.context for o in inj.scored] == [Context.HEADLINE, Context.DATELINE, Context.HYPHENATED,
                                                 Context.LIST, Context.POSSESSIVE]


def test_a_region_name_is_no_town_to_misspell(geo):
    art = article("Storms hit Louisiana and Texas City.", [("Louisiana", 4331987, "A"), ("Texas City", 4736134, "P")])
    assert [m.name for m in misspell.town_mentions(art, geo)] == ["Texas City"]


def test_claims_true_and_wrong(geo):
    text = "Fire in Alexandria. Crews in Alexandria worked all night. Nobody was hurt."
    art = article(text, [("Alexandria", 4314550, "P")], title_end=text.index("."))
    mention = misspell.town_mentions(art, geo)[0]
    shapes = {s.name: s for s in claims.shapes()}
    assert len(shapes) >= 12
    divisions = claims.Divisions(geo)
    true = divisions.true_for(mention.town)
    assert (true.name, true.word, true.country_name) == ("Louisiana", "state", "the United States")
    wrong = divisions.wrong_for(mention.town, random.Random(3))
    assert wrong is not None and wrong.admin1 in ("US.TX", "US.MO")
    claim = claims.insert(shapes["X, Y"], mention, wrong, False)
    inserted = claim.text[claim.inserted[0] : claim.inserted[1]]
    assert inserted == f"Police in Alexandria, {wrong.name}, said no one else was hurt."
    assert claim.text.startswith("Fire in Alexandria. Crews in Alexandria worked all night. " + inserted)
    assert [claim.text[s:e] for s, e in claim.town_spans] == ["Alexandria"]
    dateline = claims.insert(shapes["dateline, capitals"], mention, true, True)
    assert dateline.text.startswith("Fire in Alexandria.\nALEXANDRIA, Louisiana — Officials")


def test_geovirus_offsets_are_refound():
    assert corpora._refind("a town in Pandi, Bulacan", "Pandi", 11) == 10
    assert corpora._refind("a town in Pandi", "Bulacan", 10) is None


def test_scoring_counts_only_warnings_on_the_injected_span(geo):
    from places import score
    from places.analysis import PlaceFinding, Result, Suggestion

    text = "Crews in Alexandria worked. Alexandria voted."
    art = article(text, [("Alexandria", 4314550, "P")])
    mention = misspell.town_mentions(art, geo)[0]
    inj = misspell.inject(mention, misspell.Misspelling("Alexandria", "Alexnadria", ("swap",)), geo)
    first, second = inj.scored
    right = (Suggestion(4314550, "Alexandria", 31.3, -92.4),)
    result = Result(findings=(
        PlaceFinding("place.misspelled", "warning", first.start, first.end, right),
        PlaceFinding("place.misspelled", "info", second.start, second.end, right),
    ), places=2)
    m = score.score_misspellings([inj], [result])
    assert sum(m.caught.values()) == 1 and m.top3 == 1 and m.caught_any_severity == 2
    assert m.caught[Context.PREPOSITION] == 1 and m.occurrences[Context.OTHER] == 1 and not m.caught[Context.OTHER]


def test_targets_and_marks():
    from places.table import Target, line

    assert Target("at most", 0.003).met(3, 1000) and not Target("at most", 0.003).met(4, 1000)
    assert Target("at least", 0.9).met(9, 10) and not Target("at least", 0.9).met(0, 0)
    assert line("caught", 9, 10, Target("at least", 0.9)).endswith("✓")
    assert "9/10 = 90.0%" in line("caught", 9, 10)


def test_stress_distance_and_notable_neighbours(geo):
    from places import stress

    assert stress.osa("prairievile", "prairieville") == 1 and stress.osa("alexnadria", "alexandria") == 1
    assert stress.osa("springfeld", "springfield") == 1 and stress.osa("abc", "xyz") == 3
    index = stress.NotableIndex(geo)
    assert index.near("Prairiviile").name == "Prairieville"  # two edits from a town of 26,895
    assert index.near("Prairieville") is None  # the town itself is no neighbour
    assert index.near("Zanzibarro") is None


def test_stress_names_and_transplants(geo):
    from places import stress

    host_text = "Fire in Alexandria. Crews drove toward Alexandria on Monday; Alexandria’s mayor thanked them."
    host = article(host_text, [("Alexandria", 4314550, "P")], title_end=host_text.index("."))
    qualified = article("A storm hit Prairieville, Louisiana, on Monday.", [("Prairieville", 4338012, "P"),
                                                                              ("Louisiana", 4331987, "A")])
    source = article("Roads near Quarvelby and Prairiviile closed.", [("Quarvelby", None, "P"),
                                                                     ("Prairiviile", None, "P")])
    plain = [corpora.PlainArticle("p", "The senator met Zorbluff and his staff on Monday.")]
    names = stress.stress_names([source], plain, geo)
    assert [n.name for n in names["not in GeoNames"]] == ["Quarvelby", "Prairiviile"]
    assert names["not in GeoNames"][1].near == "Prairieville"
    assert [n.name for n in names["PolNeAR name"]] == ["Zorbluff"]
    by_ctx = stress.hosts([host, qualified], geo)
    assert all(m.name == "Alexandria" for pairs in by_ctx.values() for m, _ in pairs)  # "X, Louisiana" is left out
    assert {c for c, pairs in by_ctx.items() if pairs} == {Context.HEADLINE, Context.PREPOSITION, Context.POSSESSIVE}
    mention, chosen = by_ctx[Context.POSSESSIVE][0]
    tp = stress.transplant(names["not in GeoNames"][0], mention, chosen, geo)
    assert "Alexandria" not in tp.text and [tp.text[s:e] for s, e in tp.spans] == ["Quarvelby"] * 3
    assert tp.context is Context.POSSESSIVE and tp.text[tp.chosen[0] : tp.chosen[1] + 2] == "Quarvelby’s"


def test_halves_split_the_articles_stably_and_apart():
    import eval_places

    ids = [f"LGL/{n}" for n in range(400)]
    a = eval_places.in_half(ids, str, "a")
    b = eval_places.in_half(ids, str, "b")
    assert sorted(a + b) == sorted(ids) and not set(a) & set(b)
    assert 150 < len(a) < 250  # roughly even
    assert eval_places.in_half(ids, str, None) == ids
    assert eval_places.in_half(ids, str, "a") == a  # the same every run


def test_villages_left_out_of_the_gazetteer_take_a_host_towns_place():
    from places import villages

    near_alexandria = {"countrycode": "US", "admin1code": "LA", "latitude": 31.35, "longitude": -92.40,
                       "alternatenames": []}
    cities = CITIES + [
        # A village of 800 a letter from Prairieville (26,895), 6 km from Alexandria: eligible.
        {"geonameid": 1, "name": "Prairievilla", "population": 800, **near_alexandria},
        # The same, but a town of 14,000: too big to stand for a village GeoNames lacks.
        {"geonameid": 2, "name": "Prairievillo", "population": 14_000, **near_alexandria},
        # Small, near and a letter from Alexandria, but a name English knows: never a misspelling.
        {"geonameid": 3, "name": "Alexandra", "population": 700, **near_alexandria},
    ]
    geo = GeoNames(cities, COUNTRIES, [], ADMIN1)
    host_text = "Fire in Alexandria. Crews drove toward Alexandria on Monday; Alexandria’s mayor thanked them."
    host = article(host_text, [("Alexandria", 4314550, "P")], title_end=host_text.index("."))
    copies, left_out = villages.sample_villages([host], geo, random.Random(1), 4)
    assert left_out == frozenset({1})  # each village once
    assert len(copies) == 1 and copies[0].name.group == "near a notable town"
    tp = copies[0]
    assert "Alexandria" not in tp.text and [tp.text[s:e] for s, e in tp.spans] == ["Prairievilla"] * 3
