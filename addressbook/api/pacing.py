"""Waiting politely: the client-side request budget, Retry-After, cancellable waits.

Harvest blocks an account that makes more than 100 calls in 15 seconds, and
calling during a block extends it, so we stay under budget ourselves and honour
Retry-After exactly. Every wait goes through `wait`, so setting the caller's
cancel event ends it at once.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from .errors import CancelledError

# harvested's HardyClient waits 16 s when a 503 carries no Retry-After.
DEFAULT_RETRY_AFTER = 16.0


def wait(seconds: float, cancel_event: threading.Event | None) -> None:
    """Sleep `seconds`, or raise CancelledError as soon as the cancel event is set."""
    if cancel_event is None:
        cancel_event = threading.Event()  # never set: a plain, uninterruptible wait
    elif cancel_event.is_set():
        raise CancelledError("Cancelled.")
    seconds = min(seconds, threading.TIMEOUT_MAX)  # past it, Event.wait raises OverflowError
    if seconds > 0 and cancel_event.wait(seconds):
        raise CancelledError("Cancelled while waiting for Harvest.")


def parse_retry_after(value: str | None, now: Callable[[], datetime] | None = None) -> float:
    """Retry-After as seconds, or as an HTTP date (RFC 2616 allows both).

    Anything else (a repeated header, "inf", garbage) falls back to the first
    number in it, or to the 16 s harvested's HardyClient used.
    """
    if value is None or not value.strip():
        return DEFAULT_RETRY_AFTER
    value = value.strip()
    seconds = _seconds(value)
    if seconds is None and "," in value:  # "5, 5": the header twice, joined by httpx
        seconds = _seconds(value.split(",", 1)[0])
    if seconds is not None:
        return seconds
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return DEFAULT_RETRY_AFTER
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now() if now else datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


def _seconds(text: str) -> float | None:
    """Delta-seconds, or None when the text is no finite number."""
    try:
        seconds = float(text)
    except ValueError:
        return None
    return max(0.0, seconds) if math.isfinite(seconds) else None


class Pacer:
    """A sliding window: at most `limit` sends in any `window` seconds."""

    def __init__(self, limit: int, window: float, clock: Callable[[], float] = time.monotonic):
        self.limit = max(1, limit)
        self.window = window
        self._clock = clock
        self._sent: deque[float] = deque()
        self._lock = threading.Lock()

    def delay(self) -> float:
        """Seconds to wait before the next send may go out (0 when there is budget)."""
        with self._lock:
            now = self._clock()
            while self._sent and now - self._sent[0] >= self.window:
                self._sent.popleft()
            if len(self._sent) < self.limit:
                return 0.0
            return self._sent[0] + self.window - now

    def record(self) -> None:
        with self._lock:
            self._sent.append(self._clock())

    def wait_turn(self, cancel_event: threading.Event | None) -> None:
        while (seconds := self.delay()) > 0:
            wait(seconds, cancel_event)
