"""Paragraph, sentence and entity bookkeeping for one document, built once in linear time."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc

from . import names
from .frames import Frames
from .marks import paragraph_ends
from .model import QuotedSpan

BULLETS = ("- ", "• ", "* ", "– ")


class Article:
    """One document, its quotations, and the lookups every pass shares."""

    def __init__(self, doc: Doc, quotes: list[QuotedSpan], text: str):
        self.doc = doc
        self.text = text
        self.quotes = quotes
        self.ends = paragraph_ends(text)
        # number of each paragraph among the non-blank, non-bullet ones: adjacency in reading
        self.rank: list[int] = []
        self.real: list[bool] = []  # a paragraph of text, not a blank line, caption or list item
        count = 0
        start = 0
        for end in self.ends:
            line = text[start:end].strip()
            real = bool(line) and not line.startswith(BULLETS)
            count += real
            self.real.append(real)
            self.rank.append(count)
            start = end + 1
        self.frames = Frames(doc, quotes, text)
        self.parsed = doc.has_annotation("SENT_START")
        # sentence bounds per token, once: Token.sent walks its whole sentence on every call
        self.sent_start = [0] * len(doc)
        self.sent_end = [len(doc)] * len(doc)
        if self.parsed:
            for sent in doc.sents:
                for i in range(sent.start, sent.end):
                    self.sent_start[i] = sent.start
                    self.sent_end[i] = sent.end
        self._normalized: dict[int, str] = {}
        self.names = names.NameIndex(doc)
        persons, orgs = [], []
        self.person_ents = [e for e in doc.ents if e.label_ == "PERSON" and not self.frames.in_quote[e.start]]
        self.person_ent_ends = [e.end for e in self.person_ents]
        for ent in doc.ents:
            if self.frames.in_quote[ent.start] or ent.root.dep_ == "pobj":
                continue
            if ent.label_ == "PERSON":
                persons.append((ent.end, names.person_text(ent)))
            elif ent.label_ == "ORG":
                orgs.append((ent.end, ent.text))
        self.persons = persons
        self.person_ends = [e for e, _ in persons]
        self.orgs = orgs
        self.org_ends = [e for e, _ in orgs]

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token i."""
        return self.sent_start[i], self.sent_end[i]

    def quote_text(self, k: int) -> str:
        q = self.quotes[k]
        return self.text[q.start : q.end]

    def normalized(self, k: int) -> str:
        if k not in self._normalized:
            self._normalized[k] = normalize(self.quote_text(k))
        return self._normalized[k]

    def paragraph(self, char: int) -> int:
        return bisect_left(self.ends, char)

    def rank_of(self, char: int) -> int:
        return self.rank[self.paragraph(char)]

    def paragraph_start(self, para: int) -> int:
        return self.ends[para - 1] + 1 if para > 0 else 0

    def starts_paragraph(self, q: QuotedSpan) -> bool:
        start = self.paragraph_start(self.paragraph(q.start))
        i = q.start - 1
        while i >= start and self.text[i] in " \t\u00a0":
            i -= 1
        if i >= start and self.text[i] in "-•*–":  # a bullet
            i -= 1
            while i >= start and self.text[i] in " \t\u00a0":
                i -= 1
        return i < start

    def last_person_before(self, token: int) -> tuple[int, str] | None:
        k = bisect_right(self.person_ends, token) - 1
        return self.persons[k] if k >= 0 else None

    def person_entity_before(self, token: int):
        """The last PERSON entity outside quotes that ends at or before token `token`."""
        k = bisect_right(self.person_ent_ends, token) - 1
        return self.person_ents[k] if k >= 0 else None

    def last_org_before(self, token: int) -> tuple[int, str] | None:
        k = bisect_right(self.org_ends, token) - 1
        return self.orgs[k] if k >= 0 else None

    def char_end(self, i: int) -> int:
        tok = self.doc[i]
        return tok.idx + len(tok.text)


def normalize(text: str) -> str:
    """Lower-cased words of a quotation, punctuation dropped, for comparing quotes."""
    import re

    return " ".join(re.sub(r"[^\w\s]", " ", text.replace("...", " ")).lower().split())
