"""Finding the speaker phrase and the reporting cue of each quotation, from the parse.

For every quotation the module looks in two frames of text outside quotation marks, within its
paragraph: the stretch of the sentence before the quote (`X said: “…”`, `X said it was “…”`,
between the two halves of a split quote) and the clause after it (`“…,” said X, who …`). In a
frame it finds a reporting verb from `data/quotes/speech_verbs.txt` (or "according to") and takes
the verb's subject from the dependency parse, falling back to the nearest noun phrase when the
parse has none. Carrying a speaker over to quotes that have no frame of their own (continuations,
paragraph-long quotes) is `quotes.py`'s job.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from .quotemarks import QuotedSpan

TERMINATORS = {".", "!", "?", "…"}
MAX_BEFORE = 35  # tokens between a reporting verb and the quote it introduces
MAX_AFTER = 12  # tokens between a quote and the reporting verb that follows it
NOUNISH = {"PROPN", "NOUN", "PRON"}
# dependents of a speaker's head that belong to the speaker phrase when they follow it
PHRASE_RIGHT = {"prep", "compound", "flat", "nummod", "amod", "case", "pobj", "nmod", "npadvmod"}


def _read_forms(name: str) -> dict[str, bool]:
    forms: dict[str, bool] = {}
    path = resources.files("server") / "data" / "quotes" / name
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for form in line.split():
            forms[form.rstrip("*").lower()] = form.endswith("*")
    return forms


@lru_cache(maxsize=1)
def characterising_verbs() -> frozenset:
    """Forms of "call", "describe", "reject" …: reporting verbs that take partial quotes."""
    return frozenset(_read_forms("characterising_verbs.txt"))


@lru_cache(maxsize=1)
def speech_verbs() -> dict[str, bool]:
    """Verb form → True when it counts whatever its part-of-speech tag."""
    return {**_read_forms("characterising_verbs.txt"), **_read_forms("speech_verbs.txt")}


@dataclass
class Attribution:
    head: Token  # head token of the speaker phrase
    start: int  # token range of the speaker phrase
    end: int
    cue: tuple[int, int] | None  # token range of the reporting verb or "according to"
    how: str  # before, after, according-to, inherited, …


class Frames:
    """Token bookkeeping for one document and its quotations."""

    def __init__(self, doc: Doc, quotes: list[QuotedSpan], text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token: once
        self.quotes = quotes
        self.starts = [t.idx for t in doc]
        self.in_quote = bytearray(len(doc))
        self.ranges = []
        for q in quotes:
            lo = bisect_left(self.starts, q.start)
            hi = bisect_left(self.starts, q.end)
            for i in range(lo, hi):
                self.in_quote[i] = 1
            self.ranges.append((lo, hi))
        self.verbs = speech_verbs()

    # -- frames -----------------------------------------------------------------------------

    def before(self, k: int) -> tuple[int, int]:
        """Tokens of the quote's sentence before it, back to a sentence end or paragraph start."""
        lo, _ = self.ranges[k]
        return self.sentence_before(lo)

    def sentence_before(self, end: int) -> tuple[int, int]:
        i = end - 1
        floor = max(0, end - 80)
        while i >= floor:
            tok = self.doc[i]
            if self.in_quote[i] or "\n" in tok.text or tok.text in TERMINATORS:
                break
            i -= 1
        return i + 1, end

    def after(self, k: int) -> tuple[int, int]:
        """Tokens after the quote up to the end of its sentence, the paragraph or the next quote."""
        _, hi = self.ranges[k]
        i = hi
        n = len(self.doc)
        ceiling = min(n, hi + 60)
        while i < ceiling:
            tok = self.doc[i]
            if self.in_quote[i] or "\n" in tok.text:
                break
            i += 1
            if tok.text in TERMINATORS:
                break
        return hi, i

    # -- cues and speakers --------------------------------------------------------------------

    def is_cue(self, tok: Token) -> bool:
        star = self.verbs.get(tok.lower_)
        if star is None:
            return False
        return star or tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")

    def is_according(self, i: int) -> bool:
        doc = self.doc
        return doc[i].lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"

    def attribute(self, k: int, side: str) -> Attribution | None:
        lo, hi = self.before(k) if side == "before" else self.after(k)
        if lo >= hi:
            return None
        positions = range(hi - 1, lo - 1, -1) if side == "before" else range(lo, hi)
        quote_text = self.text[self.quotes[k].start : self.quotes[k].end]
        ends_sentence = quote_text.rstrip("”\"'’»› ").endswith((".", "!", "?"))
        for i in positions:
            if side == "before" and hi - i > MAX_BEFORE:
                break
            if side == "after" and i - lo > MAX_AFTER:
                break
            if self.is_according(i):
                head = self._pobj(self.doc[i + 1], lo, hi)
                if head is not None:
                    return self.phrase(head, lo, hi, (i, i + 2), f"according-to-{side}")
                continue
            tok = self.doc[i]
            if not self.is_cue(tok):
                continue
            if side == "after" and self._has_own_complement(tok, lo, hi, ends_sentence):
                continue  # "The report highlights that …": a new sentence, not attribution
            head = self.subject_of(tok)
            if head is not None and not (lo <= head.i < hi) and not self._near(head, lo, hi):
                head = None
            if head is None or self.in_quote[head.i]:
                head = None if self._is_passive_or_participle(tok) else (
                    self._nearest_noun(tok, lo, hi, side)
                )
            if head is None:
                continue
            if head.lower_ in ("who", "that", "which") and head.head.i != head.i:
                continue
            return self.phrase(head, lo, hi, (i, i + 1), side)
        if side == "after" and quote_text.rstrip("”\"'’»› ").endswith((",", "?", "!", "—")):
            return self._comma_clause(lo, hi)
        return None

    def _comma_clause(self, lo: int, hi: int) -> Attribution | None:
        """“…,” Badenoch shot back: a quote ending in a comma is followed by its attribution,
        whatever the verb; its subject is the speaker."""
        for i in range(lo, min(hi, lo + MAX_AFTER)):
            tok = self.doc[i]
            if tok.pos_ != "VERB":
                continue
            for child in tok.children:
                if child.dep_ == "nsubj" and lo <= child.i < hi and not self.in_quote[child.i]:
                    if child.pos_ in ("PUNCT", "SYM"):
                        continue
                    if child.lower_ in ("who", "that", "which", "it", "this"):
                        return None
                    return self.phrase(child, lo, hi, (i, i + 1), "after-clause")
            return None
        return None

    def _near(self, head: Token, lo: int, hi: int) -> bool:
        """A subject the parse puts just outside the frame, in the same paragraph and outside
        quotes ("was described as “…” by the department")."""
        if self.in_quote[head.i] or head.i < lo - 20 or head.i >= hi + 20:
            return False
        a, b = sorted((head.i, lo if head.i < lo else hi))
        return not any("\n" in self.doc[i].text for i in range(a, b))

    def _is_passive_or_participle(self, verb: Token) -> bool:
        if verb.tag_ == "VBG":
            return True
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)

    def _has_own_complement(self, verb: Token, lo: int, hi: int, ends_sentence: bool) -> bool:
        for child in verb.rights:
            if child.i >= hi:
                break
            that = child.dep_ == "mark" and child.lower_ == "that"
            if child.dep_ in ("ccomp", "xcomp") or that:
                return True
            if ends_sentence and child.dep_ == "dobj":
                return True
        # a long clause after a quote that already ended its sentence is a new sentence
        return ends_sentence and verb.i - lo > 6

    def subject_of(self, verb: Token) -> Token | None:
        """The verb's subject, or its passive agent; a participle ("…, saying") borrows the
        subject of the clause it hangs from."""
        participle = verb.tag_ == "VBG"
        for _ in range(4):
            for child in verb.children:
                if child.dep_ == "nsubj" and (
                    child.pos_ in ("PUNCT", "SYM") or self.in_quote[child.i]
                ):
                    continue  # the parser sometimes makes a quote mark or an emoji the subject
                if child.dep_ == "nsubj":
                    if child.lower_ in ("who", "that") and verb.dep_ == "relcl":
                        return verb.head
                    if child.dep_ == "expl" or child.lower_ == "there":
                        return None
                    return child
                if child.dep_ == "agent":
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
            if any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children):
                return None  # "it was said that …": nobody in particular
            climb = ("advcl", "xcomp", "conj", "acl", "ccomp")
            if participle:
                climb += ("dobj", "pobj", "prep", "appos")
            if participle and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head  # "The leader of Ennahda, …, saying …"
            if verb.dep_ in climb and verb.head.i != verb.i:
                verb = verb.head
                continue
            break
        return None

    def _pobj(self, prep: Token, lo: int, hi: int) -> Token | None:
        for child in prep.children:
            if child.dep_ == "pobj" and lo <= child.i < hi and not self.in_quote[child.i]:
                return child
        i = prep.i + 1
        while i < hi and self.doc[i].pos_ not in NOUNISH:
            i += 1
        return self._climb(self.doc[i], lo, hi) if i < hi else None

    def _nearest_noun(self, verb: Token, lo: int, hi: int, side: str) -> Token | None:
        doc = self.doc
        if side == "after":
            # “…,” Hidalgo said: the words between the quote and the verb first
            for i in range(verb.i - 1, lo - 1, -1):
                if doc[i].pos_ in NOUNISH and not self.in_quote[i] and doc[i].lower_ != "it":
                    return self._extend_left(self._climb(doc[i], lo, hi), lo)
        if side == "after" or verb.i == lo:
            for i in range(verb.i + 1, min(hi, verb.i + 8)):
                if doc[i].pos_ in NOUNISH and not self.in_quote[i] and doc[i].lower_ != "it":
                    return self._climb(doc[i], lo, hi)
            return None
        for i in range(verb.i - 1, max(lo, verb.i - 8) - 1, -1):
            if doc[i].pos_ in NOUNISH and not self.in_quote[i] and doc[i].lower_ != "it":
                return self._climb(doc[i], lo, hi)
        return None

    def _extend_left(self, tok: Token, lo: int) -> Token:
        """Over "of/for/on/from … the" to the noun a prepositional phrase hangs from, reading
        the words when the parse is broken: "a post on the channel" → "post"."""
        doc = self.doc
        i = tok.i
        while True:
            j = i - 1
            while j >= lo and doc[j].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN") and j > i - 4:
                if doc[j].pos_ in ("PROPN", "NOUN") and doc[j].dep_ != "compound":
                    break
                j -= 1
            if j < lo or doc[j].lower_ not in ("of", "for", "on", "from", "at", "with", "in"):
                return doc[i]
            k = j - 1
            if k < lo or doc[k].pos_ not in ("NOUN", "PROPN") or self.in_quote[k]:
                return doc[i]
            i = k

    def _climb(self, tok: Token, lo: int, hi: int) -> Token:
        """From a word inside a noun phrase to its head ("Western" → "official", "ministry" in
        "a spokesman for the ministry" → "spokesman")."""
        for _ in range(6):
            head = tok.head
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
                head = head.head
            elif tok.dep_ not in ("compound", "amod", "nummod", "det", "flat", "poss", "nmod"):
                break
            if head.i == tok.i or not (lo <= head.i < hi) or head.pos_ not in ("PROPN", "NOUN"):
                break
            if self.is_cue(head):
                break
            tok = head
        return tok

    def phrase(self, head: Token, lo: int, hi: int, cue, how: str) -> Attribution:
        # "The leader of Ennahda, Rachid Ghannouchi, …": the name in apposition is the speaker
        if head.pos_ == "NOUN":
            for tok in head.subtree:
                apposed = tok.dep_ == "appos" and tok.pos_ == "PROPN" and head.i < tok.i < hi
                if apposed and (tok.ent_type_ == "PERSON" or tok.head.i == head.i):
                    head = tok
                    break
        # the phrase always holds its head, even where a broken parse puts the head before lo
        start = min(head.i, max(lo, head.left_edge.i))
        end = head.i + 1
        for child in head.rights:
            if child.dep_ not in PHRASE_RIGHT or child.i >= hi:
                break
            end = max(end, min(hi, child.right_edge.i + 1))
        doc = self.doc
        lead_words = ("as", "and", "but", "while", "then", "so", "however", "also")
        while start < head.i and (
            doc[start].is_punct or doc[start].is_space or doc[start].lower_ in lead_words
        ):
            start += 1
        # a comma inside the left edge means the phrase took in an earlier clause
        for i in range(head.i - 1, start - 1, -1):
            if doc[i].text in (",", "—", "–", "(", ":", ";") or self.in_quote[i]:
                start = i + 1
                break
        while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        return Attribution(head=head, start=start, end=end, cue=cue, how=how)
