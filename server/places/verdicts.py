"""Stage 5: the verdicts — which evidence makes a warning, a caution, an info note or nothing.

The table is EVIDENCE.md beside this file; each function below is one of its rows. A verdict is
a severity (or None) and the near place or claim it rests on; `report` words the finding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import rules
from .model import PLACE_ROLES, WEAK_PLACE_ROLES, Candidate, ClaimEvidence, Cue, MissEvidence, NearPlace, Role

Severity = Literal["warning", "caution", "info"]


@dataclass
class Verdict:
    code: Literal["place.misspelled", "place.unknown", "place.wrong_region", "place.far_from_context"]
    severity: Severity
    near: NearPlace | None = None  # the near miss a misspelling rests on
    claim: ClaimEvidence | None = None  # the claim a wrong region rests on
    odd_letters: tuple[str, ...] = ()  # letters of the word no place name has, when they back it


def _in_place_role(c: Candidate) -> bool:
    return c.role in PLACE_ROLES or bool(c.settlement)


def misspelling(ev: MissEvidence) -> Verdict | None:
    """A word nobody knows, a letter or two from a place (EVIDENCE.md, "place.misspelled")."""
    c = ev.candidate
    if ev.zipf >= rules.KNOWN_WORD_ZIPF or not ev.near:
        return None  # a known word or name is never a misspelling
    place_role = _in_place_role(c)
    # "from X", "in X": a locative word before it, whether the word came as a place entity or not
    locative_cue = c.cue in (Cue.STRONG, Cue.WEAK) or c.locative
    if c.role is Role.ORGANISATION and not c.organisation and not ev.person_word:
        return _named_after_a_town_close_by(ev)
    # A letter or two from a place's main name of as many words, its known words exact
    # ("Wicihta Falls"): that place, whatever label the model gives the words (EVIDENCE.md, 3.)
    name_role = c.role in (Role.PERSON, Role.ORGANISATION) and not c.whole_place_name
    if name_role or ev.person_word and not locative_cue or (
        c.joined_person and ev.near[0].edits > 1
    ):
        return None  # "Danielle Flores", "Torenia Holdings": a name of someone or something
    weak_role = not place_role and c.role in WEAK_PLACE_ROLES
    named = [p for p in ev.near if p.named_in_article or p.in_claim]
    if named:
        # The article itself names the place rightly spelt, or the claimed region holds it.
        return Verdict("place.misspelled", "warning" if place_role or named[0].edits == 1 else "info", named[0])
    if weak_role:
        # "Lodnon's airport", "the Lnodon hospital": a place, or a thing named after one
        backed = [p for p in ev.near if p.close or p.in_country or _very_notable(p)]
        return Verdict("place.misspelled", "warning", backed[0]) if backed else _odd_spelling(ev) or _note(ev)
    if not place_role:
        # Subject, object: a city of some size a letter off backs it, unless the model took the
        # word for a person's name.
        if c.label != "PERSON":
            big = [p for p in ev.near if _very_notable(p)]
            if big:
                return Verdict("place.misspelled", "warning", big[0])
        close = [p for p in ev.near if p.close and p.edits == 1]
        if close:
            # The model's PERSON label alone (no person the article names in full has this word)
            # gives way to a town's own main name a letter off close by ("Jnoesboro said")
            town = [p for p in close if p.main_name]
            if c.label == "PERSON" and not town:
                return Verdict("place.misspelled", "info", close[0])
            return Verdict("place.misspelled", "warning", (town or close)[0])
        return None
    if c.sub_place:
        # "the Mukuru slums": part of a city GeoNames lacks; only a place close by says typo
        close = [p for p in ev.near if p.close]
        return Verdict("place.misspelled", "warning", close[0]) if close else _note(ev)
    # A capitalised word opening a sentence may be no name at all: only the article's world backs it.
    context_only = c.cue is Cue.ENTITY and c.role is not Role.LOCATIVE and c.opens_clause
    backed = [p for p in ev.near if p.close or (not context_only and (p.in_country or p.notable and not p.off_world))]
    if backed:
        return Verdict("place.misspelled", "warning", backed[0])
    return _slip(ev) or _note(ev)


def _slip(ev: MissEvidence) -> Verdict | None:
    """What a typist's slip leaves, when nothing else backs the near miss: a spelling no place
    name has, or two neighbouring letters of a town's name swapped."""
    return _odd_spelling(ev) or _swapped_letters(ev)


def _swapped_letters(ev: MissEvidence) -> Verdict | None:
    """In a place role (not a weak one: "the Lnodon project"), two neighbouring letters of a
    town's main name swapped ("Sraatoa" for Saratoga, "Akalnd" for Oakland; perhaps with one
    more slip), the town close to the article's towns or one of `SWAP_MIN_POP`+ in its
    countries. The real names GeoNames lacks differ from their near misses by a letter put in,
    left out or changed, seldom by a swap."""
    backed = [
        p for p in ev.near
        if p.swapped and p.main_name and not p.off_world and (p.close or p.home and p.pop >= rules.SWAP_MIN_POP)
    ]
    return Verdict("place.misspelled", "warning", backed[0]) if backed else None


def _named_after_a_town_close_by(ev: MissEvidence) -> Verdict | None:
    """The first word of an organisation's name the model tags ORG, no firm cue around it and
    no person's word ("the Evansvilme Federal Credit Union", "Izonsville Education Foundation"):
    a body named after its town, when a town's main name a letter off lies close to the
    article's towns or in a division it names. Otherwise nothing: firms and bodies are named
    after people and things too ("Torenia Holdings")."""
    close = [p for p in ev.near if p.edits == 1 and p.main_name and p.close]
    return Verdict("place.misspelled", "warning", close[0]) if close else None


def _odd_spelling(ev: MissEvidence) -> Verdict | None:
    """A spelling no place name has ("Berlni": "rln" is in none of GeoNames' 200,000 main names),
    a letter or two from a place of the article's world: a typo, as random slips of the keys
    make them. Real names GeoNames lacks are spelt like other names (and the foreign ones that
    are not, "Mabvuku" beside Maputo, lie abroad): two letters off count only from a place close
    to the article's towns or a town (no village) in its countries, one letter off from none on
    another continent;
    and only from a place's main name (alternate names hold odd spellings of every language)."""
    if len(ev.odd_letters) < rules.ODD_LETTERS_MIN:
        return None
    backed = [
        p for p in ev.near
        if p.main_name and not p.off_world and (p.edits == 1 or p.close or p.home and p.pop >= rules.VILLAGE_POP)
    ]
    return Verdict("place.misspelled", "warning", backed[0], odd_letters=ev.odd_letters) if backed else None


def _very_notable(p: NearPlace) -> bool:
    return p.notable and not p.off_world and p.pop >= rules.WEAK_ROLE_NOTABLE_POP.get(p.edits, 0) * (
        1 if p.main_name else rules.ALTERNATE_NAME_POP_FACTOR
    )


def _note(ev: MissEvidence) -> Verdict | None:
    """A place role and a near miss, but nothing backing it: a real small place, most likely."""
    return Verdict("place.misspelled", "info", ev.near[0]) if ev.near else None


def unknown(ev: MissEvidence) -> Verdict | None:
    """The text calls an unknown word a city, town or village and nothing is a near miss."""
    c = ev.candidate
    if ev.near or ev.zipf >= rules.KNOWN_WORD_ZIPF or not c.settlement:
        return None
    if not (c.from_entity or c.cue is Cue.STRONG) or len(c.key) < 4:
        return None
    # GeoNames lists every place of 500 people or more: a "city" missing from it is odd, a
    # town or village much less so.
    return Verdict("place.unknown", "caution" if c.settlement in ("city", "capital") else "info")


def wrong_region(ev: ClaimEvidence | None, c: Candidate, zipf: float) -> Verdict | None:
    """A real place the text puts in a region where no place of that name lies."""
    if ev is None or c.role in (Role.PERSON, Role.ORGANISATION):
        return None
    if not c.from_entity and c.label in ("ORG", "NORP") and zipf >= rules.COMMON_NAME_ZIPF and not ev.main_name:
        # "Hamas is in Palestine": a well-known group named like some town's alternate name. A
        # town's own main name ("Oxford in Leinster") is that town whatever label the model gives.
        return None
    near_by = ev.distance_km <= rules.NEIGHBOUR_KM and ev.pop >= rules.NEIGHBOUR_MIN_POP
    if ev.similar or ev.anchored or near_by or ev.notable:
        return Verdict("place.wrong_region", "warning", claim=ev)
    return Verdict("place.wrong_region", "info", claim=ev)


_ORDER = {"warning": 3, "caution": 2, "info": 1}


def stronger(a: Verdict | None, b: Verdict | None) -> Verdict | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _ORDER[b.severity] > _ORDER[a.severity] else a
