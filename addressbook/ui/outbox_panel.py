"""The "Unsynced changes" panel: every queued edit and open conflict, in words, with its action.

- a conflict: "Resolve…" (the app opens the conflict dialog);
- a change Harvest refused: its words, "Edit…" (the contact dialog, with the
  refusal shown inline) and "Discard";
- any other queued change: "Discard".
Under each line, what it does per field: "Email: ann@old.example → ann@new.example".
The panel only shows and asks: the app acts (on the worker), after which it
calls set_pending again with the new queue. Its title (with the count) is its
window title, which the dock shows: the panel does not title itself again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
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

from addressbook.core import Contact

from .badges import badge_icon
from .dialogs.messages import ask_to_discard
from .outbox_text import (
    change_status,
    conflict_fields,
    conflict_status,
    contact_name,
    describe_change,
    describe_conflict,
    field_changes,
    queued_at_text,
)
from .plain_text import plain_tooltip

__all__ = [
    "EMPTY_TEXT",
    "TITLE",
    "OutboxPanel",
    "contact_name",
    "describe_change",
    "queued_at_text",
]

TITLE = "Unsynced changes"
EMPTY_TEXT = "No unsynced changes"
_KEY_ROLE = Qt.ItemDataRole.UserRole  # ("conflict", contact id) or ("change", pending id)
_PRIMARY_ROLE = Qt.ItemDataRole.UserRole + 1  # "resolve", "edit" or ""
_ACTION_TEXT = {"resolve": "Resolve…", "edit": "Edit…", "discard": "Discard"}
_COLUMNS = ["Change", "Status", "Queued", "Actions"]


class OutboxPanel(QWidget):
    discard_requested = Signal(int)  # pending change id
    resolve_requested = Signal(int)  # contact id of a conflict
    edit_requested = Signal(int)  # pending change id of a change Harvest refused

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self._descriptions: dict[tuple[str, int], str] = {}
        self._actions: dict[tuple[str, int], dict[str, QToolButton]] = {}
        self.empty_label = QLabel(EMPTY_TEXT)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setAccessibleName(EMPTY_TEXT)
        self.tree = self._build_tree()
        self.primary_button = QPushButton("Resolve…")
        self.primary_button.setAccessibleName("Resolve…")
        self.primary_button.clicked.connect(self._primary_current)
        self.discard_button = QPushButton("&Discard selected change")
        self.discard_button.setAccessibleName("Discard selected change")
        self.discard_button.clicked.connect(self._discard_current)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.primary_button)
        buttons.addWidget(self.discard_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.set_pending([], {})

    def _build_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setAccessibleName("Queued changes")
        tree.setColumnCount(len(_COLUMNS))
        tree.setHeaderLabels(_COLUMNS)
        tree.setRootIsDecorated(True)  # a change opens to its fields
        header = tree.header()
        header.setStretchLastSection(False)
        for column, mode in enumerate(
            (
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.Stretch,
                QHeaderView.ResizeMode.ResizeToContents,
                QHeaderView.ResizeMode.ResizeToContents,
            )
        ):
            header.setSectionResizeMode(column, mode)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_menu)
        tree.currentItemChanged.connect(self._update_buttons)
        tree.itemActivated.connect(lambda item, _column: self._primary(item))  # Enter, double-click
        action = QAction("Discard", tree)
        action.setShortcut(QKeySequence.StandardKey.Delete)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(self._discard_current)
        tree.addAction(action)
        return tree

    # -- showing ------------------------------------------------------------------
    def set_pending(
        self,
        pending: Iterable[Any],
        contacts_by_id: Mapping[int, Contact] | None = None,
        conflicts: Iterable[Any] = (),
    ) -> None:
        """Show the conflicts (they wait for the user) and then the queue, oldest first."""
        contacts_by_id = contacts_by_id or {}
        self.tree.clear()
        self._descriptions, self._actions = {}, {}
        for conflict in conflicts:
            self._add_conflict(conflict, contacts_by_id)
        for change in pending:
            self._add_change(change, contacts_by_id)
        count = len(self._descriptions)
        self.setWindowTitle(f"{TITLE} ({count})" if count else TITLE)
        self.setAccessibleName(self.windowTitle())
        self.tree.expandAll()
        self.empty_label.setVisible(count == 0)
        self.tree.setVisible(count > 0)
        self._update_buttons()

    def _add_conflict(self, conflict: Any, contacts_by_id: Mapping[int, Contact]) -> None:
        key = ("conflict", int(conflict.contact_id))
        text = describe_conflict(conflict, contacts_by_id)
        when = queued_at_text(getattr(conflict, "created_at", None))
        item = self._add_item(key, text, conflict_status(conflict), when, "conflict", ["resolve"])
        _add_details(item, conflict_fields(conflict))

    def _add_change(self, change: Any, contacts_by_id: Mapping[int, Contact]) -> None:
        key = ("change", int(change.id))
        text = describe_change(change, contacts_by_id)
        refused = getattr(change, "state", None) == "rejected"
        actions = ["edit", "discard"] if refused and change.kind != "delete" else ["discard"]
        when = queued_at_text(getattr(change, "created_at", None))
        badge = "rejected" if refused else "dirty"
        item = self._add_item(key, text, change_status(change), when, badge, actions)
        _add_details(item, field_changes(change))

    def _add_item(
        self,
        key: tuple[str, int],
        text: str,
        status: str,
        when: str | None,
        badge: str,
        actions: list[str],
    ) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text, status, when or ""])
        item.setIcon(0, badge_icon(badge))
        item.setData(0, _KEY_ROLE, key)
        item.setData(0, _PRIMARY_ROLE, actions[0] if actions[0] != "discard" else "")
        item.setToolTip(0, plain_tooltip(f"{text}\n{status}"))
        item.setToolTip(1, plain_tooltip(status))
        self.tree.addTopLevelItem(item)
        self.tree.setItemWidget(item, 3, self._row_buttons(key, text, actions))
        self._descriptions[key] = text
        return item

    def _row_buttons(self, key: tuple[str, int], text: str, actions: list[str]) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self._actions[key] = {}
        for action in actions:
            button = QToolButton()
            button.setText(_ACTION_TEXT[action])
            name = _ACTION_TEXT[action].rstrip("…")
            button.setAccessibleName(f"{name}: {text}")
            button.setToolTip(f"{name} this change: {text}")
            button.clicked.connect(lambda _checked=False, a=action: self._act(a, key))
            row.addWidget(button)
            self._actions[key][action] = button
        row.addStretch(1)  # the main actions line up in one column
        return box

    def descriptions(self) -> list[str]:
        """The lines shown, in order (for the status bar and for tests)."""
        return list(self._descriptions.values())

    def row_actions(self, row: int) -> dict[str, QToolButton]:
        """The buttons of one row by action: 'resolve', 'edit', 'discard'."""
        return dict(self._actions[list(self._descriptions)[row]])

    # -- acting -------------------------------------------------------------------
    def _act(self, action: str, key: tuple[str, int]) -> None:
        kind, number = key
        if action == "resolve":
            self.resolve_requested.emit(number)
        elif action == "edit":
            self.edit_requested.emit(number)
        elif kind == "change":
            self.request_discard(number)

    def request_discard(self, pending_id: int) -> None:
        """Ask, then tell the app to drop the change; the panel refreshes when it does."""
        text = self._descriptions.get(("change", pending_id))
        if text is None:
            return
        question = (
            f"Discard this change?\n\n{text}\n\n"
            "It will not be sent to Harvest, and the contact goes back to its last synced version."
        )
        if ask_to_discard(self, "Discard change?", question):
            self.discard_requested.emit(pending_id)

    def _current_key(self) -> tuple[str, int] | None:
        item = self.tree.currentItem()
        return None if item is None else _key(item)

    def _discard_current(self) -> None:
        key = self._current_key()
        if key is not None and key[0] == "change":
            self.request_discard(key[1])

    def _primary(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and (action := item.data(0, _PRIMARY_ROLE)):
            self._act(str(action), _key(item))

    def _primary_current(self) -> None:
        self._primary(self.tree.currentItem())

    def _update_buttons(self, *_args: Any) -> None:
        item = self.tree.currentItem()
        key = self._current_key()
        primary = str(item.data(0, _PRIMARY_ROLE) or "") if item is not None else ""
        self.primary_button.setVisible(bool(primary))
        self.primary_button.setText(_ACTION_TEXT.get(primary, ""))
        self.primary_button.setAccessibleName(_ACTION_TEXT.get(primary, "Resolve…"))
        self.discard_button.setVisible(bool(self._descriptions))
        self.discard_button.setEnabled(key is not None and key[0] == "change")

    def _show_menu(self, position: Any) -> None:
        item = self.tree.itemAt(position)
        if item is None:
            return
        key = _key(item)
        menu = QMenu(self)
        for action, button in self._actions.get(key, {}).items():
            label = "Discard this change" if action == "discard" else button.text()
            menu.addAction(label, partial(self._act, action, key))
        menu.popup(self.tree.viewport().mapToGlobal(position))


def _add_details(item: QTreeWidgetItem, lines: list[str]) -> None:
    """One child line per field; it carries its parent's key, so actions still apply."""
    for line in lines:
        child = QTreeWidgetItem([line])
        child.setToolTip(0, plain_tooltip(line))
        child.setData(0, _KEY_ROLE, item.data(0, _KEY_ROLE))
        child.setData(0, _PRIMARY_ROLE, item.data(0, _PRIMARY_ROLE))
        item.addChild(child)


def _key(item: QTreeWidgetItem) -> tuple[str, int]:
    kind, number = item.data(0, _KEY_ROLE)
    return str(kind), int(number)
