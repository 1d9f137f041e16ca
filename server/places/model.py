"""The named types that pass between the stages of the place analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Literal

from ..gazetteer import Region

if TYPE_CHECKING:
    from ..report import Finding, Place


class Cue(Enum):
    """How a candidate was found: its strongest reason to be a place."""

    ENTITY = "entity"  # a GPE/LOC entity of the model
    STRONG = "strong"  # after a strong locative cue ("withdrawal from X", "the city of X")
    WEAK = "weak"  # after a weak one ("in X", "to X")
    POSSESSIVE = "possessive"  # before "'s" ("Kyiv's leverage")
    STRING = "string"  # a capitalised word nobody knows, a letter or two from a place


class Role(Enum):
    """What the sentence makes of the word (dependency parse, entity labels, position)."""

    LOCATIVE = "locative"  # object of a locative preposition or verb, a place entity
    DATELINE = "dateline"  # "LONDON, March 3 —" at a paragraph's start
    COMPOUND = "compound"  # "the Pitsburgh-based company", "Lnodon-bound flights"
    INSTITUTION = "institution"  # "the Shrreveport Police Department", "a Pulesfine man"
    MODIFIER = "modifier"  # "the Lnodon hospital": a proper noun qualifying a common noun
    POSSESSIVE = "possessive"  # "Lodnon's airport"
    PERSON = "person"  # part of a person's name ("Denis Pushilin")
    ORGANISATION = "organisation"  # part of an organisation's name, or a firm ("analysts at Nomura")
    OTHER = "other"  # subject, object, anything else


# Roles in which a name is a place: a near miss that is notable backs a warning.
PLACE_ROLES = frozenset({Role.LOCATIVE, Role.DATELINE, Role.COMPOUND, Role.INSTITUTION})
# Roles in which a name may be a place or a thing named after one ("Lodnon's airport", "the
# Torenia operation"): only a very notable near miss, or the article's world, backs a warning.
WEAK_PLACE_ROLES = frozenset({Role.MODIFIER, Role.POSSESSIVE})

Kind = Literal["region", "other", "town", "miss", "skip"]


class ClaimAfter(Enum):
    """What the words right after a candidate claim about it (claims.py reads them)."""

    NONE = "none"  # no region claim follows
    REGION = "region"  # a region follows in a shape that also joins lists or asides ("X, Y", "X in Y")
    PLACE = "place"  # the shape itself calls X a place: "X, a town in Y", "X, located in Y"


@dataclass
class Candidate:
    """A word or run of words that may name a place."""

    start: int  # code points over doc.text
    end: int
    text: str
    key: str  # normalised lookup key, without "the" and a possessive
    sent: int  # index of the sentence
    sent_start: int  # its first token
    tok_start: int
    tok_end: int
    from_entity: bool  # a GPE/LOC entity
    label: str  # spaCy's entity label, "" if none
    cue: Cue
    settlement: str = ""  # the word the text calls it by: "city", "town", "village"…
    locative: bool = False  # in a locative role: a possible antecedent of "The city, …"
    opens_clause: bool = False  # first word of a sentence, or after a dash or colon
    joined_person: bool = False  # a name the model calls a person, joined to a list of places
    sub_place: bool = False  # the text calls it part of a city: "the Tepito district of Mexico City"
    organisation: bool = False  # the words around it make it a firm: "analysts at Nomura"
    # Several words that together are a near miss of a place's name of as many words, their
    # known words spelt exactly ("Sianta Clara" for Santa Clara): a place, whatever the model's label.
    whole_place_name: bool = False
    listed: bool = False  # an item of a list of names that places lead or join ("Lovjey, Jonesboro and …")
    # A firm place role (roles.py): a dateline, "X-based", "X police", a list, a settlement word,
    # a strong locative cue, a direction before it, a legislator's home town: one of the two
    # signals a misspelling's warning may rest on (EVIDENCE.md).
    firm: bool = False
    role: Role = Role.OTHER


@dataclass
class Resolution:
    """What the gazetteer makes of a candidate."""

    candidate: Candidate
    kind: Kind  # a region or country, another real area, a town, a miss, or no place at all
    region: Region | None = None
    ids: list[int] = field(default_factory=list)  # gazetteer places of that exact name
    best: int | None = None  # the one meant, picked by context
    key: str = ""  # the name looked up ("lonodn" for "west Lonodn")


@dataclass
class Claim:
    """The text says a place lies in a region."""

    candidate: Candidate
    region: Region
    start: int  # code points of the region phrase
    end: int
    text: str
    anaphoric: bool  # "The city, located in Y" in a later sentence
    shape: str  # the claim shape's name in claim_shapes.json

    def covers(self, c: Candidate) -> bool:
        """Is candidate c (a word of) this claim's region phrase?"""
        return self.start <= c.start and c.end <= self.end


@dataclass
class NearPlace:
    """One gazetteer place a letter or two from a word nobody knows, and what backs it."""

    place: int  # gazetteer id
    edits: int  # optimal-string-alignment distance to the word
    pop: int  # its population
    score: float  # rank among the suggestions
    main_name: bool  # the near miss is the place's main name
    named_in_article: bool  # the article itself names this place (rightly spelt) elsewhere
    in_claim: bool  # inside the region the text claims for the word
    close: bool  # close to the article's other places or in a division it names
    in_country: bool  # one letter from a sizeable town of the article's own country
    notable: bool  # big enough to back a warning by its size
    off_world: bool  # on another continent from everything the article names
    home: bool = False  # in one of the article's countries
    no_country: bool = False  # the article gives no country at all (names none, its towns lie in none)
    swapped: bool = False  # the word swaps two neighbouring letters of the name ("Sraatoa": Saratoga)
    same_start: bool = True  # the word and the name begin with the same letter
    name_rarest: int = 0  # how many main names hold the rarest letter trigram of its name


@dataclass
class MissEvidence:
    """Everything known about a word the gazetteer lacks."""

    candidate: Candidate
    zipf: float  # wordfreq's frequency of the word (0: nobody writes it)
    near: list[NearPlace]  # near misses, best suggestion first
    claims: list[Claim]
    person_word: bool  # a word of a person's name the article gives in full
    # Letter trigrams of the word that no place's main name in GeoNames holds ("Berlni": "rln"):
    # a spelling no place name has, as random typos make.
    odd_letters: tuple[str, ...] = ()
    # Letter trigrams of the word that only a few places' main names hold (RARE_LETTERS_MAX), each
    # with how many do (the unseen ones, odd_letters, among them): "Milwauxee" "xee" (1).
    rare_letters: tuple[tuple[str, int], ...] = ()
    # How many places' main names hold the word's rarest letter trigram (0: a run none holds).
    rarest_letters: int = 0
    key: str = ""  # the name looked up (the candidate's key, or the words of it naming the place)

    @property
    def best(self) -> NearPlace | None:
        return self.near[0] if self.near else None


@dataclass
class ClaimEvidence:
    """A real place the text puts in a region where no place of that name lies."""

    claim: Claim
    place: int  # the gazetteer place meant
    distance_km: float  # from that place to the claimed region
    similar: list[int]  # places of a similar name inside the claimed region
    notable: bool  # the place is big enough that a namesake village is unlikely
    same_country: bool  # the claimed region is in the place's own country
    anchored: bool  # the article's other places lie around the real place (or name its division)
    main_name: bool  # the text writes some namesake's main name ("Oxford"), not an alternate one
    pop: int = 0  # the population of the place meant


@dataclass
class Unchecked:
    """What a long or hostile text left unchecked, so that the report can say so."""

    candidates: int = 0  # candidates past `rules.MAX_CANDIDATES`, not checked at all
    lookups: int = 0  # distinct names past the fuzzy-lookup budget, not looked up for near misses

    def to_meta(self) -> dict[str, int]:
        """`meta.unchecked` of the report; empty when everything was checked."""
        counts = {"place_candidates": self.candidates, "place_lookups": self.lookups}
        return {k: v for k, v in counts.items() if v}


@dataclass
class PlaceAnalysis:
    """What the place analysis gives the report."""

    places: list[Place]  # every mention checked
    findings: list[Finding]  # the suspect ones explained
    unchecked: Unchecked

