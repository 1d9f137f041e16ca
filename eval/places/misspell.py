"""Misspelt towns injected into real articles.

A town the article names (LGL: an annotated populated place, GeoNames feature class P, that
cities500 holds; GeoVirus: an annotated name that is a cities500 town within TOWN_MATCH_KM of the
annotated point), of plain letters, whose longest word has MIN_LETTERS+ letters and which is not
also a country, division or US county name. Its longest word gets one or two random edits
(substitute, delete, insert a letter, or swap two neighbours; any position, the first letter
too). The result must be no GeoNames name or alternate name (nor division, country, US county)
and its edited word no English word (wordfreq Zipf 0).

Every whole-word occurrence of the name in the article, in title case and in capitals, is
replaced (so the article stays consistent; occurrences inside another annotated name are left),
one town per copy of the article. Only the occurrences the annotators marked as this place are
scored.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal

from .contexts import Context, Neighbour, classify
from .corpora import Article, Toponym
from .geonames import GeoNames, Town, english_word, normalize

MIN_LETTERS = 5
TOWN_MATCH_KM = 50.0  # a GeoVirus name is this GeoNames town if it lies this close to the point
TRIES = 30  # random misspellings tried before a town is given up
ALPHA = "abcdefghijklmnopqrstuvwxyz"
PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*|[A-Z]+(?: [A-Z]+)*")  # Title Case or CAPITALS

Edit = Literal["substitute", "delete", "insert", "swap"]


@dataclass(frozen=True)
class TownMention:
    """A town an article names, with the occurrences annotated as it."""

    article: Article
    name: str  # title case, as the article writes it
    town: Town
    occurrences: tuple[Toponym, ...]


@dataclass(frozen=True)
class Misspelling:
    original: str
    typo: str  # title case
    edits: tuple[Edit, ...]

    @property
    def first_letter_changed(self) -> bool:
        return self.typo[0].lower() != self.original[0].lower()


@dataclass(frozen=True)
class Occurrence:
    start: int
    end: int
    context: Context


@dataclass(frozen=True)
class Injected:
    mention: TownMention
    misspelling: Misspelling
    text: str
    scored: tuple[Occurrence, ...]  # the annotated occurrences, in the new text
    replaced: int  # all occurrences replaced, annotated or not


def title_form(phrase: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in phrase.split(" ")) if phrase.isupper() else phrase


def town_mentions(article: Article, geo: GeoNames, min_letters: int = MIN_LETTERS) -> list[TownMention]:
    groups: dict[str, list[Toponym]] = {}
    towns: dict[str, Town] = {}
    for t in article.toponyms:
        if not PLAIN_NAME.fullmatch(t.phrase) or max(len(w) for w in t.phrase.split()) < min_letters:
            continue
        if geo.is_region_name(t.phrase):
            continue
        if article.corpus == "LGL":
            town = geo.towns.get(t.geonameid) if t.feature_class == "P" else None
        else:
            town = geo.town_near(t.phrase, t.lat, t.lon, TOWN_MATCH_KM)
        if town is None:
            continue
        key = normalize(t.phrase)
        if key in towns and towns[key].geonameid != town.geonameid:
            continue  # two places of one name in one article: leave the second
        towns[key] = town
        groups.setdefault(key, []).append(t)
    out = []
    for key, occ in groups.items():
        titled = [t.phrase for t in occ if not t.phrase.isupper()]
        out.append(TownMention(article, titled[0] if titled else title_form(occ[0].phrase), towns[key], tuple(occ)))
    return out


def _edit(word: str, rnd: random.Random) -> tuple[str, Edit]:
    op: Edit = rnd.choice(("substitute", "delete", "insert", "swap"))
    i = rnd.randrange(len(word))
    if op == "substitute":
        return word[:i] + rnd.choice([c for c in ALPHA if c != word[i]]) + word[i + 1 :], op
    if op == "delete":
        return word[:i] + word[i + 1 :], op
    if op == "insert":
        return word[:i] + rnd.choice(ALPHA) + word[i:], op
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :], op


def misspell(name: str, geo: GeoNames, rnd: random.Random) -> Misspelling | None:
    words = name.split(" ")
    k = max(range(len(words)), key=lambda j: len(words[j]))
    for _ in range(TRIES):
        word, edits = words[k].lower(), []
        for _ in range(rnd.choice((1, 2))):
            word, op = _edit(word, rnd)
            edits.append(op)
        if word == words[k].lower() or len(word) < MIN_LETTERS - 1:
            continue
        typo_word = word.capitalize()
        typo = " ".join(words[:k] + [typo_word] + words[k + 1 :])
        if geo.is_real_name(typo) or geo.is_real_name(typo_word) or english_word(word):
            continue
        return Misspelling(name, typo, tuple(edits))
    return None


def _apply(text: str, repl: list[tuple[int, int, str]]):
    """The text with the (start, end, new) replacements made, and old index -> new index."""
    repl = sorted(repl)
    parts, pos, marks = [], 0, []
    delta = 0
    for s, e, new in repl:
        parts.append(text[pos:s])
        parts.append(new)
        pos = e
        delta += len(new) - (e - s)
        marks.append((e, delta))
    parts.append(text[pos:])

    def shift(i: int) -> int:
        d = 0
        for e, dd in marks:
            if e <= i:
                d = dd
        return i + d

    return "".join(parts), shift


def inject(mention: TownMention, m: Misspelling, geo: GeoNames) -> Injected:
    art = mention.article
    text = art.text
    others = [t for t in art.toponyms if t not in mention.occurrences]
    repl: dict[int, tuple[int, int, str]] = {}
    for form, new in ((m.original, m.typo), (m.original.upper(), m.typo.upper())):
        for hit in re.finditer(r"(?<![A-Za-z])" + re.escape(form) + r"(?![A-Za-z])", text):
            s, e = hit.span()
            if any(t.start <= s and e <= t.end and (t.start, t.end) != (s, e) for t in others):
                continue
            repl[s] = (s, e, new)
    for t in mention.occurrences:  # annotated occurrences in whatever case they come
        new = m.typo.upper() if t.phrase.isupper() else m.typo
        repl[t.start] = (t.start, t.end, new)
    new_text, shift = _apply(text, list(repl.values()))
    neighbours = [Neighbour(shift(t.start), shift(t.end),
                            t.feature_class == "A" or geo.is_region_name(t.phrase)) for t in others]
    title_end, body_start = shift(art.title_end), shift(art.body_start)
    scored = []
    for t in mention.occurrences:
        s = shift(t.start)
        e = s + len(repl[t.start][2])
        scored.append(Occurrence(s, e, classify(new_text, s, e, title_end=title_end, body_start=body_start,
                                                neighbours=neighbours)))
    return Injected(mention, m, new_text, tuple(scored), len(repl))


def sample_injections(articles: list[Article], geo: GeoNames, rnd: random.Random, limit: int) -> tuple[list[Injected], int]:
    """One misspelt town per article copy, sampled deterministically; and how many towns were eligible."""
    mentions = [m for a in articles for m in town_mentions(a, geo)]
    eligible = len(mentions)
    rnd.shuffle(mentions)
    out = []
    for mention in mentions:
        if len(out) >= limit:
            break
        m = misspell(mention.name, geo, rnd)
        if m is not None:
            out.append(inject(mention, m, geo))
    return out, eligible
