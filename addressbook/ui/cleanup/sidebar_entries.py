""" "Clean up (n)" and "Trash (n)" under the client tree: two entries, each opens its view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

CLEANUP, TRASH = 0, 1


class CleanupEntries(QListWidget):
    cleanup_clicked = Signal()
    trash_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Clean up and Trash")
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for _ in (CLEANUP, TRASH):
            self.addItem(QListWidgetItem())
        self.set_counts(None, None)
        self.itemActivated.connect(self._open)
        self.itemClicked.connect(self._open)
        rows = self.sizeHintForRow(0) * 2 + 2 * self.frameWidth() + 4
        self.setFixedHeight(rows)

    def set_counts(self, cleanup: int | None, trash: int | None) -> None:
        """None: not counted yet (signed out, or the first scan is running)."""
        for row, (label, count) in enumerate((("Clean up", cleanup), ("Trash", trash))):
            item = self.item(row)
            item.setText(label if count is None else f"{label} ({count:,})")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, item.text())

    def _open(self, item: QListWidgetItem) -> None:
        (self.cleanup_clicked if self.row(item) == CLEANUP else self.trash_clicked).emit()
