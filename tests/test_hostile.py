"""Hostile texts near the size limit: each answers 200 or a clean 4xx/503, never a 500 or a hang.

The deadline is set low here (HOSTILE_TIMEOUT) so that the battery stays short; `make
bench-hostile` runs the same texts under the normal deadline and prints their times.
"""

from __future__ import annotations

import json

import pytest

from server.app import create_app
from tests.conftest import assert_spans_match
from tests.hostile_texts import HOSTILE_TEXTS, request_body

HOSTILE_TIMEOUT = 2.0
ANALYZE = "/api/v1/analyze"


@pytest.fixture(scope="module")
def hostile_client(analyzer):
    return create_app({"ANALYSIS_TIMEOUT": HOSTILE_TIMEOUT, "CACHE_ENTRIES": 0}).test_client()


def assert_clean_answer(status: int, answer: dict, text: str) -> None:
    """A report that fits the text, or a JSON error of the client's kind or a timeout."""
    if status == 200:
        assert_spans_match(text, answer)
        size = len(json.dumps(answer, ensure_ascii=False))
        assert size <= max(20_000, 10 * len(text)), "the report stays bounded"
    else:
        assert status in (400, 413, 503), (status, answer)
        assert answer["error"]["code"]
        if status == 503:
            assert answer["error"]["code"] == "analysis_timeout"


@pytest.mark.parametrize("name", list(HOSTILE_TEXTS))
def test_a_hostile_text_gets_a_report_or_a_clean_error(hostile_client, name):
    text = HOSTILE_TEXTS[name]()
    response = hostile_client.post(ANALYZE, data=request_body(text), content_type="application/json")
    assert_clean_answer(response.status_code, response.get_json(), text)
    if response.status_code == 503:
        assert response.headers["Retry-After"]


def test_the_service_answers_normally_after_the_battery(hostile_client, seed_text):
    response = hostile_client.post(ANALYZE, json={"text": seed_text})
    assert response.status_code == 200
    assert response.get_json()["findings"]
