"""The report's JSON form: bounded in size and count, warnings first, and what was cut said."""

from __future__ import annotations

import json

from server.report import REPORT_LIMITS, Finding, Place, Quote, Report, ReportLimits, Speaker, dumps
from server.spans import Span
from tests.conftest import assert_spans_match

META = {"version": "test", "model": "test", "gazetteer": "test"}
QUOTE = "“a” "


def quotation_storm(count: int) -> tuple[str, Report]:
    """`count` short curly quotations, each unattributed, and a warned-about place at the end."""
    text = QUOTE * count + "Severodonnetsk."
    quotes, findings = [], []
    for i in range(count):
        span = Span(i * len(QUOTE), i * len(QUOTE) + 3)
        quotes.append(Quote(span, Speaker("none")))
        findings.append(
            Finding("quote", "quote.unattributed", "caution", span, "No speaker is named.", {"reason": "none"})
        )
    place = Span(len(text) - 15, len(text) - 1)
    findings.append(Finding("place", "place.misspelled", "warning", place, "Misspelled?", {"suggestions": []}))
    places = [Place(place, "suspect")]
    return text, Report(quotes=quotes, places=places, findings=findings, meta=dict(META))


def test_49000_short_quotations_give_a_report_under_ten_times_the_text():
    text, report = quotation_storm(49_000)
    answer = report.to_json(text)
    size = len(dumps(answer).encode("utf-8"))
    assert size <= 10 * len(text.encode("utf-8"))
    truncated = answer["meta"]["truncated"]
    assert truncated["quotes"] == 49_000 - len(answer["quotes"]) > 0
    assert truncated["findings"] == 49_001 - len(answer["findings"]) > 0
    assert truncated["places"] == 0
    assert answer["summary"]["quotes"] == 49_000, "the summary still counts everything"
    assert_spans_match(text, answer)


def test_warnings_are_kept_before_cautions_and_the_lists_stay_in_text_order():
    text, report = quotation_storm(49_000)
    answer = report.to_json(text)
    assert [f["code"] for f in answer["findings"] if f["severity"] == "warning"] == ["place.misspelled"]
    assert answer["places"] and answer["places"][0]["status"] == "suspect"
    offsets = [f["offset"] for f in answer["findings"]]
    assert offsets == sorted(offsets)



def test_the_count_limits_cut_each_list():
    text, report = quotation_storm(300)
    limits = ReportLimits(max_findings=10, max_quotes=20, max_places=0, min_chars=10**9)
    answer = report.to_json(text, limits)
    assert len(answer["findings"]) == 10 and len(answer["quotes"]) == 20 and answer["places"] == []
    assert answer["meta"]["truncated"] == {"findings": 291, "quotes": 280, "places": 1}
    assert "warning" in {f["severity"] for f in answer["findings"]}
    # The quotations kept first are those a kept finding is about.
    warned = {f["offset"] for f in answer["findings"] if f["type"] == "quote"}
    assert warned <= {q["offset"] for q in answer["quotes"]}


def test_an_ordinary_report_is_whole_and_says_nothing_of_truncation():
    text, report = quotation_storm(20)
    answer = report.to_json(text)
    assert len(answer["quotes"]) == 20 and len(answer["findings"]) == 21
    assert "truncated" not in answer["meta"]


def test_the_seed_article_is_far_inside_the_limits(analyzer, seed_text):
    answer = analyzer.analyze_json(seed_text)
    assert "truncated" not in answer["meta"]
    assert len(answer["findings"]) < REPORT_LIMITS.max_findings


def test_dumps_writes_utf8_and_escapes_only_when_a_lone_surrogate_needs_it():
    assert dumps({"text": "Київ"}) == '{"text":"Київ"}'
    escaped = dumps({"text": "Київ \ud800"})
    escaped.encode("utf-8")  # would raise with the raw surrogate
    assert json.loads(escaped) == {"text": "Київ \ud800"}
