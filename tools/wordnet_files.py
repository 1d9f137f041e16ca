"""Read WordNet 3.0's noun database (Debian's wordnet-base, /usr/share/wordnet).

Shared by the two generators of person-noun lists — the analyser's
(tools/wordnet_quote_nouns.py) and the evaluation label rule's (eval/wordnet_person_nouns.py).
It knows WordNet's file format and nothing of either list, so the labels still read no data
of the analyser's: each generator applies its own rule to what this module reads.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
NOUN_PERSON = 18  # lexicographer file number of noun.person (WordNet's lexnames)


@dataclass(frozen=True)
class Synset:
    lexfile: int  # the lexicographer file it belongs to (NOUN_PERSON, …)
    lemmas: frozenset[str]  # its words as data.noun writes them ("Matthew" keeps its capital)


def _records(path: Path) -> Iterator[str]:
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            if not line.startswith(" "):  # the licence header is indented
                yield line


def noun_synsets(wordnet: Path = WORDNET) -> dict[int, Synset]:
    """Every noun synset of data.noun by its offset."""
    out = {}
    for line in _records(wordnet / "data.noun"):
        f = line.split("|", 1)[0].split()
        w_cnt = int(f[3], 16)
        out[int(f[0])] = Synset(int(f[1]), frozenset(f[4 + 2 * i] for i in range(w_cnt)))
    return out


def noun_index(wordnet: Path = WORDNET) -> Iterator[tuple[str, list[int]]]:
    """(lemma, its synset offsets, most frequent sense first) for every entry of index.noun; the
    index lower-cases every lemma, names included."""
    for line in _records(wordnet / "index.noun"):
        f = line.split()
        lemma, synset_cnt, p_cnt = f[0], int(f[2]), int(f[3])
        offsets = [int(o) for o in f[4 + p_cnt + 2 :]]
        assert len(offsets) == synset_cnt, line
        yield lemma, offsets


def noun_exceptions(wordnet: Path = WORDNET) -> Iterator[tuple[str, str]]:
    """(irregular form, its base form) of noun.exc ("children", "child")."""
    for line in _records(wordnet / "noun.exc"):
        f = line.split()
        if len(f) >= 2:
            yield f[0], f[1]
