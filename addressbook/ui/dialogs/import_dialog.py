"""Preview an import before anything is created: every row with what will happen to it.

The dialog opens at once; the file is read and planned off the GUI thread
(import_job) with a progress bar, and Cancel stops it. The user can change what
the file is read as (encoding, and for CSV which column is which field), pick the
client for contacts whose company is not a Harvest client, let look-alike rows
in, fix a row in place (edit its cells), and choose which of several values goes
in (right-click a row). Nothing is fixed behind the user's back. contacts() is
the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QPoint, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from addressbook.core.display import for_display
from addressbook.core.duplicates import DuplicateIndex
from addressbook.core.models import Client, Contact
from addressbook.exchange import ImportPlan, ImportRecord
from addressbook.exchange.columns import ColumnMapping
from addressbook.exchange.files import ImportFile, ImportReading, ImportSource
from addressbook.exchange.records import RECORD_LABELS, Alternative
from addressbook.index.rows import fast_fold
from addressbook.ui.dialogs.import_choices import (
    ENCODINGS,
    MappingBox,
    encoding_combo,
    encoding_label,
)
from addressbook.ui.dialogs.import_job import ImportJob, ImportOutcome, ImportRequest
from addressbook.ui.dialogs.import_preview import (
    COLUMN_STATUS,
    COLUMN_TITLES,
    PLANNED_ROW_ROLE,
    ImportPreviewModel,
    status_text,
)
from addressbook.ui.plain_text import plain_label

MAX_IMPORT_ROWS = 100_000  # more than any contacts file; beyond it memory would grow unseen
__all__ = [
    "COLUMN_STATUS",
    "COLUMN_TITLES",
    "ENCODINGS",
    "MAX_IMPORT_ROWS",
    "PLANNED_ROW_ROLE",
    "ImportDialog",
    "ImportPreviewModel",
    "encoding_label",
    "status_text",
]


class ImportDialog(QDialog):
    failed = Signal(str)  # the file could not be read at all: a sentence; the dialog closes
    planned = Signal()  # a reading or re-plan is shown (tests and the status wait on it)

    def __init__(
        self,
        source: ImportSource | ImportFile,
        clients: Sequence[Client],
        existing: Sequence[Contact],
        *,
        parent: QWidget | None = None,
        max_rows: int | None = MAX_IMPORT_ROWS,
        thread_pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clients = list(clients)
        self._existing = DuplicateIndex.build(existing)  # once: re-plans reuse it
        self._max_rows = max_rows
        self._pool = thread_pool or QThreadPool.globalInstance()
        self._reading: ImportReading | None = None
        self._records: list[ImportRecord] = []
        self._overrides: dict[int, ImportRecord] = {}
        self._plan = ImportPlan(())
        self._generation = 0
        self._jobs: dict[int, ImportJob] = {}
        self.setWindowTitle(f"Import contacts from {for_display(source.name)}")
        self._build()
        self._start(encoding=None, mapping=None)

    # -- results --------------------------------------------------------------------
    def contacts(self) -> list[Contact]:
        """The contacts to create: the rows marked "Will import"."""
        return self._plan.contacts_to_create()

    @property
    def busy(self) -> bool:
        """The latest reading or plan is still being computed."""
        return self._generation in self._jobs

    @property
    def mapping_combos(self) -> list[QComboBox]:
        return self.mapping_box.combos

    # -- building -------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.file_label = self._plain_label("File read")
        self.file_label.setText(f"Reading {for_display(self._source.name)}…")
        layout.addWidget(self.file_label)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Reading the file")
        layout.addWidget(self.progress)
        layout.addLayout(self._build_choices())
        self.mapping_box = MappingBox()
        self.mapping_box.hide()
        self.mapping_box.mapping_changed.connect(self._mapping_changed)
        layout.addWidget(self.mapping_box)
        layout.addWidget(self._build_table(), 1)
        self.row_details = self._plain_label("Selected row")
        self.row_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.row_details)
        self.summary_label = self._plain_label("Import summary")
        layout.addWidget(self.summary_label)
        layout.addWidget(self._build_buttons())
        self.resize(960, 640)

    @staticmethod
    def _plain_label(name: str) -> QLabel:
        label = plain_label()  # file text is data, never markup
        label.setWordWrap(True)
        label.setAccessibleName(name)
        return label

    def _build_choices(self) -> QFormLayout:
        form = QFormLayout()
        self.encoding_combo = encoding_combo()
        self._shown_encoding_index = 0
        self.encoding_combo.currentIndexChanged.connect(self._encoding_changed)
        form.addRow("&Encoding:", self.encoding_combo)
        self.client_combo = QComboBox()
        self.client_combo.addItem("(choose a client)", None)
        active = sorted((c for c in self._clients if c.active), key=lambda c: fast_fold(c.name))
        for client in active:
            self.client_combo.addItem(for_display(client.name), client.id)
        self.client_combo.setAccessibleName("Client for contacts whose company is not a client")
        self.client_combo.setToolTip(
            "Harvest contacts belong to a client. A company in the file that matches an "
            "active client goes there; the others go to this client."
        )
        self.client_combo.currentIndexChanged.connect(self._replan)
        form.addRow("&Client for the rest:", self.client_combo)
        self.include_duplicates_box = QCheckBox("Also import rows that look like &duplicates")
        self.include_duplicates_box.setAccessibleName("Also import rows that look like duplicates")
        self.include_duplicates_box.toggled.connect(self._duplicates_toggled)
        form.addRow(self.include_duplicates_box)
        return form

    def _build_table(self) -> QTableView:
        self.model = ImportPreviewModel(self)
        self.model.record_edited.connect(self._record_edited)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Rows to import")
        self.table.setAccessibleDescription(
            "Edit a cell to fix a row; right-click a row to import another of its values"
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN_STATUS, 260)
        # Fixed row heights: no per-row measuring, so thousands of rows stay quick.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().currentRowChanged.connect(self._show_row_details)
        return self.table

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setAccessibleName("Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # -- the work off the GUI thread ------------------------------------------------
    def _start(
        self,
        *,
        encoding: str | None,
        mapping: ColumnMapping | None,
        reading: ImportReading | None = None,
    ) -> None:
        """Cancel what runs and compute anew; reading given: re-map and re-plan only."""
        self._cancel_jobs()
        self._generation += 1
        request = ImportRequest(
            self._source,
            self._clients,
            self._existing,
            self._fallback_client(),
            self.include_duplicates_box.isChecked(),
            self._max_rows,
            encoding,
            mapping,
            reading,
            dict(self._overrides),
        )
        job = ImportJob(self._generation, request)
        job.signals.progressed.connect(self._progressed)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        job.signals.ended.connect(self._ended)
        self._jobs[self._generation] = job
        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self._pool.start(job)

    def _cancel_jobs(self) -> None:
        for job in self._jobs.values():
            job.cancelled.set()

    def _forget(self, generation: int) -> bool:
        """Drop the job's reference; True when it is the one whose answer counts."""
        self._jobs.pop(generation, None)
        return generation == self._generation

    def _ended(self, generation: int) -> None:
        self._jobs.pop(generation, None)

    def _progressed(self, generation: int, percent: int) -> None:
        if generation == self._generation:
            self.progress.setValue(percent)

    def _finished(self, generation: int, outcome: ImportOutcome) -> None:
        if not self._forget(generation):
            return
        self.progress.hide()
        self._reading, self._records = outcome.reading, outcome.records
        if outcome.reread:
            self._shown_encoding_index = self.encoding_combo.currentIndex()
            self._describe_file()
            self.mapping_box.show_table(outcome.reading.table, outcome.reading.mapping)
        self._show_plan(outcome.plan, outcome.cells)

    def _failed(self, generation: int, message: str) -> None:
        if not self._forget(generation):
            return
        self.progress.hide()
        if self._reading is None:  # nothing could be read: say so where the user started
            self.failed.emit(message)
            self.reject()
            return
        # Another encoding made the file unreadable: keep the reading that worked.
        self.encoding_combo.blockSignals(True)
        self.encoding_combo.setCurrentIndex(self._shown_encoding_index)
        self.encoding_combo.blockSignals(False)
        self.row_details.setText(message)
        self._show_plan(self._plan)

    # -- reacting -------------------------------------------------------------------
    def _encoding_changed(self) -> None:
        self._overrides.clear()  # the rows may read differently now
        mapping = self._reading.mapping if self._reading else None
        self._start(encoding=self.encoding_combo.currentData(), mapping=mapping or None)

    def _mapping_changed(self, mapping: ColumnMapping) -> None:
        self._overrides.clear()
        self._start(encoding=None, mapping=mapping, reading=self._reading)

    def _replan(self) -> None:
        if self._reading is not None:
            self._start(encoding=None, mapping=None, reading=self._reading)
        else:  # still reading the file: read it again under the new choice
            self._start(encoding=self.encoding_combo.currentData(), mapping=None)

    def _record_edited(self, row: int, record: ImportRecord) -> None:
        self._overrides[row] = record
        self._replan()

    def choose_alternative(self, row: int, alternative: Alternative) -> None:
        """Import `alternative` for its field in this row; the value it replaces is listed."""
        self._record_edited(row, self._records[row].with_alternative(alternative))

    def _duplicates_toggled(self, include: bool) -> None:
        self._show_plan(replace(self._plan, include_duplicates=include))

    def _fallback_client(self) -> Client | None:
        client_id = self.client_combo.currentData()
        return next((c for c in self._clients if c.id == client_id), None)

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        menu = self.alternatives_menu(index.row())
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(position))

    def alternatives_menu(self, row: int) -> QMenu:
        menu = QMenu(self)
        for other in self._records[row].others:
            text = f"Import {other.describe()} as {RECORD_LABELS[other.field]}"
            action = menu.addAction(for_display(text))
            action.triggered.connect(lambda _=False, o=other: self.choose_alternative(row, o))
        return menu

    # -- showing --------------------------------------------------------------------
    def _show_plan(self, plan: ImportPlan, cells: list[tuple[str, ...]] | None = None) -> None:
        self._plan = plan
        self.model.set_plan(plan, cells)
        header = self.table.horizontalHeader()
        header.resizeSection(COLUMN_STATUS, max(260, self.model.status_width(self.fontMetrics())))
        summary = plan.summary()
        self.summary_label.setText(summary + ".")
        self.summary_label.setAccessibleDescription(summary)
        self.import_button.setEnabled(bool(plan.contacts_to_create()) and not self.busy)
        self.planned.emit()

    def _show_row_details(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            planned = self.model.planned_row(row)
            text = f"{planned.record.where}: {status_text(planned, self._plan.include_duplicates)}"
            if planned.record.others:
                text += " (right-click the row to import one of them instead)"
            self.row_details.setText(for_display(text))

    def _describe_file(self) -> None:
        """What the file was read as; a new column mapping changes none of it."""
        assert self._reading is not None
        reading, decoded = self._reading, self._reading.decoded
        kind = "vCard" if reading.table is None else "CSV"
        count = len(reading.records)
        rows = "1 row" if count == 1 else f"{count:,} rows"
        text = f"{self._source.name}: {kind}, {rows}, read as {encoding_label(decoded.encoding)}"
        if decoded.guessed:
            text += " (a guess: if names look garbled, choose the encoding)"
        if decoded.lossy:
            text += ". Some characters could not be read in this encoding"
        if reading.table is not None and not reading.table.has_header:
            text += ". The file has no header row: its columns were mapped by what they hold"
        if reading.truncated:
            text += (
                f". Only the first {count:,} rows were read: the file has more than a "
                "contacts file holds; split it to import the rest"
            )
        self.file_label.setText(for_display(text) + ".")
        self.file_label.setAccessibleDescription(text)

    def accept(self) -> None:
        if self.import_button.isEnabled() and not self.busy:
            super().accept()

    def done(self, result: int) -> None:
        self._cancel_jobs()
        super().done(result)
