"""The analysis deadline: the cooperative check and the hard stop behind it."""

from __future__ import annotations

import threading
import time

import pytest

from server import deadline


def test_check_raises_only_past_the_limit():
    deadline.check()  # no limit set: never raises
    with deadline.limit(60):
        deadline.check()
        assert 0 < deadline.remaining() <= 60
    with deadline.limit(0.01):
        time.sleep(0.02)
        with pytest.raises(deadline.AnalysisTimeout):
            deadline.check()
    assert deadline.remaining() is None


def test_the_hard_stop_ends_a_loop_that_never_checks():
    with pytest.raises(deadline.AnalysisTimeout):
        with deadline.enforce(0.05):
            while True:
                sum(range(100))


def test_the_hard_stop_is_cleared_after_the_block():
    with deadline.enforce(0.05):
        pass
    time.sleep(0.2)  # the alarm would have fired by now, had it been left set


def test_outside_the_main_thread_only_the_cooperative_check_applies():
    outcome = []

    def run():
        with deadline.enforce(0.01):
            time.sleep(0.05)  # no alarm here: a signal can only reach the main thread
            try:
                deadline.check()
            except deadline.AnalysisTimeout:
                outcome.append("timeout")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert outcome == ["timeout"]


def test_no_limit_means_neither_check_nor_alarm():
    with deadline.enforce(0):
        deadline.check()
        assert deadline.remaining() is None
