"""The report types the analyses produce, and their JSON form (the API contract in DESIGN.md).

Analyses build `Quote`, `Place` and `Finding` objects with code-point `Span`s; `Report.to_json`
converts every span to UTF-16 offsets with its text, prefix and suffix in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .spans import Span, Utf16Index

SPEAKER_KINDS = ("named", "pronoun", "anonymous", "none")
SEVERITIES = ("warning", "caution", "info")


@dataclass
class Speaker:
    """Who a quotation is attributed to. `span` is None when no speaker is mentioned."""

    kind: str
    span: Span | None = None
    resolved: str | None = None  # the full name a pronoun or surname refers to

    def __post_init__(self):
        if self.kind not in SPEAKER_KINDS:
            raise ValueError(f"unknown speaker kind {self.kind!r}")


@dataclass
class Quote:
    """A quotation: `span` covers the quoted words including their quote marks."""

    span: Span
    speaker: Speaker
    cue: Span | None = None  # the reporting verb or phrase ("said", "according to")
    speech: bool = True  # False for scare quotes, titles and nicknames


@dataclass
class Place:
    """A place mention that was checked against the gazetteer."""

    span: Span
    status: str  # "ok" or "suspect"
    resolved: dict | None = None  # GeoNames record: name, country, admin1, lat, lon, geonameid


@dataclass
class Finding:
    """Something the reader should be warned about."""

    type: str  # "place" or "quote"
    code: str
    severity: str
    span: Span
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")


@dataclass
class Report:
    quotes: list[Quote]
    places: list[Place]
    findings: list[Finding]
    meta: dict[str, Any]

    def summary(self) -> dict[str, int]:
        speech = [q for q in self.quotes if q.speech]
        kinds = [q.speaker.kind for q in speech]
        return {
            "quotes": len(speech),
            "named": sum(k in ("named", "pronoun") for k in kinds),
            "anonymous": kinds.count("anonymous"),
            "unattributed": kinds.count("none"),
            "places": len(self.places),
            "suspect_places": sum(p.status == "suspect" for p in self.places),
        }

    def to_json(self, text: str) -> dict[str, Any]:
        index = Utf16Index(text)
        findings = sorted(self.findings, key=lambda f: (f.span.start, f.span.end, f.code))
        return {
            "findings": [
                {
                    "type": f.type,
                    "code": f.code,
                    "severity": f.severity,
                    **index.describe(f.span),
                    "message": f.message,
                    "details": _jsonable(f.details, index),
                }
                for f in findings
            ],
            "quotes": [
                {
                    **index.describe(q.span),
                    "speech": q.speech,
                    "speaker": _speaker_json(q.speaker, index),
                    "cue": _span_json(q.cue, index),
                }
                for q in self.quotes
            ],
            "places": [
                {**index.describe(p.span), "status": p.status, "resolved": p.resolved}
                for p in self.places
            ],
            "summary": self.summary(),
            "meta": {**self.meta, "offset_unit": "utf-16"},
        }


def _span_json(span: Span | None, index: Utf16Index) -> dict | None:
    if span is None:
        return None
    return {
        "text": index.text[span.start : span.end],
        "offset": index.offset(span.start),
        "length": index.length(span),
    }


def _speaker_json(speaker: Speaker, index: Utf16Index) -> dict:
    described = _span_json(speaker.span, index) or {"text": None, "offset": None, "length": 0}
    return {**described, "kind": speaker.kind, "resolved": speaker.resolved}


def _jsonable(value: Any, index: Utf16Index) -> Any:
    """Evidence may hold spans and speakers; give them the API's offsets."""
    if isinstance(value, Span):
        return _span_json(value, index)
    if isinstance(value, Speaker):
        return _speaker_json(value, index)
    if isinstance(value, dict):
        return {k: _jsonable(v, index) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v, index) for v in value]
    return value
