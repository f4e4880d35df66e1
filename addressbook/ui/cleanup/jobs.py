"""Hands Jobs to the worker and calls their callbacks when the answers come back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import isValid

from addressbook.workers.jobs import Job


class JobRunner(QObject):
    """submit() from the GUI thread; callbacks run on the GUI thread (via WorkerEvents)."""

    def __init__(self, worker: Any, events: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self.events = events
        self._waiting: set[Job] = set()
        events.job_finished.connect(self._finished)
        events.job_failed.connect(self._failed)

    def submit(
        self,
        run: Callable[[Any], Any],
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str, dict[str, list[str]]], None] | None = None,
        *,
        writes: bool = False,
        name: str = "job",
    ) -> Job:
        job = Job(run, writes=writes, name=name)
        if on_done is not None:
            job.on_done = on_done
        if on_failed is not None:
            job.on_failed = on_failed
        if not isValid(self._worker):  # the app is closing: the worker is gone
            return job
        self._waiting.add(job)
        self._worker.job_requested.emit(job)
        return job

    @property
    def busy(self) -> bool:
        return bool(self._waiting)

    def _finished(self, job: Job, result: Any) -> None:
        if job in self._waiting:
            self._waiting.discard(job)
            job.on_done(result)

    def _failed(self, job: Job, message: str, fields: dict[str, list[str]]) -> None:
        if job in self._waiting:
            self._waiting.discard(job)
            job.on_failed(message, fields)
