"""Uncaught exceptions: logged with their traceback, shown in a dialog, and the app goes on.

Installed as sys.excepthook and threading.excepthook. An exception on the
worker thread reaches the GUI thread through a queued signal, since only the
GUI thread may show a dialog.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

log = logging.getLogger(__name__)


class CrashReporter(QObject):
    crashed = Signal(str, str)  # summary, traceback text

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple[Any, Any] | None = None
        self.log_file = ""
        self.dialog: QMessageBox | None = None

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def handle(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        log.critical("Uncaught exception", exc_info=(kind, error, trace))
        text = "".join(traceback.format_exception(kind, error, trace))
        if self.log_file:
            text += f"\nLog file: {self.log_file}"
        self.crashed.emit(f"{kind.__name__}: {error}", text)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str, str)
    def _show(self, summary: str, details: str) -> None:
        from addressbook.ui.crash_dialog import show_crash_dialog  # only ever after a bug

        parent = QApplication.activeWindow()
        # Keep a reference: a box without a parent would be garbage-collected at once.
        self.dialog = show_crash_dialog(
            parent if isinstance(parent, QWidget) else None, summary, details
        )
