"""Place mentions checked against the gazetteer (first version: entity labels, exact names)."""

from __future__ import annotations

from spacy.tokens import Doc

from .gazetteer import Gazetteer
from .report import Finding, Place
from .spans import Span


def analyze(doc: Doc, gazetteer: Gazetteer) -> tuple[list[Place], list[Finding]]:
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        matches = gazetteer.lookup(ent.text)
        resolved = None
        if matches:
            best = max(matches, key=lambda c: c["population"])
            resolved = {
                "name": best["name"],
                "country": best["countrycode"],
                "admin1": best["admin1code"],
                "lat": best["latitude"],
                "lon": best["longitude"],
                "geonameid": best["geonameid"],
            }
        found.append(Place(Span(ent.start_char, ent.end_char), "ok", resolved))
    return found, []
