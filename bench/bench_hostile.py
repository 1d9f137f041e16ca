"""How long does each hostile text take next to ordinary prose of the same length?

Every text of tests/hostile_texts.py goes through the API (Flask's test client, the cache off)
under the normal analysis deadline; ordinary prose is the real articles of tests/fixtures, their
paragraphs repeated to the same length, analysed without a deadline. Prints each text's status, seconds, the prose's seconds,
their ratio and the report's size against the text's. With --scaling, each text slower than
twice the prose or cut by the deadline is then cut to two lengths (25,000 and 50,000 characters)
and analysed without a deadline under cProfile: the CPU time of each server module at both lengths
gives its growth exponent (1 linear, 2 quadratic), which names the step to fix. --scaling-only
skips the table and does that for every text.

    .venv/bin/python bench/bench_hostile.py [--only WORDS] [--timeout S] [--scaling | --scaling-only]
"""

from __future__ import annotations

import argparse
import cProfile
import math
import pstats
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
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
# A text slower than this many times the prose is looked at under --scaling.
SLOW_RATIO = 2.0
# Modules that run the spaCy pipeline or wrap the analysis: their time is not one step's.
WRAPPERS = ("pipeline.py", "api.py", "app.py", "cache.py", "deadline.py")


def prose(length: int) -> str:
    paragraphs = [p for _, text in articles() for p in text.split("\n") if p.strip()]
    parts, size, i = [], 0, 0
    while size < length:
        paragraph = paragraphs[i % len(paragraphs)]
        parts.append(paragraph)
        size += len(paragraph) + 1
        i += 1
    return "\n".join(parts)[:length]


@dataclass
class Timing:
    status: int
    wall: float  # seconds on the clock, what a client waits
    cpu: float  # seconds of this process's CPU: steadier than the clock on a shared machine
    size: int  # bytes of the answer


def timed_post(client, text: str) -> Timing:
    started, started_cpu = time.perf_counter(), time.process_time()
    response = client.post("/api/v1/analyze", data=request_body(text), content_type="application/json")
    wall, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return Timing(response.status_code, wall, cpu, len(response.get_data()))


# The two lengths of --scaling, and what counts as growing faster than the text.
SCALING_LENGTHS = (25_000, 50_000)
SUPERLINEAR_EXPONENT = 1.5
SCALING_MIN_SECONDS = 0.2  # a module faster than this at the longer length is not listed


def module_seconds(client, text: str) -> dict[str, float]:
    """CPU seconds per server module for one analysis without a deadline: each module's own
    time plus that of the library calls it makes (spaCy's token and span methods, rapidfuzz,
    regular expressions), so that a quadratic step shows in the module that loops; the spaCy
    pipeline itself and the request around it are "pipeline and the rest"."""
    profiler = cProfile.Profile(time.process_time)  # CPU seconds, steadier under load
    profiler.enable()
    total = timed_post(client, text).cpu
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    module = lambda filename: filename.split("/server/", 1)[1] if "/server/" in filename else None  # noqa: E731
    seconds: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, callers) in stats.items():
        ours = module(filename)
        if ours is not None:
            seconds[ours] += own
            continue
        for (caller_file, _, _), (_, _, _, inclusive) in callers.items():
            caller = module(caller_file)
            if caller is not None:  # a library call made by a server module
                seconds[caller] += inclusive
    for wrapper in WRAPPERS:  # they call the whole pipeline: not a step of the analysis
        seconds.pop(wrapper, None)
    seconds["pipeline and the rest"] = max(0.0, total - sum(seconds.values()))
    return seconds


def scaling(client, names: list[str]) -> None:
    short, long = SCALING_LENGTHS
    print(f"\ngrowth of each step from {short:,} to {long:,} characters (exponent 1 linear, 2 quadratic)")
    for name in ["ordinary prose", *names]:
        text = prose(long) if name == "ordinary prose" else HOSTILE_TEXTS[name]()
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
    parser.add_argument("--scaling", action="store_true", help="then the growth of each step of the slow texts")
    parser.add_argument("--scaling-only", action="store_true", help="only the growth of each step, every text")
    args = parser.parse_args()

    get_analyzer()
    client = create_app({"ANALYSIS_TIMEOUT": args.timeout, "CACHE_ENTRIES": 0}).test_client()
    # Prose runs to its end, whatever the deadline: it is the yardstick.
    prose_client = create_app({"ANALYSIS_TIMEOUT": 0, "CACHE_ENTRIES": 0}).test_client()
    timed_post(client, prose(5_000))  # warm up
    if args.scaling_only:
        scaling(prose_client, [n for n in HOSTILE_TEXTS if args.only in n])
        return
    prose_timing: dict[int, Timing] = {}
    print(f"analysis deadline {args.timeout:g} s; the cache is off; seconds at the server, on the")
    print("clock (wall) and of CPU; the ratio is of CPU seconds to those of prose of the same length")
    print(f"{'text':40} {'chars':>7} {'status':>6} {'wall s':>6} {'cpu s':>6} {'prose wall':>10} "
          f"{'prose cpu':>9} {'ratio':>5} {'report/text':>11}")  # fmt: skip
    slow = []
    for name, build in HOSTILE_TEXTS.items():
        if args.only and args.only not in name:
            continue
        text = build()
        bucket = round(len(text) / PROSE_BUCKET) * PROSE_BUCKET
        if bucket not in prose_timing:
            prose_timing[bucket] = timed_post(prose_client, prose(bucket))
        got, baseline = timed_post(client, text), prose_timing[bucket]
        ratio = got.cpu / baseline.cpu
        text_bytes = len(text.encode("utf-8", "backslashreplace"))
        report_ratio = f"{got.size / text_bytes:.1f}x" if got.status == 200 else "-"
        print(f"{name:40} {len(text):7d} {got.status:6d} {got.wall:6.1f} {got.cpu:6.1f} {baseline.wall:10.1f} "
              f"{baseline.cpu:9.1f} {ratio:5.1f} {report_ratio:>11}", flush=True)  # fmt: skip
        if ratio > SLOW_RATIO or got.status == 503:
            slow.append(name)
    bounded_report(prose_client)
    if args.scaling and slow:
        scaling(prose_client, slow)


def bounded_report(client) -> None:
    """The bound on the report, end to end: the quotation storm analysed to its end."""
    name = "49,000 short curly quotations"
    text = HOSTILE_TEXTS[name]()
    got = timed_post(client, text)
    text_bytes = len(text.encode("utf-8"))
    print(f"\n{name}, no deadline: {got.status}, {got.wall:.1f} s, report {got.size:,} bytes for "
          f"{text_bytes:,} bytes of text ({got.size / text_bytes:.1f}x; target <= 10x)")  # fmt: skip


if __name__ == "__main__":
    main()
