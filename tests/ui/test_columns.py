"""The contacts table's columns: defaults that fit the default window, the chooser on the
header's context menu and under View, remembered across restarts."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from addressbook.index.rows import COLUMN_TITLE
from addressbook.settings import Settings
from addressbook.ui.main_window import MainWindow
from tests.ui.helpers import show
from tests.ui.test_window_keyboard import ready_window


def test_default_columns_fit_the_default_window(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    assert (window.width(), window.height()) == (1240, 760)
    assert window.columns.shown() == ["Name", "Company", "Email", "Phone"]
    table = window.contacts.table
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # no sideways scrolling at start
    assert not table.horizontalScrollBar().isVisible()


def test_column_chooser_on_the_header_is_remembered(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready_window(qtbot, settings)
    popups: list[QMenu] = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, *_args: popups.append(menu))
    header = window.contacts.table.horizontalHeader()
    header.customContextMenuRequested.emit(header.rect().center())  # a right-click
    assert popups == [window.columns.menu]
    window.columns.menu.aboutToShow.emit()
    title = window.columns.actions[COLUMN_TITLE]
    assert title.text() == "&Title" and not title.isChecked()
    name = window.columns.actions[0]
    assert not name.isEnabled()  # a row always keeps its name
    title.trigger()
    assert window.columns.shown() == ["Name", "Title", "Company", "Email", "Phone"]
    window.close()

    again = MainWindow(settings)
    show(qtbot, again)
    assert again.columns.shown() == ["Name", "Title", "Company", "Email", "Phone"]
    view_menu = again.menus["&View"]
    assert again.columns.menu in [a.menu() for a in view_menu.actions()]


def test_card_pane_can_be_hidden_and_stays_hidden(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    window.actions_by_name["card"].setChecked(False)
    assert not window.details.isVisible()
    window.close()
    again = ready_window(qtbot, settings)
    assert not again.actions_by_name["card"].isChecked()
    assert not again.details.isVisible()
