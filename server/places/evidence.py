"""Stage 4: weigh the evidence.

For a word the gazetteer lacks (`miss_evidence`): how well the word is known (wordfreq), which
places lie a letter or two from it, and for each how notable it is, whether the article names it,
whether it lies in the claimed region or close to the article's other places, or on another
continent from all of them. For a town with a region claim (`claim_evidence`): where it really
lies, how far from the claimed region, and which places of a similar name lie inside it.

Nothing here decides a severity: that is `verdicts`, by the table in EVIDENCE.md.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from .. import deadline
from ..gazetteer import Gazetteer, NearMiss, Region, haversine_km, normalize, romanised_country, translit_skeleton
from . import rules
from .claims import loose_shapes
from .lexicon import COMPASS_ABBREVIATION, context, disputed, names
from .model import Candidate, Claim, ClaimEvidence, MissEvidence, NearPlace, Resolution
from .resolve import ArticleWorld


class FuzzyBudget:
    """Fuzzy lookups left for this text (linear in its length), each distinct key looked up once."""

    def __init__(self, g: Gazetteer, n_tokens: int):
        self.g = g
        self.left = rules.FUZZY_BASE + n_tokens // rules.FUZZY_TOKENS_EACH
        self._memo: dict[tuple[str, int], list[NearMiss]] = {}
        self.refused: set[str] = set()  # names left without a lookup once the budget ran out

    def fuzzy(self, key: str, max_distance: int, limit: int = 50) -> list[NearMiss]:
        memo_key = (key, max_distance)
        if memo_key not in self._memo:
            if self.left <= 0:
                self.refused.add(key)
                return []
            deadline.check()
            self.left -= 1
            self._memo[memo_key] = self.g.fuzzy(key, max_distance, limit=200)
        return self._memo[memo_key][:limit]


def has_feature_word(key: str) -> bool:
    """Rivers, streets, airports: GeoNames cities500 has none. The type word ends the name
    ("Danube River", "Orchard Street"); "Mount Pleasant" and "Lake Charles" are towns."""
    words = key.split()
    return len(words) > 1 and words[-1] in names("feature_words.txt") or key in names("feature_words.txt")


def checkable_key(key: str) -> bool:
    """A name that may be a misspelled town: letters only, not too long, no feature word."""
    words = key.split()
    if not key.replace(" ", "").isalpha() or len(words) > rules.MAX_NAME_WORDS:
        return False
    if has_feature_word(key):
        return False
    return len(key.replace(" ", "")) >= rules.MIN_ONE_EDIT_MISSPELLING_LEN


def max_edits(key: str) -> int:
    return 2 if len(key.replace(" ", "")) >= rules.MIN_MISSPELLING_LEN else 1


def variant_ids(key: str, near: list[NearMiss], g: Gazetteer, countries: set[str] = frozenset()) -> list[int]:
    """Another romanisation of a known place's main name ("Sinkivka" for Synkivka): those
    places, or []. Not of an alternate name: alternate names hold odd spellings of every
    language, and a romanisation of one of them ("Dblin" of "Dblyn", a name of Dublin) is
    rather a misspelling. Nor of a place in none of the article's `countries` (when it names
    some): "Alany" in a Georgia story is no spelling of Ālanī, a village of Iran, but a letter
    off Albany. Nor of a place of a country whose names are written in Latin script (CLDR,
    `romanised_country`): a town there has one spelling, and "Cincinnaty" is a typo; but its
    name run together or split ("Saintpaul", "SanBernardino") is a way of writing it anywhere."""
    skeleton = translit_skeleton(key)
    for n in near:
        if translit_skeleton(n.key) == skeleton:
            spacing = n.key.replace(" ", "") == key.replace(" ", "")
            main = [
                i for i in n.ids
                if normalize(g.name(i)) == n.key and (spacing or romanised_country(g.country_code(i)))
            ]
            if countries:
                main = [i for i in main if g.country_code(i) in countries]
            if main and not _bigger_main_name_as_close(n, main, near, g):
                return main
    return []


def _bigger_main_name_as_close(variant: NearMiss, ids: list[int], near: list[NearMiss], g: Gazetteer) -> bool:
    """Is another place's main name as close to the word as the variant reading, and that
    place VARIANT_BIGGER_FACTOR times as big ("Alany": a letter from Albany, 77,000, as from
    Ālanī, a village of Iran)? Then the word is rather a typo of the bigger name."""
    floor = rules.VARIANT_BIGGER_FACTOR * max(int(g.pop[i]) for i in ids)
    return any(
        m.distance <= variant.distance and m.key != variant.key
        and any(int(g.pop[i]) >= floor and normalize(g.name(i)) == m.key for i in m.ids)
        for m in near
    )


NAME_ENTITY_LABELS = ("PERSON", "ORG")


def name_end_words(doc) -> set[str]:
    """The last words of the article's multi-word names of people and bodies written in proper
    nouns only ("Sant Singh Chatwal", tagged ORG or PERSON): alone later ("Chatwal pleaded
    guilty") the word is that name, whatever a letter-near town. A place word stands first in
    such a name ("the Pitsburgh Police"), after "of" ("University of X"), or after a direction
    ("East Lnodon", "S.E. Parios"), or after a word that opens place names or qualifies one
    ("Los Nagelbes", "Metro Vancuevr"); those are not taken."""
    from ..gazetteer import DIRECTIONS

    out: set[str] = set()
    openers = names("name_prefixes.txt") | context("leading_qualifiers")
    for ent in doc.ents:
        if ent.label_ not in NAME_ENTITY_LABELS or len(ent) < 2:
            continue
        words = [t for t in ent if not t.is_punct]
        if len(words) < 2 or any(t.pos_ != "PROPN" for t in words) or words[0].lower_ in DIRECTIONS:
            continue
        if words[0].lower_ in openers:
            continue  # "Los Nagelbes", "Metro Vancuevr": a word that opens place names, not a name of someone
        if COMPASS_ABBREVIATION.fullmatch(words[0].text):
            continue  # "S.E. Parios", "N.W. Lnodon": a direction, abbreviated
        out.add(normalize(words[-1].text))
    return out


def miss_evidence(
    c: Candidate, r: Resolution, claims: list[Claim], g: Gazetteer, world: ArticleWorld,
    near: list[NearMiss], person_words: set[str],
) -> MissEvidence:
    key = r.key or c.key
    claimed = [cl.region for cl in claims]
    places: dict[int, NearPlace] = {}
    for miss in near:
        for i in miss.ids:
            p = _near_place(i, miss, key, claimed, g, world)
            if i not in places or places[i].score < p.score:
                places[i] = p
    ranked = sorted(places.values(), key=lambda p: -p.score)
    # The word's rare letter runs, those no place name holds among them (one pass over the table).
    rare = tuple(g.rare_trigrams(key, rules.RARE_LETTERS_MAX)) if written_as_a_name(c.text) else ()
    return MissEvidence(
        candidate=c, zipf=g.zipf(key), near=ranked, claims=claims,
        person_word=c.key in person_words,
        odd_letters=tuple(t for t, n in rare if n == 0),
        rare_letters=rare,
        rarest_letters=g.rarest_trigram(key),
        key=key,
    )


def written_as_a_name(text: str) -> bool:
    """Every word in title case or capitals ("Berlni", "LODNON"), as a place's name is written:
    a capital inside a word ("QThere", "MandM", "CoxHealth") makes a brand or two words run
    together, whose letter runs say nothing about a typo."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(w.isupper() or w[1:] == w[1:].lower() for w in words)


def _near_place(i: int, miss: NearMiss, key: str, claimed: list[Region], g: Gazetteer, world: ArticleWorld) -> NearPlace:
    pop = int(g.pop[i])
    edits = miss.distance
    main = normalize(g.name(i)) == miss.key
    in_claim = any(g.in_region(i, reg) for reg in claimed)
    nearest = world.nearest_km(i) if world.towns else math.inf
    named = world.names_town(i) or miss.key in world.named_keys
    in_division = g.admin_code(i) in world.codes
    short = edits == 2 and len(key.replace(" ", "")) < rules.MIN_LEN_TWO_EDITS
    home = g.country_code(i) in world.countries
    if edits == 1:
        close = nearest <= (rules.VILLAGE_KM if pop < rules.VILLAGE_POP else rules.CLOSE_KM) or (
            in_division and pop >= rules.VILLAGE_POP
        )
    else:
        # Two letters off: a town of some size in a division the article names, or close to its
        # towns in its own country (a word misread as a town abroad lends no closeness).
        close = (pop >= rules.CLOSE_TWO_EDITS_MIN_POP and nearest <= rules.CLOSE_KM and home) or (
            in_division and not short and pop >= rules.DIVISION_TWO_EDITS_MIN_POP
        )
    floor = notable_floor(edits, len(key.replace(" ", ""))) * (1 if main else rules.ALTERNATE_NAME_POP_FACTOR)
    outside = g.country_code(i) in world.countries and world.divisions_of(g.country_code(i)) and not in_division
    far = len(world.towns) >= 2 and nearest > rules.FAR_FROM_WORLD_KM or outside
    if far:
        floor *= rules.FAR_FROM_WORLD_POP_FACTOR  # far from all the article's towns: only a big city
    # One letter from a sizeable town of the article's own country, in the part of it the article
    # is about ("Lanexa" in a Virginia story is no Lenexa, Kansas; "Torenia" no Torrance, California).
    in_country = edits == 1 and pop >= rules.SAME_COUNTRY_POP and home and not far
    if edits == 1 and main and home and pop >= rules.NATIONAL_CITY_POP:
        # A big city of the article's own country, one letter off its own name, is part of any
        # story of that country however far it lies from the story's towns ("Chicygo" in a
        # story of Ohio towns).
        in_country = True
    if edits == 2 and main and home and world.towns and nearest <= rules.FAR_FROM_WORLD_KM and not outside and (
        pop >= rules.SAME_COUNTRY_TWO_EDITS_POP
    ):
        # Two letters from a city of the part of the country the article is about ("the town of
        # Psadeny" in a story of Fresno: Pasadena, 140,000, 320 km off).
        in_country = True
    # The article's world: divisions or countries it names, or at least two towns (one town may
    # be a word read as a town: "Jan." is Dschang, Cameroon).
    has_world = len(world.towns) >= 2 or bool(world.codes)
    if not has_world and (edits == 1 or home or not world.countries):
        # Nothing else in the article to weigh it against: a local story naming its one town
        # ("A Ginefville man was arrested…"), whose near miss is the place it is about (two
        # letters off: not abroad when its one town gives the article a country).
        floor *= rules.EMPTY_WORLD_POP_FACTOR
    if not has_world and not main and rules.EMPTY_WORLD_MAIN_NAME_ONLY:
        # Nothing to weigh an alternate name against (they hold spellings of every language:
        # "Mbomo" one letter from "Bomo", a name of Boma, Congo): its size backs nothing.
        floor = math.inf
    abroad = has_world and g.country_code(i) not in world.countries
    if abroad:
        # In none of the article's countries: two letters never, one only from a bigger town.
        floor = math.inf if edits > 1 else floor * rules.ABROAD_POP_FACTOR
    notable = pop >= floor
    if close and main and home and pop >= rules.LOCAL_NOTABLE_POP:
        # A town of some size among the article's own towns: notable where the story happens,
        # whatever the floor for a place anywhere ("Lmanfield" beside Richland County: Mansfield,
        # 47,000, two letters off). Only a few towns that big lie within CLOSE_KM of any town.
        notable = True
    if not main and edits > rules.ALTERNATE_NAME_MAX_EDITS:
        # Two letters from a mere alternate name: alternate names hold spellings of every
        # language, and real names GeoNames lacks are two letters from one as often as typos are.
        close = notable = False
    off_world = has_world and g.country_code(i) not in world.countries and nearest > rules.WORLD_KM
    score = (
        rules.EDIT_WEIGHT * edits + math.log10(pop + 10) + world.bonus(i)
        + (rules.BONUS_IN_CLAIM if in_claim else 0.0) + (rules.BONUS_MAIN_NAME if main else 0.0)
    )
    return NearPlace(
        place=i, edits=edits, pop=pop, score=score, main_name=main, named_in_article=named,
        in_claim=in_claim, close=close, in_country=in_country, notable=notable, off_world=off_world,
        home=home, no_country=not world.countries,
        # A swap of two neighbouring letters is one edit of the optimal string alignment but two
        # of plain Levenshtein: the commonest slip of a typist.
        swapped=Levenshtein.distance(key, miss.key) > edits,
        same_start=key[:1] == miss.key[:1],
        name_rarest=g.rarest_trigram(miss.key),
    )


def notable_floor(edits: int, length: int) -> float:
    """The population from which a near miss of `edits` in a name of `length` letters is notable."""
    floors = [pop for (e, min_len), pop in rules.NOTABLE_POP.items() if e == edits and length >= min_len]
    return min(floors) if floors else math.inf


# -- region claims ------------------------------------------------------------------------------


def lenient_region(claim: Claim, g: Gazetteer) -> Region:
    """The region a claim is checked against, leniently.

    A direction before a country ("eastern Ukraine", "southern Russia") is loose talk: only the
    country is checked. A direction before a division ("northern Kharkiv Oblast", "upstate New
    York") only qualifies it: the division is still checked (with the border allowance). A country
    also covers the territory it controls or claims (data/places/disputed.tsv): "Donetsk,
    Russia" may be a choice of words, not a mistake of geography.
    """
    from ..gazetteer import DIRECTIONS

    region = claim.region
    codes = set(region.codes)
    words = [w for w in claim.text.split() if w.lower() != "the"]
    if words and words[0] in DIRECTIONS:  # lowercase only: "Northern Cape" is a name
        rest = words[1:]
        while rest and " ".join([words[0], *rest[:1]]) in DIRECTIONS:  # "north eastern"
            rest = rest[1:]
        named = g.regions.resolve(" ".join(rest)) if rest else None
        if named is None or named.kind == "country":
            codes |= {c.split(".")[0] for c in codes}
    for code in list(codes):
        codes |= set(disputed().get(code, ()))
    return Region(region.name, frozenset(codes), region.kind)


def claim_evidence(
    c: Candidate, r: Resolution, claims: list[Claim], g: Gazetteer, budget: FuzzyBudget, world: ArticleWorld,
) -> ClaimEvidence | None:
    """The first claim no place of that name fits, with where the place really lies."""
    for claim in claims:
        lenient = lenient_region(claim, g)
        if any(g.in_region(i, lenient) for i in r.ids):
            continue
        if r.region is not None and any(lenient.contains(code.split(".")[0], code) for code in r.region.codes):
            continue  # "Ontario, Canada": the name is also a region, and that one fits
        if _division_named(c, r) and claim.region.kind != "country" and claim.shape in loose_shapes():
            continue  # "Virginia, Florida, Ohio": a list of divisions, not one inside another
        best = r.best if r.best is not None else r.ids[0]
        best = _anchored_namesake(best, r, c, claim, g, world)
        km = g.distance_to_region_km(best, claim.region)
        lenient_km = g.distance_to_region_km(best, lenient)
        if km is None:
            # A division the gazetteer holds no town of ("Xaisomboun", Laos, made in 2006): a
            # place of another country lies at least as far from it as from that country.
            km = lenient_km = _distance_to_other_country_km(best, claim.region, g)
        if km is None or km <= rules.BORDER_KM or (lenient_km or 0) <= rules.BORDER_KM:
            continue
        if _in_city_named_like(best, claim, g):
            continue  # "Dupont Circle in Washington": the city, not the state of that name
        if claimed_subdivision(c.key, claim.region, g):
            continue  # "Surrey, England": the county, not Surrey in British Columbia
        claimed_countries = {code.split(".")[0] for code in claim.region.codes}
        # A common town name of the claimed country is written as meant: a place two letters
        # off inside the region is no sign of a slip ("Weston, Connecticut" is no Wilton).
        similar = similar_in_region(
            c.key, claim.region, g, budget, two_edits=not common_town_name(c.key, r.ids, claimed_countries, g),
        )
        own = frozenset(r.ids)
        # The article's world anchors the place only against a division: a whole country
        # ("Surrey, UK") may hold a place GeoNames lacks, whatever the article's other towns.
        anchored = claim.region.kind != "country" and (
            world.nearest_km(best, own) <= rules.ANCHOR_KM
            or g.admin_code(best) in world.codes - set(claim.region.codes)
            or world.about_country_only(best, own, claim.region) and int(g.pop[best]) >= rules.ABROAD_CLAIM_MIN_POP
        )
        # A namesake in the claimed country ("Paris, in the Maryland state": Paris, Illinois)
        # stands for the place; a big one abroad only against a division ("Rochester, a city
        # in New Brunswick"), not a whole country ("Surrey, UK").
        home = [i for i in r.ids if g.country_code(i) in claimed_countries]
        # Only the towns whose own (main) name it is, when the country has some: a town bearing
        # it as a mere alternate name ("Rocky Hill" of Rock Hill, South Carolina, 71,000, beside
        # Rocky Hill, New Jersey, 690) says less of what the name means than they do.
        sized = [i for i in home if normalize(g.name(i)) == c.key] or home
        notable = any(int(g.pop[i]) >= rules.WRONG_REGION_MIN_POP for i in sized) or (
            claim.region.kind != "country" and int(g.pop[best]) >= rules.WRONG_REGION_ABROAD_POP
        )
        return ClaimEvidence(
            anchored=anchored,
            claim=claim, place=best, distance_km=km, similar=similar,
            notable=notable, same_country=bool(home),
            main_name=any(normalize(g.name(i)) == c.key for i in r.ids),
            pop=int(g.pop[best]),
        )
    return None


def _anchored_namesake(best: int, r: Resolution, c: Candidate, claim: Claim, g: Gazetteer, world: ArticleWorld) -> int:
    """The place of the name the article's own world points to, against a claimed division: the
    namesake picked (`best`, the one nearest the claimed region) unless the article anchors
    another place of that main name and not `best` — it names that place's division (as a
    region, or inside a body's name when it names the claimed division nowhere), or a town it
    names outside the claimed region lies within ANCHOR_KM of it. "Stonington, located in
    Manitoba" in a story quoting the Connecticut State Police is Stonington, Connecticut, not
    the Maine village nearer Manitoba. The claimed region's own towns anchor no other namesake:
    a name of many places ("Oakdale") has one near any region."""
    if claim.region.kind == "country":
        return best
    own = frozenset(r.ids)
    claimed = set(claim.region.codes)
    bodies = frozenset() if world.names_division(claim.region) else world.body_divisions

    def by_division(i: int) -> bool:
        code = g.admin_code(i)
        return code in world.codes - claimed or code in bodies - claimed

    if world.nearest_km(best, own) <= rules.ANCHOR_KM or by_division(best):
        return best
    others = sorted(
        (i for i in r.ids if i != best and normalize(g.name(i)) == c.key), key=lambda i: -int(g.pop[i])
    )[: rules.PICK_AMONG]
    return next((i for i in others if by_division(i) or world.anchors_outside(i, own, claim.region)), best)


def _distance_to_other_country_km(i: int, region: Region, g: Gazetteer) -> float | None:
    """Distance from place i to the nearest town of the claimed division's country, when that
    is not i's own country (None otherwise, or when it holds no town either)."""
    countries = {code.split(".")[0] for code in region.codes}
    if g.country_code(i) in countries:
        return None
    found = [g.distance_to_region_km(i, Region(cc, frozenset({cc}), "country")) for cc in sorted(countries)]
    return min((km for km in found if km is not None), default=None)


@dataclass(frozen=True)
class Subdivision:
    """An ISO 3166-2 subdivision (pycountry's table): a county, council area, district…"""

    country: str  # "GB"
    parent: str  # its parent's name ("England"), "" when it has none


@lru_cache(maxsize=1)
def iso_subdivisions() -> dict[str, tuple[Subdivision, ...]]:
    """Every ISO 3166-2 subdivision's name (pycountry: counties, council areas, districts,
    provinces of every country), normalised, with where each of that name lies. GeoNames'
    cities500 holds towns, not counties: "Surrey" there is a city in British Columbia."""
    import json
    from pathlib import Path

    import pycountry

    # pycountry's own table, read directly: its object database takes two seconds to build.
    table = json.loads((Path(pycountry.DATABASE_DIR) / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    names_of = {sub["code"]: sub["name"] for sub in table}
    out: dict[str, list[Subdivision]] = {}
    for sub in table:
        parent = names_of.get(sub.get("parent", ""), "")
        out.setdefault(normalize(sub["name"]), []).append(Subdivision(sub["code"].split("-")[0], parent))
    return {k: tuple(v) for k, v in out.items()}


def claimed_subdivision(key: str, region: Region, g: Gazetteer) -> bool:
    """Is `key` the name of a subdivision inside the claimed region ("Suffolk, England", "Fife,
    Scotland", "Kent, UK")? Then the claim names a real county, which may hold no town of that
    name. Its parent must be the claimed division ("Hounslow, Scotland" stays wrong: Hounslow
    is a borough of England)."""
    for sub in iso_subdivisions().get(key, ()):
        if region.kind == "country":
            if sub.country in region.codes:
                return True
        elif sub.parent:
            parent = g.regions.resolve(sub.parent)
            if parent is not None and parent.codes & region.codes:
                return True
    return False


def _division_named(c: Candidate, r: Resolution) -> bool:
    """The candidate writes a first-level division's own name ("Florida", "Virginia"), not a
    town that a division's alias also names ("New York City")."""
    return r.region is not None and r.region.kind == "admin1" and normalize(r.region.name) == c.key


def _in_city_named_like(i: int, claim: Claim, g: Gazetteer) -> bool:
    """Does place i lie in (within BORDER_KM of) a city of CITY_NAMED_REGION_POP+ that the
    claimed region's name also names ("Washington", "New York", "Mexico")?"""
    lat, lon = float(g.lat[i]), float(g.lon[i])
    return any(
        int(g.pop[k]) >= rules.CITY_NAMED_REGION_POP
        and haversine_km(lat, lon, float(g.lat[k]), float(g.lon[k])) <= rules.BORDER_KM
        for k in g.exact(claim.text)[:rules.PICK_AMONG]
    )


def common_town_name(key: str, ids: list[int], countries: set[str], g: Gazetteer) -> bool:
    """Is `key` the own (main) name of towns in GENERIC_NAME_DIVISIONS or more first-level
    divisions of the claimed `countries` ("Weston": Florida, Wisconsin, Massachusetts, West
    Virginia, Missouri…)? Then it is an ordinary town name there: one more town of it in another
    division, too small for GeoNames, is likelier than a slip of two letters."""
    divisions = {g.admin_code(i) for i in ids if g.country_code(i) in countries and normalize(g.name(i)) == key}
    return len(divisions) >= rules.GENERIC_NAME_DIVISIONS


def similar_in_region(
    key: str, region: Region, g: Gazetteer, budget: FuzzyBudget, two_edits: bool = True,
) -> list[int]:
    """Places inside the claimed region whose name is close to `key` ("Sevsk" -> Seversk): up to
    SIMILAR_IN_REGION_EDITS letters off inside a division, one letter off when not `two_edits`
    (a common town name of the country, `common_town_name`) or inside a whole country."""
    found: dict[int, tuple[int, int]] = {}
    # Two letters only inside a division: a whole country has a town two letters from anything.
    division = region.kind != "country"
    edits = rules.SIMILAR_IN_REGION_EDITS if two_edits and division and len(key) >= rules.MIN_MISSPELLING_LEN else 1
    for miss in budget.fuzzy(key, edits, limit=200):
        if miss.distance > 1 and all(int(g.pop[i]) < rules.SIMILAR_TWO_EDITS_MIN_POP for i in miss.ids):
            continue  # two letters from a village: every division has one
        for i in miss.ids:
            if g.in_region(i, region) and i not in found:
                found[i] = (miss.distance, -int(g.pop[i]))
    return sorted(found, key=lambda i: found[i])[: rules.MAX_SUGGESTIONS]


def spellings_near(g: Gazetteer, i: int, query: str) -> list[str]:
    """The other spellings of place i closest to what the text wrote (not every language's)."""
    near = max(3, len(query) // 3)
    main = normalize(g.name(i))
    scored = sorted((OSA.distance(query, k), k) for k in g.names_of(i) if k != main)
    return [k.title() for d, k in scored if d <= near][:8]
