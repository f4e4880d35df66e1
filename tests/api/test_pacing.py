"""The client-side budget, Retry-After parsing and cancellable waits.

The budget is exercised through HarvestClient's own request path; only the
window arithmetic is checked alone, on a clock the test moves.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from addressbook.api import CancelledError, HarvestClient
from addressbook.api.pacing import DEFAULT_RETRY_AFTER, Pacer, parse_retry_after, wait
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer

NOW = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "header, seconds",
    [
        ("5", 5.0),
        (" 12 ", 12.0),
        ("0", 0.0),
        ("1.5", 1.5),
        ("-3", 0.0),
        (None, DEFAULT_RETRY_AFTER),
        ("", DEFAULT_RETRY_AFTER),
        ("soon", DEFAULT_RETRY_AFTER),
        (format_datetime(NOW + timedelta(seconds=30), usegmt=True), 30.0),
        ("Wed, 01 May 2024 12:00:07 GMT", 7.0),
        ("Wed, 01 May 2024 11:59:00 GMT", 0.0),  # already past
        ("5, 5", 5.0),  # the header twice, joined
        ("inf", DEFAULT_RETRY_AFTER),
        ("1e309", DEFAULT_RETRY_AFTER),
        ("nan", DEFAULT_RETRY_AFTER),
        ("Wed, 01 May 99999 12:00:07 GMT", DEFAULT_RETRY_AFTER),
        ("Wed, 01 May 2024 12:00:07 +9999", DEFAULT_RETRY_AFTER),
    ],
)
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


def test_wait_is_cancelled_at_once() -> None:
    """An hour's wait ends as soon as the event is set (the join is only a watchdog)."""
    event = threading.Event()
    outcome: list[BaseException] = []

    def waiting() -> None:
        try:
            wait(3600.0, event)
        except CancelledError as error:
            outcome.append(error)

    waiter = threading.Thread(target=waiting)
    waiter.start()
    event.set()
    waiter.join(timeout=60)
    assert not waiter.is_alive()
    assert len(outcome) == 1


def test_wait_with_event_already_set() -> None:
    event = threading.Event()
    event.set()
    with pytest.raises(CancelledError):
        wait(0, event)


def test_waiting_for_the_budget_is_cancellable(sandbox: SandboxServer) -> None:
    """One request a minute: the second waits for its turn, and Cancel ends the wait
    without sending it."""
    with HarvestClient(
        sandbox.url, DEMO_EMAIL, DEMO_PASSWORD, requests_per_window=1, window_seconds=60.0
    ) as api:
        api.cancel_event = threading.Event()
        api.who_am_i()
        threading.Timer(0.05, api.cancel_event.set).start()
        with pytest.raises(CancelledError):
            api.who_am_i()
    assert len(sandbox.requests) == 1
