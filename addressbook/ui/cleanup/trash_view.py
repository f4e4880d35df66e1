"""The Trash: deleted contacts, who deleted them and when; Restore and Empty trash."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from addressbook.core.words import counted
from addressbook.storage.trash import TrashedContact
from addressbook.ui.cleanup.lists import ListPane
from addressbook.ui.dates import short_date_time

SOURCES = {"local": "Deleted here", "harvest": "Deleted in Harvest"}


class TrashView(ListPane):
    restore_requested = Signal(object)  # TrashedContact
    empty_requested = Signal()  # confirmed by the user

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Trash",
            ("Name", "Client", "Email", "Deleted", "By"),
            hint="Deleted contacts are kept here for 30 days. Restore puts "
            "one back on Harvest (a new contact with every field).",
            parent=parent,
        )
        self.setAccessibleName("Trash")
        self.restore_button = self.add_button("&Restore", "Restore contact")
        self.empty_button = self.add_button("&Empty trash…", "Empty trash")
        self.finish_buttons()
        self.restore_button.clicked.connect(self._restore_current)
        self.activated.connect(self._restore)
        self.empty_button.clicked.connect(self.confirm_empty)
        self.confirmation: QMessageBox | None = None

    def show_trash(
        self, items: Sequence[TrashedContact], client_names: Mapping[int, str], keep_days: int = 30
    ) -> None:
        rows = [
            (
                item,
                (
                    item.contact.full_name,
                    client_names.get(item.contact.client_id, ""),
                    item.contact.email or "",
                    short_date_time(item.deleted_at),
                    SOURCES[item.source],
                ),
            )
            for item in items
        ]
        self.set_rows(rows)
        self.hint.setText(
            f"{counted(len(items), 'deleted contact')}, kept for {keep_days} days. "
            "Restore puts one back on Harvest (a new contact with every field)."
        )
        self.restore_button.setEnabled(bool(items))
        self.empty_button.setEnabled(bool(items))
        if items and not self.table.currentIndex().isValid():
            self.select_row(0)

    def _restore_current(self) -> None:
        self._restore(self.current())

    def _restore(self, item: TrashedContact | None) -> None:
        if item is not None:
            self.restore_requested.emit(item)

    def confirm_empty(self) -> QMessageBox:
        count = self.model.rowCount()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Empty trash",
            f"Forget {counted(count, 'deleted contact')} for good?\n\n"
            "They cannot be restored afterwards.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setAccessibleName("Confirm empty trash")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(self._emptied)
        box.finished.connect(box.deleteLater)
        self.confirmation = box
        box.open()
        return box

    def _emptied(self, result: int) -> None:
        self.confirmation = None
        if result == QMessageBox.StandardButton.Yes:
            self.empty_requested.emit()
