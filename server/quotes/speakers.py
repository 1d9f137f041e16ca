"""Pass 3, speakers: who a speaker phrase is, and the name it resolves to.

A phrase is named (a person or an organisation by name, or an institution: "the ministry"), a
pronoun (resolved to the person or source it points back to), or an unnamed source. The head
noun and its determiner decide (`kinds.py`); this module resolves surnames to the fullest name used
in the article ("Pushilin" → "Denis Pushilin") and pronouns to the person or source met before.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from . import kinds, names
from .article import Article
from .kinds import classify, is_pronoun
from .lexicon import NOT_PERSON, person_class, tables, word_set
from .model import Attribution, Frame, How, PersonClass, QuotedSpan, Resolution, SpeakerKind
from .rules import (
    CLAUSE_CHARS,
    LONE_NAME_RANKS,
    LONE_NAME_TOKENS,
    LOOK_BACK,
)


def resolve(art: Article, results: list[Resolution], frame: Frame) -> Resolution:
    """The speaker of a quotation whose own sentence gives a speaker phrase."""
    att = frame.att
    res = from_attribution(art, results, att)
    if res.kind is SpeakerKind.NAMED and not res.person and _speaks_as_a_person(art, frame.quote, att):
        res.person = True  # "Smith, 45, said: “I was there.”": a "he" later is Smith
    return res


def from_attribution(art: Article, results: list[Resolution], att: Attribution) -> Resolution:
    doc = art.doc
    head = att.head
    phrase_end_char = doc[att.end - 1].idx + len(doc[att.end - 1].text)
    clause = art.text[phrase_end_char : phrase_end_char + CLAUSE_CHARS].split("\n", 1)[0]
    clause = clause.split(".", 1)[0]
    kind = classify(head, att.start, att.end, clause)
    label = doc[att.start : att.end].text
    res = Resolution(att=att, kind=kind, label=label)
    if kind is SpeakerKind.NAMED:
        name = names.name_of(head, att.start, att.end)
        text = doc[name[0] : name[1]].text if name is not None else ""
        # the small model often tags a surname alone as an organisation: a surname of a person
        # named in the article wins over the entity label
        if name is not None and (head.ent_type_ not in NOT_PERSON or art.names.knows(text)):
            res.resolved = art.names.fullest(text, head.i)
            res.person = True
            art.names.add(res.resolved, head.i)
        else:
            words = label.split()
            if words and words[0].lower() == "the":
                words = words[1:]
            res.resolved = " ".join(words) or None
            # "the businessman replied": one person, whom a "he" after may point back to
            res.person = person_class(head.lower_)[0] is not None and not is_plural(head)
        res.reason = "the speaker is named"
    elif kind is SpeakerKind.ANONYMOUS:
        res.person = True
        rel = _relative_pronoun_end(art, att)
        if rel is not None and not kinds.is_unnamed_source(doc, att.start, rel):
            # "their editors, who once called these stories “spinach”": the relative pronoun
            # speaks, and like "he" it points back at a person merely described, no source
            # kept unnamed (the pronoun policy of kinds.py)
            res.kind = SpeakerKind.PRONOUN
            res.resolved = doc[att.start : rel].text.rstrip(" ,")
            res.reason = "the pronoun refers to a person described but not named"
            return res
        res.reason = (
            "the source is granted anonymity"
            if tables().anonymity.search(label + " " + clause)
            else "the speaker is described but not named"
        )
    elif kind is SpeakerKind.PRONOUN:
        _resolve_pronoun(art, results, res, head)
    return res


def _resolve_pronoun(art: Article, results: list[Resolution], res: Resolution, pron) -> None:
    t = tables()
    low = pron.lower_
    # the latest earlier quotation speaker that the pronoun can refer to
    earlier = None
    for prev in reversed(results[-LOOK_BACK:]):
        if prev.att is None or prev.att.head.i >= pron.i or prev.kind is SpeakerKind.NONE:
            continue
        if low in t.person_pronouns and (not prev.person or is_plural(prev.att.head)):
            continue  # "he" is one person: not "the crowd", not "aides"
        if low in t.org_pronouns and prev.person:
            continue
        if low == "they" and prev.person and not is_plural(prev.att.head):
            continue  # "they" are several: not "a spokesman" quoted before
        earlier = prev
        break
    if low in t.person_pronouns:
        # "he" or "she" is the latest of: a person entity, a lone surname speaking, an earlier
        # quotation's single speaker, an unnamed person who was the last sentence's subject
        ent = art.last_person_before(pron.i)
        lone = _lone_name_speaking_before(art, pron)
        unnamed = _unnamed_subject_before(art, pron)
        cands = []
        if ent is not None:
            cands.append((ent[0], "entity"))
        if lone is not None:
            cands.append((lone.i + 1, "lone"))
        if earlier is not None:
            cands.append((earlier.att.end, "earlier"))
        if unnamed is not None:
            cands.append((unnamed.end, "unnamed"))
        winner = max(cands)[1] if cands else None
        if winner == "unnamed":
            if not kinds.is_unnamed_source(art.doc, unnamed.start, unnamed.end):
                # "A caller … “…,” he said": a person described, no source kept unnamed
                res.resolved = unnamed.text
                res.person = True
                res.reason = "the pronoun refers to a person described but not named"
                return
            # "A senior official described the talks. “…,” he said."
            res.kind = SpeakerKind.ANONYMOUS
            res.label = unnamed.text
            res.person = True
            res.reason = "the pronoun refers to an unnamed source"
            return
        if winner == "entity":
            res.resolved = art.names.fullest(ent[1], ent[0])
            res.reason = "the pronoun refers to a person named before"
            return
        if winner == "lone":
            res.resolved = art.names.fullest(lone.text, lone.i)
            res.person = True
            res.reason = "the pronoun refers to a person named before"
            return
    elif low in t.org_pronouns:
        ent = art.last_org_before(pron.i)
        if ent is not None and (earlier is None or ent[0] > earlier.att.end):
            res.resolved = ent[1]
            res.reason = "the pronoun refers to an organisation named before"
            return
    elif low in t.first_person:
        res.reason = "first-person speaker"
        return
    if earlier is not None:
        res.resolved = earlier.resolved or earlier.label
        res.person = earlier.person
        if earlier.kind is SpeakerKind.ANONYMOUS and kinds.is_unnamed_source(
            art.doc, earlier.att.start, earlier.att.end
        ):
            res.kind = SpeakerKind.ANONYMOUS
            res.label = earlier.label
            res.reason = "the pronoun refers to an unnamed source"
        else:
            res.reason = "the pronoun refers to a speaker quoted before"


def _relative_pronoun_end(art: Article, att: Attribution) -> int | None:
    """Where the antecedent ends when a speaker phrase runs on to the relative pronoun that
    speaks ("a campaign surrogate who"): the pronoun's index, else None."""
    last = art.doc[att.end - 1]
    if att.end - 1 <= att.head.i or last.lower_ not in word_set("relative"):
        return None
    return att.end - 1


def is_plural(head) -> bool:
    """A plural person noun or a group noun ("aides", "officials", "the crowd"): more than one person."""
    cls, plural = person_class(head.lower_)
    return plural or cls is PersonClass.GROUP or head.tag_ in ("NNS", "NNPS")


def _lone_name_speaking_before(art: Article, pron):
    """The small model tags many lone surnames as places or firms ("Okoro said …"): with no
    person in sight, a one-word proper name that is the subject of a reporting verb in the
    paragraphs just before is the "he" or "she"."""
    doc = art.doc
    rank = art.rank[art.paragraph(pron.idx)]
    for i in range(pron.i - 1, max(-1, pron.i - LONE_NAME_TOKENS), -1):
        tok = doc[i]
        if rank - art.rank[art.paragraph(tok.idx)] > LONE_NAME_RANKS:
            return None
        if tok.pos_ != "PROPN" or not tok.is_title or art.frames.in_quote[i]:
            continue
        if tok.dep_ != "nsubj" or not art.frames.is_cue(tok.head):
            continue
        if i > 0 and doc[i - 1].pos_ == "PROPN" or i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN":
            continue  # a longer name: the entity tagger is trusted with those
        return tok
    return None


_FIRST_PERSON_SINGULAR = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|me|my|myself)\b")


def _speaks_as_a_person(art: Article, q: QuotedSpan, att: Attribution) -> bool:
    """A lone name the small model tagged as an organisation or a place ("Smith", "Okoro") is
    a person when an age follows it ("Smith, 45,") or it speaks in the first person singular:
    organisations say "we"."""
    doc = art.doc
    if att.end - att.start != 1 or doc[att.start].pos_ != "PROPN":
        return False
    after = doc[att.end : att.end + 3]
    if len(after) == 3 and after[0].text == "," and after[1].like_num and after[2].text == ",":
        return True
    return bool(_FIRST_PERSON_SINGULAR.search(art.text[q.start : q.end]))


def _unnamed_subject_before(art: Article, pron):
    """The subject of the sentence before the pronoun's, if it is an unnamed person."""
    doc = art.doc
    if not doc.has_annotation("SENT_START"):
        return None
    sent = pron.sent
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    patient = next((c for c in before.root.children if c.dep_ == "nsubjpass"), None)
    # "Herman Cain was asked by a caller why …. “…,” he said.": the one asked answers
    subject = patient if patient is not None else art.frames.subject_of(before.root)
    if subject is None or art.frames.in_quote[subject.i] or is_pronoun(subject):
        return None
    if subject.tag_ in ("NNS", "NNPS"):
        return None  # "he" or "she" is one person
    phrase = art.frames.phrase(subject, before.start, before.end, None, How.ANTECEDENT)
    if classify(phrase.head, phrase.start, phrase.end, "") is not SpeakerKind.ANONYMOUS:
        return None
    return doc[phrase.start : phrase.end]
