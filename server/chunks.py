"""Where the pipeline cuts a long text, so that no input costs more than prose of its length.

Two cuts, both invisible in the joined `Doc` (its text is the input, character for character):

- `pieces`: spaCy's tokenizer splits a run of characters without white space one prefix at a
  time, copying the rest each time, so its cost grows with the square of the run's length
  (8,000 quote marks in a row take seconds, 200,000 take hours, in one uninterruptible call).
  A run longer than `LONG_RUN` is tokenized in pieces of `PIECE` characters.
- `chunks`: a text longer than `CHUNK_CHARS` goes through the pipeline in chunks cut at paragraph
  breaks where it can (else at a sentence end, else at white space), so that the deadline is
  checked between chunks and no single component call runs long. An article under that length,
  nearly every real one, is parsed whole, exactly as `nlp(text)` would.
"""

from __future__ import annotations

import re

# A run of non-space characters longer than this is tokenized in pieces (a long URL is ~200).
LONG_RUN = 400
# The length of those pieces: the tokenizer's cost per piece grows with its square.
PIECE = 50
# Texts longer than this go through the pipeline in chunks of about this many characters
# (prose: ~10,000 tokens, about a second of pipeline on one core).
CHUNK_CHARS = 50_000

_LONG_RUN = re.compile(r"\S{%d,}" % (LONG_RUN + 1))
_SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*\s")
_SPACE = re.compile(r"\s")


def pieces(text: str) -> list[tuple[int, int]]:
    """[start, end) bounds covering `text`, cutting only inside runs longer than LONG_RUN."""
    cuts = []
    for run in _LONG_RUN.finditer(text):
        cuts.extend(range(run.start() + PIECE, run.end(), PIECE))
    return _bounds(cuts, len(text))


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) bounds covering `text`, each at most `size` long, cut where a break is."""
    cuts = []
    start = 0
    while len(text) - start > size:
        cut = _cut_before(text, start + size // 2, start + size)
        cuts.append(cut)
        start = cut
    return _bounds(cuts, len(text))


def _cut_before(text: str, low: int, high: int) -> int:
    """The last good place to cut in text[low:high]: after a line break, else after a
    sentence end, else after white space, else at `high`."""
    line = text.rfind("\n", low, high)
    if line >= 0:
        return line + 1
    for pattern in (_SENTENCE_END, _SPACE):
        last = None
        for last in pattern.finditer(text, low, high):
            pass
        if last is not None:
            return last.end()
    return high


def _bounds(cuts: list[int], length: int) -> list[tuple[int, int]]:
    points = [0, *cuts, length]
    return list(zip(points, points[1:]))
