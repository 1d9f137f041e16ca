"""Score the quotation analysis on the labelled development set (issue 3's four figures).

    .venv/bin/python eval/eval_quotes.py            # the figures
    .venv/bin/python eval/eval_quotes.py --verbose  # and every labelled quote that missed

The set is `eval/quotes/devset.jsonl` (one labelled quotation a line, in text order per
document) over the texts in `eval/quotes/texts/`; `eval/quotes/README.md` describes both.
Only the spaCy pipeline is loaded (no gazetteer): the figures are the quote analysis alone.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server import quotes  # noqa: E402
from server.pipeline import load_nlp  # noqa: E402
from server.spans import Span  # noqa: E402

HERE = ROOT / "eval" / "quotes"
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
        row["span"] = Span(at, at + len(row["quote"]))
        cursor = at + 1
        if row.get("speaker"):
            row["speaker_span"] = _speaker_span(text, row)


def _speaker_span(text: str, row: dict) -> Span:
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
    return Span(start, start + len(row["speaker"]))


def best_match(span: Span, found: list) -> object | None:
    """The reported quotation overlapping the labelled one most."""
    best, best_overlap = None, 0
    for q in found:
        overlap = min(span.end, q.span.end) - max(span.start, q.span.start)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    parser.add_argument("--labels", type=Path, default=HERE / "devset.jsonl")
    args = parser.parse_args(argv)

    nlp = load_nlp()
    docs = load_labels(args.labels)
    counts = defaultdict(int)
    misses = defaultdict(list)
    seconds = 0.0
    for name, labels in docs.items():
        text = (HERE / "texts" / f"{name}.txt").read_text(encoding="utf-8")
        locate(text, labels)
        doc = nlp(text)
        started = time.perf_counter()
        found, findings = quotes.analyze(doc)
        seconds += time.perf_counter() - started
        flagged = {(f.span.start, f.span.end): f.code for f in findings}
        for row in labels:
            kind = row["kind"]
            match = best_match(row["span"], found)
            code = flagged.get((match.span.start, match.span.end)) if match else None
            where = f"{name}: {row['quote'][:50]!r}"
            predicted = "-"
            if match is not None:
                sp = match.speaker
                predicted = f"{sp.kind} {text[sp.span.start:sp.span.end] if sp.span else None!r}"
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
                sp = match.speaker if match else None
                if sp is not None and sp.span is not None and sp.span.overlaps(row["speaker_span"]):
                    counts["speaker right"] += 1
                else:
                    misses["wrong speaker"].append(detail)
            if kind in ("named", "pronoun"):
                counts["named"] += 1
                if code in ("quote.unattributed", "quote.anonymous"):
                    counts["named flagged"] += 1
                    misses["false alarm"].append(detail)
            if kind == "anonymous":
                counts["anonymous"] += 1
                if code == "quote.anonymous":
                    counts["anonymous flagged"] += 1
                else:
                    misses["anonymous missed"].append(detail)
            if kind == "none":
                counts["unattributed"] += 1
                if code == "quote.unattributed":
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
    print(f"Quotation analysis on {shown}"
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
    print(f"  analysis time     {seconds * 1000:.1f} ms for all documents (spaCy excluded)")
    if args.verbose:
        for kind, rows in misses.items():
            print(f"\n{kind} ({len(rows)}):")
            for row in rows:
                print("  " + row)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
