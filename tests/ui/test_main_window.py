"""The whole app against the real sandbox over loopback: sync, search, create, edit,
delete with undo, offline edits pushed when the server is back, conflicts, quitting."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.sandbox import SandboxServer
from addressbook.ui.saving_contact_dialog import SavingContactDialog
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo
from tests.ui.helpers import type_text


def visible_ids(app: Application) -> set[int]:
    model = app.window.contacts_model
    return {model.row_at(row).id for row in range(model.rowCount())}


def select(app: Application, contact_id: int) -> None:
    app.window.contacts.select_contacts([contact_id], contact_id)


def answer_question(
    qtbot: QtBot, box: QMessageBox | None, button: QMessageBox.StandardButton
) -> None:
    assert box is not None
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    box.button(button).click()


def save_dialog(qtbot: QtBot, app: Application, dialog: SavingContactDialog | None) -> None:
    assert dialog is not None
    with qtbot.waitSignal(app.events.contact_saved, timeout=WAIT_MS):
        dialog.ok_button.click()


def test_first_sync_fills_table_and_sidebar(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    window = app.window
    assert visible_ids(app) == {c.id for c in sandbox.store.contacts()}
    active = [c for c in sandbox.store.clients() if c.active]
    assert len(window.sidebar_model.active_clients()) == len(active)
    assert window.status.state.startswith("Up to date, last sync ")
    assert window.contacts.empty_state.isHidden()


def test_search_sidebar_and_keyboard(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    view, model = app.window.contacts, app.window.contacts_model
    target = sandbox.store.contacts()[3]
    company = next(c.name for c in sandbox.store.clients() if c.id == target.client_id)
    qtbot.keyClicks(view.search, company.upper())
    expected = {c.id for c in sandbox.store.contacts() if c.client_id == target.client_id}
    assert expected <= visible_ids(app)
    hits = app.window.sidebar_model.index_of_client(target.client_id).siblingAtColumn(1)
    total = app.window.sidebar_model.index(0, 1)
    qtbot.waitUntil(lambda: int(total.data()) == model.rowCount(), timeout=WAIT_MS)
    assert int(hits.data()) >= len(expected)
    qtbot.keyClick(view.search, Qt.Key.Key_Down)
    assert view.table.hasFocus() or QApplication.focusWidget() is view.table
    assert len(view.selected_rows()) == 1
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == "" and model.rowCount() == model.total_count()
    qtbot.keyClicks(view.search, "zzqqxx-no-such-contact")
    assert model.rowCount() == 0 and view.empty_state.isVisible() is not None
    assert "No contacts match" in view.empty_state.text()


def test_create_edit_delete_undo(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    window, editing = app.window, app.editing
    client = window.sidebar_model.active_clients()[0]
    window.sidebar.select_client(client.id)
    dialog = editing.new_contact()
    assert dialog is not None and dialog.values()["client_id"] == client.id
    type_text(qtbot, dialog.editors["first_name"], "Zoë")
    qtbot.keyClicks(dialog.editors["last_name"], "Quintero")
    qtbot.keyClicks(dialog.editors["phone_mobile"], "+1 555 0199")
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        save_dialog(qtbot, app, dialog)
    created = [c for c in sandbox.store.contacts() if c.last_name == "Quintero"]
    assert len(created) == 1 and created[0].phone_mobile == "+1 555 0199"
    qtbot.waitUntil(lambda: created[0].id in visible_ids(app), timeout=WAIT_MS)

    select(app, created[0].id)
    dialog = editing.edit_selected()
    assert dialog is not None
    dialog.editors["title"].clear()
    qtbot.keyClicks(dialog.editors["title"], "Head of Buying")
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        save_dialog(qtbot, app, dialog)
    after_edit = sandbox.store.get_contact(created[0].id)
    assert after_edit is not None and after_edit.title == "Head of Buying"
    assert after_edit.phone_mobile == "+1 555 0199"  # only the changed field was sent

    select(app, created[0].id)
    with qtbot.waitSignal(app.events.contacts_changed, timeout=WAIT_MS):
        assert editing.delete_selected() is None  # one contact: no question, Undo instead
    assert created[0].id not in visible_ids(app)
    assert window.toast.isVisible() and "Deleted Zoë Quintero." in window.toast.label.text()
    with qtbot.waitSignal(app.events.deletes_undone, timeout=WAIT_MS):
        window.toast.button.click()
    qtbot.waitUntil(lambda: created[0].id in visible_ids(app), timeout=WAIT_MS)
    assert sandbox.store.get_contact(created[0].id) is not None


def test_undo_after_the_delete_was_pushed_recreates(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app(delete_grace_ms=0)
    sign_in_demo(qtbot, app, sandbox)
    victim = sandbox.store.contacts()[0]
    select(app, victim.id)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        app.editing.delete_selected()
    assert sandbox.store.get_contact(victim.id) is None
    app.window.contacts.table.setFocus()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        qtbot.keyClick(app.window.contacts.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = [
        c
        for c in sandbox.store.contacts()
        if (c.first_name, c.last_name, c.email)
        == (victim.first_name, victim.last_name, victim.email)
    ]
    assert len(back) == 1
    assert back[0].phone_office == victim.phone_office and back[0].title == victim.title
    qtbot.waitUntil(
        lambda: (
            [r.contact.last_name for r in app.window.contacts.selected_rows()] == [victim.last_name]
        ),
        timeout=WAIT_MS,
    )


def test_offline_edit_is_pushed_when_the_server_returns(
    qtbot: QtBot, make_app: AppFactory, tmp_path: Path
) -> None:
    db = tmp_path / "server.sqlite3"
    server = SandboxServer(clients=3, contacts=12, seed=2, db_path=db).start()
    port = int(server.url.rsplit(":", 1)[1])
    try:
        app = make_app()
        sign_in_demo(qtbot, app, server)
    finally:
        server.stop()
    target = app.window.contacts_model.row_at(0).contact
    select(app, target.id)
    dialog = app.editing.edit_selected()
    assert dialog is not None
    dialog.editors["title"].clear()
    qtbot.keyClicks(dialog.editors["title"], "Written offline")
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
        save_dialog(qtbot, app, dialog)
    assert synced.args[0].offline
    assert app.window.status.state.startswith("Offline, 1 change saved here")
    assert app.window.contacts_model.is_dirty(target.id)
    assert "1 unsynced change" in app.window.status.unsynced.text()

    with SandboxServer(clients=3, contacts=12, seed=2, db_path=db, port=port) as again:
        with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
            app.window.actions_by_name["sync"].trigger()
        assert synced.args[0].pushed == 1
        stored = again.store.get_contact(target.id)
        assert stored is not None and stored.title == "Written offline"
    assert not app.window.contacts_model.is_dirty(target.id)


def test_conflict_is_resolved_through_the_dialog(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    target = sandbox.store.contacts()[1]
    sandbox.store.update_contact(target.id, title="Changed in Harvest")
    select(app, target.id)
    dialog = app.editing.edit_selected()
    assert dialog is not None
    dialog.editors["title"].clear()
    qtbot.keyClicks(dialog.editors["title"], "Changed here")
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
        save_dialog(qtbot, app, dialog)
    assert synced.args[0].conflicts
    qtbot.waitUntil(lambda: app.editing.conflict_dialog is not None, timeout=WAIT_MS)
    conflict_dialog = app.editing.conflict_dialog
    assert conflict_dialog is not None
    conflict_dialog.radios[("title", "mine")].click()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        conflict_dialog.apply_button.click()
    stored = sandbox.store.get_contact(target.id)
    assert stored is not None and stored.title == "Changed here"


def test_layout_is_restored(qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    table = app.window.contacts.table
    table.setColumnWidth(3, 333)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    app.window.resize(641, 481)
    app.window.close()
    again = make_app()
    header = again.window.contacts.table.horizontalHeader()
    assert header.sectionSize(3) == 333
    assert header.sortIndicatorSection() == 2
    assert again.window.contacts_model.sort_column == 2
    assert again.window.size().width() == 641


def test_quitting_mid_sync_exits_quickly(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    sandbox.faults.latency = 3.0  # the request would take 3 s; quitting must not wait for it
    with qtbot.waitSignal(app.events.sync_started, timeout=WAIT_MS):
        app.window.actions_by_name["sync"].trigger()
    started = time.monotonic()
    assert app.shutdown()
    assert time.monotonic() - started < 2.0
    sandbox.faults.latency = 0


def test_keyboard_enter_edits_and_new_contact_action(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    window = app.window
    assert window.actions_by_name["new"].shortcut().toString() == "Ctrl+N"
    assert window.actions_by_name["sync"].shortcut().toString() == "F5"
    assert window.actions_by_name["find"].shortcut().toString() == "Ctrl+F"
    window.contacts.select_row(0)
    qtbot.keyClick(window.contacts.table, Qt.Key.Key_Return)
    dialogs = [w for w in window.findChildren(SavingContactDialog) if w.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].contact == window.contacts_model.row_at(0).contact
    dialogs[0].reject()
    window.actions_by_name["new"].trigger()
    qtbot.waitUntil(
        lambda: any(
            w.isVisible() and w.contact is None for w in window.findChildren(SavingContactDialog)
        ),
        timeout=WAIT_MS,
    )


def test_import_from_the_file_menu_reaches_harvest_and_export_writes_everyone(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, tmp_path: Path
) -> None:
    from tests.ui.test_exchange_actions import AnsweringFileDialogs

    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    qtbot.waitUntil(lambda: hasattr(app, "exchange"), timeout=WAIT_MS)  # after the first paint
    file_menu = [action.text() for action in app.window.menus["&File"].actions()]
    assert {"&Import…", "&Export all contacts…"} <= set(file_menu)
    dialogs = AnsweringFileDialogs()
    app.exchange.file_dialogs = dialogs
    company = next(c for c in sandbox.store.clients() if c.active).name
    source = tmp_path / "people.csv"
    source.write_text(
        "First Name,Last Name,Company,E-mail Address\n"
        f'Зоя,Импортова,"{company}",zoya@example.com\n'
        f'Ωμέγα,Δοκιμή,"{company}",\n',
        "utf-8",
    )
    dialogs.open_answer = str(source)

    app.window.menus["&File"].actions()[file_menu.index("&Import…")].trigger()
    dialog = app.exchange.import_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT_MS)  # read off the GUI thread
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        dialog.import_button.click()

    assert "Imported 2 contacts" in app.window.status.currentMessage()
    names = {(c.first_name, c.last_name) for c in sandbox.store.contacts()}
    assert {("Зоя", "Импортова"), ("Ωμέγα", "Δοκιμή")} <= names

    target = tmp_path / "everyone.csv"
    dialogs.save_answer = (str(target), "CSV (*.csv)")
    with qtbot.waitSignal(app.exchange.exported, timeout=WAIT_MS):
        app.exchange.export_all_action.trigger()
    lines = target.read_text("utf-8-sig").splitlines()
    assert len(lines) == 1 + app.window.contacts_model.total_count()
    assert any("Импортова" in line for line in lines)


def test_new_contact_while_signed_out_says_to_sign_in_first(
    qtbot: QtBot, make_app: AppFactory
) -> None:
    app = make_app()
    app.window.actions_by_name["new"].trigger()
    assert not [w for w in app.window.findChildren(SavingContactDialog) if w.isVisible()]
    assert app.window.status.currentMessage() == (
        "Sign in first: a contact needs a Harvest client."
    )
