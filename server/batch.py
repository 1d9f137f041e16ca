"""Batch analysis for the command line: files and JSON lines in, one report per line out.

`read_documents` turns the command's inputs into `Document`s (a file is one document; a JSON-lines
input holds one `{"id": …, "text": …}` per line); `analyze_documents` analyses them in one process
or spread over several (the model loaded once in each), and yields each `Outcome` in input order.
"""

from __future__ import annotations

import json
import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from . import config, deadline
from .extract import ExtractionError, article_text
from .report import dumps

STDIN = "-"
JSONL_SUFFIX = ".jsonl"
# Documents handed to a worker at a time: small, so that order costs no waiting on a long one.
CHUNK_SIZE = 1


@dataclass
class Document:
    """One thing to analyse, or the reason it could not be read."""

    source: str  # the path, or "path:line" for a JSON line
    content: str | None = None  # a file's contents (text or HTML), or a JSON line's text
    id: Any = None  # the JSON line's "id", handed back with its report
    from_jsonl: bool = False
    error: str | None = None


@dataclass
class Outcome:
    source: str
    line: str | None = None  # the report as one line of JSON
    error: str | None = None


def read_documents(paths: Iterable[str], jsonl: bool = False) -> Iterator[Document]:
    """The documents of every input in order: a `.jsonl` file (or any input under `jsonl`) is
    read as JSON lines, anything else as one text or HTML document."""
    for path in paths:
        if jsonl or path.endswith(JSONL_SUFFIX):
            yield from read_jsonl(path)
            continue
        try:
            yield Document(path, read_input(path))
        except (OSError, UnicodeDecodeError, ValueError) as error:
            yield Document(path, error=describe(error))


def read_jsonl(path: str) -> Iterator[Document]:
    try:
        stream = sys.stdin.buffer if path == STDIN else open(path, "rb")
    except OSError as error:
        yield Document(path, error=describe(error))
        return
    with stream:
        for number, raw in enumerate(stream, start=1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield Document(source, error="not UTF-8 text")
                continue
            except ValueError:
                yield Document(source, error="not a JSON line")
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield Document(source, error='a JSON line must be an object with a "text" string')
                continue
            yield Document(source, record["text"], id=record.get("id"), from_jsonl=True)


def read_input(path: str) -> str:
    if path == STDIN:
        return sys.stdin.buffer.read().decode("utf-8")
    with open(path, "rb") as file:
        data = file.read()
    if b"\x00" in data[:8000]:
        raise ValueError("this is a binary file, not text or HTML")
    return data.decode("utf-8-sig")


def describe(error: Exception) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(error)


def analyze_documents(
    documents: Iterable[Document], jobs: int = 1, timeout: float = 0, indent: int | None = None
) -> Iterator[Outcome]:
    """Each document's outcome, in input order, over `jobs` processes."""
    task = _Task(timeout, indent)
    if jobs <= 1:
        yield from map(task, documents)
        return
    # Forked workers inherit the model loaded here once; elsewhere each loads its own.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    if context.get_start_method() == "fork":
        _analyzer()
    with context.Pool(jobs, initializer=_analyzer) as pool:
        yield from pool.imap(task, documents, chunksize=CHUNK_SIZE)


@dataclass(frozen=True)
class _Task:
    """Analyse one document (a picklable callable, for the worker processes)."""

    timeout: float
    indent: int | None

    def __call__(self, document: Document) -> Outcome:
        if document.error is not None:
            return Outcome(document.source, error=document.error)
        try:
            text = document.content
            if not document.from_jsonl:
                text = article_text(text, document.source)
            if not text.strip():
                raise ValueError("the text is empty")
            with deadline.enforce(self.timeout):
                report = _analyzer().analyze_json(text)
        except (ExtractionError, ValueError) as error:
            return Outcome(document.source, error=str(error))
        except deadline.AnalysisTimeout:
            return Outcome(document.source, error=f"the analysis took longer than {self.timeout:g} s")
        report["meta"]["source"] = document.source
        if document.from_jsonl:
            report = {"id": document.id, **report}
        return Outcome(document.source, line=dumps(report, self.indent))


def _analyzer():
    from .pipeline import get_analyzer

    settings = config.from_env()
    return get_analyzer(settings["MODEL"], settings["GAZETTEER"] or None)
