"""How long does each hostile text take next to ordinary prose of the same length?

Every text of tests/hostile_texts.py goes through the API (Flask's test client, the cache off)
under the normal analysis deadline; ordinary prose is the real articles of tests/fixtures, their
paragraphs repeated to the same length, analysed without a deadline. Prints each text's status, seconds, the prose's seconds,
their ratio and the report's size against the text's. With --profile, each text slower than
twice the prose is run again under cProfile and the analysis functions that took the time are
printed: where a quadratic step hides. With --scaling, each text is cut to two lengths (25,000 and
50,000 characters) and analysed without a deadline under cProfile: the time of each server module
at both lengths gives its growth exponent (1 linear, 2 quadratic), which names the step to fix.

    .venv/bin/python bench/bench_hostile.py [--only WORDS] [--timeout S] [--profile] [--scaling]
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import sys
import time
from collections import defaultdict
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


# The two lengths of --scaling, and what counts as growing faster than the text.
SCALING_LENGTHS = (25_000, 50_000)
SUPERLINEAR_EXPONENT = 1.5
SCALING_MIN_SECONDS = 0.2  # a module faster than this at the longer length is not listed


def module_seconds(client, text: str) -> dict[str, float]:
    """Own time per server module (and "spaCy and the rest") for one analysis, no deadline."""
    profiler = cProfile.Profile()
    profiler.enable()
    started = time.perf_counter()
    timed_post(client, text)
    total = time.perf_counter() - started
    profiler.disable()
    seconds: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in pstats.Stats(profiler).stats.items():
        if "/server/" in filename:
            seconds[filename.split("/server/", 1)[1]] += own
    seconds["spaCy and the rest"] = max(0.0, total - sum(seconds.values()))
    return seconds


def scaling(client, names: list[str]) -> None:
    short, long = SCALING_LENGTHS
    print(f"\ngrowth of each step from {short:,} to {long:,} characters (exponent 1 linear, 2 quadratic)")
    for name in names:
        text = HOSTILE_TEXTS[name]()
        at_short, at_long = module_seconds(client, text[:short]), module_seconds(client, text[:long])
        rows = []
        for module, seconds in at_long.items():
            before = at_short.get(module, 0.0)
            if seconds < SCALING_MIN_SECONDS or before <= 0:
                continue
            exponent = math.log(seconds / before) / math.log(long / short)
            rows.append((exponent, module, before, seconds))
        rows.sort(reverse=True)
        shown = [r for r in rows if r[0] >= SUPERLINEAR_EXPONENT] or rows[:1]
        summary = "; ".join(f"{m} {b:.2f}->{s:.2f} s (x^{e:.1f})" for e, m, b, s in shown)
        print(f"{name:40} {summary}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only texts whose name contains this")
    parser.add_argument("--timeout", type=float, default=config.DEFAULTS["ANALYSIS_TIMEOUT"])
    parser.add_argument("--profile", action="store_true", help="profile the slow texts")
    parser.add_argument("--scaling", action="store_true", help="only the growth of each step")
    args = parser.parse_args()

    get_analyzer()
    client = create_app({"ANALYSIS_TIMEOUT": args.timeout, "CACHE_ENTRIES": 0}).test_client()
    # Prose runs to its end, whatever the deadline: it is the yardstick.
    prose_client = create_app({"ANALYSIS_TIMEOUT": 0, "CACHE_ENTRIES": 0}).test_client()
    timed_post(client, prose(5_000))  # warm up
    if args.scaling:
        scaling(prose_client, [n for n in HOSTILE_TEXTS if args.only in n])
        return
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
