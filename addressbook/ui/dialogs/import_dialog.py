"""Preview an import before anything is created: every row with what will happen to it.

The user can change what the file is read as (encoding, and for CSV which column
is which field), pick the client for contacts whose company is not a Harvest
client, and let look-alike rows in. Rows with problems are shown with the reason
and skipped; nothing is fixed behind the user's back. contacts() is the result.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from addressbook.core.duplicates import DuplicateIndex
from addressbook.core.models import Client, Contact
from addressbook.exchange import (
    TARGET_LABELS,
    TARGETS,
    ImportPlan,
    PlannedRow,
    RowStatus,
    build_plan,
)
from addressbook.exchange.files import (
    ImportReading,
    ImportSource,
    UnreadableFileError,
    read_source,
    remap,
)
from addressbook.index.rows import fast_fold
from addressbook.ui.models.headers import header_data

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
PLANNED_ROW_ROLE = Qt.ItemDataRole.UserRole + 1

COLUMN_TITLES = (
    "Status",
    "From",
    "First name",
    "Last name",
    "Company in file",
    "Client",
    "Title",
    "Email",
    "Office phone",
    "Mobile phone",
    "Fax",
)
COLUMN_STATUS = 0
_RECORD_COLUMNS = ("first_name", "last_name", "company")
_CONTACT_COLUMNS = ("title", "email", "phone_office", "phone_mobile", "fax")

# (label, Python codec); None is the rule of addressbook.exchange.text_decoding.
ENCODINGS: tuple[tuple[str, str | None], ...] = (
    ("Automatic", None),
    ("Unicode (UTF-8)", "utf-8"),
    ("Unicode (UTF-16)", "utf-16"),
    ("Western (Windows-1252)", "cp1252"),
    ("Cyrillic (Windows-1251)", "cp1251"),
    ("Greek (Windows-1253)", "cp1253"),
    ("Central European (Windows-1250)", "cp1250"),
    ("Cyrillic (KOI8-R)", "koi8_r"),
    ("Cyrillic (ISO 8859-5)", "iso8859_5"),
    ("Greek (ISO 8859-7)", "iso8859_7"),
    ("Western (ISO 8859-1)", "latin-1"),
    ("Western (Mac Roman)", "mac_roman"),
)
_IGNORED = "(ignore)"


def encoding_label(codec: str) -> str:
    """'cp1251' -> 'Cyrillic (Windows-1251)'; BOM and byte-order variants named as Unicode."""
    name = codecs.lookup(codec).name
    for label, known in ENCODINGS[1:]:
        if known is not None and codecs.lookup(known).name == name:
            return label
    if name.startswith(("utf-8", "utf-16", "utf-32")):
        return f"Unicode ({name.upper()})"
    return codec


def status_text(row: PlannedRow, include_duplicates: bool) -> str:
    if row.status is RowStatus.NEW:
        return row.status.value
    if row.is_duplicate:
        verdict = "will import" if include_duplicates else "skipped"
        return f"{row.status.value}, {verdict}: {row.reason}"
    return f"{row.status.value}: {row.reason}"


class ImportPreviewModel(QAbstractTableModel):
    """The plan's rows; cells are computed once per plan, so painting costs a tuple lookup."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PlannedRow, ...] = ()
        self._cells: list[tuple[str, ...]] = []

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self._rows = plan.rows
        self._cells = [self._row_cells(row, plan.include_duplicates) for row in plan.rows]
        self.endResetModel()

    @staticmethod
    def _row_cells(row: PlannedRow, include_duplicates: bool) -> tuple[str, ...]:
        record, contact = row.record, row.contact
        return (
            status_text(row, include_duplicates),
            record.where,
            *(getattr(record, name).strip() for name in _RECORD_COLUMNS),
            row.client.name if row.client else "",
            *(getattr(contact, name) or "" for name in _CONTACT_COLUMNS),
        )

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == PLANNED_ROW_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(COLUMN_TITLES, section, orientation, role)


class ImportDialog(QDialog):
    def __init__(
        self,
        source: ImportSource,
        clients: Sequence[Client],
        existing: Sequence[Contact],
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clients = list(clients)
        # Built once: picking another client or mapping re-plans without re-indexing.
        self._existing = DuplicateIndex.build(existing)
        self._reading: ImportReading = read_source(source)
        self._plan = ImportPlan(())
        self.mapping_combos: list[QComboBox] = []
        self.setWindowTitle(f"Import contacts from {source.name}")
        self._build()
        self._show_reading()
        self._replan()

    # -- results --------------------------------------------------------------------
    def contacts(self) -> list[Contact]:
        """The contacts to create: the rows marked "Will import"."""
        return self._plan.contacts_to_create()

    # -- building -------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.file_label.setAccessibleName("File read")
        layout.addWidget(self.file_label)
        layout.addLayout(self._build_choices())
        self.mapping_box = self._build_mapping_box()
        layout.addWidget(self.mapping_box)
        layout.addWidget(self._build_table(), 1)
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName("Import summary")
        layout.addWidget(self.summary_label)
        layout.addWidget(self._build_buttons())
        self.resize(960, 640)

    def _build_choices(self) -> QFormLayout:
        form = QFormLayout()
        self.encoding_combo = QComboBox()
        for label, codec in ENCODINGS:
            self.encoding_combo.addItem(label, codec)
        self.encoding_combo.setAccessibleName("Encoding of the file")
        self._shown_encoding_index = 0
        self.encoding_combo.currentIndexChanged.connect(self._encoding_changed)
        form.addRow("&Encoding:", self.encoding_combo)
        self.client_combo = QComboBox()
        self.client_combo.addItem("(choose a client)", None)
        active = sorted((c for c in self._clients if c.active), key=lambda c: fast_fold(c.name))
        for client in active:
            self.client_combo.addItem(client.name, client.id)
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

    def _build_mapping_box(self) -> QGroupBox:
        box = QGroupBox("Columns: which field each column of the file fills")
        self.mapping_grid = QGridLayout()
        inner = QWidget()
        inner.setLayout(self.mapping_grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumHeight(110)
        scroll.setMaximumHeight(170)
        QVBoxLayout(box).addWidget(scroll)
        return box

    def _build_table(self) -> QTableView:
        self.model = ImportPreviewModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Rows to import")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(COLUMN_STATUS, 260)
        # Fixed row heights: no per-row measuring, so thousands of rows stay quick.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        return self.table

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.import_button = QPushButton("&Import")
        self.import_button.setAccessibleName("Import")
        self.import_button.setDefault(True)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    def _show_reading(self) -> None:
        self._describe_file()
        self._fill_mapping()

    def _fill_mapping(self) -> None:
        """One label and combo per CSV column; hidden for vCard, whose fields are named."""
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.mapping_combos = []
        table = self._reading.table
        self.mapping_box.setVisible(table is not None)
        if table is None:
            return
        for column, (name, target) in enumerate(
            zip(table.header, self._reading.mapping, strict=True)
        ):
            self._add_mapping_row(column, name or f"Column {column + 1}", target)

    def _add_mapping_row(self, column: int, name: str, target: str | None) -> None:
        label = QLabel(name)
        combo = QComboBox()
        # Narrower than its longest entry, so three columns fit side by side.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        combo.addItem(_IGNORED, None)
        for choice in TARGETS:
            combo.addItem(TARGET_LABELS[choice], choice)
        combo.setCurrentIndex(combo.findData(target) if target else 0)
        combo.setAccessibleName(f"Field for column {name}")
        label.setBuddy(combo)
        combo.currentIndexChanged.connect(self._mapping_changed)
        row, pair = divmod(column, 3)
        self.mapping_grid.addWidget(label, row, pair * 2)
        self.mapping_grid.addWidget(combo, row, pair * 2 + 1)
        self.mapping_combos.append(combo)

    # -- reacting -------------------------------------------------------------------
    def _encoding_changed(self) -> None:
        codec = self.encoding_combo.currentData()
        mapping = self._reading.mapping or None
        try:
            self._reading = read_source(self._source, codec, mapping)
        except UnreadableFileError:
            # The file was readable in the encoding it opened with: keep that reading.
            self.encoding_combo.blockSignals(True)
            self.encoding_combo.setCurrentIndex(self._shown_encoding_index)
            self.encoding_combo.blockSignals(False)
            return
        self._shown_encoding_index = self.encoding_combo.currentIndex()
        self._show_reading()
        self._replan()

    def _mapping_changed(self) -> None:
        mapping = tuple(combo.currentData() for combo in self.mapping_combos)
        self._reading = remap(self._reading, mapping)
        self._replan()

    def _duplicates_toggled(self, include: bool) -> None:
        self._show_plan(replace(self._plan, include_duplicates=include))

    def _fallback_client(self) -> Client | None:
        client_id = self.client_combo.currentData()
        return next((c for c in self._clients if c.id == client_id), None)

    def _replan(self) -> None:
        plan = build_plan(
            self._reading.records,
            self._clients,
            self._existing,
            fallback_client=self._fallback_client(),
            include_duplicates=self.include_duplicates_box.isChecked(),
        )
        self._show_plan(plan)

    def _show_plan(self, plan: ImportPlan) -> None:
        self._plan = plan
        self.model.set_plan(plan)
        summary = plan.summary()
        self.summary_label.setText(summary + ".")
        self.summary_label.setAccessibleDescription(summary)
        self.import_button.setEnabled(bool(plan.contacts_to_create()))

    def _describe_file(self) -> None:
        """What the file was read as; a new column mapping changes none of it."""
        decoded = self._reading.decoded
        kind = "vCard" if self._reading.table is None else "CSV"
        count = len(self._reading.records)
        rows = "1 row" if count == 1 else f"{count:,} rows"
        text = f"{self._source.name}: {kind}, {rows}, read as "
        text += encoding_label(decoded.encoding)
        if decoded.guessed:
            text += " (a guess: if names look garbled, choose the encoding)"
        if decoded.lossy:
            text += ". Some characters could not be read in this encoding"
        self.file_label.setText(text + ".")
        self.file_label.setAccessibleDescription(text)

    def accept(self) -> None:
        if self.import_button.isEnabled():
            super().accept()
