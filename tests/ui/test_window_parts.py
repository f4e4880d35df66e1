"""Window parts on their own: status bar states, context menu, copy as text, outbox panel,
accessible names, empty states."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from addressbook.core.models import Client, Contact
from addressbook.index.rows import build_rows, company_names
from addressbook.sandbox import SandboxServer
from addressbook.settings import Settings
from addressbook.ui import contact_actions
from addressbook.ui.main_window import MainWindow
from addressbook.ui.status import StatusBar
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo

CLIENTS = [Client(1, "Acme Corp"), Client(2, "Zeta")]
CONTACTS = [
    Contact(
        id=1,
        client_id=1,
        first_name="Ann",
        last_name="Lee",
        email="ann@acme.example",
        phone_office="+1 (555) 010-1234",
        phone_mobile="0171 555 ask Jenny",
    ),
    Contact(id=2, client_id=2, first_name="Bob", last_name="Ray", email="bob@zeta.example"),
]


def window_with_rows(qtbot: QtBot, settings: Settings) -> MainWindow:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show_contacts(build_rows(CONTACTS, company_names(CLIENTS)), CLIENTS)
    window.set_signed_in(True)
    return window


def test_status_bar_states(qtbot: QtBot) -> None:
    status = StatusBar()
    qtbot.addWidget(status)
    status.set_signed_in(True)
    status.set_syncing()
    assert status.state == "Syncing with Harvest…"
    status.set_progress("pull-contacts", 40, 100)
    assert status.state == "Downloading contacts (40 of 100)" and status.progress.value() == 40
    status.set_throttled(3)
    assert status.state == "Throttled by Harvest, resuming in 3 s"
    status.set_sync_result(SimpleNamespace(offline=True, error=None, cancelled=False))
    assert status.state == "Offline"
    status.set_sync_result(
        SimpleNamespace(
            offline=False, error=None, cancelled=False, rejected={7: "Email is invalid"}
        )
    )
    assert status.state == "Up to date"
    assert "refused 1 change" in status.currentMessage()
    status.set_last_sync(datetime(2026, 1, 2, 3, 4, tzinfo=UTC))
    assert status.state.startswith("Up to date, last sync ")
    status.set_unsynced(2, 1)
    assert status.unsynced.text() == "2 unsynced changes"
    assert status.conflicts.text() == "1 conflict" and status.conflicts.isVisibleTo(status)
    with qtbot.waitSignal(status.conflicts_clicked, timeout=WAIT_MS):
        status.conflicts.click()
    status.set_unsynced(0, 0)
    assert status.unsynced.text() == "All changes synced"
    assert not status.conflicts.isVisibleTo(status)


def test_context_menu_actions(qtbot: QtBot, settings: Settings) -> None:
    window = window_with_rows(qtbot, settings)
    view = window.contacts
    view.select_contacts([1], 1)
    menu = view.build_context_menu(view.selected_rows())
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert actions["Call office"].isEnabled() and actions["Call mobile"].isEnabled()
    actions["Copy phone"].trigger()
    assert QGuiApplication.clipboard().text() == "+1 (555) 010-1234\n0171 555 ask Jenny"
    view.select_contacts([1, 2], 1)
    menu = view.build_context_menu(view.selected_rows())
    actions = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert not actions["Call office"].isEnabled()  # which of two numbers? not guessed
    actions["Copy email"].trigger()
    assert QGuiApplication.clipboard().text() == "ann@acme.example\nbob@zeta.example"
    actions["Copy as text"].trigger()
    text = QGuiApplication.clipboard().text()
    assert "Ann Lee\nCompany: Acme Corp\nEmail: ann@acme.example" in text
    assert "\n\nBob Ray\nCompany: Zeta" in text


def test_mail_and_call_urls() -> None:
    rows = build_rows(CONTACTS, company_names(CLIENTS))
    assert contact_actions.mailto_url(rows) == "mailto:ann@acme.example,bob@zeta.example"
    assert contact_actions.tel_url("+1 (555) 010-1234") == "tel:+15550101234"
    assert contact_actions.tel_url("ask Jenny") is None


def test_every_control_has_an_accessible_name(qtbot: QtBot, settings: Settings) -> None:
    window = window_with_rows(qtbot, settings)
    window.show()
    kinds = (QAbstractButton, QLineEdit, QAbstractItemView, QComboBox)
    unnamed = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, kinds)
        and w.isVisibleTo(window)
        and not w.accessibleName()
        and type(w).__name__ not in ("QCalendarWidget",)
    ]
    assert [type(w).__name__ for w in unnamed] == []


def test_empty_states(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    view, empty = window.contacts, window.contacts.empty_state

    def buttons() -> list[str]:
        return [button.text().replace("&", "") for button in empty.visible_buttons()]

    assert "Sign in" in empty.text() and buttons() == ["Sign in…", "Try the demo"]
    assert not view.search.isEnabled()  # nothing to search while signed out
    with qtbot.waitSignal(window.demo_requested, timeout=WAIT_MS):
        empty.buttons["demo"].click()
    with qtbot.waitSignal(window.sign_in_requested, timeout=WAIT_MS):
        empty.buttons["sign_in"].click()
    window.set_signed_in(True)
    view.set_syncing(True)
    assert "Downloading" in empty.text() and buttons() == []
    view.set_syncing(False)
    assert empty.text() == "No contacts yet." and buttons() == ["Add contact"]
    with qtbot.waitSignal(window.new_contact_requested, timeout=WAIT_MS):
        empty.buttons["add"].click()
    window.show_contacts(build_rows(CONTACTS, company_names(CLIENTS)), CLIENTS)
    assert view.search.isEnabled() and not empty.isVisible()
    view.search.setText("nobody & <co>")
    assert empty.text() == "No contacts match “nobody & <co>”."
    assert empty.message.accessibleName() == empty.text()
    assert buttons() == ["Clear search"]
    empty.buttons["clear"].click()
    assert view.search.text() == "" and view.table.isVisible()


def test_outbox_panel_discards_a_queued_change(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    target = app.window.contacts_model.row_at(0).contact
    sandbox.stop()  # offline: the edit stays queued
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        app.worker.update_requested.emit(1, target.id, {"title": "Discard me"})
    assert app.window.contacts_model.is_dirty(target.id)
    app.window.status.unsynced.click()
    panel = app.window.outbox_panel
    assert panel is not None and app.window.outbox_dock.isVisible()
    with qtbot.waitSignal(app.events.outbox_changed, timeout=WAIT_MS) as changed:
        panel.discard_requested.emit(changed_id := _pending_id(app))
    pending, _dirty, _conflicts = changed.args
    assert all(p.id != changed_id for p in pending)
    qtbot.waitUntil(lambda: not app.window.contacts_model.is_dirty(target.id), timeout=WAIT_MS)
    row = app.window.contacts_model.find_row(target.id)
    assert row is not None and row.contact.title == target.title


def _pending_id(app: object) -> int:
    panel_pending = app.window._outbox[0]  # type: ignore[attr-defined]
    return int(panel_pending[0].id)


def test_work_left_until_the_first_paint_runs_once_painted_in_the_order_given(
    qtbot: QtBot, settings: Settings
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    ran: list[str] = []
    for name in ("collector", "log file", "cache load"):
        window.call_after_first_paint(lambda name=name: ran.append(name))
    assert ran == []  # nothing before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: len(ran) == 3, timeout=WAIT_MS)
    assert ran == ["collector", "log file", "cache load"]
    assert window.details.isVisibleTo(window)  # the window's own deferred part came too
    window.call_after_first_paint(lambda: ran.append("later"))  # after the first paint
    qtbot.waitUntil(lambda: ran[-1] == "later", timeout=WAIT_MS)


def test_work_left_until_the_first_paint_still_runs_in_order_when_the_paint_is_late(
    qtbot: QtBot, settings: Settings
) -> None:
    window = MainWindow(settings)  # never shown: each callback's 300 ms deadline applies
    qtbot.addWidget(window)
    ran: list[str] = []
    window.call_after_first_paint(lambda: ran.append("collector"))
    qtbot.wait(100)
    window.call_after_first_paint(lambda: ran.append("cache load"))
    qtbot.waitUntil(lambda: len(ran) == 2, timeout=WAIT_MS)
    assert ran == ["collector", "cache load"]
