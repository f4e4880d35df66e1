"""File menu actions: export contacts as vCard or CSV, and import with a preview.

Exports run on a QThreadPool thread: writing 100,000 contacts takes longer than
a frame (bench/bench_exchange.py measures it), and the data handed over is
immutable Contacts, so nothing is shared. Imports are previewed in
ImportDialog; the accepted contacts go to queue_creates, which the app hands to
its worker (one transaction: all of them or none).

The file dialogs start in the folder used last (else Documents, else home; never
the folder the app was launched from), and Export suggests a file name. A file
larger than any contacts file is announced before anything is read, and the user
can stop there. The file dialogs and that question are an object with three
methods, so tests pass answers in instead of driving native dialogs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, QThreadPool, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from addressbook.core.models import Client, Contact
from addressbook.exchange.files import ExportFormat, ImportFile, export_contacts
from addressbook.index.rows import company_names
from addressbook.settings import Preferences, Settings
from addressbook.ui.dialogs.import_dialog import MAX_IMPORT_ROWS, ImportDialog
from addressbook.ui.dialogs.import_job import failure_message

IMPORT_FILTERS = (
    "Contacts (*.vcf *.vcard *.csv *.txt)",
    "vCard (*.vcf *.vcard)",
    "CSV (*.csv *.txt)",
    "All files (*)",
)
EXPORT_FILTERS = tuple(export_format.file_filter for export_format in ExportFormat)
MAX_IMPORT_BYTES = 50 * 1024 * 1024  # far beyond any contacts file: ask before reading


class FileDialogs:
    """Qt's file dialogs and the large-file question; tests pass an object with these methods."""

    def save_file(
        self, parent: QWidget | None, title: str, filters: Sequence[str], suggested: str
    ) -> tuple[str, str]:
        """(path, chosen filter); an empty path when cancelled. suggested: folder/name."""
        return QFileDialog.getSaveFileName(parent, title, suggested, ";;".join(filters))

    def open_file(
        self, parent: QWidget | None, title: str, filters: Sequence[str], folder: str
    ) -> str:
        return QFileDialog.getOpenFileName(parent, title, folder, ";;".join(filters))[0]

    def confirm_large_file(self, parent: QWidget | None, name: str, size: int) -> bool:
        answer = QMessageBox.question(
            parent,
            "Import a very large file?",
            large_file_question(name, size),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes


def large_file_question(name: str, size: int) -> str:
    return (
        f"{name} is {size / 1024 / 1024:,.0f} MB, larger than any contacts file. Reading it "
        f"may take a while; only its first {MAX_IMPORT_ROWS:,} rows will be read, and you "
        "can cancel at any time. Read it?"
    )


def default_folder() -> str:
    """Documents, else home: never the folder the app happened to be launched from."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())


def suggested_name(count: int, selected: bool, export_format: ExportFormat) -> str:
    """'Harvest contacts 2026-12-04.vcf', or 'Harvest contacts (3 selected) 2026-12-04.csv'."""
    part = f" ({count} selected)" if selected else ""
    return f"Harvest contacts{part} {date.today().isoformat()}{export_format.suffix}"


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
    """Add the format's suffix when the user typed a name without any; a suggested name
    whose suffix is another format's follows the format chosen in the filter."""
    suffix = Path(path).suffix
    if suffix.lower() in (".vcf", ".csv") and suffix.lower() != export_format.suffix:
        return str(Path(path).with_suffix(export_format.suffix))
    return path if suffix else path + export_format.suffix


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
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self._parent_widget = parent_widget
        self._selected, self._all, self._clients = selected_contacts, all_contacts, clients
        self._queue_creates = queue_creates
        self.file_dialogs = file_dialogs or FileDialogs()
        self._settings = settings
        self._folder = settings.get(Preferences.EXCHANGE_FOLDER) if settings else ""
        self._pool = thread_pool or QThreadPool.globalInstance()
        self._jobs: set[_ExportJob] = set()
        self.import_dialog: ImportDialog | None = None
        self.export_all_action = self._action("&Export all contacts…", self.export_all)
        self.export_selected_action = self._action("Export &selected…", self.export_selected)
        self.import_action = self._action("&Import…", self.start_import)
        self.export_selected_action.setEnabled(False)  # until something is selected

    def set_selection_count(self, count: int) -> None:
        """Export selected is offered only when there is a selection."""
        self.export_selected_action.setEnabled(count > 0)

    @property
    def folder(self) -> str:
        """Where the file dialogs start: the folder used last, if it still exists."""
        if self._folder and Path(self._folder).is_dir():
            return self._folder
        return default_folder()

    def _remember_folder(self, path: str) -> None:
        self._folder = str(Path(path).parent)
        if self._settings is not None:
            self._settings.set(Preferences.EXCHANGE_FOLDER, self._folder)

    def _action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    # -- export -----------------------------------------------------------------------
    def export_all(self) -> None:
        self._export(self._all(), "Export all contacts", selected=False)

    def export_selected(self) -> None:
        self._export(self._selected(), "Export selected contacts", selected=True)

    def _export(self, contacts: list[Contact], title: str, *, selected: bool) -> None:
        if not contacts:
            self.export_failed.emit("There are no contacts to export; select some first.")
            return
        name = suggested_name(len(contacts), selected, ExportFormat.VCARD_3)
        suggested = str(Path(self.folder) / name)
        path, chosen = self.file_dialogs.save_file(
            self._parent_widget, title, EXPORT_FILTERS, suggested
        )
        if not path:
            return
        self._remember_folder(path)
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
        """Ask for a file, warn when it is huge, then open the preview at once: the file is
        read off the GUI thread while the dialog shows progress."""
        path = self.file_dialogs.open_file(
            self._parent_widget, "Import contacts", IMPORT_FILTERS, self.folder
        )
        if not path:
            return
        self._remember_folder(path)
        source = ImportFile(Path(path))
        try:
            size = source.size
        except OSError as error:
            self.import_failed.emit(failure_message(source.name, error))
            return
        if size > MAX_IMPORT_BYTES and not self.file_dialogs.confirm_large_file(
            self._parent_widget, source.name, size
        ):
            return
        dialog = ImportDialog(source, self._clients(), self._all(), parent=self._parent_widget)
        dialog.failed.connect(self.import_failed)
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
