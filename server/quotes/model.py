"""The named types that pass between the quotation passes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from spacy.tokens import Token


class SpeakerKind(str, Enum):
    """Who a quotation is attributed to (the report's `speaker.kind`)."""

    NAMED = "named"  # a person or organisation by name, or an institution ("the ministry")
    PRONOUN = "pronoun"  # he, she, they …, resolved where possible
    ANONYMOUS = "anonymous"  # an unnamed person or group ("a senior official", "aides")
    NONE = "none"  # nobody


class PersonClass(str, Enum):
    """What a person noun's determiner does (data/quotes/person_nouns.tsv)."""

    UNNAMED = "unnamed"  # "a source", "the person familiar": unnamed whatever the determiner
    ROLE = "role"  # "a senior official" unnamed, "the senator" or "his spokesman" named
    GROUP = "group"  # "the crowd": people collectively, never one named person
    UNSIGNED = "unsigned"  # "a post on the channel": a text that may speak, as named as a document


class How(str, Enum):
    """Where a speaker phrase was found."""

    BEFORE = "before"  # X said: “…”  /  X said it was “…”
    AFTER = "after"  # “…,” said X
    ACCORDING_BEFORE = "according-to-before"
    ACCORDING_AFTER = "according-to-after"
    WORDS_OF = "words-of"  # in the words of X
    AFTER_CLAUSE = "after-clause"  # “…,” X shot back
    TRAILING = "trailing"  # … was “particularly burdensome” on voters, the lawsuit says.
    SUBJECT = "subject"  # X thanked the nurses for their “quiet courage”
    CREDIT = "credit"  # “…” — Jane Doe
    NAME_COLON = "name-colon"  # Smith: “…”
    COLON = "colon"  # The statement was brief: “…”
    PREVIOUS_SENTENCE = "previous-sentence"
    ANTECEDENT = "antecedent"
    INTERVIEW = "interview"


class Role(str, Enum):
    """What a straight or single mark does at its place in the text."""

    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"
    WEAK_CLOSE = "weak-close"  # a closing mark that may be a plural possessive (farmers’ union)


@dataclass(frozen=True)
class QuotedSpan:
    """A top-level quotation: [start, end) covers its marks.

    `open_end` is True when no closing mark was found and the quote ends with its paragraph.
    `double` is False for single-mark quotations (‘…’), which are more often scare quotes.
    """

    start: int
    end: int
    double: bool = True
    open_end: bool = False


@dataclass
class Attribution:
    """A speaker phrase doc[start:end] headed by `head`, and its cue's token range."""

    head: Token
    start: int
    end: int
    cue: tuple[int, int] | None  # token range of the reporting verb or "according to"
    how: How


@dataclass
class Resolution:
    """What the analysis knows about one quotation's speaker."""

    att: Attribution | None
    kind: SpeakerKind = SpeakerKind.NONE
    resolved: str | None = None
    label: str | None = None  # how the source is described, for messages ("a senior official")
    reason: str = "no speaker found"
    speech: bool = True
    person: bool = False  # the speaker is a person (a pronoun "he"/"she" may point to it)


@dataclass
class Frame:
    """Pass 2's answer for one quotation: its speaker phrase if its sentence gives one."""

    k: int  # the quotation's index
    quote: QuotedSpan
    att: Attribution | None
    has_lead: bool  # the quote does not start its sentence
    title: bool = False  # a title, name or scare quote by the words before it (“the book …”)
