"""The import preview's table: one row per planned record, cells computed once per plan.

Values from the file are shown through core.display.for_display (plain text, bidi
overrides and control characters made harmless), and the record's own columns are
editable: a row with a problem is fixed in place, then planned again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics

from addressbook.core.display import for_display
from addressbook.exchange import ImportPlan, ImportRecord, PlannedRow
from addressbook.exchange.records import RECORD_FIELDS, record_of
from addressbook.ui.models.headers import header_data

AnyIndex = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
PLANNED_ROW_ROLE = Qt.ItemDataRole.UserRole + 1

# Who first, then what happens to them: a long status never pushes the names out of view.
COLUMN_TITLES = (
    "From",
    "First name",
    "Last name",
    "Status",
    "Company in file",
    "Client",
    "Title",
    "Email",
    "Office phone",
    "Mobile phone",
    "Fax",
)
COLUMN_STATUS = 3
# The columns a user may edit, and the record field each one changes.
EDITABLE_COLUMNS = {
    1: "first_name",
    2: "last_name",
    4: "company",
    6: "title",
    7: "email",
    8: "phone_office",
    9: "phone_mobile",
    10: "fax",
}
_CONTACT_COLUMNS = ("title", "email", "phone_office", "phone_mobile", "fax")
_MEASURED = 200  # the longest texts measured to size the Status column


def status_text(row: PlannedRow, include_duplicates: bool) -> str:
    return row.status_text(include_duplicates)


def edited(record: ImportRecord, field: str, value: str) -> ImportRecord:
    values = {name: getattr(record, name) for name in RECORD_FIELDS}
    values[field] = value
    return record_of(record.where, values, record.others, record.notes)


def plan_cells(plan: ImportPlan) -> list[tuple[str, ...]]:
    """Every cell's text, as shown: computed once per plan (off the GUI thread when big)."""
    return [_row_cells(row, plan.include_duplicates) for row in plan.rows]


def _row_cells(row: PlannedRow, include_duplicates: bool) -> tuple[str, ...]:
    record, contact = row.record, row.contact
    return tuple(
        for_display(text)
        for text in (
            record.where,
            record.first_name.strip(),
            record.last_name.strip(),
            status_text(row, include_duplicates),
            record.company.strip(),
            row.client.name if row.client else "",
            *(getattr(contact, name) or "" for name in _CONTACT_COLUMNS),
        )
    )


class ImportPreviewModel(QAbstractTableModel):
    """The plan's rows; painting a cell costs a tuple lookup."""

    record_edited = Signal(int, object)  # row, the edited ImportRecord

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[PlannedRow, ...] = ()
        self._cells: list[tuple[str, ...]] = []

    def set_plan(self, plan: ImportPlan, cells: list[tuple[str, ...]] | None = None) -> None:
        """cells: plan_cells(plan), when computed already (off the GUI thread)."""
        self.beginResetModel()
        self._rows = plan.rows
        self._cells = cells if cells is not None else plan_cells(plan)
        self.endResetModel()

    def planned_row(self, row: int) -> PlannedRow:
        return self._rows[row]

    def status_width(self, metrics: QFontMetrics) -> int:
        """Pixels that show the longest status whole (the column is never cut off)."""
        statuses = sorted((cells[COLUMN_STATUS] for cells in self._cells), key=len)
        widths = [metrics.horizontalAdvance(text) for text in statuses[-_MEASURED:]]
        return max(widths, default=0) + 2 * metrics.averageCharWidth() + 8

    def rowCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: AnyIndex = _NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.EditRole:
            field = EDITABLE_COLUMNS.get(index.column())
            return getattr(self._rows[index.row()].record, field) if field else None
        if role == PLANNED_ROW_ROLE:
            return self._rows[index.row()]
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in EDITABLE_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(  # noqa: N802
        self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        field = EDITABLE_COLUMNS.get(index.column()) if index.isValid() else None
        if field is None or role != Qt.ItemDataRole.EditRole or not isinstance(value, str):
            return False
        row = index.row()
        cells = list(self._cells[row])
        cells[index.column()] = for_display(value.strip())
        self._cells[row] = tuple(cells)
        self.dataChanged.emit(index, index)
        self.record_edited.emit(row, edited(self._rows[row].record, field, value))
        return True

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(COLUMN_TITLES, section, orientation, role)
