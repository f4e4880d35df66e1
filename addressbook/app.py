"""Composition root: builds settings, credentials, the worker and the window, and wires them."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from addressbook import APP_ID
from addressbook.private_files import make_private_dir
from addressbook.settings import Settings

if TYPE_CHECKING:
    from addressbook.credentials import CredentialStore
from addressbook.ui.editing import EditController
from addressbook.ui.main_window import MainWindow
from addressbook.ui.sign_in_flow import SignInFlow
from addressbook.workers import SyncWorker, WorkerEvents, WorkerThread
from addressbook.workers.gc_pause import freeze_after_bulk_work
from addressbook.workers.sync_worker import DELETE_GRACE_MS, OFFLINE_RETRY_MS, SYNC_INTERVAL_MS

log = logging.getLogger(__name__)


GIL_SWITCH_INTERVAL = 0.001


def configure_process() -> None:
    """Process-wide settings of the app (called by main(), never by a library or a test).

    The worker parses XML and builds rows in Python while the GUI thread
    waits for the GIL; Python hands the GIL over every 5 ms by default, which
    lets the event loop stall for tens of milliseconds. 1 ms keeps it smooth.
    The same goes for the garbage collector's full passes (see gc_pause).
    Files it creates are private (see private_files for those made by earlier versions).
    """
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    freeze_after_bulk_work()
    if os.name == "posix":
        # Everything the app writes is the user's personal data (the demo server's file,
        # SQLite's journals, Qt's temporary files too): owner only, whatever the shell's umask.
        os.umask(0o077)


def default_data_dir() -> Path:
    """ADDRESSBOOK_DATA_DIR if set (tests, portable use), else the platform's data dir."""
    override = os.environ.get("ADDRESSBOOK_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # ~5 ms, spared when the data dir is given

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


class Application:
    def __init__(
        self,
        *,
        data_dir: Path,
        settings: Settings,
        credentials: CredentialStore | None = None,
        sync_interval_ms: int = SYNC_INTERVAL_MS,
        offline_retry_ms: int = OFFLINE_RETRY_MS,
        delete_grace_ms: int = DELETE_GRACE_MS,
    ) -> None:
        self.data_dir = Path(data_dir)
        # The folder is the user's alone at once; the rest of prepare_data_dir (tightening
        # and renaming what earlier versions left) runs on the worker before its first
        # cache: it imports the storage layer, 20 ms the first paint need not wait for.
        try:
            make_private_dir(self.data_dir)
        except OSError as error:  # opening the cache will say what is wrong, in the window
            log.warning("Could not make the data folder %s: %s", self.data_dir, error)
        self.settings = settings
        self.worker = SyncWorker(
            self.data_dir,
            sync_interval_ms=sync_interval_ms,
            offline_retry_ms=offline_retry_ms,
            delete_grace_ms=delete_grace_ms,
        )
        self.worker_thread = WorkerThread(self.worker)
        self.events = WorkerEvents()
        self.events.relay(self.worker)
        self.window = MainWindow(settings)
        self._bind_window()  # first: the window sees each result before anyone else
        self.editing = EditController(self.window, self.worker, self.events)
        self.sign_in = SignInFlow(
            self.window, self.worker, self.events, settings, credentials, self.data_dir
        )
        self.window.demo_requested.connect(self.sign_in.start_demo)
        self._install_outbox_panel()
        self.window.call_after_first_paint(self._install_exchange)
        self.window.call_after_first_paint(self._install_cleanup)

    @property
    def credentials(self) -> CredentialStore:
        return self.sign_in.credentials

    def _install_outbox_panel(self) -> None:
        def build() -> object:
            from addressbook.ui.outbox_panel import OutboxPanel

            panel = OutboxPanel()
            panel.discard_requested.connect(self.worker.discard_requested)
            return panel

        self.window.outbox_panel_factory = build

    def _install_exchange(self) -> None:
        """Import and export join the File menu once the window is on screen (their
        modules are not needed for the first paint)."""
        from addressbook.ui.exchange_wiring import install_exchange

        self.exchange = install_exchange(self.window, self.worker, self.events)

    def _install_cleanup(self) -> None:
        """Clean up, Trash and History (ui/cleanup), once the window is on screen."""
        from addressbook.ui.cleanup.controller import install_cleanup

        self.cleanup = install_cleanup(self.window, self.worker, self.events)

    def _bind_window(self) -> None:
        events, window, status = self.events, self.window, self.window.status
        events.contacts_loaded.connect(window.show_contacts)
        events.contacts_changed.connect(window.apply_changes)
        events.outbox_changed.connect(window.set_outbox)
        events.sync_started.connect(status.set_syncing)
        events.sync_progress.connect(status.set_progress)
        events.throttled.connect(status.set_throttled)
        events.sync_finished.connect(status.set_sync_result)
        events.sync_failed.connect(status.set_sync_error)
        events.retry_scheduled.connect(status.set_retry_in)
        events.sign_in_failed.connect(status.set_sign_in_failed)
        events.last_sync_changed.connect(status.set_last_sync)
        window.sync_requested.connect(lambda: self.worker.sync_requested.emit(False))
        # The empty list says "Downloading…" while the first fetch runs, not "No contacts".
        events.sync_started.connect(lambda: window.contacts.set_syncing(True))
        for done in (events.sync_finished, events.sync_failed, events.signed_out):
            done.connect(lambda *_: window.contacts.set_syncing(False))

    def start(
        self, *, demo: bool = False, server: str = "", email: str = "", api: str = ""
    ) -> None:
        self.worker_thread.start()
        self.window.show()
        self.sign_in.start(demo=demo, server=server, email=email, api=api)

    def shutdown(self) -> bool:
        """Stop the worker (at most ~2 s even mid-request), then the demo server."""
        self.sign_in.save_snapshot()
        stopped = self.worker_thread.stop()
        self.sign_in.shutdown()
        return stopped
