"""The analysis core: one pipeline, the components it needs, paragraph breaks, robust input."""

from __future__ import annotations

import pytest
import spacy

from server.config import DEFAULT_MODEL
from server.pipeline import load_nlp, sanitize
from tests.conftest import FIXTURES, assert_spans_match


def test_pipeline_leaves_out_what_the_analyses_do_not_read(analyzer):
    names = analyzer.nlp.pipe_names
    assert "lemmatizer" not in names and "attribute_ruler" not in names
    assert {"tagger", "parser", "ner"} <= set(names)


def test_fast_pos_mapper_gives_the_attribute_rulers_parts_of_speech(analyzer):
    reference = spacy.load(DEFAULT_MODEL, exclude=["lemmatizer"])
    text = (FIXTURES / "seed" / "sevsk-article.txt").read_text(encoding="utf-8")
    text += "\nThere is nothing that he didn't do, but I'd say it's gonna be hard for 'em."
    ours = [(t.text, t.pos_) for t in analyzer.nlp(text)]
    theirs = [(t.text, t.pos_) for t in reference(text)]
    assert ours == theirs


def test_every_line_break_starts_a_sentence():
    nlp = load_nlp()
    doc = nlp("He said it was over and\nthe troops left the town")
    starts = [sent.text.strip() for sent in doc.sents]
    assert starts == ["He said it was over and", "the troops left the town"]


def test_lone_surrogates_are_replaced_one_for_one():
    text = "a\ud800b\udfffc"
    clean = sanitize(text)
    assert len(clean) == len(text)
    clean.encode("utf-8")
    assert sanitize("plain") == "plain"


def test_analyze_survives_odd_text(analyzer):
    odd = [
        "“" * 500,
        "\"" * 501 + " said nobody",
        "‘’" * 300,
        "\u200f\u202e" + "שלום" * 50 + " “quoted” ",
        "e\u0301" * 1000,
        "🇺🇦" * 400 + " Kyiv",
        "\x00\x01\x02 control \x7f characters",
        "\n" * 1000,
        "Word. " * 5000,
    ]
    for text in odd:
        report = analyzer.analyze_json(text)
        assert_spans_match(text, report)


def test_emoji_are_symbols_not_speakers(analyzer):
    doc = analyzer.nlp("“We hold,” 🙏 said one official. Prices rose 5% - again 🇺🇦.")
    assert {t.text: t.pos_ for t in doc if not t.text.isalnum()}["🙏"] == "SYM"
    assert [t.pos_ for t in doc if t.text == "-"] != ["SYM"]


def test_parse_one_component_at_a_time_is_nlp_of_the_text(analyzer, seed_text):
    ours, theirs = analyzer.parse(seed_text), analyzer.nlp(seed_text)
    assert [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in ours] == [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_type_, t.is_sent_start) for t in theirs
    ]


def test_the_deadline_is_checked_between_the_pipeline_components(analyzer, seed_text):
    from server import deadline

    with deadline.limit(1e-9), pytest.raises(deadline.AnalysisTimeout):
        analyzer.analyze(seed_text)
