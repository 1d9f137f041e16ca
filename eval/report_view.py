"""The analyser's JSON report read back in code points, for the evaluation commands.

The report counts UTF-16 code units (DESIGN.md); the corpora and labels count code points, so
every span is converted here, once. Only the JSON report is read: the evaluation does not
depend on the analysis' internals.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


class CodePoints:
    """Converts UTF-16 offsets of one text back to code-point offsets."""

    def __init__(self, text: str):
        # UTF-16 offset at which each astral (two-unit) character starts
        self._astral: list[int] = []
        units = 0
        for ch in text:
            if ord(ch) > 0xFFFF:
                self._astral.append(units)
                units += 2
            else:
                units += 1

    def at(self, utf16_offset: int) -> int:
        return utf16_offset - bisect_right(self._astral, utf16_offset - 1)


@dataclass(frozen=True)
class Range:
    start: int
    end: int

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))


@dataclass(frozen=True)
class ReportedSpeaker:
    kind: str  # named | pronoun | anonymous | none, as the report says
    text: str | None
    range: Range | None
    resolved: str | None = None  # the full name a pronoun or surname stands for


@dataclass(frozen=True)
class ReportedQuote:
    range: Range
    text: str
    speech: bool
    speaker: ReportedSpeaker
    codes: frozenset  # the quote findings on this quotation ("quote.anonymous", …)


def _range(item: dict | None, cp: CodePoints) -> Range | None:
    if not item or item.get("offset") is None:
        return None
    start = cp.at(item["offset"])
    return Range(start, cp.at(item["offset"] + item.get("length", 0)))


def read_quotes(report: dict, text: str) -> list[ReportedQuote]:
    """Every reported quotation with its speaker and the quote findings that lie on it."""
    cp = CodePoints(text)
    findings = [(_range(f, cp), f["code"]) for f in report.get("findings", [])
                if f.get("type") == "quote"]
    out = []
    for q in report.get("quotes", []):
        rng = _range(q, cp)
        sp = q.get("speaker") or {}
        codes = frozenset(code for frange, code in findings
                          if frange is not None and rng.overlap(frange.start, frange.end))
        out.append(ReportedQuote(
            range=rng,
            text=q.get("text", ""),
            speech=q.get("speech", True),
            speaker=ReportedSpeaker(sp.get("kind", "none"), sp.get("text"), _range(sp, cp),
                                    sp.get("resolved")),
            codes=codes,
        ))
    return out


def best_match(quotes: list[ReportedQuote], parts: list[tuple[int, int]]) -> ReportedQuote | None:
    """The reported quotation overlapping the given ranges most (None if none overlaps)."""
    best, best_overlap = None, 0
    for q in quotes:
        overlap = sum(q.range.overlap(a, b) for a, b in parts)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best
