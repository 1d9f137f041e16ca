"""Run the analyser through its public JSON report only, in one or two worker processes.

Each worker loads `server` as installed in the running virtualenv once (get_analyzer), analyses
texts with `analyze_json` and hands back the place findings with their spans turned from UTF-16
units into Python string indices. Nothing of the analyser's internals is read.
"""

from __future__ import annotations

import multiprocessing
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["warning", "caution", "info"]
ALARM: tuple[Severity, ...] = ("warning", "caution")


@dataclass(frozen=True)
class Suggestion:
    geonameid: int | None
    name: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class PlaceFinding:
    code: str
    severity: Severity
    start: int  # Python string index (code points)
    end: int
    suggestions: tuple[Suggestion, ...]

    @property
    def alarm(self) -> bool:
        return self.severity in ALARM

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Result:
    findings: tuple[PlaceFinding, ...]  # place findings only
    places: int  # place mentions the report lists

    def on(self, start: int, end: int, *, alarm_only: bool = False, code: str | None = None) -> list[PlaceFinding]:
        return [f for f in self.findings if f.overlaps(start, end)
                and (not alarm_only or f.alarm) and (code is None or f.code == code)]

    def alarms(self) -> list[PlaceFinding]:
        return [f for f in self.findings if f.alarm]


def utf16_index(text: str) -> list[int]:
    """For each code-point index i (and len(text)), the UTF-16 offset of text[i]."""
    out, pos = [], 0
    for ch in text:
        out.append(pos)
        pos += 2 if ord(ch) > 0xFFFF else 1
    out.append(pos)
    return out


def result_from_report(text: str, report: dict) -> Result:
    index = utf16_index(text)
    found = []
    for f in report.get("findings", []):
        if not str(f.get("code", "")).startswith("place."):
            continue
        start = bisect_left(index, f["offset"])
        end = bisect_left(index, f["offset"] + f["length"])
        sugg = tuple(
            Suggestion(s.get("geonameid"), s.get("name", ""), s.get("lat"), s.get("lon"))
            for s in (f.get("details") or {}).get("suggestions") or []
        )
        found.append(PlaceFinding(f["code"], f["severity"], start, end, sugg))
    return Result(findings=tuple(found), places=len(report.get("places", [])))


_analyzer = None


def _init(gazetteer: str | None = None) -> None:
    global _analyzer
    from server.pipeline import get_analyzer  # the server installed in this virtualenv

    # The API contract: get_analyzer().analyze_json(text); another gazetteer file only for the
    # villages section (a gazetteer lacking some real villages, villages.py).
    _analyzer = get_analyzer(gazetteer_path=gazetteer)


def _analyze(text: str) -> Result:
    if _analyzer is None:
        _init()
    return result_from_report(text, _analyzer.analyze_json(text))


class Runner:
    """Analyses batches of texts, in this process (jobs=1) or a pool forked before any big load.

    `gazetteer` names another compact index for the analyser (None: its default)."""

    def __init__(self, jobs: int, gazetteer: str | None = None):
        self.jobs = jobs
        self.count = 0
        self.gazetteer = gazetteer
        self._pool = (multiprocessing.get_context("fork").Pool(jobs, initializer=_init, initargs=(gazetteer,))
                      if jobs > 1 else None)

    def analyze(self, texts: Iterable[str]) -> list[Result]:
        texts = list(texts)
        self.count += len(texts)
        if self._pool is None:
            from server.pipeline import get_analyzer  # one per gazetteer, kept by the server

            analyzer = get_analyzer(gazetteer_path=self.gazetteer)
            return [result_from_report(t, analyzer.analyze_json(t)) for t in texts]
        return self._pool.map(_analyze, texts, chunksize=2)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
