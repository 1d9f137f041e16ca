"""Score the quotation analysis on PolNeAR, real news annotated by others (issue 9's figures).

    .venv/bin/python eval/eval_quotes.py --split dev              # the dev table
    .venv/bin/python eval/eval_quotes.py --split both             # dev, then test
    .venv/bin/python eval/eval_quotes.py --split dev --limit 20 --verbose   # and every miss
    .venv/bin/python eval/eval_quotes.py --split dev --dump misses.txt
    .venv/bin/python eval/eval_quotes.py --split dev --skip 286   # the second half of dev
    .venv/bin/python eval/eval_quotes.py --own-sets               # the hand-written sets too
    .venv/bin/python eval/eval_quotes.py --split dev --parse-cache /tmp/parses   # reruns read parses

The analyser is `server.pipeline.get_analyzer()` as installed in the running venv (run it from
the worktree whose analysis is to be measured); only its JSON report is read, and
`classify_source` on its parsed doc. Sources are labelled by `eval/label_sources.py`
(`eval/quotes/polnear_sources.tsv`, policy in `eval/quotes/LABELS.md`). Miss lists are printed
for dev only: test is measured, not studied. `--parse-cache DIR` keeps each article's parse in DIR
(eval/parse_cache.py: keyed by the text's hash and by the model, spaCy version and parsing code),
so that a rerun only analyses: the figures are the same with it as without.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from multiprocessing import get_context
from pathlib import Path

import polnear
import polnear_eval
from source_labels import LABELS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"


def _score(name: str, corpora: Path, split: str, labels: Path):
    return polnear_eval.score_article(corpora, split, name, labels)


def run_split(corpora: Path, split: str, limit: int | None, jobs: int, labels: Path,
              skip: int = 0):
    names = polnear.article_names(corpora, split)[skip:]
    if limit is not None:
        names = names[:limit]
    work = partial(_score, corpora=corpora, split=split, labels=labels)
    if jobs > 1 and len(names) > 1:
        with get_context("fork").Pool(jobs) as pool:
            return pool.map(work, names, chunksize=4)
    return [work(n) for n in names]


def print_table(split: str, scores, seconds: float) -> bool:
    n_direct = sum(len(s.direct) for s in scores)
    print(f"\nPolNeAR {split}: {len(scores)} articles, {n_direct} direct quotations, "
          f"{sum(len(s.sources) for s in scores)} annotated sources ({seconds:.0f} s)")
    ok = True
    for fig in polnear_eval.figures(scores):
        if fig.target is None:
            goal, mark = "(for information)", ""
        else:
            goal = f"target {fig.sense} {fig.target:.0%}"
            mark = {True: "✓", False: "✗", None: "-"}[fig.met]
            ok &= fig.met is not False
        print(f"  {fig.name:66s} {fig.value:6.1%} ({fig.num:>5}/{fig.den:<5}) {goal} {mark}")
    unmatched = sum(s.unmatched_anonymous for s in scores)
    print(f"  (quote.anonymous findings on no annotated direct quotation, not counted: {unmatched})")
    return ok


def print_misses(scores, out) -> None:
    for kind, lines in polnear_eval.misses(scores).items():
        print(f"\n## {kind} ({len(lines)})", file=out)
        for line in lines:
            print("  " + line, file=out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "both"), default="dev",
                        help="dev by default: test is measured once, at the end of the work (make eval-quotes passes both)")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA,
                        help="folder holding polnear/ (default ../shared/corpora from the repo)")
    parser.add_argument("--limit", type=int, help="only the first N articles of each split")
    parser.add_argument("--skip", type=int, default=0,
                        help="leave out the first N articles of each split (with --limit: halves)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--labels", type=Path, default=LABELS, help="source labels (TSV)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list dev misses")
    parser.add_argument("--dump", type=Path, help="write dev misses to this file")
    parser.add_argument("--parse-cache", type=Path, metavar="DIR",
                        help="read parses from DIR when there, keep new ones there")
    parser.add_argument("--own-sets", action="store_true",
                        help="also run the hand-written sets (tests of behaviour, not evidence)")
    args = parser.parse_args(argv)

    polnear.corpus_dir(args.corpora)  # a plain message if the corpus is absent
    polnear_eval.use_parse_cache(args.parse_cache)
    ok = True
    for split in ("dev", "test") if args.split == "both" else (args.split,):
        started = time.perf_counter()
        scores = run_split(args.corpora, split, args.limit, args.jobs, args.labels,
                           args.skip)
        ok &= print_table(split, scores, time.perf_counter() - started)
        if split == "dev" and args.verbose:
            print_misses(scores, sys.stdout)
        if split == "dev" and args.dump:
            with args.dump.open("w", encoding="utf-8") as fh:
                print_misses(scores, fh)
            print(f"  dev misses written to {args.dump}")
    if args.own_sets:
        import own_sets

        print("\nOwn sets: tests of behaviour, not evidence (written by this project)")
        for labels in own_sets.SETS:
            own_sets.main(["--labels", str(labels)])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
