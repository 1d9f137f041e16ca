"""The service under load: 2,000 requests at concurrency 16 against a real gunicorn on 127.0.0.1.

The requests are real articles of mixed size (the seed and the pages of tests/fixtures, whole,
halved, in thirds and two joined), drawn so that some repeat, and a tenth are bad input of every
kind the API refuses. Prints the answers that were not what each request should get (target 0),
the latency percentiles (all good requests, then cache misses and hits apart), and the resident
memory of the workers (summed) after a warm-up and after the run (target: grows by at most 10%).

    .venv/bin/python bench/bench_load.py [--requests 2000] [--concurrency 16] [--workers 2]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_analyze import articles  # noqa: E402

# Share of the requests that are bad input.
BAD_SHARE = 0.1
# Distinct good texts the requests are drawn from; drawn with a skew, so that many repeat.
DISTINCT_TEXTS = 200
SKEW = 1.1  # weight of the k-th text is 1 / k**SKEW
SEED = 20261201


@dataclass
class Request:
    kind: str
    body: bytes
    expected: int
    method: str = "POST"
    path: str = "/api/v1/analyze"
    content_type: str = "application/json"
    host: str | None = None


@dataclass
class Answer:
    kind: str
    status: int
    expected: int
    seconds: float
    cache: str | None


def good_texts() -> list[str]:
    texts = []
    whole = [text for _, text in articles()]
    for text in whole:
        paragraphs = text.split("\n")
        n = len(paragraphs)
        texts.append(text)
        for parts in (2, 3):
            for k in range(parts):
                piece = "\n".join(paragraphs[k * n // parts : (k + 1) * n // parts])
                if piece.strip():
                    texts.append(piece)
    for a, b in zip(whole, whole[1:] + whole[:1]):
        texts.append(a + "\n" + b)
    # More distinct texts: each with a dateline paragraph of its own, as a site's pages differ.
    rng = random.Random(SEED)
    while len(texts) < DISTINCT_TEXTS:
        texts.append(f"Update {len(texts)}: posted at {rng.randint(0, 23)}:{rng.randint(10, 59)}.\n" + rng.choice(texts))
    return texts[:DISTINCT_TEXTS]


def bad_requests() -> list[Request]:
    long_text = json.dumps({"text": "a" * 200_001}).encode()
    return [
        Request("malformed json", b"{not json", 400),
        Request("text missing", b'{"url": "https://example.org"}', 400),
        Request("text not a string", b'{"text": 5}', 400),
        Request("empty text", b'{"text": "   "}', 400),
        Request("not utf-8", b'{"text": "caf\xe9"}', 400),
        Request("wrong content type", b'{"text": "Kyiv"}', 415, content_type="text/plain"),
        Request("text too long", long_text, 413),
        Request("body too large", b'{"text": "' + b"a" * 1_100_000 + b'"}', 413),
        Request("rebinding host", b'{"text": "Kyiv"}', 421, host="attacker.example"),
        Request("wrong method", b"", 405, method="GET"),
        Request("no such path", b"", 404, method="GET", path="/api/v2/analyze"),
    ]


def plan(total: int) -> list[Request]:
    rng = random.Random(SEED)
    texts = good_texts()
    weights = [1 / (k + 1) ** SKEW for k in range(len(texts))]
    bad = bad_requests()
    requests = []
    for _ in range(total):
        if rng.random() < BAD_SHARE:
            requests.append(rng.choice(bad))
        else:
            text = rng.choices(texts, weights)[0]
            requests.append(Request("article", json.dumps({"text": text}).encode(), 200))
    return requests


def send(port: int, request: Request) -> Answer:
    headers = {"Content-Type": request.content_type, "Host": request.host or f"127.0.0.1:{port}"}
    started = time.perf_counter()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request(request.method, request.path, body=request.body or None, headers=headers)
        response = connection.getresponse()
        response.read()
        status, cache = response.status, response.getheader("X-Sourcemark-Cache")
        connection.close()
    except (OSError, http.client.HTTPException):
        status, cache = -1, None  # the connection failed or was reset
    return Answer(request.kind, status, request.expected, time.perf_counter() - started, cache)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, log) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "server.cli", "serve", "--port", str(port), "--workers", str(workers)],
        stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
    )  # fmt: skip
    give_up = time.monotonic() + 180
    while time.monotonic() < give_up:
        if process.poll() is not None:
            break
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200 and len(workers_of(process.pid)) == workers:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    process.kill()
    raise SystemExit("gunicorn did not start")


def workers_of(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def memory_mb(pids: list[int]) -> tuple[float, float]:
    """Summed resident (RSS) and proportional (PSS, shared pages split) memory, in MB."""
    rss = pss = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss += int(line.split()[1])
            elif line.startswith("Pss:"):
                pss += int(line.split()[1])
    return rss / 1024, pss / 1024


def percentiles(seconds: list[float]) -> str:
    if not seconds:
        return "none"
    ms = sorted(s * 1000 for s in seconds)
    pick = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]  # noqa: E731
    return (
        f"p50 {pick(0.5):7.1f}  p90 {pick(0.9):7.1f}  p99 {pick(0.99):7.1f}  max {ms[-1]:7.1f} ms"
        f"  (n={len(ms)}, mean {statistics.mean(ms):.1f})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    requests = plan(args.requests)
    port = free_port()
    with tempfile.TemporaryFile("w+") as log:
        server = start_server(port, args.workers, log)
        try:
            workers = workers_of(server.pid)
            # Warm-up: every worker has analysed a page and answered an error before "before".
            warm = [Request("article", json.dumps({"text": t}).encode(), 200) for t in good_texts()[:2 * args.workers]]
            with ThreadPoolExecutor(args.workers) as pool:
                list(pool.map(lambda r: send(port, r), warm + bad_requests()[:2]))
            before = memory_mb(workers)
            started = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                answers = list(pool.map(lambda r: send(port, r), requests))
            elapsed = time.perf_counter() - started
            after = memory_mb(workers)
            still = workers_of(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
        log.seek(0)
        server_log = log.read()

    unexpected = [a for a in answers if a.status != a.expected]
    good = [a for a in answers if a.kind == "article"]
    print(f"{len(answers)} requests at concurrency {args.concurrency}, {args.workers} gunicorn workers, "
          f"{elapsed:.1f} s ({len(answers) / elapsed:.1f} requests/s)")  # fmt: skip
    print(f"articles {len(good)} ({len({r.body for r in requests if r.kind == 'article'})} distinct texts), "
          f"bad input {len(answers) - len(good)}")  # fmt: skip
    print(f"unexpected answers: {len(unexpected)}  (target 0)")
    for (kind, status, expected), count in Counter((a.kind, a.status, a.expected) for a in unexpected).items():
        print(f"  {count} x {kind}: got {status}, expected {expected}")
    print("latency, articles:      " + percentiles([a.seconds for a in good]))
    print("latency, cache misses:  " + percentiles([a.seconds for a in good if a.cache == "miss"]))
    print("latency, cache hits:    " + percentiles([a.seconds for a in good if a.cache == "hit"]))
    print("latency, bad input:     " + percentiles([a.seconds for a in answers if a.kind != "article"]))
    growth = (after[0] - before[0]) / before[0] * 100
    print(f"workers' memory before: RSS {before[0]:7.1f} MB  PSS {before[1]:7.1f} MB  (sum of {len(workers)})")
    print(f"workers' memory after:  RSS {after[0]:7.1f} MB  PSS {after[1]:7.1f} MB  "
          f"RSS growth {growth:+.1f}%  (target <= +10%)")  # fmt: skip
    replaced = "WORKER TIMEOUT" in server_log or sorted(still) != sorted(workers)
    print(f"workers killed or replaced during the run: {'yes' if replaced else 'no'}")


if __name__ == "__main__":
    main()
