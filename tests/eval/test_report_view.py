"""Reading the analyser's JSON report back in code points (eval/report_view.py)."""

import report_view

from server.report import Finding, Quote, Report, Speaker
from server.spans import Span

TEXT = "😀 Fans cheered. “We won,” said a senior official. 😀 “Again,” he said."


def _report() -> dict:
    q1 = Span(TEXT.index("“We"), TEXT.index(" said"))
    sp1 = Span(TEXT.index("a senior"), TEXT.index(". 😀"))
    q2 = Span(TEXT.index("“Again"), TEXT.index(" he"))
    sp2 = Span(TEXT.index("he said"), TEXT.index("he said") + 2)
    quotes = [Quote(q1, Speaker("anonymous", sp1)), Quote(q2, Speaker("pronoun", sp2, "X"))]
    finding = Finding("quote", "quote.anonymous", "caution", q1, "unnamed")
    return Report(quotes, [], [finding], {}).to_json(TEXT)


def test_utf16_offsets_come_back_as_code_points():
    quotes = report_view.read_quotes(_report(), TEXT)
    first, second = quotes
    assert TEXT[first.range.start:first.range.end] == "“We won,”"
    assert TEXT[first.speaker.range.start:first.speaker.range.end] == "a senior official"
    assert TEXT[second.speaker.range.start:second.speaker.range.end] == "he"
    assert second.speaker.resolved == "X"


def test_findings_sit_on_their_quotation():
    first, second = report_view.read_quotes(_report(), TEXT)
    assert first.codes == {"quote.anonymous"} and not second.codes


def test_best_match_is_the_largest_overlap():
    quotes = report_view.read_quotes(_report(), TEXT)
    at = TEXT.index("Again")
    assert report_view.best_match(quotes, [(at, at + 3)]) is quotes[1]
    assert report_view.best_match(quotes, [(0, 3)]) is None
