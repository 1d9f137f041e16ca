"""Names of people in one article: a speaker's name inside its phrase, and its fullest form.

A surname or a "Mr." form resolves to the fullest form of the name used in the article
("Pushilin" → "Denis Pushilin"); titles ("Gov.", "Maj.": `data/quotes/titles.txt`) are left out
of the name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import titles


def is_name_token(token: Token) -> bool:
    """A capitalised proper-name word ("ministry" tagged PROPN is not one)."""
    return token.text[:1].isupper() and (
        token.pos_ == "PROPN" or token.ent_type_ in ("PERSON", "ORG")
    )


def _joins_name(doc: Doc, i: int, lo: int, hi: int) -> bool:
    """A hyphen inside a name: Jean-Pierre."""
    return doc[i].text == "-" and lo <= i - 1 and i + 1 < hi and is_name_token(doc[i - 1]) and (
        is_name_token(doc[i + 1])
    )


def name_of(head: Token, start: int, end: int) -> tuple[int, int] | None:
    """The run of proper-name tokens around `head` within [start, end), titles excluded."""
    if not is_name_token(head):
        return None
    lo = hi = head.i
    doc = head.doc
    while lo - 1 >= start and (is_name_token(doc[lo - 1]) or _joins_name(doc, lo - 1, start, end)):
        lo -= 1
    while hi + 1 < end and (is_name_token(doc[hi + 1]) or _joins_name(doc, hi + 1, start, end)):
        hi += 1
    while lo < hi and doc[lo].lower_ in titles():
        lo += 1
    return lo, hi + 1


def person_text(ent) -> str:
    """A PERSON entity's text, widened over proper-name words the tagger left out
    ("Piotr" before a "Nowak" entity)."""
    doc = ent.doc
    start = ent.start
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and (
        doc[start - 1].lower_ not in titles() and doc[start - 1].ent_type_ in ("", "PERSON")
    ):
        start -= 1
    return doc[start : ent.end].text


class NameIndex:
    """Person names of one article, to expand a surname to the full name it stands for.

    "Parata" after "Hori Parata" is Hori Parata even if "Te Kaurinui Robert Parata" comes
    later: the nearest full name before a mention wins, else the first one after it.
    """

    def __init__(self, doc: Doc):
        self._by_last: dict[str, list[tuple[int, str]]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                self.add(person_text(ent), ent.start)

    def add(self, name: str, position: int) -> None:
        words = [w for w in name.split() if w.lower() not in titles()]
        words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]
        if len(words) < 2:
            return
        entries = self._by_last.setdefault(words[-1].lower(), [])
        entries.append((position, " ".join(words)))
        entries.sort()

    def knows(self, name: str) -> bool:
        """Is the last word of `name` the surname of a person named in the article?"""
        words = name.split()
        if not words:
            return False
        return words[-1].lower().removesuffix("’s").removesuffix("'s") in self._by_last

    def fullest(self, name: str, position: int | None = None) -> str:
        words = [w for w in name.split() if w.lower() not in titles()] or name.split()
        if not words:
            return name
        words = [w[:-2] if w.endswith(("’s", "'s")) else w for w in words]
        plain = " ".join(words)
        entries = self._by_last.get(words[-1].lower())
        if not entries or len(words) > 2:
            return plain
        if len(words) == 2:
            # a full name already, unless it is "Hori Parata" for a known "Hori Parata"
            return plain
        before = [full for pos, full in entries if position is None or pos <= position]
        return before[-1] if before else entries[0][1]
