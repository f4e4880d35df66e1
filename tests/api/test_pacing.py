"""The client-side budget, Retry-After parsing and cancellable waits."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from addressbook.api import CancelledError
from addressbook.api.pacing import DEFAULT_RETRY_AFTER, Pacer, parse_retry_after, wait

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("header, seconds", [
    ("5", 5.0), (" 12 ", 12.0), ("0", 0.0), ("1.5", 1.5), ("-3", 0.0),
    (None, DEFAULT_RETRY_AFTER), ("", DEFAULT_RETRY_AFTER), ("soon", DEFAULT_RETRY_AFTER),
    (format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0),
    ("Wed, 01 May 2024 12:00:07 GMT", 7.0),
    ("Wed, 01 May 2024 11:59:00 GMT", 0.0),  # already past
])
def test_retry_after(header: str | None, seconds: float) -> None:
    assert parse_retry_after(header, now=lambda: NOW) == pytest.approx(seconds)


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_pacer_sliding_window() -> None:
    clock = FakeClock()
    pacer = Pacer(3, 10.0, clock)
    for _ in range(3):
        assert pacer.delay() == 0
        pacer.record()
        clock.now += 1
    assert pacer.delay() == pytest.approx(7.0)  # the first send leaves the window at 110
    clock.now = 110.0
    assert pacer.delay() == 0


def test_pacer_waits_for_the_window() -> None:
    pacer = Pacer(2, 0.3)
    started = time.monotonic()
    for _ in range(3):
        pacer.acquire(None)
    assert time.monotonic() - started >= 0.25


def test_wait_is_cancelled_at_once() -> None:
    event = threading.Event()
    threading.Timer(0.05, event.set).start()
    started = time.monotonic()
    with pytest.raises(CancelledError):
        wait(30.0, event)
    assert time.monotonic() - started < 5


def test_wait_with_event_already_set() -> None:
    event = threading.Event()
    event.set()
    with pytest.raises(CancelledError):
        wait(0, event)


def test_pacer_wait_is_cancellable() -> None:
    event = threading.Event()
    pacer = Pacer(1, 60.0)
    pacer.acquire(event)
    event.set()
    with pytest.raises(CancelledError):
        pacer.acquire(event)
