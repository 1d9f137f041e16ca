"""The word lists of the quotation analysis, read from server/data/quotes/ through datafiles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import datafiles
from .model import PersonClass

# spaCy entity labels of things that are not people (a "he" cannot refer back to one)
NOT_PERSON = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"})


def _forms(name: str) -> dict[str, bool]:
    """Verb form → True when it counts whatever its part-of-speech tag (a trailing *)."""
    return {f.rstrip("*").lower(): f.endswith("*") for f in datafiles.tokens(f"quotes/{name}")}


@lru_cache(maxsize=1)
def characterising_verbs() -> frozenset[str]:
    """Forms of "call", "describe", "reject" …: reporting verbs that take partial quotes."""
    return frozenset(_forms("characterising_verbs.txt"))


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, bool]:
    return {**_forms("characterising_verbs.txt"), **_forms("speech_verbs.txt")}


def not_speech_cues() -> frozenset[str]:
    return datafiles.words("quotes/not_speech_cues.txt", str.lower)


def chant_words() -> frozenset[str]:
    """Nouns and verb forms of a crowd's chant or cheer ("chants of “…”", "chanting “…”")."""
    return datafiles.words("quotes/chant_words.txt", str.lower)


def statement_nouns() -> frozenset[str]:
    """Nouns of a text put out in its author's words ("issued a statement", "posted a message")."""
    return datafiles.words("quotes/statement_nouns.txt", str.lower)


def issuing_verbs() -> frozenset[str]:
    """Forms of verbs that put out a text ("issued", "released", "sent"): with a statement noun
    as object, a report of the subject's words."""
    return datafiles.words("quotes/issuing_verbs.txt", str.lower)


@lru_cache(maxsize=1)
def speech_act_nouns() -> frozenset[str]:
    """Nouns whose owner said the words quoted inside them ("assertion", "promise"), and the
    statement nouns."""
    return datafiles.words("quotes/speech_act_nouns.txt", str.lower) | statement_nouns()


def titles() -> frozenset[str]:
    """Titles and offices that precede a name (Mr., Gov., Maj., President)."""
    return datafiles.words("quotes/titles.txt", str.lower)


@dataclass(frozen=True)
class Tables:
    anonymity: re.Pattern  # anonymity words in a speaker phrase (adjectives and phrases)
    anonymity_clause: re.Pattern  # … in the clause after it (phrases only: "who requested anonymity")
    person_pronouns: frozenset
    group_pronouns: frozenset
    org_pronouns: frozenset
    first_person: frozenset
    words: dict  # the small closed-class lists of phrase_words.json, each a frozenset


@lru_cache(maxsize=1)
def tables() -> Tables:
    anon = datafiles.json("quotes/anonymous_sources.json")
    pron = datafiles.json("quotes/pronouns.json")
    words = datafiles.json("quotes/phrase_words.json")
    return Tables(
        anonymity=re.compile(
            "|".join(f"(?:{p})" for p in anon["anonymity_adjectives"] + anon["anonymity_phrases"]),
            re.I,
        ),
        anonymity_clause=re.compile("|".join(f"(?:{p})" for p in anon["anonymity_phrases"]), re.I),
        person_pronouns=frozenset(pron["person"]),
        group_pronouns=frozenset(pron["group"]),
        org_pronouns=frozenset(pron["organisation"]),
        first_person=frozenset(pron["first_person"]),
        words={k: frozenset(v) for k, v in words.items() if not k.startswith("_")},
    )


def word_set(name: str) -> frozenset[str]:
    """One closed-class list of phrase_words.json ("definite", "lead", "indefinite" …)."""
    return tables().words[name]


@lru_cache(maxsize=1)
def _person_nouns() -> dict[str, PersonClass]:
    return {row[0].lower(): PersonClass(row[1]) for row in datafiles.rows("quotes/person_nouns.tsv")}


@lru_cache(maxsize=1)
def sourcing_nouns() -> frozenset[str]:
    """Singular person nouns of unnamed sourcing ("source", "official", "spokesman")."""
    rows = datafiles.rows("quotes/person_nouns.tsv")
    return frozenset(row[0].lower() for row in rows if row[2:3] == ("sourcing",))


def _singulars(word: str):
    if word.endswith("people"):
        yield word[: -len("people")] + "person"
    if word.endswith("men"):
        yield word[:-3] + "man"
    if word.endswith("ies"):
        yield word[:-3] + "y"
    if word.endswith("es"):
        yield word[:-2]
    if word.endswith("s"):
        yield word[:-1]


@lru_cache(maxsize=1)
def _general_nouns() -> dict[str, bool]:
    """WordNet 3.0's one-word person nouns (wordnet_person_nouns.tsv, written by
    tools/wordnet_quote_nouns.py): noun → whether it is an irregular plural ("children")."""
    return {row[0]: len(row) > 1 for row in datafiles.rows("quotes/wordnet_person_nouns.tsv")}


@lru_cache(maxsize=8192)
def person_class(word: str, general: bool = False) -> tuple[PersonClass | None, bool]:
    """The class of a person noun and whether the word is its plural ("aides" → ROLE, True):
    the hand table's, and with `general` WordNet's person nouns the table lacks, which read
    like its role nouns ("a columnist", "many editors" unnamed; "the columnist" named)."""
    table = _person_nouns()
    low = word.lower()
    if low in table:
        return table[low], low == "people"
    for singular in _singulars(low):
        if singular in table:
            return table[singular], True
    if not general:
        return None, False
    nouns = _general_nouns()
    if low in nouns:
        return PersonClass.ROLE, nouns[low]
    if any(singular in nouns for singular in _singulars(low)):
        return PersonClass.ROLE, True
    return None, False


def singular(word: str) -> str:
    """The table form of a person noun ("spokesmen" → "spokesman"), or the word itself."""
    low = word.lower()
    if low in _person_nouns():
        return low
    return next((s for s in _singulars(low) if s in _person_nouns()), low)
