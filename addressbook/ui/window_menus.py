"""The main window's actions, menus and toolbar, declared as data.

Every menu item has a mnemonic of its own within its menu (a test walks them
all); shortcuts are shown beside the items and listed in Help › Keyboard shortcuts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QToolBar, QToolButton

from addressbook.resources import resource_path
from addressbook.ui.pane_focus import focus_pane

if TYPE_CHECKING:
    from addressbook.ui.main_window import MainWindow

Key = QKeySequence.StandardKey
# name: text, shortcut(s), theme icon
ACTION_SPECS: dict[str, tuple[str, Any, str]] = {
    "sign_in": ("Sign i&n…", None, ""),
    "sign_out": ("Sign &out…", None, ""),
    "quit": ("&Quit", "Ctrl+Q", "application-exit"),
    "find": ("&Find", Key.Find, "edit-find"),
    "new": ("&New contact…", Key.New, "contact-new"),
    "edit": ("&Edit contact…", None, "document-edit"),
    "delete": ("&Delete", Key.Delete, "edit-delete"),
    "card": ("Contact ca&rd", None, ""),
    "inactive": ("&Inactive clients", None, ""),
    "toolbar": ("&Toolbar", None, ""),
    "focus_sidebar": ("Go to &sidebar", "Ctrl+1", ""),
    "focus_list": ("Go to contact &list", "Ctrl+2", ""),
    "focus_card": ("Go to c&ard", "Ctrl+3", ""),
    "next_pane": ("&Next pane", "F6", ""),
    "previous_pane": ("Pre&vious pane", "Shift+F6", ""),
    "sync": ("&Sync now", "F5", "view-refresh"),
    "outbox": ("&Unsynced changes", "Ctrl+U", ""),
    "shortcuts": ("&Keyboard shortcuts", "F1", "help-keyboard-shortcuts"),
    "log_folder": ("&Open log folder", None, "folder-open"),
    "about": ("&About Harvest Contacts", None, "help-about"),
}
MENUS: dict[str, list[str | None]] = {
    "&File": ["sign_in", "sign_out", None, "quit"],
    "&Edit": ["undo", "redo", None, "find"],
    "&View": [
        "columns",
        "card",
        "inactive",
        "toolbar",
        None,
        "focus_sidebar",
        "focus_list",
        "focus_card",
        "next_pane",
        "previous_pane",
    ],
    "&Contact": ["new", "edit", "delete"],
    "&Sync": ["sync", "outbox"],
    "&Help": ["shortcuts", "log_folder", None, "about"],
}
TOOLBAR = ("new", "edit", "delete", None, "sync")
CHECKABLE = ("card", "inactive", "toolbar")
_FALLBACK_ICONS = {
    "new": "contact-new",
    "edit": "document-edit",
    "delete": "edit-delete",
    "sync": "view-refresh",
}


def toolbar_icon(name: str, theme: str) -> QIcon:
    """The desktop theme's icon, else the one bundled in resources/icons/actions/."""
    fallback = _FALLBACK_ICONS.get(name)
    bundled = QIcon(str(resource_path(f"icons/actions/{fallback}.svg"))) if fallback else QIcon()
    return QIcon.fromTheme(theme, bundled) if theme else bundled


def handlers(window: MainWindow) -> dict[str, Callable[..., Any]]:
    """What each action does: the window's signals (the controllers act on them) and
    its own view changes."""

    def help_windows() -> Any:  # the Help windows' module: not needed at start-up
        from addressbook.ui import help

        return help

    return {
        "new": window.new_contact_requested.emit,
        "edit": window.edit_contact_requested.emit,
        "delete": window.delete_contacts_requested.emit,
        "sync": window.sync_requested.emit,
        "find": window.contacts.focus_search,
        "outbox": window.show_outbox,
        "sign_in": window.sign_in_requested.emit,
        "sign_out": window.sign_out_requested.emit,
        "quit": window.close,
        "card": window.show_card,
        "inactive": window.show_inactive_clients,
        "toolbar": lambda shown: window.toolbar.setVisible(shown),
        "focus_sidebar": lambda: focus_pane(window.sidebar),
        "focus_list": window.contacts.focus_table,
        "focus_card": lambda: focus_pane(window.details_splitter.widget(1)),
        "next_pane": lambda: window.panes.move(QApplication.focusWidget(), 1),
        "previous_pane": lambda: window.panes.move(QApplication.focusWidget(), -1),
        "shortcuts": lambda: help_windows().show_shortcuts(window),
        "about": lambda: help_windows().show_about(window),
        "log_folder": lambda: help_windows().open_log_folder(),
    }


def build_actions(window: MainWindow, handlers: dict[str, Callable[[], Any]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for name, (text, shortcut, _theme) in ACTION_SPECS.items():
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(name in CHECKABLE)
        handler = handlers[name]
        if name in CHECKABLE:
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False, run=handler: run())
        actions[name] = action
    return actions


def set_toolbar_icons(actions: dict[str, QAction]) -> None:
    """After the first paint: looking up theme icons and loading the SVG engine take ms."""
    for name in _FALLBACK_ICONS:
        action = actions[name]
        action.setIcon(toolbar_icon(name, ACTION_SPECS[name][2]))


def build_menus(window: MainWindow, actions: dict[str, QAction]) -> dict[str, QMenu]:
    menus: dict[str, QMenu] = {}
    window.menuBar().setAccessibleName("Menu bar")
    for title, names in MENUS.items():
        menu = menus[title] = window.menuBar().addMenu(title)
        menu.setAccessibleName(title.replace("&", ""))
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name == "columns":
                menu.addMenu(window.columns.menu)
            else:
                menu.addAction(actions[name])
                if name != "delete":  # Delete's shortcut belongs to the table (see main_window)
                    window.addAction(actions[name])
    return menus


def build_toolbar(window: MainWindow, actions: dict[str, QAction]) -> QToolBar:
    bar = QToolBar("Toolbar", window)
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName("Toolbar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    plain = {"new": "New", "edit": "Edit", "delete": "Delete", "sync": "Sync"}
    for name in TOOLBAR:
        if name is None:
            bar.addSeparator()
            continue
        action = actions[name]
        action.setIconText(plain[name])  # the menu's "&New contact…" reads oddly on a button
        spoken = action.text().replace("&", "").rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{spoken} ({keys})" if keys else spoken)
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setAccessibleName(spoken)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def add_undo_actions(window: MainWindow, actions: dict[str, QAction], stack: Any) -> None:
    """Undo and Redo come from the QUndoStack: their text names what they undo."""
    undo = stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = stack.createRedoAction(window, "&Redo")
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    for name, action in (("undo", undo), ("redo", redo)):
        action.setObjectName(f"action_{name}")
        actions[name] = action
