"""One loader for the word lists and tables under server/data/, shared by every analysis.

Formats, all UTF-8, `#` starting a comment line:

- `.txt`  one entry a line (`words`), or whitespace-separated entries (`tokens`);
- `.tsv`  tab-separated columns (`rows`);
- `.json` any JSON value (`json`).

Every loader is cached: a table is read once per process, so workers forked after the first
request share it.
"""

from __future__ import annotations

import json as _json
from functools import lru_cache
from importlib import resources
from typing import Callable

PACKAGE = "server"


def path(relative: str):
    """The data file `relative` (e.g. "places/not_places.txt") inside the installed package."""
    return resources.files(PACKAGE).joinpath("data", *relative.split("/"))


def _lines(relative: str) -> list[str]:
    text = path(relative).read_text(encoding="utf-8")
    return [line.rstrip("\r") for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def words(relative: str, normalize: Callable[[str], str] | None = None) -> frozenset[str]:
    """The set of lines of a one-entry-a-line list, stripped, optionally normalised."""
    out = (line.strip() for line in _lines(relative))
    return frozenset(normalize(w) if normalize else w for w in out)


@lru_cache(maxsize=None)
def ordered(relative: str) -> tuple[str, ...]:
    """The lines of a list in file order (for lists whose order means something)."""
    return tuple(line.strip() for line in _lines(relative))


@lru_cache(maxsize=None)
def tokens(relative: str) -> tuple[str, ...]:
    """Every whitespace-separated entry of a list, in order."""
    return tuple(tok for line in _lines(relative) for tok in line.split())


@lru_cache(maxsize=None)
def rows(relative: str) -> tuple[tuple[str, ...], ...]:
    """The tab-separated rows of a table, each cell stripped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(relative))


@lru_cache(maxsize=None)
def json(relative: str):
    """A JSON table (returned as parsed; callers must not mutate it)."""
    return _json.loads(path(relative).read_text(encoding="utf-8"))
