"""Edit › Undo and Redo against the real sandbox: a deleted contact and an edited one come
back with Ctrl+Z, the restored contact is selected, Ctrl+Shift+Z does it again, and
several contacts are deleted only after a confirmation that names them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.sandbox import SandboxServer
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def selected_ids(app: Application) -> list[int]:
    return [row.id for row in app.window.contacts.selected_rows()]


def keys(
    qtbot: QtBot,
    app: Application,
    key: Qt.Key,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    window, table = app.window, app.window.contacts.table
    window.activateWindow()  # shortcuts go to the active window (a dialog may just have closed)
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    table.setFocus()
    qtbot.keyClick(table, key, modifiers)


def started(qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer) -> Application:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    app.window.show()
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=WAIT_MS)
    return app


def test_ctrl_z_restores_a_deleted_contact_and_selects_it(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = started(qtbot, make_app, sandbox)
    model = app.window.contacts_model
    victim, following = model.row_at(2), model.row_at(3)
    app.window.contacts.select_contacts([victim.id], victim.id)
    with qtbot.waitSignal(app.events.contacts_changed, timeout=WAIT_MS):
        keys(qtbot, app, Qt.Key.Key_Delete)  # one contact: no question
    assert model.find_row(victim.id) is None
    assert selected_ids(app) == [following.id]  # the next row
    toast = app.window.toast
    assert toast.isVisible() and toast.label.text() == f"Deleted {victim.contact.full_name}."
    assert toast.label.accessibleName() == toast.label.text()
    undo = app.window.actions_by_name["undo"]
    assert undo.isEnabled() and "Delete" in undo.text()
    with qtbot.waitSignal(app.events.deletes_undone, timeout=WAIT_MS):
        keys(qtbot, app, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: selected_ids(app) == [victim.id], timeout=WAIT_MS)
    assert not toast.isVisible()
    assert f"Restored {victim.contact.full_name}." in app.window.status.currentMessage()
    # Redo deletes it again.
    with qtbot.waitSignal(app.events.contacts_changed, timeout=WAIT_MS):
        keys(qtbot, app, Qt.Key.Key_Z, CTRL | SHIFT)
    assert model.find_row(victim.id) is None


def test_ctrl_z_undoes_an_edit_through_the_outbox(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = started(qtbot, make_app, sandbox)
    target = app.window.contacts_model.row_at(0).contact
    app.window.contacts.select_contacts([target.id], target.id)
    dialog = app.editing.edit_selected()
    assert dialog is not None
    dialog.editors["title"].setText("Chief of Undo")
    dialog.editors["title"].setModified(True)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        dialog.ok_button.click()
    assert sandbox.store.get_contact(target.id).title == "Chief of Undo"  # type: ignore[union-attr]
    app.window.contacts.table.clearSelection()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        keys(qtbot, app, Qt.Key.Key_Z, CTRL)
    assert sandbox.store.get_contact(target.id).title == target.title  # type: ignore[union-attr]
    assert selected_ids(app) == [target.id]
    assert app.window.contacts_model.find_row(target.id).contact.title == target.title  # type: ignore[union-attr]
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        keys(qtbot, app, Qt.Key.Key_Z, CTRL | SHIFT)
    assert sandbox.store.get_contact(target.id).title == "Chief of Undo"  # type: ignore[union-attr]


def test_deleting_several_asks_by_name(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = started(qtbot, make_app, sandbox)
    model = app.window.contacts_model
    rows = [model.row_at(0), model.row_at(1), model.row_at(2)]
    app.window.contacts.select_contacts([row.id for row in rows], rows[0].id)
    box = app.editing.delete_selected()
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible, timeout=WAIT_MS)
    assert box.windowTitle() == "Delete 3 contacts"
    for row in rows:
        assert row.contact.full_name in box.text()
    delete = next(b for b in box.buttons() if b.text() == "Delete 3 contacts")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    with qtbot.waitSignal(app.events.contacts_changed, timeout=WAIT_MS):
        delete.click()
    assert all(model.find_row(row.id) is None for row in rows)
    assert app.window.toast.label.text() == "Deleted 3 contacts."
    with qtbot.waitSignal(app.events.deletes_undone, timeout=WAIT_MS):
        app.window.toast.button.click()
    qtbot.waitUntil(
        lambda: sorted(selected_ids(app)) == sorted(r.id for r in rows), timeout=WAIT_MS
    )
