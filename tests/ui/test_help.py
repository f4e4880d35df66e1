"""The Help menu: Keyboard shortcuts lists what the window binds, About shows the version
and the licences of what the app ships, Open log folder opens the folder in use."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPlainTextEdit, QTableWidget
from pytestqt.qtbot import QtBot

from addressbook import __version__
from addressbook.settings import Settings
from addressbook.ui import help as help_windows
from tests.ui.test_window_keyboard import ready_window


def test_keyboard_shortcuts_list_every_window_shortcut(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    window.actions_by_name["shortcuts"].trigger()
    dialog = next(
        d
        for d in window.findChildren(help_windows.QDialog)
        if d.windowTitle() == "Keyboard shortcuts"
    )
    table = dialog.findChild(QTableWidget)
    listed = " ".join(table.item(row, 0).text() for row in range(table.rowCount()))
    for name in ("new", "sync", "find", "undo", "redo", "focus_sidebar", "next_pane", "quit"):
        keys = window.actions_by_name[name].shortcut().toString()
        assert keys and keys in listed, name
    dialog.close()


def test_about_names_version_and_licences(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    window.actions_by_name["about"].trigger()
    dialog = next(
        d for d in window.findChildren(help_windows.QDialog) if d.windowTitle().startswith("About")
    )
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert f"Harvest Contacts {__version__}" in text
    assert "PySide6_Essentials" in text and "LGPL-3.0-only" in text and "httpx" in text
    dialog.close()


def test_open_log_folder_opens_the_folder_of_the_log_file(
    qtbot: QtBot, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready_window(qtbot, settings)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    handler = logging.FileHandler(tmp_path / "logs" / "addressbook.log", delay=True)
    (tmp_path / "logs").mkdir()
    logging.getLogger().addHandler(handler)
    try:
        window.actions_by_name["log_folder"].trigger()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "logs")]
