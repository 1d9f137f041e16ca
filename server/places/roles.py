"""Stage 1b: what the sentence makes of each candidate — its role, from the dependency parse,
the entity labels and the words around it.

- `role_of` gives a `Role`: locative ("to Berlni"), dateline ("LODNON, March 3 —"), modifier
  ("an east Lnodon hospital", "the Pitsburgh-based company"), possessive ("Lodnon's airport"),
  a list item, part of a person's or an organisation's name, or anything else;
- `is_sub_place`: the text calls the name part of a city ("the Tepito district");
- `is_organisation`: the words around it make it a firm ("analysts at Nomura").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..gazetteer import DIRECTIONS
from .candidates import PLACE_LABELS, POSSESSIVE_MARKS, is_cap
from .lexicon import COMPASS_ABBREVIATION, DASHES, context, cue_phrases, names
from .model import Candidate, Cue, Role

LOCATIVE_DEPS = ("pobj",)
MODIFIER_DEPS = ("compound", "amod", "nmod", "npadvmod")
SUBJECT_DEPS = ("nsubj", "nsubjpass")
PARTY_LETTERS = frozenset({"D", "R", "I"})  # "D-Beachwood": Democrat, Republican, Independent
DIRECTION_WORDS = frozenset(DIRECTIONS) | {"north-west", "north-east", "south-west", "south-east"}


def assign_roles(doc: Doc, candidates: list[Candidate]) -> None:
    """Set every candidate's role, sub-place and organisation flags (one look each)."""
    for c in candidates:
        c.sub_place = is_sub_place(doc, c)
        c.organisation = is_organisation(doc, c)
        c.role = role_of(doc, c)
        c.firm = firm_place_role(doc, c)


# Roles that make the word a place by the sentence's shape, not by a preposition alone.
FIRM_ROLES = frozenset({Role.DATELINE, Role.COMPOUND, Role.INSTITUTION})


def firm_place_role(doc: Doc, c: Candidate) -> bool:
    """Is the word a place by the shape of its sentence, not just after "in" or "to"? A
    dateline ("LODNON —"), a compound ("Pitsburgh-based"), a place word after it ("the
    Shrreveport police", "a Pulesfine man"), a list of places ("Lovjey, Jonesboro and Mundy's
    Mill"), a settlement word ("the town of X"), a strong locative cue ("outside X", "withdrawal
    from X"), a direction before it ("east Lnodon", "south of X"), a party letter before it
    ("R-Moorark"), a person's home town ("Norb Mages of Lidsay") or where a body the model names
    stands ("Mercy Memorial Hospital in Curbaan"). One of the two signals a misspelling's warning may rest on: a real name
    GeoNames lacks takes these roles too, so the role alone is never enough."""
    if c.role in FIRM_ROLES or c.settlement or c.listed or c.cue is Cue.STRONG:
        return True
    if c.role in (Role.PERSON, Role.ORGANISATION):
        return False
    i = c.tok_start
    if after_party_letter(doc, i):
        return True
    if i == 0:
        return False
    before = doc[i - 1].lower_
    if before in DIRECTION_WORDS or COMPASS_ABBREVIATION.fullmatch(doc[i - 1].text):
        return True
    if i < 2 or before not in ("of", "in"):
        return False
    prev = doc[i - 2]
    if before == "of":
        # "five miles south of X"; "Norb Mages of Lidsay": where a person the model names is from;
        # "the Holly Heights neighborhood of X": the city a named part of it lies in
        return prev.lower_ in DIRECTION_WORDS or prev.ent_type_ == "PERSON" or holds_named_sub_place(doc, c)
    # "Mercy Memorial Hospital in Curbaan", "St. John's Lutheran School in Lomhadr": where a
    # body or building the model names stands
    return prev.ent_type_ in ("ORG", "FAC") or prev.lower_ in names("place_head_words.txt") and is_cap(prev)


def role_of(doc: Doc, c: Candidate) -> Role:
    i, j, n = c.tok_start, c.tok_end, len(doc)
    head = doc[j - 1]
    ent = doc[i].ent_type_
    ent_len = _entity_length(doc, i)
    if c.organisation:
        return Role.ORGANISATION
    if j < n and doc[j].lower_ in names("place_head_words.txt") and not (ent == "PERSON" and ent_len > j - i + 1):
        return Role.INSTITUTION  # "the Shrreveport Police Department", "a Pulesfine man"
    if doc[i].text.isupper() and j < n and doc[j].text in DASHES:
        return Role.DATELINE  # "… March 15, 2009 NEWROK -- Unfortunately, …"
    if i > 0 and COMPASS_ABBREVIATION.fullmatch(doc[i - 1].text):
        return Role.LOCATIVE  # "S.E. Parios" (the model may call it ORG): the south-east of a town
    if (
        ent == "PERSON" and (ent_len > j - i or ent_len >= 2 and not c.from_entity) and c.cue is not Cue.STRONG
        and not (c.whole_place_name and ent_len <= j - i)
    ):
        return Role.PERSON  # "Danielle Flores", "Jamie Smirz": the word is (part of) a person's name
    if ent == "ORG" and ent_len > j - i and (_names_an_institution(doc, c) or _after_of_in_name(doc, c)):
        return Role.INSTITUTION  # "Los Nagelbes Superior Court", "Piris Public Library", "University of Otronto"
    if ent == "ORG" and ent_len > j - i and not c.locative:
        return Role.ORGANISATION  # "Torenia Holdings", "the Lnodon Stock Exchange", "Lidove Noviny"
    if after_party_letter(doc, i):
        return Role.LOCATIVE  # "Sen. Ken Cuccinelli, R-Fairfax": a legislator's home town
    if _is_dateline(doc, c):
        return Role.DATELINE
    if j < n and doc[j].lower_ in POSSESSIVE_MARKS:
        return Role.POSSESSIVE
    if j + 1 < n and doc[j].text in ("-", "–") and doc[j + 1].lower_ in context("compound_suffixes"):
        return Role.COMPOUND  # "Pitsburgh-based"
    if i > 0 and doc[i - 1].lower_ in DIRECTION_WORDS:
        return Role.LOCATIVE  # "north-west Lnodon", "an east Lnodon hospital": a direction makes a place
    if c.locative:
        return Role.LOCATIVE
    if head.dep_ in LOCATIVE_DEPS and head.head.lower_ in (
        context("strong_prepositions") | context("weak_prepositions")
    ):
        return Role.LOCATIVE
    if head.dep_ == "dobj" and head.head.lower_ in context("place_verbs"):
        return Role.LOCATIVE
    if head.dep_ in MODIFIER_DEPS and head.head.pos_ == "NOUN" and head.head.i > head.i:
        # "an east Lnodon hospital": a proper noun before a common noun it qualifies
        return Role.MODIFIER
    if c.from_entity and c.label in PLACE_LABELS:
        return Role.LOCATIVE
    return Role.OTHER


def _names_an_institution(doc: Doc, c: Candidate) -> bool:
    """The candidate opens an organisation's name whose words say a place runs it."""
    heads = names("place_head_words.txt")
    k = c.tok_end
    while k < len(doc) and doc[k].ent_iob_ == "I" and k - c.tok_end < 5:
        if doc[k].lower_ in heads:
            return True
        k += 1
    return False


def _after_of_in_name(doc: Doc, c: Candidate) -> bool:
    """The candidate ends an organisation's name after "of" or "in" ("the University of
    Otronto", "United Concrete Products of Walilnford", "Capital Steel Co. in Linocln"): the
    place the organisation belongs to."""
    i, j = c.tok_start, c.tok_end
    ends = j >= len(doc) or doc[j].ent_iob_ != "I"
    return ends and i > 0 and doc[i - 1].lower_ in ("of", "in") and doc[i - 1].ent_iob_ == "I"


def after_party_letter(doc: Doc, i: int) -> bool:
    """Token i follows a party's letter and a hyphen: "R-Fairfax", "(D-Beachwood)"."""
    return (
        i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text in PARTY_LETTERS
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_
    )


def _entity_length(doc: Doc, i: int) -> int:
    """Tokens of the entity around token i (0 if none, or one the model ran over a comma)."""
    tok = doc[i]
    if not tok.ent_type_:
        return 0
    a = i
    while a > 0 and doc[a].ent_iob_ == "I":
        a -= 1
    b = i + 1
    while b < len(doc) and doc[b].ent_iob_ == "I":
        b += 1
    if any(t.text == "," for t in doc[a:b]):
        return 0
    return sum(1 for t in doc[a:b] if not t.is_punct)  # "Linocln." as one entity is one word


def _is_dateline(doc: Doc, c: Candidate) -> bool:
    """The first words of a paragraph, followed by a dash or "(AP)", perhaps after ", Region":
    "LODNON —", "Lodnon, England (Reuters) —", "PITSBURGH, Pa. -"."""
    i = c.tok_start
    in_capitals = c.text.isupper() and len(c.text) > 2
    if i > 0 and not (doc[i - 1].is_space and "\n" in doc[i - 1].text):
        # A headline joined to its body by ". " ("… big rigs . SFLIAN, Kan. Strong winds"): a
        # name in capitals opening a sentence is a dateline too.
        if not (in_capitals and doc[i].is_sent_start or in_capitals and doc[i - 1].text == "."):
            return False
    k = c.tok_end
    if in_capitals and k + 1 < len(doc) and doc[k].text == "," and is_cap(doc[k + 1]):
        return True  # "SFLIAN, Kan. Strong winds": the city and its state, no dash needed
    for _ in range(8):  # ", Pa.", ", England", "(AP)", a date
        if k >= len(doc):
            return False
        tok = doc[k]
        if tok.text in DASHES or tok.text == ":":
            return True
        if tok.text in (",", "(", ")", ".") or is_cap(tok) or tok.like_num:
            k += 1
            continue
        return False
    return False


@lru_cache(maxsize=None)
def _by_first(phrases: tuple) -> dict[str, tuple]:
    index: dict[str, list] = {}
    for p in phrases:
        index.setdefault(p[0], []).append(p)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=None)
def _by_last(phrases: tuple) -> dict[str, tuple]:
    index: dict[str, list] = {}
    for p in phrases:
        index.setdefault(p[-1], []).append(p)
    return {k: tuple(v) for k, v in index.items()}


def _words_at(doc: Doc, i: int, phrases: tuple) -> bool:
    """Does one of `phrases` start at token i? (Only the phrases of that first word are tried.)"""
    if i >= len(doc):
        return False
    return any(
        i + len(p) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(p))
        for p in _by_first(phrases).get(doc[i].lower_, ())
    )


def _longest_ending_at(doc: Doc, j: int, phrases: tuple) -> int:
    """The length of the longest of `phrases` that ends right before token j (0 if none)."""
    if j < 1:
        return 0
    best = 0
    for p in _by_last(phrases).get(doc[j - 1].lower_, ()):
        a = j - len(p)
        if a >= 0 and all(doc[a + k].lower_ == w for k, w in enumerate(p)):
            best = max(best, len(p))
    return best


def is_sub_place(doc: Doc, m: Candidate) -> bool:
    """The text calls the name a part of a city: "the Tepito district (of Mexico City)", "the
    Korail slum", "the district of Tepito", "Schwabing, a district of Munich", "Eastleigh, a
    Nairobi suburb", "Kibera, Nairobi's largest informal settlement"."""
    words = cue_phrases("subplace_words.txt")
    i, j, n = m.tok_start, m.tok_end, len(doc)
    if _words_at(doc, j, words):  # "the Tepito district", "Kyiv's Obolon district"
        return True
    ending = _longest_ending_at(doc, i - 1, words) if i >= 2 and doc[i - 1].lower_ == "of" else 0
    if ending:
        # "the district of Tepito"; in "the Tepito district of Mexico City" the city is the whole
        start = i - 1 - ending
        return start < 1 or not is_cap(doc[start - 1])
    if j < n and doc[j].text == ",":  # an apposition: "X, a (crowded) district of Y"
        for k in range(j + 1, min(n, j + 8)):
            if doc[k].is_punct:
                break
            if _words_at(doc, k, words):
                return True
    return False


def holds_named_sub_place(doc: Doc, m: Candidate) -> bool:
    """The name follows a named part of a city and "of": "the Holly Heights neighborhood of X",
    "the Tepito district of X". X is the city itself (not the district: "the district of
    Tepito" names no part before it)."""
    i = m.tok_start
    if i < 3 or doc[i - 1].lower_ != "of":
        return False
    ending = _longest_ending_at(doc, i - 1, cue_phrases("subplace_words.txt"))
    start = i - 1 - ending
    return bool(ending) and start >= 1 and is_cap(doc[start - 1])


def is_organisation(doc: Doc, m: Candidate) -> bool:
    """The words around the name make it a firm: "analysts at Nomura", "Nomura said in a note",
    "Nomura Holdings", "Rabobank analysts"."""
    i, j = m.tok_start, m.tok_end
    if i >= 2 and doc[i - 1].lower_ == "at" and _words_at(doc, i - 2, cue_phrases("organisation_cues.txt", "before")):
        return True
    return _words_at(doc, j, cue_phrases("organisation_cues.txt", "after"))


__all__ = ["Cue", "Role", "after_party_letter", "assign_roles", "is_organisation", "is_sub_place", "role_of"]
