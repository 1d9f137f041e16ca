"""A per-request analysis deadline that long loops check cooperatively.

The API sets one around each analysis (`with deadline.limit(seconds): ...`); any stage that may
run long on a hostile text calls `deadline.check()` inside its loops. Past the limit `check()`
raises `AnalysisTimeout`, which the API answers as JSON 503 `analysis_timeout`, so a worker is
never killed mid-request. Outside a `limit` block `check()` costs one context-variable read and
never raises (the CLI and tests run without a deadline unless they set one).
"""

from __future__ import annotations

import contextlib
import contextvars
import time

_expires: contextvars.ContextVar[float | None] = contextvars.ContextVar("sourcemark_deadline", default=None)


class AnalysisTimeout(Exception):
    """The analysis ran past its deadline."""


@contextlib.contextmanager
def limit(seconds: float | None):
    """Run the block under a deadline `seconds` from now (None or <= 0: no deadline)."""
    if not seconds or seconds <= 0:
        yield
        return
    token = _expires.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _expires.reset(token)


def check() -> None:
    """Raise AnalysisTimeout if the current deadline has passed."""
    expires = _expires.get()
    if expires is not None and time.monotonic() > expires:
        raise AnalysisTimeout("analysis deadline passed")


def remaining() -> float | None:
    """Seconds left before the deadline, or None when there is none."""
    expires = _expires.get()
    return None if expires is None else expires - time.monotonic()
