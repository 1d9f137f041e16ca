"""Stage 3: read the claims — where the text says a place lies.

The shapes of a claim are data (data/places/claim_shapes.json): the words between the place X
and the region Y ("X, a town in Y", "X is a town in the Y region of Z", "X, located in Y",
"X (Y)", "the Y town of X", …), matched at every candidate the same way wherever it stands.
A region phrase is read by `region_at` ("the Donetsk region", "Russia's Bryansk region",
"the Y province of Z", "eastern Ukraine"). A claim may also refer back: a sentence opening
"The city, (strategically) located in Y" claims Y for the last place named in a locative role
in the sentences before.

Linear: each candidate tries each shape once over a bounded window; the anaphora look-up goes
by sentence index, not over all candidates.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from spacy.tokens import Doc

from .. import datafiles, deadline
from ..gazetteer import DIRECTIONS, TYPE_WORDS, Gazetteer, Region, RegionTable, normalize
from . import rules
from .candidates import POSSESSIVE_MARKS, cap_run, is_cap
from .lexicon import DASHES, context, names, settlement_words
from .model import Candidate, Claim, ClaimAfter, Role

BE = ("is", "was", "lies", "lay", "sits", "are", "were", "remains")
WHICH = ("which", "that")
DETERMINERS = ("a", "an", "the")
MAX_MODS = 3


@lru_cache(maxsize=None)
def shapes() -> tuple[dict, ...]:
    return tuple(datafiles.json("places/claim_shapes.json")["shapes"])


@lru_cache(maxsize=None)
def loose_shapes() -> frozenset[str]:
    """Shapes that also join two names of a list or an aside ("Virginia, Florida, Ohio")."""
    return frozenset(s["name"] for s in shapes() if s.get("loose"))


@lru_cache(maxsize=None)
def anaphora() -> dict:
    return datafiles.json("places/claim_shapes.json")["anaphora"]


REGION_MEMO = "sourcemark_region_at"


def region_at(doc: Doc, i: int, regions: RegionTable) -> tuple[Region, int, int, bool] | None:
    """The region phrase starting at token i: (region, first token, end token, has type word).
    Remembered per token in the doc: shapes and stages ask about the same tokens."""
    memo = doc.user_data.setdefault(REGION_MEMO, {})
    if i not in memo:
        memo[i] = _region_at(doc, i, regions)
    return memo[i]


def _region_at(doc: Doc, i: int, regions: RegionTable) -> tuple[Region, int, int, bool] | None:
    n = len(doc)
    while i < n and doc[i].lower_ == "the":
        i += 1
    start = i
    country = None
    run = cap_run(doc, i)
    if run and run[1] < n and _possessive(doc, run[1]):
        r = regions.resolve(doc[run[0] : run[1]].text)
        if r is not None and r.country is not None:
            country = r.country  # "Russia's Bryansk region"
            i = run[1] + 1
            start_after_country = i
        else:
            return None
    else:
        start_after_country = i
    while i < n and doc[i].lower_ in DIRECTIONS:
        i += 1
    run = cap_run(doc, i, {"of"})  # "Bay of Plenty", "Isle of Man"
    if run is None:
        return None
    a, b = run
    hyphened = _hyphen_joined_end(doc, b)
    if hyphened > b and regions.resolve(doc[a:hyphened].text, country) is not None:
        b = hyphened  # "Île-de-France", "Nord-Pas-de-Calais": small words between hyphens
    # A division named over "and" or a comma: "Jammu and Kashmir", "Newfoundland and Labrador",
    # "Washington, D.C.".
    for joiner in ("and", ","):
        if b + 1 < n and doc[b].lower_ == joiner:
            more = cap_run(doc, b + 1)
            if more is not None and regions.resolve(doc[a : more[1]].text, country) is not None:
                b = more[1]
    typed = b < n and doc[b].lower_ in TYPE_WORDS
    b2 = b + 1 if typed else b
    typed_inside = b - a >= 2 and doc[b - 1].lower_ in TYPE_WORDS  # "Kharkiv Oblast" capitalised
    if typed and country is None and b2 + 1 < n and doc[b2].lower_ == "of":
        # "the Y region of Z": Z narrows Y to its country
        of = cap_run(doc, b2 + 2 if b2 + 2 < n and doc[b2 + 1].lower_ == "the" else b2 + 1)
        if of is not None:  # "of Ukraine", "of the United States"
            r = regions.resolve(doc[of[0] : of[1]].text)
            if r is not None and r.country is not None:
                country = r.country
    for x, y in ((start_after_country, b2), (a, b2), (a, b)):
        if x >= y:
            continue
        region = regions.resolve(doc[x:y].text, country)
        if region is not None:
            return region, (start if country and start < x else x), y, (typed and y == b2) or (typed_inside and y == b)
    for y in _lower_word_ends(doc, a, b):  # "Hlavní město Praha": a division's name with small words
        region = regions.resolve(doc[a:y].text, country)
        if region is not None:
            return region, a, y, False
    return None


def _lower_word_ends(doc: Doc, a: int, b: int) -> list[int]:
    """Ends past b, longest first, of a name going on over lower-case words to a capitalised
    one, within MAX_RUN + 2 tokens of a and no punctuation but a hyphen inside a word
    ("Hlavní město Praha", "Provence-Alpes-Côte d'Azur", "Deir ez-Zor")."""
    ends = []
    k = b
    while k < len(doc) and k - a < rules.MAX_RUN + 2 and (
        doc[k].is_alpha or _elided(doc[k].text) or _inner_hyphen(doc, k)
    ):
        k += 1
        if is_cap(doc[k - 1]) or _elided(doc[k - 1].text):
            ends.append(k)
    return ends[::-1]


def _inner_hyphen(doc: Doc, k: int) -> bool:
    """Token k is a hyphen joining two words without spaces ("Deir ez-Zor")."""
    return (
        doc[k].text == "-" and 0 < k < len(doc) - 1 and not doc[k - 1].whitespace_ and not doc[k].whitespace_
        and doc[k - 1].is_alpha and doc[k + 1].is_alpha
    )


def _elided(text: str) -> bool:
    """A name word after an elided article or preposition: "d'Azur", "l’Est"."""
    for mark in ("'", "’"):
        head, sep, rest = text.partition(mark)
        if sep and 1 <= len(head) <= 2 and head.isalpha() and head.islower() and rest[:1].isupper() and rest.isalpha():
            return True
    return False


def region_word_candidates(claims: list[Claim], candidates: list[Candidate]) -> dict[int, Region]:
    """Candidates that are words of a claim's region phrase ("Hlavní" of "Hlavní město Praha"),
    not the claim's own place: by id, the region they are part of."""
    own = {id(cl.candidate) for cl in claims}
    out: dict[int, Region] = {}
    for c in candidates:
        if id(c) in own:
            continue
        for cl in claims:
            if cl.covers(c):
                out[id(c)] = cl.region
                break
    return out


def _hyphen_joined_end(doc: Doc, b: int) -> int:
    """The end of the words joined by hyphens, without spaces, to the token before b."""
    n = len(doc)
    while (
        b + 1 < n and doc[b].text == "-" and not doc[b - 1].whitespace_ and not doc[b].whitespace_
        and doc[b + 1].is_alpha
    ):
        b += 2
    return b


def _possessive(doc: Doc, k: int) -> bool:
    """Token k marks a possessive: "Russia's", or a bare apostrophe right after a name ending
    in s ("the United States’ Michigan state", "the Philippines' Cebu province")."""
    if doc[k].lower_ in POSSESSIVE_MARKS:
        return True
    prev = doc[k - 1]
    return doc[k].text in ("'", "’") and prev.whitespace_ == "" and prev.text[-1:] in ("s", "S")


TOKENS_MEMO = "sourcemark_claim_tokens"


def _tokens(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lowercase form and part of speech, read once per doc."""
    memo = doc.user_data.get(TOKENS_MEMO)
    if memo is None:
        memo = doc.user_data[TOKENS_MEMO] = ([t.lower_ for t in doc], [t.pos_ for t in doc])
    return memo


def _slot_ok(slot: str, low: str) -> bool:
    if slot == "{det}":
        return low in DETERMINERS
    if slot == "{settlement}":
        return low in settlement_words()
    if slot == "{located}":
        return low in context("located_words")
    if slot == "{be}":
        return low in BE
    if slot == "{which}":
        return low in WHICH
    return low == slot


def _match_after(doc: Doc, j: int, slots: list[str], regions: RegionTable):
    """Match `slots` from token j on: (the token after the match, the region phrase read at a
    {region} slot or None), or None."""
    lows, tags = _tokens(doc)
    n = len(lows)
    inner = None
    settle = settlement_words()
    for at, slot in enumerate(slots):
        if slot == "{region}":
            inner = region_at(doc, j, regions)
            if inner is None:
                return None
            j = inner[2]
        elif slot in ("{adv*}", "{adj*}"):
            pos = "ADV" if slot == "{adv*}" else "ADJ"
            first = j
            while j < n and tags[j] == pos:
                j += 1
            if at + 1 < len(slots) and slots[at + 1] == "{region}":
                # A capitalised word the tagger calls an adjective may open the region's own
                # name ("a Lower Saxony suburb" is Lower Saxony, not Saxony): the region phrase
                # starts at the first word of the run from which one is read.
                j = next((k for k in range(first, j) if doc[k].text[:1].isupper()
                          and region_at(doc, k, regions) is not None), j)
        elif slot == "{mods}":
            k = 0
            while j < n and k < MAX_MODS and lows[j] not in settle and tags[j] in ("ADJ", "ADV", "NOUN", "PROPN", "NUM"):
                j += 1
                k += 1
        elif slot == "{det?}":
            if j < n and lows[j] in DETERMINERS:
                j += 1
        elif j >= n or not _slot_ok(slot, lows[j]):
            return None
        else:
            j += 1
    return j, inner


def _is_list_after(doc: Doc, j: int) -> bool:
    """After a region phrase ending at j: does a list of names go on ("…, Poland and Germany",
    "…, Poland, Germany")? Not when what "and" joins is no name: "Arlington, Iowa, and two
    nearby towns" claims Iowa for Arlington."""
    n = len(doc)
    if j >= n:
        return False
    if doc[j].text == "," and j + 1 < n:
        nxt = doc[j + 1]
        if nxt.text[:1].isupper() and nxt.pos_ == "PROPN":
            return True
        j += 1
    if doc[j].lower_ not in ("and", "or", "&"):
        return False
    k = j + 1
    while k < n and doc[k].lower_ in DETERMINERS:
        k += 1
    return k < n and is_cap(doc[k])  # the next item is a name, not "two nearby towns"


def _meets(doc: Doc, found, needs: list[str], g: Gazetteer, start: int) -> bool:
    region, a, b, typed = found
    if b < len(doc) and doc[b].pos_ == "NOUN" and doc[b].is_lower and doc[b].lower_ not in settlement_words():
        return False  # "of Rockford in the Miss category": the phrase qualifies a noun, no region
    for need in needs:
        if need == "named" and not (
            region.country is not None or typed or all(c.startswith("US.") for c in region.codes)
            or _dateline_end(doc, b) and _opens_paragraph(doc, _name_start(doc, start))
            or _closed_pair(doc, start, b, g.regions)
            or not _is_listed_town(doc[a:b].text, region, _name_before(doc, start), g)
        ):  # (a dateline "X, Y —" is no list, nor "X, Y, did not")
            return False  # "in Kyiv, Kharkiv": a list of towns, not Kyiv in the Kharkiv region
        if need == "not_list" and _is_list_after(doc, b):
            return False
        if need == "closed" and not (b < len(doc) and doc[b].text == ")"):
            return False
        if need == "dateline" and not (_dateline_end(doc, b) and _opens_paragraph(doc, _name_start(doc, start))):
            return False
        if need == "attached" and not _attached(doc, start):
            return False
    return True


VERB_TAGS = ("VERB", "AUX")
PLACE_ENTITY_LABELS = ("GPE", "LOC")


def _attached(doc: Doc, j: int) -> bool:
    """Does the preposition at token j ("in") qualify the name before it, as a claim of where
    that name lies? Not when the parse hangs it on a verb and the name is the verb's subject
    or object, unless the model calls the name a place: "Sanders trails Clinton in California"
    and "registered Harmony in New Jersey" say where something happened, "shelled Kherson in
    the south" where Kherson is."""
    if j == 0 or doc[j].head.pos_ not in VERB_TAGS:
        return True
    name = doc[j - 1]
    if name.ent_type_ in PLACE_ENTITY_LABELS:
        return True
    return name.dep_ == "pobj"  # "near X in Y": the parse's attachment is a guess there


def _closed_pair(doc: Doc, start: int, b: int, regions: RegionTable) -> bool:
    """Is "X, Y" closed by a comma the sentence goes on from ("based in Pandi, Davao, did not
    respond", "Schools in Beitbridge, Harare, and two nearby towns")? Two towns alone make no
    list with a comma ("Kyiv and Kharkiv"): here Y is X's region. Not when a list goes on after
    Y (", Odesa", "and Odesa"), a name and a comma stand before X ("Lviv, Kyiv, Kharkiv, and
    other cities"), an apposition follows ("Kyiv, Kharkiv, the two largest cities"), or X is
    itself a region's name ("Texas, Florida, and elsewhere")."""
    n = len(doc)
    if b + 1 >= n or doc[b].text != "," or _is_list_after(doc, b):
        return False
    nxt = doc[b + 1]
    if not nxt.is_alpha or not nxt.is_lower or nxt.lower_ in DETERMINERS:
        return False
    k = _name_start(doc, start)
    if k >= 2 and doc[k - 1].text == "," and is_cap(doc[k - 2]):
        return False
    return bool(normalize(doc[k:start].text)) and _own_region(regions, doc[k:start].text) is None


def _own_region(regions: RegionTable, name: str) -> Region | None:
    """The region a name is by its whole key ("Texas", "the Punjab"), none read by a direction
    taken off it ("West Side" is no western part of a division "Side")."""
    key = normalize(name)
    key = key[4:] if key.startswith("the ") else key
    return (regions.by_key.get(key) or regions.admin_by_core.get(key)) if key else None


def _is_listed_town(text: str, region: Region, before: str, g: Gazetteer) -> bool:
    """Is Y in "X, Y" rather a second town of a list than X's region? Only when a town of
    TOWN_NAMED_REGION_POP+ has Y as its main name, lies in the division Y (a division named for
    its capital: Kharkiv in the Kharkiv region) and in a country where a place named X lies
    (a list names towns of one country). "Watertown, Ontario" is Ontario the province: the
    town Ontario lies in California; "Concord, Florida": Florida, Uruguay has no Concord."""
    key = normalize(text)
    towns = [
        i for i in g.exact(text)[:8]
        if int(g.pop[i]) >= rules.TOWN_NAMED_REGION_POP and normalize(g.name(i)) == key and g.in_region(i, region)
    ]
    if not towns:
        return False
    x_countries = {g.country_code(i) for i in g.exact(before)} if before else set()
    return not x_countries or any(g.country_code(i) in x_countries for i in towns)


def _name_before(doc: Doc, j: int) -> str:
    """The capitalised name that ends right before token j ("Kyiv" in "Kyiv, Kharkiv"), or ""."""
    k = _name_start(doc, j)
    return doc[k:j].text if k < j else ""


def _name_start(doc: Doc, j: int) -> int:
    """The first token of the capitalised name that ends right before token j."""
    k = j
    while k > 0 and j - k < rules.MAX_RUN and is_cap(doc[k - 1]):
        k -= 1
    return k


def _region_ending_at(doc: Doc, end: int, regions: RegionTable):
    """A region phrase that ends right before token `end` ("the Donetsk town of X")."""
    for start in range(max(0, end - rules.MAX_RUN - 1), end):
        found = region_at(doc, start, regions)
        if found and found[2] == end:
            return found
    return None


@lru_cache(maxsize=None)
def _first_words() -> frozenset[str]:
    """Every word an after-shape may start with (a quick test before matching the shapes)."""
    slot_words = {"{be}": BE, "{located}": tuple(context("located_words")), "{which}": WHICH, "{det}": DETERMINERS}
    out: set[str] = set()
    for shape in shapes():
        first = shape.get("after", [None])[0]
        if first is not None:
            out |= set(slot_words.get(first, (first,)))
    return frozenset(out)


def claim_after(doc: Doc, j: int, g: Gazetteer) -> tuple[dict, tuple] | None:
    """The first after-shape that starts at token j and reaches a region: (shape, region
    phrase as region_at gives it), or None."""
    lows = _tokens(doc)[0]
    if j >= len(lows) or lows[j] not in _first_words():
        return None
    for shape in shapes():
        if "after" not in shape:
            continue
        matched = _match_after(doc, j, shape["after"], g.regions)
        if matched is None:
            continue
        k, inner = matched
        found = inner or region_at(doc, k, g.regions)
        if found and _meets(doc, found, shape.get("needs", []), g, j):
            return shape, found
    return None


@lru_cache(maxsize=None)
def _says_place(name: str) -> bool:
    """Does the shape call X a place by itself (a settlement or a located word)?"""
    slots = next((s for s in shapes() if s["name"] == name), None)
    return slots is not None and any(slot in ("{settlement}", "{located}") for slot in slots.get("after", []) + slots.get("before", []))


def says_place(shape_name: str) -> bool:
    """Does a claim of this shape call X a place by itself ("X, a town in Y", "X, located in Y",
    "The city, located in Y" referring back), rather than join two names ("X, Y", "X in Y")?"""
    return shape_name == "anaphora" or _says_place(shape_name)


@lru_cache(maxsize=None)
def _firm_located_words() -> frozenset[str]:
    return frozenset(datafiles.json("places/claim_shapes.json")["firm_located_words"])


def claim_after_kind(doc: Doc, j: int, g: Gazetteer) -> ClaimAfter:
    """What the words from token j on claim about the name before them: nothing, a region in
    a shape that also joins lists and asides ("X, Y", "X in Y"), or a region in a shape that
    calls X a place by itself ("X, a town in Y", "X, located in Y"; not "X, based in Y": firms
    are based somewhere)."""
    hit = claim_after(doc, j, g)
    if hit is None:
        return ClaimAfter.NONE
    shape, found = hit
    lows = _tokens(doc)[0]
    firm = _firm_located_words()
    if _says_place(shape["name"]) and not any(lows[k] in firm for k in range(j, found[1])):
        return ClaimAfter.PLACE
    if _region_in_foreign_division(doc, j, found[0], g):
        return ClaimAfter.PLACE  # "Palestine in Yukon", "Attapeu, Xinjiang": a town of that name
    return ClaimAfter.REGION


def _region_in_foreign_division(doc: Doc, j: int, claimed: Region, g: Gazetteer) -> bool:
    """Is the name before token j a country or division that the claim puts inside a division
    (not a whole country) of another country? No region lies in another country's division:
    the name is a town of that name ("Palestine in the United States' New Mexico state",
    "Ontario, California"), not a list ("Virginia, Florida", "Beni Suef, Asyut": one country)."""
    if claimed.country is not None:
        return False  # "Crimea, Ukraine", "Punjab, Pakistan": a region and its country
    region = _own_region(g.regions, _name_before(doc, j))
    if region is None:
        return False
    countries = {code.split(".")[0] for code in region.codes}
    return not countries & {code.split(".")[0] for code in claimed.codes}


def town_by_shape(doc: Doc, a: int, b: int, g: Gazetteer) -> bool:
    """Tokens [a, b) name a town the gazetteer knows and a shape after them calls it a place
    ("Rock Hill, located in Alabama", whatever label the model gives "Rock Hill"); or they
    write a town's own main name and a claim follows in a shape that joins no list ("Post
    Falls is in Quebec", "Ridge Farm, in the Nevada state of the United States"), or they open
    a paragraph as a dateline with its region ("Rock Hill, Illinois (AP) —"), under any of the
    town's names ("BENI SUEF, Asyut (AP) —")."""
    key = normalize(doc[a:b].text)
    key = key[4:] if key.startswith("the ") else key
    ids = g.ids_for_key(key)
    if not ids:
        return False
    if claim_after_kind(doc, b, g) is ClaimAfter.PLACE:
        return True
    if _dateline_claim(doc, a, b, g):
        return True  # a dateline names a town, by any of its names ("BENI SUEF, Asyut (AP) —")
    if not any(normalize(g.name(i)) == key for i in ids[: rules.PICK_AMONG]):
        return False
    # A town's own main name, then "is in Y", ", in the Y state of Z", ", which is in Y" (a
    # shape that joins no list nor aside),
    # or a dateline. Not "is in Y" for a name the model calls a person: people are in places.
    shape = shape_at(doc, b, g)
    person = doc[a].ent_type_ == "PERSON" and key not in _written_as_place(doc)
    if shape == "in" and a > 0 and doc[a - 1].lower_ in context("strong_prepositions") | {"in"}:
        return True  # "the clinic in Glen Allen in Idaho": a place inside a place, no list
    return shape is not None and shape not in loose_shapes() and not (person and _lower_at(doc, b) in BE)


PLACED_MEMO = "sourcemark_places_written_as_place"


def _written_as_place(doc: Doc) -> frozenset[str]:
    """The names the article writes as a place somewhere: after "in" or a strong locative
    word ("lives in Tega Cay"), or opening a paragraph before a dash ("TEGA CAY —"). A name
    the model tags PERSON there is that town in "X is in Y" too; a person's name the article
    never writes so stays a person ("Glen Allen is in Texas this week")."""
    if PLACED_MEMO not in doc.user_data:
        lows = _tokens(doc)[0]
        before = context("strong_prepositions") | {"in"}
        out = set()
        for k in range(len(doc)):
            after_locative = k > 0 and lows[k - 1] in before
            if not is_cap(doc[k]) or not (after_locative or _opens_paragraph(doc, k)):
                continue
            run = cap_run(doc, k)
            if run is not None and (after_locative or _dateline_end(doc, run[1])):
                out.add(normalize(doc[run[0] : run[1]].text))
        doc.user_data[PLACED_MEMO] = frozenset(out)
    return doc.user_data[PLACED_MEMO]


def _lower_at(doc: Doc, k: int) -> str:
    """Token k in lower case, or "" past the end."""
    return doc[k].lower_ if k < len(doc) else ""


def _dateline_claim(doc: Doc, a: int, b: int, g: Gazetteer) -> bool:
    """Tokens [a, b) open a paragraph, and ", Y" after them reaches a region that a dash ends,
    maybe after an agency in parentheses ("(AP)", "(Reuters)"): a dateline."""
    if not _opens_paragraph(doc, a) or b >= len(doc) or doc[b].text != ",":
        return False
    found = region_at(doc, b + 1, g.regions)
    return found is not None and _dateline_end(doc, found[2])


def _opens_paragraph(doc: Doc, a: int) -> bool:
    return a == 0 or doc[a - 1].is_space and "\n" in doc[a - 1].text


def _dateline_end(doc: Doc, k: int) -> bool:
    """Token k ends a dateline: a dash, maybe after an agency in parentheses ("(AP) —")."""
    if k + 2 < len(doc) and doc[k].text == "(" and doc[k + 2].text == ")" and is_cap(doc[k + 1]):
        k += 3  # "(AP)", "(Reuters)"
    return k < len(doc) and doc[k].text in DASHES


def shape_at(doc: Doc, j: int, g: Gazetteer) -> str | None:
    """The name of the first claim shape that starts at token j and reaches a region, or None."""
    hit = claim_after(doc, j, g)
    return hit[0]["name"] if hit else None


def person_words(doc: Doc, unless_ending: frozenset[str] = frozenset()) -> set[str]:
    """The words of every person the article names in full ("Bernie Sanders", "Sant Singh
    Chatwal"): alone later ("Sanders", "Chatwal") they are most likely that person. Not from a
    name whose last word is one of `unless_ending`."""
    return {
        normalize(tok.text) for ent in doc.ents
        if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ not in unless_ending
        for tok in ent
    }


@lru_cache(maxsize=1)
def _place_end_words() -> frozenset[str]:
    """Words that, ending a name, make it a place's body or part ("Fire", "Mayor", "Estates")."""
    return names("place_head_words.txt") | names("subplace_words.txt")


def claim_people(doc: Doc) -> set[str]:
    """The words of the people the article names in full, for reading its region claims: as
    `person_words`, but not from a name the model tags PERSON that a place's body or part ends
    ("Oakfield Fire", "Oakfield Mayor", "Oakfield Estates"): that is a misread place, and its
    town alone later ("Oakfield is in Ohio") is no person."""
    return person_words(doc, _place_end_words())


NAME_TAGS = ("PROPN", "NOUN")


def _may_be_claimed(doc: Doc, c: Candidate, people: set[str], g: Gazetteer) -> bool:
    """Is the candidate a name a claim can be about? Not a common word the model tags as a verb
    or adjective ("“Made in the U.S.A.”"), nor the surname of a person the article names in full
    unless a locative word stands before it, it opens a dateline or the claim's shape calls it a
    place ("beating Clinton in New Hampshire", but "in Clinton, Iowa", "CLINTON, Iowa —",
    "Clinton, a city in Iowa")."""
    if (
        not c.from_entity and g.zipf(c.key) >= rules.COMMON_NAME_ZIPF
        and not any(t.pos_ in NAME_TAGS for t in doc[c.tok_start : c.tok_end])
    ):
        return False  # a common word the parse reads as a verb (an unknown name's tag is a guess)
    a = c.tok_start
    if a >= 2 and doc[a - 1].lower_ in context("connectors") and doc[a - 1].is_lower and is_cap(doc[a - 2]):
        return False  # "Davao del Sur, in Mindanao": the end of a longer name, not Sur (Tyre)
    if a >= 1 and is_cap(doc[a - 1]) and doc[a - 1].pos_ == "PROPN" and doc[a - 1].whitespace_:
        return False  # "Goz Beida, Sila (AP)": the end of a longer name, not Beida (Al Bayda, Libya)
    if c.key in people and c.role is not Role.DATELINE and claim_after_kind(doc, c.tok_end, g) is not ClaimAfter.PLACE:
        before = doc[c.tok_start - 1].lower_ if c.tok_start > 0 else ""
        # "in" and the strong cues only: "a blowout for Sanders in California" is the person
        return before == "in" or before in context("strong_prepositions")
    return True


def find_claims(
    doc: Doc, candidates: list[Candidate], g: Gazetteer, can_lie_in: Callable[[Candidate], bool]
) -> list[Claim]:
    """Region claims for the candidates `can_lie_in` accepts (towns, not countries)."""
    regions = g.regions
    claims: list[Claim] = []
    people = claim_people(doc)
    can_lie_in_named = can_lie_in
    can_lie_in = lambda c: can_lie_in_named(c) and _may_be_claimed(doc, c, people, g)  # noqa: E731

    def claim(c: Candidate, found, anaphoric: bool, shape: str) -> None:
        region, a, b, _ = found
        if a > 0 and doc[a - 1].lower_ == "the":
            a -= 1  # "the Donetsk region", as the text says it
        span = doc[a:b]
        claims.append(Claim(c, region, span.start_char, span.end_char, span.text, anaphoric, shape))

    for c in candidates:
        deadline.check()
        if not can_lie_in(c):
            continue
        j = c.tok_end
        if j < len(doc) and doc[j].lower_ in POSSESSIVE_MARKS:
            continue
        hit = claim_after(doc, j, g)
        if hit is None:  # "the Y town of X": a shape before the place
            hit = next(
                ((shape, found) for shape in shapes() if "before" in shape
                 for found in [_match_before(doc, c.tok_start, shape["before"], regions)] if found),
                None,
            )
        if hit is not None:
            claim(c, hit[1], False, hit[0]["name"])
    claims.extend(_anaphoric_claims(doc, candidates, regions, can_lie_in))
    return claims


def _match_before(doc: Doc, i: int, slots: list[str], regions: RegionTable):
    """Match `slots` right to left from just before token i; the region phrase at {region}."""
    settle = settlement_words()
    k = i
    for slot in slots:
        if slot == "{region}":
            return _region_ending_at(doc, k, regions)
        k -= 1
        if k < 0:
            return None
        low = doc[k].lower_
        if slot == "{settlement}":
            if low not in settle:
                return None
        elif low != slot:
            return None
    return None


def _anaphoric_claims(doc: Doc, candidates, regions, can_lie_in) -> list[Claim]:
    """"… withdrawal from SevSk … The city, strategically located in the Donetsk region, …"."""
    spec = anaphora()
    openers = set(spec["openers"])
    settle = settlement_words()
    located = context("located_words")
    before_in = {w for w in spec["before_in"] if not w.startswith("{")}
    by_sent: dict[int, Candidate] = {}  # the last locative place of each sentence
    for c in candidates:
        if c.locative and can_lie_in(c):
            by_sent[c.sent] = c
    out: list[Claim] = []
    for si, sent in enumerate(doc.sents):
        deadline.check()
        if si == 0:
            continue
        toks = [t for t in sent[: 4 + rules.ANAPHORA_WINDOW + 2] if not t.is_space]
        if len(toks) < 4 or toks[0].lower_ not in openers:
            continue
        k = 1
        while k < len(toks) and k < 4 and toks[k].lower_ not in settle and toks[k].pos_ in ("ADJ", "NOUN", "ADV"):
            k += 1
        if k >= len(toks) or toks[k].lower_ not in settle:
            continue
        found = None
        window = toks[k + 1 : k + 1 + rules.ANAPHORA_WINDOW]
        for n_t, t in enumerate(window):
            if t.lower_ != "in":
                continue
            # Only a statement of where it lies: "The city, (strategically) located in Y",
            # "The town, in Y, …", "The city is (situated) in Y" — not any "in" ("The city has
            # been shelled since the war in Ukraine began").
            before = [w for w in window[:n_t] if w.pos_ != "ADV"]
            prev = before[-1].lower_ if before else ""
            if prev in located or (prev in before_in and len(before) <= 2):
                found = region_at(doc, t.i + 1, regions)
            break
        if not found:
            continue
        antecedent = None
        for back in range(1, rules.ANAPHORA_SENTENCES + 1):
            antecedent = by_sent.get(si - back)
            if antecedent is not None:
                break
        if antecedent is not None:
            region, a, b, _ = found
            if a > 0 and doc[a - 1].lower_ == "the":
                a -= 1
            span = doc[a:b]
            out.append(Claim(antecedent, region, span.start_char, span.end_char, span.text, True, "anaphora"))
    return out


BODY_LABELS = ("ORG", "FAC")  # the model's labels of a body's or a building's name


def divisions_in_names(doc: Doc, claims: list[Claim], regions: RegionTable) -> frozenset[str]:
    """The first-level divisions named inside the names of bodies and buildings, outside the
    claims' own words ("Kentucky State Police", "the S.C. Highway Patrol", "University of
    Kentucky"): where the article is, though no region of its own is read from such a name.
    Only a name of one country's divisions ("Central" names divisions of several countries)."""
    out: set[str] = set()
    for ent in doc.ents:
        deadline.check()
        if ent.label_ not in BODY_LABELS or any(ent.start_char < cl.end and cl.start < ent.end_char for cl in claims):
            continue
        for a in range(ent.start, ent.end):
            if not is_cap(doc[a]):
                continue
            for b in range(min(ent.end, a + rules.MAX_RUN), a, -1):
                region = regions.resolve(doc[a:b].text)
                if region is not None and region.kind != "country" and len({c.split(".")[0] for c in region.codes}) == 1:
                    out |= region.codes
                    break
    return frozenset(out)
