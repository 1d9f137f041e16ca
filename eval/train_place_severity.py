"""Train the misspelling severity model (server/places/severity.py) on one half of dev: its weights file.

    .venv/bin/python eval/train_place_severity.py                 # dev half a, seeds 8,7,11 -> the shipped weights
    .venv/bin/python eval/train_place_severity.py --out /tmp/w.json --features /tmp/f.json   # keep the features
    .venv/bin/python eval/train_place_severity.py --from-features /tmp/f.json --out /tmp/w.json  # refit only
    .venv/bin/python eval/train_place_severity.py --from-features /tmp/fa.json --score-features /tmp/fb.json \
        --out /tmp/w.json    # fit on half a's decisions, count what it raises among half b's

For every misspelling the rules keep at `info` (severity.COLLECT, the analyser run in this
process), the features of its near miss are recorded. Positives: the injected misspellings of
the half's article copies (eval_places' own sampling, one copy per town, for each seed).
Negatives: every such decision on honest text of the half — its annotated articles unmodified,
its PolNeAR articles, and the stress transplants (real names of the half's articles and PolNeAR
articles moved into towns' slots). An L2-regularised logistic regression (numpy, full-batch
gradient descent) is fitted; the threshold is the lowest probability at which at most `--budget`
of the negatives are raised, and never below `--min-threshold`. The other half and the test
split are never read: check the file on the other half with `eval_places.py --half b` and
`SOURCEMARK_PLACE_SEVERITY=FILE`.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

import eval_places
from places import corpora, geonames, misspell, stress

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "server" / "data" / "places" / "misspelling_severity.json"


def collect(texts: list[str]) -> list[list[tuple[str, dict]]]:
    """For each text, the (key, features) of every decision the rules kept at info."""
    import os

    os.environ["SOURCEMARK_PLACE_SEVERITY"] = "none"  # what the rules do, not what a model did
    from server.pipeline import get_analyzer
    from server.places import severity

    severity.table.cache_clear()
    analyzer = get_analyzer()
    out = []
    for k, text in enumerate(texts):
        severity.COLLECT = []
        analyzer.analyze_json(text)
        out.append(severity.COLLECT)
        if k % 100 == 0:
            print(f"  {k}/{len(texts)}", file=sys.stderr, flush=True)
    severity.COLLECT = None
    return out


def _words(key: str) -> list[str]:
    return key.split()


def is_typo_key(key: str, typo_key: str) -> bool:
    """The decision is about the injected word: its key, or a run holding it."""
    w, t = _words(key), _words(typo_key)
    return any(w[i:i + len(t)] == t for i in range(len(w) - len(t) + 1))


def gather(args) -> list[dict]:
    from server.gazetteer import normalize

    geo = geonames.load(args.admin1)
    data = corpora.load(args.corpora)
    arts = eval_places.in_half(data.split("dev"), lambda a: f"{a.corpus}/{a.docid}", args.half)
    plain = eval_places.in_half(corpora.read_polnear(args.corpora, "dev"), lambda a: a.name, args.half)
    rows: list[dict] = []

    def add(source: str, texts: list[str], label_of) -> None:
        started = time.perf_counter()
        for k, decisions in enumerate(collect(texts)):
            for key, f in decisions:
                y = label_of(k, key)
                if y is not None:
                    rows.append({"source": source, "key": key, "y": y, "f": f})
        print(f"{source}: {len(texts)} texts, {time.perf_counter() - started:.0f} s", file=sys.stderr)

    add("honest", [a.text for a in arts], lambda k, key: 0)
    add("polnear", [a.text for a in plain], lambda k, key: 0)
    for seed in args.seeds:
        injected, _ = misspell.sample_injections(arts, geo, random.Random(f"{seed}-dev-typos"), args.misspellings)
        typos = [normalize(i.misspelling.typo) for i in injected]
        # Only the injected word: the rest of each copy is the honest article again.
        add(f"typos-{seed}", [i.text for i in injected], lambda k, key, typos=typos: 1 if is_typo_key(key, typos[k]) else None)
        transplants, _ = stress.sample_transplants(arts, plain, geo, random.Random(f"{seed}-dev-stress"), args.stress)
        add(f"stress-{seed}", [t.text for t in transplants], lambda k, key: 0)
    return rows


def fit(rows: list[dict], l2: float, steps: int = 3000, lr: float = 0.5) -> dict[str, float]:
    names = sorted({k for r in rows for k in r["f"]})
    X = np.array([[r["f"].get(n, 0.0) for n in names] for r in rows])
    y = np.array([r["y"] for r in rows], dtype=float)
    # Each class weighs as much as the other: the threshold, not the prior, sets the budget.
    sw = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum()))
    w = np.zeros(len(names))
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(X @ w)))
        grad = X.T @ (sw * (p - y)) + l2 * w * (np.array([n != "bias" for n in names]))
        w -= lr * grad
    return {n: round(float(v), 4) for n, v in zip(names, w) if abs(v) >= 1e-4}


def probabilities(rows: list[dict], w: dict[str, float]) -> np.ndarray:
    from server.places.severity import probability

    return np.array([probability(r["f"], w) for r in rows])


def threshold_for(rows: list[dict], p: np.ndarray, budget: float, floor: float) -> float:
    neg = np.sort(p[[r["y"] == 0 for r in rows]])[::-1]
    allowed = int(budget * len(neg))
    t = neg[allowed] + 1e-6 if allowed < len(neg) else 0.0
    return float(max(t, floor))


def raised_line(rows: list[dict], w: dict[str, float], t: float) -> str:
    """What weights w at threshold t raise among decisions: misspellings and honest ones."""
    p = probabilities(rows, w)
    pos = np.array([r["y"] == 1 for r in rows], dtype=bool)
    up = p >= t
    return (f"misspellings raised {int(up[pos].sum())}/{int(pos.sum())}, "
            f"honest raised {int(up[~pos].sum())}/{int((~pos).sum())}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpora", type=Path, default=eval_places.DEFAULT_CORPORA)
    ap.add_argument("--admin1", type=Path, default=eval_places.DEFAULT_ADMIN1)
    ap.add_argument("--half", choices=("a", "b"), default="a", help="the half of dev trained on")
    ap.add_argument("--seeds", type=lambda s: [int(x) for x in s.split(",")], default=[8, 7, 11])
    ap.add_argument("--misspellings", type=int, default=300)
    ap.add_argument("--stress", type=int, default=240)
    ap.add_argument("--l2", type=float, default=0.01)
    ap.add_argument("--budget", type=float, default=0.0015,
                    help="share of honest decisions the model may raise (the shipped weights: 0.15%%)")
    ap.add_argument("--min-threshold", type=float, default=0.5)
    ap.add_argument("--features", type=Path, help="write the collected features here")
    ap.add_argument("--from-features", type=Path, help="refit from features written before")
    ap.add_argument("--score-features", type=Path,
                    help="features of the other half (--features of a --half b run): print what the fitted "
                         "model raises among them, out of sample")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if args.from_features:
        rows = json.loads(args.from_features.read_text(encoding="utf-8"))
    else:
        rows = gather(args)
        if args.features:
            args.features.write_text(json.dumps(rows), encoding="utf-8")
    w = fit(rows, args.l2)
    # Every info decision counts, subjects' words too (severity.record), though the verdicts
    # give those no learned look.
    p = probabilities(rows, w)
    t = threshold_for(rows, p, args.budget, args.min_threshold)
    pos = [r["y"] == 1 for r in rows]
    raised = p >= t
    print(f"decisions kept at info: {sum(pos)} misspellings, {len(rows) - sum(pos)} honest")
    print(f"threshold {t:.3f}: " + raised_line(rows, w, t))
    for src in sorted({r["source"] for r in rows}):
        idx = [r["source"] == src for r in rows]
        print(f"  {src}: raised {int(raised[idx].sum())}/{sum(idx)}")
    if args.score_features:
        held = json.loads(args.score_features.read_text(encoding="utf-8"))
        print("held out (" + str(args.score_features) + "): " + raised_line(held, w, t))
    table = {
        "about": "severity.py: logistic weights over named misspelling evidence; trained by "
                 f"eval/train_place_severity.py on dev half {args.half} (seeds {args.seeds}), "
                 f"threshold for at most {args.budget:.2%} of honest decisions raised",
        "threshold": math.ceil(t * 1e4) / 1e4,  # rounded up: a negative at the threshold stays below
        "weights": w,
    }
    args.out.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"written {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
