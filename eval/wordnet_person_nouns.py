"""Write the label rule's general person-noun list from WordNet 3.0 (eval/quotes/wordnet_person_nouns.txt).

    apt-get install wordnet-base                   # Debian's WordNet 3.0 (1:3.0-37), /usr/share/wordnet
    .venv/bin/python eval/wordnet_person_nouns.py  # regenerates the committed list

A one-word, lower-case English noun is listed when its first (most frequent) WordNet sense lies
in the lexicographer file noun.person (18): "editor", "columnist", "rabbi", "colleague". The
list is general vocabulary, made by this rule alone: no word is added or removed by hand, none
is taken from the corpus. `source_labels.py` reads it for head nouns its own table
(`role_nouns.tsv`) lacks; the analyser never reads it (the labels stay independent of it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# The WordNet file reader the analyser's generator shares (it reads WordNet only).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from wordnet_files import NOUN_PERSON, WORDNET, noun_index, noun_synsets  # noqa: E402

OUT = Path(__file__).resolve().parent / "quotes" / "wordnet_person_nouns.txt"

NOTICE = """\
# One-word English nouns whose first WordNet sense is a person (noun.person), made by
# eval/wordnet_person_nouns.py from WordNet 3.0 (Debian wordnet-base 1:3.0-37); no hand edits.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION,
# PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR
# ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL
# NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.
# (Full licence: /usr/share/doc/wordnet-base/copyright.)
"""


def person_nouns(wordnet: Path = WORDNET) -> list[str]:
    synsets = noun_synsets(wordnet)
    words = []
    for lemma, offsets in noun_index(wordnet):
        if not lemma.isalpha() or not lemma.islower():
            continue  # multi-word entries, names, abbreviations
        if synsets[offsets[0]].lexfile == NOUN_PERSON:
            words.append(lemma)
    return sorted(words)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wordnet", type=Path, default=WORDNET)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words = person_nouns(args.wordnet)
    args.out.write_text(NOTICE + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} nouns written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
