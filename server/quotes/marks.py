"""Pass 1, quote marks: pairing quote marks into quoted spans, in one linear pass over the text.

This module knows typography only, nothing about speakers. It finds top-level quotations in
every common style and never gives up on the rest of a document because a mark is unbalanced:

- double marks: curly “…” (and „…“ openers), straight "…", the newspaper ''…'' and ``…'',
  guillemets «…» and ‹…›; a straight mark's role (opening or closing) comes from the characters
  beside it;
- single marks ‘…’ and '…', looked for only outside double quotes (inside they are nested
  quotes and belong to the outer one), never across a paragraph, and never confused with an
  apostrophe (Kyiv’s, ’90s, rock ’n’ roll, farmers’ union); a single mark left open after a colon
  or at a paragraph's start, when the next paragraph opens with a single mark, is the UK
  newspaper convention for a quote over paragraphs: it ends with its paragraph;
- a quote left open at a paragraph break either continues into the next paragraph, when that
  paragraph's first double mark closes it (“Its fall …⏎This is a turning point.”), or ends with
  its paragraph (the newspaper convention: the next paragraph reopens with a quote mark, the
  first has no closing one; also an honest stray mark loses at most one paragraph);
- a quote mark of the kind already open, where it can only open, means the first quote was never
  closed: that quote ends where the new one starts; except a straight mark after a sentence's
  last punctuation and a space, when no straight mark follows in its paragraph: that is the
  open quote's closing mark typed after a space ("… your twenties. "An officer …");
- nesting deeper than `rules.MAX_NESTING` is not followed (a storm of alternating marks stays
  linear).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from .. import deadline
from .model import QuotedSpan, Role
from .rules import MAX_NESTING

# ''  and `` are two-character marks and must be tried before the single apostrophe.
_MARK = re.compile(r"''|``|[\"“”„‟«»‹›‘’'‚]")

# kind of each double mark, and the role it always has ("open"/"close"); straight ones: context
_DOUBLE = {
    "“": ("curly", Role.OPEN),
    "„": ("curly", Role.OPEN),
    "‟": ("curly", Role.OPEN),
    "”": ("curly", Role.CLOSE),
    "«": ("guillemet", Role.OPEN),
    "»": ("guillemet", Role.CLOSE),
    "‹": ("single-guillemet", Role.OPEN),
    "›": ("single-guillemet", Role.CLOSE),
    "``": ("straight", Role.OPEN),
    '"': ("straight", None),
    "''": ("straight", None),
}
_SINGLE = {"‘", "’", "'", "‚"}

# characters after which a straight mark opens, and before which it closes
_OPENS_AFTER = set("([{<—–-/:;\u00a0") | {"\n"}
_CLOSES_BEFORE = set(",.;:!?)]}>—–-/…")


def find_quotes(text: str) -> list[QuotedSpan]:
    """All top-level quotations of `text`, in order, never overlapping."""
    marks = _drop_doubled([(m.start(), m.group()) for m in _MARK.finditer(text)])
    doubles = _pair_doubles(text, [(p, s) for p, s in marks if s not in _SINGLE])
    singles = _pair_singles(text, [(p, s) for p, s in marks if s in _SINGLE], doubles)
    return sorted(doubles + singles, key=lambda q: q.start)


def _drop_doubled(marks: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A straight double mark typed right beside a curly one (`"“We will…`, `…year,”"`, as
    pasted text often has it) is that one mark doubled, not a second quote: it is dropped,
    so that the pair does not open a quote no mark closes."""
    curly = {p for p, m in marks if m in "“”"}
    return [(p, m) for p, m in marks if not (m == '"' and (p - 1 in curly or p + 1 in curly))]


def paragraph_ends(text: str) -> list[int]:
    """Offsets of every line break, plus the end of the text: each paragraph ends at one."""
    ends = [m.start() for m in re.finditer("\n", text)]
    ends.append(len(text))
    return ends


def _straight_role(text: str, pos: int, width: int) -> Role:
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + width] if pos + width < len(text) else "\n"
    left_open = before.isspace() or before in _OPENS_AFTER
    right_open = not (after.isspace() or after in _CLOSES_BEFORE)
    if left_open and right_open:
        return Role.OPEN
    if not left_open and not right_open:
        return Role.CLOSE
    if before.isdigit() and not right_open:
        return Role.CLOSE  # 6'2" tall: an inch mark closes nothing unless a quote is open
    if left_open and not right_open:
        return Role.EITHER  # a lone mark between spaces
    return Role.EITHER


def _ends_speech(text: str, pos: int, width: int) -> bool:
    """A mark right after a clause's last punctuation and before a space: it closes a quote."""
    before = text[pos - 1] if pos > 0 else ""
    after = text[pos + width] if pos + width < len(text) else "\n"
    return before in ",.!?" and (after.isspace() or after in ",.;:)")


def _closes_after_space(text: str, pos: int) -> bool:
    """A mark after a sentence's last punctuation and one space ("twenties. \"An"): where a
    quote is open and nothing would close the one it opens, it closes the open one."""
    return pos >= 2 and text[pos - 1] == " " and text[pos - 2] in ".!?"


def _mark_ahead(marks: list[tuple[int, str]], i: int, para_end: int, mark: str) -> bool:
    """Does `mark` come again among marks[i:] before the paragraph ends? (The scan stops at the
    first one or at the paragraph's end, so the pass stays linear.)"""
    for k in range(i, len(marks)):
        pos, m = marks[k]
        if pos >= para_end:
            return False
        if m == mark:
            return True
    return False


def _trim_end(text: str, end: int, start: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _pair_doubles(text: str, marks: list[tuple[int, str]]) -> list[QuotedSpan]:
    ends = paragraph_ends(text)
    quotes: list[QuotedSpan] = []
    stack: list[tuple[str, int]] = []  # (kind, position) of open marks; stack[0] is top level

    def role_of(pos: int, mark: str) -> tuple[str, Role]:
        kind, role = _DOUBLE[mark]
        return kind, role or _straight_role(text, pos, len(mark))

    def closes(kind: str, role: str, open_kind: str) -> bool:
        return kind == open_kind and role in (Role.CLOSE, Role.EITHER)

    i = 0
    n = len(marks)
    for para_end in ends:
        deadline.check()
        while i < n and marks[i][0] < para_end:
            pos, mark = marks[i]
            i += 1
            kind, role = role_of(pos, mark)
            if mark == "“" and stack and text[stack[-1][1]] == "„":
                role = Role.CLOSE  # German style „…“
            open_kinds = [k for k, _ in stack]
            if len(stack) == 1 and mark in "“\"" and _ends_speech(text, pos, len(mark)):
                role = Role.CLOSE  # “…,“ said X: an opening mark typed where a closing one goes
            if len(stack) == 1 and kind != open_kinds[0] and _ends_speech(text, pos, len(mark)):
                # “…," she said / "…” he said / “…,“ said X: a mismatched mark after the
                # clause's last punctuation closes the quote that is open
                if {kind, open_kinds[0]} <= {"curly", "straight"}:
                    kind, role = open_kinds[0], Role.CLOSE
            if role == Role.EITHER:
                role = Role.CLOSE if kind in open_kinds else Role.OPEN
            if role == Role.CLOSE:
                if kind not in open_kinds:
                    continue  # a stray closing mark (or an inch sign): nothing to close
                depth = len(open_kinds) - 1 - open_kinds[::-1].index(kind)
                if depth == 0:
                    quotes.append(QuotedSpan(stack[0][1], pos + len(mark)))
                    stack = []
                else:
                    del stack[depth:]
            else:  # open
                if stack and stack[-1][0] == kind:
                    # the same kind opens again where it cannot close: the last one was never
                    # closed. If it was the top-level quote, it ends where this one starts.
                    if len(stack) == 1 and kind == "straight" and _closes_after_space(text, pos) and not (
                        _mark_ahead(marks, i, para_end, mark)
                    ):
                        # `… and twenties. "An officer stopped the car …`: a closing mark typed
                        # after a space. Read as an opening one, it would open a quote that no
                        # mark of its paragraph closes, over the writer's own words.
                        quotes.append(QuotedSpan(stack[0][1], pos + len(mark)))
                        stack = []
                        continue
                    if len(stack) == 1:
                        end = _trim_end(text, pos, stack[0][1])
                        quotes.append(QuotedSpan(stack[0][1], end, open_end=True))
                        stack = [(kind, pos)]
                    else:
                        stack[-1] = (kind, pos)
                    continue
                if len(stack) < MAX_NESTING:
                    stack.append((kind, pos))
        if stack:
            if not _closed_in_next_paragraph(text, marks, i, ends, para_end, stack[0][0], role_of):
                quotes.append(
                    QuotedSpan(stack[0][1], _trim_end(text, para_end, stack[0][1]), open_end=True)
                )
                stack = []
            else:
                stack = stack[:1]  # nested quotes do not run over a paragraph break
    return quotes


def _closed_in_next_paragraph(text, marks, i, ends, para_end, open_kind, role_of) -> bool:
    """Does the first double mark of the next non-blank paragraph close the open quote?"""
    if i >= len(marks):
        return False
    # the next non-blank paragraph starts at the first non-space character after para_end
    j = para_end
    while j < len(text) and text[j].isspace():
        j += 1
    if j >= len(text):
        return False
    next_end = ends[bisect_left(ends, j)]
    pos, mark = marks[i]
    if pos >= next_end:
        return False
    kind, role = role_of(pos, mark)
    return kind == open_kind and role in (Role.CLOSE, Role.EITHER) and pos != j


def _single_role(text: str, pos: int, mark: str) -> Role | None:
    before = text[pos - 1] if pos > 0 else "\n"
    after = text[pos + 1] if pos + 1 < len(text) else "\n"
    if before.isalnum() and after.isalnum():
        return None  # Kyiv’s, don't
    if mark in "‘‚'" and not before.isalnum() and not after.isspace():
        if after.isdigit():
            return None  # ’90s typed with the wrong mark
        if mark == "'" and not (before.isspace() or before in _OPENS_AFTER or before in "\"“«"):
            return None
        return Role.OPEN
    if mark in "’'" and not before.isspace() and not after.isalnum():
        # a closing mark, or the apostrophe of a plural possessive (farmers’ union): "weak"
        if before in "sS" and after == " " and text[pos + 2 : pos + 3].islower():
            return Role.WEAK_CLOSE
        return Role.CLOSE
    return None  # ’90s, ’em, ’n’ (preceded by a space): apostrophes


def _pair_singles(text, marks, doubles: list[QuotedSpan]) -> list[QuotedSpan]:
    """Single-mark quotations outside double quotes, one paragraph at a time."""
    inside = [(q.start, q.end) for q in doubles]
    starts = [s for s, _ in inside]
    ends = paragraph_ends(text)
    found: list[QuotedSpan] = []

    def in_double(pos: int) -> bool:
        k = bisect_left(starts, pos + 1) - 1
        return k >= 0 and inside[k][0] <= pos < inside[k][1]

    events = []
    for pos, mark in marks:
        if in_double(pos):
            continue
        role = _single_role(text, pos, mark)
        if role:
            events.append((pos, role))

    k = 0
    while k < len(events):
        pos, role = events[k]
        if role != Role.OPEN:
            k += 1
            continue
        para_end = ends[bisect_left(ends, pos)]
        # the first strong closer before the next opener or the paragraph end; else a weak one
        chosen = None
        weak = None
        m = k + 1
        while m < len(events) and events[m][0] < para_end:
            if events[m][1] == Role.OPEN:
                break  # the next opener: this one closes before it, or was an apostrophe ('em)
            if events[m][1] == Role.CLOSE:
                chosen = m
                break
            if events[m][1] == Role.WEAK_CLOSE and weak is None:
                weak = m
            m += 1
        close = chosen if chosen is not None else weak
        if close is None:
            if _single_runs_on(text, pos, para_end, events, m):
                found.append(QuotedSpan(pos, _trim_end(text, para_end, pos), double=False,
                                        open_end=True))
                k = m
                continue
            k += 1
            continue
        if _holds_a_double(starts, pos, events[close][0]):
            k += 1  # 'x “…” … farmers’: a single mark never encloses a double quotation
            continue
        found.append(QuotedSpan(pos, events[close][0] + 1, double=False))
        k = close + 1
    return found


def _holds_a_double(starts: list[int], start: int, end: int) -> bool:
    k = bisect_left(starts, start)
    return k < len(starts) and starts[k] < end


def _single_runs_on(text: str, pos: int, para_end: int, events, m: int) -> bool:
    """An unclosed single mark that opens speech (after a colon or at a paragraph's start) and
    is followed by a paragraph opening with a single mark: the quote goes on over the break
    (told the Mail: ‘When I was playing …⏎‘If that trust goes …’)."""
    if m < len(events) and events[m][0] < para_end:
        return False  # another opener in the paragraph: this mark was an apostrophe
    i = pos - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i >= 0 and text[i] not in ":\n":
        return False
    j = para_end
    while j < len(text) and text[j].isspace():
        j += 1
    return m < len(events) and events[m][0] == j and events[m][1] == Role.OPEN
