"""The project's own hand-written sets (eval/data/*.txt): tests of behaviour, not evidence.

Each line is a text with real places marked [[like this]] and place-like other words (people,
clubs, firms) marked {{like this}}. A false alarm is a place warning/caution on a marked span.
Each marked real name of MIN_LETTERS+ letters that a GeoNames town bears is also misspelt in
its own line the same way as in the corpora (misspell.misspell) and scored the same way.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path

from .analysis import Result
from .geonames import GeoNames
from .misspell import PLAIN_NAME, misspell
from .score import MISSPELLED

SETS = ("honest_sentences.txt", "honest_articles2.txt", "honest_districts.txt")
MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}")
MIN_LETTERS = 5


@dataclass(frozen=True)
class Marked:
    start: int
    end: int
    is_place: bool


@dataclass(frozen=True)
class Line:
    text: str
    marks: tuple[Marked, ...]


@dataclass(frozen=True)
class Typo:
    text: str
    start: int
    end: int
    truth: frozenset[int]  # GeoNames ids of the towns of the real name


@dataclass
class SetScore:
    places: int = 0
    places_flagged: int = 0
    others: int = 0
    others_flagged: int = 0
    typos: int = 0
    typos_caught: int = 0
    typos_top3: int = 0
    alarms: list[str] = field(default_factory=list)


def read(path: Path) -> list[Line]:
    out = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        text, marks, pos = "", [], 0
        for m in MARK.finditer(raw):
            text += raw[pos : m.start()]
            word = m.group(1) or m.group(2)
            marks.append(Marked(len(text), len(text) + len(word), m.group(1) is not None))
            text += word
            pos = m.end()
        out.append(Line(text + raw[pos:], tuple(marks)))
    return out


def typos(lines: list[Line], geo: GeoNames, rnd: random.Random) -> list[Typo]:
    out = []
    for ln in lines:
        for mk in ln.marks:
            name = ln.text[mk.start : mk.end]
            towns = geo.towns_named(name)
            if not mk.is_place or not towns or not PLAIN_NAME.fullmatch(name) or name.isupper() \
                    or max(len(w) for w in name.split()) < MIN_LETTERS or geo.is_region_name(name):
                continue
            m = misspell(name, geo, rnd)
            if m is not None:
                out.append(Typo(ln.text[: mk.start] + m.typo + ln.text[mk.end :], mk.start,
                                mk.start + len(m.typo), frozenset(t.geonameid for t in towns)))
    return out


def score(lines: list[Line], results: list[Result], typo_cases: list[Typo], typo_results: list[Result]) -> SetScore:
    s = SetScore()
    for ln, res in zip(lines, results):
        for mk in ln.marks:
            bad = res.on(mk.start, mk.end, alarm_only=True)
            if mk.is_place:
                s.places += 1
                s.places_flagged += bool(bad)
            else:
                s.others += 1
                s.others_flagged += bool(bad)
            if bad:
                s.alarms.append(f"{ln.text[mk.start:mk.end]!r} {bad[0].code}/{bad[0].severity}")
    for t, res in zip(typo_cases, typo_results):
        s.typos += 1
        hits = [f for f in res.on(t.start, t.end, alarm_only=True) if f.code == MISSPELLED]
        if hits:
            s.typos_caught += 1
            s.typos_top3 += any(g.geonameid in t.truth for g in hits[0].suggestions[:3])
    return s
