"""The worker's results, declared once: for the SyncWorker, which emits them on its
thread, and for WorkerEvents, which re-emits them on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class WorkerResults(QObject):
    signed_in = Signal(object)  # Account
    sign_in_failed = Signal(str, str)  # message, kind: 'auth' | 'network' | 'error'
    contacts_loaded = Signal(object, object)  # list[ContactRow] sorted by name, list[Client]
    contacts_changed = Signal(object, object)  # upserted list[ContactRow], removed list[int]
    outbox_changed = Signal(object, object, object)  # pending list, dirty ids set, conflicts list
    sync_started = Signal()
    sync_progress = Signal(str, int, int)  # phase, done, total
    throttled = Signal(float)  # seconds until requests resume
    sync_finished = Signal(object)  # SyncReport
    sync_failed = Signal(str)
    retry_scheduled = Signal(int)  # ms until the worker tries again after a failed sync
    last_sync_changed = Signal(object)  # datetime | None
    contact_saved = Signal(int, object)  # token, Contact
    edit_failed = Signal(int, str, object)  # token, message, {field: [problems]}
    deletes_undone = Signal(int)  # how many contacts came back
    contacts_imported = Signal(int, int)  # token, how many new contacts were queued
    notice = Signal(str)  # something the user should read once (the cache was rebuilt)
    signed_out = Signal()
    job_finished = Signal(object, object)  # workers.jobs.Job, its result
    job_failed = Signal(object, str, object)  # Job, message, {field: [problems]}


RESULT_NAMES = tuple(
    name for name, value in vars(WorkerResults).items() if isinstance(value, Signal)
)


class WorkerEvents(WorkerResults):
    """The worker's results re-emitted on the GUI thread: everything in the GUI listens here.

    A signal-to-signal connection to an object of the GUI thread is always
    queued, so no GUI code can run on the worker's thread by accident (a plain
    function connected to the worker itself would).
    """

    def relay(self, worker: WorkerResults) -> None:
        for name in RESULT_NAMES:
            getattr(worker, name).connect(getattr(self, name))
