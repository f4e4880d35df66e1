"""What the user does with what did not sync, end to end against the sandbox: a conflict put
off and resolved later, a change Harvest refused fixed and sent, one save per click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.sandbox import SandboxServer
from addressbook.ui.saving_contact_dialog import REFUSED_TEXT, SAVING_TEXT, SavingContactDialog
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo
from tests.ui.helpers import type_text


def edit_title(qtbot: QtBot, app: Application, contact_id: int, title: str) -> None:
    app.window.contacts.select_contacts([contact_id], contact_id)
    dialog = app.editing.edit_selected()
    assert dialog is not None
    dialog.editors["title"].clear()
    qtbot.keyClicks(dialog.editors["title"], title)
    with qtbot.waitSignal(app.events.contact_saved, timeout=WAIT_MS):
        dialog.ok_button.click()


def open_panel(app: Application) -> object:
    app.window.status.unsynced.click()
    panel = app.window.outbox_panel
    assert panel is not None and app.window.outbox_dock.isVisible()
    return panel


def test_a_conflict_put_off_is_one_click_away(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    target = sandbox.store.contacts()[2]
    sandbox.store.update_contact(target.id or 0, title="Changed in Harvest")
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        edit_title(qtbot, app, target.id or 0, "Changed here")
    qtbot.waitUntil(lambda: app.editing.conflict_dialog is not None, timeout=WAIT_MS)
    first = app.editing.conflict_dialog
    assert first is not None
    later = next(b for b in first.buttons.buttons() if b.text() == "Decide &later")
    later.click()
    assert app.editing.conflict_dialog is None

    status = app.window.status
    assert status.conflicts.isVisibleTo(status) and status.conflicts.text() == "1 conflict"
    assert app.window.contacts_model.has_conflict(target.id or 0)  # its row has the badge
    status.conflicts.click()
    again = app.editing.conflict_dialog
    assert again is not None and again.isVisible() and again.conflict.contact_id == target.id
    assert app.window.outbox_dock.isVisible()
    again.reject()

    panel = app.window.outbox_panel
    assert panel is not None
    assert panel.descriptions()[0].startswith("Conflict on ")
    panel.row_actions(0)["resolve"].click()
    dialog = app.editing.conflict_dialog
    assert dialog is not None
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        dialog.keep_all("mine")
    stored = sandbox.store.get_contact(target.id or 0)
    assert stored is not None and stored.title == "Changed here"
    qtbot.waitUntil(lambda: not status.conflicts.isVisibleTo(status), timeout=WAIT_MS)
    assert panel.descriptions() == []


def test_a_change_harvest_refused_is_fixed_in_the_dialog_and_sent(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    doomed = sandbox.store.add_client("Short-lived Ltd")
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    sandbox.store.delete_client(doomed.id or 0)  # gone in Harvest; this computer does not know
    window = app.window
    window.sidebar.select_client(doomed.id or 0)
    dialog = app.editing.new_contact()
    assert dialog is not None and dialog.values()["client_id"] == doomed.id
    type_text(qtbot, dialog.editors["first_name"], "Renée")
    qtbot.keyClicks(dialog.editors["last_name"], "Refused")
    qtbot.keyClicks(dialog.editors["email"], "renee@example.com")
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
        with qtbot.waitSignal(app.events.contact_saved, timeout=WAIT_MS):
            dialog.ok_button.click()
    refusal = "Harvest refused the change: Client is invalid"
    assert list(synced.args[0].rejected.values()) == [refusal]
    assert "Harvest refused 1 change" in window.status.currentMessage()

    panel = open_panel(app)
    assert panel.descriptions() == ["New contact Renée Refused"]  # type: ignore[attr-defined]
    row = panel.tree.topLevelItem(0)  # type: ignore[attr-defined]
    assert row.text(1) == "Harvest refused the change: Client is invalid"
    panel.row_actions(0)["edit"].click()  # type: ignore[attr-defined]
    fix = next(w for w in window.findChildren(SavingContactDialog) if w.isVisible())
    assert fix.refused is not None and fix.banner.text() == REFUSED_TEXT
    assert "Client is invalid" in fix.messages["client_id"].text()  # inline, at its field
    assert fix.editors["first_name"].text() == "Renée"  # the typed input is kept
    assert fix.editors["email"].text() == "renee@example.com"
    assert not fix.ok_button.isEnabled()

    fix.client_combo.setFocus()
    combo = fix.client_combo
    key = Qt.Key.Key_Up if combo.currentIndex() == combo.count() - 1 else Qt.Key.Key_Down
    qtbot.keyClick(combo, key)
    chosen = combo.currentData()
    assert chosen != doomed.id and fix.ok_button.isEnabled()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
        with qtbot.waitSignal(app.events.contact_saved, timeout=WAIT_MS):
            fix.ok_button.click()
    assert synced.args[0].pushed == 1 and not synced.args[0].rejected
    [sent] = [c for c in sandbox.store.contacts() if c.last_name == "Refused"]
    assert (sent.client_id, sent.first_name, sent.email) == (chosen, "Renée", "renee@example.com")
    qtbot.waitUntil(lambda: panel.descriptions() == [], timeout=WAIT_MS)  # type: ignore[attr-defined]


def test_save_cannot_be_clicked_twice_while_the_worker_writes(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    dialog = app.editing.new_contact()
    assert dialog is not None
    if dialog.values()["client_id"] is None:
        dialog.client_combo.setCurrentIndex(0)
    qtbot.keyClicks(dialog.editors["first_name"], "Ada")
    qtbot.keyClicks(dialog.editors["last_name"], "Once")
    results: list[int] = []
    dialog.finished.connect(results.append)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        with qtbot.waitSignal(app.events.contact_saved, timeout=WAIT_MS):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            assert dialog.saving and dialog.ok_button.text() == SAVING_TEXT
            assert not dialog.ok_button.isEnabled()
            assert not dialog.editors["last_name"].isEnabled()
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
            qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            dialog.accept()
            qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cannot cancel a save under way
            assert dialog.isVisible() and results == []
    assert results == [1]  # closed once, as saved
    assert [c.last_name for c in sandbox.store.contacts()].count("Once") == 1
    assert app.window.status.unsynced.text() == "All changes synced"
