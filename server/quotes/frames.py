"""Pass 2, attribution frames: the speaker phrase and the reporting cue of each quotation.

For every quotation the module looks in two frames of text outside quotation marks, within its
paragraph: the stretch of the sentence before the quote (`X said: “…”`, `X said it was “…”`,
between the two halves of a split quote) and the clause after it (`“…,” said X, who …`). In a
frame it finds a reporting verb from `data/quotes/speech_verbs.txt` (or "according to") and takes
the verb's subject from the dependency parse, falling back to the nearest noun phrase when the
parse has none. Carrying a speaker over to quotes that have no frame of their own (continuations,
paragraph-long quotes) is `carryover.py`'s job.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Token

from .kinds import classify, is_age_noun, is_poll_share, is_pronoun
from .lexicon import chant_words, issuing_verbs, person_class, speech_act_nouns, speech_verbs, statement_nouns, word_set
from .model import Attribution, Frame, How, QuotedSpan, SpeakerKind
from .rules import (
    APPOSITION_WORDS,
    CHANT_GAP,
    CLIMB_STEPS,
    EXTEND_LEFT,
    MAX_AFTER,
    MAX_BEFORE,
    NEAR_FRAME,
    NEAREST_NOUN,
    SENTENCE_AHEAD,
    SENTENCE_BACK,
    GOVERN_SCAN,
    GOVERN_STEPS,
    INNER_QUOTE_TOKENS,
    MAX_AFTER_APPOSITION,
    NAME_WORDS,
    SHORT_CAPITALS,
    SUBJECT_CLIMB,
)

TERMINATORS = {".", "!", "?", "…"}
DASHES = ("—", "–", "-")
OBJECTS = frozenset({"dobj", "pobj", "dative", "attr", "oprd", "npadvmod"})  # never a subject
PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})  # entity labels that never speak
NOUNISH = {"PROPN", "NOUN", "PRON"}
# Penn tags of words that open a sentence but never a speaker's name: determiners, possessives,
# prepositions, conjunctions, adverbs, "there" ("All of the sailors …", "Her husband …")
SENTENCE_OPENING_TAGS = frozenset({"DT", "PDT", "PRP$", "IN", "CC", "EX", "RB", "WDT", "WRB"})
# dependents of a speaker's head that belong to the speaker phrase when they follow it
PHRASE_RIGHT = {"prep", "compound", "flat", "nummod", "amod", "case", "pobj", "nmod", "npadvmod"}



class Frames:
    """Token bookkeeping for one document and its quotations."""

    def __init__(self, doc: Doc, quotes: list[QuotedSpan], text: str | None = None):
        self.doc = doc
        self.text = doc.text if text is None else text  # Doc.text joins every token: once
        self.quotes = quotes
        self.starts = [t.idx for t in doc]
        self.in_quote = bytearray(len(doc))
        self.quote_of = array("l", [-1]) * len(doc)  # the index of the quote holding each token
        self.ranges = []
        for k, q in enumerate(quotes):
            lo = bisect_left(self.starts, q.start)
            hi = bisect_left(self.starts, q.end)
            for i in range(lo, hi):
                self.in_quote[i] = 1
                self.quote_of[i] = k
            self.ranges.append((lo, hi))
        self.verbs = speech_verbs()
        self._after: dict[int, tuple[int, int]] = {}
        # words of the article's person and organisation names, for a headline's "Trump:"
        # that the tagger read as a common noun
        self.name_words = {t.text for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e}

    # -- frames -----------------------------------------------------------------------------

    def before(self, k: int) -> tuple[int, int]:
        """Tokens of the quote's sentence before it, back to a sentence end or paragraph start."""
        lo, _ = self.ranges[k]
        return self.sentence_before(lo)

    def sentence_before(self, end: int) -> tuple[int, int]:
        i = end - 1
        floor = max(0, end - SENTENCE_BACK)
        while i >= floor:
            tok = self.doc[i]
            if self.in_quote[i]:
                k = self.quote_of[i]
                q_lo, q_hi = self.ranges[k]
                if q_hi - q_lo > INNER_QUOTE_TOKENS or q_lo <= floor or not self._inside(k):
                    break  # the quotation before
                i = q_lo - 1  # a name or a scare quote inside the sentence (star of “Scandal,”)
                continue
            if "\n" in tok.text or (tok.text in TERMINATORS and tok.pos_ == "PUNCT"):
                break
            i -= 1
        return i + 1, end

    def _inside(self, k: int) -> bool:
        """A short quote that lies inside a sentence about something else (a name, a scare
        quote: "Washington, star of “Scandal,” thanked …"), not one ending its sentence or
        followed by its own report ("calling Trump “an orange buffoon,” Susan said")."""
        q = self.quotes[k]
        inner = self.text[q.start : q.end].rstrip("”\"'’»› ")
        if inner.endswith((".", "!", "?", "…")):
            return False
        return not inner.endswith(",") or self.adjoining_after(k) is None

    def after(self, k: int) -> tuple[int, int]:
        """Tokens after the quote up to the end of its sentence, the paragraph or the next quote
        (worked out once a quote: several frames read it)."""
        if k not in self._after:
            self._after[k] = self._after_frame(k)
        return self._after[k]

    def _after_frame(self, k: int) -> tuple[int, int]:
        _, hi = self.ranges[k]
        i = hi
        n = len(self.doc)
        ceiling = min(n, hi + SENTENCE_AHEAD)
        while i < ceiling:
            tok = self.doc[i]
            if self.in_quote[i]:
                q_lo, q_hi = self.ranges[self.quote_of[i]]
                if q_hi - q_lo > INNER_QUOTE_TOKENS:
                    break  # the next quotation
                i = q_hi  # a name in quotes inside the attribution (wearing “Ted Cruz” pins)
                continue
            if "\n" in tok.text:
                break
            i += 1
            if (tok.text in TERMINATORS and tok.pos_ == "PUNCT"):
                break
        return hi, i

    # -- cues and speakers --------------------------------------------------------------------

    def is_cue(self, tok: Token) -> bool:
        if tok.lower_ in ("put", "puts") and tok.i + 1 < len(self.doc) and (
            self.doc[tok.i + 1].lower_ == "it"
        ):
            return True  # "as Dana Milbank puts it, “…”"
        star = self.verbs.get(tok.lower_)
        if star is None:
            # "Trump issued a statement, “…”", "the DNC released a letter:" — a verb putting out
            # a text of the subject's own words reports them
            # (a verb that puts the text out: "loved the letter", "had prepared a statement",
            # "noticed a post by …" report nobody's words)
            return tok.pos_ == "VERB" and tok.lower_ in issuing_verbs() and any(
                c.dep_ == "dobj" and c.lower_ in statement_nouns() for c in tok.children
            )
        if tok.dep_ == "xcomp" and tok.head.i != tok.i and tok.head.lower_ in word_set("refusal_verbs"):
            return False  # "a spokesman declined to comment", "she refused to say": no words
        if tok.lower_ == "called" and tok.i > 0 and self.doc[tok.i - 1].lower_ in word_set("so_called"):
            return False  # "the so-called “…”": a name for it, nobody speaking
        return star or tok.tag_.startswith("VB") or tok.pos_ in ("VERB", "AUX")

    def is_according(self, i: int) -> bool:
        doc = self.doc
        return doc[i].lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to"

    def _object_owner(self, obj: Token, lo: int, hi: int) -> Token | None:
        """A guessed speaker that is another verb's object ("Trump cast the blame on his
        rivals, and emphasized …") stands for the subject of that verb, if it can speak."""
        verb = obj.head.head if obj.dep_ == "pobj" and obj.head.dep_ == "prep" else obj.head
        if verb.pos_ not in ("VERB", "AUX") or verb.i == obj.i:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or not lo <= subj.i < hi or self.in_quote[subj.i] or not could_speak(subj):
            return None
        return subj

    def quote_top(self, k: int) -> Token | None:
        """The first token of quotation k whose syntactic head lies outside it: where the quote
        hangs from the sentence around it."""
        q_lo, q_hi = self.ranges[k]
        return next((self.doc[i] for i in range(q_lo, min(q_hi, q_lo + GOVERN_SCAN))
                     if not q_lo <= self.doc[i].head.i < q_hi), None)

    def _governing_cue(self, k: int, lo: int, hi: int) -> tuple[Token, Token] | None:
        """The reporting verb the quotation hangs from in the parse, the first up its chain of
        heads, and that verb's subject, both in the frame: the report whose words the quote
        is, rather than the nearest reporting verb ("women who complained about …")."""
        cur = self.quote_top(k)
        if cur is None:
            return None
        for _ in range(GOVERN_STEPS):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if not lo <= cur.i < hi or self.in_quote[cur.i]:
                return None
            if cur.pos_ not in ("VERB", "AUX") or not self.is_cue(cur):
                continue
            subj = self.subject_of(cur)
            if subj is None or self.in_quote[subj.i] or not lo <= subj.i < hi:
                return None
            if subj.lower_ in word_set("not_subject") or not could_speak(subj):
                return None
            return cur, subj
        return None

    def passive_agent(self, k: int) -> Attribution | None:
        """"The plan has been called “a giveaway” by Democrats", "often labeled as a “witch
        hunt” by critics": a passive reporting or naming verb that the quote hangs from, and
        "by X" right after the closing mark (the parse often hangs it from the quoted noun,
        not the verb): X is the source."""
        lo, hi = self.after(k)
        doc = self.doc
        i = lo
        while i < hi and doc[i].is_punct and doc[i].text not in (",", "."):
            i += 1  # a closing mark the tokenizer split off
        if i >= hi or doc[i].lower_ != "by" or doc[i].pos_ != "ADP":
            return None
        verb = self._passive_cue(k)
        if verb is None:
            return None
        agent = next((c for c in doc[i].children if c.dep_ == "pobj" and i < c.i < hi), None)
        if agent is None or self.in_quote[agent.i] or not could_speak(agent):
            return None
        return self.phrase(agent, i + 1, hi, (verb.i, verb.i + 1), How.AFTER)

    def _passive_cue(self, k: int) -> Token | None:
        """The passive reporting verb before quotation k that it hangs from ("was called",
        "labeled as"), within the sentence before the quote."""
        lo, _ = self.before(k)
        cur = self.quote_top(k)
        for _ in range(GOVERN_STEPS):
            if cur is None or cur.head.i == cur.i:
                return None
            cur = cur.head
            if not lo <= cur.i < self.ranges[k][0] or self.in_quote[cur.i]:
                return None
            if cur.pos_ in ("VERB", "AUX") and self.is_cue(cur):
                passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cur.children) or (
                    cur.tag_ == "VBN" and cur.dep_ in ("acl", "relcl", "advcl")) or (
                    # "Boasting …, called the “Crossroads of America” by the citizens": a
                    # participle the parser read as a finite verb, with no subject of its own (a
                    # participial phrase taken for one is none)
                    cur.tag_ in ("VBD", "VBN") and cur.dep_ != "ROOT" and not any(
                        c.dep_ in ("nsubj", "expl") and c.pos_ != "VERB" for c in cur.children))
                return cur if passive else None
        return None

    def according_after(self, k: int) -> Attribution | None:
        """"according to X" in the clause after the quote."""
        lo, hi = self.after(k)
        return self._according_in(lo, hi, "after") if lo < hi else None

    def _according_in(self, lo: int, hi: int, side: str) -> Attribution | None:
        """"according to X" anywhere in the frame: the report the writer relies on, whoever
        it says spoke ("… the pope told reporters, according to Reuters")."""
        span = range(max(lo, hi - MAX_BEFORE), hi - 1) if side == "before" else range(
            lo, min(hi - 1, lo + MAX_AFTER_APPOSITION))
        for i in span:
            if self.in_quote[i] or not self.is_according(i):
                continue
            head = self.pobj(self.doc[i + 1], lo, hi)
            if head is not None and not self.in_quote[head.i]:
                how = How.ACCORDING_BEFORE if side == "before" else How.ACCORDING_AFTER
                return self.phrase(head, lo, hi, (i, i + 2), how)
        return None

    def words_of(self, i: int) -> tuple[Token, tuple[int, int]] | None:
        """"in the words of an adviser" / "in his words": the owner of the words and the cue."""
        doc = self.doc
        tok = doc[i]
        if tok.lower_ not in ("words", "word") or i < 1:
            return None
        j = i - 1
        owner = self._possessor(tok)
        if owner is not None:
            j = owner.left_edge.i - 1  # "in his words", "in Smith’s words", "in Forbes’ words"
        elif doc[j].lower_ == "the":
            j -= 1
        if j < 0 or doc[j].lower_ != "in":
            return None
        if owner is None:
            if i + 1 >= len(doc) or doc[i + 1].lower_ != "of":
                return None
            owner = next((c for c in doc[i + 1].children if c.dep_ == "pobj"), None)
            if owner is None:
                return None
            return owner, (j, i + 2)
        return owner, (j, i + 1)

    def _possessor(self, noun: Token) -> Token | None:
        """The owner in a possessive before `noun`: "his", "Smith’s", "the president’s own", and
        "Forbes’" or "the governors’" with the bare apostrophe of a word ending in s."""
        for child in noun.lefts:
            if child.dep_ == "poss" or child.tag_ == "PRP$":
                return child
        i = noun.i
        if i >= 2 and self.doc[i - 1].text in ("’", "'") and not self.in_quote[i - 1]:
            owner = self.doc[i - 2]  # the parse often leaves the bare apostrophe a lone mark
            if owner.is_alpha and owner.text[-1:] in ("s", "S"):
                return owner
        return None

    def attribute(self, k: int, side: str) -> Attribution | None:
        lo, hi = self.before(k) if side == "before" else self.after(k)
        if lo >= hi:
            return None
        positions = range(hi - 1, lo - 1, -1) if side == "before" else range(lo, hi)
        quote_text = self.text[self.quotes[k].start : self.quotes[k].end]
        ends_sentence = quote_text.rstrip("”\"'’»› ").endswith((".", "!", "?"))
        comma_ended = quote_text.rstrip("”\"'’»› ").endswith((",", "?", "!", "—"))
        according = self._according_in(lo, hi, side)
        if according is not None:
            return according  # “…,” Sanders said, according to CNN: the outlet is the source
        if side == "before":
            introducer = self._introducing_verb(lo, hi)
            if introducer is not None:
                return introducer
        for i in positions:
            if side == "before" and hi - i > MAX_BEFORE:
                break
            if side == "after" and i - lo > (MAX_AFTER_APPOSITION if comma_ended else MAX_AFTER):
                break
            if self.in_quote[i]:
                continue
            words_of = self.words_of(i)
            if words_of is not None:
                head, cue = words_of
                if lo <= head.i < hi and not self.in_quote[head.i]:
                    return self.phrase(head, lo, hi, cue, How.WORDS_OF)
                continue
            if self.is_according(i):
                head = self.pobj(self.doc[i + 1], lo, hi)
                if head is not None:
                    return self.phrase(head, lo, hi, (i, i + 2), How.ACCORDING_BEFORE if side == "before" else How.ACCORDING_AFTER)
                continue
            tok = self.doc[i]
            if side == "after" and comma_ended and self._report_read_as_noun(tok, hi):
                noun_report = self._noun_report_subject(lo, tok)
                if noun_report is not None:
                    return noun_report
            if side == "before" and (misread := self._clause_verb_read_as_noun(tok, lo, hi)) is not None:
                return misread  # "The campaign projects: “…”"
            if side == "after" and comma_ended and self._quote_clause_of_noun(tok, lo):
                # "“…,” Jane Roe forecast on Tuesday.": the quote's clause hangs from a word the
                # tagger read as a noun; a noun takes no clause, so it is the report's verb
                subj = next((c for c in tok.children if c.dep_ == "nsubj" and lo <= c.i < tok.i), None)
                if subj is not None and could_speak(subj):
                    return self.phrase(subj, lo, hi, (tok.i, tok.i + 1), How.AFTER)
                noun_report = self._noun_report_subject(lo, tok)
                if noun_report is not None:
                    return noun_report
            if not self.is_cue(tok):
                continue
            if side == "after" and self._introduces_next(tok, hi):
                continue  # "“…?” A council spokesman said: “…”": the next quote's report
            apposed = self._apposed_name(lo, i) if side == "after" else None
            if side == "after" and not (comma_ended and i == lo) and apposed is None and (
                self._has_own_complement(tok, lo, hi, ends_sentence)
            ):
                continue  # "The report highlights that …": a new sentence, not attribution
            head = self.subject_of(tok)
            if head is not None and tok.tag_ == "VBG" and tok.dep_ == "advcl" and not could_speak(head):
                head = self._speaker_before_participle(tok, lo) or head
            if apposed is not None and (head is None or not lo <= head.i < i):
                head = apposed  # “…!” Murphy, the head of the PAC, tweeted (parsed as Murphy's acl)
            if head is not None and not (lo <= head.i < hi) and not self._near(head, lo, hi):
                head = None
            if head is not None and is_dateline(head):
                head = None
            if side == "after" and i - lo > MAX_AFTER and (head is None or not lo <= head.i < i):
                continue  # far from the quote, only after a long apposition to its subject
            if head is None or self.in_quote[head.i]:
                head = None if self._is_passive_or_participle(tok) else (
                    self._nearest_noun(tok, lo, hi, side)
                )
                inverted = side == "after" and head is not None and head.i > tok.i  # “…,” read the email
                if head is not None and not inverted and head.dep_ in OBJECTS and not could_speak(
                    self.phrase(head, lo, hi, None, How(side)).head
                ):
                    head = None  # a guess that is some verb's object ("to stop the ruckus")
                elif head is not None and not inverted and head.dep_ in OBJECTS:
                    head = self._object_owner(head, lo, hi) or head
            if head is None:
                continue
            if head.lower_ in word_set("relative") and head.head.i != head.i:
                continue
            if head.pos_ == "NOUN" and head.dep_ in OBJECTS and not could_speak(head):
                # "Sanders is releasing a new ad that urges voters to “…”": whose ad it is
                head = self._object_owner(head, lo, hi) or head
            if side == "before" and self._second_main_clause(k, tok, weak=head is not None and (
                    not could_speak(head) and head.pos_ != "PROPN")):
                continue  # "Cruz pledged to … and he has used it to …, for not “…”": he's
            if side == "before":
                adjoining = all(t.is_punct or t.is_space for t in self.doc[tok.i + 1 : hi])
                governor = None if adjoining else self._governing_cue(k, lo, hi)
                if governor is not None and governor[0].i != tok.i:
                    tok, head = governor  # "Stevens said the way … women who complained … “…”"
                outer = self._outer_reporter(tok, lo, hi) or self._naming_owner(tok, head, lo, hi)
                if outer is not None:
                    tok, head = outer  # "Kasich says he’d … tell him “…”": Kasich's words
                after = self.report_after(k, tok)
                if after is not None:
                    return after  # "X would do well to begin “…” to Y, said Z": Z's words
            att = self.phrase(head, lo, hi, (tok.i, tok.i + 1), How(side))
            return self._poll_of_share(att, lo) or att
        if side == "after" and quote_text.rstrip("”\"'’»› ").endswith((",", "?", "!", "—")):
            return self._comma_clause(lo, hi)
        return None

    def _introduces_next(self, verb: Token, hi: int) -> bool:
        """A report after a quote that ends on a colon, with nothing between the verb and the
        colon but its subject ("A council spokesman said:", "said a spokesman:"): it opens what
        follows the colon, not the quote before it."""
        doc = self.doc
        if hi - 1 <= verb.i or doc[hi - 1].text != ":":
            return False
        subj = nearest_subject(verb)
        own = set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()
        return all(doc[i].is_punct or doc[i].is_space or i in own for i in range(verb.i + 1, hi - 1))

    def _second_main_clause(self, k: int, cue: Token, weak: bool = False) -> bool:
        """Does quotation k hang, before it reaches `cue`, from a second main clause joined after
        the cue, or a clause of concession hung right on it, with a subject of its own that can
        speak ("Cruz pledged to visit … and he has long used that fact to bludgeon rivals for
        not campaigning “…”", "Roe decided not to recommend … even though she found “…”")?
        Then the cue reports its own clause, not the quote. With `weak` (the cue's subject is a
        thing: "The confrontation echoes a controversy in June when Mr. Trump assailed a judge
        for his “…”") any clause of time or relative clause on the way with such a subject counts."""
        q_lo, _ = self.ranges[k]
        cur = self.quote_top(k)
        for _ in range(GOVERN_STEPS):
            if cur is None or cur.head.i == cur.i:
                return False
            cur = cur.head
            if cur.i == cue.i or self.in_quote[cur.i]:
                return False
            if (cur.dep_ == "conj" or cur.dep_ == "advcl" and cur.head.i == cue.i and self._conceding(cur)
                    or weak and cur.dep_ in ("advcl", "relcl")) and (
                cue.i < cur.i < q_lo and cur.pos_ in ("VERB", "AUX")
            ):
                subj = nearest_subject(cur, left_only=True)
                if subj is not None and cue.i < subj.i < cur.i and not self.in_quote[subj.i] and (
                    could_speak(subj)
                ):
                    return True
        return False

    def _conceding(self, clause: Token) -> bool:
        """A clause of concession ("even though he found …", "although she called …"): set
        against the clause it hangs from, not what that clause's verb reports."""
        return any(c.dep_ == "mark" and c.lower_ in word_set("concession_marks") for c in clause.children)

    def _report_read_as_noun(self, tok: Token, hi: int) -> bool:
        """“…,” a voice-over in the ad states.: a reporting verb's form closing the clause after
        a quote that ends in a comma, right before the sentence's end, that the tagger read as a
        plural noun ("states", "notes", "claims") or the parse hung inside the noun phrase
        before it, with no subject of its own: the report, whose subject is the words before it."""
        doc = self.doc
        nxt = tok.i + 1
        if tok.lower_ not in self.verbs or not (nxt >= hi or doc[nxt].text in TERMINATORS):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            return False  # "“…,” she notes.": a verb with its subject
        # read as a noun, or as a verb the parse hangs inside the noun phrase before it
        # ("an aide to the governor notes" with "notes" the object of "to")
        return tok.tag_ == "NNS" or tok.dep_ in ("pobj", "dobj", "compound", "appos")

    def _quote_clause_of_noun(self, tok: Token, lo: int) -> bool:
        """The sentence's root after a quote ending in a comma is a word tagged as a noun from
        which the quote's own clause hangs as a complement clause ("“…,” Roe forecast.",
        "“…,” the campaign projects."), with no verb between the quote and it."""
        doc = self.doc
        if tok.pos_ not in ("NOUN", "PROPN") or tok.head.i != tok.i or tok.i <= lo:
            return False
        if not any(c.dep_ == "ccomp" and c.i < lo and self.in_quote[c.i] for c in tok.children):
            return False
        return not any(self.in_quote[i] or doc[i].pos_ in ("VERB", "AUX") for i in range(lo, tok.i))

    def _noun_report_subject(self, lo: int, cue: Token) -> Attribution | None:
        """The words between a quote and a report the tagger read as a noun ("“…,” a
        voice-over in the ad states."): one noun phrase, no verb and no quote in it, that can
        speak or is a document; the speaker phrase is all of them, its head the last noun
        before the first preposition (the tagger's heads point at the misread verb)."""
        doc = self.doc
        words = [t for t in doc[lo : cue.i] if not (t.is_punct or t.is_space)]
        if not words or len(words) > MAX_AFTER or any(
            self.in_quote[t.i] or t.pos_ in ("VERB", "AUX") for t in words
        ):
            return None
        first_prep = next((t.i for t in words if t.pos_ == "ADP"), cue.i)
        nouns = [t for t in words if t.i < first_prep and (
            t.pos_ in ("NOUN", "PROPN", "PRON")
            # "a senior official notes": a person noun read as an adjective of the misread verb
            or t.pos_ == "ADJ" and t.head.i == cue.i and person_class(t.lower_)[0] is not None
        )]
        if not nouns:
            return None
        head = nouns[-1]  # the noun before the first preposition: "an aide to the governor"
        if not (could_speak(head) or is_document(head)):
            return None
        return Attribution(head=head, start=words[0].i, end=cue.i, cue=(cue.i, cue.i + 1),
                           how=How.AFTER)

    def _introducing_verb(self, lo: int, hi: int) -> Attribution | None:
        """"When the mayor suggested …, Jane Roe fired back: “…”": a finite verb that ends its
        clause at the colon or comma right before the quote introduces it, whatever the verb
        (a retort, a shrug, a sigh), when its subject is someone who can speak; it wins over a
        reporting verb further back in a clause of its own."""
        doc = self.doc
        i = hi - 1
        while i >= lo and doc[i].is_space:
            i -= 1
        if i < lo or doc[i].text not in (":", ","):
            return None
        i -= 1
        while i >= lo and doc[i].tag_ in ("RB", "RP") and not self.in_quote[i]:
            i -= 1  # "fired back", "shot back", "simply"
        if i < lo or self.in_quote[i]:
            return None
        verb = doc[i]
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or self.is_cue(verb):
            return None  # a reporting verb is the loop's; a participle borrows a subject
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass", "auxpass") for c in verb.children):
            return None  # "… passed the bill, “…”": the verb has its own object
        subj = nearest_subject(verb)
        if subj is None or not lo <= subj.i < verb.i or self.in_quote[subj.i]:
            return None
        if subj.lower_ in word_set("not_subject") or not (
            subj.pos_ == "PROPN" and subj.ent_type_ in ("PERSON", "")
            or is_pronoun(subj) and subj.lower_ != "it"
            or person_class(subj.lower_)[0] is not None
        ):
            return None
        return self.phrase(subj, lo, hi, (verb.i, verb.i + 1), How.BEFORE)

    def trailing_report(self, k: int) -> Attribution | None:
        """A report closing the quote's sentence, set off by a comma: "The lack of polling
        places was “particularly burdensome” on minorities, the lawsuit alleges." The verb's
        subject follows the comma and nothing but adverbials follows the verb."""
        lo, hi = self.after(k)
        doc = self.doc
        if lo >= hi or doc[hi - 1].text not in TERMINATORS:
            return None  # the sentence runs on past the frame
        for i in range(hi - 2, lo, -1):
            verb = doc[i]
            if self.in_quote[i] or not self.is_cue(verb):
                continue
            subj = nearest_subject(verb, left_only=True)
            if subj is None or self.in_quote[subj.i] or not lo < subj.i < i:
                return None
            first = subj.left_edge.i
            if first <= lo or doc[first - 1].text != "," or not (
                could_speak(subj) or is_document(subj)  # "…, the lawsuit alleges."
            ):
                return None
            if any(c.dep_ in ("ccomp", "dobj", "xcomp", "dative") and c.i < hi for c in verb.rights):
                return None  # "…, the senator told reporters that …": a report of its own
            if verb.right_edge.i < hi - 2:
                return None
            return self.phrase(subj, first, i, (i, i + 1), How.TRAILING)
        return None

    def adjoining_after(self, k: int) -> Attribution | None:
        """The report right after a quote that ends in a comma ("…,” she said", "…,” said
        Kunin"): nothing but the speaker phrase between the closing mark and the verb, or the
        verb first. Such a report is the quote's own even when the sentence before it has a
        speaker too ("In her speech, Rhimes declared …: “…,” she said")."""
        q = self.quotes[k]
        if not self.text[q.start : q.end].rstrip("”\"'’»› ").endswith(","):
            return None
        att = self.attribute(k, "after")
        if att is None or att.how is not How.AFTER or att.cue is None:
            return None
        lo, hi = self.after(k)
        verb = att.cue[0]
        if self.doc[verb].tag_ == "VBG" or self.doc[hi - 1].text == ":":
            return None  # "…,” stating that …", "…,” Trump said: “…”: a clause, the next quote's
        own_subject = att.head.dep_ in ("nsubj", "nsubjpass") and att.head.head.i == verb
        if not own_subject and self._opens_after_cue(k):
            return None  # "Someone shouted, “Roe,” Smith joked, “…”": the shout's own words
        # "…,” as committee chairman Jane Roe told the Weekly": the marker of the report's
        # clause may come first
        start = lo + 1 if (self.doc[lo].lower_ == "as" and self.doc[lo].dep_ == "mark"
                           and self.doc[lo].head.i == verb) else lo
        if verb == start or (att.start == start and att.end == verb):
            return att
        return None

    def _opens_after_cue(self, k: int) -> bool:
        """Does quotation k open right after a reporting verb of its own sentence ("A man in
        the crowd yelled, “…”"), only a comma or colon between? Then the quote is that verb's
        report, whatever report follows it."""
        doc = self.doc
        lo, hi = self.before(k)
        i = hi - 1
        while i >= lo and (doc[i].is_punct or doc[i].is_space) and not self.in_quote[i]:
            i -= 1
        return i >= lo and not self.in_quote[i] and doc[i].pos_ == "VERB" and self.is_cue(doc[i])

    def _comma_clause(self, lo: int, hi: int) -> Attribution | None:
        """“…,” Badenoch shot back: a quote ending in a comma is followed by its attribution,
        whatever the verb; its subject is the speaker (on a broken parse, the name between the
        quote and the verb: “…,” Trump barked). Not when the quote lies in a clause of the
        sentence's opening that hangs from that verb ("When he ran on the “forgotten middle
        class,” Mrs. Clinton was in school"): the clause after it is the main clause."""
        k = self.quote_of[lo - 1] if lo > 0 else -1
        closed = k >= 0 and self.text[self.quotes[k].start : self.quotes[k].end].rstrip(
            "”\"'’»› ").endswith(("?", "!"))
        dashes = ("—", "–", "--")
        q_lo = self.ranges[k][0] if k >= 0 else 0
        # "When Roe wrapped up — “…!” — the balloons fell": a quote set between dashes is an
        # aside of its sentence; the clause after the second dash is the sentence's own
        aside = k >= 0 and q_lo > 0 and self.doc[q_lo - 1].text in dashes and self.doc[lo].text in dashes
        # "“Is there any hope?” All of the sailors perished": after a question or an exclamation
        # the report goes on in lower case ("“Why?” she shot back") or with a name ("Hannity
        # pressed", which the model may tag a common noun); a capital determiner, preposition
        # or adverb opens the next sentence, whose verb is no report unless it is a reporting
        # verb ("“Why?” The senator asked.")
        new_sentence = closed and lo < hi and self.doc[lo].text[:1].isupper() and (
            self.doc[lo].tag_ in SENTENCE_OPENING_TAGS)
        for i in range(lo, min(hi, lo + MAX_AFTER)):
            tok = self.doc[i]
            if tok.pos_ != "VERB":
                continue
            if not self.is_cue(tok) and lo > 0 and self._in_opening_clause(self.quote_of[lo - 1], tok):
                return None
            if (aside or new_sentence) and self.verbs.get(tok.lower_) is None:
                return None
            if self._introduces_next(tok, hi):
                return None  # "“…?” A council spokesman said: “…”": the next quote's report
            if closed and self.verbs.get(tok.lower_) is None and any(
                c.dep_ == "dobj" and c.i < hi for c in tok.rights
            ):
                # "“Mr. Roe?” I had prepared a statement": a question or an exclamation ends
                # its sentence; a clause after it whose verb is no reporting verb and does
                # something to an object is a new sentence, not its report ("“Why?” she shot
                # back" has none)
                return None
            for child in tok.children:
                if child.dep_ in ("nsubj", "nsubjpass") and lo <= child.i < hi and (
                    not self.in_quote[child.i]
                ):
                    if child.pos_ in ("PUNCT", "SYM"):
                        continue
                    if child.lower_ in word_set("not_subject"):
                        return None
                    return self.phrase(child, lo, hi, (i, i + 1), How.AFTER_CLAUSE)
            name = self._modal_name(tok)
            if name is not None and lo <= name.i < hi:
                return self.phrase(name, lo, hi, (i, i + 1), How.AFTER_CLAUSE)  # “…,” Will urged
            if i == lo:
                # “…,” exhorted Clinton's introducer, actress Jamie Lee Curtis: the verb comes
                # first, and a parser reading no subject takes the speaker for its object
                q_lo, q_hi = self.ranges[self.quote_of[lo - 1]] if lo > 0 else (lo, lo)
                obj = next((c for c in tok.rights if c.dep_ in ("dobj", "attr", "npadvmod")
                            and c.i < hi and not self.in_quote[c.i]), None)
                if obj is None or q_hi - q_lo <= INNER_QUOTE_TOKENS:
                    return None  # “Scandal,” thanked Obama: a title, not a quote and its source
                att = self.phrase(obj, lo, hi, (i, i + 1), How.AFTER_CLAUSE)
                return att if could_speak(att.head) else None
            before = [t for t in self.doc[lo:i] if not (t.is_punct or t.is_space)]
            if before and all(t.pos_ == "PROPN" or t.dep_ == "compound" for t in before) and (
                could_speak(before[-1])
            ):
                return Attribution(head=before[-1], start=before[0].i, end=before[-1].i + 1,
                                   cue=(i, i + 1), how=How.AFTER_CLAUSE)
            return None
        return None

    def _in_opening_clause(self, k: int, verb: Token) -> bool:
        """Does quotation k hang from `verb`, after it, only through an adverbial clause that
        opens before the quote ("When he ran on the “…,” Mrs. Clinton was …": "ran" is a clause
        of "was"), or through a clause opening with its conjunction before the quote however
        the parse joins it ("…, and though the group is “…,” she may split")? Then the quote is
        that clause's, and `verb` is no report of it."""
        if k < 0:
            return False
        q_lo, _ = self.ranges[k]
        cur = self.quote_top(k)
        subordinate = False  # a clause on the way opens with its conjunction ("and though X is “…”")
        for _ in range(GOVERN_STEPS):
            if cur is None or cur.head.i == cur.i:
                return False
            # the clause opens before the quote: its verb, or its conjunction or subject, is there
            opening = any(
                t.i < q_lo and not self.in_quote[t.i] and (t is cur or t.dep_ in ("mark", "nsubj", "nsubjpass"))
                for t in (cur, *cur.children)
            )
            subordinate = subordinate or any(
                c.dep_ == "mark" and c.i < q_lo and not self.in_quote[c.i]
                and c.lower_ not in ("that", "to")
                for c in cur.children
            )
            if cur.head.i == verb.i:
                return opening and (cur.dep_ == "advcl" or subordinate)
            cur = cur.head
        return False

    def _outer_reporter(self, verb: Token, lo: int, hi: int) -> tuple[Token, Token] | None:
        """The outermost reporting verb, within the frame, whose clause holds `verb`, and its
        subject: in "McConnell says that … Obama is giving them “…”", "Trump argued that a
        database would …, saying it’s “…”" the report is the sentence subject's, the inner
        clause is what they said."""
        found = None
        cur = verb
        for _ in range(GOVERN_STEPS):
            if cur.head.i == cur.i or self.own_event(cur):
                break  # "…, which he called “…”", "while Cruz said that …": its own report
            if cur.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                break  # "Cruz accuses Obama of … and Trump says …": a second report, Trump's
            if cur.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in cur.children):
                break  # "…, with Sen. Roe telling reporters …": a clause of its own in a phrase
            cur = cur.head
            if not (lo <= cur.i < hi) or self.in_quote[cur.i]:
                break
            if cur.pos_ not in ("VERB", "AUX") or not self.is_cue(cur):
                continue
            if self._reports_own_quote(cur, verb):
                break  # "Someone shouted, “Roe,” Smith joked, “…”": the shout's words are its own quote
            subj = self.subject_of(cur)
            if subj is None or self.in_quote[subj.i] or not (lo <= subj.i < hi):
                continue
            if subj.dep_ == "pobj" and subj.head.dep_ == "agent" and self._borrows_patient(verb, cur):
                continue  # "Roe was shouted down by fans after telling them …": Roe's words
            if subj.lower_ in word_set("not_subject") or is_dateline(subj) or not (
                could_speak(subj) or subj.pos_ == "PROPN"  # a surname the model took for a place
            ):
                continue
            found = (cur, subj)
        return found

    def _reports_own_quote(self, outer: Token, inner: Token) -> bool:
        """Does a quotation open right after the outer reporting verb (its comma or colon
        stepped over), before the inner verb? Then that quotation is what the outer verb
        reports, and the inner verb's report is a second speaker's ("A man in the crowd yelled,
        “Roe,” Smith joked, “…”": the parse often hangs the second report from the first)."""
        doc = self.doc
        i = outer.i + 1
        while i < inner.i and doc[i].is_punct and not self.in_quote[i]:
            i += 1
        return i < inner.i and bool(self.in_quote[i])

    def closing_report(self, k: int) -> Attribution | None:
        """The sentence ends in its own report, set off by a comma ("The promise to “take our
        country back” appeals to voters who …, said Alan Abramowitz, a demographer."): the
        sentence's root is that reporting verb, after the quote, with its subject after the
        comma (inverted, or "…, Roe said."). Whatever the parse made of the words between, the
        whole sentence is what the reporter said, the quote in it too."""
        lo, hi = self.after(k)
        doc = self.doc
        for i in range(lo, hi):
            verb = doc[i]
            if verb.dep_ != "ROOT" or self.in_quote[i]:
                continue
            if not (verb.pos_ == "VERB" and self.is_cue(verb)):
                return None
            comma = next((j for j in range(i - 1, lo - 1, -1) if doc[j].text == "," or not (
                doc[j].pos_ == "PROPN" or doc[j].dep_ in ("compound", "det", "amod", "nsubj"))), None)
            if comma is None or doc[comma].text != "," or self.in_quote[comma]:
                return None
            subj = self.subject_of(verb)
            if subj is None or not comma < subj.i < hi or self.in_quote[subj.i] or not could_speak(subj):
                return None
            if not any(doc[j].text in TERMINATORS for j in range(i + 1, min(len(doc), subj.right_edge.i + 3))):
                return None  # the sentence goes on after the report
            return self.phrase(subj, comma + 1, hi, (i, i + 1), How.AFTER)
        return None

    def report_after(self, k: int, verb: Token) -> Attribution | None:
        """A report after the quote whose complement holds the clause of the verb before it:
        "But Mrs. Clinton would do well to begin “building bridges” to Mr. Sanders, said David
        Axelrod": the sentence is what Axelrod said, and he is the source (the outer report)."""
        lo, hi = self.after(k)
        cur = verb
        for _ in range(GOVERN_STEPS):
            if cur.head.i == cur.i or self.own_event(cur):
                return None
            up = cur.head
            if lo <= up.i < hi:
                if cur.dep_ != "ccomp" or self.in_quote[up.i] or not (
                    up.pos_ in ("VERB", "AUX") and self.is_cue(up)
                ):
                    return None
                subj = self.subject_of(up)
                if subj is None or not lo <= subj.i < hi or self.in_quote[subj.i] or not (
                    could_speak(subj)
                ):
                    return None  # "…, said X", "…, X said": the subject in the frame
                return self.phrase(subj, lo, hi, (up.i, up.i + 1), How.AFTER)
            if up.i >= hi:
                return None  # past the sentence
            cur = up
        return None

    def _naming_owner(self, verb: Token, subj: Token, lo: int, hi: int) -> tuple[Token, Token] | None:
        """"Cruz has railed against what he calls the “Washington cartel”": a personal pronoun
        naming something in a free relative ("what he calls") inside another clause speaks for
        that clause's subject, the one the sentence is about, whom the pronoun stands for."""
        if subj.lower_ not in ("he", "she", "they") or not any(
            c.lower_ == "what" and c.dep_ in ("dobj", "oprd", "nsubjpass") for c in verb.children
        ):
            return None
        found = None
        cur = verb
        for _ in range(GOVERN_STEPS):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if not (lo <= cur.i < hi) or self.in_quote[cur.i]:
                break
            if cur.pos_ not in ("VERB", "AUX"):
                continue
            owner = self.subject_of(cur)
            if owner is not None and owner.lower_ in speech_act_nouns():
                # "Mr. Comey's most surprising suggestion was that … what he called “…”": the
                # owner of the words the clause is
                owner = self._possessor(owner) or owner
            if owner is None or self.in_quote[owner.i] or not lo <= owner.i < hi or is_pronoun(owner):
                continue
            if owner.lower_ in word_set("not_subject") or is_dateline(owner):
                continue
            if _title_clash(subj, owner):
                continue  # "Mrs. Roe had acted in what he called …": he is someone else
            if could_speak(owner) or self.is_cue(cur) and is_document(owner):
                found = (cur, owner)
        return found

    def _borrows_patient(self, inner: Token, passive: Token) -> bool:
        """The inner verb's subject is the passive clause's own subject (its patient): "Roe was
        booed and shouted down by fans after telling them …" — Roe tells, the fans shout."""
        if inner.tag_ != "VBG":
            return False  # a participle borrows its clause's subject; a finite verb has its own
        subj = self.subject_of(inner)
        if subj is None:
            return False
        owners = (passive, passive.head) if passive.dep_ == "conj" else (passive,)
        return any(c.i == subj.i for o in owners for c in o.children if c.dep_ == "nsubjpass")

    def _poll_of_share(self, att: Attribution, lo: int) -> Attribution | None:
        """"The Q poll also finds that … 22 percent say he is “…”", "In a Post-ABC poll, just 8
        percent of Democrats said …": a share of respondents speaks for the poll named before it
        in the sentence, and the poll is the source."""
        if not is_poll_share(self.doc, att.start, att.end, att.head):
            return None
        for i in range(att.start - 1, lo - 1, -1):
            tok = self.doc[i]
            if tok.lower_ in word_set("poll_nouns") and tok.pos_ == "NOUN" and not self.in_quote[i]:
                return self.phrase(tok, lo, att.start, att.cue, att.how)
        return None

    def _apposed_name(self, lo: int, verb: int) -> Token | None:
        """“…” Murphy, the head of Right to Rise USA, tweeted: the words between a quote and
        the verb after it are one proper name and its apposition set off by commas; the name."""
        doc = self.doc
        end = lo
        while end < verb and doc[end].pos_ == "PROPN" and not self.in_quote[end]:
            end += 1
        if end == lo or end >= verb - 1 or doc[end].text != "," or doc[verb - 1].text != ",":
            return None
        name = doc[end - 1]
        for t in doc[lo:verb]:
            top = t
            for _ in range(CLIMB_STEPS * 2):
                if top.i == name.i or not (lo <= top.head.i < verb) or top.head.i == top.i:
                    break
                top = top.head
            if top.i != name.i:
                return None  # a clause of its own, not one noun phrase
        return name

    def own_event(self, clause: Token) -> bool:
        """A clause that reports on its own, not what an outer verb's subject said: a relative
        clause with a subject of its own ("the remarks, which he called …"), a clause of time or
        concession ("as the heckler yelled", "though he said")."""
        if clause.dep_ in ("relcl", "acl"):
            # "a voice that said “…”" reports the outer speaker's words; "Beck, who said" speaks
            return not any(
                c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in clause.children
            )
        return any(c.dep_ == "mark" and c.lower_ in word_set("event_marks") for c in clause.children)

    def _near(self, head: Token, lo: int, hi: int) -> bool:
        """A subject the parse puts just outside the frame, in the same paragraph and outside
        quotes ("was described as “…” by the department")."""
        if self.in_quote[head.i] or head.i < lo - NEAR_FRAME or head.i >= hi + NEAR_FRAME:
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
        for step in range(SUBJECT_CLIMB):
            patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if step > 0 and patient is not None and not self.in_quote[patient.i]:
                # "Roe was booed by the crowd after telling them …": the one who told them
                # is the passive clause's subject, not its agent
                return patient
            # two subjects of one verb is a broken parse ("… in Berea, OH, after winning …, Gov.
            # John Kasich (R-OH), said"): the one nearest the verb is its own, the other last
            own = nearest_subject(verb)
            children = sorted(verb.children, key=lambda c: c.dep_ == "nsubj" and c.i != own.i)
            for child in children:
                if child.dep_ == "nsubj" and (
                    child.pos_ in ("PUNCT", "SYM") or self.in_quote[child.i]
                ):
                    continue  # the parser sometimes makes a quote mark or an emoji the subject
                if child.dep_ == "nsubj":
                    if child.lower_ in word_set("relative") and verb.dep_ == "relcl":
                        return verb.head
                    if child.dep_ == "expl" or child.lower_ == "there":
                        return None
                    return child
                if child.dep_ == "agent":
                    if participle and step > 0 and verb.dep_ == "conj":
                        # "was booed and shouted down by fans after telling …": the conjoined
                        # passive's subject told them, as above
                        first = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
                        if first is not None and not self.in_quote[first.i]:
                            return first
                    for grand in child.children:
                        if grand.dep_ == "pobj":
                            return grand
            if any(c.dep_ in ("nsubjpass", "auxpass", "expl") for c in verb.children):
                return None  # "it was said that …": nobody in particular
            name = self._modal_name(verb)
            if name is not None:
                return name
            age = next((c for c in verb.lefts if is_age_noun(c) and not self.in_quote[c.i]), None)
            if age is None and verb.dep_ == "acl" and verb.head.i < verb.i and is_age_noun(verb.head):
                age = verb.head  # "the 43-year-old asked", the report read as the age's clause
            if age is not None:
                return age
            if verb.dep_ == "xcomp" and verb.head.i != verb.i and not self.is_cue(verb.head):
                # "That record prompted the Atlas to state, “…”": the object of the verb an
                # infinitive hangs from is who does it (not "Trump urged voters to say")
                obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i
                            and not self.in_quote[c.i]), None)
                if obj is not None and could_speak(obj):
                    return obj
            climb = ("advcl", "xcomp", "conj", "acl", "ccomp", "acomp")  # "was quick to add
            if participle:
                climb += ("dobj", "pobj", "prep", "appos", "pcomp")  # "after telling"
            if participle and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and (
                verb.head.dep_ not in ("dobj", "pobj", "dative", "attr", "oprd")
            ):
                return verb.head  # "The leader of Ennahda, …, saying …" (not "emailed supporters saying")
            if verb.dep_ in climb and verb.head.i != verb.i:
                if verb.head.i < verb.i and self._reports_own_quote(verb.head, verb) and (
                    self.in_quote[verb.head.i] or self.is_cue(verb.head)
                ):
                    # "Someone shouted, “Roe,” Smith joked": not the shouter's; a verb outside
                    # the marks that reports nothing ("messages later deemed “top secret,”
                    # saying …") only passes its clause's subject on
                    return None
                conj_into_quote = verb.dep_ == "conj" and not self.in_quote[verb.i] and (
                    self.in_quote[verb.head.i])
                verb = verb.head
                if conj_into_quote:
                    # "Rajoy said that he will “try to form …” and insisted that …": the parse
                    # joins the report to a quoted verb, whose subject is inside what was said;
                    # the report is the one the quoted words hang from
                    for _ in range(GOVERN_STEPS):
                        if not self.in_quote[verb.i] and verb.pos_ in ("VERB", "AUX") and (
                            self.is_cue(verb)
                        ):
                            break
                        if verb.head.i == verb.i:
                            return None
                        verb = verb.head
                    else:
                        return None
                continue
            break
        return None

    def _modal_name(self, verb: Token) -> Token | None:
        """“…,” Will wrote: a capitalised "Will" or "May" inside a sentence, tagged as a modal
        right before a verb in the past, a participle or the third person (which no modal takes
        there), is a name; so is a capitalised adverb or adjective there that is a word of a
        name the article gives a person or organisation ("…, Early described it as “…”")."""
        if verb.tag_ not in ("VBD", "VBZ", "VBN"):
            return None
        for child in verb.lefts:
            if child.dep_ == "aux" and child.tag_ == "MD" and child.is_title and (
                not child.is_sent_start and child.i + 1 == verb.i and not self.in_quote[child.i]
            ):
                return child
            if child.dep_ == "advmod" and child.pos_ in ("ADV", "ADJ") and child.is_title and (
                not child.is_sent_start and child.i + 1 == verb.i and not self.in_quote[child.i]
                and child.text in self.name_words
            ):
                # "…, Early described it as “…”": a name of the article's people read as an
                # adverb, capitalised where no adverb would be
                return child
        return None

    def pobj(self, prep: Token, lo: int, hi: int) -> Token | None:
        """The object of a preposition within [lo, hi) outside the marks ("according to X"): its
        parsed pobj, or else the first noun after it climbed to its phrase."""
        for child in prep.children:
            if child.dep_ == "pobj" and lo <= child.i < hi and not self.in_quote[child.i]:
                return child
        i = prep.i + 1
        while i < hi and self.doc[i].pos_ not in NOUNISH:
            i += 1
        return self._climb(self.doc[i], lo, hi) if i < hi else None

    def _nounish(self, i: int) -> bool:
        tok = self.doc[i]
        if is_age_noun(tok) and not self.in_quote[i]:
            return True  # "the 43-year-old asked", read as an adjective of a date
        if tok.pos_ not in NOUNISH or self.in_quote[i] or tok.lower_ == "it":
            return False
        return tok.ent_type_ not in PLACE_OR_TIME  # not a dateline or a date

    def _nearest_noun(self, verb: Token, lo: int, hi: int, side: str) -> Token | None:
        doc = self.doc
        if side == "after" and verb.pos_ == "NOUN":
            # “…,” the editorial read: the tagger took the report for a noun and its subject for
            # the noun's modifier; a word modifying the cue is the cue's subject
            mod = next((c for c in reversed(list(verb.lefts)) if c.dep_ in ("amod", "compound")
                        and lo <= c.i and not self.in_quote[c.i]), None)  # the nearest
            if mod is not None:
                return mod
        if side == "after":
            # “…,” Hidalgo said: the words between the quote and the verb first
            for i in range(verb.i - 1, lo - 1, -1):
                if self._nounish(i):
                    return self._extend_left(self._climb(doc[i], lo, hi), lo)
        if side == "after" or verb.i == lo:
            for i in range(verb.i + 1, min(hi, verb.i + NEAREST_NOUN)):
                if self._nounish(i):
                    if self._subject_of_own_clause(doc[i], verb):
                        return None  # "“…,” note that he had …": his clause, not the report's subject
                    return self._climb(doc[i], lo, hi)
            return None
        for i in range(verb.i - 1, max(lo, verb.i - NEAREST_NOUN) - 1, -1):
            if self._nounish(i):
                return self._climb(doc[i], lo, hi)
        return None

    def _subject_of_own_clause(self, tok: Token, verb: Token) -> bool:
        """Is `tok`, after the verb, the subject of a "that" clause the verb takes as its
        complement ("note that he had bought …")? Then it says nothing of who reports."""
        clause = tok.head
        return tok.dep_ in ("nsubj", "nsubjpass") and clause.i != verb.i and clause.head.i == verb.i and (
            clause.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" and c.i < tok.i
                                           for c in clause.children)
        )

    def _extend_left(self, tok: Token, lo: int) -> Token:
        """Over "of/for/on/from … the" to the noun a prepositional phrase hangs from, reading
        the words when the parse is broken: "a post on the channel" → "post"."""
        doc = self.doc
        i = tok.i
        while True:
            j = i - 1
            while j >= lo and doc[j].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN") and j > i - EXTEND_LEFT:
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
        for _ in range(CLIMB_STEPS):
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

    def _clause_verb_read_as_noun(self, tok: Token, lo: int, q_lo: int) -> Attribution | None:
        """"The Smith campaign projects that “…”": a finite verb the tagger read as a plural
        noun heading the sentence (its root), told by its place, not by its word: a noun phrase
        before it that ends in a noun hanging from it (its subject, read as a compound) and
        "that" right after it opening the clause the quote is in. Whatever the verb, it reports
        the clause, as a verb read as one does ("The union predicts that “…”"); the speaker is
        the noun phrase before it, when it can speak or is an organisation's or a document's."""
        doc = self.doc
        nxt = tok.i + 1
        if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NNS", "NNPS") or not (
            tok.head.i == tok.i or q_lo <= tok.head.i  # the root, or hung from the quote's clause
        ):
            return None
        that = nxt < q_lo and doc[nxt].lower_ == "that" and doc[nxt].dep_ == "mark"
        colon = nxt < q_lo and doc[nxt].text == ":" and all(doc[i].is_space for i in range(nxt + 1, q_lo))
        if not (lo < tok.i and (that or colon)):
            return None  # ("A senior official notes: “…”", the quote right after the colon)
        subj = doc[tok.i - 1]
        if subj.head.i != tok.i or not (
            subj.dep_ == "compound" and subj.pos_ in ("NOUN", "PROPN")
            # "A senior official forecasts that": a person noun read as an adjective of it
            or subj.dep_ == "amod" and subj.pos_ == "ADJ" and person_class(subj.lower_)[0] is not None
        ):
            return None
        start = tok.left_edge.i
        if start < lo or any(self.in_quote[i] or doc[i].pos_ in ("VERB", "AUX") for i in range(start, tok.i)):
            return None
        if not (could_speak(subj) or is_document(subj)):
            return None  # "The Sanders campaign", "the water board"; not "the summer"
        return Attribution(head=subj, start=start, end=tok.i, cue=(tok.i, nxt), how=How.SUBJECT)

    def phrase(self, head: Token, lo: int, hi: int, cue, how: How) -> Attribution:
        # "The leader of Ennahda, Rachid Ghannouchi, …": the name in apposition is the speaker
        doc = self.doc
        if head.pos_ == "NOUN" and head.dep_ == "appos" and head.head.i < head.i and (
            head.head.pos_ == "PROPN" and not self.in_quote[head.head.i]
            # an apposition never reaches across a quotation: "… between Mr Mugabe and the
            # generals, who want to “…,” a senior political source told Reuters" is the
            # source's, a broken parse hanging it on the name before the quote
            and not any(self.in_quote[i] for i in range(head.head.i + 1, head.i))
        ):
            head = head.head  # "Brent Bozell III, founder of the Media Research Center, tells"
        elif head.pos_ == "NOUN":
            last = min(hi, head.right_edge.i + 1, head.i + APPOSITION_WORDS)
            for tok in doc[head.i + 1 : last]:
                apposed = tok.dep_ == "appos" and tok.pos_ == "PROPN"
                if apposed and (tok.ent_type_ == "PERSON" or tok.head.i == head.i):
                    head = tok
                    break
        # the phrase always holds its head, even where a broken parse puts the head before lo
        start = min(head.i, max(lo, head.left_edge.i))
        if head.i < lo:
            # a subject before the quote its report follows ("Jane Roe, who called it “…,” said"):
            # the whole of its name, not the head alone
            start = head.left_edge.i
        end = head.i + 1
        for child in head.rights:
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.i < hi and any(
                c.dep_ == "agent" for c in child.children
            ):
                # "a court document filed by the state attorney", "audio provided by a radio
                # station": the one by whom the text was made is part of the source
                end = max(end, min(hi, child.right_edge.i + 1))
                continue
            if child.dep_ == "cc" and child.i < hi:
                conj = next((c for c in head.rights if c.dep_ == "conj" and c.i > child.i), None)
                if conj is not None and conj.right_edge.i < hi and doc[conj.right_edge.i].ent_type_ == "PERSON" and (
                    not any(self.in_quote[t.i] for t in conj.subtree)
                ):
                    # "Vice President for news and talk Dave Gorab", "Trump and Jane Roe": a
                    # person named in the coordination is in the phrase
                    end = max(end, conj.right_edge.i + 1)
                    break
            if child.dep_ not in PHRASE_RIGHT or child.i >= hi or (
                child.dep_ == "prep" and child.lower_ == "as"
            ):
                break  # "seen by organizers as a …": what they see it as is no part of them
            end = max(end, min(hi, child.right_edge.i + 1))
        lead_words = word_set("lead")
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
        if cue is not None and doc[cue[0]].dep_ == "relcl" and doc[cue[0]].head.i == head.i:
            # "Mr. Sanders, who said …": the phrase runs to the relative pronoun that speaks
            rel = next((c for c in doc[cue[0]].children if c.dep_ == "nsubj"), None)
            if rel is not None and rel.lower_ in word_set("relative") and end <= rel.i < cue[0]:
                end = rel.i + 1
        return Attribution(head=head, start=start, end=end, cue=cue, how=how)

    def through_relative(self, k: int, att: Attribution) -> Attribution:
        """The speaker phrase run on to the relative pronoun when quotation k lies inside a
        relative clause of the speaker ("Beck, who has described Trump as “…”, said"): that
        clause's subject is the pronoun, and the phrase holds both it and what it stands for."""
        doc = self.doc
        top = self.quote_top(k)
        cur = top
        for _ in range(GOVERN_STEPS):
            if cur is None or cur.head.i == cur.i or cur.head.i == att.head.i:
                break
            cur = cur.head
            ante = cur.head  # the speaker, or a noun in apposition to it ("Reed, a strategist, who")
            if cur.dep_ != "relcl" or self.in_quote[cur.i] or not (
                ante.i == att.head.i or ante.dep_ == "appos" and ante.head.i == att.head.i
            ):
                continue
            rel = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if rel is not None and rel.lower_ in word_set("relative") and att.end <= rel.i < cur.i and (
                all(doc[i].is_punct or doc[i].is_space or ante.left_edge.i <= i <= ante.i
                    for i in range(att.end, rel.i))
            ):
                return Attribution(head=att.head, start=att.start, end=rel.i + 1, cue=att.cue,
                                   how=att.how)
            break
        return att

    def governing(self, k: int, lo: int) -> Attribution | None:
        """The speaker of a quote inside a sentence with no reporting frame next to it: the
        subject of the clause the quote belongs to ("Gov. John Doe thanked the nurses for their
        “quiet courage.”"). Up the quote's chain of syntactic heads, the first reporting verb's
        subject wins ("McConnell says that … Obama is giving them “lectures …”"); else the
        subject of the quote's own clause of time or concession, if it can speak ("… after
        Jane Roe organized a “march …”"); else the nearest clause subject that names a person,
        an organisation or an unnamed source."""
        q_lo, q_hi = self.ranges[k]
        doc = self.doc
        top = self.quote_top(k)
        if top is None:
            return None
        cur = top.head
        root_subject = clause_subject = agent_subject = relative = adverbial_subject = None
        own_main = False
        agent_after = relative_subject = None
        first_clause = True
        for _ in range(GOVERN_STEPS):
            if cur.i < lo:
                break  # before the quote's own sentence (or paragraph)
            if cur.pos_ in ("VERB", "AUX") and not (q_lo <= cur.i < q_hi):
                if agent_after is None:
                    agent_after = self._agent_after_quote(k, cur)
                if first_clause and cur.dep_ == "relcl" and not self.is_cue(cur):
                    relative = self._thing_relative(cur, lo, q_lo)
                own_clause = first_clause and any(c.dep_ == "nsubj" for c in cur.children)
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                    first_clause = False  # a clause of its own (a participle borrows one)
                subj = self.subject_of(cur)
                usable = subj is not None and not self.in_quote[subj.i] and lo <= subj.i < q_lo
                if own_clause and usable and cur.dep_ in ("advcl", "relcl") and any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in word_set("event_marks")
                    and c.i < subj.i for c in cur.children
                ) and could_speak(subj) and not self.is_cue(cur):
                    # "Mr. Trump sent it after Mr. Singer published “…”", "when the party
                    # meets to pick “at-large” delegates": the quote's own clause of time or
                    # concession has a subject who can say the words; the sentence's subject
                    # only frames it (not a condition: "he said she should go if she gave “…”")
                    adverbial_subject = subj
                elif first_clause and cur.dep_ == "acl" and cur.tag_ == "VBG" and not self.is_cue(cur) and (
                    cur.head.dep_ in ("dobj", "attr") and cur.head.pos_ == "NOUN" and lo <= cur.head.i < q_lo
                    and not self.in_quote[cur.head.i] and person_class(cur.head.lower_)[0] is not None
                ):
                    # "The company now has over 170 researchers compiling detailed “…”": the
                    # people the participle describes do what the quote names
                    adverbial_subject = cur.head
                elif own_clause and usable and cur.dep_ == "relcl" and not self.is_cue(cur) and (
                    subj.i == cur.head.i and could_speak(subj) and any(
                        c.dep_ == "nsubj" and c.lower_ in word_set("relative") for c in cur.children)
                ):
                    # "it was Obama who pressed for a “Grand Bargain”": the quote's own clause is
                    # a relative one whose pronoun stands for someone who can speak (when the
                    # sentence's own subject cannot: "it", a thing)
                    relative_subject = subj
                if usable and subj.lower_ not in word_set("not_subject"):
                    if self.is_cue(cur) and adverbial_subject is not None and (
                        adverbial_subject.head.head.i == cur.i and self._conceding(adverbial_subject.head)
                        or not could_speak(subj) and subj.pos_ != "PROPN"
                    ):
                        # "Comey decided not to recommend … even though he found “evidence”":
                        # the quote's own clause of concession has its speaker
                        break
                    if self.is_cue(cur):
                        return self.phrase(subj, lo, q_lo, (cur.i, cur.i + 1), How.SUBJECT)
                    agent = subj.dep_ == "pobj" and subj.head.dep_ == "agent"
                    if agent and agent_subject is None and could_speak(subj) and (
                        subj.pos_ != "PROPN" or subj.ent_type_ not in PLACE_OR_TIME
                    ):
                        agent_subject = subj  # "an option seen by organizers as a “lifeboat”"
                    elif (cur.dep_ in ("ROOT", "conj") or cur.head.i == cur.i) and not own_main:
                        root_subject = subj  # the sentence's own subject, not a clause's
                        # "Cruz pledged … and he has long used it to …": a second main clause
                        # with a subject of its own keeps it over the first's
                        own_main = cur.dep_ == "conj" and subj.dep_ == "nsubj" and subj.head.i == cur.i
                    elif clause_subject is None and subj.pos_ == "PROPN" and cur.dep_ != "relcl" and (
                        could_speak(subj)
                    ):
                        clause_subject = subj  # "While Mr. Ryan … laid out a vision for “…”"
            elif (misread := self._clause_verb_read_as_noun(cur, lo, q_lo)) is not None:
                return misread  # "The Smith campaign projects that “…”"
            elif cur.pos_ == "NOUN" and cur.lower_ in speech_act_nouns() and root_subject is None:
                # "Trump's recent assertion that “thousands” …", "his promise to be “neutral”":
                # the owner of the words
                owner = next((c for c in cur.children if c.dep_ == "poss" and lo <= c.i < q_lo
                              and not self.in_quote[c.i]), None) or self._by_owner(cur, lo, q_lo)
                if owner is not None:
                    return self.phrase(owner, lo, q_lo, None, How.SUBJECT)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        nearest = None
        if relative is not None and agent_subject is None:
            # "legislation which would revoke the clearance of those showing “extreme
            # carelessness”": the quote's own clause is a thing's relative clause, whose words
            # the quote gives; the phrase runs on to the relative pronoun
            return relative
        if agent_subject is not None:
            # the one by whom the quoted view is held, on the quote's own chain of clauses
            nearest = self.phrase(agent_subject, lo, q_lo, None, How.SUBJECT)
        elif agent_after is not None:
            return agent_after
        elif adverbial_subject is not None:
            nearest = self.phrase(adverbial_subject, lo, q_lo, None, How.SUBJECT)
        elif root_subject is not None and (could_speak(root_subject) or is_document(root_subject)):
            nearest = self.phrase(root_subject, lo, q_lo, None, How.SUBJECT)
        elif relative_subject is not None:
            nearest = self.phrase(relative_subject, lo, q_lo, None, How.SUBJECT)
        elif clause_subject is not None:
            nearest = self.phrase(clause_subject, lo, q_lo, None, How.SUBJECT)
        return nearest

    def _agent_after_quote(self, k: int, verb: Token) -> Attribution | None:
        """"The phrase “…” was uttered once, by Mr. Cruz", "the so-called “…” was launched by the
        party": a passive verb on the quote's chain of heads whose agent ("by X") follows the
        quote in its sentence, X someone who can speak: X's words."""
        if not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
            return None
        a_lo, a_hi = self.after(k)
        for by in verb.children:
            if by.dep_ != "agent" or not a_lo <= by.i < a_hi:
                continue
            agent = next((g for g in by.children if g.dep_ == "pobj"), None)
            if agent is None or self.in_quote[agent.i] or not a_lo <= agent.i < a_hi:
                return None
            if not could_speak(agent) or agent.ent_type_ in PLACE_OR_TIME:
                return None
            return self.phrase(agent, by.i + 1, a_hi, (verb.i, verb.i + 1), How.AFTER)
        return None

    def chant_owner(self, k: int, lo: int) -> Attribution | None:
        """A quote right after a chant or cheer word is the chanting group's: "the crowd reprised
        the chant “…”" (the verb's subject), "X roused the crowd to chants of “…”" (the object of
        the verb the chant is the end of), "protesters had gathered, chanting “…”" (the subject of
        the clause the participle follows at a comma), "got the crowd to cheer for “…”"."""
        q_lo, _ = self.ranges[k]
        doc = self.doc
        words = chant_words()
        cue = None
        gap = 0
        for i in range(q_lo - 1, lo - 1, -1):
            tok = doc[i]
            if self.in_quote[i]:
                return None
            if tok.lower_ in words:
                cue = tok
                break
            if tok.is_punct:
                continue
            gap += 1
            if gap > CHANT_GAP:
                return None
        if cue is None:
            return None
        owner = None
        listed = False
        if cue.pos_ in ("VERB", "AUX") or (cue.dep_ == "conj" and cue.head.pos_ == "VERB"):
            # a verb, or a noun the tagger made of one ("to dance and cheer for")
            comma = cue.i - 1
            if cue.tag_ == "VBG" and comma > lo and doc[comma].text == ",":
                # the clause that ends at the comma before the participle chants
                for i in range(comma - 1, lo - 1, -1):
                    verb = doc[i]
                    if self.in_quote[i] or verb.pos_ != "VERB":
                        continue
                    if verb.right_edge.i == comma - 1:
                        subj = nearest_subject(verb)
                        if subj is not None and lo <= subj.i < verb.i and could_speak(subj):
                            owner = subj
                    break
            if owner is None:
                owner = self.subject_of(cue)
        elif cue.pos_ == "NOUN":
            cur = cue
            while cur.dep_ in ("conj", "appos") and cur.head.i != cur.i:
                cur = cur.head
            if cur.dep_ == "dobj":
                owner = self.subject_of(cur.head)  # the crowd reprised the chant
            elif cur.dep_ == "pobj" and cur.head.dep_ == "prep" and cur.head.head.pos_ == "VERB":
                verb = cur.head.head
                obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < cur.i), None)
                if obj is not None and could_speak(obj):
                    owner = obj  # roused the crowd to chants of
                else:
                    owner = self.subject_of(verb)  # joined in a chant of
        if owner is not None and owner.dep_ == "nsubj" and owner.head.dep_ == "relcl" and (
            owner.lower_ not in word_set("relative") and owner.head.head.i < owner.i
            and any(doc[i].text == "," for i in range(owner.head.head.i + 1, owner.i))
        ):
            # "A mix of Sanders supporters, opponents of the drug war and activists joined in a
            # chant": a relative clause's own subject never follows its noun after a comma; the
            # parse broke a list, whose first noun is the clause's subject (a thing or a person)
            owner = owner.head.head
            listed = True
        if owner is None or self.in_quote[owner.i] or not (lo <= owner.i < q_lo):
            return None
        if not could_speak(owner) and not (listed and owner.pos_ == "NOUN"):
            return None
        return self.phrase(owner, lo, q_lo, (cue.i, cue.i + 1), How.BEFORE)

    def _speaker_before_participle(self, participle: Token, lo: int) -> Token | None:
        """"The first incident came during a speech …, when Sanders protesters interrupted her
        speech, shouting “…”": a participle whose borrowed subject cannot speak (the parse hung
        it on a far clause) is the subject's of the nearest clause before it that can."""
        for i in range(participle.i - 1, lo - 1, -1):
            verb = self.doc[i]
            if self.in_quote[i] or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP"):
                continue
            subj = nearest_subject(verb)
            adjoining = verb.right_edge.i + 2 == participle.i and self.doc[verb.right_edge.i + 1].text == ","
            if adjoining and subj is not None and lo <= subj.i < verb.i and not self.in_quote[subj.i] and (
                could_speak(subj)
            ):
                return subj  # the clause ends at the comma before the participle
            return None  # the nearest clause: no other
        return None

    def _by_owner(self, noun: Token, lo: int, hi: int) -> Token | None:
        """"the suggestion by a potential president that someone “…”": the one by whom a
        speech act is made, in a "by" phrase right after its noun."""
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "by"), None)
        if by is None or by.i != noun.i + 1:
            return None
        owner = next((c for c in by.children if c.dep_ == "pobj" and lo <= c.i < hi
                      and not self.in_quote[c.i]), None)
        return owner if owner is not None and could_speak(owner) else None

    def _thing_relative(self, clause: Token, lo: int, hi: int) -> Attribution | None:
        """The antecedent and relative pronoun of a relative clause ("a speech that included
        …") when the antecedent is a thing that can carry words (a document, a speech, a
        bill), not a person: the source phrase of a partial quote in that clause."""
        rel = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        ante = clause.head
        if rel is None or rel.lower_ not in ("which", "that") or not lo <= ante.i < rel.i < hi:
            return None
        if self.in_quote[ante.i] or could_speak(ante) or not is_document(ante):
            return None
        if any(self.in_quote[i] or self.doc[i].text in (";", ":") for i in range(ante.i, rel.i)):
            return None
        start = max(lo, ante.left_edge.i)
        return Attribution(head=ante, start=start, end=rel.i + 1, cue=None, how=How.SUBJECT)

    def credit_after(self, k: int) -> Attribution | None:
        """A credit line after a quotation, with no verb: “…” Ateya, Grade 9 / “…” — Jane Doe."""
        q = self.quotes[k]
        inner = self.text[q.start : q.end].rstrip("”\"'’»› ")
        if not inner.endswith((".", "!", "?", "…")):
            return None
        lo, hi = self.after(k)
        doc = self.doc
        if lo == hi:
            return self._credit_line(hi)
        i = lo
        while i < hi and (doc[i].is_space or doc[i].text in ("—", "–", "-", ",", "(", "[")):
            i += 1
        bracketed = i > lo and doc[i - 1].text == "["  # “…” [WaPo.]: the outlet quoted
        if i >= hi or doc[i].pos_ != "PROPN" or not (
            doc[i].is_title or bracketed and doc[i].text[:1].isupper()
        ):
            return None
        if any(doc[j].pos_ in ("VERB", "AUX") for j in range(lo, hi)):
            return None  # “…” The report highlights that …: a new sentence
        end = i
        while end + 1 < hi and doc[end + 1].pos_ == "PROPN":
            end += 1
        return Attribution(head=doc[end], start=i, end=end + 1, cue=None, how=How.CREDIT)

    def _credit_line(self, i: int) -> Attribution | None:
        """A credit on its own line after the quotation's paragraph: “…”¶ - Bernie Sanders."""
        doc = self.doc
        n = len(doc)
        if i >= n or "\n" not in doc[i].text or i + 2 >= n or doc[i + 1].text not in DASHES:
            return None
        start = end = i + 2
        while end < n and end - start < NAME_WORDS and doc[end].pos_ == "PROPN" and (
            doc[end].text[:1].isupper() and not self.in_quote[end]
        ):
            end += 1
        if end == start:
            return None
        rest = end + (end < n and doc[end].text == ".")
        if rest < n and "\n" not in doc[rest].text:
            return None  # a sentence, not a credit line
        return Attribution(head=doc[end - 1], start=start, end=end, cue=None, how=How.CREDIT)

    def _name_before(self, colon: int, lo: int) -> tuple[int, int] | None:
        """The proper name right before a colon, standing alone: at the frame's start or after a
        dash, a comma or "from" ("Pollsters agree - Carl Bialik:")."""
        doc = self.doc
        i = colon - 1
        words = 0
        while i >= lo and words < NAME_WORDS and (
            self._is_name_word(doc[i]) or doc[i].lower_ == "and" and words > 0 or doc[i].text == "."
        ):
            words += self._is_name_word(doc[i])
            i -= 1
        if words == 0 or not self._is_name_word(doc[i + 1]):
            return None
        if i >= lo and doc[i].text not in ("-", "—", "–", ",", "from", "From", "by"):
            last = doc[colon - 1]
            root = last.head if last.dep_ in ("compound", "flat") else last
            if last.ent_type_ == "PERSON" and not self.in_quote[last.i] and root.dep_ != "pobj" and not (
                root.dep_ in ("dobj", "dative", "iobj") and self.is_cue(root.head)
            ):
                # "… doesn’t surprise Republican pollster Daron Shaw: “…”"; not the one told
                # or asked ("Roe told Doe: “…”": the teller speaks)
                return max(lo, last.left_edge.i), colon
            return None
        return i + 1, colon

    def _is_name_word(self, tok) -> bool:
        if tok.is_punct or not tok.text[:1].isupper():
            return False
        return tok.pos_ == "PROPN" or tok.is_title and tok.text in self.name_words

    def _headline_name(self, lo: int, hi: int) -> Attribution | None:
        """A paragraph opening "Graham: Trump’s ‘Incredibly Hateful Rhetoric’": the headline
        style gives every quote of the line to the name before its colon."""
        doc = self.doc
        if lo > 0 and "\n" not in doc[lo - 1].text:
            return None  # the frame does not open its paragraph
        for i in range(lo, min(hi, lo + NAME_WORDS + 1)):
            if doc[i].text == ":":
                name = self._name_before(i, lo)
                if name is not None and name[0] == lo:
                    return Attribution(head=doc[name[1] - 1], start=name[0], end=name[1],
                                       cue=None, how=How.NAME_COLON)
                return None
        return None

    def name_colon(self, lo: int, hi: int) -> Attribution | None:
        """A proper name standing right before the colon that ends the frame."""
        doc = self.doc
        last = hi - 1
        while last >= lo and doc[last].is_space:
            last -= 1
        if last < lo or doc[last].text != ":":
            return None
        name = self._name_before(last, lo)
        if name is None:
            owner = doc[last - 1] if last - 1 >= lo else None
            if owner is not None and owner.dep_ == "pobj" and owner.head.lower_ == "from" and (
                owner.pos_ in ("NOUN", "PROPN") and not self.in_quote[owner.i]
            ):
                # "From the report: “…”", "More from the council: “…”"
                return self.phrase(owner, owner.head.i + 1, last, None, How.NAME_COLON)
            return None
        return Attribution(head=doc[name[1] - 1], start=name[0], end=name[1], cue=None,
                           how=How.NAME_COLON)

    def _dash_before_statement(self, last: int, hi: int) -> bool:
        """A dash standing for a colon: "Trump also embraced harsh methods -- “I think …”", a
        dash right before a quotation that opens as a sentence."""
        if self.doc[last].text not in ("—", "–", "--") or hi >= len(self.doc):
            return False
        start = self.doc[hi].idx + len(self.doc[hi].text)
        return self.text[start : start + 1].isupper()

    def colon_owner(self, lo: int, hi: int) -> Attribution | None:
        """“The company’s statement was brief: “…”": a colon after a sentence about an owned
        statement, a named subject or an unnamed source introduces that owner's words."""
        doc = self.doc
        last = hi - 1
        while last >= lo and doc[last].is_space:
            last -= 1
        headline = self._headline_name(lo, hi)
        if last < lo or doc[last].text != ":" and not self._dash_before_statement(last, hi):
            return headline
        name = self._name_before(last, lo) if doc[last].text == ":" else None
        if name is not None:
            # "Smith: “…”", "- Carl Bialik: “…”", "More from Jones: “…”": transcript style
            return Attribution(head=doc[name[1] - 1], start=name[0], end=name[1], cue=None,
                               how=How.NAME_COLON)
        author = self._text_author(lo, last)
        if author is not None:
            return self.phrase(author, lo, last, None, How.COLON)
        subjects = [doc[i] for i in range(lo, last)
                    if doc[i].dep_ in ("nsubj", "nsubjpass") and not self.in_quote[i]]
        # the main clause's subject first: "Since she endorsed her, Ms. Warren has … :"
        subjects.sort(key=lambda t: t.head.dep_ != "ROOT")
        for tok in subjects:
            owned = any(c.dep_ == "poss" for c in tok.children)
            named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children)
            if tok.pos_ == "PROPN" or owned or named or (
                is_pronoun(tok) and tok.lower_ not in word_set("not_subject")
            ):
                # "She went on: “…”", "The Clinton campaign … worded it carefully: “…”"
                return self.phrase(tok, lo, last, None, How.COLON)
            # "A Whitehall insider was blunter: ‘…’": an unnamed source introducing its words;
            # "One early supporter, Representative Lee Zeldin, gave it a whirl: ‘…’": a name
            att = self.phrase(tok, lo, last, None, How.COLON)
            if att.head.pos_ == "PROPN" or (
                classify(att.head, att.start, att.end, "") is SpeakerKind.ANONYMOUS
            ):
                return att
        return None

    def _text_author(self, lo: int, colon: int) -> Token | None:
        """"Roe noticed a post by a local pastor: “…”": the clause before the colon ends in a
        text someone put out (a statement noun) and its author after "by" or "from": the
        author's words follow, not the subject's, who only came upon them."""
        doc = self.doc
        for i in range(colon - 1, lo - 1, -1):
            tok = doc[i]
            if self.in_quote[i] or tok.pos_ in ("VERB", "AUX"):
                return None
            if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "from") and tok.right_edge.i == colon - 1:
                text = tok.head.head
                if lo <= text.i < tok.i and text.lower_ in statement_nouns() and could_speak(tok):
                    return tok
        return None


def _title_clash(pronoun: Token, name: Token) -> bool:
    """"he" cannot stand for a name titled Mrs. or Ms., nor "she" for one titled Mr."""
    clash = {"he": "titles_she", "she": "titles_he"}.get(pronoun.lower_)
    if clash is None:
        return False
    return any(t.lower_ in word_set(clash) for t in name.lefts if t.dep_ == "compound")


def nearest_subject(verb: Token, left_only: bool = False) -> Token | None:
    """The verb's nsubj; of two a broken parse gives it, the one nearest the verb."""
    subjects = [c for c in (verb.lefts if left_only else verb.children) if c.dep_ == "nsubj"]
    return min(subjects, key=lambda c: abs(c.i - verb.i)) if subjects else None


def could_speak(tok: Token) -> bool:
    """A subject that can be a quotation's source: a person or an organisation by name, a
    pronoun, a person noun ("the senator", "critics"); not a thing ("a database", "the bill")."""
    if tok.is_upper and len(tok.text) > SHORT_CAPITALS:
        return False  # "WASHINGTON": a dateline; a headline in capitals
    if tok.ent_type_ == "GPE" and tok.dep_ == "nsubj" and tok.pos_ == "PROPN":
        return True  # "Moscow warned", "Washington, star of “Scandal,” thanked": a government, a name
    if tok.ent_type_ in PLACE_OR_TIME:
        return False  # "Monday", "in Kabul"
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if is_pronoun(tok) and tok.lower_ != "it":
        return True
    if is_age_noun(tok):
        return True  # "the 43-year-old"
    if tok.lower_ in word_set("quantifiers") or tok.lower_ in word_set("quantifier_nouns"):
        return True  # "Some chanted “USA! USA!”", "a number of them"
    return person_class(tok.lower_)[0] is not None


def is_document(tok: Token) -> bool:
    """A common noun heading a sentence that quotes: "The ad targets a “…”", "A federal lawsuit
    … alleging …": a document or an organisation, whose words a partial quote gives (never a
    place, a time, a number or a pronoun)."""
    return tok.pos_ == "NOUN" and tok.ent_type_ not in PLACE_OR_TIME and not tok.like_num and (
        tok.lower_ not in word_set("not_subject")
    )


def is_dateline(tok: Token) -> bool:
    """"WASHINGTON, Aug. 24 (UPI) —": a place in capitals opening a story is not a speaker."""
    return tok.ent_type_ in PLACE_OR_TIME and tok.is_upper and len(tok.text) > SHORT_CAPITALS


def cut_unclosed(text: str, q: QuotedSpan) -> QuotedSpan:
    """An unclosed quote that runs into its own attribution ("He was brave, said his trainer")
    ends at the comma before the reporting verb, or at the single mark typed after that comma
    for a double one ("A brand is perception,' said Scott Winey")."""
    if not q.open_end:
        return q
    m = _unclosed_attribution().search(text, q.start + 1, q.end)
    if m is None:
        return q
    return QuotedSpan(q.start, m.end(1), double=q.double, open_end=True)


@lru_cache(maxsize=1)
def _unclosed_attribution() -> re.Pattern:
    forms = sorted(speech_verbs(), key=len, reverse=True)
    finite = [f for f in forms if f.endswith(("s", "ed")) or f in ("said", "told")]
    verbs = "|".join(re.escape(f) for f in finite)
    return re.compile(
        r"(,['’]?)[ \t]+(?:(?:he|she|they|it|[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]+)?"
        rf"(?:{verbs})\b(?=[ \t]+\w|[ \t]*[.,])"
    )


def find(art) -> list[Frame]:
    """Pass 2: the frame of every quotation of the article, in text order."""
    from . import speech  # speech reads frames' tokens; imported here to keep the order one-way

    out: list[Frame] = []
    frames = art.frames
    for k, q in enumerate(art.quotes):
        lo, hi = frames.before(k)
        has_lead = lo < hi
        # "- Carl Bialik: “…”": a name right before the colon wins over a verb before it
        # “…,” one message read, according to a letter from the chairman: the letter
        att = frames.according_after(k)
        agent = frames.passive_agent(k) if has_lead else None  # called “a giveaway” by Democrats
        if agent is not None and (att is None or art.doc[att.cue[0]].head.i != agent.cue[0]):
            # the agent right after the closing mark is the quote's own, unless the "according
            # to" further on reports that very clause ("was called “…” by critics, according to
            # the AP")
            att = agent
        if att is None and has_lead:
            att = frames.chant_owner(k, lo)  # the crowd reprised the chant “…”
        if att is None and has_lead:
            att = frames.name_colon(lo, hi)
        if att is None and has_lead:
            # “…,” she said: a quote ending in a comma and followed at once by its own report is
            # that speaker's, whoever the sentence before it was about
            att = frames.adjoining_after(k) or frames.attribute(k, "before")
        if att is None:
            att = frames.attribute(k, "after")
        if att is None:
            att = frames.trailing_report(k)
        title = speech.is_title(art, k, att)
        if att is None and not title:
            att = (frames.colon_owner(lo, hi) if has_lead else None) or frames.credit_after(k)
        if att is None and has_lead:
            # "The FBI did not find “ties of any consequence,” aside from …, said the bureau's
            # director": the sentence's report after the quote, far from it
            top = frames.quote_top(k)
            att = frames.report_after(k, top) if top is not None else None
        if att is None and has_lead:
            att = frames.governing(k, lo)
        if att is None:
            att = frames.closing_report(k)
        if att is not None:
            att = frames.through_relative(k, att)  # "Beck, who has called it “…”"
        out.append(Frame(k=k, quote=q, att=att, has_lead=has_lead, title=title))
    return out
