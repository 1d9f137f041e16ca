"""The report types the analyses produce, and their JSON form (the API contract in DESIGN.md).

Analyses build `Quote`, `Place` and `Finding` objects with code-point `Span`s; `Report.to_json`
converts every span to UTF-16 offsets with its text, prefix and suffix in one place, and keeps the
answer bounded (`REPORT_LIMITS`): beyond a number of findings, quotes and places, or past about
ten times the text's size, the lists are cut, warnings first, and `meta.truncated` says how many
of each were left out. The summary still counts everything found.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from dataclasses import dataclass, field
from typing import Any

from .spans import LONE_SURROGATE, Span, Utf16Index

SPEAKER_KINDS = ("named", "pronoun", "anonymous", "none")
SEVERITIES = ("warning", "caution", "info")


@dataclass(frozen=True)
class ReportLimits:
    """How much one report may hold; what is cut is counted in `meta.truncated`."""

    # Findings kept, warnings first, then cautions, then info notes (each group in text order).
    max_findings: int = 1000
    # Quotations kept: those with a finding first, then the rest in text order.
    max_quotes: int = 2000
    # Place mentions kept: suspect ones first.
    max_places: int = 2000
    # The whole answer stays under this many times the text's length in characters...
    size_ratio: int = 10
    # ...or this many characters, whichever is larger (a short text still gets its findings).
    min_chars: int = 20_000
    # What summary and meta take, set aside from the budget of the three lists.
    overhead_chars: int = 2_000


REPORT_LIMITS = ReportLimits()


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

    def to_json(self, text: str, limits: ReportLimits = REPORT_LIMITS) -> dict[str, Any]:
        index = Utf16Index(text)
        kept = _Budget(text, limits)
        # Findings are written in text order; quotes and places in the order the analyses gave.
        findings = sorted(self.findings, key=lambda f: (f.span.start, f.span.end, f.code))
        by_severity = {s: [(i, f) for i, f in enumerate(findings) if f.severity == s] for s in SEVERITIES}
        quotes = list(enumerate(self.quotes))
        places = list(enumerate(self.places))
        # Priority across the three lists: warnings, suspect places and cautions first; then
        # the quotations those findings are about; info notes; and everything else last.
        kept.take("findings", by_severity["warning"], _finding_json, index)
        kept.take("places", [(i, p) for i, p in places if p.status == "suspect"], _place_json, index)
        kept.take("findings", by_severity["caution"], _finding_json, index)
        finding_spans = {findings[i].span for i in kept.positions("findings")}
        kept.take("quotes", [(i, q) for i, q in quotes if q.span in finding_spans], _quote_json, index)
        kept.take("findings", by_severity["info"], _finding_json, index)
        kept.take("places", [(i, p) for i, p in places if p.status != "suspect"], _place_json, index)
        kept.take("quotes", [(i, q) for i, q in quotes if q.span not in finding_spans], _quote_json, index)
        meta = {**self.meta, "offset_unit": "utf-16"}
        truncated = {
            "findings": len(findings) - kept.count("findings"),
            "quotes": len(quotes) - kept.count("quotes"),
            "places": len(places) - kept.count("places"),
        }
        if any(truncated.values()):
            meta["truncated"] = truncated
        return {
            "findings": kept.in_order("findings"),
            "quotes": kept.in_order("quotes"),
            "places": kept.in_order("places"),
            "summary": self.summary(),
            "meta": meta,
        }


class _Budget:
    """The items a report keeps, within the count limits and the size budget of `limits`."""

    def __init__(self, text: str, limits: ReportLimits):
        self.caps = {
            "findings": limits.max_findings,
            "quotes": limits.max_quotes,
            "places": limits.max_places,
        }
        self.chars_left = max(limits.min_chars, limits.size_ratio * len(text)) - limits.overhead_chars
        self.ascii_only = LONE_SURROGATE.search(text) is not None  # as `dumps` will write it
        self.kept: dict[str, list[tuple[int, dict]]] = {name: [] for name in self.caps}

    def take(self, name: str, items: list[tuple[int, Any]], render, index: Utf16Index) -> None:
        """Keep what fits of `items` (each with its place in the list), in the order given."""
        kept = self.kept[name]
        for position, item in items:
            if len(kept) >= self.caps[name] or self.chars_left <= 0:
                return
            rendered = render(item, index)
            size = len(_encode(rendered, self.ascii_only)) + 1  # and a comma
            if size > self.chars_left:
                self.chars_left = 0
                return
            self.chars_left -= size
            kept.append((position, rendered))

    def positions(self, name: str) -> list[int]:
        return [position for position, _ in self.kept[name]]

    def count(self, name: str) -> int:
        return len(self.kept[name])

    def in_order(self, name: str) -> list[dict]:
        return [rendered for _, rendered in sorted(self.kept[name], key=lambda pair: pair[0])]


def dumps(report: dict, indent: int | None = None) -> str:
    """A report as JSON text, UTF-8-safe: non-ASCII as is, unless a lone surrogate (valid in
    JSON, not in UTF-8) is in the text, when everything non-ASCII is escaped."""
    encoded = _encode(report, False, indent)
    try:
        encoded.encode("utf-8")
    except UnicodeEncodeError:
        encoded = _encode(report, True, indent)
    return encoded


def _encode(value: Any, ascii_only: bool, indent: int | None = None) -> str:
    separators = None if indent is not None else (",", ":")
    return json.dumps(
        value, ensure_ascii=ascii_only, indent=indent, separators=separators, default=_plain
    )


def _plain(value: Any) -> Any:
    """What evidence may hold besides JSON's own types (as Flask's encoder allows)."""
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _finding_json(f: Finding, index: Utf16Index) -> dict:
    return {
        "type": f.type,
        "code": f.code,
        "severity": f.severity,
        **index.describe(f.span),
        "message": f.message,
        "details": _jsonable(f.details, index),
    }


def _quote_json(q: Quote, index: Utf16Index) -> dict:
    return {
        **index.describe(q.span),
        "speech": q.speech,
        "speaker": _speaker_json(q.speaker, index),
        "cue": _span_json(q.cue, index),
    }


def _place_json(p: Place, index: Utf16Index) -> dict:
    return {**index.describe(p.span), "status": p.status, "resolved": p.resolved}


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
