"""Quotations and their speakers (first version: pairs quote marks, names no speaker yet)."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .report import Finding, Quote, Speaker
from .spans import Span

_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


def analyze(doc: Doc) -> tuple[list[Quote], list[Finding]]:
    found, findings = [], []
    for match in _QUOTE.finditer(doc.text):
        span = Span(match.start(), match.end())
        quote = Quote(span=span, speaker=Speaker(kind="none"))
        found.append(quote)
        findings.append(
            Finding(
                type="quote",
                code="quote.unattributed",
                severity="caution",
                span=span,
                message="No speaker is named for this quotation.",
                details={"speaker": quote.speaker, "cue": None, "reason": "no speaker found"},
            )
        )
    return found, findings
