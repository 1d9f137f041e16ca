"""Stage 5: the verdicts — which evidence makes a warning, a caution, an info note or nothing.

The table is EVIDENCE.md beside this file; each function below is one of its rows. A verdict is
a severity (or None) and the near place or claim it rests on; `report` words the finding. The
region-claim row is decided in one place, `region_claims.judge`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import rules, severity
from .model import PLACE_ROLES, WEAK_PLACE_ROLES, Candidate, ClaimEvidence, Cue, MissEvidence, NearPlace, Role

Severity = Literal["warning", "caution", "info"]


@dataclass
class Verdict:
    code: Literal["place.misspelled", "place.unknown", "place.wrong_region", "place.far_from_context"]
    severity: Severity
    near: NearPlace | None = None  # the near miss a misspelling rests on
    claim: ClaimEvidence | None = None  # the claim a wrong region rests on
    odd_letters: tuple[str, ...] = ()  # letters of the word no place name has, when they back it
    rare_letters: tuple[tuple[str, int], ...] = ()  # ... and those only a few names have, with how many
    signals: tuple[str, ...] = ()  # what backs a misspelling's warning: world, size, slip, firm role
    learned: tuple[str, ...] = ()  # the facts the severity model weighed most, when it made the warning
    settlement: str = ""  # what the text calls an unknown place ("city"), for place.unknown


def _in_place_role(c: Candidate) -> bool:
    return c.role in PLACE_ROLES or bool(c.settlement)


def misspelling(ev: MissEvidence) -> Verdict | None:
    """A word nobody knows, a letter or two from a place (EVIDENCE.md, "place.misspelled").

    A warning rests on two independent signals the reader can check in the card (`_signals`):
    the near miss lies in the article's world, it is a notable place, the word is a typist's
    slip of its name, the sentence puts the word in a firm place role. One alone is `info`: real
    names GeoNames lacks (villages, schools, surnames) carry any one of them often enough."""
    c = ev.candidate
    if ev.zipf >= rules.KNOWN_WORD_ZIPF or not ev.near:
        return None  # a known word or name is never a misspelling
    place_role = _in_place_role(c)
    # "from X", "in X": a locative word before it, whether the word came as a place entity or not
    locative_cue = c.cue in (Cue.STRONG, Cue.WEAK) or c.locative
    if c.role is Role.ORGANISATION and not c.organisation and not ev.person_word:
        # The first word of a body's name ("the Evansvilme Federal Credit Union"): bodies are
        # named after people and things too, so only a town a letter off close by counts.
        return _two_signals(ev, "organisation")
    # A letter or two from a place's main name of as many words, its known words exact
    # ("Wicihta Falls"): that place, whatever label the model gives the words (EVIDENCE.md, 3.)
    name_role = c.role in (Role.PERSON, Role.ORGANISATION) and not c.whole_place_name
    # A dateline is a town's place whoever else bears the name ("CLINTON, Iowa —").
    person_word = ev.person_word and not locative_cue and c.role is not Role.DATELINE
    if name_role or person_word or (
        c.joined_person and ev.near[0].edits > 1
    ):
        return None  # "Danielle Flores", "Torenia Holdings": a name of someone or something
    named = [p for p in ev.near if p.named_in_article or p.in_claim]
    if named:
        # The article itself names the place rightly spelt, or the claimed region holds it: the
        # article's own world, and a place role or a single letter.
        return Verdict("place.misspelled", "warning" if place_role or named[0].edits == 1 else "info", named[0],
                       signals=("named",))
    if not place_role:
        if c.role in WEAK_PLACE_ROLES:
            # "Lodnon's airport", "the Lnodon hospital": a place, or a thing named after one
            return _two_signals(ev, "weak") or _learned(ev, "weak", _note(ev))
        # Subject, object: no place role at all; a person's name unless the world says otherwise
        v = _two_signals(ev, "person" if c.label == "PERSON" else "other")
        if v is not None:
            return v
        close = [p for p in ev.near if p.close and p.edits == 1]
        if not close:
            return None
        note = Verdict("place.misspelled", "info", close[0])
        if c.label == "PERSON":
            # No learned look at a word the model calls a person: a person's name as often as
            # not (its features are still recorded for training, severity.COLLECT).
            severity.record(ev, close[0], "person", _signals(ev, close[0], "person"))
            return note
        # A subject or object the model calls no person ("Bondlo was also hit"): the learned
        # look, as for a weak place role; its threshold was set over these decisions too.
        return _learned(ev, "other", note)
    if c.sub_place:
        # "the Mukuru slums": part of a city GeoNames lacks
        return _two_signals(ev, "sub_place") or _learned(ev, "sub_place", _note(ev))
    return _two_signals(ev, "place") or _learned(ev, "place", _note(ev))


Kind = Literal["place", "weak", "sub_place", "other", "person", "organisation"]


def _signals(ev: MissEvidence, p: NearPlace, kind: Kind) -> list[str]:
    """The signals that near place p is what the writer meant, for a word in a role of `kind`.

    - `world`: p lies close to the article's towns or in a division it names, or (in a place
      role) it is a sizeable town of the part of the country the article is about;
    - `size`: p is notable by its population (in a weak role, or none: very notable);
    - `slip`: the word is spelt as a typist slips, not as names are: letters no place name
      holds (`details.unseen_letters`) or only a few do (`details.rare_letters`), or two
      neighbouring letters of p's name swapped (p in one of the article's countries, or the article gives none to be abroad from);
    - `firm role`: the sentence makes the word a place by its shape (roles.firm_place_role),
      for a word in a place role only.

    In a subject's or object's role, or a body's first word, only a town one letter off close
    by (or, for a subject, a sizeable town of the article's country) counts as the world; for a
    word the model calls a person, only a town's own name one letter off close by; and in all
    three, a close town's own name two letters off when the word is also a slip."""
    c = ev.candidate
    # A capitalised word opening a sentence may be no name at all: only the article's towns
    # close by back it, not its size or country; unless a firm role makes it a place's name
    # ("Chaleston police said").
    context_only = c.cue is Cue.ENTITY and c.role is not Role.LOCATIVE and c.opens_clause and not c.firm
    out = []
    slip = p.main_name and not p.off_world and (
        # (the unseen runs, odd_letters, are among the rare ones)
        len(ev.rare_letters) >= rules.ODD_LETTERS_MIN
        or p.swapped and p.edits == 1 and (p.home or p.no_country)
    )
    if kind in ("place", "weak", "sub_place"):
        if p.close or (p.in_country and not context_only and kind != "sub_place"):
            out.append("world")
    elif p.close and p.edits == 1 and (p.main_name or kind == "other") or kind == "other" and p.in_country:
        out.append("world")
    elif kind in ("organisation", "other", "person") and p.close and slip:
        # a body's first word, a subject or an object, two letters from a close town's own name
        # and spelt as typists slip ("the Evansrivlle Federal Credit Union" beside Evansville's
        # towns)
        out.append("world")
    if kind in ("place", "sub_place"):
        if p.notable and not p.off_world and not context_only:
            out.append("size")
    elif kind != "person" and _very_notable(p):
        out.append("size")
    if slip:
        out.append("slip")
    if kind == "place" and c.firm:
        out.append("firm role")
    return out


def _two_signals(ev: MissEvidence, kind: Kind) -> Verdict | None:
    """A warning on the first near miss (best suggestion first) that two signals back, at
    least one of them about the place itself; else None."""
    letters = len((ev.key or ev.candidate.key).replace(" ", ""))
    for p in ev.near:
        found = _signals(ev, p, kind)
        if found == ["size", "firm role"] and p.edits == 1 and not p.same_start and letters < rules.RHYME_MAX_LEN:
            # The weakest pair: a notable town somewhere, and only the sentence's word that this
            # is a place. A short word that is the name but for its first letter (one put before
            # it, dropped or changed) rhymes with it, as real names often do ("Terie" beside
            # Erie); typists seldom miss a first letter alone.
            continue
        if found in (["world", "firm role"], ["size", "firm role"]) and p.edits == 2 and not p.same_start:
            # A town close by, or a notable one anywhere, that rhymes with the word, two letters
            # off at its start ("East Blewbury" beside Newbury, "Tackley" beside Brackley, "an
            # Eyota man" and Kyoto): real villages rhyme with towns' names as often as not, and
            # the sentence's word that this is a place tells a village from a slip no better.
            continue
        if len(found) >= rules.MISSPELLING_SIGNALS and found != ["firm role"]:
            odd, rare = _letters(ev, found)
            return Verdict("place.misspelled", "warning", p, odd_letters=odd, rare_letters=rare, signals=tuple(found))
    return None


def _learned(ev: MissEvidence, kind: Kind, v: Verdict | None) -> Verdict | None:
    """A misspelling the rules keep at `info`: the learned severity model (severity.py) may make
    it a warning, on the same near miss, weighing its evidence together; the card names the
    facts it weighed most."""
    if v is None or v.severity != "info" or v.near is None:
        return v
    found = _signals(ev, v.near, kind)
    if v.near.off_world:
        # A near miss on another continent from everything the article names backs no warning,
        # learned or not ("the Lnodon project" in a story of Texas towns); the training still
        # sees the decision.
        severity.record(ev, v.near, kind, found)
        return v
    why = severity.raises(ev, v.near, kind, found)
    if why is None:
        return v
    odd, rare = _letters(ev, found)
    return Verdict("place.misspelled", "warning", v.near, odd_letters=odd, rare_letters=rare, signals=tuple(found),
                   learned=why)


def _letters(ev: MissEvidence, found: list[str]) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
    """The letter runs the card shows when a slip backs the warning: those no place name holds,
    and those only a few do (RARE_LETTERS_MAX), with how many."""
    if "slip" not in found:
        return (), ()
    return ev.odd_letters, tuple((t, n) for t, n in ev.rare_letters if n > 0)


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
    # GeoNames lists the seat of every division: a "capital" missing from it is odd. A "city"
    # is not: a legal form of towns of any size (thousands of incorporated cities have fewer
    # than 500 people), and cities500 lacks many real ones; so it is a caution only when the
    # name is also spelt as no place's name is (letters no main name holds: "Zqvorblensk").
    odd = c.settlement == "city" and len(ev.odd_letters) >= rules.ODD_LETTERS_MIN
    serious = c.settlement == "capital" or odd
    return Verdict("place.unknown", "caution" if serious else "info", odd_letters=ev.odd_letters if odd else (),
                   settlement=c.settlement)


_ORDER = {"warning": 3, "caution": 2, "info": 1}


def stronger(a: Verdict | None, b: Verdict | None) -> Verdict | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _ORDER[b.severity] > _ORDER[a.severity] else a
