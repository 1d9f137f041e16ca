"""How fast is `analyze` next to spaCy's bare default pipeline, on the same real articles?

Prints the median milliseconds per 1,000 words of each, measured interleaved in one process so
that a noisy shared machine slows both alike, and their ratio (target: at most 1.0). The analysis
measured is uncached: the report cache lives in the API, and `Analyzer.analyze_json` never sees it.
Then the API's answer to a page seen before (a cache hit) against its first answer, both through
the whole Flask request in this process (target: a hit in at most 5 ms at the server).

    .venv/bin/python bench/bench_analyze.py [--rounds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from server.app import create_app  # noqa: E402
from server.config import DEFAULT_MODEL  # noqa: E402
from server.extract import article_text  # noqa: E402
from server.pipeline import Analyzer  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"


def articles() -> list[tuple[str, str]]:
    found = [("seed", (FIXTURES / "seed" / "sevsk-article.txt").read_text(encoding="utf-8"))]
    for page in sorted((FIXTURES / "pages").glob("*.html")):
        found.append((page.stem, article_text(page.read_text(encoding="utf-8"), page.name)))
    return found


def per_1000_words(seconds: float, text: str) -> float:
    return seconds * 1000 / (len(text.split()) / 1000)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    bare = spacy.load(DEFAULT_MODEL)  # every default component, as a plain user would load it
    analyzer = Analyzer(DEFAULT_MODEL)
    texts = articles()
    for _, text in texts:  # warm both up
        bare(text)
        analyzer.analyze_json(text)

    ours: list[float] = []
    theirs: list[float] = []
    ratios: list[float] = []
    for _ in range(args.rounds):
        for _, text in texts:
            started = time.perf_counter()
            bare(text)
            spacy_ms = per_1000_words(time.perf_counter() - started, text)
            started = time.perf_counter()
            analyzer.analyze_json(text)
            analyze_ms = per_1000_words(time.perf_counter() - started, text)
            theirs.append(spacy_ms)
            ours.append(analyze_ms)
            ratios.append(analyze_ms / spacy_ms)

    words = sum(len(text.split()) for _, text in texts)
    print(f"{len(texts)} articles, {words} words, {args.rounds} rounds, interleaved")
    print(f"analyze (Sourcemark, whole report):  {statistics.median(ours):7.1f} ms / 1000 words (median)")
    print(f"bare spaCy nlp(text), all components: {statistics.median(theirs):7.1f} ms / 1000 words (median)")
    print(f"ratio of medians:                     {statistics.median(ours) / statistics.median(theirs):7.2f}  (target <= 1.0)")
    print(f"median of paired ratios:              {statistics.median(ratios):7.2f}")
    cache_timing(texts, args.rounds)


def cache_timing(texts: list[tuple[str, str]], rounds: int) -> None:
    """Milliseconds of the API for a page's first request and for the same page again."""
    client = create_app().test_client()
    first: list[float] = []
    again: list[float] = []
    for round_ in range(rounds):
        for name, text in texts:
            body = {"text": f"{text}\n(round {round_})"}  # a new text each round: a miss first
            for times in (first, again):
                started = time.perf_counter()
                response = client.post("/api/v1/analyze", json=body)
                times.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
    print(f"API, a page the first time (cache miss): {statistics.median(first):7.1f} ms (median)")
    print(f"API, the same page again (cache hit):    {statistics.median(again):7.2f} ms (median, "
          f"max {max(again):.2f}; target <= 5 ms)")  # fmt: skip


if __name__ == "__main__":
    main()
