"""Label every annotated PolNeAR Source named / pronoun / anonymous by the rule in source_labels.py.

    .venv/bin/python eval/label_sources.py                 # writes eval/quotes/polnear_sources.tsv
    .venv/bin/python eval/label_sources.py --sample 100    # and prints a seeded dev sample to read

The file is committed; re-run this only when the rule changes (LABELS.md says when it was frozen).
"""

from __future__ import annotations

import argparse
import collections
import csv
import random
from pathlib import Path

import polnear
from source_labels import COLUMNS, LABELS, label_source

ROOT = Path(__file__).resolve().parents[1]


def rows(corpora: Path):
    for split in polnear.SPLITS:
        for art in polnear.read_split(corpora, split):
            seen = set()
            for att in art.attributions:
                src = att.source
                if src is None or (src.start, src.end) in seen:
                    continue
                seen.add((src.start, src.end))
                lab = label_source(src.text, art.text, src.start)
                yield {"split": split, "article": art.name, "start": src.start, "end": src.end,
                       "text": " ".join(src.text.split()), "label": lab.label, "rule": lab.rule}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=LABELS)
    parser.add_argument("--sample", type=int, default=0, help="print N dev rows (seeded) to check")
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args(argv)
    table = sorted(rows(args.corpora), key=lambda r: (r["split"], r["article"], r["start"]))
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
    counts = collections.Counter((r["split"], r["label"]) for r in table)
    for split in polnear.SPLITS:
        print(split, ", ".join(f"{k} {counts[(split, k)]}" for k in ("named", "pronoun", "anonymous")))
    print(f"wrote {args.out}")
    if args.sample:
        dev = [r for r in table if r["split"] == "dev"]
        for r in random.Random(args.seed).sample(dev, args.sample):
            print(f"{r['label']:9s} {r['rule']:32s} {r['text']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
