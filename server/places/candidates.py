"""Stage 1: find the candidates — every word or run of words that may name a place.

A candidate comes from

- a GPE/LOC entity of the model ("Scheisfurt, Germany" as one entity is two candidates);
- a capitalised run in a locative context: after a locative preposition or verb ("withdrawal
  from X", "around X", "shelled X"), after a settlement word ("the city of X"), before an
  apposition ("X, a city in Y"), a compound ("X-held", "X-based") or a possessive ("X's");
- a list that goes on from one ("in Karachi, Lahore and Quetta");
- a region claim that follows ("Tacoban in the Philippines");
- the string alone: any capitalised word nobody knows (`unknown(word)`: no English word, no
  gazetteer name) wherever it stands — "Lodnon's airport", "an east Lnodon hospital", headlines,
  datelines, all capitals. Whether it is a misspelling is for the evidence stage to say.

Every step is one pass over the tokens (a list is walked once, whoever starts it).
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Doc, Span, Token

from ..gazetteer import normalize
from . import rules
from .lexicon import context, names, settlement_words
from .model import Candidate, Cue

EXCLUDED_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
# The small model gives odd labels to unknown words ("Laisiir" LAW): only weak contexts trust these.
WEAK_EXCLUDED_LABELS = {"LANGUAGE", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"}
PLACE_LABELS = {"GPE", "LOC"}
POSSESSIVE_MARKS = ("'s", "’s")
# First words of the claim shapes that may follow a place ("X, a town in Y", "X is in Y", "X (Y)").
CLAIM_OPENERS = frozenset({",", "in", "(", "is", "was", "lies", "sits", "located", "situated"})


def is_cap(tok: Token) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and any(ch.isalpha() for ch in t) and not tok.is_punct


def _number_name_goes_on(doc: Doc, i: int, tok: Token) -> bool:
    """A name opened by a number word that the model tags as one entity ("Seven Mile", "Two
    Rivers" as QUANTITY, CARDINAL): its words go on past the number."""
    return tok.ent_iob_ == "I" and doc[i].ent_type_ == tok.ent_type_ and doc[i].is_alpha


def cap_run(doc: Doc, i: int, connectors: frozenset | set = frozenset()) -> tuple[int, int] | None:
    """The capitalised run of tokens starting at i: [i, j), allowing "Ivano-Frankivsk", "Rostov-on-Don"."""
    if i >= len(doc) or not is_cap(doc[i]):
        return None
    j = i + 1
    while j < len(doc) and j - i < rules.MAX_RUN:
        tok = doc[j]
        prev = doc[j - 1]
        if tok.ent_type_ in EXCLUDED_LABELS and not _number_name_goes_on(doc, i, tok):
            break
        if tok.lower_ in context("hyphen_connectors") and prev.text == "-" and not prev.whitespace_ and not tok.whitespace_:
            j += 1
            continue
        if is_cap(tok) and not prev.whitespace_ or is_cap(tok) and prev.text not in ("-",) and prev.whitespace_ and not prev.is_punct:
            if tok.is_sent_start:
                break
            j += 1
        elif tok.text == "-" and not prev.whitespace_ and not tok.whitespace_ and j + 1 < len(doc) and doc[j + 1].lower_ in context("hyphen_connectors"):
            j += 1
        elif (tok.text.lower() in context("connectors") or tok.text in connectors) and j + 1 < len(doc) and is_cap(doc[j + 1]) and (
            tok.text != "-" or (not prev.whitespace_ and not tok.whitespace_)
        ):
            j += 2
        else:
            break
    return i, j




def _skip_det(doc: Doc, i: int) -> int:
    """Skip "the" and up to two qualifiers: "in occupied Melitopol", "in west London"."""
    while i < len(doc) and doc[i].lower_ in ("the",):
        i += 1
    for _ in range(2):
        if i + 1 < len(doc) and doc[i].lower_ in context("qualifiers") and doc[i].is_lower and is_cap(doc[i + 1]):
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


def _join_split_places(doc: Doc, ents: list, town_name: Callable[[str], bool]) -> list:
    """The place entities, two that follow each other with only a space between joined into
    one when together they are a town's name the gazetteer knows and the first alone is none
    ("Gun" "Barrel City": Gun Barrel City, Texas)."""
    out: list = []
    for ent in ents:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.label_ in PLACE_LABELS and ent.label_ in PLACE_LABELS
            and prev.end == ent.start and doc[prev.end - 1].whitespace_ and not doc[prev.end - 1].is_punct
            and not town_name(prev.text) and town_name(doc[prev.start : ent.end].text)
        ):
            out[-1] = Span(doc, prev.start, ent.end, label=prev.label_)
            continue
        out.append(ent)
    return out


def find_candidates(
    doc: Doc,
    claim_follows: Callable[[int], str | None] | None = None,
    unknown: Callable[[str], bool] | None = None,
    town_by_shape: Callable[[int, int], bool] | None = None,
    town_name: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Candidates, in text order. `claim_follows(i)` names the claim shape that starts at token
    i ("… in the Philippines", ", a town in Y"), if any: a name right before one is a place too.
    `unknown(word)` says whether a capitalised word is known to nobody (no English word, no
    gazetteer name): such a word is a candidate wherever it stands. `town_by_shape(a, b)` says
    whether tokens [a, b) are a known town that the claim after them calls a place ("Rock Hill,
    located in Alabama"): then the model's PERSON or ORG label does not rule it out.
    `town_name(text)` says whether a text is a town's name in the gazetteer: two place entities
    the model split with nothing but a space between ("Gun" "Barrel City") are one candidate
    when together they are one."""
    sent_of = {}
    sent_start = {}
    for n, sent in enumerate(doc.sents):
        first = next((t.i for t in sent if not t.is_space), sent.start)
        for tok in sent:
            sent_of[tok.i] = n
            sent_start[tok.i] = first
    found: dict[tuple[int, int], Candidate] = {}
    taken = [False] * len(doc)
    ents = list(doc.ents)  # doc.ents builds new spans on every access
    token_ents: list = [None] * len(doc)
    for ent in ents:
        if ent.label_ in ("ORG", "PERSON") and any(t.text == "," for t in ent):
            continue  # "Bakhmut, Kharkiv Oblast" as one ORG: the model's confusion, no name
        words = sum(1 for t in ent if not t.is_punct)  # "Linocln." as one entity is one word
        for k in range(ent.start, ent.end):
            token_ents[k] = (ent.label_, words)

    def add(a: int, b: int, **kw) -> Candidate | None:
        while b > a and (doc[b - 1].is_space or doc[b - 1].is_punct or doc[b - 1].lower_ in POSSESSIVE_MARKS):
            b -= 1
        while a < b and (doc[a].lower_ == "the" or doc[a].is_space or doc[a].is_punct):
            a += 1
        if a >= b or _after_abbreviation(doc, a):
            return None
        if b - a > 2 and doc[a].lower_ in settlement_words() and doc[a + 1].lower_ == "of":
            kw["settlement"] = kw.get("settlement") or doc[a].lower_  # "the City of X": X, a city
            a += 2
        if b < len(doc) and doc[b].lower_ in context("region_words"):
            b += 1  # "the Donetsk region" is the region, not the town
        span = doc[a:b]
        if (a, b) in found:
            m = found[(a, b)]
            m.settlement = kw.get("settlement") or m.settlement
            m.locative |= kw.get("locative", False)
            if kw.get("cue") is Cue.STRONG and m.cue in (Cue.WEAK, Cue.POSSESSIVE):
                m.cue = Cue.STRONG
            return m
        if any(taken[a:b]):
            return None
        m = Candidate(
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
    if town_name is not None:
        ents = _join_split_places(doc, ents, town_name)
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            prev = doc[ent.start - 1] if ent.start > 0 else None
            locative = prev is not None and prev.lower_ in context("strong_prepositions") | context("weak_prepositions") - {"of", "for"}
            if locative and prev.lower_ == "to" and prev.i > 0 and doc[prev.i - 1].lower_ in context("not_locative_to"):
                locative = False  # "spoke to Budanov"
            start, end = ent.start, ent.end
            while (  # "Ivano-Frankivk": the model may stop at the hyphen
                end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
                and not doc[end].whitespace_ and is_cap(doc[end + 1])
            ):
                end += 2
            for k in range(ent.start, end + 1):
                if k == end or doc[k].text == ",":
                    add(start, k, from_entity=True, label=ent.label_, cue=Cue.ENTITY,
                        locative=locative)
                    start = k + 1

    # 2. Capitalised runs in locative contexts.
    for tok in doc:
        low = tok.lower_
        i = None
        strength = None
        settlement = ""
        if low in context("strong_prepositions") or low in context("weak_prepositions"):
            i = _skip_det(doc, tok.i + 1)
            i, settlement = _skip_settlement_of(doc, i)
            strength = Cue.STRONG if (low in context("strong_prepositions") or settlement) else Cue.WEAK
            if low == "in" and tok.i > 0 and doc[tok.i - 1].lower_ in context("located_words"):
                strength = Cue.STRONG  # "based in X", "located in X": a place whatever its label
            if low == "for" and (tok.i == 0 or doc[tok.i - 1].lower_ not in context("for_nouns")):
                continue
            if low == "to" and tok.i > 0 and doc[tok.i - 1].lower_ in context("not_locative_to"):
                continue
            if low == "of" and not settlement:
                before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
                if before in settlement_words():
                    settlement = before  # "reached the town of X"
                elif before not in context("of_nouns"):
                    continue
                strength = Cue.STRONG
        elif low in context("place_verbs") and tok.pos_ in ("VERB", "AUX", "NOUN"):
            i = _skip_det(doc, tok.i + 1)
            strength = Cue.STRONG
        if i is None:
            continue
        run = cap_run(doc, i)
        if run is None:
            continue
        _consider_run(doc, token_ents, run, strength, settlement, add)

    # 2b. Lists: "in Karachi and Lahore", "Kyiv, Kharkiv and Odesa" share the first one's context.
    # A list led by a place entity in another role ("Dayton and Xenia were hit") is a list of
    # places too, weakly.
    cued = {id(m): m.locative for m in found.values()}  # by its own cue, not by a list's
    walked = [False] * len(doc)  # tokens a list walk has passed: each list is walked once
    for m in sorted(found.values(), key=lambda m: m.start):
        if m.cue not in (Cue.STRONG, Cue.WEAK, Cue.ENTITY) or walked[m.tok_start]:
            continue
        lead_locative = cued[id(m)]
        if not lead_locative and not (m.from_entity and m.label in PLACE_LABELS):
            continue
        j = m.tok_end
        while j + 1 < len(doc) and doc[j].lower_ in (",", "and", "or"):
            k = j + 1
            if doc[k].lower_ in ("and", "or"):
                k += 1
            run = cap_run(doc, _skip_det(doc, k))
            if run is None:
                break
            # "in Russia and Zelensky in Ukraine": a name the model calls a person is only weakly
            # in the list's context.
            person = _entity_label(token_ents, run[0], run[1])[0] in ("PERSON", "ORG")
            if not lead_locative and (person or run[1] < len(doc) and doc[run[1]].lower_ in POSSESSIVE_MARKS):
                # "China, Taiwan and Huawei featured", "Topics: Sydney, Editor's Picks": beside
                # places in no locative role, a person, a firm or a possessive is no place
                break
            strength = Cue.WEAK if m.cue is Cue.WEAK or person or not lead_locative else Cue.STRONG
            # a place entity among places is in a list of places, whatever the list's role
            listed_place = _entity_label(token_ents, run[0], run[1])[0] in PLACE_LABELS
            joined = _consider_run(doc, token_ents, run, strength, "", add, locative=lead_locative or listed_place)
            if person and joined is not None and not joined.from_entity:
                joined.joined_person = True
            if joined is not None:
                m.listed = joined.listed = True
            for t in range(run[0], run[1]):
                walked[t] = True
            j = run[1]

    # 3. Appositions "X, a city in Y", compounds "X-held", possessives "X's".
    for tok in doc:
        if tok.text == "," and tok.i > 0:
            j = tok.i + 1
            if j < len(doc) and doc[j].lower_ in ("a", "an", "the"):
                k = j + 1
                while k < len(doc) and k - j < 4 and doc[k].pos_ in ("ADJ", "ADV", "PROPN", "NOUN") and doc[k].lower_ not in settlement_words():
                    k += 1
                if k < len(doc) and doc[k].lower_ in settlement_words() and not (k + 1 < len(doc) and doc[k + 1].lower_ in POSSESSIVE_MARKS):
                    run = _run_ending_at(doc, tok.i)
                    if run:
                        _consider_run(doc, token_ents, run, Cue.STRONG, doc[k].lower_, add)
        elif tok.text == "-" and tok.i > 0 and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in context("compound_suffixes"):
            run = _run_ending_at(doc, tok.i)
            if run:
                _consider_run(doc, token_ents, run, Cue.STRONG, "", add)
        elif tok.lower_ in POSSESSIVE_MARKS and tok.i > 0:
            run = _run_ending_at(doc, tok.i)
            if run:
                _consider_run(doc, token_ents, run, Cue.POSSESSIVE, "", add)

    # 4. "Tacoban in the Philippines", "Bakhmut, located in Kharkiv Oblast", "X is a town in Y":
    # a region claim makes its subject a place, wherever it stands.
    if claim_follows is not None:
        for tok in doc:
            if tok.i == 0 or taken[tok.i - 1] or tok.lower_ not in CLAIM_OPENERS:
                continue
            run = _run_ending_at(doc, tok.i)
            if run is None or run[0] == tok.i:
                continue
            label, ent_len = _entity_label(token_ents, run[0], run[1])
            if label in ("PERSON", "ORG") and ent_len > 1 and not (town_by_shape and town_by_shape(*run)):
                continue  # "Zelensky in Ukraine"
            shape = claim_follows(tok.i)
            if shape is None or (shape == "in" and run[0] == sent_start.get(run[0])):
                continue  # a sentence's first word before a bare "in" may be no name at all
            _consider_run(doc, token_ents, run, Cue.STRONG, "", add)

    # 5. The string alone: a capitalised word nobody knows, wherever it stands.
    if unknown is not None:
        for tok in doc:
            short = _string_candidate(tok, unknown, rules.MIN_STRING_WORD_IN_NAME_LEN)
            if taken[tok.i] or not short:
                continue
            a = tok.i
            if a > 0 and not taken[a - 1] and is_cap(doc[a - 1]) and doc[a - 1].lower_ in names("name_prefixes.txt"):
                a -= 1  # "Los Nagelbes", "Glen Allhen": checked with the name's first word
            # The capitalised words around it may be the rest of the name ("Sianta Clara",
            # "Rolleing Meadows", "Metro Vancuevr"): the candidate is the run; which of its
            # words name the place is for the gazetteer to say (resolve.settle_name).
            a, b = _name_run(doc, a, tok.i + 1, taken)
            if b - a < 2 and not _string_candidate(tok, unknown):
                continue  # a short word alone ("Gadn") is a letter or two from thousands of places
            add(a, b, from_entity=False, label=tok.ent_type_, cue=Cue.STRING)

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
        if m.cue in (Cue.STRONG, Cue.WEAK):
            m.locative = True
        after = doc[m.tok_end] if m.tok_end < len(doc) else None
        if after is not None and after.lower_ in POSSESSIVE_MARKS:
            m.locative = False  # "Kyiv's leverage": the government, not the town
        if doc[m.tok_start].dep_ in ("nsubj", "nsubjpass") and m.cue is Cue.ENTITY:
            m.locative = False
    return sorted(found.values(), key=lambda m: m.start)


def _after_abbreviation(doc: Doc, a: int) -> bool:
    """Token a follows a capitalised abbreviation's period ("Sault Ste. Marie", "Mt. Vernon"):
    the word is the end of a longer name the sentence splitter cut, no name of its own."""
    if a < 2 or doc[a - 1].text != "." or doc[a - 2].whitespace_:
        return False
    abbr = doc[a - 2].text
    return 1 < len(abbr) <= rules.MAX_ABBREVIATION_LEN and abbr[0].isupper() and abbr[1:].islower()


def _name_word(tok: Token) -> bool:
    """A capitalised word of letters that may be part of a place's name: no "A" or "The", and
    no word that makes the name before it a place ("Police", "County", "City": roles.py)."""
    return (
        tok.text.isalpha() and tok.text[0].isupper() and not tok.is_stop
        and tok.ent_type_ not in EXCLUDED_LABELS and tok.lower_ not in names("place_head_words.txt")
    )


def _name_run(doc: Doc, a: int, b: int, taken: list[bool]) -> tuple[int, int]:
    """Tokens [a, b) widened over the capitalised words joined to them by a single space, in
    one sentence, up to MAX_NAME_WORDS words in all."""
    while b - a < rules.MAX_NAME_WORDS and a > 0 and not taken[a - 1] and not doc[a].is_sent_start:
        prev = doc[a - 1]
        if not _name_word(prev) or prev.whitespace_ != " ":
            break
        a -= 1
    while b - a < rules.MAX_NAME_WORDS and b < len(doc) and not taken[b] and not doc[b].is_sent_start:
        if not _name_word(doc[b]) or doc[b - 1].whitespace_ != " ":
            break
        b += 1
    return a, b


def _string_candidate(tok: Token, unknown: Callable[[str], bool], min_len: int = rules.MIN_STRING_CANDIDATE_LEN) -> bool:
    """A capitalised (or all-capitals) word of letters only, long enough, that nobody knows."""
    text = tok.text
    if len(text) < min_len or not text.isalpha() or not text[0].isupper():
        return False
    if tok.ent_type_ in EXCLUDED_LABELS:
        return False
    return unknown(text)


def _run_ending_at(doc: Doc, end: int) -> tuple[int, int] | None:
    """The capitalised run that ends just before token `end`."""
    j = end
    i = j
    while i > 0 and j - i < rules.MAX_RUN and (is_cap(doc[i - 1]) or (doc[i - 1].text == "-" and i - 2 >= 0 and is_cap(doc[i - 2]) and not doc[i - 2].whitespace_)):
        if doc[i - 1].is_sent_start:
            i -= 1
            break
        i -= 1
    if i == j:
        return None
    return i, j


def _consider_run(
    doc: Doc, token_ents: list, run: tuple[int, int], strength: Cue, settlement: str, add,
    locative: bool = True,
) -> Candidate | None:
    a, b = run
    label, ent_len = _entity_label(token_ents, a, b)
    ent_whole = True  # the entity is a proper name throughout, not "Pokpovsk for Lviv"
    if ent_len > 1:
        k = a
        while k > 0 and token_ents[k - 1] is not None and token_ents[k - 1] == token_ents[a]:
            k -= 1
        ent_whole = all(
            not t.is_lower or t.lower_ in context("connectors") or t.lower_ in context("name_words")
            for t in doc[k : k + ent_len] if not t.is_punct
        )
    # The small model gives unknown words odd labels ("Usmpango early on" DATE, "Chanler"
    # PRODUCT): after a locative cue only a language ("in English") or a multi-word title
    # ("in War and Peace") is ruled out; numbers and month names are ruled out below.
    if strength is not Cue.STRONG and (label == "LANGUAGE" or (label in WEAK_EXCLUDED_LABELS and ent_len > 1)):
        return
    if any(ch.isdigit() for ch in doc[a:b].text):
        return
    if label in ("ORG", "PERSON", "FAC") and ent_len > 1 and ent_whole and strength is not Cue.STRONG:
        return  # "The New York Times", "Denis Pushilin": a name, not a place (after "in", "to")
    if normalize(doc[a:b].text) in names("not_places.txt"):
        return
    return add(a, b, from_entity=False, label=label, cue=strength, settlement=settlement,
               locative=locative and strength in (Cue.STRONG, Cue.WEAK))
