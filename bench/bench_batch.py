"""Documents per second of `sourcemark analyze` with one job and with several.

The real articles of tests/fixtures (the seed and the pages' extracted text), repeated, go through
the command's own batch core (`server.batch`) as JSON lines, one run per job count in turn,
`--rounds` times interleaved so that a busy shared machine slows each alike. The model is loaded
once before the runs (forked workers share it); each run pays for starting its worker processes.
Prints the median documents per second of each, how many cores each kept busy on average (CPU
seconds of the process and its workers over the wall-clock time: on a machine shared with other
work the speed-up can only be as large as the cores the workers got), and the speed-up (target:
>= 1.7 with two jobs on two cores).

    .venv/bin/python bench/bench_batch.py [--jobs 2] [--copies 3] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_analyze import articles  # noqa: E402
from server.batch import Document, analyze_documents  # noqa: E402
from server.pipeline import get_analyzer  # noqa: E402


def cpu_seconds() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(documents: list[Document], jobs: int, cpu: list[float] | None = None) -> float:
    started, started_cpu = time.perf_counter(), cpu_seconds()
    outcomes = list(analyze_documents(documents, jobs=jobs))
    seconds = time.perf_counter() - started
    if cpu is not None:
        cpu.append((cpu_seconds() - started_cpu) / seconds)  # cores kept busy, on average
    assert all(o.error is None for o in outcomes) and len(outcomes) == len(documents)
    return len(documents) / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--copies", type=int, default=3, help="times each article is repeated")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    texts = [text for _, text in articles()] * args.copies
    documents = [Document(f"doc{i}", text, id=i, from_jsonl=True) for i, text in enumerate(texts)]
    get_analyzer()
    run(documents[:3], 1)  # warm up
    rates: dict[int, list[float]] = {1: [], args.jobs: []}
    cores: dict[int, list[float]] = {1: [], args.jobs: []}
    for _ in range(args.rounds):
        for jobs in rates:
            rates[jobs].append(run(documents, jobs, cores[jobs]))
    words = sum(len(text.split()) for text in texts)
    print(f"{len(documents)} documents, {words} words, {args.rounds} rounds interleaved, {os.cpu_count()} cores")
    for jobs, measured in rates.items():
        spread = ", ".join(f"{r:.2f}" for r in measured)
        print(f"--jobs {jobs}: {statistics.median(measured):6.2f} documents/s (median; runs {spread}); "
              f"{statistics.median(cores[jobs]):.2f} cores busy on average")  # fmt: skip
    speedup = statistics.median(rates[args.jobs]) / statistics.median(rates[1])
    print(f"speed-up with {args.jobs} jobs: {speedup:.2f}x  (target >= 1.7 with 2 jobs on 2 cores)")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
