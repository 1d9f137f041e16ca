"""Scoring a split: false alarms on honest text, misspellings caught, claims caught."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .analysis import PlaceFinding, Result
from .contexts import Context
from .corpora import Article
from .geonames import km, normalize
from .claims import Claim
from .misspell import Injected

MISSPELLED = "place.misspelled"
WRONG_REGION = "place.wrong_region"
GEOVIRUS_SAME_PLACE_KM = 25.0  # a GeoVirus suggestion of the same name this close is the place


@dataclass
class Honest:
    toponyms: Counter = field(default_factory=Counter)  # per corpus
    flagged: Counter = field(default_factory=Counter)
    articles: Counter = field(default_factory=Counter)
    articles_flagged: Counter = field(default_factory=Counter)
    alarms: list[tuple[Article, str, PlaceFinding]] = field(default_factory=list)  # for -v on dev
    # Near alarms: a misspelling or a wrong region kept at info (one step from a false alarm).
    near: list[tuple[Article, str, PlaceFinding]] = field(default_factory=list)


NEAR_ALARM_CODES = (MISSPELLED, WRONG_REGION, "place.unknown")


def near_alarms(res: Result) -> list[PlaceFinding]:
    """Findings an honest text raised at info whose code would be an alarm at a higher severity."""
    return [f for f in res.findings if not f.alarm and f.code in NEAR_ALARM_CODES]


@dataclass
class Plain:
    """Honest articles with no place annotation (PolNeAR): alarms anywhere, near alarms."""

    articles: int = 0
    articles_flagged: int = 0
    places: int = 0  # place mentions the reports list
    alarms: list[tuple[str, str, PlaceFinding]] = field(default_factory=list)  # (article, text, finding)
    near: list[tuple[str, str, PlaceFinding]] = field(default_factory=list)


def score_plain(names: list[str], texts: list[str], results: list[Result]) -> Plain:
    p = Plain()
    for name, text, res in zip(names, texts, results):
        p.articles += 1
        p.articles_flagged += bool(res.alarms())
        p.places += res.places
        p.alarms += [(name, text[f.start : f.end], f) for f in res.alarms()]
        p.near += [(name, text[f.start : f.end], f) for f in near_alarms(res)]
    return p


def score_honest(articles: list[Article], results: list[Result]) -> Honest:
    h = Honest()
    for art, res in zip(articles, results):
        h.articles[art.corpus] += 1
        h.articles_flagged[art.corpus] += bool(res.alarms())
        for t in art.toponyms:
            h.toponyms[art.corpus] += 1
            hits = res.on(t.start, t.end, alarm_only=True)
            h.flagged[art.corpus] += bool(hits)
        for f in res.alarms():
            h.alarms.append((art, art.text[f.start : f.end], f))
        h.near += [(art, art.text[f.start : f.end], f) for f in near_alarms(res)]
    return h


@dataclass
class Misspellings:
    copies: int = 0
    occurrences: Counter = field(default_factory=Counter)  # per context
    caught: Counter = field(default_factory=Counter)  # place.misspelled warning/caution
    caught_any_severity: int = 0  # place.misspelled, info included
    alarmed: int = 0  # any place warning/caution
    top3: int = 0
    copies_all_caught: int = 0
    copies_any_caught: int = 0
    by_corpus: Counter = field(default_factory=Counter)  # occurrences per corpus
    caught_by_corpus: Counter = field(default_factory=Counter)
    by_edits: Counter = field(default_factory=Counter)  # (edits, first letter changed) -> occurrences
    caught_by_edits: Counter = field(default_factory=Counter)
    misses: list[tuple[Injected, int, str]] = field(default_factory=list)  # for -v on dev
    wrong_suggestions: list[tuple[Injected, list[str]]] = field(default_factory=list)


def right_suggestion(inj: Injected, f: PlaceFinding) -> bool:
    town = inj.mention.town
    for s in f.suggestions[:3]:
        if s.geonameid == town.geonameid:
            return True
        if inj.mention.article.corpus == "GeoVirus" and s.lat is not None and s.lon is not None:
            if normalize(s.name) == normalize(inj.misspelling.original) and km(s.lat, s.lon, town.lat, town.lon) <= GEOVIRUS_SAME_PLACE_KM:
                return True
    return False


def score_misspellings(injected: list[Injected], results: list[Result]) -> Misspellings:
    m = Misspellings()
    for inj, res in zip(injected, results):
        m.copies += 1
        got = []
        edits = (len(inj.misspelling.edits), inj.misspelling.first_letter_changed)
        for occ in inj.scored:
            m.occurrences[occ.context] += 1
            m.by_edits[edits] += 1
            m.by_corpus[inj.mention.article.corpus] += 1
            hits = [f for f in res.on(occ.start, occ.end, alarm_only=True) if f.code == MISSPELLED]
            m.caught_any_severity += bool(res.on(occ.start, occ.end, code=MISSPELLED))
            m.alarmed += bool(res.on(occ.start, occ.end, alarm_only=True))
            got.append(bool(hits))
            if hits:
                m.caught[occ.context] += 1
                m.caught_by_edits[edits] += 1
                m.caught_by_corpus[inj.mention.article.corpus] += 1
                if right_suggestion(inj, hits[0]):
                    m.top3 += 1
                else:
                    m.wrong_suggestions.append((inj, [s.name for s in hits[0].suggestions[:3]]))
            else:
                other = res.on(occ.start, occ.end)
                m.misses.append((inj, occ.start, ", ".join(f"{f.code}/{f.severity}" for f in other) or "nothing"))
        m.copies_all_caught += all(got)
        m.copies_any_caught += any(got)
    return m


CONTEXT_ORDER = list(Context)


@dataclass
class Claims:
    wrong: Counter = field(default_factory=Counter)  # per shape
    wrong_caught: Counter = field(default_factory=Counter)  # place.wrong_region warning/caution on the town
    wrong_caught_any_severity: int = 0
    true: Counter = field(default_factory=Counter)
    true_flagged: Counter = field(default_factory=Counter)
    misses: list[tuple[Claim, str]] = field(default_factory=list)  # for -v on dev
    false_alarms: list[tuple[Claim, str]] = field(default_factory=list)


def score_claims(claims: list[Claim], results: list[Result]) -> Claims:
    c = Claims()
    for claim, res in zip(claims, results):
        name = claim.shape.name
        on_town = [f for s, e in claim.town_spans for f in res.on(s, e, code=WRONG_REGION)]
        if claim.true:
            c.true[name] += 1
            bad = res.on(*claim.inserted, alarm_only=True)
            c.true_flagged[name] += bool(bad)
            if bad:
                c.false_alarms.append((claim, f"{bad[0].code}/{bad[0].severity} on {claim.text[bad[0].start:bad[0].end]!r}"))
        else:
            c.wrong[name] += 1
            caught = any(f.alarm for f in on_town)
            c.wrong_caught[name] += caught
            c.wrong_caught_any_severity += bool(on_town)
            if not caught:
                got = [f"{f.code}/{f.severity} on {claim.text[f.start:f.end]!r}" for f in res.on(*claim.inserted)]
                c.misses.append((claim, ", ".join(got) or "nothing"))
    return c


@dataclass
class Stress:
    """Real names transplanted into other articles' town slots (stress.py): alarms on them."""

    copies: Counter = field(default_factory=Counter)  # per group
    copies_alarmed: Counter = field(default_factory=Counter)  # any occurrence of the name alarmed
    occurrences: Counter = field(default_factory=Counter)  # the chosen occurrence, per context
    alarmed: Counter = field(default_factory=Counter)
    codes: Counter = field(default_factory=Counter)  # "code/severity" of alarms on the name
    near: int = 0  # copies with a near alarm (info) on the name and no alarm
    alarms: list[tuple[object, PlaceFinding]] = field(default_factory=list)  # (transplant, finding), for -v
    near_list: list[tuple[object, PlaceFinding]] = field(default_factory=list)


def score_stress(transplants: list, results: list[Result]) -> Stress:
    st = Stress()
    for tp, res in zip(transplants, results):
        group = tp.name.group
        st.copies[group] += 1
        on_name = {f for s, e in tp.spans for f in res.on(s, e)}
        alarms = sorted((f for f in on_name if f.alarm), key=lambda f: f.start)
        st.copies_alarmed[group] += bool(alarms)
        st.occurrences[tp.context] += 1
        st.alarmed[tp.context] += bool(res.on(*tp.chosen, alarm_only=True))
        for f in alarms:
            st.codes[f"{f.code}/{f.severity}"] += 1
            st.alarms.append((tp, f))
        near = [f for f in on_name if not f.alarm and f.code in NEAR_ALARM_CODES]
        if near and not alarms:
            st.near += 1
            st.near_list.append((tp, near[0]))
    return st
