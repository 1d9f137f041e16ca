"""Place-name normalisation: the lookup key of a name, a division's core name, and the skeleton
that folds romanisation differences.

    normalize("Sevs'k")              -> "sevsk"
    admin_core("Donetsk Oblast")     -> "donetsk"
    translit_skeleton("khan younis") == translit_skeleton("khan yunis")
    romanised_country("UA")          -> True (Cyrillic: "Sinkivka" and "Synkivka" are both right)
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import datafiles

_FOLD = str.maketrans(
    {
        "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ł": "l", "Ł": "l", "đ": "d",
        "Đ": "d", "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d", "ħ": "h",
        "’": "", "'": "", "ʻ": "", "ʼ": "", "`": "", "´": "", "‘": "", "ʹ": "",
        "-": " ", "‐": " ", "–": " ", ".": " ", ",": " ", "_": " ", "/": " ",
    }
)
_LATIN_KEY = re.compile(r"^[a-z0-9 ]+$")


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """The lookup key of a name: case, accents, apostrophes, hyphens and dots folded away.

    "SevSk", "SEVSK" and "Sevs'k" all give "sevsk"; "Ivano-Frankivsk" gives "ivano frankivsk".
    """
    folded = unicodedata.normalize("NFKD", name.translate(_FOLD))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return " ".join(folded.split())


def is_latin_key(key: str) -> bool:
    """A key in plain Latin letters (and digits), with at least one letter."""
    return bool(_LATIN_KEY.match(key)) and any(ch.isalpha() for ch in key)


@lru_cache(maxsize=None)
def _admin_type_words() -> tuple[str, ...]:
    return tuple(sorted({normalize(w) for w in datafiles.ordered("gazetteer/admin_type_words.txt")}, key=len, reverse=True))


def admin_core(name: str) -> str:
    """"Donetsk Oblast" -> "donetsk"; "Republic of Tyva" -> "tyva"; "Maule Region" -> "maule"."""
    key = normalize(name)
    changed = True
    while changed:
        changed = False
        for w in _admin_type_words():
            if key.endswith(" " + w):
                key, changed = key[: -len(w) - 1], True
            elif key.startswith(w + " "):
                key, changed = key[len(w) + 1 :], True
    return key


def translit_skeleton(key: str) -> str:
    """A key with the usual romanisation differences folded: "Synkivka" = "Sinkivka",
    "Deir al-Balah" = "Dayr al Balah", "Khan Younis" = "Khan Yunis". Doubled letters stay:
    "Severodonnetsk" is not a spelling of Severodonetsk."""
    articles = datafiles.words("gazetteer/name_articles.txt")
    s = "".join("al" if w in articles else w for w in key.split())
    for row in datafiles.rows("gazetteer/transliteration.tsv"):
        s = s.replace(row[0], row[1])
    return s


def romanised_country(country_code: str) -> bool:
    """Are the place names of this country romanised from another script (CLDR's likely script
    for it is not Latin: data/gazetteer/romanised_countries.tsv)? There two spellings of one name
    are both right ("Sinkivka", "Synkivka"); a town of a Latin-script country has one spelling
    ("Cincinnati": "Cincinnaty" is a typo)."""
    return country_code in _romanised_countries()


@lru_cache(maxsize=1)
def _romanised_countries() -> frozenset[str]:
    return frozenset(row[0] for row in datafiles.rows("gazetteer/romanised_countries.tsv"))
