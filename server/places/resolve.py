"""Stage 2: resolve the candidates against the gazetteer.

Each candidate becomes a region or country, another real area (a continent, a sea), a town the
gazetteer knows by any main or alternate name (Kiev/Kyiv, Artemivsk/Bakhmut are the same
place), a miss, or no place at all (a demonym, an abbreviation, a word of the not-places list).
A miss of several words keeps the words that name the place (`settle_name`: "Huntsvilse" of
"Huntsvilse City Manager", "Sianta Clara" whole). Towns are resolved to one GeoNames place by
the article's context (`ArticleWorld`: the countries and divisions it names, the towns near its
other towns) over population. A name both a region and a town is the region when the region far
outweighs every town of the name, or the article's towns lie in it (`prefer_regions`), and a
country's name is a town of that name in a local story around it (`prefer_towns`).
"""

from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache
from typing import Callable

import numpy as np
from spacy.tokens import Doc

from .. import deadline
from rapidfuzz.distance import OSA

from ..gazetteer import Gazetteer, NearMiss, Region, admin_core, haversine_km, normalize, translit_skeleton
from . import rules
from .lexicon import context, names, ordered_context
from .model import Candidate, Claim, ClaimAfter, Cue, Resolution, Role
from .roles import after_party_letter, role_of

TYPED_REGION_WORDS = ("region", "oblast", "province", "state", "governorate")


def resolve(c: Candidate, g: Gazetteer, after: ClaimAfter = ClaimAfter.NONE) -> Resolution:
    """What the candidate is; `after` is the claim the words after it make (claims.py): a
    region claim after a name is evidence of a place, whatever the model's label."""
    r = _resolve_key(c, c.key, g, after)
    words = c.key.split()
    if r.kind == "miss" and len(words) > 1 and words[0] in context("leading_qualifiers"):
        # "west London", "occupied Melitopol": the qualifier is not part of the name
        r = _resolve_key(c, " ".join(words[1:]), g, after)
    if r.kind == "miss" and c.label == "NORP" and c.cue is Cue.ENTITY:
        return Resolution(c, "skip")  # "Islamist", "Salafists": a group, not a place
    return r


def _resolve_key(c: Candidate, key: str, g: Gazetteer, after: ClaimAfter) -> Resolution:
    if not key or key in names("not_places.txt"):
        return Resolution(c, "skip")
    if key in names("other_places.txt"):
        return Resolution(c, "other")
    region = g.regions.resolve(key)
    ids = g.ids_for_key(key)
    if region is not None and _demonym_of_part(c, key, region, g):
        return Resolution(c, "skip")  # "Australian racing": people, not the Australian Capital Territory
    if region is not None:
        typed = key.split()[-1] in TYPED_REGION_WORDS
        towns = [i for i in ids if g.pop[i] >= rules.TOWN_OVER_REGION_POP]
        biggest = max((int(g.pop[i]) for i in towns), default=0)
        if towns and g.division_population(region) > rules.DIVISION_OVER_TOWN_FACTOR * biggest:
            towns = []  # "officials in Florida": the state, not Floridablanca, Colombia
        if towns and not typed and region.country is None and not (len(c.text) <= 4 and c.text.isupper()):
            return Resolution(c, "town", region=region, ids=ids)  # not "NERI", an abbreviation
        if ids and not typed and after is ClaimAfter.PLACE:
            return Resolution(c, "town", region=region, ids=ids)  # "Palestine, a small Texas town"
        return Resolution(c, "region", region=region)
    if is_demonym(key, g) and not (after is not ClaimAfter.NONE and c.label != "NORP" and _main_name_of(key, ids, g)):
        return Resolution(c, "skip")  # (not a town's own name placed by a claim: "Pandi in Bulacan")
    if ids:
        if c.cue is Cue.POSSESSIVE and c.opens_clause:
            return Resolution(c, "skip")  # "Man's greed …": a word opening a sentence
        if c.cue is Cue.STRING:
            return Resolution(c, "skip")  # found as unknown, yet a name: not for this stage
        if len(c.text) <= 4 and c.text.isupper() and not (c.role is Role.DATELINE and after is not ClaimAfter.NONE):
            return Resolution(c, "skip")  # "EU", "ACA": an abbreviation, not the town of Eu (but "HEZE, Shandong —")
        if (
            not c.from_entity and c.cue in (Cue.WEAK, Cue.POSSESSIVE) and c.label == "ORG"
            and max(int(g.pop[i]) for i in ids) < rules.FIRM_TOWN_MIN_POP and after is ClaimAfter.NONE
        ):
            return Resolution(c, "skip")  # "shares in Amazon and Shell": firms, not hamlets
            # (but "police in Crockett, Texas": a region claim makes it the town)
        return Resolution(c, "town", ids=ids)
    if _is_abbreviation(c.text) and not _dateline_word(c):
        return Resolution(c, "skip")
    return Resolution(c, "miss", key=key)


def _dateline_word(c: Candidate) -> bool:
    """A word in capitals opening a dateline ("EWARK —", "NEWAK --"), long enough to be checked
    for a misspelling: a town's name, not an abbreviation ("NATO"), whatever its length."""
    letters = sum(ch.isalpha() for ch in c.text)
    return c.role is Role.DATELINE and "." not in c.text and letters >= rules.MIN_MISSPELLING_LEN


def _demonym_of_part(c: Candidate, key: str, region, g: Gazetteer) -> bool:
    """A word the model tags a group (NORP) and that reads as a demonym names a division only by
    a part of its name ("Australian" of the Australian Capital Territory): the people of a
    country, not the division. A division's own name is that division whatever the label."""
    return c.label == "NORP" and region.kind == "admin1" and normalize(region.name) != key and is_demonym(key, g)


@lru_cache(maxsize=65536)
def is_demonym(key: str, g: Gazetteer) -> bool:
    """"ukrainian" (Ukraine), "kenyan", "sudanese", "israeli", "british": people, not places."""
    if key in names("demonyms.txt"):
        return True
    words = key.split()
    if len(words) > 2:
        return False
    if any(g.pop[i] >= rules.DEMONYM_PLACE_POP for i in g.ids_for_key(key)):
        return False  # "Nairobi" is a city, not a demonym of some "Nairoba"
    for suffix in ordered_context("demonym_suffixes"):
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            if suffix in ("n", "ns") and not stem.endswith("a"):
                continue  # "Russia-n", "Kenya-n"; but "Omdurmann" is a typo, not a demonym
            big_city_only = suffix in ("er", "ers")  # "Londoner", "New Yorker"; not "Opoler"
            for ending in ordered_context("demonym_stem_endings"):
                form = stem + ending
                if form == key:
                    continue
                region = None if big_city_only else g.regions.resolve(form)
                if region is not None and region.kind in ("country", "region", "admin1"):
                    return True
                floor = rules.DEMONYM_CITY_POP if big_city_only else rules.DEMONYM_PLACE_POP
                if any(g.pop[i] >= floor for i in g.ids_for_key(form)):
                    return True
    return False


def _main_name_of(key: str, ids: list[int], g: Gazetteer) -> bool:
    """Is `key` the main name of one of the places `ids`?"""
    return any(normalize(g.name(i)) == key for i in ids)


def _is_abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return "." in text or (len(letters) <= rules.ABBREVIATION_MAX_LEN and all(ch.isupper() for ch in letters))


def _countries_only(region: Region) -> bool:
    """Does the region name whole countries only (no division: not "Georgia", a US state too)?"""
    return not any("." in code for code in region.codes)


class ArticleWorld:
    """Countries, divisions and towns the article names, to prefer places among them."""

    def __init__(
        self, g: Gazetteer, resolutions: list[Resolution], claims: list[Claim],
        body_divisions: frozenset[str] = frozenset(),
    ):
        """`body_divisions`: the divisions named inside the names of bodies and buildings
        outside the claims ("Kentucky State Police": claims.divisions_in_names)."""
        self.g = g
        self.body_divisions = body_divisions
        self._count_regions(resolutions, claims)
        self._sure_towns: list[int] = []  # towns named as places (entities, strong cues) outside claims
        self._towns_outside_claims: list[tuple[int, tuple[int, ...]]] = []
        self._division_cores: tuple[tuple, list] = ((), [])  # (countries, their divisions' names)
        self.towns: list[int] = []
        self.named_keys: set[str] = set()  # the keys of every town the article names
        self._nearest: dict[tuple, float] = {}
        self._version = 0  # bumped whenever the towns change
        self._lat = self._lon = np.zeros(0, np.float32)
        self._pos: dict[int, int] = {}

    def _count_regions(self, resolutions: list[Resolution], claims: list[Claim]) -> None:
        """The codes of the regions the article names and claims, and those it names apart
        from its claims."""
        # What a claim's own region phrase names ("a small Quebec town") is the claim, not the
        # article's world: kept apart to say where the article is about apart from its claims.
        self._claim_spans = [(c.start, c.end) for c in claims]
        self.codes: set[str] = {code for c in claims for code in c.region.codes}
        self._named_countries: set[str] = set()  # countries of the regions named outside claims
        # Divisions (not countries) the article names outside its claims, as regions or inside
        # the name of a body ("the S.C. Highway Patrol"): `names_division`.
        self._named_divisions: set[str] = set(self.body_divisions)
        for r in resolutions:
            if r.kind == "region" and r.region is not None:
                self.codes |= set(r.region.codes)
                if not self._in_claim(r.candidate):
                    self._named(r.region)
        self.countries = {c.split(".")[0] for c in self.codes}

    def add_towns(self, resolutions: list[Resolution]) -> None:
        counts = Counter(r.best for r in resolutions if r.kind == "town" and r.best is not None)
        # Bounded: the most mentioned towns (first mentioned first among equals).
        self.towns = sorted(t for t, _ in counts.most_common(rules.MAX_CONTEXT_TOWNS))
        self.named_keys = {r.candidate.key for r in resolutions if r.kind == "town"}
        self._version += 1
        self._lat, self._lon = self.g.lat[self.towns], self.g.lon[self.towns]
        self._pos = {t: k for k, t in enumerate(self.towns)}
        # The countries of the towns named (as places: entities or after a strong cue) count as
        # the article's too ("Wellington" puts it in New Zealand), beside those it names outright.
        sure = {
            r.best for r in resolutions
            if r.kind == "town" and r.best is not None and r.candidate.cue in (Cue.ENTITY, Cue.STRONG)
        }
        self.countries = {c.split(".")[0] for c in self.codes} | {self.g.country_code(t) for t in sure}
        self._sure_towns = sorted({
            r.best for r in resolutions
            if r.kind == "town" and r.best is not None and r.candidate.cue in (Cue.ENTITY, Cue.STRONG)
            and not self._in_claim(r.candidate)
        })
        # Every town named outside the claims' own words: the article's world apart from what
        # it claims (`agrees_with_claim`).
        # (the place picked, and the places of its name: those whose main name it is, when
        # some are, else every one)
        self._towns_outside_claims = sorted({
            (r.best, self._named_so(r)) for r in resolutions
            if r.kind == "town" and r.best is not None and not self._in_claim(r.candidate)
        })

    def _named_so(self, r: Resolution) -> tuple[int, ...]:
        """The places a town's name names by their main name ("Cross City": the Florida town,
        not Corinth, Mississippi, that bears it as an alternate name), or every place of the
        name when none does ("Kiev")."""
        main = tuple(i for i in r.ids if normalize(self.g.name(i)) == r.candidate.key)
        return main or tuple(r.ids)

    def prefer_regions(self, resolutions: list[Resolution]) -> bool:
        """A name both a town and a region ("Virginia": a town of the Free State, South Africa,
        and a US state) is the region when the article's other towns lie in that region and
        the town picked lies far from all of them ("Fairfax … Virginia"). Says whether any
        changed; the regions become the article's."""
        g = self.g
        changed = False
        for r in resolutions:
            if r.kind != "town" or r.region is None or r.best is None:
                continue
            own = frozenset(r.ids)
            others = [t for t in self.towns if t not in own]
            if (
                any(g.in_region(t, r.region) for t in others) and not g.in_region(r.best, r.region)
                and self.nearest_km(r.best, own) > rules.RESOLVE_NEAR_KM
            ):
                r.kind, r.best = "region", None
                self.codes |= set(r.region.codes)
                if not self._in_claim(r.candidate):
                    self._named(r.region)
                changed = True
        return changed

    def prefer_towns(self, resolutions: list[Resolution], claims: list[Claim]) -> list[Claim]:
        """A country's name that is also a town's own name ("Lebanon": a country, and towns of
        Pennsylvania and Indiana) is that town when it lies within COUNTRY_AS_TOWN_KM of a town
        the article names smaller than COUNTRY_AS_TOWN_ANCHOR_MAX_POP, nothing else the article
        names or claims lies in that country, and it names no other country: a local story
        ("died at Cedar Haven Nursing Home in Lebanon" beside Hershey and Annville), not one
        about countries. A claim into the country by that word ("… Home in Lebanon") is then no
        claim. Gives the claims left; the regions are counted again, and the caller picks the
        towns again."""
        g = self.g
        flipped: list[Candidate] = []
        for r in resolutions:
            region, c = r.region, r.candidate
            if r.kind != "region" or region is None or not _countries_only(region):
                continue  # (not "Georgia", a state too, nor "Mexico" and its state)
            ccs = region.codes
            ids = sorted(
                (i for i in g.ids_for_key(c.key) if normalize(g.name(i)) == c.key and g.country_code(i) not in ccs),
                key=lambda i: -int(g.pop[i]),
            )
            own = frozenset(ids)
            others = [t for t in self.towns if t not in own]
            if not ids or not others or any(g.country_code(t) in ccs for t in others):
                continue
            # (beside a small town: a big city's story may be about the country, "Obama spoke in
            # Cincinnati about Lebanon", with Lebanon, Ohio 45 km off)
            local = [t for t in others if int(g.pop[t]) < rules.COUNTRY_AS_TOWN_ANCHOR_MAX_POP]
            if not local:
                continue
            lat, lon = g.lat[local], g.lon[local]
            km = {
                i: float(haversine_km(float(g.lat[i]), float(g.lon[i]), lat, lon).min())
                for i in ids[: rules.PICK_AMONG]
            }
            near = min(km, key=km.get)
            if km[near] > rules.COUNTRY_AS_TOWN_KM:
                continue
            home = g.country_code(near)
            if any(  # it names that country otherwise, or another country: a story of countries
                o.kind == "region" and o.region is not None and o.candidate.key != c.key
                and (_countries_only(o.region) and home not in o.region.codes
                     or any(code.split(".")[0] in ccs for code in o.region.codes))
                for o in resolutions
            ) or any(
                ccs & {code.split(".")[0] for code in cl.region.codes} and not cl.covers(c) for cl in claims
            ):
                continue
            r.kind, r.region, r.ids, r.best = "town", None, ids, near
            flipped.append(c)
        if not flipped:
            return claims
        kept = [cl for cl in claims if not any(cl.covers(c) for c in flipped)]
        self._count_regions(resolutions, kept)
        return kept

    def division_spelt(self, key: str, town_edits: int) -> Region | None:
        """A first-level division of one of the article's countries that `key` is another
        romanisation of, its transliteration skeleton at most DIVISION_SPELLING_EDITS off
        ("Menoufia" for Monufia, "Daqahliya" for Dakahlia):
        a real region, no misspelt town. Not a division named like a town of the country
        ("Washington"), whose misspelling is rather the town's, nor one no closer than the
        nearest town's main name, `town_edits` away ("Kansbs" is as near Kansas City)."""
        if len(key) < rules.DIVISION_SPELLING_MIN_LEN:
            return None
        g = self.g
        memo_key = tuple(sorted(self.countries))
        if self._division_cores[0] != memo_key:  # the divisions of the article's countries, once
            cores = []
            for code, name in sorted(g.regions.admin_names.items()):
                cc = code.split(".")[0]
                core = admin_core(name)
                if cc in self.countries and len(core) >= rules.DIVISION_SPELLING_MIN_LEN and not any(
                    g.country_code(i) == cc and int(g.pop[i]) >= rules.TOWN_NAMED_REGION_POP for i in g.ids_for_key(core)
                ):
                    cores.append((translit_skeleton(core), code, name))
            self._division_cores = (memo_key, cores)
        deadline.check()
        skeleton = translit_skeleton(key)
        limit = min(rules.DIVISION_SPELLING_EDITS, town_edits - 1)
        for core, code, name in self._division_cores[1]:
            if abs(len(core) - len(skeleton)) <= limit + 2 and OSA.distance(skeleton, core) <= limit:
                return g.regions.resolve(name) or Region(name, frozenset([code]), "admin1")
        return None

    def _named(self, region: Region) -> None:
        """A region the article names outside its claims."""
        self._named_countries |= {code.split(".")[0] for code in region.codes}
        if region.kind != "country":
            self._named_divisions |= set(region.codes)

    def names_division(self, claimed: Region) -> bool:
        """Does the article, apart from its claims, name the claimed division (not a whole
        country) — as a region ("Kentucky officials said") or inside a body's name ("Kentucky
        State Police")? Then it is about that division: a town it places there that GeoNames
        lacks is most likely a place too small for it, not one moved from elsewhere."""
        return claimed.kind != "country" and bool(self._named_divisions & set(claimed.codes))

    def _in_claim(self, c: Candidate) -> bool:
        return any(a < c.end and c.start < b for a, b in self._claim_spans)

    def about_country_only(self, i: int, own: frozenset, claimed: Region) -> bool:
        """Is the article, apart from its claims, about place i's country and not about the
        claimed region's? It names i's country (the country, a division of it, or another town
        there as a place) and nothing in the claimed country: "Lynchburg, a small Quebec town"
        in a story naming Minnesota and Texas puts a US town in Canada."""
        g = self.g
        countries = self._named_countries | {g.country_code(t) for t in self._sure_towns if t not in own}
        claimed_countries = {code.split(".")[0] for code in claimed.codes}
        return g.country_code(i) in countries and not (claimed_countries & countries)

    def agrees_with_claim(self, own: frozenset, claimed: Region) -> bool:
        """Does the article's world, apart from its claims, agree with a claim no place of the
        name fits? Some town it names outside the claims lies in the claimed region (within
        BORDER_KM of it) and none lies within ANCHOR_KM of any place of the name (`own`): a
        story about that region's towns that places one more there is most likely about a
        place too small for GeoNames ("Denver, Kentucky" beside Paducah and Owensboro),
        not one it moved from elsewhere."""
        g = self.g
        towns = [(t, ids) for t, ids in self._towns_outside_claims if t not in own]
        if not self.reaches(own, claimed):
            return False
        deadline.check()
        every = [t for t, _ in towns]
        lat, lon = g.lat[every], g.lon[every]
        ids = sorted(own, key=lambda i: -int(g.pop[i]))[: rules.PICK_AMONG]
        return not any(
            float(haversine_km(float(g.lat[i]), float(g.lon[i]), lat, lon).min()) <= rules.ANCHOR_KM for i in ids
        )

    def reaches(self, own: frozenset, claimed: Region) -> bool:
        """Does some town the article names outside its claims (not a place of the claim's
        name, `own`) lie in the claimed region, within BORDER_KM of it? A town counts for the
        region only when the claim did not pick it there: it is the biggest place of its name,
        or every place of its name lies in the region (a claim adds its region to the
        article's, so "Gaston" beside "Swansea (Indiana)" picks the Indiana hamlet of 865) —
        of the places whose main name it is, when some are (`_named_so`: "Cross City" beside
        a claim into Mississippi is the Florida town, not Corinth, Mississippi, which bears
        the name as an alternate one)."""
        g = self.g
        return any(
            t in ids and (int(g.pop[t]) >= max(int(g.pop[i]) for i in ids) or all(g.in_region(i, claimed) for i in ids))
            and (g.in_region(t, claimed) or (g.distance_to_region_km(t, claimed) or math.inf) <= rules.BORDER_KM)
            for t, ids in self._towns_outside_claims if t not in own
        )

    def anchors_outside(self, i: int, own: frozenset, claimed: Region) -> bool:
        """Does a town the article names outside the claimed region (farther than BORDER_KM
        from it; not a place of the name, `own`) lie within ANCHOR_KM of place i? A story of
        Pittsburgh's towns that places a Shadyside in Pennsylvania is anchored around
        Shadyside, Ohio only by Pennsylvania towns: no evidence the Ohio one is meant."""
        g = self.g
        lat, lon = float(g.lat[i]), float(g.lon[i])
        for t in self.towns:
            if t in own or t == i or g.in_region(t, claimed):
                continue
            if (g.distance_to_region_km(t, claimed) or math.inf) <= rules.BORDER_KM:
                continue
            if haversine_km(lat, lon, float(g.lat[t]), float(g.lon[t])) <= rules.ANCHOR_KM:
                return True
        return False

    def divisions_of(self, country: str) -> bool:
        """Does the article name divisions of this country ("Virginia", "the Donetsk region")?"""
        return any(code.startswith(country + ".") for code in self.codes)

    def names_town(self, i: int) -> bool:
        """Is place i one of the towns the article names?"""
        return i in self._pos

    def bonus(self, i: int, exclude: frozenset = frozenset(), nearest: float | None = None) -> float:
        g = self.g
        b = 0.0
        if g.admin_code(i) in self.codes:
            b += rules.BONUS_NAMED_DIVISION
        cc = g.country_code(i)
        if cc in self.codes or cc in self.countries:
            b += rules.BONUS_COUNTRY
        if (self.nearest_km(i, exclude) if nearest is None else nearest) <= rules.RESOLVE_NEAR_KM:
            b += rules.BONUS_NEAR
        return b

    def nearest_many(self, ids: list[int], exclude: frozenset) -> np.ndarray:
        """Distance from each of `ids` to the nearest town the article names, none of
        `exclude` counting: one vectorised pass (ids x towns) for a whole name."""
        if not self.towns:
            return np.full(len(ids), math.inf)
        deadline.check()
        g = self.g
        lat = np.radians(g.lat[ids].astype(np.float64))[:, None]
        lon = np.radians(g.lon[ids].astype(np.float64))[:, None]
        tlat = np.radians(self._lat.astype(np.float64))[None, :]
        tlon = np.radians(self._lon.astype(np.float64))[None, :]
        a = np.sin((tlat - lat) / 2) ** 2 + np.cos(lat) * np.cos(tlat) * np.sin((tlon - lon) / 2) ** 2
        d = 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
        for t in exclude:
            if t in self._pos:
                d[:, self._pos[t]] = math.inf
        return d.min(axis=1)

    def nearest_km(self, i: int, exclude: frozenset = frozenset()) -> float:
        """Distance from place i to the nearest town the article names (not i, nor `exclude`).
        One vectorised pass over the (bounded) towns, remembered per place."""
        memo_key = (i, exclude, self._version)
        if memo_key not in self._nearest:
            deadline.check()
            mask = np.ones(len(self.towns), dtype=bool)
            for t in exclude | {i}:
                if t in self._pos:
                    mask[self._pos[t]] = False
            if not mask.any():
                d = math.inf
            else:
                g = self.g
                d = float(haversine_km(float(g.lat[i]), float(g.lon[i]), self._lat[mask], self._lon[mask]).min())
            self._nearest[memo_key] = d
        return self._nearest[memo_key]

    def pick(self, ids: list[int], claimed: list[Region]) -> int:
        g = self.g
        own = frozenset(ids)  # a name's own candidates are no context for it
        if len(ids) > rules.PICK_AMONG:  # a common name: its biggest namesakes, and any in the
            # divisions or countries the article names, are enough to pick from
            ranked = sorted(ids, key=lambda i: -int(g.pop[i]))
            ids = ranked[: rules.PICK_AMONG] + [
                i for i in ranked[rules.PICK_AMONG :]
                if g.admin_code(i) in self.codes or any(g.in_region(i, r) for r in claimed)
            ][: rules.PICK_AMONG]

        nearest = self.nearest_many(ids, own)

        def score(k: int) -> float:
            i = ids[k]
            s = math.log10(int(g.pop[i]) + 10) + self.bonus(i, nearest=float(nearest[k]))
            if any(g.in_region(i, r) for r in claimed):
                s += rules.RESOLVE_IN_CLAIM
            return s

        return ids[max(range(len(ids)), key=score)]


# -- the words of a miss that name the place ---------------------------------------------------


def division_spelling(
    key: str, world: ArticleWorld, g: Gazetteer, near: Callable[[str], list[NearMiss]]
) -> Region | None:
    """The division of the article's countries a one-word miss is another spelling of
    (`ArticleWorld.division_spelt`), when no town's own name among its near misses is as close:
    "Menoufia" is Monufia, Egypt; "Kansbs" stays a letter from Kansas City."""
    if " " in key:
        return None
    main = [m.distance for m in near(key) if any(normalize(g.name(i)) == m.key for i in m.ids)]
    return world.division_spelt(key, min(main, default=rules.DIVISION_SPELLING_EDITS + 1))


def settle_name(doc: Doc, c: Candidate, r: Resolution, g: Gazetteer, near: Callable[[str], list[NearMiss]]) -> None:
    """A miss of several words: keep the words that name the place.

    "Huntsvilse City Manager", "Amhersj College", "a Kethtejing Republican": a few words around
    a misspelt name, of which only some are the place's name; "Sianta Clara", "Rolleing
    Meadows": all of them. Each run of at most MAX_NAME_WORDS words holding every word nobody
    knows is looked up; the one with the closest near miss wins (the longer among equals when
    it is a place's main name), and the candidate is narrowed to it (`_may_drop` says when). When the whole run is a near miss of a place's name of as many
    words with its known words spelt exactly, the candidate says so (`whole_place_name`): a
    person's name is not a letter from a place's two-word name ("Sianta Clara").
    """
    joined = _joined_name_ids(doc, c, g)
    if joined:  # "Mbanza Congo" (Mbanza Kongo), its second word taken as the Congo
        r.kind, r.ids = "town", joined
        return
    words = [k for k in range(c.tok_start, c.tok_end) if doc[k].is_alpha]
    if len(words) < 2 or len(words) > rules.MAX_RUN:
        return
    unknown = [k for k in words if _unknown_word(doc[k].text, g)]
    if not unknown:
        return
    if any(doc[k].lower_ in names("feature_words.txt") for k in words[1:]):
        # "Murray Lindler Road": a street, not a town, and never cut down to its name; but a
        # letter off a town's own name of the same words is that town ("Moggn Hill").
        misses = near(r.key or c.key)
        c.whole_place_name = bool(misses) and _main_name(misses[0], g) and _same_known_words(
            r.key or c.key, misses[0].key, g
        )
        return
    best: tuple | None = None
    for i, a in enumerate(words):
        for b in words[i : i + rules.MAX_NAME_WORDS]:
            if not all(a <= u <= b for u in unknown):
                continue  # the words left out are known ones ("City", "College"), not names
            if not _may_drop(doc, c, a, b + 1):
                continue
            key = _window_key(doc, a, b + 1)
            misses = near(key) if len(key.replace(" ", "")) >= rules.MIN_MISSPELLING_LEN else []
            if not misses:
                continue
            # Among equally close runs the longer wins only if it is some place's main name
            # ("Kansas City"), not an alias ("Dublin City", a name of Dublin).
            # Closeness is to a place's main name where one is near: a run one letter from a mere
            # alternate name ("doveg" of "Doweg") is no closer than two from "Dodge City".
            mains = [m for m in misses if _main_name(m, g)]
            closest = mains[0] if mains else misses[0]
            # A run of several words near a place's main name of as many words, its known words
            # spelt exactly ("Antba Clara": Santa Clara), names that place before any one of its
            # words near some short name ("antba" one letter from "Anta").
            whole = b > a and bool(mains) and _same_known_words(key, closest.key, g)
            rank = (not whole, closest.distance, -(b - a) if mains else 0)
            if best is None or rank < best[0]:
                best = (rank, a, b + 1, key, closest)
    if best is None:
        return
    _, a, b, key, miss = best
    if (a, b) != (c.tok_start, c.tok_end):
        span = doc[a:b]
        c.tok_start, c.tok_end, c.start, c.end, c.text = a, b, span.start_char, span.end_char, span.text
        c.key = key
    r.key = key  # "West Allhis" whole (West Allis), not "Allhis" without its qualifier
    c.whole_place_name = len(key.split()) > 1 and _main_name(miss, g) and _same_known_words(key, miss.key, g)
    c.role = role_of(doc, c)  # the role follows the words kept


def _joined_name_ids(doc: Doc, c: Candidate, g: Gazetteer) -> list[int]:
    """The places named by the candidate with the capitalised word joined to it by one space,
    before or after ("Mbanza Congo", an alternate name of Mbanza Kongo, whose "Congo" the model
    took for the country): such a word is part of a known name, no misspelling."""
    n = len(doc)
    b = c.tok_end
    if b < n and doc[b - 1].whitespace_ == " " and doc[b].is_alpha and doc[b].text[:1].isupper():
        ids = g.ids_for_key(normalize(f"{c.text} {doc[b].text}"))
        if ids:
            return list(ids)
    a = c.tok_start
    if a > 0 and doc[a - 1].whitespace_ == " " and doc[a - 1].is_alpha and doc[a - 1].text[:1].isupper():
        ids = g.ids_for_key(normalize(f"{doc[a - 1].text} {c.text}"))
        if ids:
            return list(ids)
    return []


def _may_drop(doc: Doc, c: Candidate, a: int, b: int) -> bool:
    """May the candidate be narrowed to tokens [a, b)? Only if the word after them makes them a
    place ("Huntsvilse City Manager", "Amhersj College", "the Hvouseon region") and the words
    before them are a qualifier or such a word ("West", "Metro"): otherwise the words dropped
    may be part of a name GeoNames lacks ("Patullo Ridge", "Gledale Galleria"). A word found
    by its string alone was widened over its neighbours by `candidates`: any of its runs will do."""
    if c.cue is Cue.STRING or after_party_letter(doc, a):
        return True  # (and "D-Beachwood": the party's letter is no part of the name)
    heads = names("place_head_words.txt") | context("region_words")
    after_ok = b >= c.tok_end or doc[b].lower_ in heads
    before_ok = all(
        doc[k].lower_ in heads or doc[k].lower_ in context("leading_qualifiers") or not doc[k].is_alpha
        for k in range(c.tok_start, a)
    )
    return after_ok and before_ok


def _main_name(miss: NearMiss, g: Gazetteer) -> bool:
    return any(normalize(g.name(i)) == miss.key for i in miss.ids)


def _unknown_word(word: str, g: Gazetteer) -> bool:
    """A word nobody knows; a letter or two ("D", "St") is an initial or an abbreviation."""
    return len(word) > 2 and g.zipf(word) < rules.KNOWN_WORD_ZIPF and not g.ids_for_key(normalize(word))


def _window_key(doc: Doc, a: int, b: int) -> str:
    key = normalize(doc[a:b].text)
    return key[4:] if key.startswith("the ") else key


def _same_known_words(key: str, place_key: str, g: Gazetteer) -> bool:
    """The words of `key` line up with those of the place's name, the known ones unchanged."""
    ours, theirs = key.split(), place_key.split()
    return len(ours) == len(theirs) and all(
        a == b or g.zipf(a) < rules.KNOWN_WORD_ZIPF for a, b in zip(ours, theirs)
    )
