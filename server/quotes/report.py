"""Pass 6, the report: a Quote for every quotation, a Finding for every unnamed or missing speaker.

The finding follows the speaker's kind, always: an unnamed speaker raises `quote.anonymous` (a
`caution`, or an `info` note on a title, scare quote or borrowed word), a quotation with no
speaker `quote.unattributed` unless it is not speech or someone is near who may have said it (a
person named — a PERSON entity, or the surname of a person the article names in full, however
it is tagged there — or a he/she outside quote marks in its sentence or the one before:
`someone_near`), a named speaker or a pronoun nothing. The
reason of a quote.anonymous finding quotes its evidence (`evidence`; EVIDENCE.md says what each
severity needs).
"""

from __future__ import annotations

from ..report import Finding, Quote, Speaker
from ..spans import Span
from .article import Article
from .lexicon import tables
from .model import How, Resolution, SpeakerKind
from .rules import CLAUSE_CHARS, NEAR_SENTENCES

UNATTRIBUTED_MESSAGE = "No speaker is named for this quotation."

# how the speaker phrase is tied to its cue, as the card says it
ACCORDING = (How.ACCORDING_BEFORE, How.ACCORDING_AFTER, How.WORDS_OF)


def _tie(art: Article, res: Resolution) -> str | None:
    """"is the subject of “said”" when the parse makes the phrase's head the cue's subject,
    "comes after “according to”", else "goes with “said”" (the nearest phrase to the cue)."""
    att = res.att
    if att is None or att.cue is None:
        return None
    doc = art.doc
    cue = doc[att.cue[0] : att.cue[1]].text
    if att.how in ACCORDING:
        return f"comes after “{cue}”"
    if att.head.dep_ in ("nsubj", "nsubjpass") and att.cue[0] <= att.head.head.i < att.cue[1]:
        return f"is the subject of “{cue}”"
    return f"goes with “{cue}”"


def evidence(art: Article, res: Resolution) -> str:
    """The reason of a quote.anonymous finding, with what the reader can check in the text: the
    words that describe the speaker without naming them, the words that keep the source unnamed
    ("who asked not to be named"), and how the phrase is tied to the quotation (the subject of
    "said", after "according to"); for a pronoun or a continuation, the unnamed source it points
    back to."""
    reason = res.reason
    if res.att is None:
        return reason
    doc = art.doc
    phrase = doc[res.att.start : res.att.end].text
    if reason.startswith(("the pronoun", "continues")):
        source = res.label if res.label and res.label != phrase else None
        return f"{reason}: “{source or phrase}”"
    end = art.char_end(res.att.end - 1)
    clause = art.text[end : end + CLAUSE_CHARS].split("\n", 1)[0].split(".", 1)[0]
    kept = tables().anonymity.search(phrase) or tables().anonymity_clause.search(clause)
    if kept is not None:
        said, it = f"“{kept.group(0).strip()}” keeps the source unnamed", f"“{phrase}”"
    else:
        said, it = f"“{phrase}” describes the speaker but names nobody", "it"
    tie = _tie(art, res)
    if tie is not None:
        said += f"; {it} {tie}"
    return said


def someone_near(art: Article, k: int) -> bool:
    """A person is named (a PERSON entity) or pointed to (he, she, him, her) outside quote
    marks in quotation k's sentences or the `NEAR_SENTENCES` before them. The rules found no
    speaker, but the reader sees someone the words may be from ("Putting the show together, Roe
    said, allowed him to … Audiences can expect him to bring “…”", "“…,” Roe from his desk."):
    no speaker found is then no evidence that nobody is named, and no warning is raised."""
    if not art.parsed:
        return False
    q_lo, q_hi = art.frames.ranges[k]
    if q_hi <= q_lo:
        return False
    lo, hi = art.sentence(q_lo)[0], art.sentence(q_hi - 1)[1]
    for _ in range(NEAR_SENTENCES):
        if lo > 0:
            lo = art.sentence(lo - 1)[0]
    doc, in_quote, persons = art.doc, art.frames.in_quote, tables().person_pronouns
    return any(not in_quote[i] and (doc[i].ent_type_ == "PERSON" or doc[i].lower_ in persons
                                    or _surname_of_article(art, doc[i]))
               for i in range(lo, hi))


def _surname_of_article(art: Article, tok) -> bool:
    """A capitalised word that is the last name of a person the article names in full, whatever
    the small model tagged it here ("“…,” Roe from his desk." with "Roe" read as a verb or a
    firm after "Jane Roe" earlier): the same person, near the quote."""
    return tok.is_alpha and tok.text[:1].isupper() and art.names.knows(tok.text)


def build(art: Article, results: list[Resolution]) -> tuple[list[Quote], list[Finding]]:
    doc = art.doc
    quotes: list[Quote] = []
    findings: list[Finding] = []
    for k, (q, res) in enumerate(zip(art.quotes, results)):
        span = Span(q.start, q.end)
        speaker_span = cue = None
        if res.att is not None:
            first, last = doc[res.att.start], doc[res.att.end - 1]
            speaker_span = Span(first.idx, last.idx + len(last.text))
            if res.att.cue is not None:
                c0, c1 = doc[res.att.cue[0]], doc[res.att.cue[1] - 1]
                cue = Span(c0.idx, c1.idx + len(c1.text))
        speaker = Speaker(kind=res.kind.value, span=speaker_span, resolved=res.resolved)
        quotes.append(Quote(span=span, speaker=speaker, cue=cue, speech=res.speech))
        if res.kind is SpeakerKind.ANONYMOUS:
            # the kind and the finding always agree; a title, a scare quote or a borrowed word
            # from an unnamed source is only a note
            findings.append(
                Finding(
                    type="quote",
                    code="quote.anonymous",
                    severity="caution" if res.speech else "info",
                    span=span,
                    message=f"Attributed to an unnamed source: {res.label}",
                    details={"speaker": speaker, "cue": cue, "reason": evidence(art, res)},
                )
            )
        elif res.speech and res.kind is SpeakerKind.NONE and not someone_near(art, k):
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
