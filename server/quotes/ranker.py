"""Pass 3b, the speaker ranker: a learned second look at the rules' speaker among the others.

The rules of `frames`, `speakers` and `carryover` give each quotation one speaker. Around the
quotation there are usually other phrases that could have said it: the subject of every verb
in the sentence outside the quote marks (the outer "X said" and the inner "that Y …"), a
passive agent ("… by Democrats"), "according to X", the speaker of the quotation before. This
module lists those candidates, describes each by a few general features (its dependency
relation to its verb, whether that verb reports speech and governs the quote, entity label,
distance to the quote, side, paragraph, pronoun, the rule that proposed it …) and scores them
with a linear model whose weights are a small data file (`data/quotes/speaker_ranker.json`),
trained on PolNeAR dev by `eval/train_speaker_ranker.py`. The rules' speaker stays unless
another candidate scores higher by `rules.RANKER_MARGIN`.

Only quotations the rules gave a speaker are ranked, and the ranker never turns a named speaker
into an unnamed one: a quotation with no speaker stays unattributed and a `quote.anonymous`
comes from the rules alone (a learned guess is no evidence for a reader). With no weights file,
nothing changes.
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable

from spacy.tokens import Token

from .. import datafiles
from . import speakers
from .article import Article
from .frames import could_speak, is_document
from .kinds import classify, is_pronoun
from .lexicon import characterising_verbs, speech_act_nouns, titles, word_set
from .model import Attribution, Frame, How, Resolution, SpeakerKind
from .rules import RANKER_MARGIN, RANKER_PARAGRAPHS, RANKER_STEPS

WEIGHTS = "quotes/speaker_ranker.json"


@dataclass
class Candidate:
    """One phrase that may have said the quotation, and what the model reads of it."""

    att: Attribution
    source: str  # what proposed it: "rule", "subject", "agent", "according", "owner", "previous"
    rule: bool = False  # the rules' own answer
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Ranking:
    """How pass 3b runs: the weights it scores with (None keeps the rules' speaker) and, for
    the training script, a collector called with (art, frame, candidates) for every quotation
    it would rank."""

    weights: dict[str, float] | None
    collector: Callable[[Article, Frame, list[Candidate]], None] | None = None


def shipped() -> Ranking:
    """The analyser's own ranking: the shipped weights (or `SOURCEMARK_RANKER_WEIGHTS`'s)."""
    return Ranking(weights())


@dataclass(frozen=True)
class QuoteFacts:
    """What the features read of the quotation itself, the same for each of its candidates."""

    k: int
    lo: int  # its tokens [lo, hi)
    hi: int
    sentences: tuple[int, int]  # the starts of the sentences its first and last tokens lie in
    paragraph: int
    comma_end: bool  # its words end on a comma, "?", "!" or dash: a report may follow
    chain: dict[int, int]  # token index -> steps up from the quote's top (`_quote_chain`)


def quote_facts(art: Article, k: int) -> QuoteFacts:
    q_lo, q_hi = art.frames.ranges[k]
    last = len(art.doc) - 1
    sentences = (art.sentence(min(q_lo, last))[0], art.sentence(min(max(q_lo, q_hi - 1), last))[0])
    quote = art.text[art.quotes[k].start : art.quotes[k].end].rstrip("”\"'’»› ")
    return QuoteFacts(k=k, lo=q_lo, hi=q_hi, sentences=sentences,
                      paragraph=art.rank_of(art.quotes[k].start),
                      comma_end=quote.endswith((",", "?", "!", "—")), chain=_quote_chain(art, k))


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    """The model's weights; `SOURCEMARK_RANKER_WEIGHTS` names another file (to measure weights
    trained on one half of dev on the other half), "none" turns the ranker off."""
    other = os.environ.get("SOURCEMARK_RANKER_WEIGHTS")
    try:
        if other == "none":
            return None
        table = json.loads(Path(other).read_text(encoding="utf-8")) if other else datafiles.json(WEIGHTS)
    except (FileNotFoundError, OSError):
        return None
    return dict(table.get("weights", {})) or None


def score(cand: Candidate, w: dict[str, float]) -> float:
    return sum(w.get(name, 0.0) * value for name, value in cand.features.items())


def choose(art: Article, results: list[Resolution], frame: Frame, res: Resolution,
           ranking: Ranking) -> tuple[Frame, Resolution]:
    """The frame and resolution of the quotation after the ranker's look: the rules' own,
    unless another candidate beats them by the margin."""
    w = ranking.weights
    if res.att is None or not art.parsed or (w is None and ranking.collector is None):
        return frame, res
    if _adjoining(art, frame.k, res.att):
        return frame, res  # “…,” she said / X said: “…”: the report next to a quote is its own
    cands = candidates(art, results, frame, res)
    if ranking.collector is not None:
        ranking.collector(art, frame, cands)
    if w is None or len(cands) < 2:
        return frame, res
    rule = next(c for c in cands if c.rule)
    best = max(cands, key=lambda c: score(c, w))
    if best.rule or score(best, w) - score(rule, w) <= RANKER_MARGIN:
        return frame, res
    ranked = replace(frame, att=best.att)
    new = speakers.resolve(art, results, ranked)
    if new.kind is SpeakerKind.ANONYMOUS and res.kind is not SpeakerKind.ANONYMOUS:
        return frame, res  # a warning rests on the rules' evidence, never on a learned guess
    new.reason = new.reason + " (ranked above the rules' speaker)"
    return (ranked if frame.att is not None else frame), new


def _adjoining(art: Article, k: int, att: Attribution) -> bool:
    """The speaker phrase and its cue touch the quotation: nothing but they and punctuation
    lie between the quote marks and the far end of the report."""
    if att.cue is None:
        return False
    q_lo, q_hi = art.frames.ranges[k]
    lo, hi = min(att.start, att.cue[0]), max(att.end, att.cue[1])
    if hi <= q_lo:
        gap = range(lo, q_lo)
    elif lo >= q_hi:
        gap = range(q_hi, hi)
    else:
        return False
    doc = art.doc
    cue = doc[att.cue[0]]
    return all(att.start <= i < att.end or att.cue[0] <= i < att.cue[1] or doc[i].is_punct
               or doc[i].is_space or doc[i].dep_ == "mark" and doc[i].head.i == cue.i
               for i in gap)  # "…,” as Reuters reported, “…”: its marker too


# --- the candidates ------------------------------------------------------------------------


def candidates(art: Article, results: list[Resolution], frame: Frame, res: Resolution) -> list[Candidate]:
    frames = art.frames
    doc = art.doc
    k = frame.k
    q_lo, q_hi = frames.ranges[k]
    b_lo, b_hi = frames.before(k)
    a_lo, a_hi = frames.after(k)
    out: dict[int, Candidate] = {}

    def add(head: Token, lo: int, hi: int, cue: int | None, how: How, source: str) -> None:
        if head.i in out or frames.in_quote[head.i] or head.is_punct or head.is_space:
            return
        att = frames.phrase(head, lo, hi, (cue, cue + 1) if cue is not None else None, how)
        if att.head.i in out or frames.in_quote[att.head.i]:
            return
        out[att.head.i] = Candidate(att=att, source=source)

    for lo, hi, how in ((b_lo, b_hi, How.BEFORE), (a_lo, a_hi, How.AFTER)):
        for i in range(lo, hi):
            tok = doc[i]
            if frames.in_quote[i]:
                continue
            if tok.pos_ in ("VERB", "AUX"):
                subj = frames.subject_of(tok)
                if subj is not None and not frames.in_quote[subj.i] and lo <= subj.i < hi:
                    add(subj, lo, hi, tok.i, how, "subject")
            elif tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.dep_ == "agent":
                add(tok, lo, hi, tok.head.head.i, how, "agent")
            elif frames.is_according(i):
                head = frames.pobj(doc[i + 1], lo, hi)
                if head is not None:
                    add(head, lo, hi, i, How.ACCORDING_BEFORE if how is How.BEFORE
                        else How.ACCORDING_AFTER, "according")
            elif tok.dep_ == "poss" and tok.head.lower_ in speech_act_nouns():
                add(tok, lo, hi, None, how, "owner")
    if k > 0 and results[k - 1].att is not None:
        prev = results[k - 1].att
        para = art.rank_of(art.quotes[k].start)
        if para - art.rank_of(doc[prev.head.i].idx) <= RANKER_PARAGRAPHS and prev.head.i not in out:
            out[prev.head.i] = Candidate(att=prev, source="previous")
    rule_head = res.att.head.i
    if rule_head in out:
        out[rule_head] = Candidate(att=res.att, source=out[rule_head].source, rule=True)
    else:
        out[rule_head] = Candidate(att=res.att, source="rule", rule=True)
    cands = list(out.values())
    facts = quote_facts(art, k)
    nearest = sorted(cands, key=lambda c: _distance(art, k, c.att))
    for rank, c in enumerate(nearest):
        c.features = features(art, facts, c, res, rank)
    return cands


def _quote_chain(art: Article, k: int) -> dict[int, int]:
    """Token index → steps up from the quote's top to it: the heads the quotation hangs from."""
    top = art.frames.quote_top(k)
    chain: dict[int, int] = {}
    cur = top
    for step in range(RANKER_STEPS):
        if cur is None or cur.head.i == cur.i:
            break
        cur = cur.head
        chain.setdefault(cur.i, step + 1)
    return chain


def _distance(art: Article, k: int, att: Attribution) -> int:
    q_lo, q_hi = art.frames.ranges[k]
    i = att.head.i
    return q_lo - i if i < q_lo else max(0, i - q_hi + 1)


HOWS = [h.value for h in How]
SOURCES = ("rule", "subject", "agent", "according", "owner", "previous")
DEPS = ("nsubj", "nsubjpass", "pobj", "poss", "compound", "appos", "conj", "dobj")
CUE_DEPS = ("ROOT", "ccomp", "conj", "relcl", "advcl", "xcomp", "acl", "pcomp")
ENTS = ("PERSON", "ORG", "GPE", "NORP")


def features(art: Article, q: QuoteFacts, c: Candidate, res: Resolution,
             rank: int) -> dict[str, float]:
    doc = art.doc
    frames = art.frames
    att = c.att
    head = att.head
    k, q_lo, q_hi, chain = q.k, q.lo, q.hi, q.chain
    f: dict[str, float] = {"bias": 1.0}
    if c.rule:
        f["rule"] = 1.0
        f[f"rule_how={att.how.value}"] = 1.0
        f[f"rule_kind={res.kind.value}"] = 1.0
    f[f"source={c.source}"] = 1.0
    before = head.i < q_lo
    f["before" if before else "after"] = 1.0
    dist = _distance(art, k, att)
    f["log_distance"] = math.log1p(dist)
    f["nearest"] = float(rank == 0)
    f["second"] = float(rank == 1)
    f["same_sentence"] = float(art.sentence(head.i)[0] in q.sentences)
    para_gap = abs(q.paragraph - art.rank_of(head.idx))
    f["other_paragraph"] = float(para_gap > 0)
    dep = head.dep_ if head.dep_ in DEPS else "other"
    f[f"dep={dep}"] = 1.0
    f[f"pos={head.pos_ if head.pos_ in ('PROPN', 'PRON', 'NOUN') else 'other'}"] = 1.0
    ent = head.ent_type_ if head.ent_type_ in ENTS else "none"
    f[f"ent={ent}"] = 1.0
    f["could_speak"] = float(could_speak(head))
    f["document"] = float(is_document(head) and not could_speak(head))
    f["pronoun"] = float(is_pronoun(head))
    f["relative"] = float(head.lower_ in word_set("relative"))
    f["not_subject"] = float(head.lower_ in word_set("not_subject"))
    f["plural"] = float(head.tag_ in ("NNS", "NNPS"))
    f["titled"] = float(any(doc[j].lower_ in titles() for j in range(att.start, att.end)))
    f["long_phrase"] = float(att.end - att.start > 6)
    kind = classify(head, att.start, att.end, "")
    f[f"kind={kind.value}"] = 1.0
    if not before:
        f["after_comma_quote" if q.comma_end else "after_full_quote"] = 1.0
    if att.cue is not None:
        cue = doc[att.cue[0]]
        f["has_cue"] = 1.0
        speechy = frames.is_cue(cue)
        f["cue_speech"] = float(speechy)
        f["cue_characterising"] = float(cue.lower_ in characterising_verbs())
        f["cue_according"] = float(cue.lower_ == "according")
        steps = chain.get(cue.i)
        if steps is not None:
            f["cue_governs"] = 1.0
            f[f"cue_steps={min(steps, 3)}"] = 1.0
            if speechy:
                f["speech_cue_governs"] = 1.0
        cdep = cue.dep_ if cue.dep_ in CUE_DEPS else "other"
        f[f"cue_dep={cdep}"] = 1.0
        f["cue_gerund"] = float(cue.tag_ == "VBG")
        f["cue_passive"] = float(any(ch.dep_ in ("nsubjpass", "auxpass") for ch in cue.children))
        f["cue_log_distance"] = math.log1p(q_lo - cue.i if cue.i < q_lo else max(0, cue.i - q_hi + 1))
        outer = _outer_speech(frames, cue)
        f["inner_report" if outer else "outermost_report"] = 1.0
        f["cue_own_event"] = float(frames.own_event(cue))
        gap = doc[cue.i + 1 : q_lo] if cue.i < q_lo else doc[q_hi : cue.i]
        f["cue_adjoins"] = float(all(t.is_punct or t.is_space for t in gap))
    else:
        f["no_cue"] = 1.0
    if c.rule:
        # the rules' speaker paired with how far it is: a carried-over one may be paragraphs back
        f["rule_other_paragraph"] = float(para_gap > 0)
    return f


def _outer_speech(frames, cue: Token) -> bool:
    """The cue's clause lies inside another reporting verb's ("X said that Y claimed …")."""
    cur = cue
    for _ in range(RANKER_STEPS):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if frames.in_quote[cur.i]:
            return False
        if cur.pos_ in ("VERB", "AUX") and frames.is_cue(cur) and frames.subject_of(cur) is not None:
            return True
    return False
