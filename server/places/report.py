"""Stage 6: report — the verdicts worded as findings a reader can check, and the place list."""

from __future__ import annotations

from ..gazetteer import Gazetteer
from ..report import Finding, Place
from ..spans import Span
from .evidence import spellings_near
from .model import Candidate, Resolution
from .verdicts import Verdict
from . import rules, severity

PUBLIC_KEYS = ("name", "country", "admin1", "lat", "lon", "geonameid", "country_code", "admin1_code", "population", "url")


def public(rec: dict) -> dict:
    return {k: rec[k] for k in PUBLIC_KEYS if k in rec}


def where(rec: dict) -> str:
    return ", ".join(part for part in (rec.get("admin1"), rec.get("country")) if part)


def suggestion(g: Gazetteer, i: int, query: str) -> dict:
    """A suggested place, with the spellings of its name closest to what the text wrote."""
    rec = public(g.record(i))
    rec["also_known_as"] = spellings_near(g, i, query)
    return rec


def finding(v: Verdict, c: Candidate, r: Resolution, g: Gazetteer, others: list[int]) -> Finding:
    span = Span(c.start, c.end)
    if v.code == "place.wrong_region":
        return _wrong_region(v, c, r, g, span)
    if v.code == "place.misspelled":
        return _misspelled(v, c, r, g, others, span)
    message = (
        f"The text calls “{c.text}” a {v.settlement or c.settlement or 'place'}, but no place of that name, or close "
        f"to it, is known to GeoNames. It may be very small — or invented."
    )
    details = {"suggestions": [], "resolved": None}
    if v.odd_letters:
        message += _odd_letters_sentence(v.odd_letters)
        details["unseen_letters"] = [t.strip("^$") for t in v.odd_letters]
    return Finding("place", v.code, v.severity, span, message, details)


def _odd_letters_sentence(odd: tuple[str, ...]) -> str:
    letters = [t.strip("^$") for t in odd]
    return (
        f" Its spelling holds {', '.join('“' + t + '”' for t in letters)}, as no place name in GeoNames does"
        f"{' at a word’s start or end' if any(t != t.strip('^$') for t in odd) else ''}."
    )


def _rare_letters_sentence(rare: tuple[tuple[str, int], ...]) -> str:
    parts = [f"“{t.strip('^$')}”{' at a word’s start or end' if t != t.strip('^$') else ''} "
             f"as only {n} place name{'s' if n > 1 else ''} in GeoNames {'do' if n > 1 else 'does'}" for t, n in rare]
    return f" Its spelling holds {'; '.join(parts)}."


def _misspelled(v: Verdict, c: Candidate, r: Resolution, g: Gazetteer, others: list[int], span: Span) -> Finding:
    key = r.key or c.key
    ids = [v.near.place] + [i for i in others if i != v.near.place]
    top = [suggestion(g, i, key) for i in ids[: rules.MAX_SUGGESTIONS]]
    best = top[0]
    aka = ", ".join(best["also_known_as"][:2])
    if v.severity == "warning":
        message = (
            f"No place called “{c.text}” is known, but {best['name']} "
            f"({'also ' + aka + '; ' if aka else ''}{where(best)}) is a near miss: the name may be "
            f"misspelled — or the place invented."
        )
    else:
        message = (
            f"“{c.text}” is not in GeoNames; the nearest name is {best['name']} ({where(best)}). "
            f"It may be a small place GeoNames lacks."
        )
    details = {"suggestions": top, "resolved": None, "edit_distance": v.near.edits, "geonames": best["url"]}
    if v.odd_letters:
        # The evidence the card shows: letter runs of the word that no place name has.
        letters = [t.strip("^$") for t in v.odd_letters]
        message += _odd_letters_sentence(v.odd_letters)
        details["unseen_letters"] = letters
    if v.rare_letters:
        # ... and those only a few place names have, with how many.
        message += _rare_letters_sentence(v.rare_letters)
        details["rare_letters"] = [{"letters": t.strip("^$"), "place_names": n} for t, n in v.rare_letters]
    if v.learned:
        # A warning the severity model made of the rules' info: the facts it weighed most.
        facts = severity.worded(v.learned)
        if facts:
            message += f" Weighed together, the evidence makes a misspelling likely: {'; '.join(facts)}."
        details["weighed"] = list(v.learned)
    return Finding("place", v.code, v.severity, span, message, details)


def namesake_divisions(r: Resolution, g: Gazetteer, place: int) -> list[dict]:
    """The biggest place of the name in each division holding one (up to MAX_SUGGESTIONS,
    biggest first), the place meant first: where the places of that name really lie."""
    out, seen = [], set()
    for i in [place] + sorted(r.ids, key=lambda k: -int(g.pop[k])):
        code = g.admin_code(i)
        if code in seen:
            continue
        seen.add(code)
        out.append(public(g.record(i)))
        if len(out) >= rules.MAX_SUGGESTIONS:
            break
    return out


def _wrong_region(v: Verdict, c: Candidate, r: Resolution, g: Gazetteer, span: Span) -> Finding:
    ev = v.claim
    claim = ev.claim
    here = g.record(ev.place)
    namesakes = namesake_divisions(r, g, ev.place)
    similar = [suggestion(g, i, c.key) for i in ev.similar]
    refers = " (“The city …” in the next sentence refers back to it)" if claim.anaphoric else ""
    message = (
        f"The text places “{c.text}” in {claim.text}{refers}, but no place of that name lies "
        f"there: {here['name']} is in {where(here)}, about {round(ev.distance_km)} km from {claim.region.name}."
    )
    if len(namesakes) > 1:
        others = "; ".join(f"{n['name']} in {where(n)}" for n in namesakes[1:])
        message += f" Other places of that name: {others}."
    if similar:
        s = similar[0]
        aka = f"also {s['also_known_as'][0]}; " if s["also_known_as"] else ""
        message += f" The writer may have meant {s['name']} ({aka}{where(s)}), which does lie there."
    elif v.severity == "info":
        message += " It may be a small place GeoNames lacks."
    details = {
        "resolved": public(here),
        "claimed_region": {
            "text": claim.text, "name": claim.region.name, "codes": sorted(claim.region.codes),
            "anaphoric": claim.anaphoric, "span": Span(claim.start, claim.end), "shape": claim.shape,
        },
        "distance_km": round(ev.distance_km),
        "namesakes": namesakes,
        "suggestions": similar,
        "geonames": here["url"],
    }
    return Finding("place", v.code, v.severity, span, message, details)


def far_from_context(c: Candidate, r: Resolution, g: Gazetteer, nearest_km: float) -> Finding:
    here = g.record(r.best)
    message = (
        f"{here['name']} ({where(here)}) lies about {round(nearest_km)} km from every other place "
        f"the article names; check that this is the place meant."
    )
    details = {"resolved": public(here), "distance_km": round(nearest_km), "suggestions": [], "geonames": here["url"]}
    return Finding("place", "place.far_from_context", "info", Span(c.start, c.end), message, details)


def resolved_record(r: Resolution, g: Gazetteer, v: Verdict | None) -> dict | None:
    if v is not None and v.code == "place.misspelled":
        return None
    if r.kind == "town" and r.best is not None:
        return public(g.record(r.best))
    if r.kind == "region" and r.region is not None:
        return g.region_record(r.region)
    return None


def place(c: Candidate, r: Resolution, g: Gazetteer, v: Verdict | None) -> Place:
    suspect = v is not None and v.severity in ("warning", "caution")
    return Place(Span(c.start, c.end), "suspect" if suspect else "ok", resolved_record(r, g, v))
