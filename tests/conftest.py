"""Shared fixtures: the app (its analyzer loaded once per session), a client, the test texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from server.app import create_app
from server.pipeline import get_analyzer

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted((FIXTURES / "pages").glob("*.html"))


@pytest.fixture(scope="session")
def analyzer():
    return get_analyzer()


@pytest.fixture(scope="session")
def nlp(analyzer):
    """The analyzer's own spaCy pipeline, for tests of one analysis step."""
    return analyzer.nlp


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "seed" / "sevsk-article.txt").read_text(encoding="utf-8")


@pytest.fixture()
def app(analyzer):
    return create_app({"MAX_BODY_BYTES": 1_000_000, "MAX_TEXT_CHARS": 200_000})


@pytest.fixture()
def client(app):
    return app.test_client()


def utf16_slice(text: str, offset: int, length: int) -> str:
    """What JavaScript's text.slice(offset, offset + length) gives."""
    units = text.encode("utf-16-le", "surrogatepass")
    return units[2 * offset : 2 * (offset + length)].decode("utf-16-le", "surrogatepass")


def assert_spans_match(text: str, report: dict) -> None:
    """Every span in a report slices, in UTF-16, to the text it claims."""
    items = report["findings"] + report["quotes"] + report["places"]
    for item in items:
        assert utf16_slice(text, item["offset"], item["length"]) == item["text"], item
        assert utf16_slice(text, 0, item["offset"]).endswith(item["prefix"])
        after = utf16_slice(text, item["offset"] + item["length"], len(text) * 2)
        assert after.startswith(item["suffix"])
    for quote in report["quotes"]:
        speaker = quote["speaker"]
        if speaker["offset"] is not None:
            assert utf16_slice(text, speaker["offset"], speaker["length"]) == speaker["text"]
