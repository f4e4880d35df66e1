"""When the worker syncs next: every few minutes, soon after an edit, later after a failure.

Two timers on the worker's thread: the periodic one runs while a session is open; the
single-shot one is the next sync that something asked for, and a later request never
postpones an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class SyncTimers:
    def __init__(self, interval_ms: int, retry_ms: int, delete_grace_ms: int) -> None:
        self.interval_ms = interval_ms
        self.retry_ms = retry_ms  # after a failed sync
        self.delete_grace_ms = delete_grace_ms  # the Undo window: a delete is pushed after it
        self._periodic: QTimer | None = None
        self._soon: QTimer | None = None

    def create(self, parent: QObject, sync: Callable[[], None]) -> None:
        """On the worker's thread (QTimers belong to the thread that makes them)."""
        self._periodic = QTimer(parent)
        self._periodic.setInterval(self.interval_ms)
        self._periodic.timeout.connect(sync)
        self._soon = QTimer(parent)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(sync)

    def start_periodic(self) -> None:
        if self._periodic is not None:
            self._periodic.start()

    def stop_periodic(self) -> None:
        if self._periodic is not None:
            self._periodic.stop()

    def sync_after(self, delay_ms: int) -> None:
        """Sync after delay_ms unless one is already due sooner."""
        timer = self._soon
        if timer is None or (timer.isActive() and timer.remainingTime() <= delay_ms):
            return
        timer.start(delay_ms)

    def retry_later(self) -> int | None:
        """After a failed sync: the ms until the next try (None when none is due)."""
        self.sync_after(self.retry_ms)
        timer = self._soon
        return timer.remainingTime() if timer is not None and timer.isActive() else None

    def cancel_soon(self) -> None:
        if self._soon is not None:
            self._soon.stop()

    def stop(self) -> None:
        self.stop_periodic()
        self.cancel_soon()
