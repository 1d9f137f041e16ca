"""Train the speaker ranker (server/quotes/ranker.py) on PolNeAR dev: its weights file.

    .venv/bin/python eval/train_speaker_ranker.py                      # all of dev -> the shipped weights
    .venv/bin/python eval/train_speaker_ranker.py --limit 286 --out /tmp/half.json   # first half only
    .venv/bin/python eval/train_speaker_ranker.py --cache /tmp/dev.spacy   # keep the parses for reruns
    .venv/bin/python eval/train_speaker_ranker.py --parse-cache /tmp/parses  # eval_quotes.py's cache

For every direct quotation of the chosen dev articles that the rules give a speaker, the ranker
lists its candidates (the rules' speaker and the other phrases around the quote); a candidate is
right when its span overlaps the annotated Source. A conditional logit (numpy, L2-regularised,
full-batch gradient descent) learns to put a right candidate first. Test is never read: the
script refuses any split but dev.

To check that it generalises, train on one half of dev and measure the other with
`eval_quotes.py --skip 286` after pointing `SOURCEMARK_RANKER_WEIGHTS` at the half's file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from multiprocessing import get_context
from pathlib import Path

import numpy as np

import polnear

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_OUT = ROOT / "server" / "data" / "quotes" / "speaker_ranker.json"

_docs: dict[str, object] | None = None  # text -> parsed Doc, from --cache
_parse_cache: Path | None = None  # --parse-cache: the folder eval_quotes.py --parse-cache keeps


def _parse(text: str):
    from server import language
    from server.pipeline import get_analyzer, sanitize

    text = sanitize(text)
    if _docs is not None and text in _docs:
        return _docs[text]
    if not language.identify(text).english:
        return None
    an = get_analyzer()
    if _parse_cache is not None:
        from parse_cache import ParseCache

        return ParseCache(_parse_cache, an).wrap(an.parse)(text)
    return an.parse(text)


def groups_of(corpora: Path, name: str):
    """(feature dicts, labels) for each ranked quotation of one dev article with a source."""
    from server import quotes
    from server.quotes import ranker

    art = polnear.read_article(corpora, "dev", name)
    doc = _parse(art.text)
    if doc is None:
        return name, None, []
    seen: list = []
    # no weights: collect what the rules do, not what earlier weights did
    quotes.analyze(doc, ranker.Ranking(weights=None,
                                       collector=lambda a, frame, cands: seen.append((frame.quote, cands))))
    out = []
    direct = [a for a in art.attributions if a.direct]
    for q, cands in seen:
        best, overlap = None, 0
        for att in direct:
            o = sum(max(0, min(q.end, p.end) - max(q.start, p.start)) for p in att.quoted_parts)
            if o > overlap:
                best, overlap = att, o
        if best is None or best.source is None:
            continue
        labels = []
        for c in cands:
            first, last = doc[c.att.start], doc[c.att.end - 1]
            labels.append(best.source.overlaps(first.idx, last.idx + len(last.text)))
        out.append(([c.features for c in cands], labels, [c.rule for c in cands]))
    return name, doc, out


def _work(name, corpora):
    name, _doc, groups = groups_of(corpora, name)
    return groups


def train(groups, l2: float, steps: int, rate: float):
    names = sorted({n for feats, _, _ in groups for f in feats for n in f})
    index = {n: i for i, n in enumerate(names)}
    data = []
    for feats, labels, _rules in groups:
        if not any(labels) or all(labels) or len(feats) < 2:
            continue  # nothing to learn from: no right candidate, or every one right
        x = np.zeros((len(feats), len(names)))
        for r, f in enumerate(feats):
            for n, v in f.items():
                x[r, index[n]] = v
        data.append((x, np.array(labels, dtype=float)))
    w = np.zeros(len(names))
    for _ in range(steps):
        grad = l2 * w
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            p /= p.sum()
            pos = p * y
            grad += x.T @ (p - pos / pos.sum())
        w -= rate * grad / len(data)
    return {n: round(float(w[index[n]]), 4) for n in names if abs(w[index[n]]) >= 1e-4}, len(data)


def accuracy(groups, weights):
    rules = ranked = 0
    for feats, labels, rule in groups:
        if not feats:
            continue
        rules += labels[rule.index(True)]
        scores = [sum(weights.get(n, 0.0) * v for n, v in f.items()) for f in feats]
        r = rule.index(True)
        best = max(range(len(feats)), key=lambda i: scores[i])
        pick = best if scores[best] - scores[r] > 0 else r
        ranked += labels[pick]
    return rules, ranked, len(groups)


def main(argv=None) -> int:
    global _docs, _parse_cache
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", help="dev only: test is never trained on")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--limit", type=int, help="only the first N dev articles")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N dev articles")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, help="a DocBin of parsed dev articles (written if absent)")
    parser.add_argument("--parse-cache", type=Path, metavar="DIR",
                        help="read parses from DIR when there, keep new ones there (eval_quotes.py's)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--l2", type=float, default=1.0, help="L2 penalty (per group, averaged)")
    parser.add_argument("--steps", type=int, default=300)
    parser.add_argument("--rate", type=float, default=0.5)
    args = parser.parse_args(argv)
    if args.split != "dev":
        parser.error("the ranker is trained on dev only")
    names = polnear.article_names(args.corpora, "dev")
    _parse_cache = args.parse_cache
    if args.cache is not None:
        _docs = load_cache(args.cache, args.corpora, names)
    names = names[args.skip :]
    if args.limit is not None:
        names = names[: args.limit]
    started = time.perf_counter()
    from functools import partial

    work = partial(_work, corpora=args.corpora)
    if args.jobs > 1:
        with get_context("fork").Pool(args.jobs) as pool:
            per_article = pool.map(work, names, chunksize=4)
    else:
        per_article = [work(n) for n in names]
    groups = [g for gs in per_article for g in gs]
    weights, used = train(groups, args.l2 / max(1, len(groups)) * 100, args.steps, args.rate)
    rules, ranked, total = accuracy(groups, weights)
    print(f"{len(names)} articles, {total} quotations ranked, {used} with a choice to learn from "
          f"({time.perf_counter() - started:.0f} s)")
    print(f"  training set: rules' speaker right {rules}/{total}, ranked {ranked}/{total}")
    table = {
        "_about": "Weights of the speaker ranker (server/quotes/ranker.py), written by "
                  "eval/train_speaker_ranker.py; a feature missing here weighs 0.",
        "trained_on": f"PolNeAR dev, articles {args.skip}..{args.skip + len(names)}",
        "l2": args.l2, "steps": args.steps,
        "weights": dict(sorted(weights.items())),
    }
    args.out.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"  weights written to {args.out}")
    return 0


def load_cache(path: Path, corpora: Path, names: list[str]) -> dict:
    """Parsed dev articles by text: read from a DocBin, or parsed once and written there."""
    import spacy
    from spacy.tokens import DocBin

    if not path.exists():
        db = DocBin(store_user_data=False)
        for name in names:
            doc = _parse(polnear.read_article(corpora, "dev", name).text)
            if doc is not None:
                db.add(doc)
        path.write_bytes(db.to_bytes())
    vocab = spacy.blank("en").vocab
    return {d.text: d for d in DocBin().from_bytes(path.read_bytes()).get_docs(vocab)}


if __name__ == "__main__":
    sys.exit(main())
