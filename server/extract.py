"""Article text from a file's contents: plain text as it is, HTML reduced to the article."""

from __future__ import annotations

import re

_HTML_START = re.compile(r"\A\s*(?:<!doctype html|<html|<head|<body|<article|<\?xml)", re.I)


class ExtractionError(ValueError):
    pass


def looks_like_html(content: str, filename: str = "") -> bool:
    return filename.lower().endswith((".html", ".htm", ".xhtml")) or bool(
        _HTML_START.match(content[:1000])
    )


def article_text(content: str, filename: str = "") -> str:
    """The text to analyse: HTML goes through trafilatura's article extraction."""
    if not looks_like_html(content, filename):
        return content
    import trafilatura  # imported on demand: the API never needs it

    text = trafilatura.extract(content, include_comments=False, include_tables=False)
    if not text:
        raise ExtractionError("no article text found in this HTML")
    return text
