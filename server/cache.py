"""A per-process cache of reports for pages seen before, bounded in entries and in bytes.

The key is a BLAKE2 hash of the text and of what else shapes the report (the analyzer's model,
gazetteer and version); the value is the report already serialised as JSON bytes, which is what
the API sends and what makes the byte bound exact. The text itself is never kept, and nothing
here logs a key or a report.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0
    evictions: int = 0
    entries: int = 0
    bytes: int = 0


class ReportCache:
    """Least recently used first out, once more than `max_entries` or `max_bytes` are held.

    Either bound at 0 disables the cache. A report larger than `max_bytes` on its own is not
    kept. Safe to share between threads.
    """

    def __init__(self, max_entries: int, max_bytes: int):
        self.max_entries = max(0, max_entries)
        self.max_bytes = max(0, max_bytes)
        self._items: OrderedDict[bytes, bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._stats = CacheStats()

    @property
    def enabled(self) -> bool:
        return self.max_entries > 0 and self.max_bytes > 0

    @staticmethod
    def key(text: str, *context: str) -> bytes:
        """The key of a text under the settings that change its report."""
        digest = hashlib.blake2b(digest_size=20)
        for part in context:
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.digest()

    def get(self, key: bytes) -> bytes | None:
        if not self.enabled:
            return None
        with self._lock:
            value = self._items.get(key)
            if value is None:
                self._stats.misses += 1
                return None
            self._items.move_to_end(key)
            self._stats.hits += 1
            return value

    def put(self, key: bytes, value: bytes) -> None:
        if not self.enabled or len(value) > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._items[key] = value
            self._bytes += len(value)
            while len(self._items) > self.max_entries or self._bytes > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)
                self._stats.evictions += 1

    def stats(self) -> CacheStats:
        with self._lock:
            return CacheStats(
                hits=self._stats.hits,
                misses=self._stats.misses,
                evictions=self._stats.evictions,
                entries=len(self._items),
                bytes=self._bytes,
            )
