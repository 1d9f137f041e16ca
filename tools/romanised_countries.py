"""Write the list of countries whose place names are romanised from another script
(server/data/gazetteer/romanised_countries.tsv), from the Unicode CLDR data that Babel ships.

    .venv/bin/python tools/romanised_countries.py

Run by hand when the data is to be regenerated, never by the server: the analysis reads the
committed file only. A country is listed when the script CLDR gives as its likely one
(`likely_subtags` of "und_XX"; a territory CLDR leaves to the default takes the likely script of
its most spoken official language) is not Latin: its towns' names reach English text through a
romanisation, so two spellings of one name ("Sinkivka", "Synkivka") are both right there, while a
name of a Latin-script country is written one way ("Cincinnati", not "Cincinnaty"). No country
is added or removed by hand.
"""

from __future__ import annotations

from pathlib import Path

import babel
from babel.core import get_global

OUT = Path(__file__).resolve().parents[1] / "server" / "data" / "gazetteer" / "romanised_countries.tsv"
OFFICIAL = ("official", "de_facto_official")


def likely_script(territory: str) -> str:
    likely = get_global("likely_subtags")
    tag = likely.get(f"und_{territory}")
    if tag is None:  # a territory left to the default: its most spoken official language's script
        langs = get_global("territory_languages").get(territory, {})
        official = [
            (info.get("population_percent", 0), lang) for lang, info in langs.items()
            if info.get("official_status") in OFFICIAL
        ]
        if not official:
            return "Latn"
        lang = max(official)[1]
        tag = lang if "_" in lang and len(lang.split("_")[1]) == 4 else likely.get(lang.split("_")[0], "und_Latn")
    parts = tag.split("_")
    return next((p for p in parts[1:] if len(p) == 4), "Latn")


def main() -> None:
    territories = sorted(
        t for t in get_global("territory_languages")
        if len(t) == 2 and t.isalpha() and t.isupper()
    )
    rows = [(t, likely_script(t)) for t in territories]
    lines = [
        "# Countries whose place names are romanised from another script: ISO 3166-1 code<TAB>the",
        "# script CLDR gives as the country's likely one. Written by tools/romanised_countries.py from",
        f"# the Unicode CLDR data of Babel {babel.__version__} (no hand edits). Read by",
        "# server/gazetteer/names.py: another romanisation of a town's name is that town only here.",
        "#",
        "# Unicode CLDR data: Copyright (c) Unicode, Inc., distributed under the Unicode License",
        "# (https://www.unicode.org/license.txt).",
    ]
    lines += [f"{t}\t{s}" for t, s in rows if s != "Latn"]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{sum(s != 'Latn' for _, s in rows)} of {len(rows)} territories written to {OUT}")


if __name__ == "__main__":
    main()
