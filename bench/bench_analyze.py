"""How fast is `analyze` next to spaCy's bare default pipeline, on the same real articles?

Prints the median milliseconds per 1,000 words of each, measured interleaved in one process so
that a noisy shared machine slows both alike, and their ratio (target: at most 1.0).

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


if __name__ == "__main__":
    main()
