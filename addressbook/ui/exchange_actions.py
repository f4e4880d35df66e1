"""File menu actions: export contacts as vCard or CSV, and import with a preview.

Exports run on a QThreadPool thread: writing 100,000 contacts takes longer than
a frame (bench/bench_exchange.py measures it), and the data handed over is
immutable Contacts, so nothing is shared. Imports are previewed in
ImportDialog; the accepted contacts go to queue_creates, which the app hands to
its worker (one transaction: all of them or none).

The file dialogs are an object with two methods, so tests pass answers in
instead of driving a native dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from addressbook.core.models import Client, Contact
from addressbook.exchange.files import (
    ExportFormat,
    UnreadableFileError,
    export_contacts,
    read_import_file,
)
from addressbook.index.rows import company_names
from addressbook.ui.dialogs.import_dialog import ImportDialog

IMPORT_FILTERS = (
    "Contacts (*.vcf *.vcard *.csv *.txt)",
    "vCard (*.vcf *.vcard)",
    "CSV (*.csv *.txt)",
    "All files (*)",
)
EXPORT_FILTERS = tuple(export_format.file_filter for export_format in ExportFormat)


class FileDialogs:
    """Qt's file dialogs; tests pass an object with the same two methods."""

    def save_file(
        self, parent: QWidget | None, title: str, filters: Sequence[str]
    ) -> tuple[str, str]:
        """(path, chosen filter); an empty path when cancelled."""
        return QFileDialog.getSaveFileName(parent, title, "", ";;".join(filters))

    def open_file(self, parent: QWidget | None, title: str, filters: Sequence[str]) -> str:
        return QFileDialog.getOpenFileName(parent, title, "", ";;".join(filters))[0]


class _ExportSignals(QObject):
    finished = Signal(str, int)
    failed = Signal(str)


class _ExportJob(QRunnable):
    """Write one export file off the GUI thread; report through signals (queued to the GUI)."""

    def __init__(
        self, path: str, contacts: list[Contact], names: dict[int, str], fmt: ExportFormat
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # ExchangeActions holds it until its signals arrive
        self.signals = _ExportSignals()
        self._path, self._contacts, self._names, self._format = path, contacts, names, fmt

    def run(self) -> None:
        try:
            export_contacts(self._path, self._contacts, self._names, self._format)
        except OSError as error:
            reason = error.strerror or str(error)
            self.signals.failed.emit(f"Could not write {Path(self._path).name}: {reason}.")
        else:
            self.signals.finished.emit(self._path, len(self._contacts))


def with_suffix(path: str, export_format: ExportFormat) -> str:
    """Add the format's suffix when the user typed a name without any."""
    return path if Path(path).suffix else path + export_format.suffix


class ExchangeActions(QObject):
    exported = Signal(str, int)  # path, number of contacts
    export_failed = Signal(str)  # a sentence for the user
    import_failed = Signal(str)
    imports_queued = Signal(int)  # handed to queue_creates

    def __init__(
        self,
        parent_widget: QWidget,
        selected_contacts: Callable[[], list[Contact]],
        all_contacts: Callable[[], list[Contact]],
        clients: Callable[[], list[Client]],
        queue_creates: Callable[[list[Contact]], None],
        *,
        file_dialogs: FileDialogs | None = None,
        thread_pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._selected, self._all, self._clients = selected_contacts, all_contacts, clients
        self._queue_creates = queue_creates
        self.file_dialogs = file_dialogs or FileDialogs()
        self._pool = thread_pool or QThreadPool.globalInstance()
        self._jobs: set[_ExportJob] = set()
        self.import_dialog: ImportDialog | None = None
        self.export_all_action = self._action("&Export all contacts…", self.export_all)
        self.export_selected_action = self._action("Export &selected…", self.export_selected)
        self.import_action = self._action("&Import…", self.start_import)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    # -- export -----------------------------------------------------------------------
    def export_all(self) -> None:
        self._export(self._all(), "Export all contacts")

    def export_selected(self) -> None:
        self._export(self._selected(), "Export selected contacts")

    def _export(self, contacts: list[Contact], title: str) -> None:
        if not contacts:
            self.export_failed.emit("There are no contacts to export; select some first.")
            return
        path, chosen = self.file_dialogs.save_file(self._parent_widget, title, EXPORT_FILTERS)
        if not path:
            return
        export_format = ExportFormat.from_filter(chosen, path)
        names = company_names(self._clients())
        job = _ExportJob(with_suffix(path, export_format), list(contacts), names, export_format)
        job.signals.finished.connect(lambda *_: self._jobs.discard(job))
        job.signals.failed.connect(lambda *_: self._jobs.discard(job))
        job.signals.finished.connect(self.exported)
        job.signals.failed.connect(self.export_failed)
        self._jobs.add(job)  # keeps the signals object alive until the job reports
        self._pool.start(job)

    # -- import -----------------------------------------------------------------------
    def start_import(self) -> None:
        path = self.file_dialogs.open_file(self._parent_widget, "Import contacts", IMPORT_FILTERS)
        if not path:
            return
        try:
            source = read_import_file(path)
            dialog = ImportDialog(source, self._clients(), self._all(), parent=self._parent_widget)
        except OSError as error:
            reason = error.strerror or str(error)
            self.import_failed.emit(f"Could not read {Path(path).name}: {reason}.")
            return
        except UnreadableFileError as error:
            self.import_failed.emit(str(error))
            return
        dialog.accepted.connect(lambda: self._queue(dialog.contacts()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._forget_dialog)
        self.import_dialog = dialog
        dialog.open()

    def _queue(self, contacts: list[Contact]) -> None:
        if contacts:
            self._queue_creates(contacts)
            self.imports_queued.emit(len(contacts))

    def _forget_dialog(self) -> None:
        self.import_dialog = None
