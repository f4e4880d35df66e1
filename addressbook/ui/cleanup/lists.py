"""A titled list with its buttons: the building block of each clean-up tab and the trash."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from addressbook.ui.cleanup.table_model import ROW_ROLE, RowsModel


class ListPane(QWidget):
    activated = Signal(object)  # the row's object (double-click or Enter)

    def __init__(
        self,
        name: str,
        headers: Sequence[str],
        *,
        hint: str = "",
        checkable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = RowsModel(headers, checkable=checkable, parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(name)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self.activated.emit(index.data(ROW_ROLE)))
        self.hint = QLabel(hint, wordWrap=True)
        self.buttons = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def set_rows(self, rows: Sequence[tuple[Any, Sequence[str]]], *, checked: bool = True) -> None:
        self.model.set_rows(rows, checked=checked)
        if rows:
            for column in range(self.model.columnCount() - 1):
                self.table.setColumnWidth(column, 180)

    def set_objects(self, objects: Sequence[Any], describe: Callable[[Any], Sequence[str]]) -> None:
        """Rows whose texts are made when shown (see RowsModel.set_objects)."""
        self.model.set_objects(objects, describe)
        if objects:
            for column in range(self.model.columnCount() - 1):
                self.table.setColumnWidth(column, 180)

    def current(self) -> Any:
        index = self.table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)
