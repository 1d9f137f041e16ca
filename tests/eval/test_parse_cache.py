"""The parse cache of eval_quotes.py --parse-cache (eval/parse_cache.py): a parse read back from
the folder gives the same report as a fresh one, and a change of parsing code is a new key."""

from __future__ import annotations

import parse_cache
from parse_cache import ParseCache

TEXT = ("“We will not leave,” a senior official said on Monday. Gov. Jane Roe, a former judge, "
        "said: “The roads are open.”\n\nShe added, “Nobody told us.” Residents of Sevsk, a town "
        "in Bryansk Oblast, were calm.")


def test_a_cached_parse_gives_the_same_report(analyzer, tmp_path):
    cache = ParseCache(tmp_path, analyzer)
    parse = cache.wrap(analyzer.parse)
    fresh = parse(TEXT)  # parsed and stored
    again = parse(TEXT)  # read back
    assert (cache.misses, cache.hits) == (1, 1)
    assert again is not fresh and again.text == TEXT and not again.user_data
    cols = lambda d: [(t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.ent_iob_,
                       t.ent_type_, t.is_sent_start, str(t.morph)) for t in d]
    assert cols(again) == cols(fresh)
    before = analyzer.parse
    try:
        analyzer.parse = parse  # Analyzer.analyze parses through self.parse
        cached_report = analyzer.analyze_json(TEXT)
    finally:
        analyzer.parse = before
    assert cached_report == analyzer.analyze_json(TEXT)
    assert cached_report["findings"]  # the text does raise findings: the check compares something


def test_the_key_follows_the_parsing_code(analyzer, tmp_path, monkeypatch):
    key = parse_cache.context_key(analyzer)
    assert parse_cache.context_key(analyzer) == key
    changed = tmp_path / "pipeline.py"
    changed.write_text("# another parse\n", encoding="utf-8")
    monkeypatch.setattr(parse_cache, "PARSE_CODE", (str(changed),))
    assert parse_cache.context_key(analyzer) != key
    assert ParseCache(tmp_path, analyzer).path(TEXT) != ParseCache(tmp_path, analyzer).path(TEXT + " ")
