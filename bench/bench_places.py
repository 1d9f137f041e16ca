"""Benchmark the place analysis.

    .venv/bin/python bench/bench_places.py [--queries 500]

Prints:
- fuzzy lookup of a miss: median and 90th percentile ms over misspelled town names (one or two
  edits of GeoNames names, fixed random seed);
- the places pass per article (ms) next to spaCy's own time for the same articles;
- one worker's cold start to first answer, and its resident memory, measured in a fresh
  subprocess: import, load spaCy and the gazetteer index, analyse the seed article.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLD_START = r"""
import json, resource, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
from server.pipeline import Analyzer
analyzer = Analyzer(gazetteer_path=sys.argv[3] or None)
text = open(sys.argv[2], encoding="utf-8").read()
analyzer.analyze_json(text)
elapsed = time.perf_counter() - t0
rss_now = 0
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmRSS:"):
            rss_now = int(line.split()[1]) / 1024
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "rss_mb": rss_now, "peak_rss_mb": peak}))
"""


def mutate(name: str, rnd: random.Random) -> str:
    s = name.lower()
    for _ in range(rnd.choice((1, 2))):
        i = rnd.randrange(len(s))
        op = rnd.choice(("sub", "del", "ins"))
        c = rnd.choice("abcdefghijklmnopqrstuvwxyz")
        if op == "sub":
            s = s[:i] + c + s[i + 1 :]
        elif op == "del":
            s = s[:i] + s[i + 1 :]
        else:
            s = s[:i] + c + s[i:]
    return s


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--queries", type=int, default=500)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    gazetteer_path = os.environ.get("SOURCEMARK_GAZETTEER", "")
    seed_article = ROOT / "tests" / "fixtures" / "seed" / "sevsk-article.txt"

    # Cold start first, in a fresh process (the index is built beforehand if missing).
    from server.gazetteer import ensure_index

    ensure_index(gazetteer_path or None)
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", COLD_START, str(ROOT), str(seed_article), gazetteer_path],
            capture_output=True, text=True, check=True,
        )
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    cold = statistics.median(r["seconds"] for r in runs)
    rss = max(r["rss_mb"] for r in runs)
    peak = max(r["peak_rss_mb"] for r in runs)

    from server import places
    from server.gazetteer import Gazetteer
    from server.pipeline import load_nlp

    g = Gazetteer.load(gazetteer_path or None)
    rnd = random.Random(args.seed)
    towns = [i for i in range(len(g.gid)) if g.pop[i] >= 1000 and g.name(i).isalpha() and len(g.name(i)) >= 6]
    queries = []
    while len(queries) < args.queries:
        q = mutate(g.name(rnd.choice(towns)), rnd)
        if not g.ids_for_key(q):
            queries.append(q)
    def run():
        times = []
        for q in queries:
            t = time.perf_counter()
            g.fuzzy(q)
            times.append((time.perf_counter() - t) * 1000)
        return sorted(times)

    first = run()  # a fresh worker: each block's names are listed on first use
    times = run()  # a worker that has been answering for a while

    nlp = load_nlp()
    texts = [seed_article.read_text(encoding="utf-8")]
    try:
        import trafilatura

        for page in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.html")):
            texts.append(trafilatura.extract(page.read_text(encoding="utf-8")) or "")
    except ImportError:  # pragma: no cover
        pass
    spacy_ms, places_ms = [], []
    for text in texts:
        t = time.perf_counter()
        doc = nlp(text)
        spacy_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        places.analyze(doc, g)
        places_ms.append((time.perf_counter() - t) * 1000)

    print(f"fuzzy lookup of a miss ({len(times)} misspelled names)  median {statistics.median(times):.2f} ms, "
          f"p90 {times[int(0.9 * len(times))]:.2f} ms   target median <= 2 ms")
    print(f"  same, fresh worker (blocks listed on first use)    median {statistics.median(first):.2f} ms, "
          f"p90 {first[int(0.9 * len(first))]:.2f} ms")
    print(f"places pass per article ({len(texts)} articles)         median {statistics.median(places_ms):.1f} ms "
          f"(spaCy on the same: median {statistics.median(spacy_ms):.1f} ms)")
    print(f"worker cold start to first answer (median of 3)     {cold:.2f} s   target <= 3 s")
    print(f"  (machine load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"worker resident memory after first answer           {rss:.0f} MB (peak {peak:.0f} MB)   target <= 350 MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
