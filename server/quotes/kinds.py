"""The kind of a speaker phrase: named, a pronoun, or an unnamed source.

The head noun and its determiner decide, never a name from a list: a proper-name head is named
("Maj. Jane Roe, an army press officer": the apposition only describes her); a person noun
from `anonymous_sources.json` is unnamed ("one Elysée insider", "aides", "a Pentagon official
who asked not to be named"), unless a definite article or a possessive points back at a person
met before ("the minister", "his adviser"); other common nouns are institutions or documents
("the ministry", "the report"), which count as named.
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import tables, word_set
from .model import SpeakerKind
from .rules import CLAUSE_CHARS


def is_pronoun(token: Token) -> bool:
    t = tables()
    low = token.lower_
    return (
        low in t.person_pronouns
        or low in t.group_pronouns
        or low in t.org_pronouns
        or low in t.first_person
    )


def classify(head: Token, start: int, end: int, clause: str) -> SpeakerKind:
    """The kind of the speaker phrase doc[start:end] headed by `head`.

    `clause` is the text right after the phrase (a relative clause such as "who requested
    anonymity" makes even a described speaker anonymous).
    """
    t = tables()
    if is_pronoun(head) and end - start == 1:
        return SpeakerKind.PRONOUN
    doc = head.doc
    phrase = doc[start:end]
    if head.pos_ == "PROPN" or head.ent_type_ == "PERSON":
        # a proper name; "Obama administration officials" has a name only as a modifier
        return SpeakerKind.NAMED
    if t.anonymity.search(phrase.text) or t.anonymity.search(clause):
        return SpeakerKind.ANONYMOUS
    low = head.lower_
    if low in t.unnamed_heads:
        return SpeakerKind.ANONYMOUS
    if low in t.role_heads:
        dets = [c for c in head.children if c.dep_ in ("det", "poss") and c.i < head.i]
        if any(d.lower_ in word_set("definite") or d.dep_ == "poss" for d in dets):
            return SpeakerKind.NAMED  # "the minister", "his adviser": a person met before
        return SpeakerKind.ANONYMOUS
    return SpeakerKind.NAMED  # an institution or a document: the ministry, the police, the report


def classify_span(doc, start_char: int, end_char: int) -> SpeakerKind:
    """The kind of the phrase at [start_char, end_char) of a parsed doc: its head is the token
    whose syntactic head lies outside the span (the last such token on a broken parse)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return SpeakerKind.NAMED
    inside = [t for t in span if not (t.is_punct or t.is_space)]
    if not inside:
        return SpeakerKind.NAMED
    heads = [t for t in inside if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    head = heads[0] if heads else inside[-1]
    clause = doc.text[end_char : end_char + CLAUSE_CHARS].split("\n", 1)[0].split(".", 1)[0]
    return classify(head, inside[0].i, inside[-1].i + 1, clause)
