"""The analysis core: one spaCy pipeline per process, and `analyze(text)` for the API and CLI."""

from __future__ import annotations

import threading
import time

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__, chunks, deadline, language, places, quotes
from .config import DEFAULT_MODEL
from .gazetteer import Gazetteer
from .pos_mapper import replace_attribute_ruler
from .report import Report
from .spans import LONE_SURROGATE

# The analyses read part-of-speech tags, the dependency parse and named entities; the
# lemmatizer is the one default component nothing here uses, and leaving it out saves ~7%.
EXCLUDED_COMPONENTS = ["lemmatizer"]

PARAGRAPH_BREAKS = "sourcemark_paragraph_breaks"


@Language.component(PARAGRAPH_BREAKS)
def mark_paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a paragraph never continues a sentence.

    Runs before the parser, which keeps sentence starts that are already set.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    nlp = spacy.load(model, exclude=EXCLUDED_COMPONENTS)
    replace_attribute_ruler(nlp)  # same POS, a tenth of the cost
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    return nlp


def sanitize(text: str) -> str:
    """Replace lone surrogates (valid in JSON, not in UTF-8) one for one, keeping offsets."""
    return LONE_SURROGATE.sub("\ufffd", text)


class Analyzer:
    """Loads the model and the gazetteer once per process; gunicorn workers share them via fork."""

    def __init__(self, model: str = DEFAULT_MODEL, gazetteer_path: str | None = None):
        started = time.perf_counter()
        self.model_name = model
        self.nlp = load_nlp(model)
        self.gazetteer = Gazetteer.load(gazetteer_path or None)
        self.load_seconds = time.perf_counter() - started
        meta = self.nlp.meta
        self.meta = {
            "version": __version__,
            "model": f"{meta.get('lang', 'en')}_{meta.get('name', model)} {meta.get('version', '')}".strip(),
            "gazetteer": self.gazetteer.description,
        }

    def analyze(self, text: str) -> Report:
        """The report of one text; past a `deadline.limit` it raises AnalysisTimeout."""
        text = sanitize(text)
        lang = language.identify(text)
        meta = {**self.meta, "language": lang.to_json()}
        if not lang.english:  # Sourcemark reads English only: nothing else is parsed as if it were
            return Report(quotes=[], places=[], findings=[], meta={**meta, "skipped": "language"})
        doc = self.parse(text)
        deadline.check()
        found_quotes, quote_findings = quotes.analyze(doc)
        deadline.check()
        checked = places.analyze(doc, self.gazetteer)
        deadline.check()
        if unchecked := checked.unchecked.to_meta():
            meta["unchecked"] = unchecked
        return Report(
            quotes=found_quotes,
            places=checked.places,
            findings=quote_findings + checked.findings,
            meta=meta,
        )

    def parse(self, text: str) -> Doc:
        """`nlp(text)`, one component at a time, checking the deadline before each; a long
        text goes through in chunks, joined again into one Doc (see `chunks`)."""
        parsed = []
        for start, end in chunks.chunks(text):
            doc = self.tokenize(text[start:end])
            for _name, component in self.nlp.pipeline:
                deadline.check()
                doc = component(doc)
            parsed.append(doc)
        return parsed[0] if len(parsed) == 1 else Doc.from_docs(parsed, ensure_whitespace=False)

    def tokenize(self, text: str) -> Doc:
        """`nlp.make_doc(text)`, a long run without white space tokenized in pieces."""
        bounds = chunks.pieces(text)
        if len(bounds) == 1:
            return self.nlp.make_doc(text)
        docs = []
        for start, end in bounds:
            deadline.check()
            docs.append(self.nlp.make_doc(text[start:end]))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        # Joining starts a sentence at each piece; a piece is no sentence: leave it to the parser.
        starts = doc.to_array([SENT_START])
        starts[numpy.cumsum([len(piece) for piece in docs[:-1]])] = 0
        doc.from_array([SENT_START], starts)
        return doc

    def analyze_json(self, text: str) -> dict:
        return self.analyze(text).to_json(text)

    def cache_context(self) -> tuple[str, ...]:
        """What besides the text decides a report: the key parts of a cached one."""
        return (self.meta["version"], self.meta["model"], self.meta["gazetteer"])


_analyzers: dict[tuple, Analyzer] = {}
_lock = threading.Lock()


def get_analyzer(model: str = DEFAULT_MODEL, gazetteer_path: str | None = None) -> Analyzer:
    """The process's analyzer for these settings, created on first use."""
    key = (model, gazetteer_path or None)
    with _lock:
        if key not in _analyzers:
            _analyzers[key] = Analyzer(model, gazetteer_path)
        return _analyzers[key]
