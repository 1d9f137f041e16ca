"""Villages: real places GeoNames lacks, made from GeoNames itself, in real articles' town slots.

The honest figures meet the hard honest case (a real place the gazetteer lacks, a letter or two
from a town) only as often as the annotated articles name one: some twenty names a half, too
few to estimate a rate or to train on. This section makes more of them. A small town of
cities500 (under VILLAGE_MAX_POP people) lying within VILLAGE_KM of a host article's annotated
town, whose name is one or two edits (optimal string alignment) from another town's main name,
is left out of the analyser's gazetteer (`server.gazetteer.index.build_index(leave_out=…)`) and
written where the host names its town, every occurrence (as stress.py transplants do). The
analyser then meets what a local story about a village cities500 lacks gives it: a real name it
has no entry for, near misses around, the story's other places close by. Any place warning or
caution on the name is a false alarm. An estimate of honest risk, no target.

Groups, by what the name is near:

- `near a notable town`: one or two edits from the main name of a town of NOTABLE_POP+
  anywhere (stress.NotableIndex), what a misspelling of a well-known town looks like;
- `near a town close by`: one or two edits from the main name of another town of its division
  within CLOSE_KM of it, what a misspelling of a neighbour looks like.

Each name must be spelt in plain letters, hold a word of 5+ letters that wordfreq does not know
(a known word is never taken for a misspelling), be no other place's name or alternate name
(left out, it is a name nobody has: the village GeoNames lacks) and no division's or country's.
Copies are drawn round-robin over group and context, hosts and villages in a seeded order, each
village once. The index built without them also counts their letter trigrams out of the table
the slip signal reads (letters no place name, or only a few, hold), as for a village GeoNames
never had.
"""

from __future__ import annotations

import random
import tempfile
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .contexts import Context
from .corpora import Article
from .geonames import GeoNames, Town, km, normalize
from .misspell import PLAIN_NAME
from .stress import (CONTEXTS, HOST_TRIES, StressName, Transplant, _index, _occurrences, _unknown_word, hosts,
                     transplant)

VILLAGE_MAX_POP = 3_000  # a town this small stands for the villages cities500 lacks
VILLAGE_KM = 30.0  # it lies this close to the host's town: a place a local story about it names
CLOSE_KM = 50.0  # "a town close by": another town this close to the village
MAX_EDITS = 2  # near: one or two edits
GROUPS = ("near a notable town", "near a town close by")


def _plain(name: str) -> bool:
    return bool(PLAIN_NAME.fullmatch(name)) and name.replace(" ", "").isascii()


@lru_cache(maxsize=None)
def _division_villages(geo: GeoNames, admin1: str) -> tuple[tuple[Town, str, str], ...]:
    """The division's small towns fit to stand for a missing village: (town, group, near name)."""
    towns = [geo.towns[i] for i in geo.admin1_towns.get(admin1, [])]
    keys = [normalize(t.name) for t in towns]
    notable = _index(geo)
    out = []
    for t, key in zip(towns, keys):
        if t.population >= VILLAGE_MAX_POP or not _plain(t.name) or len(geo.by_key.get(key, ())) != 1:
            continue
        if geo.is_region_name(t.name) or not _unknown_word(t.name):
            continue
        near = notable.near(t.name)
        if near is not None and near.geonameid != t.geonameid:
            out.append((t, GROUPS[0], near.name))
            continue
        for _, dist, j in process.extract(key, keys, scorer=OSA.distance, score_cutoff=MAX_EDITS, limit=20):
            other = towns[j]
            if 0 < dist and other.geonameid != t.geonameid and km(t.lat, t.lon, other.lat, other.lon) <= CLOSE_KM:
                out.append((t, GROUPS[1], other.name))
                break
    return tuple(out)


def _villages_near(geo: GeoNames, town: Town, group: str) -> list[tuple[Town, str]]:
    return [(v, near) for v, g, near in _division_villages(geo, town.admin1)
            if g == group and v.geonameid != town.geonameid and km(v.lat, v.lon, town.lat, town.lon) <= VILLAGE_KM]


def sample_villages(articles: list[Article], geo: GeoNames, rnd: random.Random,
                    limit: int) -> tuple[list[Transplant], frozenset[int]]:
    """Up to `limit` copies, round-robin over group and context; and the GeoNames ids left out."""
    by_ctx = hosts(articles, geo)
    contexts = [c for c in CONTEXTS if by_ctx[c]]
    out: list[Transplant] = []
    used: set[int] = set()
    if not contexts:
        return out, frozenset()
    for i in range(limit):
        group = GROUPS[i % len(GROUPS)]
        ctx: Context = contexts[(i // len(GROUPS)) % len(contexts)]
        for _ in range(HOST_TRIES):
            mention, chosen = rnd.choice(by_ctx[ctx])
            art = mention.article
            choices = [(v, near) for v, near in _villages_near(geo, mention.town, group)
                       if v.geonameid not in used and not _occurrences(art.text, v.name)
                       and normalize(v.name) not in normalize(mention.name)]
            if not choices:
                continue
            village, near = rnd.choice(choices)
            used.add(village.geonameid)
            out.append(transplant(StressName(village.name, group, f"GeoNames {village.geonameid}", near),
                                  mention, chosen, geo))
            break
    return out, frozenset(used)


def gazetteer_without(ids: frozenset[int], folder: Path | None = None) -> Path:
    """The analyser's compact index built without these places, in a new temporary folder."""
    from server.gazetteer.index import build_index

    folder = Path(folder or tempfile.mkdtemp(prefix="sourcemark-villages-"))
    return build_index(folder / "gazetteer-villages.npz", leave_out=ids)
