"""Harvest's throttle: at most `limit` requests per account in a sliding window.

Harvest documents 100 calls per 15 seconds and answers the next call with 503
and Retry-After. "The throttle is reset with each call": a call made during the
lockout restarts it, here for a whole window, so only a client that waits out
Retry-After gets back in. Time comes from a monotonic clock so the wall clock a
test injects for timestamps does not affect the window.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ThrottleStatus:
    count: int
    limit: int
    window: float
    lockout_seconds: int
    last_access_at: datetime | None


class Throttle:
    """Counts admitted requests; a limit of 0 turns the throttle off."""

    def __init__(
        self,
        limit: int,
        window: float,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._admitted: deque[float] = deque()
        self._last_access_at: datetime | None = None
        self._locked_until: float | None = None

    def admit(self, now: datetime) -> int | None:
        """None when the request may run, else the whole seconds until it may."""
        with self._lock:
            moment = self._monotonic()
            self._forget_before(moment - self.window)
            if self._locked(moment):
                self._locked_until = moment + self.window  # calling during a lockout
                return self._seconds_until_free(moment)
            if self.limit > 0 and len(self._admitted) >= self.limit:
                self._locked_until = self._admitted[0] + self.window
                return self._seconds_until_free(moment)
            self._admitted.append(moment)
            self._last_access_at = now
            return None

    def status(self) -> ThrottleStatus:
        with self._lock:
            moment = self._monotonic()
            self._forget_before(moment - self.window)
            locked = self._locked(moment) or 0 < self.limit <= len(self._admitted)
            return ThrottleStatus(
                count=len(self._admitted),
                limit=self.limit,
                window=self.window,
                lockout_seconds=self._seconds_until_free(moment) if locked else 0,
                last_access_at=self._last_access_at,
            )

    def _forget_before(self, cutoff: float) -> None:
        while self._admitted and self._admitted[0] <= cutoff:
            self._admitted.popleft()

    def _locked(self, moment: float) -> bool:
        if self._locked_until is not None and moment >= self._locked_until:
            self._locked_until = None
        return self._locked_until is not None

    def _seconds_until_free(self, moment: float) -> int:
        """Whole seconds, rounded up: a client that waits exactly this long gets in."""
        free_at = self._locked_until
        if free_at is None:
            free_at = self._admitted[0] + self.window
        return max(1, math.ceil(free_at - moment))
