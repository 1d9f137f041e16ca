"""Where a long text is cut for the pipeline, and that the joined Doc is still the text."""

from __future__ import annotations

from server import chunks


def covers(text: str, bounds: list[tuple[int, int]]) -> bool:
    return "".join(text[a:b] for a, b in bounds) == text and all(a < b for a, b in bounds)


def test_an_ordinary_article_is_one_chunk_and_one_piece(seed_text):
    assert chunks.chunks(seed_text) == [(0, len(seed_text))]
    assert chunks.pieces(seed_text) == [(0, len(seed_text))]


def test_a_long_text_is_cut_after_line_breaks_when_it_has_them():
    text = ("A paragraph of prose, long enough. " * 40 + "\n") * 200
    bounds = chunks.chunks(text, size=10_000)
    assert covers(text, bounds) and len(bounds) > 1
    assert all(text[b - 1] == "\n" for _, b in bounds[:-1])
    assert all(b - a <= 10_000 for a, b in bounds)


def test_one_giant_paragraph_is_cut_after_a_sentence_end():
    text = "He said the town was lost. " * 2_000
    bounds = chunks.chunks(text, size=10_000)
    assert covers(text, bounds) and len(bounds) > 1
    assert all(text[:b].endswith(". ") for _, b in bounds[:-1])


def test_a_text_with_no_break_at_all_is_cut_anyway():
    text = "x" * 25_000
    bounds = chunks.chunks(text, size=10_000)
    assert covers(text, bounds) and max(b - a for a, b in bounds) <= 10_000


def test_only_runs_longer_than_the_limit_are_tokenized_in_pieces():
    url = "https://example.org/" + "a" * 150
    assert chunks.pieces(f"See {url} today.") == [(0, len(url) + 11)]
    storm = '"' * 1_000
    text = f"Before {storm} after"
    bounds = chunks.pieces(text)
    assert covers(text, bounds)
    assert len(bounds) == 1_000 // chunks.PIECE
    assert max(b - a for a, b in bounds) <= len("Before ") + chunks.PIECE + len(" after")


def test_the_parsed_pieces_and_chunks_join_into_the_text(analyzer):
    text = ('"' * 3_000 + " Troops left Kyiv.\n") * 3 + "The town, he said, was lost. " * 2_000
    doc = analyzer.parse(text)
    assert doc.text == text
    assert [t.text for t in doc[:3]] == ['"', '"', '"']
    assert doc.has_annotation("TAG") and doc.has_annotation("DEP")
    assert sum(1 for _ in doc.sents) > 1_000, "the prose after the storms is parsed into its sentences"
