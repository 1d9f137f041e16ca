"""The same API through a real gunicorn on 127.0.0.1, as `make serve` runs it."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.conftest import assert_spans_match
from tests.hostile_texts import HOSTILE_TEXTS, request_body

pytestmark = pytest.mark.slow

SECRET = "Plinkovograd"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(log_path, **settings):
    """`sourcemark serve` on a free port with SOURCEMARK_<NAME> settings; its base URL."""
    port = free_port()
    log = open(log_path, "w")
    env = {**os.environ, **{f"SOURCEMARK_{k}": str(v) for k, v in settings.items()}}
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--port", str(port), "--workers", "2"],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(base + "/healthz", timeout=2)
            break
        except (urllib.error.URLError, ConnectionError):
            if process.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail("gunicorn did not start:\n" + log_path.read_text())
            time.sleep(0.2)
    return process, log, base


def stop_server(process, log) -> None:
    process.terminate()
    process.wait(timeout=30)
    log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    log_path = tmp_path_factory.mktemp("gunicorn") / "server.log"
    process, log, base = start_server(log_path)
    yield {"base": base, "log": log_path}
    stop_server(process, log)


def post(base: str, body: bytes, content_type: str = "application/json"):
    request = urllib.request.Request(
        base + "/api/v1/analyze", data=body, headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_gunicorn_answers_the_seed_article_like_the_test_client(server, client, seed_text):
    status, report = post(server["base"], json.dumps({"text": seed_text}).encode())
    assert status == 200
    assert report == client.post("/api/v1/analyze", json={"text": seed_text}).get_json()
    assert_spans_match(seed_text, report)


@pytest.mark.parametrize(
    "body, content_type, status, code",
    [
        (b"{not json", "application/json", 400, "malformed_json"),
        (b'{"text": 1}', "application/json", 400, "invalid_field"),
        (b'{"text": ""}', "application/json", 400, "empty_text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "application/json", 400, "invalid_encoding"),
        (b'{"text": "Kyiv"}', "text/plain", 415, "unsupported_media_type"),
        (b'{"text": "' + b"a" * 1_100_000 + b'"}', "application/json", 413, "body_too_large"),
    ],
)
def test_gunicorn_rejects_bad_requests_with_json_errors(server, body, content_type, status, code):
    got_status, answer = post(server["base"], body, content_type)
    assert (got_status, answer["error"]["code"]) == (status, code)


def post_chunked(base: str, body: bytes) -> tuple[int, dict]:
    """A chunked upload: no Content-Length for the server to check up front."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=60)
    chunks = (body[i : i + 65536] for i in range(0, len(body), 65536))
    connection.request(
        "POST", "/api/v1/analyze", body=chunks, encode_chunked=True,
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
    )  # fmt: skip
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def test_gunicorn_takes_a_chunked_upload_and_refuses_one_over_the_limit(server):
    status, report = post_chunked(server["base"], json.dumps({"text": "Troops left Kyiv."}).encode())
    assert status == 200 and report["places"]
    status, answer = post_chunked(server["base"], b'{"text": "' + b"a" * 1_500_000 + b'"}')
    assert (status, answer["error"]["code"]) == (413, "body_too_large")


def test_gunicorn_answers_413_to_a_client_still_sending_an_oversized_body(server):
    """A declared length over the limit: the body is read on and dropped, so a client that sends
    all of it, then reads, gets the 413 rather than a broken pipe or a reset."""
    host, port = server["base"].removeprefix("http://").split(":")
    body = b'{"text": "' + b"a" * 4_000_000 + b'"}'
    with socket.create_connection((host, int(port)), timeout=60) as sock:
        sock.sendall(
            b"POST /api/v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
        )
        sock.sendall(body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    head, _, payload = answer.partition(b"\r\n\r\n")
    assert head.split()[1] == b"413"
    assert json.loads(payload)["error"]["code"] == "body_too_large"


def test_gunicorn_404_and_405_are_json(server):
    for path, method, status in (("/nowhere", "GET", 404), ("/api/v1/analyze", "GET", 405)):
        request = urllib.request.Request(server["base"] + path, method=method)
        with pytest.raises(urllib.error.HTTPError) as raised:
            urllib.request.urlopen(request, timeout=10)
        assert raised.value.code == status
        assert json.loads(raised.value.read())["error"]["code"]


def test_gunicorn_logs_no_page_text(server):
    status, _ = post(server["base"], json.dumps({"text": f"Troops left {SECRET}."}).encode())
    assert status == 200
    post(server["base"], json.dumps({"text": SECRET, "url": 5}).encode())
    time.sleep(0.5)  # let the access log flush
    log = server["log"].read_text()
    assert "/api/v1/analyze" in log, "the access log is written"
    assert SECRET not in log


def get_with_host(base: str, path: str, host: str) -> tuple[int, dict]:
    address, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(address, int(port), timeout=30)
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def test_gunicorn_answers_loopback_hosts_only(server):
    port = server["base"].rsplit(":", 1)[1]
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "127.8.9.10", "LOCALHOST"):
        assert get_with_host(server["base"], "/healthz", host)[0] == 200, host
    for host in (f"attacker.example:{port}", "rebind.example", "127.0.0.1.evil.example", "0.0.0.0"):
        status, answer = get_with_host(server["base"], "/api/v1/info", host)
        assert (status, answer["error"]["code"]) == (421, "host_not_allowed"), host


# A few of the hostile texts, the slowest kinds, through real gunicorn with a short deadline.
GUNICORN_HOSTILE = [
    "straight quote marks only",
    "49,000 short curly quotations",
    "27,000 one-word lines",
    "place pairs (in X,)",
    "lone surrogates",
    "one 199,000-letter word",
]
GUNICORN_TIMEOUT = 3


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    log_path = tmp_path_factory.mktemp("gunicorn-hostile") / "server.log"
    process, log, base = start_server(log_path, ANALYSIS_TIMEOUT=GUNICORN_TIMEOUT, CACHE_ENTRIES=0)
    yield {"base": base, "log": log_path}
    stop_server(process, log)


def test_gunicorn_hostile_texts_end_in_a_report_or_a_503_and_no_worker_dies(hostile_server):
    for name in GUNICORN_HOSTILE:
        text = HOSTILE_TEXTS[name]()
        status, answer = post(hostile_server["base"], request_body(text))
        assert status in (200, 503), (name, status, answer)
        if status == 503:
            assert answer["error"]["code"] == "analysis_timeout"
    status, report = post(hostile_server["base"], json.dumps({"text": "Troops left Kyiv."}).encode())
    assert status == 200 and report["places"]
    log = hostile_server["log"].read_text()
    assert "WORKER TIMEOUT" not in log and "Worker exiting" not in log
    assert log.count("Booting worker") == 2, "no worker was killed and replaced"
