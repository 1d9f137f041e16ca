"""The place analysis: every place mention checked against the gazetteer, suspect ones explained.

    result = analyze(doc, gazetteer)   # PlaceAnalysis: places, findings, what was left unchecked

The stages, in order, each a module with one job:

1. `candidates` — find the candidates: place entities, capitalised runs in locative contexts,
   lists, and any capitalised word nobody knows wherever it stands; `roles` — what the sentence
   makes of each (locative, dateline, modifier, possessive, a person's or a firm's name…).
2. `resolve` — resolve them: a region, a town the gazetteer knows (picked by the article's
   world), a miss (of several words: narrowed to the words naming the place), or no place at all.
3. `claims` — read the claims: where the text says a town lies, in every shape of
   data/places/claim_shapes.json and by reference back from the next sentence.
4. `evidence` — weigh the evidence: near misses of a miss (how notable, how close to the
   article's world, named in it), and where a wrongly placed town really lies.
5. `verdicts` — decide: warning, caution, info or nothing, by the table in EVIDENCE.md
   (`region_claims` for a region claim: what the article's world says of it, then the verdict).
6. `report` — word the findings and list the places checked.

Thresholds and weights: `rules`. Word lists: data/places/, read by `lexicon`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from .. import deadline
from ..gazetteer import Gazetteer, normalize
from ..report import Finding, Place
from . import claims as claims_stage
from . import evidence, region_claims, report, resolve, rules, verdicts
from .candidates import find_candidates
from .model import Candidate, Claim, PlaceAnalysis, Resolution, Role, Unchecked
from .roles import FIRM_ROLES, assign_roles
from .verdicts import Verdict

__all__ = ["analyze"]


def analyze(doc: Doc, g: Gazetteer) -> PlaceAnalysis:
    # 1. Candidates and their roles.
    found = find_candidates(
        doc,
        claim_follows=lambda i: claims_stage.shape_at(doc, i, g),
        unknown=lambda word: _unknown(word, g),
        town_by_shape=lambda a, b: claims_stage.town_by_shape(doc, a, b, g),
        town_name=lambda text: bool(g.ids_for_key(normalize(text))),
    )
    # Bounded: a text naming more than this many candidates is checked for its first ones only.
    skipped = max(0, len(found) - rules.MAX_CANDIDATES)
    found = found[: rules.MAX_CANDIDATES]
    assign_roles(doc, found)

    # 2. Resolve; a miss of several words keeps those that name the place ("Huntsvilse City").
    res = {id(c): resolve.resolve(c, g, claims_stage.claim_after_kind(doc, c.tok_end, g)) for c in found}
    kept = [c for c in found if res[id(c)].kind != "skip"]
    budget = evidence.FuzzyBudget(g, len(doc))

    def near(key: str):  # a name's near misses, within the edits its length allows
        return budget.fuzzy(key, evidence.max_edits(key))

    for c in kept:
        if res[id(c)].kind == "miss":
            resolve.settle_name(doc, c, res[id(c)], g, near)

    # 3. Claims.
    def can_lie_in(c: Candidate) -> bool:
        return res[id(c)].kind in ("town", "miss") and c.role not in (Role.PERSON, Role.ORGANISATION)

    claims = claims_stage.find_claims(doc, kept, g, can_lie_in)
    # A word of a claim's region phrase is that region ("Hlavní" of "Hlavní město Praha"),
    # though a town bear its name ("Sherbrooke, Quebec": the province, not Québec City).
    for c_id, region in claims_stage.region_word_candidates(claims, kept).items():
        if res[c_id].kind in ("miss", "town"):
            res[c_id].kind, res[c_id].region, res[c_id].ids = "region", region, []
    claims_of = _by_candidate(claims)

    world = resolve.ArticleWorld(
        g, [res[id(c)] for c in kept], claims, claims_stage.divisions_in_names(doc, claims, g.regions)
    )

    def pick_towns() -> None:
        picked: dict[tuple, int] = {}
        for c in kept:
            r = res[id(c)]
            if r.kind == "town":
                own = tuple(cl.region.codes for cl in claims_of.get(id(c), []))
                if (c.key, own) not in picked:
                    deadline.check()
                    picked[(c.key, own)] = world.pick(r.ids, [cl.region for cl in claims_of.get(id(c), [])])
                r.best = picked[(c.key, own)]
        world.add_towns([res[id(c)] for c in kept])

    # Resolve towns twice: the second time, each ambiguous name prefers the place near the
    # article's other towns (Glastonbury in Somerset beside Bristol and Bath, not in Connecticut).
    for _ in range(2):
        pick_towns()
    if world.prefer_regions([res[id(c)] for c in kept]):  # "Fairfax … Virginia": the state
        world.add_towns([res[id(c)] for c in kept])
    left = world.prefer_towns([res[id(c)] for c in kept], claims)  # "… in Lebanon" beside Hershey: the town
    if left is not claims:  # then the others are picked again, in the article's own country
        claims, claims_of = left, _by_candidate(left)
        pick_towns()

    # A miss that is a division of the article's countries in another spelling is that region.
    for c in kept:
        r = res[id(c)]
        if r.kind == "miss":
            region = resolve.division_spelling(r.key or c.key, world, g, near)
            if region is not None:
                r.kind, r.region = "region", region

    # 4-5. Evidence and verdicts, once per distinct name in one role.
    person_words = claims_stage.person_words(doc)
    # For misspellings, the end of a firm's or person's name too ("Sant Singh Chatwal"), unless
    # the article also writes that word as a place ("from Nashvlle" beside "Metro Nashvlle police").
    as_place = {c.key for c in kept if c.locative or c.label in ("GPE", "LOC")}
    firm_place = {c.key for c in kept if c.role in FIRM_ROLES}
    name_words = (person_words - firm_place) | (evidence.name_end_words(doc) - as_place - firm_place)
    by_key: dict[str, Verdict | None] = {}
    memo: dict[tuple, Verdict | None] = {}
    for c in kept:
        r = res[id(c)]
        own = claims_of.get(id(c), [])
        if r.kind not in ("town", "miss"):
            continue
        memo_key = (
            r.kind, c.key, c.cue, c.role, c.from_entity, c.opens_clause, c.locative, c.settlement,
            c.sub_place, c.organisation, c.joined_person, c.firm, tuple((cl.region.codes, cl.text) for cl in own),
        )
        if memo_key not in memo:
            memo[memo_key] = _judge(c, r, own, g, world, budget, name_words)
        v = memo[memo_key]
        by_key[c.key] = verdicts.stronger(by_key.get(c.key), v)

    # 6. Report.
    places: list[Place] = []
    findings: list[Finding] = []
    for c in kept:
        r = res[id(c)]
        v = by_key.get(c.key)
        if r.kind == "miss" and not _warning(v):
            # "Glenadlu Galleria" in an article that writes "in Glenadlu" as a misspelt place:
            # the same misspelt word, inside a longer name
            part = _warned_part(doc, c, by_key)
            if part is not None:
                c, r, v = part
        if v is None and r.kind == "miss" and not c.from_entity:
            continue  # a capitalised word after "in" or before "'s" that is no known place
        f = None
        if v is not None:
            others = [p.place for p in _near_of(c, r, g, world, budget, claims_of.get(id(c), []), name_words)]
            f = report.finding(v, c, r, g, others)
        elif r.kind == "town":
            f = _far_from_context(c, r, g, world, person_words)
        places.append(report.place(c, r, g, v))
        if f is not None:
            findings.append(f)
    return PlaceAnalysis(places, findings, Unchecked(candidates=skipped, lookups=len(budget.refused)))


def _by_candidate(claims: list[Claim]) -> dict[int, list[Claim]]:
    """The claims about each candidate, by its id."""
    out: dict[int, list[Claim]] = {}
    for cl in claims:
        out.setdefault(id(cl.candidate), []).append(cl)
    return out


def _warning(v: Verdict | None) -> bool:
    return v is not None and v.severity == "warning"


def _warned_part(doc: Doc, c: Candidate, by_key: dict[str, Verdict | None]):
    """The longest run of a miss's words that the article writes elsewhere as a misspelt place
    with a warning ("Glenadlu" of "Glenadlu Galleria", "Ewark" of "to Ewark Live Bait"): that
    run as a candidate of its own, its resolution and the warning; None when there is none."""
    words = [k for k in range(c.tok_start, c.tok_end) if doc[k].is_alpha]
    if len(words) < 2:
        return None
    for size in range(min(len(words) - 1, rules.MAX_NAME_WORDS), 0, -1):
        for i in range(len(words) - size + 1):
            a, b = words[i], words[i + size - 1] + 1
            key = normalize(doc[a:b].text)
            v = by_key.get(key)
            if _warning(v) and v.code == "place.misspelled":
                span = doc[a:b]
                part = replace(c, tok_start=a, tok_end=b, start=span.start_char, end=span.end_char,
                               text=span.text, key=key)
                return part, Resolution(part, "miss", key=key), v
    return None


def _unknown(word: str, g: Gazetteer) -> bool:
    """A word nobody knows: no English word or name, no gazetteer place or region."""
    if g.zipf(word) >= rules.KNOWN_WORD_ZIPF:
        return False
    key = normalize(word)
    return not g.ids_for_key(key) and g.regions.resolve(key) is None


def _judge(c, r: Resolution, own: list[Claim], g, world, budget, person_words) -> Verdict | None:
    if r.kind == "town":
        return region_claims.judge(c, r, own, g, budget, world, g.zipf(c.key))
    key = r.key or c.key
    if not evidence.checkable_key(key) and not (c.whole_place_name and len(key.split()) <= rules.MAX_NAME_WORDS):
        return None  # (a feature word ends the name, unless a town's own name ends so: "Moggn Hill")
    if g.zipf(key) >= rules.KNOWN_WORD_ZIPF:
        return None  # a known word or name is never a misspelled or unknown place
    if key in evidence.iso_subdivisions():
        return None  # a real county or district (ISO 3166-2) the town gazetteer lacks
    near = budget.fuzzy(key, evidence.max_edits(key))
    variant = evidence.variant_ids(key, near, g, world.countries)
    if variant:  # another romanisation of a known name, not a misspelling
        r.kind, r.ids = "town", variant
        r.best = world.pick(variant, [cl.region for cl in own])
        return region_claims.judge(c, r, own, g, budget, world, g.zipf(c.key))
    ev = evidence.miss_evidence(c, r, own, g, world, near, person_words)
    return verdicts.misspelling(ev) or verdicts.unknown(ev)


def _near_of(c, r, g, world, budget, own, person_words):
    if r.kind != "miss":
        return []
    key = r.key or c.key
    near = budget.fuzzy(key, evidence.max_edits(key))
    return evidence.miss_evidence(c, r, own, g, world, near, person_words).near


def _far_from_context(c: Candidate, r: Resolution, g: Gazetteer, world, person_words) -> Finding | None:
    if r.best is None or int(g.pop[r.best]) >= rules.FAR_MAX_POP or c.key in person_words:
        return None
    if c.organisation or c.role in (Role.PERSON, Role.ORGANISATION):
        return None  # "sales at Nokia": the firm, not the Finnish town
    if evidence.has_feature_word(c.key):
        return None
    if len(world.towns) - world.names_town(r.best) < 2:
        return None
    nearest = world.nearest_km(r.best)
    if nearest <= rules.FAR_KM or g.country_code(r.best) in world.countries:
        return None
    return report.far_from_context(c, r, g, nearest)
