"""Pass 6, the report: a Quote for every quotation, a Finding for every unnamed or missing speaker.

The finding follows the speaker's kind, always: an unnamed speaker raises `quote.anonymous` (a
`caution`, or an `info` note on a title, scare quote or borrowed word), a quotation with no
speaker `quote.unattributed` unless it is not speech, a named speaker or a pronoun nothing.
"""

from __future__ import annotations

from ..report import Finding, Quote, Speaker
from ..spans import Span
from .article import Article
from .model import Resolution, SpeakerKind

UNATTRIBUTED_MESSAGE = "No speaker is named for this quotation."

def build(art: Article, results: list[Resolution]) -> tuple[list[Quote], list[Finding]]:
    doc = art.doc
    quotes: list[Quote] = []
    findings: list[Finding] = []
    for q, res in zip(art.quotes, results):
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
                    details={"speaker": speaker, "cue": cue, "reason": res.reason},
                )
            )
        elif res.speech and res.kind is SpeakerKind.NONE:
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
