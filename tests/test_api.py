"""The HTTP API v1 through Flask's test client: the contract of DESIGN.md, and every error."""

from __future__ import annotations

import json
import logging

import pytest

from server import api as api_module
from server.app import create_app
from tests.conftest import assert_spans_match, utf16_slice

ANALYZE = "/api/v1/analyze"


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"


def test_info_names_versions_limits_and_credits(client):
    info = client.get("/api/v1/info").get_json()
    assert info["api"] == "v1"
    assert info["limits"] == {
        "max_body_bytes": 1_000_000,
        "max_text_chars": 200_000,
        "analysis_timeout_seconds": 20.0,
        "max_findings": 1000,
        "max_quotes": 2000,
        "max_places": 2000,
    }
    assert info["offset_unit"] == "utf-16"
    assert "en_core_web_sm" in info["model"]
    assert any("GeoNames" in credit and "CC BY 4.0" in credit for credit in info["credits"])


def test_analyze_answers_in_the_design_shape(client, seed_text):
    response = client.post(ANALYZE, json={"text": seed_text, "url": "https://example.org/a"})
    assert response.status_code == 200
    report = response.get_json()
    assert set(report) >= {"findings", "quotes", "places", "summary", "meta"}
    assert set(report["summary"]) == {
        "quotes", "named", "anonymous", "unattributed", "places", "suspect_places"
    }  # fmt: skip
    assert report["meta"]["offset_unit"] == "utf-16"
    assert report["meta"]["version"]
    assert report["findings"], "the seed article has warnings to give"
    for finding in report["findings"]:
        assert finding["type"] in ("place", "quote")
        assert finding["severity"] in ("warning", "caution", "info")
        assert finding["code"].startswith(finding["type"] + ".")
        assert finding["message"]
        assert isinstance(finding["details"], dict)
    for quote in report["quotes"]:
        assert quote["speaker"]["kind"] in ("named", "pronoun", "anonymous", "none")
    for place in report["places"]:
        assert place["status"] in ("ok", "suspect")
    assert_spans_match(seed_text, report)


def test_spans_count_utf16_units_after_emoji_combining_marks_and_rtl(client):
    text = (
        "👍🏽 Cafe\u0301 re\u0301sume\u0301 — שלום עליכם 🇺🇦🇺🇦\n"
        "“This is a turning point.” The army left Severodonnetsk, a town in the east."
    )
    report = client.post(ANALYZE, json={"text": text}).get_json()
    assert report["findings"] and report["quotes"]
    assert_spans_match(text, report)
    quote = report["quotes"][0]
    # Each emoji above is two UTF-16 units, so code points and units differ here.
    assert quote["offset"] != text.index("“")
    assert utf16_slice(text, quote["offset"], quote["length"]).startswith("“This")


def test_lone_surrogate_is_analysed_not_rejected(client):
    body = '{"text": "\\ud800 \\u201cWe will hold,\\u201d said nobody in particular."}'
    response = client.post(ANALYZE, data=body, content_type="application/json")
    assert response.status_code == 200
    text = json.loads(body)["text"]
    assert_spans_match(text, response.get_json())


@pytest.mark.parametrize(
    "body, code",
    [
        ("{", "malformed_json"),
        ("", "malformed_json"),
        ("[1, 2]", "invalid_body"),
        ('"just a string"', "invalid_body"),
        ("{}", "missing_field"),
        ('{"text": null}', "missing_field"),
        ('{"text": 42}', "invalid_field"),
        ('{"text": ["a", "b"]}', "invalid_field"),
        ('{"text": {"nested": "x"}}', "invalid_field"),
        ('{"text": ""}', "empty_text"),
        ('{"text": " \\n\\t "}', "empty_text"),
        ('{"text": "Kyiv", "url": 7}', "invalid_field"),
        ("[" * 100_000 + "]" * 100_000, "malformed_json"),
    ],
)
def test_bad_json_bodies_get_400_with_a_clear_error(client, body, code):
    response = client.post(ANALYZE, data=body, content_type="application/json")
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == code
    assert error["message"]


def test_binary_body_is_a_400(client):
    response = client.post(ANALYZE, data=b"\xff\xfe\x00\x01\x80PNG", content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_encoding"


@pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", None])
def test_wrong_content_type_is_415(client, content_type):
    kwargs = {"content_type": content_type} if content_type else {}
    response = client.post(ANALYZE, data='{"text": "Kyiv"}', **kwargs)
    assert response.status_code == 415
    assert response.get_json()["error"]["code"] == "unsupported_media_type"


def test_json_with_charset_is_accepted(client):
    response = client.post(
        ANALYZE, data='{"text": "Kyiv is calm."}', content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 200


def test_wrong_method_is_405_with_allow(client):
    response = client.get(ANALYZE)
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"
    assert "POST" in response.headers["Allow"]
    assert client.post("/healthz").status_code == 405


def test_unknown_path_is_404(client):
    response = client.get("/api/v2/analyze")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"


def test_body_over_the_limit_is_413(analyzer):
    from server.app import create_app

    client = create_app({"MAX_BODY_BYTES": 1000}).test_client()
    response = client.post(ANALYZE, json={"text": "x" * 2000})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "body_too_large"


def test_text_over_the_limit_is_413(analyzer):
    from server.app import create_app

    client = create_app({"MAX_TEXT_CHARS": 50}).test_client()
    response = client.post(ANALYZE, json={"text": "word " * 20})
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "text_too_long"


def test_default_limits_are_one_megabyte_and_200k_characters(client):
    response = client.post(ANALYZE, json={"text": "a" * 200_001})
    assert response.status_code == 413
    response = client.post(ANALYZE, data=b'{"text": "' + b"a" * 1_000_001 + b'"}',
                           content_type="application/json")  # fmt: skip
    assert response.status_code == 413


def test_cors_answers_extension_origins_only(client):
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    for origin in (
        "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
        "moz-extension://0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
    ):
        response = client.options(ANALYZE, headers={"Origin": origin, **preflight})
        assert response.headers.get("Access-Control-Allow-Origin") == origin
    for origin in ("https://evil.example", "null", "chrome-extension://short"):
        response = client.options(ANALYZE, headers={"Origin": origin, **preflight})
        assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_allows_origins_named_in_the_settings(analyzer):
    from server.app import create_app

    client = create_app({"CORS_ORIGINS": ["http://localhost:3000"]}).test_client()
    response = client.post(ANALYZE, json={"text": "Kyiv."}, headers={"Origin": "http://localhost:3000"})
    assert response.headers["Access-Control-Allow-Origin"] == "http://localhost:3000"
    assert response.headers["Access-Control-Allow-Origin"] != "*"


def test_a_server_fault_is_a_json_500_that_logs_no_page_text(client, monkeypatch, caplog):
    secret = "Zyxwvutsrq is a secret town"

    class Broken:
        def cache_context(self):
            return ()

        def analyze_json(self, text):
            raise RuntimeError(f"failed on {text}")

    monkeypatch.setattr(api_module, "analyzer", lambda: Broken())
    with caplog.at_level(logging.DEBUG):
        response = client.post(ANALYZE, json={"text": secret})
    assert response.status_code == 500
    assert response.get_json()["error"]["code"] == "internal_error"
    assert "Traceback" not in response.get_data(as_text=True)
    assert secret not in response.get_data(as_text=True)
    assert caplog.records, "the fault is logged"
    assert all(secret not in record.getMessage() for record in caplog.records)
    assert all(record.exc_info is None for record in caplog.records)


def test_analysis_logs_no_page_text(client, caplog):
    secret = "Qwertyville"
    with caplog.at_level(logging.DEBUG):
        client.post(ANALYZE, json={"text": f"Troops left {secret} on Monday."})
    assert all(secret not in record.getMessage() for record in caplog.records)


def test_random_texts_of_odd_characters_never_break_the_spans(client):
    """Quote marks, apostrophes, emoji, combining marks, right-to-left text in random order."""
    import random

    pieces = [
        "“", "”", "‘", "’", '"', "'", "''", "«", "»", "—", " said ", " according to ", "Kyiv",
        "SevSk", " the city of ", "Pushilin", "officials", "👍🏽", "🇺🇦", "e\u0301", "שלום",
        "\u202e", "\u200d", "\n", "\n\n", ", ", ". ", " ", "word", "Ukraine’s", "’90s", "\ud83d",
    ]  # fmt: skip
    rng = random.Random(20261128)
    for _ in range(60):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 80)))
        if not text.strip():
            continue
        response = client.post(ANALYZE, json={"text": text})
        assert response.status_code == 200, text
        assert_spans_match(text, response.get_json())


def test_a_page_seen_before_comes_from_the_cache_with_the_same_report(analyzer, seed_text):
    app = create_app({"CACHE_ENTRIES": 8, "CACHE_BYTES": 10_000_000})
    client = app.test_client()
    first = client.post(ANALYZE, json={"text": seed_text})
    second = client.post(ANALYZE, json={"text": seed_text})
    assert first.headers["X-Sourcemark-Cache"] == "miss"
    assert second.headers["X-Sourcemark-Cache"] == "hit"
    assert second.get_data() == first.get_data()
    other = client.post(ANALYZE, json={"text": seed_text + "\nOne more line."})
    assert other.headers["X-Sourcemark-Cache"] == "miss"
    stats = app.extensions[api_module.CACHE].stats()
    assert (stats.hits, stats.misses, stats.entries) == (1, 2, 2)


def test_the_cache_holds_reports_not_texts(analyzer):
    app = create_app({"CACHE_ENTRIES": 8, "CACHE_BYTES": 10_000_000})
    secret = "Zorblatville has no quotes at all"
    app.test_client().post(ANALYZE, json={"text": secret})
    cache = app.extensions[api_module.CACHE]
    assert all(secret.encode() not in key for key in cache._items)


def test_a_cache_of_zero_entries_analyses_every_time(analyzer, seed_text):
    client = create_app({"CACHE_ENTRIES": 0}).test_client()
    for _ in range(2):
        assert client.post(ANALYZE, json={"text": seed_text}).headers["X-Sourcemark-Cache"] == "miss"


def test_an_analysis_past_the_deadline_is_a_json_503(analyzer, seed_text):
    client = create_app({"ANALYSIS_TIMEOUT": 1e-9}).test_client()
    response = client.post(ANALYZE, json={"text": seed_text * 3})
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "analysis_timeout"
    assert int(response.headers["Retry-After"]) > 0
    # A timeout is not cached: with time enough, the same text is analysed.
    app = create_app({"ANALYSIS_TIMEOUT": 1e-9})
    app.test_client().post(ANALYZE, json={"text": seed_text})
    assert app.extensions[api_module.CACHE].stats().entries == 0


@pytest.mark.parametrize(
    "host", ["localhost", "localhost:8765", "127.0.0.1:8765", "127.1.2.3", "[::1]:8765", "app.localhost"]
)
def test_loopback_hosts_are_answered(client, host):
    assert client.get("/healthz", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8765", "localhost.evil.example", "127.0.0.1.nip.io", "10.0.0.5", "[::2]"]
)
def test_other_hosts_get_a_json_421_before_any_work(client, host):
    response = client.post(ANALYZE, json={"text": "Kyiv."}, headers={"Host": host})
    assert response.status_code == 421
    assert response.get_json()["error"]["code"] == "host_not_allowed"


def test_hosts_named_in_the_settings_are_answered(analyzer):
    client = create_app({"ALLOWED_HOSTS": ["sourcemark.lan"]}).test_client()
    assert client.get("/healthz", headers={"Host": "Sourcemark.LAN:8765"}).status_code == 200
    assert client.get("/healthz", headers={"Host": "other.lan"}).status_code == 421
    anywhere = create_app({"ALLOWED_HOSTS": ["*"]}).test_client()
    assert anywhere.get("/healthz", headers={"Host": "other.lan"}).status_code == 200


def test_cors_answers_stay_as_they_were_on_a_loopback_host(client):
    origin = "chrome-extension://" + "a" * 32
    response = client.post(ANALYZE, json={"text": "Kyiv."}, headers={"Origin": origin, "Host": "127.0.0.1:8765"})
    assert response.headers["Access-Control-Allow-Origin"] == origin
