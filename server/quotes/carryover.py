"""Pass 4, carry-over: a speaker for quotations with no frame of their own.

The second half of a split quote, a quote continued in the next paragraph, a paragraph-long
quote after its speaker's paragraph, a quote resumed after an ellipsis, an answer in a
question-and-answer interview: each takes the speaker of the quotation or sentence before it.
A quote standing alone after a sentence with no speech verb is not its subject's (it has no
speaker) unless that subject is one person by name ("Roe went further. “…”"). After the pass in text order, three passes look forward: a headline quote takes the
speaker of the fuller quote or the lede sentence that repeats its words, and a lede's "a man who
…" is named when the next paragraph opens with "Harrison, 45,". Every loop looks at a bounded
number of quotes or paragraphs (rules.py), so the pass is linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left

from .. import deadline
from .article import Article, normalize
from .model import Attribution, Frame, How, PersonClass, QuotedSpan, Resolution, SpeakerKind
from .kinds import is_pronoun
from .speakers import classify, from_attribution, is_plural
from .lexicon import person_class, singular, sourcing_nouns, speech_act_nouns, tables, word_set
from .frames import TERMINATORS, could_speak
from .rules import (
    APPOSITION_CLIMB,
    BLANK_PARAGRAPHS,
    CONTENT_WORD_CHARS,
    HEADLINE_CONTENT_MIN,
    HEADING_CAPITALS,
    HEADING_WORDS,
    HEADLINE_MIN_WORDS,
    INHERIT_RANKS,
    INTERVIEW_PARAGRAPHS,
    INTERVIEW_QUESTIONS,
    LEDE_RANKS,
    LOOK_BACK,
    NAME_WORDS,
    REPEAT_MIN_CHARS,
)

# attributions that follow their quotation ("“…,” X said"), which a quote joined before it shares
HEADLINE_SUBJECTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # entities a headline opens with
FOLLOWING = frozenset({How.AFTER, How.AFTER_CLAUSE, How.ACCORDING_AFTER, How.TRAILING, How.CREDIT})


def inherit(art: Article, results: list[Resolution], frame: Frame) -> Resolution:
    """The speaker of a quotation with no frame: a repeat, an interview answer, a continuation."""
    if frame.title:
        return Resolution(att=None)  # a title or a name inherits nobody
    spans, k, q = art.quotes, frame.k, frame.quote
    repeated = _repeated(art, spans, results, k)
    if repeated is not None:
        return _copy(repeated)
    answer = _interview_answer(art, q)
    if answer is not None:
        return from_attribution(art, results, answer)
    inherited = _inherit(art, spans, results, k, q, frame.has_lead)
    if inherited is not None:
        return inherited
    return Resolution(att=None)


def look_forward(art: Article, results: list[Resolution]) -> None:
    """The passes that read ahead: headline quotes repeated or reported below, delayed names."""
    _joined_with_next(art, results)
    _repeated_later(art, art.quotes, results)
    _paraphrased_below(art, art.quotes, results)
    _identified_next(art, art.quotes, results)
    _headline_subject(art, results)


def _headline_shaped(art: Article, para: int, line: str) -> bool:
    """The first paragraph as a headline: one short sentence (not a lede of several)."""
    if len(line.split()) > HEADING_WORDS or not art.parsed:
        return False
    lo = bisect_left(art.frames.starts, art.paragraph_start(para))
    hi = bisect_left(art.frames.starts, art.ends[para])
    while lo < hi and art.doc[lo].is_space:
        lo += 1
    ends = {art.sentence(i)[1] for i in range(lo, hi) if not art.doc[i].is_space}
    return len(ends) == 1


def _title_cased(line: str) -> bool:
    """A heading in title case ("Gina Rodriguez Questioned What It Means To Be “Latino
    Enough.”"): short, and nearly every longer word capitalised."""
    words = [w for w in line.split() if len(w.strip("“”‘’\"'.,:;!?")) > CONTENT_WORD_CHARS]
    if not words or len(line.split()) > HEADING_WORDS:
        return False
    caps = sum(w.strip("“”‘’\"'")[:1].isupper() for w in words)
    return caps >= HEADING_CAPITALS * len(words)


def _headline_subject(art: Article, results: list[Resolution]) -> None:
    """A headline's quotations are its subject's ("DNC issues ‘deep and sincere apology’",
    "Milbank: Republicans ‘Waving …’"), not a named speaker the article below gives them: the
    name before the headline's colon, else the name the headline opens with. An unnamed source
    found below stays (its words are the headline's)."""
    doc = art.doc
    frames = art.frames
    for k, q in enumerate(art.quotes):
        para = art.paragraph(q.start)
        line = art.text[art.paragraph_start(para) : art.ends[para]]
        if not (art.rank[para] == 1 and _headline_shaped(art, para, line) or _title_cased(line)):
            continue  # the headline, or a heading in title case further down
        res = results[k]
        if res.att is not None and res.att.how is not How.SUBJECT and (
            art.paragraph(doc[res.att.start].idx) == para
        ):
            continue  # a speaker of its own in the headline (not a clause subject guessed)
        if res.kind is SpeakerKind.ANONYMOUS:
            continue  # the unnamed source of the words below ("Coach ‘insisting …’")
        lo = bisect_left(frames.starts, art.paragraph_start(para))
        hi = bisect_left(frames.starts, art.ends[para])
        while lo < hi and doc[lo].is_space:
            lo += 1
        if lo >= hi:
            continue
        for att in _headline_candidates(art, lo, hi):
            if att is None or not (lo <= att.head.i < frames.ranges[k][0]):
                continue
            found = from_attribution(art, results, att)
            if found.kind is SpeakerKind.NAMED:
                found.speech = res.speech
                found.reason = "the headline's subject"
                results[k] = found
                break


def _headline_candidates(art: Article, lo: int, hi: int):
    """The phrases that may be a headline's subject, best first: the name before its colon, the
    name it opens with, a lone word before its colon, the name after a kicker's colon."""
    yield art.frames._headline_name(lo, hi)
    yield _opening_name(art, lo, hi)
    yield _headline_word_colon(art, lo, hi)
    opening = _after_kicker(art.doc, lo, hi)
    if opening > lo:
        # "The Latest: Trump delivers defense of ‘…’", "Poll: Clinton …"
        yield _opening_name(art, opening, hi)


def _opening_name(art: Article, lo: int, hi: int) -> Attribution | None:
    """The name a headline (or the part after its kicker) opens with: an entity, cut before a
    verb ("Glenn Beck Blasts Drudge"), else a run of the words of the article's person and
    organisation names, which the tagger often reads as common nouns or leaves out of any entity
    there. The parse of a headline is often broken."""
    doc = art.doc
    frames = art.frames
    if frames.in_quote[lo]:
        return None
    ent = next((e for e in doc[lo:hi].ents if e.start == lo), None)
    if ent is not None and ent.label_ in HEADLINE_SUBJECTS:
        end = next((t.i for t in ent[1:] if t.tag_.startswith("VB") or (
            t.lower_ in frames.verbs)), ent.end)
        return Attribution(head=doc[end - 1], start=ent.start, end=end, cue=None,
                           how=How.SUBJECT)
    end = lo
    while end < min(hi, lo + NAME_WORDS) and _article_name_word(frames, doc[end]):
        end += 1
    if end == lo:
        return None
    return Attribution(head=doc[end - 1], start=lo, end=end, cue=None, how=How.SUBJECT)


def _headline_word_colon(art: Article, lo: int, hi: int) -> Attribution | None:
    """A headline opening with one capitalised word and a colon ("Milbank: Republicans ‘Waving
    …’", "HUFFPOLLSTER: A ‘Seismic Shift’ …"), a word the tagger read as a common noun or a verb:
    a name when the article never writes it in lower case ("Poll:" and "Report:" are words the
    article uses for polls and reports)."""
    doc = art.doc
    word = doc[lo]
    if not (lo + 1 < hi and doc[lo + 1].text == ":" and word.is_alpha and word.text[:1].isupper()):
        return None
    if word.is_stop or art.frames.in_quote[lo] or lo > 0 and "\n" not in doc[lo - 1].text:
        return None
    lower = word.lower_
    if any(t.text == lower for t in doc):
        return None
    return Attribution(head=word, start=lo, end=lo + 1, cue=None, how=How.NAME_COLON)


def _article_name_word(frames, tok) -> bool:
    """A capitalised word of one of the article's person or organisation names ("Gina Rodriguez
    Questioned What …": the names, not the verb the tagger also read as a proper noun)."""
    return tok.text[:1].isupper() and tok.text in frames.name_words and not frames.in_quote[tok.i]


def _after_kicker(doc, lo: int, hi: int) -> int:
    """Where a headline's subject may open: after a short kicker and its colon ("The Latest:",
    "Poll:"), else at the headline's start."""
    for i in range(lo, min(hi, lo + NAME_WORDS + 1)):
        if doc[i].text == ":":
            return i + 1 if i > lo and i + 1 < hi else lo
        if doc[i].is_punct:
            break
    return lo


def _joined_with_next(art: Article, results: list[Resolution]) -> None:
    """Guns are “a crisis” and “stunt growth,” Howard Dean said: two quotes joined by a
    conjunction share the attribution that follows the second, as do two quotes of a sentence
    whose report after the second is the whole sentence's (`_reports_sentence`)."""
    frames = art.frames
    for k in range(len(results) - 2, -1, -1):
        deadline.check()
        nxt = results[k + 1]
        if results[k].att is not None or nxt.att is None or nxt.att.how not in FOLLOWING:
            continue
        gap = art.text[art.quotes[k].end : art.quotes[k + 1].start].strip(" ,")
        if "\n" in gap:
            continue
        if art.sentence(frames.ranges[k][0])[0] != art.sentence(frames.ranges[k + 1][0])[0]:
            continue
        if gap.lower() not in ("and", "or", "but", "") and not _reports_sentence(art, k, nxt.att):
            continue
        speech = results[k].speech  # a phrase stays a phrase, now with its speaker
        results[k] = _copy(nxt)
        results[k].speech = speech


def _reports_sentence(art: Article, k: int, att: Attribution) -> bool:
    """The report after quotation k + 1 is the whole sentence's ("Those who spend hours
    “watching cable news” and reading “the darker corners of the web,” he said, end up …"): its
    verb is the sentence's root or set in it as an aside, and no other reporting verb stands
    between the two quotations. Every quotation of the sentence is then the reporter's."""
    if att.cue is None or not art.parsed:
        return False
    doc, frames = art.doc, art.frames
    if doc[att.cue[0]].dep_ not in ("ROOT", "parataxis"):
        return False
    return not any(not frames.in_quote[i] and (frames.is_according(i) or frames.is_cue(doc[i]) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in doc[i].children))  # a report with a speaker of its own
        for i in range(frames.ranges[k][1], frames.ranges[k + 1][0]))


def _copy(prev: Resolution) -> Resolution:
    if prev.kind is SpeakerKind.ANONYMOUS:
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


def _inherit(art: Article, spans, results, k: int, q: QuotedSpan, has_lead: bool):
    """A speaker for a quotation with none around it, from the quotes and sentences before."""
    prev_k = k - 1
    prev = results[prev_k] if prev_k >= 0 else None
    para = art.paragraph(q.start)
    same_para = prev is not None and art.paragraph(spans[prev_k].start) == para
    rank = art.rank[para]
    if same_para and not has_lead:
        between = _reporter_between(art, results, art.frames.ranges[prev_k][1], art.frames.ranges[k][0])
        if between is not None:
            return between  # “…,” Jones said. Greene added that … . “…”: Greene's
        if prev.att is not None:
            turn = _turn_taken(art, results, prev.att, art.frames.ranges[k][0])
            return turn if turn is not None else _continued(art, prev)
        return None
    lead = art.frames.before(k)[0]
    # the sentence starts after the quote before, or its frame stepped over that short quote
    # ("Jack noted that “…” “list” … and that, “…”"): one sentence
    same_sentence = same_para and (lead >= art.frames.ranges[prev_k][1] or (
        has_lead and lead <= art.frames.ranges[prev_k][0]))
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
    while before >= 0 and para - before < BLANK_PARAGRAPHS and not art.real[before]:
        before -= 1  # over blank lines, captions and list items
    if before < 0 or not art.real[before]:
        return None
    i = bisect_left(art.frames.starts, art.ends[before]) - 1
    doc = art.doc
    while i >= 0 and (doc[i].is_space or art.frames.in_quote[i] and doc[i].is_punct):
        i -= 1
    i = _before_aside(art, i)
    if i >= 0 and art.rank[art.paragraph(doc[i].idx)] == rank - 1:
        if doc[i].text == ":":
            lo, hi = art.frames.sentence_before(i)
            # "Trump issued the following statement:" ¶ “…”: the colon's owner, as in a sentence
            att = _cue_in(art, lo, hi) or art.frames.colon_owner(lo, i + 1)
            if att is not None:
                return from_attribution(art, results, att)
            # "Let's start by parsing that tweet:": the quotation discussed before
            recent = _recent(art, spans, results, k)
            if recent is not None:
                return _copy(recent)
        found = _previous_sentence(art, results, i + 1)
        if found is not None:
            return found
    if prev is not None and prev.att is not None and prev_rank == rank - 1:
        return _continued(art, prev)
    return None


def _continued(art: Article, prev: Resolution) -> Resolution:
    """The speaker of the quotation before, for a quote standing alone after it; when that
    quote's sentence ends in a second report of the speaker in a relative clause ("…," said
    Jane Roe, a consultant who said she would not vote for him. “…”), the quote continues that
    latest report, and the phrase runs on to its relative pronoun."""
    res = _copy(prev)
    att = prev.att
    if att.cue is not None and art.parsed and att.how in (How.AFTER, How.BEFORE):
        later = _later_relative_report(art, att, art.sentence(att.cue[0])[1])
        if later is not None:
            res.att = later
    return res


def _turn_taken(art: Article, results, att: Attribution, start: int) -> Resolution | None:
    """The report of the quote before goes on with a second clause in which someone else takes
    the floor, a verb with no object ("“…,” Roe said, and her husband cut in. “…”", "…, and
    Doe interrupted."): the quote after it is that other person's. A pronoun subject ("and she
    laughed") may be the same speaker, and a verb with an object ("and Doe took notes") tells
    of something else; both leave the quote to the speaker before."""
    if att.cue is None or not art.parsed:
        return None
    doc, frames = art.doc, art.frames
    cue = doc[att.cue[0]]
    for verb in cue.rights:
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or not verb.i < start or frames.in_quote[verb.i]:
            continue
        if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr", "acomp", "prep") for c in verb.children):
            continue
        subj = next((c for c in verb.lefts if c.dep_ == "nsubj" and cue.i < c.i), None)
        if subj is None or frames.in_quote[subj.i] or is_pronoun(subj) or not could_speak(subj):
            continue
        att = frames.phrase(subj, cue.i + 1, verb.i, (verb.i, verb.i + 1), How.PREVIOUS_SENTENCE)
        res = from_attribution(art, results, att)
        res.reason = "the sentence before hands the floor to the speaker"
        return res
    return None


def _before_aside(art: Article, i: int) -> int:
    """A paragraph ending in the writer's aside in brackets ("… she said. (Roe later
    apologised.)"): the last token before the aside, whose sentence the quote after the paragraph
    continues; else i itself."""
    doc = art.doc
    if i < 0 or doc[i].text != ")":
        return i
    j = i - 1
    while j >= 0 and doc[j].text != "(" and "\n" not in doc[j].text and not art.frames.in_quote[j]:
        j -= 1
    if j < 0 or doc[j].text != "(":
        return i
    j -= 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    if j < 0 or "\n" in doc[j].text or doc[j].text not in TERMINATORS:
        return i  # a bracket inside a sentence ("Sen. Jane Roe (D-Ore.)"), not an aside after one
    return j


def _reporter_between(art: Article, results, prev_end: int, start: int) -> Resolution | None:
    """A whole reporting sentence between the quotation before and this one, in the same
    paragraph, names this one's speaker (not the earlier quote's)."""
    doc = art.doc
    i = start - 1
    while i >= prev_end and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    if i < prev_end or not art.parsed or art.sentence(i)[0] < prev_end:
        return None  # no sentence of its own between the two quotations
    return _previous_sentence(art, results, start)


def _interview_answer(art: Article, q: QuotedSpan) -> Attribution | None:
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
    while p >= 0 and para - p <= INTERVIEW_PARAGRAPHS:
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
    if questions < INTERVIEW_QUESTIONS:
        # one question alone may be the writer's own: an exchange needs a second one, after
        p = para + 1
        while p < len(art.ends) and p - para < BLANK_PARAGRAPHS and not (
            art.text[art.paragraph_start(p) : art.ends[p]].strip()
        ):
            p += 1
        if p >= len(art.ends) or not _is_question(
            art.text[art.paragraph_start(p) : art.ends[p]].strip()
        ):
            return None
    ent = art.person_entity_before(bisect_left(art.frames.starts, art.paragraph_start(first_question)))
    if ent is None:
        return None
    return Attribution(head=ent[-1], start=ent.start, end=ent.end, cue=None, how=How.INTERVIEW)


def _is_question(line: str) -> bool:
    """An interviewer's question: a paragraph ending with "?" and quoting nobody."""
    return line.endswith("?") and not any(m in line for m in "\"“”«»")


def _repeated(art: Article, spans, results, k: int) -> Resolution | None:
    """A quotation repeating (part of) an earlier one is the same speaker's words."""
    words = normalize(art.text[spans[k].start : spans[k].end])
    if len(words) < REPEAT_MIN_CHARS:
        return None
    for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
        if results[j].att is None or not results[j].speech:
            continue
        if words in art.normalized(j):
            return results[j]
    return None


def _repeated_later(art: Article, spans, results) -> None:
    """A headline or lede quotes words that the body attributes later (Grace ‘insisting he
    finishes his term’ … ‘He is insisting he finishes his term,’ a source said): an unattributed
    quotation of three words or more found again inside a longer, later attributed one is its
    speaker's (an identical repeat is a title or a pull quote)."""
    for k in range(len(spans)):
        if results[k].att is not None:
            continue
        words = art.normalized(k)
        if len(words.split()) < HEADLINE_MIN_WORDS:
            continue
        for j in range(k + 1, min(len(spans), k + 1 + LOOK_BACK)):
            if results[j].att is None or not results[j].speech:
                continue
            later = art.normalized(j)
            if len(later) > len(words) and f" {words} " in f" {later} ":
                results[k] = _copy(results[j])
                break


def _paraphrased_below(art: Article, spans, results) -> None:
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
        content = {w for w in art.normalized(k).split() if len(w) > CONTENT_WORD_CHARS}
        if len(content) < HEADLINE_CONTENT_MIN:
            continue
        first = bisect_left(art.frames.starts, art.ends[art.paragraph(q.start)])
        for sent in doc[first:].sents if first < len(doc) else ():
            if art.rank[art.paragraph(sent[0].idx)] > 1 + INHERIT_RANKS:
                break
            words = {t.lower_ for t in sent if not art.frames.in_quote[t.i]}
            if content <= words:
                att = _cue_in(art, sent.start, sent.end)
                if att is not None:
                    results[k] = from_attribution(art, results, att)
                    results[k].reason = "the article below reports these words"
                break


def _identified_next(art: Article, spans, results) -> None:
    """Delayed identification, the local-news lede: "A man who was working the door told a
    jury …" then "Harrison, 45, said: “…”" opening the next paragraph. The described speaker
    is the person the next paragraph names with an age, not an unnamed source."""
    doc = art.doc
    for k, res in enumerate(results):
        if res.kind is not SpeakerKind.ANONYMOUS or res.att is None or k + 1 >= len(spans):
            continue
        head = res.att.head
        if person_class(head.lower_)[0] not in (PersonClass.ROLE, PersonClass.UNNAMED) or (
            singular(head.lower_) in sourcing_nouns()
        ):
            continue  # a spokesman, an official, a source: unnamed by the trade's convention
        if not any(c.lower_ in ("a", "an") for c in head.children):
            continue
        if tables().anonymity.search(res.label or "") or res.reason.startswith("the source is"):
            continue  # granted anonymity: never named
        rank = art.rank[art.paragraph(spans[k].start)]
        if rank > LEDE_RANKS:
            break  # the lede only (a headline and a standfirst may come before it)
        j = k + 1
        while j < min(len(spans), k + 1 + LOOK_BACK) and art.rank_of(spans[j].start) == rank:
            j += 1
        if j >= len(spans) or art.rank[art.paragraph(spans[j].start)] != rank + 1:
            continue
        nxt = results[j]
        if nxt.kind is not SpeakerKind.NAMED or nxt.att is None or not nxt.person:
            continue
        first = bisect_left(art.frames.starts, art.paragraph_start(art.paragraph(spans[j].start)))
        while first < len(doc) and doc[first].is_space:
            first += 1
        after = doc[nxt.att.end : nxt.att.end + 3]
        if nxt.att.start != first or len(after) < 3 or not (
            after[0].text == "," and after[1].like_num and after[2].text == ","
        ):
            continue
        res.kind = SpeakerKind.NAMED
        res.resolved = nxt.resolved
        res.reason = "the next paragraph names the speaker"


def _recent(art: Article, spans, results, k: int) -> Resolution | None:
    """The latest attributed quotation within a few paragraphs before quotation k."""
    rank = art.rank[art.paragraph(spans[k].start)]
    for j in range(k - 1, max(-1, k - 1 - LOOK_BACK), -1):
        if rank - art.rank[art.paragraph(spans[j].start)] > INHERIT_RANKS:
            break
        if results[j].att is not None and results[j].speech:
            return results[j]
    return None


def _cue_in(art: Article, lo: int, hi: int) -> Attribution | None:
    frames = art.frames
    for i in range(hi - 1, lo - 1, -1):
        if frames.is_cue(art.doc[i]):
            head = frames.subject_of(art.doc[i])
            if head is not None and lo <= head.i < hi and not frames.in_quote[head.i]:
                return frames.phrase(head, lo, hi, (i, i + 1), How.COLON)
    return None


def _previous_sentence(art: Article, results, end: int) -> Resolution | None:
    """The person the sentence before is about ("However, he defended his decision.")."""
    doc = art.doc
    i = end - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_punct):
        i -= 1
    if i < 0 or art.frames.in_quote[i]:
        return None
    lo, hi = art.frames.sentence_before(i)
    if not art.parsed:
        return None
    s_start, s_end = art.sentence(i)
    frames = art.frames
    # the first reporting verb of the sentence whose subject can speak (the root on a sound
    # parse; on a broken one, the first cue: "Lynch announced … , it’s Gov. Pat McCrory …")
    for j in range(max(lo, s_start), min(hi + 1, s_end)):
        verb = doc[j]
        if frames.in_quote[j] or not frames.is_cue(verb):
            continue
        if any(c.dep_ == "mark" for c in verb.children) or verb.dep_ in ("relcl", "acl"):
            continue  # "… said that …" inside a clause: not the sentence's own report
        head = frames.subject_of(verb)
        if head is None or frames.in_quote[head.i] or not could_speak(head):
            continue
        att = frames.phrase(head, max(lo, s_start), hi + 1, (j, j + 1), How.PREVIOUS_SENTENCE)
        att = _later_relative_report(art, att, min(hi + 1, s_end)) or att
        break
    else:
        return _person_introduced(art, results, max(lo, s_start), min(hi + 1, s_end))
    res = from_attribution(art, results, att)
    res.reason = "the sentence before names the speaker"
    return res


def _person_introduced(art: Article, results, lo: int, hi: int) -> Resolution | None:
    """A sentence with no speech verb about one person by name, then a statement standing
    alone ("Sen. Jane Roe is skeptical. “…”", "Roe went further. “…”"): the sentence
    introduces the quote, its subject is the speaker. "Families are stocking up on firewood.
    “…”": people merely described lend the quote nothing, it has no speaker (nor does a thing,
    a plural or a group)."""
    doc, frames = art.doc, art.frames
    root = next((doc[j] for j in range(lo, hi) if doc[j].dep_ == "ROOT"), None)
    if root is None or frames.in_quote[root.i] or root.pos_ not in ("VERB", "AUX"):
        return None
    head = next((c for c in root.lefts if c.dep_ == "nsubj"), None)
    if head is not None and head.lower_ in speech_act_nouns():
        # "Roe's explanation was simple. “…”": the owner of the words announced
        head = next((c for c in head.children if c.dep_ == "poss" and lo <= c.i), None)
    if head is None or frames.in_quote[head.i] or not could_speak(head) or is_plural(head):
        return None
    att = frames.phrase(head, lo, hi, None, How.PREVIOUS_SENTENCE)
    res = from_attribution(art, results, att)
    if res.kind is SpeakerKind.ANONYMOUS or not res.person and res.kind is SpeakerKind.NAMED and (
        head.pos_ != "PROPN"
    ):
        return None  # someone described, not named; or a thing ("The bill stalls.")
    if res.kind is SpeakerKind.PRONOUN and head.lower_ not in (
        tables().person_pronouns | word_set("person_possessives")  # "Her answer was simple."
    ):
        return None
    res.reason = "the sentence before is about the speaker"
    return res


def _later_relative_report(art: Article, att: Attribution, hi: int) -> Attribution | None:
    """The sentence before ends in a second report of its speaker, in a relative clause ("…,"
    said Jane Roe, the group's director, who also said that …"): the quote after it continues
    that latest report, whose subject is the relative pronoun; the phrase runs on to it."""
    doc = art.doc
    frames = art.frames
    for v in range(att.cue[1], hi):
        verb = doc[v]
        if frames.in_quote[v] or verb.dep_ != "relcl" or not frames.is_cue(verb):
            continue
        rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < v), None)
        if rel is None or rel.lower_ not in ("who", "that") or rel.i < att.end:
            continue
        ante = verb.head
        for _ in range(APPOSITION_CLIMB):  # up over "the director … and an influential …"
            if ante.i == att.head.i or ante.dep_ not in ("appos", "conj"):
                break
            ante = ante.head
        if ante.i != att.head.i or any(
            frames.in_quote[i] or doc[i].pos_ in ("VERB", "AUX") for i in range(att.end, rel.i)
        ):
            continue
        return Attribution(head=att.head, start=att.start, end=rel.i + 1, cue=(v, v + 1),
                           how=att.how)
    return None
