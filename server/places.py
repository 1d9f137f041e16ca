"""The place analysis: every place mention checked against the gazetteer, suspect ones explained.

    places, findings = analyze(doc, gazetteer)

1. `place_mentions.find_mentions` finds mentions (entities and locative contexts).
2. Each mention is classified: a known region or country, a demonym (not a place), a town the
   gazetteer knows exactly (any main or alternate name, so Kiev/Kyiv and Artemivsk/Bakhmut are
   the same place), or a miss.
3. Towns are resolved to one GeoNames place, preferring the article's context (countries and
   divisions it names, towns near its other towns) over population.
4. `place_claims.find_claims` finds where the text puts a town; no town of that name there is a
   `place.wrong_region`, with where it really lies, the distance and similar names inside the
   claimed region.
5. A miss with a near miss in the gazetteer is `place.misspelled` when the near miss is backed by
   something: it lies in the claimed region or near the article's other places, or it is a
   sizeable town — a big one if it lies abroad (in none of the countries the article names),
   since districts and villages GeoNames lacks are often a letter from some town far away. Nor
   is a near miss evidence when the text calls the name part of a city ("the Tepito district of
   Mexico City": only a place close by backs it), puts it in a region the near miss lies well
   outside, names towns far from a small near miss, or makes it a firm ("analysts at Nomura").
   A miss the text calls a city or town with no near miss at all is
   `place.unknown`. Otherwise a miss raises nothing: real small places are missing from GeoNames.
6. A small town far from all the article's other places is `place.far_from_context` (info).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from .gazetteer import Gazetteer, haversine_km, normalize
from .place_claims import Claim, find_claims, region_at
from .place_mentions import Mention, find_mentions, is_organisation, is_sub_place, word_list
from .regions import DIRECTIONS, Region
from .report import Finding, Place
from .spans import Span

DATA = Path(__file__).parent / "data" / "places"
# A near miss is backed by its size alone from these populations, by (edit distance, shortest
# name it applies to); an alternate spelling needs ten times the population. Shorter names, where
# a real place missing from GeoNames is likelier to lie within a letter or two of another, are
# backed by the article's context only.
POP_BACKING = {(1, 6): 1_000, (1, 5): 10_000, (2, 8): 5_000, (2, 6): 15_000}
CONTEXT_KM = 300  # a near miss this close to the article's other towns is backed by context
CLOSE_KM = 100  # …and this close, it backs even a word that may be no name (sentence openers)
CLOSE_MIN_POP = 5_000  # …but two letters from a place only if it is this big
REMOTE_KM = 100  # a small near miss farther than this from all the article's towns is no evidence by size
FOREIGN_MIN_POP = 100_000  # a near miss abroad (the article names other countries) is backed by size from here
BORDER_KM = 25  # a town this close to the claimed region is not called wrongly placed
FAR_KM = 1_500  # far_from_context: farther than this from every other town of the article
FAR_MAX_POP = 100_000
MAX_SUGGESTIONS = 5
DEMONYM_SUFFIXES = ("ians", "eans", "ans", "ian", "ean", "an", "ese", "ish", "is", "i", "ic", "ns", "n", "ers", "er", "ites", "ite")
STEM_ENDINGS = ("", "a", "e", "ia", "y", "o", "land")


@dataclass
class Resolution:
    mention: Mention
    kind: str  # "region", "other" (continent, sea…), "town", "miss", "skip"
    region: Region | None = None
    ids: list = field(default_factory=list)  # gazetteer places of that exact name
    best: int | None = None
    key: str = ""  # the name looked up ("lonodn" for "west Lonodn")


def analyze(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Place], list[Finding]]:
    mentions = find_mentions(
        doc, lambda i: region_at(doc, i, gazetteer.regions) is not None
    )
    for m in mentions:
        m.sub_place, m.organisation = is_sub_place(doc, m), is_organisation(doc, m)
    res = {id(m): _classify(m, gazetteer) for m in mentions}
    res = {k: r for k, r in res.items() if r.kind != "skip"}
    kept = [m for m in mentions if id(m) in res]

    claims = find_claims(
        doc, kept, gazetteer.regions, lambda m: res[id(m)].kind in ("town", "miss")
    )
    claims_by_mention: dict[int, list[Claim]] = {}
    for c in claims:
        claims_by_mention.setdefault(id(c.mention), []).append(c)

    context = _Context(gazetteer, [res[id(m)] for m in kept], claims)
    # Resolve towns twice: the second time, each ambiguous name prefers the place near the
    # article's other towns (Glastonbury in Somerset beside Bristol and Bath, not in Connecticut).
    for _ in range(2):
        for m in kept:
            r = res[id(m)]
            if r.kind == "town":
                r.best = context.pick(r.ids, [c.region for c in claims_by_mention.get(id(m), [])])
        context.add_towns([res[id(m)] for m in kept])

    # Words of the people the article names: "Mugabe" alone is Robert Mugabe, not a place.
    person_words = {
        normalize(tok.text) for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent
    }
    # Judge each distinct name once; every mention of it shares the verdict.
    verdicts: dict[str, Finding | None] = {}
    memo: dict[tuple, tuple] = {}  # a long article repeats its names: judge each once
    for m in kept:
        r = res[id(m)]
        own_claims = claims_by_mention.get(id(m), [])
        if r.kind not in ("town", "miss"):
            f = None
        else:
            memo_key = (
                r.kind, m.key, m.strength, m.from_entity, m.opens_clause, m.locative, m.settlement,
                m.sub_place, m.organisation,
                tuple((c.region.codes, c.text) for c in own_claims),
            )
            if memo_key in memo:
                f, r.kind, r.ids, r.best = memo[memo_key]
            else:
                if r.kind == "town":
                    f = _check_claims(m, r, own_claims, gazetteer, context)
                else:
                    f = _check_miss(m, r, own_claims, gazetteer, context, person_words)
                memo[memo_key] = (f, r.kind, r.ids, r.best)
            if f is not None:
                f = Finding(f.type, f.code, f.severity, Span(m.start, m.end), f.message, f.details)
        if f is not None:
            verdicts[m.key] = _stronger(verdicts.get(m.key), f)
        elif m.key not in verdicts:
            verdicts[m.key] = None

    places: list[Place] = []
    findings: list[Finding] = []
    for m in kept:
        r = res[id(m)]
        verdict = verdicts.get(m.key)
        if verdict is None and r.kind == "miss" and not m.from_entity:
            continue  # a capitalised word after "in" or before "'s" that is no known place
        if verdict is None and r.kind == "town":
            verdict = _far_from_context(m, r, gazetteer, context, person_words)
        span = Span(m.start, m.end)
        suspect = verdict is not None and verdict.severity in ("warning", "caution")
        places.append(Place(span, "suspect" if suspect else "ok", _resolved(r, gazetteer, verdict)))
        if verdict is not None:
            findings.append(
                Finding("place", verdict.code, verdict.severity, span, verdict.message, verdict.details)
            )
    return places, findings


# -- classification ------------------------------------------------------------------------------


LEADING_QUALIFIERS = (
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "northeastern", "northwestern", "southeastern", "southwestern", "downtown", "greater",
    "occupied", "upstate", "inner", "outer", "old", "rural", "suburban",
)


def _classify(m: Mention, g: Gazetteer) -> Resolution:
    r = _classify_key(m, m.key, g)
    words = m.key.split()
    if r.kind == "miss" and len(words) > 1 and words[0] in LEADING_QUALIFIERS:
        # "west London", "occupied Melitopol": the qualifier is not part of the name
        r = _classify_key(m, " ".join(words[1:]), g)
    if r.kind == "miss" and m.label == "NORP" and m.strength == "entity":
        return Resolution(m, "skip")  # "Islamist", "Salafists": a group, not a place
    return r


def _classify_key(m: Mention, key: str, g: Gazetteer) -> Resolution:
    if not key or key in word_list("not_places.txt"):
        return Resolution(m, "skip")
    if key in word_list("other_places.txt"):
        return Resolution(m, "other")
    region = g.regions.resolve(key)
    ids = g.ids_for_key(key)
    if region is not None:
        typed = key.split()[-1] in ("region", "oblast", "province", "state", "governorate")
        towns = [i for i in ids if g.pop[i] >= 50_000]
        if towns and not typed and region.country is None:
            return Resolution(m, "town", region=region, ids=ids)
        return Resolution(m, "region", region=region)
    if is_demonym(key, g):
        return Resolution(m, "skip")
    if ids:
        if m.strength == "possessive" and m.opens_clause:
            return Resolution(m, "skip")  # "Man's greed …": a word opening a sentence
        if len(m.text) <= 4 and m.text.isupper():
            return Resolution(m, "skip")  # "EU", "ACA": an abbreviation, not the town of Eu
        if (
            not m.from_entity and m.strength in ("weak", "possessive") and m.label == "ORG"
            and max(int(g.pop[i]) for i in ids) < 10_000
        ):
            return Resolution(m, "skip")  # "shares in Amazon and Shell": firms, not hamlets
        return Resolution(m, "town", ids=ids)
    if _is_abbreviation(m.text):
        return Resolution(m, "skip")
    return Resolution(m, "miss", key=key)


def is_demonym(key: str, g: Gazetteer) -> bool:
    """"ukrainian" (Ukraine), "kenyan", "sudanese", "israeli", "british": people, not places."""
    if key in word_list("demonyms.txt"):
        return True
    words = key.split()
    if len(words) > 2:
        return False
    if any(g.pop[i] >= 300_000 for i in g.ids_for_key(key)):
        return False  # "Nairobi" is a city, not a demonym of some "Nairoba"
    for suffix in DEMONYM_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            stem = key[: -len(suffix)]
            if suffix in ("n", "ns") and not stem.endswith("a"):
                continue  # "Russia-n", "Kenya-n"; but "Omdurmann" is a typo, not a demonym
            big_city_only = suffix in ("er", "ers")  # "Londoner", "New Yorker"; not "Opoler"
            for ending in STEM_ENDINGS:
                form = stem + ending
                if form == key:
                    continue
                region = None if big_city_only else g.regions.resolve(form)
                if region is not None and region.kind in ("country", "region", "admin1"):
                    return True
                if any(g.pop[i] >= (1_000_000 if big_city_only else 300_000) for i in g.ids_for_key(form)):
                    return True
    return False


def _is_abbreviation(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return "." in text or (len(letters) <= 5 and all(ch.isupper() for ch in letters))


# -- the article's context -----------------------------------------------------------------------


class _Context:
    """Countries, divisions and towns the article names, to prefer places among them."""

    def __init__(self, g: Gazetteer, resolutions: list[Resolution], claims: list[Claim]):
        self.g = g
        self.codes: set[str] = set()
        for r in resolutions:
            if r.kind == "region" and r.region is not None:
                self.codes |= set(r.region.codes)
        for c in claims:
            self.codes |= set(c.region.codes)
        self.countries = {c.split(".")[0] for c in self.codes}
        self.towns: list[int] = []
        self._nearest: dict[tuple, float] = {}
        self._towns_key = -1
        self._version = 0  # bumped whenever the towns change

    def add_towns(self, resolutions: list[Resolution]) -> None:
        self.towns = sorted({r.best for r in resolutions if r.kind == "town" and r.best is not None})
        self._version += 1
        # The countries of the towns named (as places: entities or after a strong cue) count as
        # the article's too ("Wellington" puts it in New Zealand), beside those it names outright.
        sure = {
            r.best for r in resolutions
            if r.kind == "town" and r.best is not None and r.mention.strength in ("entity", "strong")
        }
        self.countries = {c.split(".")[0] for c in self.codes} | {self.g.country_code(t) for t in sure}

    def bonus(self, i: int, exclude: int | None = None) -> float:
        g = self.g
        cc, adm = g.country_code(i), g.admin_code(i)
        b = 0.0
        if adm in self.codes:
            b += 2.0
        if cc in self.codes or cc in self.countries:
            b += 1.5
        if self.near(i, exclude):
            b += 2.0
        return b

    def near(self, i: int, exclude=None, km: float = CONTEXT_KM) -> bool:
        """Is place i within `km` of a town the article names (other than `exclude`: an id or ids)?"""
        return self.nearest_km(i, exclude) <= km

    def nearest_km(self, i: int, exclude=None) -> float:
        """Distance from place i to the nearest town the article names (not i, nor `exclude`).
        One vectorised pass over the towns, remembered: a long article names thousands."""
        skip = exclude if isinstance(exclude, frozenset) else frozenset([exclude])
        memo_key = (i, skip, self._version)
        if memo_key not in self._nearest:
            g = self.g
            if self._towns_key != self._version:
                self._lat, self._lon = g.lat[self.towns], g.lon[self.towns]
                self._towns_key = self._version
                self._pos = {t: k for k, t in enumerate(self.towns)}
            mask = np.ones(len(self.towns), dtype=bool)
            for t in skip | {i}:
                if t in self._pos:
                    mask[self._pos[t]] = False
            if not mask.any():
                d = math.inf
            else:
                d = float(haversine_km(float(g.lat[i]), float(g.lon[i]), self._lat[mask], self._lon[mask]).min())
            self._nearest[memo_key] = d
        return self._nearest[memo_key]

    def pick(self, ids: list[int], claimed: list[Region]) -> int:
        g = self.g
        own = frozenset(ids)  # a name's own candidates are no context for it

        def score(i: int) -> float:
            s = math.log10(int(g.pop[i]) + 10) + self.bonus(i, exclude=own)
            if any(g.in_region(i, r) for r in claimed):
                s += 10
            return s

        return max(ids, key=score)


# -- verdicts ------------------------------------------------------------------------------------


def _claim_region(claim: Claim, g: Gazetteer) -> Region:
    """The region a claim is checked against, leniently.

    A direction ("eastern Ukraine", "southern Russia") is loose talk: only the country is
    checked. A country also covers the territory it controls or claims (data/places/disputed.tsv):
    "Donetsk, Russia" may be a choice of words, not a mistake of geography.
    """
    region = claim.region
    codes = set(region.codes)
    words = [w for w in claim.text.split() if w.lower() != "the"]
    if words and words[0] in DIRECTIONS:  # lowercase only: "Northern Cape" is a name
        codes |= {c.split(".")[0] for c in codes}
    for code in list(codes):
        codes |= set(disputed().get(code, ()))
    return Region(region.name, frozenset(codes), region.kind)


@lru_cache(maxsize=None)
def disputed() -> dict[str, tuple]:
    table: dict[str, list[str]] = {}
    with open(DATA / "disputed.tsv", encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                country, codes = line.rstrip("\n").split("\t")
                table.setdefault(country, []).extend(c.strip() for c in codes.split(","))
    return {k: tuple(v) for k, v in table.items()}


def _check_claims(m: Mention, r: Resolution, claims: list[Claim], g: Gazetteer, ctx: _Context) -> Finding | None:
    for claim in claims:
        lenient = _claim_region(claim, g)
        if any(g.in_region(i, lenient) for i in r.ids):
            continue
        best = r.best if r.best is not None else r.ids[0]
        km = g.distance_to_region_km(best, claim.region)
        if km is None or km <= BORDER_KM or g.distance_to_region_km(best, lenient) <= BORDER_KM:
            continue
        here = g.record(best)
        similar = [_suggestion(g, i, m.key) for i in _similar_in_region(m.key, claim.region, g)]
        where = _where(here)
        refers = " (“The city …” in the next sentence refers back to it)" if claim.anaphoric else ""
        message = (
            f"The text places “{m.text}” in {claim.text}{refers}, but no place of that name lies "
            f"there: {here['name']} is in {where}, about {round(km)} km from {claim.region.name}."
        )
        if similar:
            s = similar[0]
            aka = f"also {s['also_known_as'][0]}; " if s["also_known_as"] else ""
            message += f" The writer may have meant {s['name']} ({aka}{_where(s)}), which does lie there."
        details = {
            "resolved": _public(here),
            "claimed_region": {
                "text": claim.text, "name": claim.region.name, "codes": sorted(claim.region.codes),
                "anaphoric": claim.anaphoric, "span": Span(claim.start, claim.end),
            },
            "distance_km": round(km),
            "suggestions": similar,
            "geonames": here["url"],
        }
        return Finding("place", "place.wrong_region", "warning", Span(m.start, m.end), message, details)
    return None


def _check_miss(
    m: Mention, r: Resolution, claims: list[Claim], g: Gazetteer, ctx: _Context, person_words: set
) -> Finding | None:
    key = r.key or m.key
    words = key.split()
    if m.strength == "possessive" or not key.replace(" ", "").isalpha() or len(words) > 3:
        return None
    if m.key in person_words:
        return None  # a person's name ("Mugabe" for Robert Mugabe)
    if m.organisation:
        return None  # "analysts at Nomura in Tokyo": a firm, not a misspelling of Hamura
    # A capitalised word opening a sentence ("Gunmen attacked…") may be no name at all: only
    # the article's context, not a town's size, backs a near miss then.
    context_only = m.strength == "entity" and not m.locative and m.opens_clause
    if set(words) & word_list("feature_words.txt"):
        return None
    claimed = [c.region for c in claims]
    candidates = []
    if len(key.replace(" ", "")) >= 5:
        near = g.fuzzy(key, 2)
        if len(key) <= 5:  # two edits in five letters: only a place the article is about
            near = [n for n in near if n.distance == 1 or _near_context(n, claimed, g, ctx)]
        skeleton = translit_skeleton(key)
        variants = [n for n in near if translit_skeleton(n.key) == skeleton]
        if variants:  # another romanisation of a known name, not a misspelling
            r.kind, r.ids = "town", list(variants[0].ids)
            r.best = ctx.pick(r.ids, claimed)
            return _check_claims(m, r, claims, g, ctx)
        candidates = _rank(key, near, claimed, g, ctx)
    backed = [c for c in candidates if c[5]] if context_only else [c for c in candidates if c[3]]
    if backed and m.strength == "entity" and not m.locative and backed[0][1] > 1 and not backed[0][5]:
        backed = []  # "…, said Syrskyi": a name with no locative cue, two letters from a village
    if backed and not m.from_entity and m.strength == "weak" and m.label in ("ORG", "PERSON") and (
        backed[0][1] > 1 and not backed[0][5]
    ):
        backed = []  # "shares in Amazon": a firm's name two letters from a town far off
    if m.sub_place:
        # "the Tepito district of Mexico City": part of a city, most of which GeoNames lacks; only
        # a near miss close by (in that city, its division, the claimed region) says misspelling.
        backed = [c for c in backed if c[5]]
    if backed and m.joined_person and backed[0][1] > 1:
        backed = []  # "in Kyiv and Zelensky…": a person's name two letters from a village
    if backed and (m.from_entity or m.strength == "strong" or len(key) >= 6 or backed[0][4]):
        ids = [backed[0][0]] + [c[0] for c in candidates if c[0] != backed[0][0]]
        top = [_suggestion(g, i, key) for i in ids[:MAX_SUGGESTIONS]]
        best = top[0]
        aka = ", ".join(best["also_known_as"][:2])
        message = (
            f"No place called “{m.text}” is known, but {best['name']} "
            f"({'also ' + aka + '; ' if aka else ''}{_where(best)}) is a near miss: the name may be "
            f"misspelled — or the place invented."
        )
        details = {
            "suggestions": top,
            "resolved": None,
            "edit_distance": backed[0][1],
            "geonames": best["url"],
        }
        if claims:
            details["claimed_region"] = {"text": claims[0].text, "name": claims[0].region.name}
        return Finding("place", "place.misspelled", "warning", Span(m.start, m.end), message, details)
    if not candidates and m.settlement and (m.from_entity or m.strength == "strong") and len(key) >= 4:
        # GeoNames lists every place of 500 people or more: a "city" missing from it is odd, a
        # town or village much less so.
        severity = "caution" if m.settlement in ("city", "capital") else "info"
        message = (
            f"The text calls “{m.text}” a {m.settlement}, but no place of that name, or close to "
            f"it, is known to GeoNames. It may be very small — or invented."
        )
        details = {"suggestions": [], "resolved": None}
        if claims:
            details["claimed_region"] = {"text": claims[0].text, "name": claims[0].region.name}
        return Finding("place", "place.unknown", severity, Span(m.start, m.end), message, details)
    return None


def _rank(query: str, near, claimed: list[Region], g: Gazetteer, ctx: _Context):
    """Near misses as places, best first: (id, distance, score, backed, in context, close by)."""
    seen: dict[int, tuple] = {}
    for miss in near:
        for i in miss.ids:
            pop = int(g.pop[i])
            in_claim = any(g.in_region(i, r) for r in claimed)
            # Abroad: the article names countries and this place is in none of them. A name
            # there is evidence only when the text puts it there or the place is a big one.
            foreign = bool(ctx.countries) and g.country_code(i) not in ctx.countries
            # Far from every town the article names, a small town two letters off (or one, in a
            # short name, or a village) is no evidence: "Leith" in a story about Edinburgh is not Leigh, Lancashire.
            remote = (
                bool(ctx.towns) and pop < FOREIGN_MIN_POP
                and (miss.distance > 1 or len(query) < 7 or pop < CLOSE_MIN_POP)
                and ctx.nearest_km(i) > REMOTE_KM
            )
            # Near a big city lie hundreds of villages: nearness backs two letters only for a
            # town of some size.
            close = in_claim or g.admin_code(i) in ctx.codes or (
                not foreign and (miss.distance == 1 or pop >= CLOSE_MIN_POP) and ctx.near(i, km=CLOSE_KM)
            )
            # The same country is weak evidence: enough for one letter, or two in a long name.
            same_country = not remote and g.country_code(i) in ctx.countries and pop >= 10_000 and (
                miss.distance == 1 or len(query) >= 8
            )
            # Within a few hundred km of the article's towns: enough for one letter.
            in_context = close or (miss.distance == 1 and not foreign and not remote and ctx.near(i)) or same_country
            main = normalize(g.name(i)) == miss.key
            score = -3.0 * miss.distance + math.log10(pop + 10) + ctx.bonus(i) + (6 if in_claim else 0) + (0.5 if main else 0)
            # Abroad, size backs only a one-letter miss of a longer main name of a big town:
            # "Mathare" in a Kenyan story is a Nairobi district, not a typo of Mateare, Nicaragua.
            # The text puts the name in a region, and this place lies well outside it ("the
            # village of Synkivka in the Kharkiv region", Senkivka near Kyiv): size is no evidence.
            outside_claim = bool(claimed) and not in_claim and all(
                (g.distance_to_region_km(i, r) or 0) > CLOSE_KM for r in claimed
            )
            backed = in_context or (
                _backed_by_size(miss.distance, len(query), pop, main)
                and not outside_claim
                and not remote
                and not (foreign and (miss.distance > 1 or len(query) < 7 or not main or pop < FOREIGN_MIN_POP))
            )
            item = (i, miss.distance, score, backed, in_context, close)
            if i not in seen or seen[i][2] < score:
                seen[i] = item
    return sorted(seen.values(), key=lambda c: -c[2])


def _near_context(miss, claimed: list[Region], g: Gazetteer, ctx: _Context) -> bool:
    return any(
        any(g.in_region(i, r) for r in claimed) or g.admin_code(i) in ctx.codes or g.country_code(i) in ctx.countries
        for i in miss.ids
    )


def _backed_by_size(distance: int, length: int, pop: int, main: bool) -> bool:
    if distance > 1 and not main:
        return False  # alternate names hold odd spellings: two letters from one is no evidence
    for (d, min_len), min_pop in POP_BACKING.items():
        if distance == d and length >= min_len and pop >= (min_pop if main else 10 * min_pop):
            return True
    return False


_ARTICLES = {"el", "ad", "ash", "as", "ar", "an", "at", "az", "ul", "ol", "al"}
_TRANSLIT = (
    ("kh", "h"), ("zh", "j"), ("ts", "c"), ("tz", "c"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
    ("ie", "i"), ("ei", "ai"), ("ay", "ai"), ("ey", "ai"), ("iy", "i"), ("yi", "i"), ("y", "i"),
    ("w", "v"), ("ph", "f"), ("ck", "k"), ("q", "k"),
)


def translit_skeleton(key: str) -> str:
    """A name with the usual romanisation differences folded: "Synkivka" = "Sinkivka",
    "Deir al-Balah" = "Dayr al Balah", "Khan Younis" = "Khan Yunis". Doubled letters stay:
    "Severodonnetsk" is not a spelling of Severodonetsk."""
    words = ["al" if w in _ARTICLES else w for w in key.split()]
    s = "".join(words)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    return s


def _similar_in_region(key: str, region: Region, g: Gazetteer) -> list[int]:
    """Places inside the claimed region whose name is close to `key` ("Sevsk" -> Seversk)."""
    found = {}
    for miss in g.fuzzy(key, 2 if len(key) >= 4 else 1, limit=200):
        for i in miss.ids:
            if g.in_region(i, region) and i not in found:
                found[i] = (miss.distance, -int(g.pop[i]))
    return sorted(found, key=lambda i: found[i])[:MAX_SUGGESTIONS]


def _far_from_context(
    m: Mention, r: Resolution, g: Gazetteer, ctx: _Context, person_words: set
) -> Finding | None:
    if r.best is None or int(g.pop[r.best]) >= FAR_MAX_POP or m.key in person_words:
        return None
    if m.organisation:  # "sales at Nokia": the firm, not the Finnish town
        return None
    if set(m.key.split()) & word_list("feature_words.txt"):
        return None
    others = [t for t in ctx.towns if t != r.best]
    if len(others) < 2:
        return None
    nearest = ctx.nearest_km(r.best)
    if nearest <= FAR_KM:
        return None
    if g.country_code(r.best) in ctx.countries:
        return None
    here = g.record(r.best)
    message = (
        f"{here['name']} ({_where(here)}) lies about {round(nearest)} km from every other place "
        f"the article names; check that this is the place meant."
    )
    details = {"resolved": _public(here), "distance_km": round(nearest), "suggestions": [], "geonames": here["url"]}
    return Finding("place", "place.far_from_context", "info", Span(m.start, m.end), message, details)


# -- helpers -------------------------------------------------------------------------------------

_SEVERITY_ORDER = {"warning": 3, "caution": 2, "info": 1}


def _stronger(a: Finding | None, b: Finding) -> Finding:
    if a is None:
        return b
    return b if _SEVERITY_ORDER[b.severity] > _SEVERITY_ORDER[a.severity] else a


def _suggestion(g: Gazetteer, i: int, query: str) -> dict:
    """A suggested place, with the spellings of its name closest to what the text wrote."""
    from rapidfuzz.distance import OSA

    rec = _public(g.record(i))
    main = g.name(i).lower()
    near = max(3, len(query) // 3)  # spellings close to the text's, not every language's name
    scored = sorted((OSA.distance(query, k), k) for k in g.names_of(i) if k != normalize(main))
    rec["also_known_as"] = [k.title() for d, k in scored if d <= near][:8]
    return rec


def _where(rec: dict) -> str:
    return ", ".join(part for part in (rec.get("admin1"), rec.get("country")) if part)


def _public(rec: dict) -> dict:
    keys = ("name", "country", "admin1", "lat", "lon", "geonameid", "country_code", "admin1_code", "population", "url")
    return {k: rec[k] for k in keys if k in rec}


def _resolved(r: Resolution, g: Gazetteer, verdict: Finding | None) -> dict | None:
    if verdict is not None and verdict.code == "place.misspelled":
        return None
    if r.kind == "town" and r.best is not None:
        return _public(g.record(r.best))
    if r.kind == "region" and r.region is not None:
        return g.region_record(r.region)
    return None
