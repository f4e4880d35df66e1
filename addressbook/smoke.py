"""--smoke-test (packaging checks) and the benchmark's first-paint hook."""

from __future__ import annotations

import os
import sys
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from addressbook.app import Application

SMOKE_TIMEOUT_MS = 120_000


class SmokeTest(QObject):
    """Sign in, load the cache, sync once; print one line and set the exit code."""

    def __init__(self, application: Application) -> None:
        super().__init__()
        self.application = application
        self.code: int | None = None
        self._loaded = False
        events = application.events
        events.contacts_loaded.connect(self._loaded_cache)
        events.sync_finished.connect(self._synced)
        events.sync_failed.connect(self._failed)
        events.sign_in_failed.connect(self._failed)
        QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: self._finish(1, "timed out"))

    def begin(self, *, demo: bool, server: str, email: str, api: str = "") -> bool:
        app = self.application
        if not demo:
            saved = app.settings.saved_account(app.data_dir)  # this data dir's account
            if not server and saved is not None:
                server, email = saved.server, email or saved.email
            if not (server and email):
                return self._refuse("no saved account; run with --demo, or sign in once")
            from addressbook.api import normalize_base_url
            from addressbook.credentials import account_key

            if not app.credentials.get(account_key(normalize_base_url(server), email)):
                return self._refuse(
                    f"no password for {email} in the keyring ({app.credentials.backend_name()})"
                )
        app.start(demo=demo, server=server, email=email, api=api)
        return True

    def _refuse(self, message: str) -> bool:
        print(f"smoke-test failed: {message}", file=sys.stderr, flush=True)
        self.code = 1
        return False

    def _failed(self, message: str, *_: Any) -> None:
        self._finish(1, message)

    def _loaded_cache(self, *_: Any) -> None:
        self._loaded = True

    def _synced(self, report: Any) -> None:
        if not self._loaded:
            self._finish(1, "the cache was never loaded")
        elif report.offline:
            self._finish(1, "could not reach the server (offline)")
        elif report.error:
            self._finish(1, str(report.error))
        elif not report.cancelled:
            self._finish(0, self._summary(report))

    def _summary(self, report: Any) -> str:
        import keyring

        model = self.application.window.contacts_model
        backend = type(keyring.get_keyring())
        return (
            f"smoke-test ok: {model.total_count()} contacts, "
            f"{len(self.application.window.sidebar_model.clients())} clients, "
            f"pulled {report.pulled_contacts}, pushed {report.pushed}, "
            f"keyring backend {backend.__module__}.{backend.__qualname__}"
        )

    def _finish(self, code: int, message: str) -> None:
        if self.code is not None:
            return
        self.code = code
        if code == 0:
            print(message, flush=True)
        else:
            print(f"smoke-test failed: {message}", file=sys.stderr, flush=True)
        QApplication.exit(code)


class _FirstPaint(QObject):
    """Prints when cached rows were first painted, then when the whole cache was loaded."""

    def __init__(self, application: Application, started: float) -> None:
        super().__init__()
        self.application, self.started = application, started
        self.code: int | None = None
        self._painted = False
        # Not viewport(): typing it makes shiboken load every widget class (~6 ms); the
        # table's own paint (its frame) comes in the same pass as its cells'.
        application.window.contacts.table.installEventFilter(self)
        application.events.contacts_loaded.connect(self._loaded)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self._painted:
            if self.application.window.contacts_model.rowCount() > 0:
                self._painted = True
                elapsed = process_age(self.started)
                rows = self.application.window.contacts_model.total_count()
                print(f"first-paint {elapsed:.3f} s rows {rows}", flush=True)
        return False

    def _loaded(self, rows: list[Any], _clients: Any) -> None:
        elapsed = process_age(self.started)
        print(f"loaded {elapsed:.3f} s rows {len(rows)} rss_mb {resident_mb():.0f}", flush=True)
        self.code = 0
        QTimer.singleShot(0, lambda: QApplication.exit(0))


def process_age(fallback_start: float) -> float:
    """Seconds since this process started (Linux /proc), else since fallback_start."""
    try:
        with open("/proc/self/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.perf_counter() - fallback_start


def resident_mb() -> float:
    """Resident memory of this process (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def exit_after_first_paint(application: Application, started: float) -> _FirstPaint:
    """Bench hook: exit once the table has painted cached rows."""
    return _FirstPaint(application, started)
