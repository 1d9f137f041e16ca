"""The report cache: hits and misses, least-recently-used eviction by entries and by bytes."""

from __future__ import annotations

from server.cache import ReportCache


def test_a_report_put_is_found_again_and_counted():
    cache = ReportCache(max_entries=4, max_bytes=1000)
    key = cache.key("Troops left Kyiv.", "0.1.0", "model")
    assert cache.get(key) is None
    cache.put(key, b'{"findings":[]}')
    assert cache.get(key) == b'{"findings":[]}'
    stats = cache.stats()
    assert (stats.hits, stats.misses, stats.entries, stats.bytes) == (1, 1, 1, 15)


def test_the_key_changes_with_the_text_and_with_the_settings():
    key = ReportCache.key
    assert key("a", "v1", "m") == key("a", "v1", "m")
    assert len({key("a", "v1", "m"), key("b", "v1", "m"), key("a", "v2", "m"), key("a", "v1", "n")}) == 4
    # Parts are separated: moving a character from one part to the next is another key.
    assert key("bc", "a") != key("c", "ab")


def test_the_key_holds_no_text():
    text = "Plinkovograd " * 10
    key = ReportCache.key(text)
    assert isinstance(key, bytes) and len(key) == 20
    assert b"Plinkovograd" not in key


def test_the_least_recently_used_report_goes_first_beyond_the_entries():
    cache = ReportCache(max_entries=2, max_bytes=1000)
    cache.put(b"a", b"1")
    cache.put(b"b", b"2")
    assert cache.get(b"a") == b"1"  # now b is the least recently used
    cache.put(b"c", b"3")
    assert cache.get(b"b") is None
    assert cache.get(b"a") == b"1" and cache.get(b"c") == b"3"
    assert cache.stats().evictions == 1


def test_reports_are_evicted_to_stay_within_the_bytes():
    cache = ReportCache(max_entries=100, max_bytes=10)
    cache.put(b"a", b"xxxx")
    cache.put(b"b", b"yyyy")
    cache.put(b"c", b"zzzz")  # 12 bytes: a goes
    assert cache.get(b"a") is None and cache.get(b"b") and cache.get(b"c")
    assert cache.stats().bytes == 8
    cache.put(b"big", b"w" * 11)  # larger than the whole cache: not kept, nothing evicted
    assert cache.get(b"big") is None and cache.stats().entries == 2


def test_putting_a_key_again_replaces_its_report_and_its_size():
    cache = ReportCache(max_entries=10, max_bytes=100)
    cache.put(b"a", b"x" * 50)
    cache.put(b"a", b"y" * 10)
    assert cache.get(b"a") == b"y" * 10 and cache.stats().bytes == 10


def test_zero_entries_or_zero_bytes_disables_it():
    for cache in (ReportCache(0, 1000), ReportCache(10, 0)):
        cache.put(b"a", b"1")
        assert cache.get(b"a") is None
        assert cache.stats().entries == 0 and not cache.enabled
