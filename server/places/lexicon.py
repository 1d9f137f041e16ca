"""The word lists of the place analysis, each a data file under server/data/places/ read through
server/datafiles.py. Lists of names come normalised (server.gazetteer.normalize)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import datafiles
from ..gazetteer import normalize

# A compass direction abbreviated with periods: "S.E.", "N.", "N.W."
COMPASS_ABBREVIATION = re.compile(r"[NSEW]\.(?:[NSEW]\.)?")
# "\x97" and "\x96" are the em and en dash of Windows-1252 text read as Latin-1, common in
# pages and feeds that went through an old system ("NEWARK \x97 Wess Henry, who …").
DASHES = ("—", "–", "-", "--", "\x97", "\x96")


@lru_cache(maxsize=None)
def context(name: str) -> frozenset[str]:
    """A named list of context words from contexts.json ("strong_prepositions", "of_nouns"…)."""
    return frozenset(datafiles.json("places/contexts.json")[name]["words"])


@lru_cache(maxsize=None)
def ordered_context(name: str) -> tuple[str, ...]:
    """A named list of contexts.json in file order (suffix lists: the order matters)."""
    return tuple(datafiles.json("places/contexts.json")[name]["words"])


def names(filename: str) -> frozenset[str]:
    """A one-a-line list of names or words, normalised ("not_places.txt", "demonyms.txt"…)."""
    return datafiles.words(f"places/{filename}", normalize)


def settlement_words() -> frozenset[str]:
    return names("settlement_words.txt")


@lru_cache(maxsize=None)
def cue_phrases(filename: str, kind: str | None = None) -> tuple[tuple[str, ...], ...]:
    """Phrases of a cue list as tuples of lowercased words; `kind` picks "before:"/"after:" lines."""
    out = []
    for line in datafiles.ordered(f"places/{filename}"):
        if kind is not None:
            tag, _, line = line.partition(":")
            if tag != kind:
                continue
        out.append(tuple(line.lower().split()))
    return tuple(out)


@lru_cache(maxsize=None)
def disputed() -> dict[str, tuple[str, ...]]:
    """Country code -> the divisions and countries it controls or claims (disputed.tsv)."""
    table: dict[str, list[str]] = {}
    for country, codes in datafiles.rows("places/disputed.tsv"):
        table.setdefault(country, []).extend(c.strip() for c in codes.split(","))
    return {k: tuple(v) for k, v in table.items()}
