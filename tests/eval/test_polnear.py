"""Reading PolNeAR's brat files and finding the quoted part of a Content (eval/polnear.py)."""

import polnear
import pytest


def _article(tmp_path, text, ann):
    folder = tmp_path / "polnear" / "dev"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "a.ann").write_text(ann, encoding="utf-8")
    return polnear.read_article(tmp_path, "dev", "a")


def _span(text, phrase):
    start = text.index(phrase)
    return f"{start} {start + len(phrase)}"


def test_a_partial_quote_is_direct_and_only_its_marks_are_the_quoted_part(tmp_path):
    text = "Morris says the candidate has “always run a lean campaign.” Next."
    content = "the candidate has “always run a lean campaign.”"
    ann = (f"T1\tSource {_span(text, 'Morris')}\tMorris\n"
           f"T2\tCue {_span(text, 'says')}\tsays\n"
           f"T3\tContent {_span(text, content)}\t{content}\n"
           "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    att = _article(tmp_path, text, ann).attributions[0]
    assert att.direct and att.marks is polnear.Marks.DOUBLE
    (part,) = att.quoted_parts
    assert text[part.start:part.end] == "“always run a lean campaign.”"
    assert att.source.text == "Morris"


def test_fragments_joined_by_semicolon_and_a_missing_source(tmp_path):
    text = '"We will win," the crowd heard, "and soon."'
    a, b = text.index('"We'), text.index(',"') + 2
    c = text.index('"and')
    ann = (f"T1\tContent {a} {b};{c} {len(text)}\t{text[a:b]} {text[c:]}\n"
           "E1\tAttribution-no-source:T1 Content:T1\n")
    att = _article(tmp_path, text, ann).attributions[0]
    assert att.source is None
    assert [text[p.start:p.end] for p in att.quoted_parts] == ['"We will win,"', '"and soon."']


@pytest.mark.parametrize("content, direct", [
    ("Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP", True),  # a headline's single marks
    ("the Clintons’ plan for the ’90s economy", False),  # apostrophes only
    ("it will shift staff from its Baltimore headquarters", False),
])
def test_single_marks_count_only_as_a_pair(tmp_path, content, direct):
    ann = f"T1\tContent 0 {len(content)}\t{content}\nE1\tAttribution-no-source:T1 Content:T1\n"
    assert _article(tmp_path, content, ann).attributions[0].direct is direct


def test_an_absent_corpus_says_so(tmp_path):
    with pytest.raises(SystemExit, match="PolNeAR not found"):
        polnear.read_split(tmp_path, "dev")


def test_two_apostrophes_are_a_double_mark(tmp_path):
    content = "said it was ''a disgrace,'' and left"
    ann = f"T1\tContent 0 {len(content)}\t{content}\nE1\tAttribution-no-source:T1 Content:T1\n"
    att = _article(tmp_path, content, ann).attributions[0]
    assert att.marks is polnear.Marks.DOUBLE
    assert [content[p.start:p.end] for p in att.quoted_parts] == ["''a disgrace,''"]
