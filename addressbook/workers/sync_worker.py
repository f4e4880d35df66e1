"""The one way off the GUI thread: a long-lived QObject on a QThread.

It owns the HarvestClient, the SyncEngine and its own SQLite connection (a
Cache is used only by the thread that opened it). Requests arrive as queued
signals; results leave as signals carrying plain data: rows, Contact and
Client lists, SyncReport, pending changes, error strings. It never touches a
widget or a model.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QThread, Signal, Slot

from addressbook.core.models import Contact
from addressbook.core.words import names_of
from addressbook.workers.errors import SessionError
from addressbook.workers.gc_pause import bulk_allocation
from addressbook.workers.gui_first import gui_first
from addressbook.workers.results import WorkerResults
from addressbook.workers.sync_timing import SyncTimers

if TYPE_CHECKING:  # imported on the worker thread when first needed (httpx is slow to import)
    from addressbook.workers.abortable_transport import AbortableTransport
    from addressbook.workers.session import Session

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60 * 1000
OFFLINE_RETRY_MS = 30 * 1000
DELETE_GRACE_MS = 8 * 1000  # the Undo window: a delete is pushed after it
_PROGRESS_EVERY = 0.1  # seconds between progress signals, so the GUI is not flooded


class SyncWorker(WorkerResults):
    # -- requests (emit from the GUI thread; handled on the worker thread) -------------
    sign_in_requested = Signal(str, str, str)  # base_url, email, password: verify, then open
    # Open the cache at once, then verify (the password may be "": cached contacts only).
    resume_requested = Signal(str, str, str)
    sync_requested = Signal(bool)  # full
    create_requested = Signal(int, object)  # token, Contact
    update_requested = Signal(int, int, object)  # token, contact id, {field: value}
    import_requested = Signal(int, object)  # token, list[Contact] to create (an import)
    delete_requested = Signal(object)  # list[Contact]
    undo_delete_requested = Signal(object)  # list[Contact] that were deleted
    discard_requested = Signal(int)  # pending change id
    retry_requested = Signal(int, int)  # token, id of a change Harvest refused: send it again
    resolve_requested = Signal(int, object)  # contact id, 'mine' | 'theirs' | {field: choice}
    sign_out_requested = Signal(bool)  # remove the cache too
    shutdown_requested = Signal()
    job_requested = Signal(object)  # a workers.jobs.Job: run with the cache on this thread

    # Results: the signals of WorkerResults.

    def __init__(
        self,
        data_dir: Path,
        *,
        sync_interval_ms: int = SYNC_INTERVAL_MS,
        offline_retry_ms: int = OFFLINE_RETRY_MS,
        delete_grace_ms: int = DELETE_GRACE_MS,
    ) -> None:
        super().__init__()
        self.cancel_event = threading.Event()
        self._data_dir = Path(data_dir)
        self._timers = SyncTimers(sync_interval_ms, offline_retry_ms, delete_grace_ms)
        self._session: Session | None = None
        self._transport: AbortableTransport | None = None
        self._last_progress = 0.0
        self._connect_requests()

    def _connect_requests(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        pairs: list[tuple[Any, Any]] = [
            (self.sign_in_requested, self._sign_in),
            (self.resume_requested, self._resume),
            (self.sync_requested, self._sync_now),
            (self.create_requested, self._create),
            (self.update_requested, self._update),
            (self.delete_requested, self._delete),
            (self.undo_delete_requested, self._undo_delete),
            (self.discard_requested, self._discard),
            (self.resolve_requested, self._resolve),
            (self.retry_requested, self._retry),
            (self.import_requested, self._import),
            (self.sign_out_requested, self._sign_out),
            (self.shutdown_requested, self._shutdown),
            (self.job_requested, self._run_job),
        ]
        for signal, slot in pairs:
            signal.connect(slot, queued)

    # -- called from the GUI thread ------------------------------------------------
    def abort(self) -> None:
        """Thread-safe: cancel waits and break off the request in flight (used on quit)."""
        self.cancel_event.set()
        transport = self._transport
        if transport is not None:
            transport.abort()

    # -- lifecycle (worker thread) ---------------------------------------------------
    @Slot()
    def start(self) -> None:
        """Connected to QThread.started: timers must be created on the worker's thread,
        and the data folder is prepared before any cache in it is opened."""
        from addressbook.storage.data_dir import prepare_data_dir

        prepare_data_dir(self._data_dir)
        self._timers.create(self, self._sync_due)

    @Slot()
    def _sync_due(self) -> None:
        """A timer's sync, as a slot of this QObject. Not a lambda handed to another
        object: one such lambda connected twice on the worker's thread hung in PySide's
        connect (QObject's connection mutex) in a full test run."""
        self._sync_now(False)

    @Slot()
    def _shutdown(self) -> None:
        self._close_session()
        self._timers.stop()
        thread = QThread.currentThread()
        thread.quit()

    # -- sessions ------------------------------------------------------------------
    @Slot(str, str, str)
    def _sign_in(self, base_url: str, email: str, password: str) -> None:
        self._close_session()
        session = self._new_session(base_url, email, password)
        try:
            account = session.verify()
        except SessionError as error:
            session.close()
            self.sign_in_failed.emit(error.message, error.kind)
            return
        if not self._open_cache(session):
            return
        self.signed_in.emit(account)
        self._publish_all()
        self._sync_now(False)

    @Slot(str, str, str)
    def _resume(self, base_url: str, email: str, password: str) -> None:
        self._close_session()
        session = self._new_session(base_url, email, password)
        if not self._open_cache(session):
            return
        self._publish_all()  # cached contacts on screen before any network
        if not password:
            return
        try:
            account = session.verify()
        except SessionError as error:
            if error.kind == "auth":
                session.forget_password()
                self.sign_in_failed.emit(error.message, error.kind)
                return
            log.info("Starting offline: %s", error.message)
        else:
            self.signed_in.emit(account)
        self._sync_now(False)

    def _new_session(self, base_url: str, email: str, password: str) -> Session:
        from addressbook.workers.abortable_transport import AbortableTransport
        from addressbook.workers.session import Session

        self.cancel_event.clear()
        self._transport = AbortableTransport() if password else None
        session = Session(
            self._data_dir,
            base_url,
            email,
            password,
            self._transport,
            cancel_event=self.cancel_event,
        )
        session.on_throttle = self.throttled.emit
        return session

    def _open_cache(self, session: Session) -> bool:
        try:
            session.open_cache()
        except Exception as error:  # a broken cache is reported, never a crash
            log.exception("Could not open the cache")
            session.close()
            self.sign_in_failed.emit(f"Could not open the local cache: {error}", "error")
            return False
        self._session = session
        if session.recovery_notice:
            self.notice.emit(session.recovery_notice)
        self._timers.start_periodic()
        return True

    def _close_session(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None
        self._timers.stop_periodic()

    @Slot(bool)
    def _sign_out(self, remove_cache: bool) -> None:
        session = self._session
        self._close_session()
        if remove_cache and session is not None:
            session.remove_cache_files()
        self.signed_out.emit()

    # -- sync ----------------------------------------------------------------------
    @Slot(bool)
    def _sync_now(self, full: bool) -> None:
        session = self._session
        self._timers.cancel_soon()
        if session is None or not session.can_sync or self.cancel_event.is_set():
            return
        self.sync_started.emit()
        try:
            with bulk_allocation():
                report = session.sync(full=full, progress=self._progress)
        except SessionError as error:
            self.sign_in_failed.emit(error.message, error.kind)
            return
        except Exception as error:
            log.exception("Sync failed")
            self.sync_failed.emit(str(error) or type(error).__name__)
            self._schedule_retry()
            return
        self._after_sync(report)

    def _after_sync(self, report: Any) -> None:
        session = self._session
        if session is None:
            return
        if session.auth_failed:
            self.sign_in_failed.emit(report.error or "Harvest refused the password.", "auth")
        self._publish_changes()
        self.sync_finished.emit(report)
        self.last_sync_changed.emit(session.last_sync_at())
        if report.offline or report.error:
            self._schedule_retry()

    def _progress(self, phase: str, done: int, total: int) -> None:
        if phase == "throttled":  # done is the wait in seconds
            self.throttled.emit(float(done))
            return
        now = time.monotonic()
        if done < total and now - self._last_progress < _PROGRESS_EVERY:
            return
        self._last_progress = now
        self.sync_progress.emit(phase, done, total)

    def _schedule_retry(self) -> None:
        """After a failed sync: try again later, and say when (the status bar counts down)."""
        if self.cancel_event.is_set():
            return
        remaining = self._timers.retry_later()
        if remaining is not None:
            self.retry_scheduled.emit(remaining)

    def _schedule_sync(self, delay_ms: int) -> None:
        if not self.cancel_event.is_set():
            self._timers.sync_after(delay_ms)

    # -- local edits (written to the cache here, then pushed) ---------------------------
    @Slot(int, object)
    def _create(self, token: int, contact: Contact) -> None:
        self._edit(token, lambda session: session.create(contact))

    @Slot(int, object)
    def _import(self, token: int, contacts: list[Contact]) -> None:
        """All or none: a refusal (edit_failed) means nothing was queued."""
        self._write(
            token,
            lambda session: (session.create_many(contacts), []),
            lambda created: self.contacts_imported.emit(token, len(created)),
        )

    @Slot(int, int, object)
    def _update(self, token: int, contact_id: int, changes: dict[str, Any]) -> None:
        self._edit(token, lambda session: session.update(contact_id, changes))

    @Slot(int, int)
    def _retry(self, token: int, pending_id: int) -> None:
        self._edit(token, lambda session: session.retry(pending_id))

    def _edit(self, token: int, write: Callable[[Session], tuple[Contact, list[int]]]) -> None:
        """One contact written; contact_saved tells the dialog that asked."""

        def one(session: Session) -> tuple[list[Contact], list[int]]:
            contact, removed = write(session)
            return [contact], removed

        self._write(token, one, lambda written: self.contact_saved.emit(token, written[0]))

    def _write(
        self,
        token: int,
        write: Callable[[Session], tuple[list[Contact], list[int]]],
        done: Callable[[list[Contact]], None],
    ) -> None:
        """Write to the cache, publish what changed, answer the request, push soon."""
        session = self._session
        if session is None:
            self.edit_failed.emit(token, "Not signed in.", {})
            return
        try:
            written, removed = write(session)
        except Exception as error:
            log.info("Edit refused: %s", error)
            self.edit_failed.emit(token, str(error), dict(getattr(error, "fields", {}) or {}))
            return
        self._publish_delta(written, removed)
        done(written)
        self._schedule_sync(0)

    @Slot(object)
    def _delete(self, contacts: list[Contact]) -> None:
        session = self._session
        if session is None:
            return
        removed, refusal = session.delete([c.id for c in contacts if c.id is not None])
        self._publish_delta([], removed)
        if refusal is not None:
            kept = [c.full_name for c in contacts if c.id is not None and c.id not in removed]
            self.notice.emit(f"Could not delete {names_of(kept)}: {refusal}")
        self._schedule_sync(self._timers.delete_grace_ms)

    @Slot(object)
    def _undo_delete(self, contacts: list[Contact]) -> None:
        session = self._session
        if session is None:
            return
        restored, refusal = session.undo_delete(contacts)
        self._publish_changes()
        self.deletes_undone.emit(restored)
        if refusal is not None:
            self.notice.emit(f"Could not bring back every deleted contact: {refusal}")
        self._schedule_sync(0)

    @Slot(int)
    def _discard(self, pending_id: int) -> None:
        if self._session is not None:
            self._session.discard(pending_id)
            self._publish_changes()

    @Slot(int, object)
    def _resolve(self, contact_id: int, keep: Any) -> None:
        if self._session is not None:
            self._session.resolve(contact_id, keep)
            self._publish_changes()
            self._schedule_sync(0)

    @Slot(object)
    def _run_job(self, job: Any) -> None:
        """A clean-up, history or trash job (see workers/jobs.py)."""
        cache = self._session.cache if self._session is not None else None
        if cache is None:
            self.job_failed.emit(job, "Not signed in.", {})
            return
        try:
            with gui_first():  # a background job: the window's calls come first
                result = job.run(cache)
        except Exception as error:
            log.info("%s refused: %s", job.name, error)
            self.job_failed.emit(job, str(error), dict(getattr(error, "fields", {}) or {}))
            return
        if job.writes:
            self._publish_changes()
            self._schedule_sync(0)
        self.job_finished.emit(job, result)

    # -- publishing ---------------------------------------------------------------
    def _publish_all(self) -> None:
        session = self._session
        if session is None:
            return
        with bulk_allocation():
            rows, clients = session.load_rows()
        self.contacts_loaded.emit(rows, clients)
        self._publish_outbox()
        self.last_sync_changed.emit(session.last_sync_at())

    def _publish_changes(self) -> None:
        session = self._session
        if session is None:
            return
        with bulk_allocation():
            delta = session.reload_delta()
        if delta is None:
            self._publish_all()
            return
        upserted, removed = delta
        if upserted or removed:
            self.contacts_changed.emit(upserted, removed)
        self._publish_outbox()

    def _publish_delta(self, contacts: list[Contact], removed: list[int]) -> None:
        session = self._session
        if session is None:
            return
        self.contacts_changed.emit(session.rows_for(contacts), removed)
        self._publish_outbox()

    def _publish_outbox(self) -> None:
        session = self._session
        if session is None:
            return
        pending, dirty, conflicts = session.outbox()
        self.outbox_changed.emit(pending, dirty, conflicts)
