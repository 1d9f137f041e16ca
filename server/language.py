"""Which language a text is in, decided before any English analysis runs.

Sourcemark reads English. A text that is surely in another language gets no findings at all (its
words would be read as English names: "Sénat" as a misspelled place, a Spanish quotation as
unattributed speech); a text that is too short or too mixed to tell is read as English, because
a short English text wrongly skipped would silently hide its warnings.

The identifier is py3langid (a maintained fork of langid.py: 97 languages, a 4 MB model that
ships in the wheel, well under a millisecond per paragraph). It is loaded once per process.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from . import deadline

ENGLISH = "en"

# The rule's thresholds, each with why.
# Fewer letters than this and a text is not judged at all: langid's verdict on a headline or a
# one-line test text is close to chance ("Warm-up text from Kyiv." scores 0.30 for English).
MIN_LETTERS = 200
# Below this normalised probability the whole-text verdict is "unsure" and the text is read as
# English; on real pages in other languages the verdict is above 0.999, on English news 1.0.
MIN_CONFIDENCE = 0.95
# Mixed pages: a paragraph with at least this many letters gets its own verdict ...
MIN_PARAGRAPH_LETTERS = 60
# ... and a text whose whole verdict is another language is still read as English when at least
# this share of its judged letters sits in English paragraphs (an English article quoting a long
# passage in French stays English; a French page with an English caption does not).
MIN_ENGLISH_SHARE = 0.5
# A text at least this share of whose words are English function words (spaCy's English stop
# list) is read as English whatever the identifier says: English news has 0.29-0.6 (PolNeAR dev),
# the six real pages in other languages 0.006-0.08, and a list of foreign place names joined by
# English words ("near X and Y, the city of Z"), which langid takes for Bikol, 0.31.
MIN_ENGLISH_FUNCTION_WORDS = 0.2
# The identifier's normalised probability falls as a text grows (a French sentence repeated to
# 192,000 characters scores 0.41), so the whole-text verdict is taken on the text's first
# characters, which a real article page fills with its own prose ...
SAMPLE_CHARS = 5000
# ... and the function words are counted, and the paragraphs judged one by one, in the first
# characters too (the cost of a hostile 200,000-character text stays that of an article).
PARAGRAPHS_SAMPLE_CHARS = 20000

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


@dataclass(frozen=True)
class Language:
    """The verdict on one text: `code` is the ISO 639-1 code the identifier found, `confidence`
    its normalised probability, and `english` whether
    Sourcemark reads the text (English, or not surely anything else)."""

    code: str
    confidence: float
    english: bool
    reason: str  # why: "english", "too_short", "unsure", "english_words", "mostly_english", "other_language"

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "confidence": round(self.confidence, 4),
            "reason": self.reason,
        }


_identifier = None
_lock = threading.Lock()


def _classify(text: str) -> tuple[str, float]:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    code, prob = _identifier.classify(text)
    return code, float(prob)


def letters(text: str) -> int:
    return len(_LETTER.findall(text))


def english_function_words(text: str) -> float:
    """The share of the text's words that are English function words ("the", "of", "said", …)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text)
    return sum(w.lower() in STOP_WORDS for w in words) / len(words) if words else 0.0


def english_share(text: str) -> float:
    """The share of letters, among paragraphs long enough to judge, in paragraphs judged English."""
    judged = english = 0
    for paragraph in _PARAGRAPH_BREAK.split(text[:PARAGRAPHS_SAMPLE_CHARS]):
        deadline.check()
        n = letters(paragraph)
        if n < MIN_PARAGRAPH_LETTERS:
            continue
        judged += n
        if _classify(paragraph)[0] == ENGLISH:
            english += n
    return english / judged if judged else 0.0


def identify(text: str) -> Language:
    """Decide whether Sourcemark reads `text`, and say which language it saw."""
    code, confidence = _classify(text[:SAMPLE_CHARS])
    if code == ENGLISH:
        return Language(code, confidence, True, "english")
    if letters(text) < MIN_LETTERS:
        return Language(code, confidence, True, "too_short")
    if confidence < MIN_CONFIDENCE:
        return Language(code, confidence, True, "unsure")
    if english_function_words(text[:PARAGRAPHS_SAMPLE_CHARS]) >= MIN_ENGLISH_FUNCTION_WORDS:
        return Language(code, confidence, True, "english_words")
    if english_share(text) >= MIN_ENGLISH_SHARE:
        return Language(code, confidence, True, "mostly_english")
    return Language(code, confidence, False, "other_language")
