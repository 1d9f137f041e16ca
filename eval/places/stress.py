"""Stress: real names the rules were not shaped on, transplanted into other articles' town slots.

The honest figures count alarms on names in the sentences they were written in, and the rules
were tuned on exactly those (dev). This section moves the real names most at risk of a false
alarm into new sentences, so that it estimates how the rules do on real names in contexts they
have not seen. It is an estimate of honest risk, not a target.

Names, three groups (each a real name, spelt as its writer spelt it):

- `not in GeoNames`: an annotated toponym of the split (LGL, GeoVirus) that no cities500 name or
  alternate name, country, division or US county has: villages, districts, landmarks;
- `near a notable town`: an annotated toponym GeoNames holds, one word of which (5+ letters) is
  one or two edits (optimal string alignment) from the main name of another town of
  NOTABLE_POP+: what a misspelling looks like;
- `PolNeAR name`: a capitalised word inside a sentence of PolNeAR's split (people, firms, bodies;
  no place annotation), 5+ letters, no country or division, that GeoNames does not hold or that
  is near a notable town as above.

Each must also hold a word of 5+ letters that wordfreq does not know (Zipf 0): a word English
knows is never taken for a misspelling, so the known names ("Warren", "Austria", "Patty") would
only dilute the estimate. A toponym near a notable town within SAME_PLACE_KM of its annotated
point is left out: it is that place in another spelling, or misspelt by its writer.

Hosts: an annotated town of another article of the split (the same towns the misspelling
section uses), one occurrence of it chosen in each context of `contexts.Context` but the
qualified one ("X, Region"); a host whose town is ever written as "X, Region", "X, Abbr." or
"X (Region)" is left out, since putting another name there would make a claim the text does not
make. Every whole-word occurrence of the host town is replaced by the name (as the misspelling
section does), in capitals where the town was. Copies are drawn round-robin over group and
context, names and hosts in a seeded order, up to `--stress` copies.

Counted: copies with a place alarm (warning/caution) on any occurrence of the transplanted name,
by group; the chosen occurrence alarmed, by its context in the new text; the alarms by code.
A `place.wrong_region` alarm may still be right (a host sentence such as "X is near Y" places the
name), so they are listed apart by code.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from .contexts import CALENDAR, Context, Neighbour, classify
from .corpora import Article, PlainArticle, Toponym
from .geonames import GeoNames, Town, km, normalize
from .misspell import MIN_LETTERS, PLAIN_NAME, TownMention, _apply, title_form, town_mentions

NOTABLE_POP = 10_000  # a town of this size or more is "notable": a name near it looks like its typo
MAX_EDITS = 2  # near: one or two edits from a notable town's main name
GROUPS = ("not in GeoNames", "near a notable town", "PolNeAR name")
CONTEXTS = [c for c in Context if c is not Context.QUALIFIED]
SAME_PLACE_KM = 50.0  # a near town this close to the annotated point is the place itself
HOST_TRIES = 20  # hosts tried for a name before the copy is skipped
# What makes a host occurrence a claim about where the town lies: ", Region", ", Abbr." or "(Region".
CLAIM_AFTER = re.compile(r",\s+([A-Z][A-Za-z.]*(?:[ -][A-Z][a-z]+)?)|\s*\(([A-Z][A-Za-z. ]+)\)")
ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{0,4}\.){1,3}")  # "Kan.", "W.Va.", "D.C."
# A capitalised word inside a sentence (not after a sentence end, a line start or a quote).
INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]{4,})(?![A-Za-z’'-])")


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (a swap of two neighbours is one edit)."""
    if a == b:
        return 0
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def _deletes(word: str, n: int) -> set[str]:
    out, layer = {word}, {word}
    for _ in range(n):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        out |= layer
    return out


class NotableIndex:
    """The one-word main names of towns of NOTABLE_POP+, found by symmetric deletion."""

    def __init__(self, geo: GeoNames):
        self.towns: dict[str, Town] = {}
        for t in geo.towns.values():
            key = normalize(t.name)
            if t.population >= NOTABLE_POP and key.isalpha() and len(key) >= MIN_LETTERS - 1:
                if key not in self.towns or self.towns[key].population < t.population:
                    self.towns[key] = t
        self.by_delete: dict[str, list[str]] = {}
        for key in self.towns:
            for d in _deletes(key, MAX_EDITS):
                self.by_delete.setdefault(d, []).append(key)

    def near(self, word: str) -> Town | None:
        """The most populous notable town one or two edits from the word (not the word itself)."""
        w = normalize(word)
        found = {k for d in _deletes(w, MAX_EDITS) for k in self.by_delete.get(d, ())}
        hits = [self.towns[k] for k in found if k != w and osa(k, w) <= MAX_EDITS]
        return max(hits, key=lambda t: t.population, default=None)


@lru_cache(maxsize=1)
def _index(geo: GeoNames) -> NotableIndex:
    return NotableIndex(geo)


@dataclass(frozen=True)
class StressName:
    name: str  # title case
    group: str  # one of GROUPS
    source: str  # the article it comes from
    near: str | None  # the notable town it is near, if any


@dataclass(frozen=True)
class Transplant:
    name: StressName
    host: TownMention
    text: str
    chosen: tuple[int, int]  # the occurrence chosen for its context, in the new text
    context: Context  # of the chosen occurrence in the new text
    spans: tuple[tuple[int, int], ...]  # every occurrence of the name put in


def _near_word(name: str, index: NotableIndex) -> Town | None:
    for w in name.split():
        if len(w) >= MIN_LETTERS and (t := index.near(w)):
            return t
    return None


def _unknown_word(name: str) -> bool:
    return any(len(w) >= MIN_LETTERS and zipf_frequency(w, "en") == 0 for w in name.split())


def stress_names(articles: list[Article], plain: list[PlainArticle], geo: GeoNames) -> dict[str, list[StressName]]:
    """The names of each group, each once (the first article it is found in), in a fixed order."""
    index = _index(geo)
    out: dict[str, list[StressName]] = {g: [] for g in GROUPS}
    seen: set[str] = set()
    for art in articles:
        for t in art.toponyms:
            if not PLAIN_NAME.fullmatch(t.phrase) or max(len(w) for w in t.phrase.split()) < MIN_LETTERS:
                continue
            name = title_form(t.phrase)
            key = normalize(name)
            if key in seen:
                continue
            seen.add(key)
            if not _unknown_word(name):
                continue
            town = _near_word(name, index)
            if town is not None and km(town.lat, town.lon, t.lat, t.lon) <= SAME_PLACE_KM:
                continue  # the annotated place itself in another spelling, or misspelt by the writer
            if not geo.is_real_name(name):
                out[GROUPS[0]].append(StressName(name, GROUPS[0], art.docid, town.name if town else None))
            elif town is not None:
                out[GROUPS[1]].append(StressName(name, GROUPS[1], art.docid, town.name))
    for art in plain:
        for m in INNER_CAPITAL.finditer(art.text):
            word = m.group(1)
            key = normalize(word)
            if key in seen or word in CALENDAR or geo.is_region_name(word):
                continue
            seen.add(key)
            if not _unknown_word(word):
                continue
            town = index.near(word)
            if town is not None or not geo.is_real_name(word):
                out[GROUPS[2]].append(StressName(word, GROUPS[2], art.name, town.name if town else None))
    return out


def _makes_claim(text: str, end: int, geo: GeoNames) -> bool:
    m = CLAIM_AFTER.match(text, end)
    if not m:
        return False
    what = (m.group(1) or m.group(2) or "").strip()
    return bool(ABBREVIATION.fullmatch(what) or geo.is_region_name(what.rstrip(".")))


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    out = []
    for form in (name, name.upper()):
        out += [h.span() for h in re.finditer(r"(?<![A-Za-z])" + re.escape(form) + r"(?![A-Za-z])", text)]
    return sorted(set(out))


def _neighbours(art: Article, mention: TownMention, geo: GeoNames) -> list[Toponym]:
    return [t for t in art.toponyms if t not in mention.occurrences]


def hosts(articles: list[Article], geo: GeoNames) -> dict[Context, list[tuple[TownMention, Toponym]]]:
    """Annotated town occurrences by context, from hosts whose town the text never qualifies."""
    out: dict[Context, list[tuple[TownMention, Toponym]]] = {c: [] for c in CONTEXTS}
    for art in articles:
        for mention in town_mentions(art, geo):
            occ = _occurrences(art.text, mention.name)
            if any(_makes_claim(art.text, e, geo) for _, e in occ):
                continue
            others = _neighbours(art, mention, geo)
            neighbours = [Neighbour(t.start, t.end, t.feature_class == "A" or geo.is_region_name(t.phrase))
                          for t in others]
            for t in mention.occurrences:
                ctx = classify(art.text, t.start, t.end, title_end=art.title_end, body_start=art.body_start,
                               neighbours=neighbours)
                if ctx in out:
                    out[ctx].append((mention, t))
    return out


def transplant(name: StressName, mention: TownMention, chosen: Toponym, geo: GeoNames) -> Transplant:
    """The host article with every occurrence of its town written as the name."""
    art = mention.article
    text = art.text
    others = _neighbours(art, mention, geo)
    repl: dict[int, tuple[int, int, str]] = {}
    for s, e in _occurrences(text, mention.name):
        if any(t.start <= s and e <= t.end and (t.start, t.end) != (s, e) for t in others):
            continue
        repl[s] = (s, e, name.name.upper() if text[s:e].isupper() else name.name)
    for t in mention.occurrences:
        repl[t.start] = (t.start, t.end, name.name.upper() if t.phrase.isupper() else name.name)
    new_text, shift = _apply(text, list(repl.values()))
    spans = tuple(sorted((shift(s), shift(s) + len(new)) for s, _, new in repl.values()))
    neighbours = [Neighbour(shift(t.start), shift(t.end), t.feature_class == "A" or geo.is_region_name(t.phrase))
                  for t in others]
    s = shift(chosen.start)
    e = s + len(repl[chosen.start][2])
    ctx = classify(new_text, s, e, title_end=shift(art.title_end), body_start=shift(art.body_start),
                   neighbours=neighbours)
    return Transplant(name, mention, new_text, (s, e), ctx, spans)


def sample_transplants(articles: list[Article], plain: list[PlainArticle], geo: GeoNames,
                       rnd: random.Random, limit: int) -> tuple[list[Transplant], dict[str, int]]:
    """Up to `limit` copies, round-robin over group and context; and how many names each group has."""
    names = stress_names(articles, plain, geo)
    for g in GROUPS:
        rnd.shuffle(names[g])
    by_ctx = hosts(articles, geo)
    groups = [g for g in GROUPS if names[g]]
    contexts = [c for c in CONTEXTS if by_ctx[c]]
    out: list[Transplant] = []
    if not groups or not contexts:
        return out, {g: len(names[g]) for g in GROUPS}
    turn = {g: 0 for g in groups}
    for i in range(limit):
        g = groups[i % len(groups)]
        ctx = contexts[(i // len(groups)) % len(contexts)]
        name = names[g][turn[g] % len(names[g])]
        turn[g] += 1
        for _ in range(HOST_TRIES):
            mention, chosen = rnd.choice(by_ctx[ctx])
            art = mention.article
            if art.docid == name.source or _occurrences(art.text, name.name) or name.name.lower() in mention.name.lower():
                continue
            out.append(transplant(name, mention, chosen, geo))
            break
    return out, {g: len(names[g]) for g in GROUPS}


# -- true claims about real places GeoNames lacks -------------------------------------------------
#
# The honest risk of a region claim: a real place too small for cities500 (LGL annotates villages
# and neighbourhoods with their GeoNames id, division and country) that shares its name with a
# town elsewhere. Written in its own division, in the shapes of the claims section, the claim is
# true; a `place.wrong_region` alarm on it is a false alarm ("Hereford, Ariz.": Hereford, Texas).
# Only such places whose division holds no cities500 town of that name are taken: the mirror of
# the claims section's wrong claims.


def lacking_places(articles: list[Article], geo: GeoNames) -> list[TownMention]:
    """Annotated populated places (LGL) that cities500 lacks, named like a cities500 town that
    lies in another division, each with its annotated occurrences."""
    from .claims import MIN_LETTERS as CLAIM_MIN_LETTERS

    by_country = {name: cc for cc, name in geo.countries.items()}
    codes = {(code.split(".")[0], name): code for code, name in geo.admin1.items()}
    out = []
    for art in articles:
        groups: dict[tuple, list[Toponym]] = {}
        for t in art.toponyms:
            if art.corpus != "LGL" or t.feature_class != "P" or t.geonameid in geo.towns or not t.admin1_name:
                continue
            if not PLAIN_NAME.fullmatch(t.phrase) or max(len(w) for w in t.phrase.split()) < CLAIM_MIN_LETTERS:
                continue
            groups.setdefault((t.geonameid, normalize(t.phrase)), []).append(t)
        for (gid, _), occ in groups.items():
            t = occ[0]
            name = next((o.phrase for o in occ if not o.phrase.isupper()), title_form(t.phrase))
            cc = by_country.get(t.country_name or "")
            code = codes.get((cc, t.admin1_name))
            named = geo.towns_named(name)
            if code is None or not named or geo.is_region_name(name) or any(n.admin1 == code for n in named):
                continue
            town = Town(gid or 0, name, cc, code, t.lat, t.lon, 0)
            out.append(TownMention(art, name, town, tuple(occ)))
    return out


def sample_lacking_claims(articles: list[Article], geo: GeoNames, rnd: random.Random, limit: int) -> list:
    """True claims about the places of `lacking_places`: the places in a seeded order, taken in
    turn, each in the next of its own seeded order of shapes, up to `limit` copies (no copy
    twice)."""
    from . import claims as claim_shapes

    places = lacking_places(articles, geo)
    rnd.shuffle(places)
    divisions = claim_shapes.Divisions(geo)
    queues = []
    for mention in places:
        d = divisions.true_for(mention.town)
        if d is None or normalize(mention.name) in (normalize(d.name), normalize(d.core)):
            continue
        shapes = claim_shapes.shapes()
        rnd.shuffle(shapes)
        queues.append((mention, d, shapes))
    out = []
    while queues and len(out) < limit:
        for mention, d, shapes in list(queues):
            if len(out) >= limit:
                break
            claim = None
            while shapes and claim is None:
                claim = claim_shapes.insert(shapes.pop(), mention, d, True)
            if claim is not None:
                out.append(claim)
            if not shapes:
                queues.remove((mention, d, shapes))
    return out
