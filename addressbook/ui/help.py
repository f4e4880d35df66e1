"""The Help menu's windows: Keyboard shortcuts, About (version and licences), the log folder."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from addressbook import APP_NAME, __version__

# What the Keyboard shortcuts window lists (the README's Keyboard section says the same).
SHORTCUTS: tuple[tuple[str, str], ...] = (
    ("Ctrl+F", "Search (Esc clears it, Down moves into the list)"),
    ("Tab, Shift+Tab", "Move between sidebar, search, list and card"),
    ("F6, Shift+F6", "Next / previous pane"),
    ("Ctrl+1, Ctrl+2, Ctrl+3", "Go to the sidebar, the contact list, the card"),
    ("Up, Down, Page Up, Page Down", "Move in the list (Shift extends the selection)"),
    ("Enter", "Edit the selected contact"),
    ("Ctrl+N", "New contact (for the selected contact's client)"),
    ("Delete", "Delete the selected contacts (Ctrl+Z brings them back)"),
    ("Ctrl+Z, Ctrl+Shift+Z", "Undo, Redo (deletes and edits made since the app started)"),
    ("Shift+F10, Menu key", "The selected contacts' menu: email, call, copy"),
    ("Ctrl+Return", "Save in the contact dialog (Esc cancels)"),
    ("F5", "Sync now"),
    ("Ctrl+U", "Unsynced changes"),
    ("F1", "This list"),
    ("Ctrl+Q", "Quit"),
)


def _dialog(parent: QWidget, title: str, width: int, height: int) -> tuple[QDialog, QVBoxLayout]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.resize(width, height)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog, QVBoxLayout(dialog)


def _close_button(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
    layout.addWidget(buttons)


def show_shortcuts(parent: QWidget) -> QDialog:
    dialog, layout = _dialog(parent, "Keyboard shortcuts", 560, 480)
    table = QTableWidget(len(SHORTCUTS), 2)
    table.setAccessibleName("Keyboard shortcuts")
    table.setHorizontalHeaderLabels(["Keys", "What they do"])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)
    for row, (keys, meaning) in enumerate(SHORTCUTS):
        table.setItem(row, 0, QTableWidgetItem(keys))
        table.setItem(row, 1, QTableWidgetItem(meaning))
    table.resizeColumnToContents(0)
    table.horizontalHeader().setStretchLastSection(True)
    layout.addWidget(table)
    _close_button(dialog, layout)
    dialog.show()
    return dialog


def about_text() -> str:
    from addressbook.licences import third_party_notices

    lines = [
        f"{APP_NAME} {__version__}",
        "A fast, offline-first address book for Harvest client contacts. MIT licence.",
        "",
        "Third-party software it ships with:",
    ]
    lines += [
        f"  {n.name} {n.version}: {n.licence or 'see its licence text'}"
        for n in third_party_notices()
    ]
    return "\n".join(lines)


def show_about(parent: QWidget) -> QDialog:
    dialog, layout = _dialog(parent, f"About {APP_NAME}", 560, 440)
    heading = QLabel(f"{APP_NAME} {__version__}", textFormat=Qt.TextFormat.PlainText)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    heading.setFont(font)
    text = QPlainTextEdit(about_text())
    text.setReadOnly(True)
    text.setAccessibleName("Version and licences")
    layout.addWidget(heading)
    layout.addWidget(text, 1)
    _close_button(dialog, layout)
    dialog.show()
    return dialog


def log_folder() -> Path:
    """The folder of the log file in use (or the platform's log folder before there is one)."""
    from addressbook.logging_setup import LOG_FILE_NAME, default_log_dir

    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name and Path(name).name == LOG_FILE_NAME:
            return Path(name).parent

    return default_log_dir()


def open_log_folder() -> bool:
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
