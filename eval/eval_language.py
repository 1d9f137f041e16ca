"""The language rule (server/language.py) on real news: English articles must all be read, pages in
other languages all skipped, and short English texts (an article's first sentence) never skipped.

    .venv/bin/python eval/eval_language.py [--corpora ../shared/corpora] [--pages ../shared/pages] [--split dev|test|both]

Reads the English articles of the chosen split of PolNeAR, LGL and GeoVirus, and the real pages
(reduced to their article text by trafilatura, as `sourcemark analyze page.html` does).
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server import language  # noqa: E402
from server.extract import article_text  # noqa: E402

# the pages in other languages, as listed in shared/pages/NOTICE.md
OTHER_LANGUAGE_PAGES = {"lemonde-1": "fr", "liberation-1": "fr", "heise": "de", "la-nacion": "es",
                        "folha": "pt", "aktualne": "cs"}
FIRST_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.S)


def english_articles(corpora: Path, split: str):
    for path in sorted((corpora / "polnear" / split).glob("*.txt")):
        yield f"polnear/{path.stem}", path.read_text(encoding="utf-8")
    for name in ("lgl.xml", "GeoVirus.xml"):
        file = corpora / "geo" / name
        if not file.exists():
            continue
        for i, article in enumerate(ET.parse(file).getroot().iter("article")):
            if article.get("split") == split:
                text = article.findtext("text") or ""
                yield f"{name}#{article.get('docid') or i}", text


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "pages")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "both"])
    args = ap.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"corpora not found at {args.corpora}", file=sys.stderr)
        return 2

    for split in (["dev", "test"] if args.split == "both" else [args.split]):
        english_figures(args.corpora, split)
    if args.pages.is_dir():
        pages_figures(args.pages)
    return 0


def english_figures(corpora: Path, split: str) -> None:
    reasons = collections.Counter()
    sentence_reasons = collections.Counter()
    skipped, sentences_skipped, n, n_sentences = [], [], 0, 0
    for name, text in english_articles(corpora, split):
        n += 1
        verdict = language.identify(text)
        reasons[verdict.reason] += 1
        if not verdict.english:
            skipped.append((name, verdict.code, round(verdict.confidence, 3)))
        m = FIRST_SENTENCE.match(text.strip())
        if m:
            n_sentences += 1
            short = language.identify(m.group(1))
            sentence_reasons[short.reason] += 1
            if not short.english:
                sentences_skipped.append(name)
    print(f"English articles ({split}): {n}, skipped as another language: {len(skipped)}"
          f"  (verdicts: {dict(reasons)})")
    for s in skipped[:10]:
        print("   skipped:", *s)
    print(f"their first sentences: {n_sentences}, skipped: {len(sentences_skipped)}"
          f"  (verdicts: {dict(sentence_reasons)})")


def pages_figures(pages_dir: Path) -> None:
    wrong = []
    pages = sorted(pages_dir.glob("*.html"))
    for page in pages:
        text = article_text(page.read_text(encoding="utf-8", errors="replace"), page.name)
        verdict = language.identify(text)
        expected = OTHER_LANGUAGE_PAGES.get(page.stem)
        ok = (not verdict.english and verdict.code == expected) if expected else verdict.english
        if not ok:
            wrong.append(page.stem)
        print(f"  {page.stem:22} {verdict.code} {verdict.confidence:.4f} {verdict.reason:15} {'ok' if ok else 'WRONG'}")
    print(f"real pages: {len(pages)}, wrong verdicts: {len(wrong)}")


if __name__ == "__main__":
    sys.exit(main())
