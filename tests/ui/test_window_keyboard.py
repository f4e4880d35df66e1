"""Keyboard flow through the whole window, as a keyboard user meets it: Tab and Shift+Tab
between panes (the table does not trap Tab), F6 and Ctrl+1/2/3, Shift+F10, selection
after a search, Ctrl+N's client, the title, and text shown as typed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from addressbook.core.models import Client, Contact
from addressbook.index.rows import COLUMN_COMPANY, COLUMN_NAME, build_rows, company_names
from addressbook.sandbox import SandboxServer
from addressbook.settings import Settings
from addressbook.ui.main_window import MainWindow
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo
from tests.ui.helpers import show

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ODD = "AT&T <R&D> O'Neil \u200fשלום"
CLIENTS = [Client(1, "Bücher & Söhne <GmbH>"), Client(2, "Zoë's Bakery")]
CONTACTS = [
    Contact(
        id=1,
        client_id=1,
        first_name="Ann",
        last_name="Lee",
        email="ann@acme.example",
        phone_office="+1 555 0101",
    ),
    Contact(
        id=2,
        client_id=1,
        first_name="Bob",
        last_name="O'Neil",
        title="R&D <lead>",
        phone_mobile="0171 555 12",
    ),
    Contact(id=3, client_id=2, first_name="Cy", last_name=ODD),
]


def ready_window(qtbot: QtBot, settings: Settings) -> MainWindow:
    window = MainWindow(settings)
    show(qtbot, window)
    window.show_contacts(build_rows(CONTACTS, company_names(CLIENTS)), CLIENTS)
    window.set_signed_in(True)
    qtbot.waitUntil(lambda: window._details_panel is not None, timeout=WAIT_MS)
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def inside(widget: QWidget | None, pane: QWidget) -> bool:
    return widget is not None and (widget is pane or pane.isAncestorOf(widget))


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def test_tab_walks_sidebar_search_list_card_and_back(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    view = window.contacts
    view.select_contacts([1], 1)
    window.sidebar.setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.search
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.table
    column = view.table.currentIndex().column()
    press(qtbot, Qt.Key.Key_Tab)  # leaves the table: no walk cell by cell
    assert inside(focused(), window.details)
    assert view.table.currentIndex().column() == column
    view.table.setFocus()
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focused() is view.search
    press(qtbot, Qt.Key.Key_Tab, SHIFT)
    assert focused() is window.sidebar


def test_arrows_move_inside_the_list(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    view = window.contacts
    view.focus_table()
    assert [r.id for r in view.selected_rows()] == [1]
    press(qtbot, Qt.Key.Key_Down)
    assert [r.id for r in view.selected_rows()] == [2] and focused() is view.table


def test_f6_cycles_panes_and_ctrl_digits_jump(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    view = window.contacts
    view.select_contacts([1], 1)
    window.sidebar.setFocus()
    seen = []
    for _ in range(4):
        press(qtbot, Qt.Key.Key_F6)
        seen.append(focused())
    assert seen[0] is view.search and seen[1] is view.table
    assert inside(seen[2], window.details) and seen[3] is window.sidebar
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert inside(focused(), window.details)
    press(qtbot, Qt.Key.Key_1, CTRL)
    assert focused() is window.sidebar
    press(qtbot, Qt.Key.Key_2, CTRL)
    assert focused() is view.table
    press(qtbot, Qt.Key.Key_3, CTRL)
    assert inside(focused(), window.details)


def test_shift_f10_opens_the_context_menu(
    qtbot: QtBot, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready_window(qtbot, settings)
    shown: list[QMenu] = []
    # Offscreen, a real popup warns that it cannot grab the keyboard: record it instead.
    monkeypatch.setattr(QMenu, "popup", lambda menu, *_args: shown.append(menu))
    window.contacts.select_contacts([1], 1)
    window.contacts.table.setFocus()
    press(qtbot, Qt.Key.Key_F10, SHIFT)
    assert len(shown) == 1
    assert "Write email" in [a.text().replace("&", "") for a in shown[0].actions()]


def test_search_keeps_the_selection_while_it_is_a_hit(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    view = window.contacts
    view.select_contacts([2], 2)
    view.search.setFocus()
    qtbot.keyClicks(view.search, "o")
    assert [r.id for r in view.selected_rows()] == [2]
    qtbot.keyClicks(view.search, "'neil")
    assert [r.id for r in view.selected_rows()] == [2]
    view.search.clear()
    qtbot.keyClicks(view.search, "ann")
    assert view.selected_rows() == []  # Bob is not a hit: nothing wrongly selected


def test_table_shows_text_as_typed(qtbot: QtBot, settings: Settings) -> None:
    window = ready_window(qtbot, settings)
    model = window.contacts_model
    texts = {
        model.row_at(r).id: (
            model.index(r, COLUMN_NAME).data(),
            model.index(r, COLUMN_COMPANY).data(),
        )
        for r in range(model.rowCount())
    }
    assert texts[2] == ("Bob O'Neil", "Bücher & Söhne <GmbH>")
    assert texts[3] == (f"Cy {ODD}", "Zoë's Bakery")  # the bidi mark is kept


def test_title_names_the_app_once(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_account("Harvest Contacts Sandbox")
    assert window.windowTitle() == "Harvest Contacts — Harvest Contacts Sandbox"
    # Qt appends the display name to a title unless the app sets none (see __main__).
    from addressbook import __main__ as entry

    assert "setApplicationDisplayName(" not in Path(entry.__file__).read_text(encoding="utf-8")


def test_ctrl_n_preselects_the_client_of_the_selected_contact(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    model = app.window.contacts_model
    row = model.row_at(model.rowCount() - 1)
    app.window.contacts.select_contacts([row.id], row.id)
    app.window.contacts.table.setFocus()
    qtbot.keyClick(app.window.contacts.table, Qt.Key.Key_N, CTRL)
    dialog = QApplication.activeModalWidget() or next(
        w for w in QApplication.topLevelWidgets() if w.windowTitle() == "New contact"
    )
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    assert dialog.values()["client_id"] == row.client_id  # type: ignore[attr-defined]
    dialog.done(0)  # type: ignore[attr-defined]
