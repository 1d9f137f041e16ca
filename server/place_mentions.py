"""Finding place mentions in a spaCy Doc: entity labels plus locative contexts.

spaCy's small model tags "SevSk" as a person and misses places in odd forms, so a mention comes
either from a GPE/LOC entity or from a capitalised run of words in a locative context:

- after a locative preposition ("withdrawal from X", "around X", "near X", "in X");
- after a settlement word ("the city of X", "the town of X");
- before an apposition ("X, a city in Y") or a "-held"/"-controlled" compound ("X-held");
- before a possessive ("X's"), which only counts if the gazetteer knows the name exactly.

Each mention records how strong its context is, whether the text calls it a settlement, and its
grammatical role (whether it can be the antecedent of "The city, …" in the next sentence).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from .gazetteer_index import normalize

DATA = Path(__file__).parent / "data" / "places"

STRONG_PREPS = {
    "from", "near", "around", "outside", "towards", "toward", "into", "inside", "beyond",
    "nearby", "outskirts", "encircle", "encircled", "surrounding", "liberated", "captured",
}
WEAK_PREPS = {
    "in", "to", "at", "across", "through", "via", "within", "between", "throughout", "of", "on", "off",
    "for",
}
# "residents of X", "the outskirts of X": "of" is locative after these nouns.
OF_NOUNS = {
    "residents", "resident", "people", "mayor", "outskirts", "centre", "center", "east", "west",
    "north", "south", "northeast", "northwest", "southeast", "southwest", "streets", "suburbs",
    "battle", "siege", "fall", "capture", "liberation", "recapture", "governor", "citizens",
    "inhabitants", "heart", "edge", "outskirt", "shelling", "bombing", "evacuation", "defence",
    "defense", "occupation", "encirclement", "environs", "vicinity", "district", "districts",
}
# "spoke to X", "according to X": "to" is no direction after these.
NOT_LOCATIVE_TO = {
    "spoke", "speak", "speaking", "talked", "talk", "talking", "said", "wrote", "write", "writing",
    "replied", "reply", "listened", "explained", "apologised", "apologized", "according", "close",
    "next", "due", "thanks", "compared", "similar", "related", "married", "introduced", "told",
    "letter", "message", "call", "appeal", "reply", "loyal", "allegiance", "tribute", "praise",
    "happened", "belongs", "belonged", "owing", "up", "sent", "gave", "handed", "posted",
}
# "the battle for X": "for" is locative after these.
FOR_NOUNS = {
    "battle", "fight", "fighting", "struggle", "assault", "offensive", "push",
    # "an emergency for X", "evacuation orders for X", "left for X", "the MP for X"
    "emergency", "warning", "warnings", "alert", "alerts", "order", "orders", "watch", "left",
    "headed", "heading", "bound", "departed", "mp",
}
# Verbs whose object is often a place: "Russian forces shelled X".
PLACE_VERBS = {
    "shelled", "shelling", "captured", "recaptured", "liberated", "seized", "bombed", "struck",
    "stormed", "entered", "evacuated", "encircled", "surrounded", "occupied", "retook", "reached",
    "visited", "attacked", "besieged", "hit", "abandoned", "left", "fled", "toured", "flooded",
    # present tense and infinitives: "ministers would visit X", "plans to evacuate X"
    "shell", "shells", "capture", "captures", "liberate", "seize", "seizes", "bomb", "bombs",
    "strike", "strikes", "storm", "enter", "enters", "evacuate", "encircle", "surround",
    "occupy", "occupies", "retake", "reach", "reaches", "visit", "visits", "visiting", "attack",
    "leave", "leaves", "leaving", "flee", "flees", "fleeing", "tour", "tours", "touring", "flood",
}
COMPOUND_SUFFIXES = {"held", "controlled", "occupied", "based", "bound"}
EXCLUDED_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# The small model gives odd labels to unknown words ("Laisiir" LAW): only weak contexts trust these.
WEAK_EXCLUDED_LABELS = {"LANGUAGE", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
PLACE_LABELS = {"GPE", "LOC"}
# NORP ("Ukrainian") is not excluded: the small model tags some towns ("Sevastopol") NORP, and
# demonyms are recognised as such by places.is_demonym.
CONNECTORS = {"-", "de", "del", "la", "el", "al", "der", "di", "da", "du", "do", "dos", "das"}
HYPHEN_CONNECTORS = {"on", "upon", "am", "an", "sur", "en", "le", "les"}  # "Rostov-on-Don"
MAX_RUN = 4
# Small words inside multi-word names ("House of Representatives", "Institute for the Study of War").
NAME_WORDS = {"of", "and", "the", "for", "on", "at", "in", "&", "von", "van", "upon"}
REGION_WORDS = {"region", "oblast", "province", "governorate", "prefecture", "voivodeship", "krai"}


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset:
    with open(DATA / name, encoding="utf-8") as f:
        return frozenset(
            normalize(line) for line in f if line.strip() and not line.startswith("#")
        )


def settlement_words() -> frozenset:
    return word_list("settlement_words.txt")


@dataclass
class Mention:
    start: int  # code points over doc.text
    end: int
    text: str
    key: str  # normalised lookup key, without "the" and a possessive
    sent: int  # index of the sentence
    sent_start: int  # its first token
    tok_start: int
    tok_end: int
    from_entity: bool  # a GPE/LOC entity
    label: str  # spaCy's entity label, "" if none
    strength: str  # "entity", "strong", "weak" or "possessive"
    settlement: str = ""  # the word the text calls it by: "city", "town", "village"…
    locative: bool = False  # in a locative role: a possible antecedent of "The city, …"
    opens_clause: bool = False  # first word of a sentence, or after a dash or colon
    joined_person: bool = False  # a name the model calls a person, joined to a list of places
    sub_place: bool = False  # the text calls it part of a city: "the Tepito district of Mexico City"
    organisation: bool = False  # the words around it make it a firm: "analysts at Nomura"


def _is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(ch.isalpha() for ch in t) and not tok.is_punct


def _cap_run(doc: Doc, i: int, connectors: frozenset | set = frozenset()) -> tuple[int, int] | None:
    """The capitalised run of tokens starting at i: [i, j), allowing "Ivano-Frankivsk", "Rostov-on-Don"."""
    if i >= len(doc) or not _is_cap(doc[i]):
        return None
    j = i + 1
    while j < len(doc) and j - i < MAX_RUN:
        tok = doc[j]
        prev = doc[j - 1]
        if tok.ent_type_ in EXCLUDED_LABELS:
            break
        if tok.lower_ in HYPHEN_CONNECTORS and prev.text == "-" and not prev.whitespace_ and not tok.whitespace_:
            j += 1
            continue
        if _is_cap(tok) and not prev.whitespace_ or _is_cap(tok) and prev.text not in ("-",) and prev.whitespace_ and not prev.is_punct:
            if tok.is_sent_start:
                break
            j += 1
        elif tok.text == "-" and not prev.whitespace_ and not tok.whitespace_ and j + 1 < len(doc) and doc[j + 1].lower_ in HYPHEN_CONNECTORS:
            j += 1
        elif (tok.text.lower() in CONNECTORS or tok.text in connectors) and j + 1 < len(doc) and _is_cap(doc[j + 1]) and (
            tok.text != "-" or (not prev.whitespace_ and not tok.whitespace_)
        ):
            j += 2
        else:
            break
    return i, j


QUALIFIERS = {
    "occupied", "besieged", "embattled", "frontline", "front-line", "war-torn", "nearby",
    "neighbouring", "neighboring", "rebel-held", "downtown", "central", "north", "south", "east",
    "west", "northern", "southern", "eastern", "western", "northeastern", "northwestern",
    "southeastern", "southwestern", "annexed", "liberated", "devastated", "flooded", "remote",
}


def _skip_det(doc: Doc, i: int) -> int:
    """Skip "the" and up to two qualifiers: "in occupied Melitopol", "in west London"."""
    while i < len(doc) and doc[i].lower_ in ("the",):
        i += 1
    for _ in range(2):
        if i + 1 < len(doc) and doc[i].lower_ in QUALIFIERS and doc[i].is_lower and _is_cap(doc[i + 1]):
            i += 1
    return i


def _skip_settlement_of(doc: Doc, i: int) -> tuple[int, str]:
    """"the city of X": skip "[small] city of" and give the settlement word."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].pos_ == "ADJ":
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ in settlement_words() and doc[j + 1].lower_ == "of":
        return _skip_det(doc, j + 2), doc[j].lower_
    return i, ""


def _entity_label(token_ents: list, a: int, b: int) -> tuple[str, int]:
    """The label of an entity overlapping tokens [a, b) and that entity's length."""
    for k in range(a, b):
        if token_ents[k] is not None:
            return token_ents[k]
    return "", 0


def _key_of(text: str) -> str:
    key = normalize(text)
    for suffix in (" s",):
        if key.endswith(suffix) and ("'" in text[-2:] or "’" in text[-2:]):
            key = key[: -len(suffix)]
    if key.startswith("the "):
        key = key[4:]
    return key


def find_mentions(doc: Doc, region_follows=None) -> list[Mention]:
    """Place mentions, in text order. `region_follows(i)` says whether a region phrase starts at
    token i ("… in the Philippines"): a name right before "in" + region is a place too."""
    sent_of = {}
    sent_start = {}
    for n, sent in enumerate(doc.sents):
        first = next((t.i for t in sent if not t.is_space), sent.start)
        for tok in sent:
            sent_of[tok.i] = n
            sent_start[tok.i] = first
    found: dict[tuple[int, int], Mention] = {}
    taken = [False] * len(doc)
    ents = list(doc.ents)  # doc.ents builds new spans on every access
    token_ents: list = [None] * len(doc)
    for ent in ents:
        for k in range(ent.start, ent.end):
            token_ents[k] = (ent.label_, len(ent))

    def add(a: int, b: int, **kw) -> Mention | None:
        while b > a and (doc[b - 1].is_space or doc[b - 1].is_punct or doc[b - 1].lower_ in ("'s", "’s")):
            b -= 1
        while a < b and (doc[a].lower_ == "the" or doc[a].is_space or doc[a].is_punct):
            a += 1
        if a >= b:
            return None
        if b < len(doc) and doc[b].lower_ in REGION_WORDS:
            b += 1  # "the Donetsk region" is the region, not the town
        span = doc[a:b]
        if (a, b) in found:
            m = found[(a, b)]
            m.settlement = kw.get("settlement") or m.settlement
            m.locative |= kw.get("locative", False)
            if kw.get("strength") == "strong" and m.strength in ("weak", "possessive"):
                m.strength = "strong"
            return m
        if any(taken[a:b]):
            return None
        m = Mention(
            start=span.start_char, end=span.end_char, text=span.text, key=_key_of(span.text),
            sent=sent_of[a], sent_start=sent_start[a], tok_start=a, tok_end=b, **kw,
        )
        if not m.key:
            return None
        found[(a, b)] = m
        for k in range(a, b):
            taken[k] = True
        return m

    # 1. Place entities; "Scheisfurt, Germany" as one entity is two mentions.
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            prev = doc[ent.start - 1] if ent.start > 0 else None
            locative = prev is not None and prev.lower_ in STRONG_PREPS | WEAK_PREPS - {"of", "for"}
            if locative and prev.lower_ == "to" and prev.i > 0 and doc[prev.i - 1].lower_ in NOT_LOCATIVE_TO:
                locative = False  # "spoke to Budanov"
            start, end = ent.start, ent.end
            while (  # "Ivano-Frankivk": the model may stop at the hyphen
                end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                and not doc[end].whitespace_ and _is_cap(doc[end + 1])
            ):
                end += 2
            for k in range(ent.start, end + 1):
                if k == end or doc[k].text == ",":
                    add(start, k, from_entity=True, label=ent.label_, strength="entity",
                        locative=locative)
                    start = k + 1

    # 2. Capitalised runs in locative contexts.
    for tok in doc:
        low = tok.lower_
        i = None
        strength = None
        settlement = ""
        if low in STRONG_PREPS or low in WEAK_PREPS:
            i = _skip_det(doc, tok.i + 1)
            i, settlement = _skip_settlement_of(doc, i)
            strength = "strong" if (low in STRONG_PREPS or settlement) else "weak"
            if low == "for" and (tok.i == 0 or doc[tok.i - 1].lower_ not in FOR_NOUNS):
                continue
            if low == "to" and tok.i > 0 and doc[tok.i - 1].lower_ in NOT_LOCATIVE_TO:
                continue
            if low == "of" and not settlement:
                before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                if before in settlement_words():
                    settlement = before  # "reached the town of X"
                elif before not in OF_NOUNS:
                    continue
                strength = "strong"
        elif low in PLACE_VERBS and tok.pos_ in ("VERB", "AUX", "NOUN"):
            i = _skip_det(doc, tok.i + 1)
            strength = "strong"
        if i is None:
            continue
        run = _cap_run(doc, i)
        if run is None:
            continue
        _consider_run(doc, token_ents, run, strength, settlement, add)

    # 2b. Lists: "in Karachi and Lahore", "Kyiv, Kharkiv and Odesa" share the first one's context.
    # A list led by a place entity in another role ("Dayton and Xenia were hit") is a list of
    # places too, weakly.
    cued = {id(m): m.locative for m in found.values()}  # by its own cue, not by a list's
    for m in sorted(found.values(), key=lambda m: m.start):
        if m.strength not in ("strong", "weak", "entity"):
            continue
        lead_locative = cued[id(m)]
        if not lead_locative and not (m.from_entity and m.label in PLACE_LABELS):
            continue
        j = m.tok_end
        while j + 1 < len(doc) and doc[j].lower_ in (",", "and", "or"):
            k = j + 1
            if doc[k].lower_ in ("and", "or"):
                k += 1
            run = _cap_run(doc, _skip_det(doc, k))
            if run is None:
                break
            # "in Russia and Zelensky in Ukraine": a name the model calls a person is only weakly
            # in the list's context.
            person = _entity_label(token_ents, run[0], run[1])[0] in ("PERSON", "ORG")
            if not lead_locative and (person or run[1] < len(doc) and doc[run[1]].lower_ in ("'s", "’s")):
                # "China, Taiwan and Huawei featured", "Topics: Sydney, Editor's Picks": beside
                # places in no locative role, a person, a firm or a possessive is no place
                break
            strength = "weak" if m.strength == "weak" or person or not lead_locative else "strong"
            # a place entity among places is in a list of places, whatever the list's role
            listed_place = _entity_label(token_ents, run[0], run[1])[0] in PLACE_LABELS
            joined = _consider_run(doc, token_ents, run, strength, "", add, locative=lead_locative or listed_place)
            if person and joined is not None and not joined.from_entity:
                joined.joined_person = True
            j = run[1]

    # 3. Appositions "X, a city in Y", compounds "X-held", possessives "X's".
    for tok in doc:
        if tok.text == "," and tok.i > 0:
            j = tok.i + 1
            if j < len(doc) and doc[j].lower_ in ("a", "an", "the"):
                k = j + 1
                while k < len(doc) and k - j < 4 and doc[k].pos_ in ("ADJ", "ADV", "PROPN", "NOUN") and doc[k].lower_ not in settlement_words():
                    k += 1
                if k < len(doc) and doc[k].lower_ in settlement_words():
                    run = _run_ending_at(doc, tok.i)
                    if run:
                        _consider_run(doc, token_ents, run, "strong", doc[k].lower_, add)
        elif tok.text == "-" and tok.i > 0 and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in COMPOUND_SUFFIXES:
            run = _run_ending_at(doc, tok.i)
            if run:
                _consider_run(doc, token_ents, run, "strong", "", add)
        elif tok.lower_ in ("'s", "’s") and tok.i > 0:
            run = _run_ending_at(doc, tok.i)
            if run:
                _consider_run(doc, token_ents, run, "possessive", "", add)

    # 4. "Tacoban in the Philippines", "X, Ukraine": a region claim makes its subject a place.
    if region_follows is not None:
        for tok in doc:
            if tok.lower_ != "in" or tok.i == 0 or taken[tok.i - 1]:
                continue
            run = _run_ending_at(doc, tok.i)
            if run is None or run[0] == tok.i:
                continue
            label, ent_len = _entity_label(token_ents, run[0], run[1])
            if label in ("PERSON", "ORG") or run[0] == sent_start.get(run[0]):
                continue  # "Zelensky in Ukraine", or a sentence's first word
            if region_follows(tok.i + 1):
                _consider_run(doc, token_ents, run, "strong", "", add)

    # Settlement words and roles for entity mentions too.
    for m in found.values():
        # After a comma the word is a list item or an apposition ("Guangzhou, Shenzhen and
        # Xi'an"), not a clause's first word that may be no name at all.
        m.opens_clause = m.tok_start == m.sent_start or (
            m.tok_start > 0 and doc[m.tok_start - 1].is_punct and doc[m.tok_start - 1].text not in ("(", "'", "’", ",")
        )
        a = m.tok_start
        k = a - 1
        while k >= 0 and doc[k].lower_ in ("the",):
            k -= 1
        if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in settlement_words():
            m.settlement = m.settlement or doc[k - 1].lower_
            m.locative = True
        if m.strength in ("strong", "weak"):
            m.locative = True
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        if after is not None and after.lower_ in ("'s", "’s"):
            m.locative = False  # "Kyiv's leverage": the government, not the town
        if doc[m.tok_start].dep_ in ("nsubj", "nsubjpass") and m.strength == "entity":
            m.locative = False
    return sorted(found.values(), key=lambda m: m.start)


def _run_ending_at(doc: Doc, end: int) -> tuple[int, int] | None:
    """The capitalised run that ends just before token `end`."""
    j = end
    i = j
    while i > 0 and j - i < MAX_RUN and (_is_cap(doc[i - 1]) or (doc[i - 1].text == "-" and i - 2 >= 0 and _is_cap(doc[i - 2]) and not doc[i - 2].whitespace_)):
        if doc[i - 1].is_sent_start:
            i -= 1
            break
        i -= 1
    if i == j:
        return None
    return i, j


def _consider_run(
    doc: Doc, token_ents: list, run: tuple[int, int], strength: str, settlement: str, add,
    locative: bool = True,
) -> Mention | None:
    a, b = run
    label, ent_len = _entity_label(token_ents, a, b)
    ent_whole = True  # the entity is a proper name throughout, not "Pokpovsk for Lviv"
    if ent_len > 1:
        k = a
        while k > 0 and token_ents[k - 1] is not None and token_ents[k - 1] == token_ents[a]:
            k -= 1
        ent_whole = all(
            not t.is_lower or t.lower_ in CONNECTORS or t.lower_ in NAME_WORDS
            for t in doc[k : k + ent_len] if not t.is_punct
        )
    # The small model gives unknown words odd labels ("Usmpango early on" DATE, "Chanler"
    # PRODUCT): after a locative cue only a language ("in English") or a multi-word title
    # ("in War and Peace") is ruled out; numbers and month names are ruled out below.
    if strength != "strong" and (label == "LANGUAGE" or (label in WEAK_EXCLUDED_LABELS and ent_len > 1)):
        return
    if any(ch.isdigit() for ch in doc[a:b].text):
        return
    if label in ("ORG", "PERSON", "FAC") and ent_len > 1 and ent_whole and strength != "strong":
        return  # "The New York Times", "Denis Pushilin": a name, not a place (after "in", "to")
    if normalize(doc[a:b].text) in word_list("not_places.txt"):
        return
    return add(a, b, from_entity=False, label=label, strength=strength, settlement=settlement,
               locative=locative and strength in ("strong", "weak"))


# -- what the words around a name say it is ------------------------------------------------------


@lru_cache(maxsize=None)
def _cue_phrases(name: str, kind: str | None = None) -> tuple:
    """Phrases of a cue list, as tuples of lowercased words; `kind` picks "before:"/"after:" lines."""
    out = []
    with open(DATA / name, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if kind is not None:
                tag, _, line = line.partition(":")
                if tag != kind:
                    continue
            out.append(tuple(line.lower().split()))
    return tuple(out)


def _words_at(doc: Doc, i: int, phrases: tuple) -> bool:
    """Does one of `phrases` start at token i?"""
    return any(
        i + len(p) <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(p)) for p in phrases
    )


def _words_end_at(doc: Doc, j: int, phrases: tuple) -> bool:
    """Does one of `phrases` end right before token j?"""
    return any(j - len(p) >= 0 and _words_at(doc, j - len(p), (p,)) for p in phrases)


def is_sub_place(doc: Doc, m: Mention) -> bool:
    """The text calls the name a part of a city: "the Tepito district (of Mexico City)", "the
    Korail slum", "the district of Tepito", "Schwabing, a district of Munich", "Eastleigh, a
    Nairobi suburb", "Kibera, Nairobi's largest informal settlement"."""
    words = _cue_phrases("subplace_words.txt")
    i, j, n = m.tok_start, m.tok_end, len(doc)
    if _words_at(doc, j, words):  # "the Tepito district", "Kyiv's Obolon district"
        return True
    if i >= 2 and doc[i - 1].lower_ == "of" and _words_end_at(doc, i - 1, words):
        # "the district of Tepito"; in "the Tepito district of Mexico City" the city is the whole
        start = i - 1 - max(len(p) for p in words if _words_end_at(doc, i - 1, (p,)))
        return start < 1 or not _is_cap(doc[start - 1])
    if j < n and doc[j].text == ",":  # an apposition: "X, a (crowded) district of Y"
        for k in range(j + 1, min(n, j + 8)):
            if doc[k].is_punct:
                break
            if _words_at(doc, k, words):
                return True
    return False


def is_organisation(doc: Doc, m: Mention) -> bool:
    """The words around the name make it a firm: "analysts at Nomura", "Nomura said in a note",
    "Nomura Holdings", "Rabobank analysts"."""
    i, j = m.tok_start, m.tok_end
    if i >= 2 and doc[i - 1].lower_ == "at" and _words_at(doc, i - 2, _cue_phrases("organisation_cues.txt", "before")):
        return True
    return _words_at(doc, j, _cue_phrases("organisation_cues.txt", "after"))
