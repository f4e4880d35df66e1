"""The History section of the contact card: each version seen, what changed, and
"Restore this version" (an update of the fields that differ from now)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from addressbook.core.display import for_display
from addressbook.core.models import CONTACT_FIELD_LABELS, EDITABLE_CONTACT_FIELDS, Contact
from addressbook.storage.history import Version
from addressbook.ui.dates import short_date_time

SOURCES = {"harvest": "From Harvest", "local": "Edited here"}
INDEX_ROLE = Qt.ItemDataRole.UserRole + 1


def describe_changes(
    before: Contact | None, after: Contact, client_names: Mapping[int, str]
) -> str:
    """'Title: CEO → Chair; Email: (empty) → a@b.com' (the first version: 'First seen')."""
    if before is None:
        return "First seen"

    def shown(name: str, value: Any) -> str:
        if value in (None, ""):
            return "(empty)"
        if name == "client_id":
            return client_names.get(value, str(value))
        return str(value)

    changes = [
        f"{CONTACT_FIELD_LABELS[name]}: {shown(name, getattr(before, name))} → "
        f"{shown(name, getattr(after, name))}"
        for name in EDITABLE_CONTACT_FIELDS
        if getattr(before, name) != getattr(after, name)
    ]
    return for_display("; ".join(changes) or "No field changed")


class HistoryWidget(QWidget):
    restore_requested = Signal(int, int)  # contact id, version index

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("History")
        self.title = QLabel("<b>History</b>")
        self.versions = QListWidget()
        self.versions.setAccessibleName("Versions of this contact")
        self.versions.setWordWrap(True)
        self.versions.currentRowChanged.connect(self._update_button)
        self.restore_button = QPushButton("Restore this version")
        self.restore_button.setAccessibleName("Restore this version")
        self.restore_button.clicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.versions, 1)
        layout.addWidget(self.restore_button)
        self._contact_id: int | None = None
        self.show_versions(None, [], {})

    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def show_versions(
        self, contact_id: int | None, versions: Sequence[Version], client_names: Mapping[int, str]
    ) -> None:
        """Newest first; the newest is what the contact is now, so it cannot be restored."""
        self._contact_id = contact_id
        self.versions.clear()
        previous: Contact | None = None
        items = []
        for index, version in enumerate(versions):
            when = short_date_time(version.seen_at)
            sent = ""
            if version.confirmed_at is not None:
                at = short_date_time(version.confirmed_at)
                sent = f", on Harvest since {at}"
            text = (
                f"{when} · {SOURCES[version.source]}{sent}\n"
                f"{describe_changes(previous, version.contact, client_names)}"
            )
            item = QListWidgetItem(text)
            item.setData(INDEX_ROLE, index)
            items.append(item)
            previous = version.contact
        for item in reversed(items):
            self.versions.addItem(item)
        self.setVisible(contact_id is not None)
        self._update_button()

    def _update_button(self) -> None:
        item = self.versions.currentItem()
        newest = self.versions.count() - 1
        self.restore_button.setEnabled(item is not None and item.data(INDEX_ROLE) != newest)

    def _restore(self) -> None:
        item = self.versions.currentItem()
        if item is not None and self._contact_id is not None:
            self.restore_requested.emit(self._contact_id, int(item.data(INDEX_ROLE)))
