"""Quotations and their speakers: the quote analysis the pipeline calls.

`analyze(doc)` runs six passes, each in its own module:

1. `marks`     pairs quote marks into quotations (typography only, one linear pass);
2. `frames`    finds the speaker phrase and reporting cue in the sentence around each quotation;
3. `speakers`  tells named, pronoun and unnamed speakers apart (`kinds`) and resolves names;
4. `carryover` gives a quotation with no frame of its own the speaker of the one it continues;
   `ranker` then weighs the speaker found against the other phrases around the quote (3b);
5. `speech`    sets apart titles, names, slogans and scare quotes, which are not speech;
6. `report`    builds the quotes and the findings (an unnamed speaker is `quote.anonymous`,
               none `quote.unattributed`).

Passes 3 to 5 run together in text order, quotation by quotation: a pronoun or a continuation
reads the speakers of the quotations before it. `classify_source` is pass 3's classification
for any source span the caller marks (the evaluation uses it on annotated attributions).
"""

from __future__ import annotations

from spacy.tokens import Doc

from .. import deadline
from ..report import Finding, Quote
from . import carryover, frames, kinds, marks, ranker, report, speakers, speech
from .article import Article
from .model import Resolution, SpeakerKind

__all__ = ["analyze", "classify_source", "SpeakerKind"]


def analyze(doc: Doc, ranking: ranker.Ranking | None = None) -> tuple[list[Quote], list[Finding]]:
    """The quotations and findings of a parsed document; `ranking` sets pass 3b apart from the
    shipped weights (the training script collects the rules' own choices with it)."""
    ranking = ranking if ranking is not None else ranker.shipped()
    text = doc.text  # Doc.text joins every token: read it once
    spans = [frames.cut_unclosed(text, q) for q in marks.find_quotes(text)]  # 1
    if not spans:
        return [], []
    art = Article(doc, spans, text)
    framed = frames.find(art)  # 2
    results: list[Resolution] = []
    for frame in framed:
        deadline.check()
        if frame.att is not None:
            res = speakers.resolve(art, results, frame)  # 3
        else:
            res = carryover.inherit(art, results, frame)  # 4
        frame, res = ranker.choose(art, results, frame, res, ranking)  # 3b
        speech.judge(art, frame, res)  # 5
        results.append(res)
    carryover.look_forward(art, results)  # 4, the passes that read ahead
    return report.build(art, results)  # 6


def classify_source(doc: Doc, start_char: int, end_char: int) -> str:
    """"named", "pronoun" or "anonymous" for the source phrase at [start_char, end_char) of a
    parsed document, as pass 3 classifies a speaker phrase (an organisation counts as named)."""
    return kinds.classify_span(doc, start_char, end_char).value
