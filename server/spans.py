"""Character spans and their conversion to the API's unit, UTF-16 code units.

The analyses work on Python strings, which count code points; JavaScript strings, and so the
extension, count UTF-16 code units. Everything inside the server uses code points and converts
once, when the report is written (see `Utf16Index`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# How much context the client gets on each side of a span to re-find it if the page changed.
CONTEXT_CHARS = 32

# A UTF-16 surrogate on its own: JSON may carry one, UTF-8 cannot.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True, order=True)
class Span:
    """A half-open range [start, end) of code points in the analysed text."""

    start: int
    end: int

    def __post_init__(self):
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class Utf16Index:
    """Converts code-point offsets of one text to UTF-16 offsets in O(log n).

    Only characters outside the Basic Multilingual Plane (emoji, some CJK) take two UTF-16 code
    units; the index remembers where they are. A lone surrogate, which Python can hold after
    JSON decoding, is one code unit in JavaScript as well.
    """

    def __init__(self, text: str):
        self.text = text
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]

    def offset(self, codepoint_offset: int) -> int:
        return codepoint_offset + bisect_right(self._astral, codepoint_offset - 1)

    def length(self, span: Span) -> int:
        return self.offset(span.end) - self.offset(span.start)

    def describe(self, span: Span) -> dict:
        """The fields every span in a report carries: offset, length, text, prefix, suffix."""
        return {
            "offset": self.offset(span.start),
            "length": self.length(span),
            "text": self.text[span.start : span.end],
            "prefix": self.text[max(0, span.start - CONTEXT_CHARS) : span.start],
            "suffix": self.text[span.end : span.end + CONTEXT_CHARS],
        }


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)
