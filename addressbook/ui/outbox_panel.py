"""The "Unsynced changes" panel: every queued edit in words, each one discardable.

The panel only shows and asks: discarding is the app's job (cache.discard_pending
on the worker), after which it calls set_pending again with the new queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from addressbook.core import CONTACT_FIELD_LABELS, Contact

from .dialogs.messages import ask_to_discard

TITLE = "Unsynced changes"
EMPTY_TEXT = "No unsynced changes"
_ID_ROLE = Qt.ItemDataRole.UserRole


def _name_from(changes: Mapping[str, Any] | None) -> str:
    changes = changes or {}
    parts = (changes.get("first_name"), changes.get("last_name"))
    return " ".join(str(part) for part in parts if part).strip()


def contact_name(change: Any, contacts_by_id: Mapping[int, Contact]) -> str:
    contact = contacts_by_id.get(change.contact_id)
    if contact is not None and contact.full_name:
        return contact.full_name
    # A queued delete has left the local view; its base holds the contact as it was.
    found = _name_from(change.changes) or _name_from(getattr(change, "base", None))
    return found or f"contact {change.contact_id}"


def describe_change(change: Any, contacts_by_id: Mapping[int, Contact]) -> str:
    """ "Edit Jane Doe: email, office phone", "New contact Zoë Łukasz", "Delete Jane Doe"."""
    name = contact_name(change, contacts_by_id)
    if change.kind == "create":
        return f"New contact {name}"
    if change.kind == "delete":
        return f"Delete {name}"
    fields = [CONTACT_FIELD_LABELS.get(field, field).lower() for field in (change.changes or {})]
    return f"Edit {name}: {', '.join(fields)}" if fields else f"Edit {name}"


def queued_at_text(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return ""
    local = when.astimezone() if when.tzinfo else when
    today = (now or datetime.now(local.tzinfo)).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d %b %H:%M")


_STATE_TEXT = {
    "sending": "sending",
    "unknown": "checking whether it reached Harvest",
    "rejected": "refused by Harvest",
}


def _problem(change: Any) -> str:
    """The state in words, when it is not simply waiting."""
    error = getattr(change, "error", None)
    if error:
        return f"not sent: {error}"
    return _STATE_TEXT.get(getattr(change, "state", None) or "", "")


class OutboxPanel(QWidget):
    discard_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self._descriptions: dict[int, str] = {}
        self.title_label = QLabel(f"<b>{TITLE}</b>")
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setAccessibleName(EMPTY_TEXT)
        self.tree = self._build_tree()
        self.discard_button = QPushButton("&Discard selected change")
        self.discard_button.setAccessibleName("Discard selected change")
        self.discard_button.clicked.connect(self._discard_current)
        layout = QVBoxLayout(self)
        for widget in (self.title_label, self.empty_label, self.tree, self.discard_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.set_pending([], {})

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName("Queued changes")
        tree.setColumnCount(3)
        tree.setHeaderLabels(["Change", "Queued", ""])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_menu)
        tree.currentItemChanged.connect(self._update_button)
        action = QAction("Discard", tree)
        action.setShortcut(QKeySequence.StandardKey.Delete)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(self._discard_current)
        tree.addAction(action)
        return tree

    # -- showing ------------------------------------------------------------------
    def set_pending(
        self, pending: Iterable[Any], contacts_by_id: Mapping[int, Contact] | None = None
    ) -> None:
        """Show the queue as it is now (oldest first, as the cache gives it)."""
        contacts_by_id = contacts_by_id or {}
        self.tree.clear()
        self._descriptions = {}
        for change in pending:
            self._add_item(change, contacts_by_id)
        count = len(self._descriptions)
        self.title_label.setText(f"<b>{TITLE}</b> ({count})" if count else f"<b>{TITLE}</b>")
        self.empty_label.setVisible(count == 0)
        self.tree.setVisible(count > 0)
        self.discard_button.setVisible(count > 0)
        self._update_button()

    def _add_item(self, change: Any, contacts_by_id: Mapping[int, Contact]) -> None:
        text = describe_change(change, contacts_by_id)
        problem = _problem(change)
        item = QTreeWidgetItem([f"{text} ({problem})" if problem else text])
        item.setText(1, queued_at_text(getattr(change, "created_at", None)))
        item.setData(0, _ID_ROLE, int(change.id))
        item.setToolTip(0, "\n".join(filter(None, (text, problem))))
        self.tree.addTopLevelItem(item)
        self.tree.setItemWidget(item, 2, self._row_button(int(change.id), text))
        self._descriptions[int(change.id)] = text

    def _row_button(self, pending_id: int, text: str) -> QToolButton:
        button = QToolButton()
        button.setText("Discard")
        button.setAccessibleName(f"Discard: {text}")
        button.setToolTip(f"Discard this change: {text}")
        button.clicked.connect(lambda: self.request_discard(pending_id))
        return button

    def descriptions(self) -> list[str]:
        """The lines shown, in order (for the status bar and for tests)."""
        return list(self._descriptions.values())

    # -- discarding -----------------------------------------------------------------
    def request_discard(self, pending_id: int) -> None:
        """Ask, then tell the app to drop the change; the panel refreshes when it does."""
        text = self._descriptions.get(pending_id)
        if text is None:
            return
        question = (
            f"Discard this change?\n\n{text}\n\n"
            "It will not be sent to Harvest, and the contact goes back to its last synced version."
        )
        if ask_to_discard(self, "Discard change?", question):
            self.discard_requested.emit(pending_id)

    def _current_id(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, _ID_ROLE))

    def _discard_current(self) -> None:
        pending_id = self._current_id()
        if pending_id is not None:
            self.request_discard(pending_id)

    def _update_button(self, *_args: Any) -> None:
        self.discard_button.setEnabled(self._current_id() is not None)

    def _show_menu(self, position: Any) -> None:
        item = self.tree.itemAt(position)
        if item is None:
            return
        pending_id = int(item.data(0, _ID_ROLE))
        menu = QMenu(self)
        menu.addAction("Discard this change", lambda: self.request_discard(pending_id))
        menu.popup(self.tree.viewport().mapToGlobal(position))
