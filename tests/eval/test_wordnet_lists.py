"""The two WordNet person-noun generators (the analyser's and the label rule's) read one tiny
WordNet of our own through tools/wordnet_files.py and apply their own rules to it."""

import sys
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parents[2] / "tools"
if str(TOOLS) not in sys.path:
    sys.path.insert(0, str(TOOLS))

import wordnet_files  # noqa: E402
import wordnet_person_nouns as label_rule  # noqa: E402  (eval/, by tests/eval/conftest.py)
import wordnet_quote_nouns as analyser_rule  # noqa: E402

# Offsets are the synsets' byte positions in a real data.noun; here any distinct numbers do.
DATA = """\
  1 This software and database is being provided to you, the LICENSEE, by
  2 Princeton University under the following license.
00000100 18 n 02 editor 0 redactor 0 000 | a person who edits
00000200 18 n 01 Matthew 0 000 | an Apostle
00000300 06 n 01 editor 0 000 | a program that edits text
00000400 18 n 01 child 0 000 | a young person
00000500 05 n 01 matthew_effect 0 000 | not a person
"""
INDEX = """\
  1 This software and database is being provided to you, the LICENSEE, by
editor n 2 1 @ 2 0 00000100 00000300
matthew n 1 1 @ 1 0 00000200
child n 1 1 @ 1 0 00000400
redactor n 1 1 @ 1 0 00000100
software_editor n 1 1 @ 1 0 00000300
"""
EXC = "children child\nmice mouse\n"


@pytest.fixture
def wordnet(tmp_path):
    (tmp_path / "data.noun").write_text(DATA, encoding="latin-1")
    (tmp_path / "index.noun").write_text(INDEX, encoding="latin-1")
    (tmp_path / "noun.exc").write_text(EXC, encoding="latin-1")
    return tmp_path


def test_reader_skips_the_licence_and_keeps_the_sense_order(wordnet):
    synsets = wordnet_files.noun_synsets(wordnet)
    assert synsets[100] == wordnet_files.Synset(18, frozenset({"editor", "redactor"}))
    assert synsets[200].lemmas == frozenset({"Matthew"})
    index = dict(wordnet_files.noun_index(wordnet))
    assert index["editor"] == [100, 300]
    assert list(wordnet_files.noun_exceptions(wordnet)) == [("children", "child"), ("mice", "mouse")]


def test_analyser_list_leaves_out_names_the_index_lower_cases(wordnet):
    words = analyser_rule.person_nouns(wordnet)
    assert words == ["child", "editor", "redactor"]
    assert analyser_rule.irregular_plurals(wordnet, set(words)) == {"children": "child"}


def test_label_list_keeps_its_own_rule(wordnet):
    # The label rule checks the index's lower-cased lemma only, so "matthew" is in (a known
    # limit of the frozen labels, kept as it is); multi-word entries are out for both.
    assert label_rule.person_nouns(wordnet) == ["child", "editor", "matthew", "redactor"]
