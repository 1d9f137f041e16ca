"""A folder of parsed articles, so that an evaluation rerun reads parses instead of making them.

Parsing is most of an evaluation's time and does not change while the analysis after it is
tuned. `ParseCache(folder, analyzer)` keeps one DocBin per text at
`folder/<context>/<text hash>.spacy`, where the context is a hash of everything besides the text
that decides a parse: the spaCy version, the model's name and version, its pipeline, and the
source of the modules that run it (`server/pipeline.py`, `pos_mapper.py`, `chunks.py`). A change
to any of them starts a new context folder; an old one is never read again and may be deleted.

`wrap(parse)` returns a `parse(text)` that answers from the folder when it can and otherwise
parses and stores. The DocBin keeps every token attribute (tags, parts of speech, morphology,
heads, labels, entities, sentence starts, spaces), not `user_data`: a read doc starts with no
memos, as a fresh parse does. Docs are read into the analyser's own vocab.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

ROOT = Path(__file__).resolve().parents[1]
PARSE_CODE = ("server/pipeline.py", "server/pos_mapper.py", "server/chunks.py")


def context_key(analyzer) -> str:
    """A short hash of what besides the text decides the analyser's parse."""
    h = hashlib.sha256()
    meta = analyzer.nlp.meta
    parts = [spacy.__version__, analyzer.model_name, str(meta.get("name")),
             str(meta.get("version")), ",".join(analyzer.nlp.pipe_names)]
    for part in parts:
        h.update(part.encode("utf-8") + b"\0")
    for rel in PARSE_CODE:
        h.update((ROOT / rel).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class ParseCache:
    """Parsed docs by text hash under one context folder (see the module's docstring)."""

    def __init__(self, folder: Path, analyzer):
        self.vocab = analyzer.nlp.vocab
        self.folder = Path(folder) / context_key(analyzer)
        self.hits = self.misses = 0

    def path(self, text: str) -> Path:
        return self.folder / f"{text_key(text)}.spacy"

    def get(self, text: str) -> Doc | None:
        path = self.path(text)
        if not path.exists():
            return None
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(self.vocab))
        if len(docs) != 1 or docs[0].text != text:
            return None  # not this text's parse (a hash collision or a damaged file)
        return docs[0]

    def put(self, text: str, doc: Doc) -> None:
        db = DocBin(store_user_data=False)
        db.add(doc)
        self.folder.mkdir(parents=True, exist_ok=True)
        # written whole and renamed: a process reading at the same time sees all of it or none
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(db.to_bytes())
        os.replace(tmp, self.path(text))

    def wrap(self, parse: Callable[[str], Doc]) -> Callable[[str], Doc]:
        def cached_parse(text: str) -> Doc:
            doc = self.get(text)
            if doc is not None:
                self.hits += 1
                return doc
            self.misses += 1
            doc = parse(text)
            self.put(text, doc)
            return doc

        return cached_parse
