"""The labelling rule for PolNeAR Sources: named, pronoun or anonymous (unnamed).

The rule reads only the annotated source string (and, for "the official", the article before
it); it uses no server code and no model, so the analyser can be tuned against the labels
without grading itself. The policy and the hand check of a sample are in
`eval/quotes/LABELS.md`; the head-noun table is `eval/quotes/role_nouns.tsv`.

The order (each label carries the name of the rule that fired; LABELS.md has the full table):

1. the whole phrase: a pronoun or "the two" → pronoun; an indefinite pronoun ("some",
   "others") → anonymous;
2. the phrase is split at "and"/"or" within its core; a conjunct that is a name names it;
3. each phrase's core ends at its first post-modifier (a comma, a bracket, a preposition, a
   relative pronoun, a participle after a noun) and its head is the core's last word: a share
   of poll respondents, "one of X" / "a group of X", an honorific, a capitalised head not in the
   role table (a name), a name in apposition, then the head's class in `role_nouns.tsv` with
   its determiner (indefinite, definite, possessive) and number decide;
4. words that say the speaker is kept unnamed ("anonymity", "familiar with") make anonymous
   whatever step 3 found, unless it found a name.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Literal

HERE = Path(__file__).resolve().parent / "quotes"
TABLE = HERE / "role_nouns.tsv"
WORDNET_PERSONS = HERE / "wordnet_person_nouns.txt"  # general person nouns (wordnet_person_nouns.py)
LABELS = HERE / "polnear_sources.tsv"

Kind = Literal["named", "pronoun", "anonymous"]

PRONOUNS = frozenset("""
he she it they we you i me him her us them his hers its their theirs our ours your yours my mine
himself herself itself themselves ourselves yourself yourselves myself self
who whom whose which that this these those
both each either neither all
""".split())
ANAPHORIC = ("the two", "the three", "the latter", "the former", "the pair", "the duo",
             "both of them", "all of them", "each of them", "the other", "one another")
INTERVIEW = frozenset({"q", "a"})
INDEFINITE = frozenset("""
some many most others other few several someone somebody anyone anybody everyone everybody
nobody one another none hundreds thousands millions
""".split()) | {"no one", "a few", "a number", "a lot", "plenty", "some people"}
ANONYMITY = re.compile(
    r"anonym|not authori[sz]ed|unauthori[sz]ed|not (?:to )?be (?:named|identified)|"
    r"(?:declined|refused) to be (?:named|identified)|familiar with|close to|knowledgeable|"
    r"briefed on|with knowledge of|on background|speaking privately|in private",
    re.I,
)
# where the core of a noun phrase ends and its post-modifiers begin
POSTMODIFIER = frozenset("""
of at for from by in with on to within inside among under over involved briefed speaking who whom
whose which that and or but according familiar close aware knowledgeable working
here there nationwide today themselves himself herself itself
across outside around near throughout beyond behind against during after since via without
alongside amid between toward towards elsewhere everywhere alike
""".split())
HONORIFICS = frozenset("""
mr mr. mrs mrs. ms ms. miss dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. maj maj.
sgt sgt. capt capt. prof prof. rev rev. sir
""".split())
INDEFINITE_DETS = frozenset("""
a an one another some several many two three four five six seven eight nine ten dozens dozen
hundreds thousands few various numerous multiple most other no any
""".split())
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
POSSESSIVE_DETS = frozenset({"his", "her", "their", "its", "our", "my", "your"})
DETERMINERS = DEFINITE_DETS | INDEFINITE_DETS | POSSESSIVE_DETS
QUANTIFIERS = frozenset({"one", "some", "many", "most", "several", "few", "two", "three", "four",
                         "five", "none", "any", "half", "much", "majority", "dozens", "all",
                         "both", "each", "either", "neither", "hundreds", "thousands",
                         "millions", "tens", "scores"})
ANAPHORIC_QUANTIFIERS = frozenset({"both", "each", "either", "neither", "all"})

# nouns that name several people though they do not end in -s
COLLECTIVES = frozenset({"people", "men", "women", "staff", "spokespeople", "police", "youth",
                         "personnel", "leadership", "circle"})
# a share of a poll's respondents: "38% of likely voters", "about three in 10", "a majority"
SHARE = re.compile(
    r"(?:\d+(?:\.\d+)?\s*(?:%|percent\b|per cent\b)|\b(?:percent|in[ -](?:10|ten|five|four|three))\b|"
    r"\b(?:half|third|thirds|quarter|quarters|majority|majorities|minority|plurality)\b)", re.I)
# "a group of conservative leaders": the collective speaks for the noun after "of"
COLLECTIVE_OF = frozenset({"group", "trio", "handful", "couple", "pair", "number", "lot", "bunch",
                           "host", "dozen", "dozens", "series", "coalition", "crowd", "chorus",
                           "slew", "band", "team", "panel"})

_WORD = re.compile(r"\d{1,3}(?:,\d{3})+|[\w.’'%-]+|[,()\[\]:;—–]")  # "10,000" is one word


class RoleClass(Enum):
    UNNAMED = "unnamed"
    STAFF = "staff"
    MEMBER = "member"
    TITLE = "title"
    GROUP = "group"
    THING = "thing"


@dataclass(frozen=True)
class Label:
    label: Kind
    rule: str


@lru_cache(maxsize=1)
def role_table() -> dict[str, RoleClass]:
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            noun, cls = line.split("\t")
            table[noun.strip()] = RoleClass(cls.strip())
    return table


def _role(word: str) -> tuple[RoleClass | None, bool]:
    """The table class of a head word and whether it is a plural."""
    table = role_table()
    low = word.lower()
    plural = (low.endswith("s") and not low.endswith("ss")) or low in COLLECTIVES
    if low in table:
        return table[low], plural
    for singular in (low[:-3] + "y" if low.endswith("ies") else None,
                     low[:-2] if low.endswith("es") else None,
                     low[:-1] if low.endswith("s") else None):
        if singular and singular in table:
            return table[singular], True
    return None, False


@lru_cache(maxsize=1)
def wordnet_persons() -> frozenset[str]:
    return frozenset(line.strip() for line in WORDNET_PERSONS.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def _wordnet_person(word: str) -> tuple[bool, bool]:
    """Is a lower-case head noun the table lacks a person by WordNet's first sense ("editor",
    "columnist", "colleagues")? And is it a plural? Such a noun is read like a job noun of the
    table (`staff`): unnamed when indefinite or plural, named when definite or possessive."""
    low = word.lower()
    persons = wordnet_persons()
    if low in persons and not (low.endswith("s") and not low.endswith("ss")):
        return True, False
    for singular in (low[:-3] + "y" if low.endswith("ies") else None,
                     low[:-2] if low.endswith("es") else None,
                     low[:-1] if low.endswith("s") and not low.endswith("ss") else None):
        if singular and singular in persons:
            return True, True
    return low in persons, False


def _strip_possessive(word: str) -> tuple[str, bool]:
    for suffix in ("'s", "’s", "s'", "s’"):
        if word.endswith(suffix) and len(word) > len(suffix):
            return (word[:-2] if suffix[0] in "'’" else word[:-1]), True
    return word, False


def _indefinite_before(article_text: str, at: int, head: str) -> bool:
    """An earlier "a/an/one … HEAD" in the article: "the official" points back to one unnamed."""
    pattern = re.compile(
        r"\b(?:a|an|one|another)\s+(?:[\w-]+\s+){0,4}?" + re.escape(head.lower()) + r"\b", re.I)
    return bool(pattern.search(article_text[:at]))


def label_source(phrase: str, article_text: str = "", at: int = 0) -> Label:
    """The label of one source phrase; `article_text[:at]` is the article before it."""
    text = " ".join(phrase.split()).strip(" .,:;\"“”‘’'")
    low = text.lower()
    if low in PRONOUNS or low in ANAPHORIC:
        return Label("pronoun", "pronoun")
    if low in INTERVIEW:
        return Label("pronoun", "interview-marker")
    if low in INDEFINITE:
        return Label("anonymous", "indefinite")
    label = _label_words(_WORD.findall(text), article_text, at)
    if ANONYMITY.search(text) and label.rule not in NAME_RULES:
        # "a person close to the campaign"; but "Edward G. Rendell, … who is close to …" is named
        return Label("anonymous", "anonymity")
    return label


def _is_punct(word: str) -> bool:
    return not any(c.isalnum() for c in word)


def _split_core(words: list[str]) -> tuple[list[str], list[str]]:
    """The core of a noun phrase and the post-modifiers after it ("officials | at the Pentagon")."""
    for i, w in enumerate(words):
        if i == 0:
            continue
        low = w.lower()
        prev = words[i - 1].lower()
        participle = (low.endswith(("ed", "ing")) and len(low) > 4 and w[0].islower()
                      and prev not in DETERMINERS and not prev.endswith("ly")
                      and not _strip_possessive(words[i - 1])[1] and not _member_adjective(words[i - 1]))
        adjective = low == "outside" and i + 1 < len(words) and not (
            words[i + 1].lower() in DETERMINERS | {"of"} or words[i + 1][:1].isupper())
        if (low in POSTMODIFIER and not adjective) or _is_punct(w) or participle:
            return words[:i], words[i:]  # "an outside group" keeps its adjective
    return words, []


def _member_adjective(word: str) -> bool:
    """ "Republican" in "Republican elected officials": a party or faith word used as an adjective."""
    cls, plural = _role(word)
    return cls is RoleClass.MEMBER and not plural


def _conjuncts(words: list[str]) -> list[list[str]]:
    """ "Trump and his team" → two phrases; only in the core, before any post-modifier."""
    out, cur = [], []
    for i, w in enumerate(words):
        ends_core = _is_punct(w) and w != "-" or (
            i > 0 and w.lower() in POSTMODIFIER and w.lower() not in ("and", "or", "nor"))
        if ends_core:  # "people close to Clinton's camp and the White House" is one phrase
            return out + [cur + words[i:]] if cur else out
        if w.lower() in ("and", "or", "nor") and cur:
            out.append(cur)
            cur = []
        else:
            cur.append(w)
    return out + [cur] if cur else out


def _label_words(words: list[str], article_text: str, at: int) -> Label:
    parts = _conjuncts(words)
    if len(parts) > 1:
        labels = [_label_phrase(p, article_text, at) for p in parts]
        if any(lab.label == "named" and lab.rule in NAME_RULES for lab in labels):
            return Label("named", "conjunct-named")  # "Japanese journalist and author Hiro Aida"
        # "the anti-Trump and anti-Cruz activists": a modifier alone before "and" is no phrase
        return next((lab for lab in labels if lab.rule != "not-a-person"), labels[0])
    return _label_phrase(words, article_text, at)


NAME_RULES = ("proper-name", "honorific", "apposition-name", "conjunct-named")
APPOSITION = ("including", "such", "namely", "like")
NAMING_WORDS = ("named", "called", "dubbed")  # "a 70-year-old academic named Eric Kingson"
DASHES = ("—", "–", "--", "-")


def _apposition_named(rest: list[str]) -> bool:
    """ "A top strategist, John Weaver," / "officials, including Gov. Chris Christie": a name
    right after the phrase names its speaker."""
    i = 0
    while i < len(rest) and (_is_punct(rest[i]) or rest[i].lower() in APPOSITION + ("as",)
                             or i == 0 and rest[i].lower() in NAMING_WORDS):
        i += 1
    if 0 < i < len(rest) - 1 and rest[i - 1] in DASHES and rest[i].lower() == "the":
        i += 1  # "Another holdout — the United Mine Workers —"
    if i == 0 or i >= len(rest) or not rest[i][:1].isupper():
        return False
    core, _ = _split_core(rest[i:])
    return _label_phrase(core, "", 0).rule in ("proper-name", "honorific")


def _full_name_after_comma(rest: list[str], plural: bool) -> bool:
    """ "Another delegate on the Cruz slate, Jim Poolman,": a first and last name after the
    post-modifier's comma (one capitalised word there is more often a place: "in Worcester,
    Massachusetts"); after a plural, names joined by "and" ("supporters of her opponent, Sen.
    Bernie Sanders" names the opponent, not the supporters)."""
    comma = next((i for i, w in enumerate(rest) if w == ","), None)
    if comma is None or not _apposition_named(rest[comma:]):
        return False
    examples = comma + 1 < len(rest) and rest[comma + 1].lower() in APPOSITION
    if plural and not examples and "and" not in (w.lower() for w in rest[comma:]):
        return False
    name, _ = _split_core(rest[comma + 1 + examples:])
    return len(name) >= 2 and all(w[:1].isupper() for w in name)


def _label_phrase(words: list[str], article_text: str, at: int) -> Label:
    core, rest = _split_core(words)
    if not core:
        return Label("named", "no-words")
    low_core = " ".join(core).lower()

    def first_is(word: str) -> bool:
        return core[0].lower() == word

    if first_is("those") and rest[:1] and rest[0].lower() in ("who", "whose"):
        return Label("anonymous", "indefinite")  # "those who have a 401(k)": anyone who does
    if low_core in PRONOUNS or low_core in ANAPHORIC or low_core in ("the one", "the ones"):
        return Label("pronoun", "pronoun")
    if SHARE.search(" ".join(words[: len(core) + 2])):
        return Label("named", "poll-share")  # the poll is the source, not a hidden person
    if low_core in INDEFINITE and not (rest[:1] and rest[0].lower() == "of"):
        return Label("anonymous", "indefinite")  # "many in the crowd", "some here"
    # "one of his aides", "some of them": the quantifier speaks for the noun after "of"
    if len(core) == 1 and core[0].lower() in QUANTIFIERS and rest[:1] and rest[0].lower() == "of":
        inner = _label_words(rest[1:], article_text, at)
        if core[0].lower() in ANAPHORIC_QUANTIFIERS and inner.label != "anonymous":
            return Label("pronoun", "quantified")  # "both of them", "each of the candidates"
        if inner.rule in ("role-thing", "poll-share") or core[0].lower() == "much" or (
                inner.rule == "not-a-person" and not rest[-1].lower().endswith("s")):
            return Label("named", "quantified-thing")  # "much of Beck's ire": not a person
        comma = next((i for i, w in enumerate(rest) if _is_punct(w) or w.lower() in APPOSITION),
                     None)
        if comma is not None and _apposition_named(rest[comma:]):
            return Label("named", "apposition-name")  # "one of the authors, Ari Fleischer,"
        return Label("anonymous", "quantified")  # "one of his aides", "some of them"
    head = _strip_possessive(core[-1])[0]
    first = core[0].lower()
    if head.lower() in COLLECTIVE_OF and rest[:1] and rest[0].lower() == "of":
        inner = _label_words(rest[1:], article_text, at)
        return Label("anonymous" if inner.label == "anonymous" else "named", "collective-of")
    if len(core) >= 2 and core[-2].lower() in HONORIFICS:
        return Label("named", "honorific")
    cls, plural = _role(head)
    if cls is None and head[:1].islower():
        person, wn_plural = _wordnet_person(head)
        if person and (len(core) >= 2 or wn_plural):
            # "a columnist", "Many editors"; a lone singular ("national" in "national and
            # battleground-state polls") is more often a modifier than a person
            cls, plural = RoleClass.STAFF, wn_plural
    if cls is None:
        if head[:1].isupper() and not head.lower().startswith(("anti-", "pro-", "non-")):
            return Label("named", "proper-name")
        return Label("named", "not-a-person")
    if cls is RoleClass.THING:
        return Label("named", "role-thing")
    if _apposition_named(rest) or _full_name_after_comma(rest, plural):
        return Label("named", "apposition-name")
    if head[:1].isupper() and not plural and cls in (RoleClass.STAFF, RoleClass.TITLE) and (
        len(core) == 1 or len(core) == 2 and core[0][:1].isupper()
        and core[0].lower() not in role_table() and first not in DETERMINERS
    ):
        return Label("named", "proper-name")  # "Dan Backer", "Backer": a surname that is a noun
    possessive = first in POSSESSIVE_DETS or any(_strip_possessive(w)[1] for w in core[:-1])
    if first in ANAPHORIC_QUANTIFIERS - {"all"}:
        return Label("pronoun", "anaphoric")  # "both women", "each candidate": met before
    if cls is RoleClass.GROUP:
        return Label("anonymous", "role-group")
    if plural:
        return Label("anonymous", "role-plural")
    if possessive:
        return Label("named", "role-possessive")  # "his spokesman", "Clinton's right-hand woman"
    if cls is RoleClass.UNNAMED:
        return Label("anonymous", "role-unnamed")
    if first in DEFINITE_DETS:
        if cls in (RoleClass.STAFF, RoleClass.MEMBER) and _indefinite_before(article_text, at, head):
            return Label("anonymous", "role-definite-after-indefinite")
        return Label("named", "role-definite")
    if first in INDEFINITE_DETS or cls in (RoleClass.STAFF, RoleClass.MEMBER):
        return Label("anonymous", "role-indefinite")
    return Label("named", "role-title")  # "President", "Chairman" as a bare title


# --- the data file -------------------------------------------------------------------------------

COLUMNS = ("split", "article", "start", "end", "text", "label", "rule")


@lru_cache(maxsize=4)
def read_labels(path: Path = LABELS) -> dict[tuple[str, str, int, int], Label]:
    """The committed labels, keyed by (split, article, source start, source end)."""
    if not path.exists():
        raise SystemExit(f"no source labels at {path}: run .venv/bin/python eval/label_sources.py")
    out = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[(row["split"], row["article"], int(row["start"]), int(row["end"]))] = Label(
                row["label"], row["rule"])
    return out
