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
import signal
import threading
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


# How long after the cooperative deadline the hard stop of `interrupt_after` fires: long enough
# for a stage that checks to stop by itself, short enough that the client still gets its 503.
INTERRUPT_GRACE_SECONDS = 1.0


@contextlib.contextmanager
def interrupt_after(seconds: float | None):
    """The backstop for code that never calls `check()`: `seconds` from now, a SIGALRM raises
    AnalysisTimeout wherever the block's Python code is (between two bytecodes; a long C call
    finishes first). Only in a process's main thread on a POSIX system, which is where gunicorn's
    sync workers and the CLI run a request; elsewhere the block runs without it."""
    usable = (
        seconds is not None
        and seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise AnalysisTimeout("analysis deadline passed (interrupted)")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def enforce(seconds: float | None):
    """`limit(seconds)` with the hard stop `INTERRUPT_GRACE_SECONDS` after it."""
    hard = seconds + INTERRUPT_GRACE_SECONDS if seconds and seconds > 0 else None
    with limit(seconds), interrupt_after(hard):
        yield
