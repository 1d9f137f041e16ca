"""Pathological texts near the 200,000-character limit, for the hostile-input tests and bench.

Each is what a hostile page or a careless client could send: storms of every quote mark,
unclosed and unbalanced quotes, one giant paragraph, thousands of capitalised words, place lists,
region claims and speech verbs, lines of one word, emoji and combining marks, right-to-left
text, control characters, NULs and lone surrogates. Every text stays under the request limits
when sent as UTF-8 JSON, so that it reaches the analysis rather than a 413.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable
from pathlib import Path

SEED_ARTICLE = Path(__file__).parent / "fixtures" / "seed" / "sevsk-article.txt"

# A little under the 200,000-character limit, so that every text is accepted.
TARGET_CHARS = 199_000


def _fill(unit: str | Callable[[int], str], target: int = TARGET_CHARS) -> str:
    """Repeat `unit` (or call it with a counter) until the text is about `target` long."""
    parts: list[str] = []
    size = 0
    i = 0
    while True:
        piece = unit(i) if callable(unit) else unit
        if size + len(piece) > target:
            break
        parts.append(piece)
        size += len(piece)
        i += 1
    return "".join(parts)


def _names(seed: int) -> Callable[[int], str]:
    """Capitalised made-up words, none of them a real word or place."""
    rng = random.Random(seed)

    def name(_: int) -> str:
        return rng.choice(string.ascii_uppercase) + "".join(
            rng.choice("aeiouxyzkvbrtln") for _ in range(rng.randint(5, 8))
        )

    return name


def _random_marks(seed: int) -> str:
    rng = random.Random(seed)
    pieces = ["“", "”", "‘", "’", '"', "'", "«", "»", "''", " ", "word ", "said ", "\n"]
    return _fill(lambda _: rng.choice(pieces))


def seed_article() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


def _giant_paragraph() -> str:
    prose = seed_article().replace("\n", " ") + " "
    return _fill(prose)


def _place_lists() -> str:
    name = _names(3)
    return _fill(lambda _: f"in {name(0)}, {name(0)} and {name(0)}. ")


def _place_pairs() -> str:
    name = _names(4)
    return _fill(lambda _: f"in {name(0)}, ")


def _region_claims() -> str:
    name = _names(5)
    regions = ["the Donetsk region", "Bryansk Oblast", "eastern Ukraine", "the Donbas", "Crimea"]
    return _fill(lambda i: f"{name(0)}, located in {regions[i % len(regions)]}. The city, in {regions[(i + 1) % 5]}, fell.\n")


def _capitalised() -> str:
    name = _names(2)
    return _fill(lambda _: name(0) + " ")


def _one_word_lines() -> str:
    words = ["Kyiv", "Sevsk", "said", "Officials", "“Yes”", "Donbas", "Pushilin", "Ukraine’s"]
    return "".join(f"{words[i % len(words)]}\n" for i in range(27_000))


def _control_characters() -> str:
    controls = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\n\r\t")
    return _fill(lambda i: f"word{controls[i % len(controls)]} “quote{controls[(i + 3) % len(controls)]}” said Kyiv ")


# name -> builder; each builder returns the text (built on demand, some take a moment).
HOSTILE_TEXTS: dict[str, Callable[[], str]] = {
    "straight quote marks only": lambda: '"' * TARGET_CHARS,
    "curly opening quotes only": lambda: "“" * TARGET_CHARS,
    "curly closing quotes only": lambda: "”" * TARGET_CHARS,
    "49,000 short curly quotations": lambda: "“a” " * 49_000,
    "short straight quotations": lambda: _fill('"a" '),
    "short single curly quotations": lambda: _fill("‘a’ "),
    "short guillemet quotations": lambda: _fill("«a» "),
    "newspaper two-apostrophe quotations": lambda: _fill("''a'' "),
    "unbalanced mix of every mark": lambda: _random_marks(1),
    "unclosed quote in every paragraph": lambda: _fill("“They will never take the city, he said\n"),
    "split quotes with speakers": lambda: _fill("“We will hold,” Pushilin said. “We will win.” "),
    "nested quotes": lambda: _fill("“He told me ‘they said “no” to «this»’ today” "),
    "one giant paragraph of prose": _giant_paragraph,
    "capitalised made-up words": _capitalised,
    "place lists (in X, Y and Z)": _place_lists,
    "place pairs (in X,)": _place_pairs,
    "region claims": _region_claims,
    "speech verbs": lambda: _fill("said told stated added according to "),
    "anonymous speakers": lambda: _fill("a senior official who spoke on condition of anonymity said "),
    "27,000 one-word lines": _one_word_lines,
    "emoji and skin tones": lambda: _fill("👍🏽🇺🇦 “ok” "),
    "combining marks": lambda: _fill("e\u0301\u0302\u0303\u0304 Kyi\u0301v "),
    "right-to-left text": lambda: _fill("שלום עליכם \u202e“מרכאות” قال المسؤول «اقتباس» "),
    "control characters": _control_characters,
    "NUL characters": lambda: _fill("word\x00 “q\x00” "),
    "lone surrogates": lambda: _fill("\ud800 “w\udfff” said \udc00 "),
    "one 199,000-letter word": lambda: "a" * TARGET_CHARS,
}


def hostile_texts() -> dict[str, str]:
    return {name: build() for name, build in HOSTILE_TEXTS.items()}


def request_body(text: str) -> bytes:
    """The analyze request for `text` as UTF-8 JSON (lone surrogates as \\uXXXX escapes)."""
    import json

    return json.dumps({"text": text}, ensure_ascii=False).encode("utf-8", "backslashreplace")
