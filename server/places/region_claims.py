"""Stages 4–5 for a region claim: weigh a claim no place of the name fits, and decide.

`evidence.claim_evidence` finds the first claim no place of the name fits and what speaks for a
wrong region (a similar name inside the region, the article's towns near the real place, a
neighbouring division, a notable namesake); `judge` turns those, with what the article's own
world says about the claim apart from the claim itself, into a warning or a note — the one
decision of a region claim:

- the article's world **agrees** with the claim (`ArticleWorld.agrees_with_claim`: its other
  towns lie in the claimed region, none near any place of the name): a story about that
  region's towns that places one more there names, most likely, a place too small for
  GeoNames ("Denver, Kentucky" in a story of Kentucky towns: a hamlet, not Denver, Colorado).
  Then only a similar name inside the region (which the card names: "the writer may have
  meant …") keeps a warning; the rest is `info`;
- a **lone town placed abroad**: a claim read without doubt (its shape calls the name a place,
  the name opens a dateline, or a locative role and the model's place label or a strong cue
  make it one) that puts a town of `LONE_ABROAD_MIN_POP`+, under its own main
  name, in a division of a country holding no place of that name at all, within `WORLD_KM` of
  it, with nothing in the article's world to agree with it ("Lufkin, a city in Ontario":
  no Lufkin lies in Canada; Lufkin, Texas has 36,000 people): a `warning`.

The card names where the places of that name lie (`report.namesake_divisions`).

EVIDENCE.md (place.wrong_region) lists every signal.
"""

from __future__ import annotations

from ..gazetteer import Gazetteer
from . import claims as claims_stage
from . import evidence, rules
from .model import Candidate, Claim, ClaimEvidence, Cue, Resolution, Role
from .resolve import ArticleWorld
from .verdicts import Verdict

PLACE_LABELS = ("GPE", "LOC")  # the model's labels of a place


def judge(
    c: Candidate, r: Resolution, own: list[Claim], g: Gazetteer, budget: evidence.FuzzyBudget,
    world: ArticleWorld, zipf: float,
) -> Verdict | None:
    """The wrong-region verdict for a town the gazetteer knows, or None: the one decision of a
    region claim (EVIDENCE.md, place.wrong_region), from the claim's evidence and the article's
    world."""
    ev = evidence.claim_evidence(c, r, own, g, budget, world)
    if ev is None or c.role in (Role.PERSON, Role.ORGANISATION):
        return None
    if not c.from_entity and c.label in ("ORG", "NORP") and zipf >= rules.COMMON_NAME_ZIPF and not ev.main_name:
        # "Hamas is in Palestine": a well-known group named like some town's alternate name. A
        # town's own main name ("Oxford in Leinster") is that town whatever label the model gives.
        return None
    if ev.similar:
        # A place of a similar name inside the claimed region: the card names it.
        return Verdict("place.wrong_region", "warning", claim=ev)
    ids = frozenset(r.ids)
    if world.agrees_with_claim(ids, ev.claim.region):
        # The article's other towns lie in the claimed region: most likely a place too small
        # for GeoNames.
        return Verdict("place.wrong_region", "info", claim=ev)
    reaches = world.reaches(ids, ev.claim.region)
    anchored = ev.anchored or in_named_body(ev, g, world)
    if anchored and (not reaches or anchored_outside(ev, ids, g, world)):
        return Verdict("place.wrong_region", "warning", claim=ev)
    if reaches or world.names_division(ev.claim.region):
        # The article's own towns reach the claimed region, or it names the claimed division
        # apart from the claim ("Kentucky State Police said"), and none of its towns lies
        # around the real place: a namesake's size or nearness elsewhere says little of the one
        # meant here (a hamlet GeoNames lacks, "Richland, Nebraska" beside Nebraska towns).
        return Verdict("place.wrong_region", "info", claim=ev)
    near_by = ev.distance_km <= rules.NEIGHBOUR_KM and ev.pop >= rules.NEIGHBOUR_MIN_POP
    if near_by or ev.notable:
        return Verdict("place.wrong_region", "warning", claim=ev)
    if well_read(ev.claim, c) and lone_abroad(ev, ids, g):
        return Verdict("place.wrong_region", "warning", claim=ev)
    return Verdict("place.wrong_region", "info", claim=ev)


def in_named_body(ev: ClaimEvidence, g: Gazetteer, world: ArticleWorld) -> bool:
    """Does a body's or building's name in the article name the real place's division, against
    a claimed division ("Chapin, Utah" in a story quoting "the S.C. Highway Patrol": Chapin,
    South Carolina)? Weaker than the division named as a region: it anchors the place (`judge`)
    only when the article names the claimed division nowhere, and adds nothing to where the
    article's other names are picked."""
    claimed = set(ev.claim.region.codes)
    if ev.claim.region.kind == "country" or world.names_division(ev.claim.region):
        return False  # (the article names the claimed division too: it anchors nothing)
    return g.admin_code(ev.place) in world.body_divisions - claimed


def anchored_outside(ev: ClaimEvidence, ids: frozenset, g: Gazetteer, world: ArticleWorld) -> bool:
    """For an article whose towns reach the claimed region: is the real place anchored by
    more than those towns? It names the place's own division, or (a town of
    ABROAD_CLAIM_MIN_POP+) only the place's country, or a town outside the claimed region lies
    within ANCHOR_KM of it. The claimed region's own towns near a namesake across its border
    are the story's region, not evidence of the namesake ("Shadyside, Pennsylvania" beside
    Pittsburgh's towns: Shadyside, Ohio lies 25 km off)."""
    claim = ev.claim
    if g.admin_code(ev.place) in world.codes - set(claim.region.codes) or in_named_body(ev, g, world):
        return True
    if world.about_country_only(ev.place, ids, claim.region) and ev.pop >= rules.ABROAD_CLAIM_MIN_POP:
        return True
    return world.anchors_outside(ev.place, ids, claim.region)


def well_read(claim: Claim, c: Candidate) -> bool:
    """A claim read without doubt: its shape calls X a place by itself ("X, a town in Y", "X,
    located in Y", "the Y town of X"), X opens a dateline ("ROCK HILL, Nunavut —"), or the
    sentence makes X a place by itself — the model tags it a place (GPE, LOC) or a strong
    locative cue stands before it ("residents of X") — in a locative role. Not a bare "X in
    Y", "X, Y" or "X (Y)" about any other name: those also join a landmark, a firm or a list to
    a region ("the Citadel in Georgia")."""
    if claims_stage.says_place(claim.shape) or c.role is Role.DATELINE:
        return True
    return c.role is Role.LOCATIVE and (c.label in PLACE_LABELS or c.cue is Cue.STRONG)


def lone_abroad(ev: ClaimEvidence, ids: frozenset, g: Gazetteer) -> bool:
    """A town of LONE_ABROAD_MIN_POP+ under its own main name, claimed in a division (not a
    whole country, which may hold a place GeoNames lacks) of a country where no place of that
    name lies at any size, on the same side of the world (within WORLD_KM: towns named after
    towns of another continent are common, "Paris, Texas")."""
    claim = ev.claim
    if claim.region.kind == "country" or ev.same_country or not ev.main_name:
        return False
    if ev.distance_km > rules.WORLD_KM:
        return False
    claimed_countries = {code.split(".")[0] for code in claim.region.codes}
    if any(g.country_code(i) in claimed_countries for i in ids):
        return False
    return ev.pop >= rules.LONE_ABROAD_MIN_POP
