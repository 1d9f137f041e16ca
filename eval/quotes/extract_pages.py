"""Regenerate texts/page-*.txt from the saved news pages with trafilatura (as the labels expect).

    .venv/bin/python eval/quotes/extract_pages.py

The labels in devset.jsonl find their quotations by text, so re-extracting with another
trafilatura version only matters if the extracted wording changes.
"""

from pathlib import Path

import trafilatura

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
OUT = Path(__file__).resolve().parent / "texts"

for page in sorted(PAGES.glob("*.html")):
    html = page.read_text(encoding="utf-8", errors="replace")
    text = trafilatura.extract(html) or ""
    (OUT / f"page-{page.stem}.txt").write_text(text, encoding="utf-8")
    print(page.name, len(text))
