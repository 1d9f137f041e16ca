"""Region claims injected into real articles about towns they name, in the shapes of
claim_shapes.tsv, half true and half wrong.

True: the town's own first-level division and country (GeoNames). Wrong: another division of
the same country where no GeoNames town of that name (or alternate name) lies and whose nearest
town is at least WRONG_MIN_KM away, or, with chance NEIGHBOUR_SHARE or when the country offers
none, a division of a neighbouring country with no town of that name. One claim per copy.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Literal

from . import datafiles
from .corpora import Article
from .geonames import GeoNames, Town, normalize
from .misspell import TownMention

MIN_LETTERS = 3  # towns of any name but the shortest carry claims
WRONG_MIN_KM = 100.0  # a wrong division's nearest town lies at least this far from the town
NEIGHBOUR_SHARE = 0.25  # share of wrong claims that put the town in a neighbouring country
# A sentence's end: a full stop after a lower-case word of 2+ letters or a digit (not "Mr.",
# "Gov.", "p.m."), or ! or ?, maybe a closing quote, then space and a capital or an opening quote.
SENTENCE_END = re.compile(r"(?:(?<=[a-z]{3})\.|(?<=\b[a-z]{2})\.|(?<=\d)\.|[!?])[\"”’')]?\s+(?=[A-Z\"“‘'])")

Where = Literal["after", "dateline", "headline"]


@dataclass(frozen=True)
class Shape:
    name: str
    where: Where
    template: str


@dataclass(frozen=True)
class Division:
    admin1: str  # "US.TX"
    name: str
    core: str
    country: str
    country_name: str  # as English writes it, "the United States"
    word: str  # state, province, region


@dataclass(frozen=True)
class Claim:
    shape: Shape
    mention: TownMention
    division: Division
    true: bool
    text: str
    town_spans: tuple[tuple[int, int], ...]  # the town inside the inserted text
    inserted: tuple[int, int]  # the inserted text


def shapes() -> list[Shape]:
    out = []
    for ln in datafiles.lines("claim_shapes.tsv"):
        name, where, template = ln.split("\t")
        out.append(Shape(name, where, template))
    return out


class Divisions:
    def __init__(self, geo: GeoNames):
        self.geo = geo
        self.words = dict(ln.split("\t") for ln in datafiles.lines("division_words.tsv"))
        self.generic = {w.lower() for w in datafiles.lines("division_generic_words.txt")}
        self.with_the = set(datafiles.lines("countries_with_the.txt"))
        self.by_country: dict[str, list[str]] = {}
        for code in sorted(geo.admin1):
            self.by_country.setdefault(code.split(".")[0], []).append(code)

    def country_name(self, cc: str) -> str:
        name = self.geo.countries.get(cc, cc)
        if name.startswith("The "):
            return "the " + name[4:]
        return f"the {name}" if name in self.with_the else name

    def get(self, code: str) -> Division | None:
        name = self.geo.admin1.get(code)
        if not name:
            return None
        core = " ".join(w for w in name.split() if w.lower() not in self.generic) or name
        cc = code.split(".")[0]
        return Division(code, name, core, cc, self.country_name(cc), self.words.get(cc, "region"))

    def true_for(self, town: Town) -> Division | None:
        return self.get(town.admin1)

    def wrong_for(self, town: Town, rnd: random.Random) -> Division | None:
        named = self.geo.towns_named(town.name)
        same = [c for c in self.by_country.get(town.country, [])
                if c != town.admin1 and not any(t.admin1 == c for t in named)]
        rnd.shuffle(same)
        neighbours = [cc for cc in self.geo.neighbours.get(town.country, [])
                      if not any(t.country == cc for t in named) and self.by_country.get(cc)]
        pools = [("same", same), ("neighbour", neighbours)]
        if rnd.random() < NEIGHBOUR_SHARE:
            pools.reverse()
        for kind, pool in pools:
            for item in pool[:8]:
                code = rnd.choice(self.by_country[item]) if kind == "neighbour" else item
                if self.geo.km_to_division(town, code) >= WRONG_MIN_KM and (d := self.get(code)):
                    return d
        return None


def _possessive(name: str) -> str:
    return name + ("’" if name.endswith("s") else "’s")


def _fill(template: str, mention: TownMention, d: Division) -> tuple[str, list[tuple[int, int]]]:
    """The claim text and where the town stands in it."""
    values = {"X": mention.name, "XU": mention.name.upper(), "R": d.name, "RC": d.core, "K": d.word,
              "C": d.country_name, "CP": _possessive(d.country_name)}
    out, spans, pos = "", [], 0
    for m in re.finditer(r"\{(\w+)\}", template):
        out += template[pos : m.start()]
        value = values[m.group(1)]
        if m.group(1) in ("X", "XU"):
            spans.append((len(out), len(out) + len(value)))
        out += value
        pos = m.end()
    out += template[pos:]
    if out[0].islower():
        out = out[0].upper() + out[1:]
    return out, spans


def insert(shape: Shape, mention: TownMention, d: Division, true: bool) -> Claim | None:
    art: Article = mention.article
    claim, spans = _fill(shape.template, mention, d)
    if shape.where == "headline":  # a headline of its own, opening the text, no full stop
        text = claim + "\n" + art.text
        at = 0
    elif shape.where == "dateline":
        at = art.body_start
        head = art.text[:at].rstrip()
        prefix = head + "\n" if head else ""
        text = prefix + claim + "\n" + art.text[at:]
        at = len(prefix)
    else:
        body = [t for t in mention.occurrences if t.start >= art.body_start]
        if not body:
            return None
        m = SENTENCE_END.search(art.text, body[0].end)
        at = m.end() if m else len(art.text)
        sep = "" if m else " "
        text = art.text[:at] + sep + claim + " " + art.text[at:]
        at += len(sep)
    return Claim(shape, mention, d, true, text, tuple((at + s, at + e) for s, e in spans), (at, at + len(claim)))


def names_the_town(mention: TownMention, geo: GeoNames) -> bool:
    """Does the article write the town by one of its GeoNames names? LGL annotates demonyms
    too ("New Londoners" as New London, Iowa): a claim about those is about no town."""
    return any(t.geonameid == mention.town.geonameid for t in geo.towns_named(mention.name))


def sample_claims(mentions: list[TownMention], geo: GeoNames, rnd: random.Random, per_shape: int) -> list[Claim]:
    """per_shape claims for every shape, half true and half wrong, each about a town taken in turn
    from the shuffled mentions (towns whose name is a division's name are left out)."""
    divisions = Divisions(geo)
    pool = [m for m in mentions if names_the_town(m, geo)]
    rnd.shuffle(pool)
    out, i = [], 0
    if not pool:
        return out
    for shape in shapes():
        for n in range(per_shape):
            true = n % 2 == 0
            for _ in range(len(pool)):
                mention = pool[i % len(pool)]
                i += 1
                d = divisions.true_for(mention.town) if true else divisions.wrong_for(mention.town, rnd)
                if d is None or normalize(mention.name) in (normalize(d.name), normalize(d.core)):
                    continue
                claim = insert(shape, mention, d, true)
                if claim is not None:
                    out.append(claim)
                    break
    return out
