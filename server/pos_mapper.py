"""A fast stand-in for the model's attribute_ruler, keeping only what sets part-of-speech.

The small English model's tagger predicts fine-grained tags (NNP, VBD…) and its
`attribute_ruler` maps them to coarse parts of speech (PROPN, VERB…) through a Matcher over 179
patterns, most of which only set lemmas and morphology that nothing here reads; it costs ~10% of
the pipeline. This component reads the same patterns from the loaded model, keeps those that set
POS, indexes them by tag, and applies them on integer arrays in the ruler's order, so that
`token.pos_` comes out exactly as the ruler would set it, at a fraction of the cost.

One deliberate difference: the small model tags emoji and other symbols (no letter or digit, a
symbol character) as nouns ("🙏 said one official" makes 🙏 the speaker); those become SYM here.
"""

from __future__ import annotations

import unicodedata

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

FAST_POS = "sourcemark_fast_pos"
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
NOUNISH_IDS = frozenset(POS_IDS[name] for name in ("PROPN", "NOUN", "PRON", "X"))
SYM_ID = POS_IDS["SYM"]


def _is_symbol(text: str) -> bool:
    """Emoji, flags, dingbats: symbol characters (So, Sk) and no letter or digit."""
    return not any(ch.isalnum() for ch in text) and any(
        unicodedata.category(ch) in ("So", "Sk") for ch in text
    )


class FastPosMapper:
    """Sets token.pos from tags with the model's own attribute_ruler rules (POS rules only)."""

    def __init__(self, ruler_patterns: list[dict], strings):
        self.strings = strings
        # A rule is (order, tests, pos id); a test is (relative position, column, kind, values).
        self.by_tag: dict[int, list] = {}
        self.general: list = []
        for order, entry in enumerate(ruler_patterns):
            pos = entry["attrs"].get("POS")
            if pos is None:
                continue
            for pattern in entry["patterns"]:
                target = entry.get("index", 0)
                tests = [
                    (position - target, COLUMNS[attr], *self._compile(attr, spec))
                    for position, token_spec in enumerate(pattern)
                    for attr, spec in token_spec.items()
                ]
                rule = (order, tests, POS_IDS[pos])
                tag = pattern[target].get("TAG")
                if isinstance(tag, str):
                    self.by_tag.setdefault(strings.add(tag), []).append(rule)
                else:
                    self.general.append(rule)
        self._rules: dict[int, list] = {}

    def _compile(self, attr: str, spec):
        def key(value):
            return int(value) if attr == "IS_SPACE" else self.strings.add(value)

        if isinstance(spec, dict):
            if "IN" in spec:
                return True, frozenset(key(v) for v in spec["IN"])
            return False, frozenset(key(v) for v in spec["NOT_IN"])
        return True, frozenset([key(spec)])

    def rules_for(self, tag: int) -> list:
        rules = self._rules.get(tag)
        if rules is None:
            rules = sorted(self.by_tag.get(tag, []) + self.general, key=lambda rule: rule[0])
            self._rules[tag] = rules
        return rules

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        n = len(rows)
        pos = doc.to_array([POS]).reshape(-1).tolist()
        for i, row in enumerate(rows):
            for _, tests, rule_pos in self.rules_for(row[0]):
                for offset, column, inside, values in tests:
                    j = i + offset
                    if not 0 <= j < n or ((rows[j][column] in values) != inside):
                        break
                else:
                    pos[i] = rule_pos  # a later rule overrides an earlier one, as in the ruler
        for i, token in enumerate(doc):
            if pos[i] in NOUNISH_IDS and _is_symbol(token.text):
                pos[i] = SYM_ID
        doc.from_array([POS], numpy.asarray(pos, dtype="uint64").reshape(-1, 1))
        return doc


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute_ruler for the fast POS mapper built from its patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    mapper = FastPosMapper(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab.strings)
    nlp.add_pipe(FAST_POS, before="attribute_ruler").mapper = mapper
    nlp.remove_pipe("attribute_ruler")


@Language.factory(FAST_POS)
def make_fast_pos(nlp: Language, name: str):
    return _FastPosComponent()


class _FastPosComponent:
    """The pipeline component; its mapper comes from the replaced ruler's patterns."""

    mapper: FastPosMapper | None = None

    def __call__(self, doc: Doc) -> Doc:
        return self.mapper(doc) if self.mapper else doc
