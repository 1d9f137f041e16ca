"""Quotations and their speakers: the quote analysis the pipeline calls.

`analyze(doc)` ties three steps together, each in its own module:

1. `quotemarks.find_quotes` pairs quote marks into quotations (typography only);
2. `attribution.Frames` finds a speaker phrase and a reporting cue around each quotation;
3. `speakers` tells named, pronoun and anonymous speakers apart and resolves names.

This module adds what needs the whole article: a quotation with no speaker of its own inherits
one (the second half of a split quote, a quote continued in the next paragraph, a paragraph-long
quote after its speaker's paragraph, an answer in a question-and-answer interview), pronouns
resolve to the person met before, scare quotes and titles are set apart (`speech=False`), and the
findings for unnamed and missing speakers. After the pass in text order, three passes look
forward: a headline quote takes the speaker of the fuller quote or the lede sentence that repeats
its words, and a lede's "a man who …" is named when the next paragraph opens with "Harrison, 45,".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from . import speakers as sp
from .attribution import Attribution, Frames, characterising_verbs, speech_verbs
from .quotemarks import QuotedSpan, find_quotes, paragraph_ends
from .report import Finding, Quote, Speaker
from .spans import Span

UNATTRIBUTED_MESSAGE = "No speaker is named for this quotation."
BULLETS = ("- ", "• ", "* ", "– ")
NOT_PERSON = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART", "LAW", "EVENT"}
INHERIT_RANKS = 3  # paragraphs back that a quote opening with "…" or after "…:" may look
LOOK_BACK = 60  # earlier quotations any one quotation compares itself with (keeps it linear)


@lru_cache(maxsize=1)
def not_speech_cues() -> frozenset:
    path = resources.files("server") / "data" / "quotes" / "not_speech_cues.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@dataclass
class Resolution:
    """What the analysis knows about one quotation's speaker."""

    att: Attribution | None
    kind: str = "none"
    resolved: str | None = None
    label: str | None = None  # how the source is described, for messages ("a senior official")
    reason: str = "no speaker found"
    speech: bool = True
    person: bool = False  # the speaker is a person (a pronoun "he"/"she" may point to it)


class _Article:
    """Paragraph and entity bookkeeping for one document."""

    def __init__(self, doc: Doc, quotes: list[QuotedSpan], text: str):
        self.doc = doc
        self.text = text
        self.ends = paragraph_ends(self.text)
        # number of each paragraph among the non-blank, non-bullet ones: adjacency in reading
        self.rank = []
        self.real = []  # a paragraph of text, not a blank line, a caption or a list item
        count = 0
        start = 0
        for end in self.ends:
            line = self.text[start:end].strip()
            real = bool(line) and not line.startswith(BULLETS)
            count += real
            self.real.append(real)
            self.rank.append(count)
            start = end + 1
        self.frames = Frames(doc, quotes, text)
        self._normalized: dict[int, str] = {}
        self.names = sp.NameIndex(doc)
        persons = []
        orgs = []
        for ent in doc.ents:
            if self.frames.in_quote[ent.start] or ent.root.dep_ == "pobj":
                continue
            if ent.label_ == "PERSON":
                persons.append((ent.end, sp.person_text(ent)))
            elif ent.label_ == "ORG":
                orgs.append((ent.end, ent.text))
        self.persons = persons
        self.person_ends = [e for e, _ in persons]
        self.orgs = orgs
        self.org_ends = [e for e, _ in orgs]

    def normalized(self, k: int) -> str:
        if k not in self._normalized:
            q = self.frames.quotes[k]
            self._normalized[k] = _norm(self.text[q.start : q.end])
        return self._normalized[k]

    def paragraph(self, char: int) -> int:
        return bisect_left(self.ends, char)

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

    def last_org_before(self, token: int) -> tuple[int, str] | None:
        k = bisect_right(self.org_ends, token) - 1
        return self.orgs[k] if k >= 0 else None


def analyze(doc: Doc) -> tuple[list[Quote], list[Finding]]:
    text = doc.text  # Doc.text joins every token: read it once
    spans = [_cut_unclosed(text, q) for q in find_quotes(text)]
    if not spans:
        return [], []
    art = _Article(doc, spans, text)
    results: list[Resolution] = []
    for k, q in enumerate(spans):
        results.append(_resolve(art, spans, results, k, q))
    _repeated_later(art, spans, results)
    _paraphrased_below(art, spans, results)
    _identified_next(art, spans, results)
    return _report(art, spans, results)


def _resolve(art: _Article, spans, results: list[Resolution], k: int, q: QuotedSpan) -> Resolution:
    frames = art.frames
    lo, hi = frames.before(k)
    has_lead = lo < hi  # the quote does not start its sentence
    att = frames.attribute(k, "before") if has_lead else None
    if att is None:
        att = frames.attribute(k, "after")
    if _is_name_or_title(art, k) and not _characterised(art, q, att):
        res = _from_attribution(art, results, att) if att else Resolution(att=None)
        res.speech = False
        return res
    if att is None:
        att = _credit_after(art, k, q) or (_colon_owner(art, lo, hi) if has_lead else None)
    if att is not None:
        res = _from_attribution(art, results, att)
        res.speech = not _is_short_name(art, k, q, att)
        if res.kind == "named" and not res.person and _speaks_as_a_person(art, q, att):
            res.person = True  # "Smith, 45, said: “I was there.”": a "he" later is Smith
        return res
    repeated = _repeated(art, spans, results, k)
    if repeated is not None:
        return _copy(repeated)
    answer = _interview_answer(art, q)
    if answer is not None:
        return _from_attribution(art, results, answer)
    inherited = _inherit(art, spans, results, k, q, has_lead)
    if inherited is not None:
        return inherited
    res = Resolution(att=None)
    res.speech = _looks_like_speech(art, q, has_lead)
    return res


def _from_attribution(art: _Article, results: list[Resolution], att: Attribution) -> Resolution:
    doc = art.doc
    head = att.head
    phrase_end_char = doc[att.end - 1].idx + len(doc[att.end - 1].text)
    clause = art.text[phrase_end_char : phrase_end_char + 160].split("\n", 1)[0]
    clause = clause.split(".", 1)[0]
    kind = sp.classify(head, att.start, att.end, clause)
    if kind == "named" and _introduced_anonymously(art, head):
        kind = "anonymous"  # "the firefighter" after "a firefighter who was not authorized …"
    label = doc[att.start : att.end].text
    res = Resolution(att=att, kind=kind, label=label)
    if kind == "named":
        name = sp.name_of(head, att.start, att.end)
        text = doc[name[0] : name[1]].text if name is not None else ""
        # the small model often tags a surname alone as an organisation: a surname of a person
        # named in the article wins over the entity label
        if name is not None and (head.ent_type_ not in NOT_PERSON or art.names.knows(text)):
            res.resolved = art.names.fullest(text, head.i)
            res.person = True
            art.names.add(res.resolved, head.i)
        else:
            words = label.split()
            if words and words[0].lower() == "the":
                words = words[1:]
            res.resolved = " ".join(words) or None
        res.reason = "the speaker is named"
    elif kind == "anonymous":
        res.person = True
        res.reason = (
            "the source is granted anonymity"
            if sp.tables().anonymity.search(label + " " + clause)
            else "the speaker is described but not named"
        )
    elif kind == "pronoun":
        _resolve_pronoun(art, results, res, head)
    return res


def _resolve_pronoun(art: _Article, results: list[Resolution], res: Resolution, pron) -> None:
    t = sp.tables()
    low = pron.lower_
    # the latest earlier quotation speaker that the pronoun can refer to
    earlier = None
    for prev in reversed(results[-LOOK_BACK:]):
        if prev.att is None or prev.att.head.i >= pron.i or prev.kind == "none":
            continue
        if low in t.person_pronouns and not prev.person:
            continue
        if low in t.org_pronouns and prev.person:
            continue
        earlier = prev
        break
    if low in t.person_pronouns:
        ent = art.last_person_before(pron.i)
        unnamed = _unnamed_subject_before(art, pron)
        latest = max(ent[0] if ent else -1, earlier.att.end if earlier else -1)
        if unnamed is not None and unnamed.end > latest:
            # "A senior official described the talks. “…,” he said."
            res.kind = "anonymous"
            res.label = unnamed.text
            res.person = True
            res.reason = "the pronoun refers to an unnamed source"
            return
        if ent is not None and (earlier is None or ent[0] > earlier.att.end):
            res.resolved = art.names.fullest(ent[1], ent[0])
            res.reason = "the pronoun refers to a person named before"
            return
        if ent is None and earlier is None:
            lone = _lone_name_speaking_before(art, pron)
            if lone is not None:
                res.resolved = art.names.fullest(lone.text, lone.i)
                res.person = True
                res.reason = "the pronoun refers to a person named before"
                return
    elif low in t.org_pronouns:
        ent = art.last_org_before(pron.i)
        if ent is not None and (earlier is None or ent[0] > earlier.att.end):
            res.resolved = ent[1]
            res.reason = "the pronoun refers to an organisation named before"
            return
    elif low in t.first_person:
        res.reason = "first-person speaker"
        return
    if earlier is not None:
        res.resolved = earlier.resolved or earlier.label
        res.person = earlier.person
        if earlier.kind == "anonymous":
            res.kind = "anonymous"
            res.label = earlier.label
            res.reason = "the pronoun refers to an unnamed source"
        else:
            res.reason = "the pronoun refers to a speaker quoted before"


def _lone_name_speaking_before(art: _Article, pron):
    """The small model tags many lone surnames as places or firms ("Okoro said …"): with no
    person in sight, a one-word proper name that is the subject of a reporting verb in the
    paragraphs just before is the "he" or "she"."""
    doc = art.doc
    rank = art.rank[art.paragraph(pron.idx)]
    for i in range(pron.i - 1, max(-1, pron.i - 300), -1):
        tok = doc[i]
        if rank - art.rank[art.paragraph(tok.idx)] > 2:
            return None
        if tok.pos_ != "PROPN" or not tok.is_title or art.frames.in_quote[i]:
            continue
        if tok.dep_ != "nsubj" or not art.frames.is_cue(tok.head):
            continue
        if i > 0 and doc[i - 1].pos_ == "PROPN" or i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            continue  # a longer name: the entity tagger is trusted with those
        return tok
    return None


_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b")


def _speaks_as_a_person(art: _Article, q: QuotedSpan, att: Attribution) -> bool:
    """A lone name the small model tagged as an organisation or a place ("Smith", "Okoro") is
    a person when an age follows it ("Smith, 45,") or it speaks in the first person singular:
    organisations say "we"."""
    doc = art.doc
    if att.end - att.start != 1 or doc[att.start].pos_ != "PROPN":
        return False
    after = doc[att.end : att.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return True
    return bool(_FIRST_PERSON_SINGULAR.search(art.text[q.start : q.end]))


def _introduced_anonymously(art: _Article, head) -> bool:
    """A definite common noun ("the firefighter") points back at its last indefinite mention;
    a person introduced there without a name ("a firefighter who was not authorized to
    speak") stays unnamed."""
    if head.pos_ != "NOUN" or not any(c.lower_ == "the" for c in head.children):
        return False
    doc = art.doc
    for i in range(head.i - 1, max(-1, head.i - 400), -1):
        tok = doc[i]
        if tok.lower_ != head.lower_ or art.frames.in_quote[i]:
            continue
        if not any(c.lower_ in ("a", "an", "one", "another") for c in tok.children):
            return False  # the nearest mention is definite too, or names the person
        if any(c.dep_ == "appos" or c.ent_type_ == "PERSON" for c in tok.subtree):
            return False  # "a firefighter, Jane Doe, …"
        rest = doc[tok.i : tok.sent.end].text
        return bool(sp.tables().anonymity.search(rest))
    return False


def _unnamed_subject_before(art: _Article, pron):
    """The subject of the sentence before the pronoun's, if it is an unnamed person."""
    doc = art.doc
    if not doc.has_annotation("SENT_START"):
        return None
    sent = pron.sent
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    subject = art.frames.subject_of(before.root)
    if subject is None or art.frames.in_quote[subject.i] or sp.is_pronoun(subject):
        return None
    if subject.tag_ in ("NNS", "NNPS"):
        return None  # "he" or "she" is one person
    phrase = art.frames.phrase(subject, before.start, before.end, None, "antecedent")
    if sp.classify(phrase.head, phrase.start, phrase.end, "") != "anonymous":
        return None
    return doc[phrase.start : phrase.end]


def _copy(prev: Resolution) -> Resolution:
    if prev.kind == "anonymous":
        reason = "continues a quotation from an unnamed source"
    else:
        reason = "continues a quotation of the same speaker"
    return Resolution(
        att=prev.att,
        kind=prev.kind,
        resolved=prev.resolved,
        label=prev.label,
        reason=reason,
        speech=True,
        person=prev.person,
    )


def _inherit(art: _Article, spans, results, k: int, q: QuotedSpan, has_lead: bool):
    """A speaker for a quotation with none around it, from the quotes and sentences before."""
    prev_k = k - 1
    prev = results[prev_k] if prev_k >= 0 else None
    para = art.paragraph(q.start)
    same_para = prev is not None and art.paragraph(spans[prev_k].start) == para
    rank = art.rank[para]
    if same_para and not has_lead:
        if prev.att is not None:
            return _copy(prev)
        return None
    same_sentence = same_para and art.frames.before(k)[0] >= art.frames.ranges[prev_k][1]
    if same_sentence and prev.att is not None:
        # a second partial quote in the sentence of the first: said it was “…” to have “…”
        return _copy(prev)
    inner = art.text[q.start + 1 : q.start + 4].lstrip()
    if inner.startswith(("…", "...")):
        # an excerpt resumed after an ellipsis continues the quotation before it
        recent = _recent(art, spans, results, k)
        if recent is not None:
            return _copy(recent)
    if not art.starts_paragraph(q):
        return None if has_lead else _previous_sentence(art, results, art.frames.ranges[k][0])
    prev_rank = art.rank[art.paragraph(spans[prev_k].start)] if prev is not None else None
    if prev is not None and spans[prev_k].open_end and prev_rank == rank - 1:
        # the newspaper convention: the quote runs on over the paragraph break
        return _copy(prev) if prev.att else None
    # the paragraph before ends with "X said:" or names its subject in its last sentence
    before = para - 1
    while before >= 0 and para - before < 8 and not art.real[before]:
        before -= 1  # over blank lines, captions and list items
    if before < 0 or not art.real[before]:
        return None
    i = bisect_left(art.frames.starts, art.ends[before]) - 1
    doc = art.doc
    while i >= 0 and (doc[i].is_space or art.frames.in_quote[i] and doc[i].is_punct):
        i -= 1
    if i >= 0 and art.rank[art.paragraph(doc[i].idx)] == rank - 1:
        if doc[i].text == ":":
            lo, hi = art.frames.sentence_before(i)
            att = _cue_in(art, lo, hi)
            if att is not None:
                return _from_attribution(art, results, att)
            # "Let's start by parsing that tweet:": the quotation discussed before
            recent = _recent(art, spans, results, k)
            if recent is not None:
                return _copy(recent)
        found = _previous_sentence(art, results, i + 1)
        if found is not None:
            return found
    if prev is not None and prev.att is not None and prev_rank == rank - 1:
        return _copy(prev)
    return None


def _interview_answer(art: _Article, q: QuotedSpan) -> Attribution | None:
    """A question-and-answer interview: a paragraph that is one quotation, right after a
    paragraph asking a question, is the answer of the person the introduction names (the
    last person named before the first question of the exchange)."""
    if not art.starts_paragraph(q):
        return None
    para = art.paragraph(q.start)
    if art.text[q.end : art.ends[para]].strip():
        return None  # words after the quote: it has its own frame
    first_question = None
    questions = 0
    p = para - 1
    while p >= 0:
        line = art.text[art.paragraph_start(p) : art.ends[p]].strip()
        if not line:
            p -= 1
            continue
        if _is_question(line):
            first_question = p
            questions += 1
        elif not (line[:1] in "\"“‘'«" and first_question is not None):
            break  # neither a question nor an earlier answer
        p -= 1
    if first_question is None:
        return None
    if questions < 2:
        # one question alone may be the writer's own: an exchange needs a second one, after
        p = para + 1
        while p < len(art.ends) and not art.text[art.paragraph_start(p) : art.ends[p]].strip():
            p += 1
        if p >= len(art.ends) or not _is_question(
            art.text[art.paragraph_start(p) : art.ends[p]].strip()
        ):
            return None
    start = art.paragraph_start(first_question)
    doc = art.doc
    for ent in reversed(doc.ents):
        if ent.label_ == "PERSON" and doc[ent.end - 1].idx < start and not (
            art.frames.in_quote[ent.start]
        ):
            return Attribution(head=doc[ent.end - 1], start=ent.start, end=ent.end, cue=None,
                               how="interview")
    return None


def _is_question(line: str) -> bool:
    """An interviewer's question: a paragraph ending with "?" and quoting nobody."""
    return line.endswith("?") and not any(m in line for m in "\"“”«»")


def _cut_unclosed(text: str, q: QuotedSpan) -> QuotedSpan:
    """An unclosed quote that runs into its own attribution ("He was brave, said his trainer")
    ends at the comma before the reporting verb."""
    if not q.open_end:
        return q
    m = _unclosed_attribution().search(text, q.start + 1, q.end)
    if m is None:
        return q
    return QuotedSpan(q.start, m.start() + 1, double=q.double, open_end=True)


@lru_cache(maxsize=1)
def _unclosed_attribution() -> re.Pattern:
    forms = sorted(speech_verbs(), key=len, reverse=True)
    finite = [f for f in forms if f.endswith(("s", "ed")) or f in ("said", "told")]
    verbs = "|".join(re.escape(f) for f in finite)
    return re.compile(
        r",[ \t]+(?:(?:he|she|they|it|[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,3})[ \t]+)?"
        rf"(?:{verbs})\b(?=[ \t]+\w|[ \t]*[.,])"
    )


def _credit_after(art: _Article, k: int, q: QuotedSpan) -> Attribution | None:
    """A credit line after a quotation, with no verb: “…” Ateya, Grade 9 / “…” — Jane Doe."""
    inner = art.text[q.start : q.end].rstrip("”\"'’»› ")
    if not inner.endswith((".", "!", "?", "…")):
        return None
    lo, hi = art.frames.after(k)
    doc = art.doc
    i = lo
    while i < hi and (doc[i].is_space or doc[i].text in ("—", "–", "-", ",", "(")):
        i += 1
    if i >= hi or doc[i].pos_ != "PROPN" or not doc[i].is_title:
        return None
    if any(doc[j].pos_ in ("VERB", "AUX") for j in range(lo, hi)):
        return None  # “…” The report highlights that …: a new sentence
    end = i
    while end + 1 < hi and doc[end + 1].pos_ == "PROPN":
        end += 1
    return Attribution(head=doc[end], start=i, end=end + 1, cue=None, how="credit")


def _colon_owner(art: _Article, lo: int, hi: int) -> Attribution | None:
    """“The company’s statement was brief: “…”": a colon after a sentence about an owned
    statement, a named subject or an unnamed source introduces that owner's words."""
    doc = art.doc
    last = hi - 1
    while last >= lo and doc[last].is_space:
        last -= 1
    if last < lo or doc[last].text != ":":
        return None
    words = [doc[i] for i in range(lo, last) if not doc[i].is_space]
    if 0 < len(words) <= 4 and all(t.pos_ == "PROPN" for t in words):
        # "Smith: “…”", the transcript and headline style
        return Attribution(head=words[-1], start=words[0].i, end=words[-1].i + 1, cue=None,
                           how="name-colon")
    for i in range(lo, last):
        tok = doc[i]
        if tok.dep_ not in ("nsubj", "nsubjpass") or art.frames.in_quote[i]:
            continue
        owned = any(c.dep_ == "poss" for c in tok.children)
        if tok.pos_ == "PROPN" or owned:
            return art.frames.phrase(tok, lo, last, None, "colon")
        # "A Whitehall insider was blunter: ‘…’": an unnamed source introducing its words
        att = art.frames.phrase(tok, lo, last, None, "colon")
        if sp.classify(att.head, att.start, att.end, "") == "anonymous":
            return att
    return None


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.replace("...", " ")).lower().split())


def _repeated(art: _Article, spans, results, k: int) -> Resolution | None:
    """A quotation repeating (part of) an earlier one is the same speaker's words."""
    words = _norm(art.text[spans[k].start : spans[k].end])
    if len(words) < 12:
        return None
    for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
        if results[j].att is None or not results[j].speech:
            continue
        if words in art.normalized(j):
            return results[j]
    return None


def _repeated_later(art: _Article, spans, results) -> None:
    """A headline or lede quotes words that the body attributes later (Grace ‘insisting he
    finishes his term’ … ‘He is insisting he finishes his term,’ a source said): an unattributed
    quotation of three words or more found again inside a longer, later attributed one is its
    speaker's (an identical repeat is a title or a pull quote)."""
    for k in range(len(spans)):
        if results[k].att is not None:
            continue
        words = art.normalized(k)
        if len(words.split()) < 3:
            continue
        for j in range(k + 1, min(len(spans), k + 1 + LOOK_BACK)):
            if results[j].att is None or not results[j].speech:
                continue
            later = art.normalized(j)
            if len(later) > len(words) and f" {words} " in f" {later} ":
                results[k] = _copy(results[j])
                break


def _paraphrased_below(art: _Article, spans, results) -> None:
    """A headline quote that the lede puts in reported speech (Grace ‘insisting he finishes his
    term’ … are insisting the 93 year-old finishes his presidential term, a source said): the
    quote's content words all in one attributed sentence of the next paragraphs give its
    speaker."""
    doc = art.doc
    if not doc.has_annotation("SENT_START"):
        return
    for k, q in enumerate(spans):
        if art.rank[art.paragraph(q.start)] > 1:
            break  # the headline only: the body has its own frames
        if results[k].att is not None:
            continue
        content = {w for w in art.normalized(k).split() if len(w) > 3}
        if len(content) < 2:
            continue
        first = bisect_left(art.frames.starts, art.ends[art.paragraph(q.start)])
        for sent in doc[first:].sents if first < len(doc) else ():
            if art.rank[art.paragraph(sent[0].idx)] > 1 + INHERIT_RANKS:
                break
            words = {t.lower_ for t in sent if not art.frames.in_quote[t.i]}
            if content <= words:
                att = _cue_in(art, sent.start, sent.end)
                if att is not None:
                    results[k] = _from_attribution(art, results, att)
                    results[k].reason = "the article below reports these words"
                break


def _identified_next(art: _Article, spans, results) -> None:
    """Delayed identification, the local-news lede: "A man who was working the door told a
    jury …" then "Harrison, 45, said: “…”" opening the next paragraph. The described speaker
    is the person the next paragraph names with an age, not an unnamed source."""
    doc = art.doc
    for k, res in enumerate(results):
        if res.kind != "anonymous" or res.att is None or k + 1 >= len(spans):
            continue
        head = res.att.head
        if head.lower_ not in sp.tables().role_heads:
            continue  # a spokesman, an official, a source: unnamed by the trade's convention
        if not any(c.lower_ in ("a", "an") for c in head.children):
            continue
        if sp.tables().anonymity.search(res.label or "") or res.reason.startswith("the source is"):
            continue  # granted anonymity: never named
        rank = art.rank[art.paragraph(spans[k].start)]
        if rank > 3:
            break  # the lede only (a headline and a standfirst may come before it)
        j = k + 1
        while j < len(spans) and art.rank[art.paragraph(spans[j].start)] == rank:
            j += 1
        if j >= len(spans) or art.rank[art.paragraph(spans[j].start)] != rank + 1:
            continue
        nxt = results[j]
        if nxt.kind != "named" or nxt.att is None or not nxt.person:
            continue
        first = bisect_left(art.frames.starts, art.paragraph_start(art.paragraph(spans[j].start)))
        while first < len(doc) and doc[first].is_space:
            first += 1
        after = doc[nxt.att.end : nxt.att.end + 3]
        if nxt.att.start != first or len(after) < 3 or not (
            after[0].text == "," and after[1].like_num and after[2].text == ","
        ):
            continue
        res.kind = "named"
        res.resolved = nxt.resolved
        res.reason = "the next paragraph names the speaker"


def _recent(art: _Article, spans, results, k: int) -> Resolution | None:
    """The latest attributed quotation within a few paragraphs before quotation k."""
    rank = art.rank[art.paragraph(spans[k].start)]
    for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
        if rank - art.rank[art.paragraph(spans[j].start)] > INHERIT_RANKS:
            break
        if results[j].att is not None and results[j].speech:
            return results[j]
    return None


def _cue_in(art: _Article, lo: int, hi: int) -> Attribution | None:
    frames = art.frames
    for i in range(hi - 1, lo - 1, -1):
        if frames.is_cue(art.doc[i]):
            head = frames.subject_of(art.doc[i])
            if head is not None and lo <= head.i < hi and not frames.in_quote[head.i]:
                return frames.phrase(head, lo, hi, (i, i + 1), "colon")
    return None


def _previous_sentence(art: _Article, results, end: int) -> Resolution | None:
    """The person the sentence before is about ("However, he defended his decision.")."""
    doc = art.doc
    i = end - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    if i < 0 or art.frames.in_quote[i]:
        return None
    lo, hi = art.frames.sentence_before(i)
    if not doc.has_annotation("SENT_START"):
        return None
    sent = doc[i].sent
    root = sent.root
    if not (lo <= root.i < hi + 1) or art.frames.in_quote[root.i]:
        return None
    head = art.frames.subject_of(root)
    if head is None or art.frames.in_quote[head.i]:
        return None
    att = art.frames.phrase(head, max(lo, sent.start), hi + 1, None, "previous-sentence")
    if art.frames.is_cue(root):
        att.cue = (root.i, root.i + 1)  # "Smith said the plan was flawed." then “…”
    else:
        # a sentence about someone: only a person (or an unnamed one) can go on speaking
        low = head.lower_
        named = head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "LOC", "DATE", "FAC")
        person = low in sp.tables().person_pronouns or head.ent_type_ == "PERSON" or named
        if not person and sp.classify(head, att.start, att.end, "") != "anonymous":
            return None
    res = _from_attribution(art, results, att)
    res.reason = "the sentence before names the speaker"
    return res


def _characterised(art: _Article, q: QuotedSpan, att: Attribution | None) -> bool:
    """“X called the strike “deeply disappointing””: a speaker who is the subject of a
    characterising verb before the quote makes it their words, unless they look like a name."""
    if att is None or att.cue is None or att.how != "before":
        return False
    verb = art.doc[att.cue[0]]
    if verb.lower_ not in characterising_verbs():
        return False
    if verb.i > 0 and art.doc[verb.i - 1].lower_ in ("so", "-", "so-"):
        return False  # the so-called
    if not any(c.dep_ == "nsubj" and not art.frames.in_quote[c.i] for c in verb.children):
        return False
    words = [w for w in art.text[q.start + 1 : q.end - 1].split() if len(w) > 3]
    return not all(w[:1].isupper() for w in words)


def _is_name_or_title(art: _Article, k: int) -> bool:
    """A title, a nickname or a mention: the book “…”, dubbed “…”, the so-called “…”."""
    doc = art.doc
    lo, _ = art.frames.ranges[k]
    cues = not_speech_cues()
    seen = 0
    i = lo - 1
    while i >= 0 and seen < 3:
        tok = doc[i]
        if "\n" in tok.text or art.frames.in_quote[i]:
            break
        if not tok.is_punct and not tok.is_space:
            if tok.lower_ in cues:
                return True
            if tok.lower_ not in ("the", "a", "an", "his", "her", "its", "their", "as"):
                seen += 1
        i -= 1
    return False


def _is_short_name(art: _Article, k: int, q: QuotedSpan, att: Attribution) -> bool:
    """One or two quoted words that are a name ("Blue House") or far from their cue."""
    inner = art.text[q.start + 1 : q.end - 1].strip(" ,.;:!?'\"’”")
    words = inner.split()
    if len(words) > 2:
        return False
    if words and all(w[:1].isupper() for w in words) and not art.starts_paragraph(q):
        return True
    if att.cue is None:
        return False
    lo, hi = art.frames.ranges[k]
    distance = lo - att.cue[1] if att.cue[1] <= lo else att.cue[0] - hi
    return distance > 10


def _looks_like_speech(art: _Article, q: QuotedSpan, has_lead: bool) -> bool:
    """An unattributed quote is speech unless it is a short phrase inside a sentence."""
    inner = art.text[q.start + 1 : q.end - (0 if q.open_end else 1)].strip()
    words = len(inner.split())
    if words <= 3:
        return False
    if not q.double and words <= 6:
        return False
    ends_clause = inner.rstrip("'\"’”").endswith((".", "!", "?", ",", "…"))
    if has_lead and words <= 8 and not ends_clause:
        return False
    return True


def _is_label(art: _Article, q: QuotedSpan, res: Resolution) -> bool:
    """One or two words taken up by a characterising verb ("critics called it a “giveaway”")
    are a label, not a statement whose source the reader needs to weigh."""
    if res.att is None or len(art.text[q.start : q.end].split()) > 2:
        return False
    if res.att.how == "previous-sentence":
        return True  # ‘Unprecedented’ strandings: no cue of its own, a word borrowed, not speech
    if res.att.cue is None:
        return False
    return art.doc[res.att.cue[0]].lower_ in characterising_verbs()


def _report(art: _Article, spans, results) -> tuple[list[Quote], list[Finding]]:
    doc = art.doc
    quotes: list[Quote] = []
    findings: list[Finding] = []
    for q, res in zip(spans, results):
        span = Span(q.start, q.end)
        speaker_span = cue = None
        if res.att is not None:
            first, last = doc[res.att.start], doc[res.att.end - 1]
            speaker_span = Span(first.idx, last.idx + len(last.text))
            if res.att.cue is not None:
                c0, c1 = doc[res.att.cue[0]], doc[res.att.cue[1] - 1]
                cue = Span(c0.idx, c1.idx + len(c1.text))
        speaker = Speaker(kind=res.kind, span=speaker_span, resolved=res.resolved)
        quotes.append(Quote(span=span, speaker=speaker, cue=cue, speech=res.speech))
        if not res.speech or res.kind in ("named", "pronoun") or _is_label(art, q, res):
            continue
        if res.kind == "anonymous":
            findings.append(
                Finding(
                    type="quote",
                    code="quote.anonymous",
                    severity="caution",
                    span=span,
                    message=f"Attributed to an unnamed source: {res.label}",
                    details={"speaker": speaker, "cue": cue, "reason": res.reason},
                )
            )
        else:
            findings.append(
                Finding(
                    type="quote",
                    code="quote.unattributed",
                    severity="caution",
                    span=span,
                    message=UNATTRIBUTED_MESSAGE,
                    details={"speaker": speaker, "cue": cue, "reason": "no speaker found"},
                )
            )
    return quotes, findings
