"""How long does each hostile text take next to ordinary prose of the same length?

Every text of tests/hostile_texts.py goes through the API (Flask's test client, the cache off)
under the normal analysis deadline; ordinary prose is the real articles of tests/fixtures, their
paragraphs repeated to the same length, analysed without a deadline. Prints each text's status, seconds, the prose's seconds,
their ratio and the report's size against the text's. With --profile, each text slower than
twice the prose is run again under cProfile and the analysis functions that took the time are
printed: where a quadratic step hides.

    .venv/bin/python bench/bench_hostile.py [--only WORDS] [--timeout S] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_analyze import articles  # noqa: E402
from server import config  # noqa: E402
from server.app import create_app  # noqa: E402
from server.pipeline import get_analyzer  # noqa: E402
from tests.hostile_texts import HOSTILE_TEXTS, request_body  # noqa: E402

# Prose lengths are measured once per bucket of this many characters.
PROSE_BUCKET = 2_000
# A text slower than this many times the prose is profiled under --profile.
SLOW_RATIO = 2.0
# Analysis functions shown per profiled text.
PROFILE_TOP = 6
# Functions that only wrap the analysis, left out of the profile listing.
WRAPPERS = ("pipeline.py", "api.py", "app.py", "report.py", "deadline.py", "spans.py")


def prose(length: int) -> str:
    paragraphs = [p for _, text in articles() for p in text.split("\n") if p.strip()]
    parts, size, i = [], 0, 0
    while size < length:
        paragraph = paragraphs[i % len(paragraphs)]
        parts.append(paragraph)
        size += len(paragraph) + 1
        i += 1
    return "\n".join(parts)[:length]


def timed_post(client, text: str) -> tuple[int, float, int]:
    started = time.perf_counter()
    response = client.post("/api/v1/analyze", data=request_body(text), content_type="application/json")
    seconds = time.perf_counter() - started
    return response.status_code, seconds, len(response.get_data())


def profile(client, text: str) -> list[str]:
    profiler = cProfile.Profile()
    profiler.enable()
    timed_post(client, text)
    profiler.disable()
    stats = pstats.Stats(profiler)
    rows = []
    for (filename, line, function), (_, _, own, cumulative, _) in stats.stats.items():
        if "/server/" in filename and not filename.endswith(WRAPPERS):
            rows.append((cumulative, own, f"{Path(filename).name}:{line} {function}"))
    rows.sort(reverse=True)
    return [f"      {cum:6.1f} s cumulative {own:6.1f} s own  {where}" for cum, own, where in rows[:PROFILE_TOP]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only texts whose name contains this")
    parser.add_argument("--timeout", type=float, default=config.DEFAULTS["ANALYSIS_TIMEOUT"])
    parser.add_argument("--profile", action="store_true", help="profile the slow texts")
    args = parser.parse_args()

    get_analyzer()
    client = create_app({"ANALYSIS_TIMEOUT": args.timeout, "CACHE_ENTRIES": 0}).test_client()
    # Prose runs to its end, whatever the deadline: it is the yardstick.
    prose_client = create_app({"ANALYSIS_TIMEOUT": 0, "CACHE_ENTRIES": 0}).test_client()
    timed_post(client, prose(5_000))  # warm up
    prose_seconds: dict[int, float] = {}
    print(f"analysis deadline {args.timeout:g} s; the cache is off; seconds at the server")
    print(f"{'text':40} {'chars':>7} {'status':>6} {'s':>6} {'prose s':>7} {'ratio':>5} {'report/text':>11}")
    slow = []
    for name, build in HOSTILE_TEXTS.items():
        if args.only and args.only not in name:
            continue
        text = build()
        bucket = round(len(text) / PROSE_BUCKET) * PROSE_BUCKET
        if bucket not in prose_seconds:
            prose_seconds[bucket] = timed_post(prose_client, prose(bucket))[1]
        status, seconds, size = timed_post(client, text)
        baseline = prose_seconds[bucket]
        ratio = seconds / baseline
        report_ratio = f"{size / len(text.encode('utf-8', 'backslashreplace')):.1f}x" if status == 200 else "-"
        print(f"{name:40} {len(text):7d} {status:6d} {seconds:6.1f} {baseline:7.1f} {ratio:5.1f} {report_ratio:>11}", flush=True)
        if ratio > SLOW_RATIO or status == 503:
            slow.append((name, text))
    if args.profile:
        for name, text in slow:
            print(f"\n{name}: where the time goes (cProfile, analysis functions)")
            print("\n".join(profile(client, text)), flush=True)


if __name__ == "__main__":
    main()
