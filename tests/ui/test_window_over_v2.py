"""The window over Harvest v2: what a user does over v1 works the same with a token."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.credentials import account_key
from addressbook.sandbox import SandboxServer
from addressbook.settings import SavedAccount
from tests.api_versions import sign_in_triple
from tests.ui.conftest import WAIT_MS, AppFactory
from tests.ui.test_main_window import save_dialog, select


def start_over_v2(qtbot: QtBot, app: Application, server: SandboxServer) -> None:
    address, account_id, token = sign_in_triple(server.url, "v2")
    app.settings.remember_account(app.data_dir, SavedAccount(address, account_id, "v2"))
    app.credentials.set(account_key(address, account_id), token)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        app.start()


def test_search_edit_and_a_conflict_over_v2(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    start_over_v2(qtbot, app, sandbox)
    assert app.window.contacts_model.total_count() == len(sandbox.store.contacts())
    target = sandbox.store.contacts()[1]
    sandbox.store.update_contact(target.id, title="Changed in Harvest")
    select(app, target.id)
    dialog = app.editing.edit_selected()
    assert dialog is not None
    dialog.editors["title"].clear()
    qtbot.keyClicks(dialog.editors["title"], "Changed here")
    dialog.editors["phone_office"].clear()  # cleared: sent as Harvest's own "unset"
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
        save_dialog(qtbot, app, dialog)
    assert synced.args[0].conflicts  # the title, changed on both sides
    patches = [r for r in sandbox.requests if r.method == "PATCH"]
    assert patches and all(r.path == f"/v2/contacts/{target.id}" for r in patches)
    qtbot.waitUntil(lambda: app.editing.conflict_dialog is not None, timeout=WAIT_MS)
    conflict_dialog = app.editing.conflict_dialog
    assert conflict_dialog is not None
    conflict_dialog.radios[("title", "mine")].click()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        conflict_dialog.apply_button.click()
    stored = sandbox.store.get_contact(target.id)
    assert stored is not None and stored.title == "Changed here" and not stored.phone_office
