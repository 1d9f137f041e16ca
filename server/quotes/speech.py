"""Pass 5, speech: what is speech, and what is a title, a name, a slogan or a scare quote.

The book “…”, the so-called “…”, dubbed “…”, a Capitalised Title Of Words, one or two quoted words
far from their cue: these are mentions, not statements, and raise no finding. A short phrase
inside a sentence with no speaker is a scare quote. A quote taken up by a characterising verb
("X called the strike “deeply disappointing”") is its subject's words.
"""

from __future__ import annotations

from .article import Article
from .lexicon import characterising_verbs, not_speech_cues, word_set
from .rules import (
    CONTENT_WORD_CHARS,
    FAR_CUE_TOKENS,
    INLINE_PHRASE_WORDS,
    LABEL_WORDS,
    PHRASE_WORDS,
    SHORT_NAME_WORDS,
    SINGLE_PHRASE_WORDS,
    TITLE_CUE_TOKENS,
    TITLE_CUE_WORDS,
)
from .model import Attribution, Frame, How, QuotedSpan, Resolution, SpeakerKind

def _characterised(art: Article, q: QuotedSpan, att: Attribution | None) -> bool:
    """“X called the strike “deeply disappointing””: a speaker who is the subject of a
    characterising verb before the quote makes it their words, unless they look like a name."""
    if att is None or att.cue is None or att.how is not How.BEFORE:
        return False
    verb = art.doc[att.cue[0]]
    if verb.lower_ not in characterising_verbs():
        return False
    if verb.i > 0 and art.doc[verb.i - 1].lower_ in word_set("so_called"):
        return False  # the so-called
    if not any(c.dep_ == "nsubj" and not art.frames.in_quote[c.i] for c in verb.children):
        return False
    words = [w for w in art.text[q.start + 1 : q.end - 1].split() if len(w) > CONTENT_WORD_CHARS]
    return not all(w[:1].isupper() for w in words)


def _is_name_or_title(art: Article, k: int, att: Attribution | None = None) -> bool:
    """A title, a nickname or a mention: the book “…”, dubbed “…”, the so-called “…”. The
    words of the quote's own "in the words of X" / "in X's words" frame are its cue, not a
    mention's ("the word “…”")."""
    doc = art.doc
    lo, _ = art.frames.ranges[k]
    cues = not_speech_cues()
    own = range(*att.cue) if att is not None and att.how is How.WORDS_OF and att.cue else range(0)
    seen = 0
    i = lo - 1
    while i >= 0 and seen < TITLE_CUE_WORDS and lo - i <= TITLE_CUE_TOKENS:
        tok = doc[i]
        if "\n" in tok.text or art.frames.in_quote[i] or tok.text in (".", "!", "?"):
            break  # the sentence before ("… on the Sanders campaign. “We could win …”")
        if not tok.is_punct and not tok.is_space:
            if tok.lower_ in cues and i not in own:
                return True
            if tok.lower_ not in word_set("title_determiners"):
                seen += 1
        i -= 1
    return False


def _is_short_name(art: Article, k: int, q: QuotedSpan, att: Attribution) -> bool:
    """One or two quoted words that are a name ("Blue House") or far from their cue."""
    inner = art.text[q.start + 1 : q.end - 1].strip(" ,.;:!?'\"’”")
    words = inner.split()
    if len(words) > SHORT_NAME_WORDS:
        return False
    if words and all(w[:1].isupper() for w in words) and not art.starts_paragraph(q):
        return True
    if att.cue is None:
        return False
    lo, hi = art.frames.ranges[k]
    distance = lo - att.cue[1] if att.cue[1] <= lo else att.cue[0] - hi
    return distance > FAR_CUE_TOKENS


def _looks_like_speech(art: Article, q: QuotedSpan, has_lead: bool) -> bool:
    """An unattributed quote is speech unless it is a short phrase inside a sentence."""
    inner = art.text[q.start + 1 : q.end - (0 if q.open_end else 1)].strip()
    words = len(inner.split())
    if words <= PHRASE_WORDS:
        return False
    if not q.double and words <= SINGLE_PHRASE_WORDS:
        return False
    ends_clause = inner.rstrip("'\"’”").endswith((".", "!", "?", ",", "…"))
    if has_lead and words <= INLINE_PHRASE_WORDS and not ends_clause:
        return False
    return True


def _modifies_a_noun_after(art: Article, k: int, q: QuotedSpan) -> bool:
    """“the scientists asked five people to perform a “direction discrimination” task”: a
    short quote whose words hang, as one noun modifier (a compound, an nmod), from a noun right
    after its closing mark names a kind of thing, like a title: a term, not a statement."""
    inner = art.text[q.start + 1 : q.end - 1].rstrip()
    if q.open_end or inner.rstrip("'\"’”").endswith((".", "!", "?", ",", ";", ":", "…")):
        return False
    q_lo, q_hi = art.frames.ranges[k]
    words = [t for t in art.doc[q_lo:q_hi] if not (t.is_punct or t.is_space)]
    if not words or len(words) > INLINE_PHRASE_WORDS:
        return False
    tops = [t for t in words if not q_lo <= t.head.i < q_hi]
    if len(tops) != 1 or tops[0].dep_ not in ("compound", "nmod"):
        return False
    noun = tops[0].head
    return noun.i >= q_hi and noun.pos_ in ("NOUN", "PROPN") and not art.frames.in_quote[noun.i] and all(
        t.is_punct or t.is_space or t.head.i == noun.i for t in art.doc[q_hi : noun.i]
    )


def _is_label(art: Article, q: QuotedSpan, res: Resolution) -> bool:
    """One or two words taken up by a characterising verb ("critics called it a “giveaway”")
    are a label, not a statement whose source the reader needs to weigh."""
    if res.att is None or len(art.text[q.start : q.end].split()) > LABEL_WORDS:
        return False
    if res.att.how == How.PREVIOUS_SENTENCE:
        return True  # ‘Unprecedented’ strandings: no cue of its own, a word borrowed, not speech
    if res.att.cue is None:
        return False
    return art.doc[res.att.cue[0]].lower_ in characterising_verbs()


def _subject_only(att: Attribution) -> bool:
    """The speaker phrase is only the subject of the quote's sentence, with no speech verb."""
    return att.how is How.SUBJECT and att.cue is None


def _unbind(res: Resolution) -> None:
    """“Audiences can expect him to bring “a little more recklessness than they're used to.””:
    a full statement inside a sentence whose subject is an unnamed person or group and whose verb
    is no speech verb is not that group's — nothing in the sentence says they spoke. A named
    subject ("Gov. Doe thanked the nurses for their “…”") is the usual source of such a quote;
    people described only are usually what the sentence is about. The quotation has no speaker
    here, as a reader would see it: unattributed, not anonymous."""
    res.att = None
    res.kind = SpeakerKind.NONE
    res.label = res.resolved = None
    res.person = False
    res.reason = "no speaker found: the sentence's unnamed subject is not said to speak"


def is_title(art: Article, k: int, att: Attribution | None) -> bool:
    """Pass 2 asks: do the words before quotation k make it a title or a name?"""
    return _is_name_or_title(art, k, att) and not _characterised(art, art.quotes[k], att)


def judge(art: Article, frame: Frame, res: Resolution) -> None:
    """Set `res.speech`: False for titles, names, and short phrases with nobody speaking."""
    if frame.title:
        res.speech = False
    elif frame.att is not None:
        res.speech = not _is_short_name(art, frame.k, frame.quote, frame.att) and not (
            _modifies_a_noun_after(art, frame.k, frame.quote))
        if frame.att.how is How.SUBJECT and frame.att.cue is None:
            # the subject of a sentence with no speech verb: a short phrase is still a scare
            # quote or a borrowed word ("He was always a “small l” liberal.")
            res.speech = res.speech and _looks_like_speech(art, frame.quote, frame.has_lead)
            if res.speech and res.kind is SpeakerKind.ANONYMOUS and _subject_only(frame.att):
                _unbind(res)
    elif res.att is None:
        res.speech = _looks_like_speech(art, frame.quote, frame.has_lead)
    elif res.speech and res.kind is SpeakerKind.ANONYMOUS and _subject_only(res.att):
        # a statement continuing one whose only tie to an unnamed group was being in its
        # sentence ("… the phrase “self-deportation.” Why not say: “They'll go home …”"):
        # nobody said it either
        _unbind(res)
    if res.speech and res.kind is SpeakerKind.ANONYMOUS and _is_label(art, frame.quote, res):
        # critics called it a “giveaway”: a word borrowed, not a statement to weigh
        res.speech = False
