"""The project's own hand-written quotation sets: tests of behaviour, not evidence.

    .venv/bin/python eval/own_sets.py            # devset.jsonl
    .venv/bin/python eval/own_sets.py --verbose  # and every labelled quote that missed
    .venv/bin/python eval/own_sets.py --labels eval/quotes/holdout2.jsonl

The sets (`eval/quotes/devset.jsonl`, `holdout.jsonl`, `holdout2.jsonl`: one labelled quotation a
line, in text order per document) are over the texts in `eval/quotes/texts/`;
`eval/quotes/README.md` describes them. This project wrote them, so their figures do not carry
over to news nobody here wrote: `eval_quotes.py` measures on PolNeAR for that. Only the
analyser's JSON report is read (`server.pipeline.get_analyzer().analyze_json`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

import report_view

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "eval" / "quotes"
SETS = (HERE / "devset.jsonl", HERE / "holdout.jsonl", HERE / "holdout2.jsonl")
TARGETS = {
    "quote recall": (0.97, ">="),
    "speaker accuracy": (0.90, ">="),
    "false alarms": (0.02, "<="),
    "anonymous recall": (0.85, ">="),
}


def load_labels(path: Path) -> dict[str, list[dict]]:
    docs: dict[str, list[dict]] = defaultdict(list)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            row["line"] = number
            docs[row["doc"]].append(row)
    return docs


def locate(text: str, labels: list[dict]) -> None:
    """Give each label its quote span (searched in text order) and its speaker span."""
    cursor = 0
    for row in labels:
        at = text.find(row["quote"], cursor)
        if at < 0:
            raise SystemExit(f"devset line {row['line']}: quote not found: {row['quote']!r}")
        row["span"] = report_view.Range(at, at + len(row["quote"]))
        cursor = at + 1
        if row.get("speaker"):
            row["speaker_span"] = _speaker_span(text, row)


def _speaker_span(text: str, row: dict) -> report_view.Range:
    """The speaker mention: inside the occurrence of `context` (default: the speaker itself)
    nearest to the quotation."""
    context = row.get("context", row["speaker"])
    pattern = re.compile(r"(?<!\w)" + re.escape(context) + r"(?!\w)" if context[-1].isalnum()
                         else r"(?<!\w)" + re.escape(context))
    quote = row["span"]
    best = None
    for m in pattern.finditer(text):
        distance = max(quote.start - m.end(), m.start() - quote.end, 0)
        if best is None or distance < best[0]:
            best = (distance, m.start())
    if best is None:
        raise SystemExit(f"devset line {row['line']}: speaker context not found: {context!r}")
    inner = context.find(row["speaker"])
    if inner < 0:
        raise SystemExit(f"devset line {row['line']}: speaker not inside its context")
    start = best[1] + inner
    return report_view.Range(start, start + len(row["speaker"]))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--labels", type=Path, default=HERE / "devset.jsonl")
    args = parser.parse_args(argv)

    from server.pipeline import get_analyzer

    analyzer = get_analyzer()
    docs = load_labels(args.labels)
    counts = defaultdict(int)
    misses = defaultdict(list)
    seconds = 0.0
    for name, labels in docs.items():
        text = (HERE / "texts" / f"{name}.txt").read_text(encoding="utf-8")
        locate(text, labels)
        started = time.perf_counter()
        found = report_view.read_quotes(analyzer.analyze_json(text), text)
        seconds += time.perf_counter() - started
        for row in labels:
            kind = row["kind"]
            match = report_view.best_match(found, [(row["span"].start, row["span"].end)])
            codes = match.codes if match else frozenset()
            code = ",".join(sorted(codes)) or None
            where = f"{name}: {row['quote'][:50]!r}"
            predicted = "-"
            if match is not None:
                predicted = f"{match.speaker.kind} {match.speaker.text!r}"
            detail = f"{where} labelled {kind} {row.get('speaker')!r}; got {predicted}, {code}"
            if kind == "not_speech":
                counts["not speech"] += 1
                if code:
                    counts["not speech flagged"] += 1
                    misses["not-speech flagged"].append(detail)
                continue
            counts["quotes"] += 1
            if match is not None:
                counts["quotes found"] += 1
            else:
                misses["quote missed"].append(detail)
            if kind != "none":
                counts["attributed"] += 1
                sp = match.speaker.range if match else None
                want = row["speaker_span"]
                if sp is not None and sp.overlap(want.start, want.end):
                    counts["speaker right"] += 1
                else:
                    misses["wrong speaker"].append(detail)
            if kind in ("named", "pronoun"):
                counts["named"] += 1
                if codes & {"quote.unattributed", "quote.anonymous"}:
                    counts["named flagged"] += 1
                    misses["false alarm"].append(detail)
            if kind == "anonymous":
                counts["anonymous"] += 1
                if "quote.anonymous" in codes:
                    counts["anonymous flagged"] += 1
                else:
                    misses["anonymous missed"].append(detail)
            if kind == "none":
                counts["unattributed"] += 1
                if "quote.unattributed" in codes:
                    counts["unattributed flagged"] += 1
                else:
                    misses["unattributed missed"].append(detail)

    figures = {
        "quote recall": (counts["quotes found"], counts["quotes"]),
        "speaker accuracy": (counts["speaker right"], counts["attributed"]),
        "false alarms": (counts["named flagged"], counts["named"]),
        "anonymous recall": (counts["anonymous flagged"], counts["anonymous"]),
    }
    shown = args.labels.relative_to(ROOT) if args.labels.is_relative_to(ROOT) else args.labels
    print(f"Own set (tests of behaviour, not evidence) {shown}"
          f" ({len(docs)} documents, {counts['quotes']} labelled quotations)")
    ok = True
    for label, (num, den) in figures.items():
        value = num / den if den else 0.0
        target, sense = TARGETS[label]
        met = value >= target if sense == ">=" else value <= target
        ok &= met
        print(f"  {label:17s} {value:6.1%}  ({num}/{den})  target {sense} {target:.0%}"
              f"  {'ok' if met else 'BELOW TARGET'}")
    extra = [
        ("unattributed recall", counts["unattributed flagged"], counts["unattributed"]),
        ("not-speech flagged", counts["not speech flagged"], counts["not speech"]),
    ]
    for label, num, den in extra:
        print(f"  {label:17s} {num / den if den else 0:6.1%}  ({num}/{den})  (for information)")
    print(f"  analysis time     {seconds:.1f} s for all documents (spaCy included)")
    if args.verbose:
        for kind, rows in misses.items():
            print(f"\n{kind} ({len(rows)}):")
            for row in rows:
                print("  " + row)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
