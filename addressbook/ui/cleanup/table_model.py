"""One table model for every clean-up list: immutable rows of text, one reset per update.

Each row carries its object (ROW_ROLE) for the view's actions; a checkable model
keeps the checked rows by position (the phone preview's "apply these"). A row's texts
can be given, or made from its object when the row is first shown: at 100k contacts
the lists hold tens of thousands of rows, and only a screenful is ever painted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from addressbook.core.display import for_display

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractTableModel):
    def __init__(
        self, headers: Sequence[str], *, checkable: bool = False, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._texts: list[tuple[str, ...] | None] = []  # None: not made yet
        self._objects: list[Any] = []
        self._describe: Callable[[Any], Sequence[str]] | None = None
        self._checkable = checkable
        self._checked: set[int] = set()

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str]]], *, checked: bool = True) -> None:
        """(object, column texts) per row; checkable rows start checked (or not)."""
        texts = [tuple(for_display(text) for text in texts) for _, texts in rows]
        self._reset([item for item, _ in rows], texts, None, checked)

    def set_objects(self, objects: Sequence[Any], describe: Callable[[Any], Sequence[str]]) -> None:
        """One row per object; describe(object) gives its column texts when it is shown."""
        self._reset(list(objects), [None] * len(objects), describe, True)

    def _reset(
        self,
        objects: list[Any],
        texts: list[tuple[str, ...] | None],
        describe: Callable[[Any], Sequence[str]] | None,
        checked: bool,
    ) -> None:
        self.beginResetModel()
        self._objects, self._texts, self._describe = objects, texts, describe
        self._checked = set(range(len(objects))) if checked and self._checkable else set()
        self.endResetModel()

    def row_texts(self, row: int) -> tuple[str, ...]:
        texts = self._texts[row]
        if texts is None:
            assert self._describe is not None
            made = self._describe(self._objects[row])
            texts = self._texts[row] = tuple(for_display(text) for text in made)
        return texts

    def objects(self) -> list[Any]:
        return list(self._objects)

    def checked_objects(self) -> list[Any]:
        return [self._objects[row] for row in sorted(self._checked)]

    def set_checked(self, row: int, checked: bool) -> None:
        (self._checked.add if checked else self._checked.discard)(row)
        index = self.index(row, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    # -- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._texts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._texts):
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            texts = self.row_texts(row)
            return texts[column] if column < len(texts) else None
        if role == ROW_ROLE:
            return self._objects[row]
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable and column == 0:
            checked = row in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def setData(
        self,
        index: Index,
        value: Any,  # noqa: N802
        role: int = Qt.ItemDataRole.EditRole,
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self._checkable or index.column():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_checked(index.row(), checked)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._checkable and index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags
