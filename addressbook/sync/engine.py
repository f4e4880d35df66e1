"""The sync engine: push the outbox, then pull what changed.

Push comes first so that the pull brings back the server's state with our own
changes in it, and the user sees their edits confirmed at the end of one sync.
Correctness does not depend on this order: every queued update carries the
values the user saw, and is merged against the server's current copy (fetched
just before sending), never against whatever the cache holds by then; a pull
never overwrites the user's unsent intent, which lives in the outbox.
Within the push, the queue order is kept exactly (a create, then edits of the
new contact, then its delete), as the user made them.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from addressbook.api.errors import (
    AuthenticationError,
    CancelledError,
    HarvestError,
    NetworkError,
    ProtocolError,
    ThrottledError,
)
from addressbook.storage import Cache, CacheError

from .protocols import Progress, SyncApi
from .pull import Puller
from .push import Pusher
from .report import ErrorKind, SyncReport


def _no_progress(phase: str, done: int, total: int) -> None:
    return None


def error_kind(error: HarvestError) -> ErrorKind:
    """What kind of failure stopped a sync, from the API layer's exception class."""
    if isinstance(error, AuthenticationError):
        return "auth"
    if isinstance(error, ThrottledError):
        return "throttled"
    if isinstance(error, ProtocolError):
        return "protocol"
    return "server"  # 5xx, 403, a redirect, a refusal outside the push


class SyncEngine:
    def __init__(
        self,
        api: SyncApi,
        cache: Cache,
        *,
        full_sweep_interval: float = 1800.0,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.api = api
        self.cache = cache
        self.full_sweep_interval = full_sweep_interval
        self.clock = clock or (lambda: datetime.now(UTC))

    def sync(
        self,
        full: bool = False,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """One sync. Never raises for expected failures: the report says what happened.

        full=True forces the complete lists (finds deletions made on the server).
        """
        report = SyncReport()
        notify = progress or _no_progress
        with self._api_hooks(report, notify, cancel):
            try:
                self._run(full, report, notify, cancel)
            except CancelledError:
                report.cancelled = True
            except NetworkError:
                report.offline = True  # what was pushed is recorded; the rest stays queued
            except HarvestError as error:  # wrong password, server failure: not retried here
                report.error, report.error_kind = str(error), error_kind(error)
            except CacheError as error:
                report.error, report.error_kind = str(error), "cache"
        return report

    def _run(
        self,
        full: bool,
        report: SyncReport,
        progress: Progress,
        cancel: threading.Event | None,
    ) -> None:
        def check_cancel() -> None:
            if cancel is not None and cancel.is_set():
                raise CancelledError("Sync cancelled.")

        self.cache.reset_in_flight()
        Pusher(self.api, self.cache, report, progress, check_cancel).run()
        check_cancel()
        puller = Puller(self.api, self.cache, report, progress, check_cancel)
        report.full_sweep = puller.run(sweep=full or self._sweep_due())
        report.purged = self.cache.purge_expired()  # trash past its keep, old history
        finished = self.clock()
        if report.full_sweep:
            self.cache.set_meta_time("last_full_sweep_at", finished)
        self.cache.set_meta_time("last_sync_at", finished)

    def _sweep_due(self) -> bool:
        last = self.cache.meta_time("last_full_sweep_at")
        if last is None:
            return True
        return (self.clock() - last).total_seconds() >= self.full_sweep_interval

    @contextmanager
    def _api_hooks(
        self, report: SyncReport, progress: Progress, cancel: threading.Event | None
    ) -> Iterator[None]:
        """Throttle waits are reported as progress; cancelling interrupts any API wait."""

        def on_throttle(seconds: float) -> None:
            report.throttled_seconds += seconds
            progress("throttled", math.ceil(seconds), 0)

        previous = (self.api.on_throttle, self.api.cancel_event)
        self.api.on_throttle, self.api.cancel_event = on_throttle, cancel
        try:
            yield
        finally:
            self.api.on_throttle, self.api.cancel_event = previous
