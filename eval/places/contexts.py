"""The context a place-name occurrence stands in, for breaking the catch rate down.

One class per occurrence, the first that applies in the order of `Context` (a dateline name is
usually also in capitals; the capitals are then not counted separately). A name in capitals
followed by a dash or "(AP)" is a dateline wherever it stands: LGL's texts often run a dateline
on after a caption or a byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from . import datafiles


class Context(Enum):
    HEADLINE = "headline"
    DATELINE = "dateline"
    ALL_CAPS = "all caps"
    HYPHENATED = "X-based / X-area"
    POSSESSIVE = "possessive"
    COMPASS = "compass-prefixed (north-west X)"
    NAME_PART = "in a longer name (X City Council)"
    QUALIFIED = "qualified (X, Region)"
    LIST = "list"
    PREPOSITION = "after a preposition"
    OTHER = "subject/other"


PREPOSITIONS = frozenset(datafiles.lines("prepositions.txt"))
CALENDAR = frozenset(datafiles.lines("calendar_words.txt"))
COMPASS = re.compile(r"(?:north|south)(?:[- ]?(?:east|west))?(?:ern)?|(?:east|west)(?:ern)?", re.I)
# What follows a dateline's place: maybe ", State", then a dash (also as the mojibake of one: the
# C1 control \x97 or "â") or "(AP)"; or, after a name in capitals, just ", Abbr." ("SALINA, Kan.").
DATELINE_AFTER = re.compile(r"(?:,[^—–\n]{0,30}?)?\s*(?:—|–|\x97|â|-{1,3}|\([A-Za-z]+\))")
CAPITALS_DATELINE_AFTER = re.compile(r",\s+[A-Z][A-Za-z]{1,4}\.(?:[A-Z][a-z]?\.)?\s")
LIST_JOINS = (", ", " and ", ", and ", " or ", ", or ", "/", " & ", "; ")
NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]+)")  # a capitalised word right after, as in "X City Council"
WORD_BEFORE = re.compile(r"([A-Za-z]+(?:-[A-Za-z]+)?)[ \t]+$")  # the word just before, spaces between


@dataclass(frozen=True)
class Neighbour:
    """Another annotated place name in the text, for lists and "X, Region"."""

    start: int
    end: int
    is_region: bool  # a division or a country


def classify(text: str, start: int, end: int, *, title_end: int, body_start: int,
             neighbours: list[Neighbour]) -> Context:
    word = text[start:end]
    if start < title_end:
        return Context.HEADLINE
    at_line_start = start == body_start or start == 0 or text[start - 1] == "\n"
    capitals = word.isupper() and len(word) > 1
    if (at_line_start or capitals) and DATELINE_AFTER.match(text, end):
        return Context.DATELINE
    if capitals and CAPITALS_DATELINE_AFTER.match(text, end):
        return Context.DATELINE
    if word.isupper():
        return Context.ALL_CAPS
    after = text[end : end + 3]
    if re.match(r"-[A-Za-z]", after):
        return Context.HYPHENATED
    if re.match(r"['’]s?\b", after):
        return Context.POSSESSIVE
    before = WORD_BEFORE.search(text[max(0, start - 40) : start])
    prev = before.group(1) if before else None
    if prev and COMPASS.fullmatch(prev):
        return Context.COMPASS
    following = NEXT_NAME_WORD.match(text, end)
    if following and following.group(1) not in CALENDAR and not any(n.start == end + 1 for n in neighbours):
        return Context.NAME_PART
    for n in neighbours:
        if n.start == end + 2 and text[end : n.start] == ", " and n.is_region:
            return Context.QUALIFIED
    for n in neighbours:
        if text[n.end : start] in LIST_JOINS or text[end : n.start] in LIST_JOINS:
            return Context.LIST
    if prev and prev.lower() in PREPOSITIONS:
        return Context.PREPOSITION
    return Context.OTHER
