"""The background worker and the thread that hosts it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QThread

from addressbook.workers.results import WorkerEvents
from addressbook.workers.sync_worker import SyncWorker

log = logging.getLogger(__name__)

__all__ = ["SyncWorker", "WorkerEvents", "WorkerThread"]


class WorkerThread:
    """Moves a SyncWorker to its own QThread and stops it promptly."""

    def __init__(self, worker: SyncWorker) -> None:
        self.worker = worker
        self.thread = QThread()
        self.thread.setObjectName("sync-worker")
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.start)
        self.thread.finished.connect(worker.deleteLater)
        self._stopped = False

    def start(self) -> None:
        self.thread.start()

    def stop(self, timeout: float = 1.8) -> bool:
        """Cancel, abort the request in flight, let the worker close its cache, wait.

        Returns False when the thread did not finish in time (it is then left to
        the process exit; every queued edit is already committed to the cache).
        """
        if self._stopped:
            return True
        self._stopped = True
        if not self.thread.isRunning():
            return True
        self.worker.abort()
        self.worker.shutdown_requested.emit()
        finished = self.thread.wait(int(timeout * 1000))
        if not finished:
            log.error("The sync worker did not stop within %.1f s", timeout)
        return bool(finished)
