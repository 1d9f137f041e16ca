"""Write the quotation analysis's general person-noun list from WordNet 3.0
(server/data/quotes/wordnet_person_nouns.tsv).

    apt-get install wordnet-base        # Debian's WordNet 3.0 (1:3.0-37), /usr/share/wordnet
    # or, without installing: apt-get download wordnet-base && dpkg -x wordnet-base_*.deb DIR
    .venv/bin/python tools/wordnet_quote_nouns.py [--wordnet DIR/usr/share/wordnet]

Run by hand when the data is to be regenerated, never by the server: the analysis reads the
committed file only. A one-word English noun is listed when its first (most frequent) WordNet
sense lies in the lexicographer file noun.person and is written in lower case there
("columnist", "rabbi", "colleague", "narrator"; not "Matthew" or "Aaron", names that
index.noun lower-cases); an irregular plural of a listed noun from WordNet's noun.exc
("children", "alumni") gets a row `plural<TAB>singular`. The list is WordNet's by this rule
alone: no word is added or removed by hand and none comes from a corpus. The label rule of the
evaluation has its own list (eval/wordnet_person_nouns.py), so the labels never read the
analyser's data.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wordnet_files import NOUN_PERSON, WORDNET, noun_exceptions, noun_index, noun_synsets

OUT = Path(__file__).resolve().parents[1] / "server" / "data" / "quotes" / "wordnet_person_nouns.tsv"

NOTICE = """\
# General person nouns from WordNet 3.0, written by tools/wordnet_quote_nouns.py from Debian's
# wordnet-base 1:3.0-37 (no hand edits): one noun a line, or an irregular plural<TAB>its
# singular. Read by server/quotes/lexicon.py for head nouns person_nouns.tsv lacks.
#
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# Permission to use, copy, modify and distribute this software and database and its
# documentation for any purpose and without fee or royalty is hereby granted, provided that you
# agree to comply with the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and documentation, including
# modifications that you make for internal use or for distribution.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# The name of Princeton University or Princeton may not be used in advertising or publicity
# pertaining to distribution of the software and/or database. Title to copyright in this
# software, database and any associated documentation shall at all times remain with Princeton
# University and LICENSEE agrees to preserve same. (WORDNET-LICENSE.txt beside this file.)
"""


def person_nouns(wordnet: Path = WORDNET) -> list[str]:
    synsets = noun_synsets(wordnet)
    words = []
    for lemma, offsets in noun_index(wordnet):
        if not lemma.isalpha():
            continue  # multi-word entries, abbreviations with dots
        first = synsets[offsets[0]]
        if first.lexfile == NOUN_PERSON and lemma in first.lemmas:
            words.append(lemma)
    return sorted(words)


def irregular_plurals(wordnet: Path, listed: set[str]) -> dict[str, str]:
    """plural → singular for the listed nouns' irregular plurals (noun.exc)."""
    return {
        plural: base
        for plural, base in noun_exceptions(wordnet)
        if plural.isalpha() and plural not in listed and base in listed
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words = person_nouns(args.wordnet)
    plurals = irregular_plurals(args.wordnet, set(words))
    rows = words + [f"{p}\t{s}" for p, s in sorted(plurals.items())]
    args.out.write_text(NOTICE + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(words)} person nouns and {len(plurals)} irregular plurals written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
