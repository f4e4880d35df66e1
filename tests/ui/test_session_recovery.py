"""When the account or the cache goes wrong under a running app, nothing the user typed is lost:
a password changed on the web asks for the new one; a damaged cache is rebuilt, edits kept."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from addressbook.credentials import account_key
from addressbook.sandbox import DEMO_EMAIL, SandboxServer
from addressbook.storage import Cache
from tests.cache_damage import damage_all_but_the_outbox
from tests.conftest import MemoryKeyring
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo

NEW_PASSWORD = "changed on the web"


def test_password_changed_on_the_web_asks_again_and_keeps_the_edits(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    shown = app.window.contacts_model.total_count()
    target = app.window.contacts_model.row_at(0).contact
    sandbox.set_password(NEW_PASSWORD)
    sandbox.requests.clear()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as refused:
        with qtbot.waitSignal(app.events.sign_in_failed, timeout=WAIT_MS) as failed:
            app.worker.update_requested.emit(1, target.id, {"title": "Typed before the refusal"})
    assert failed.args[1] == "auth" and refused.args[0].error_kind == "auth"
    assert not any("who_am_i" in request.path for request in sandbox.requests)
    qtbot.waitUntil(lambda: app.sign_in.dialog is not None, timeout=WAIT_MS)
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.messages["password"].isVisible()
    assert (dialog.server_edit.text(), dialog.email_edit.text()) == (sandbox.url, DEMO_EMAIL)
    assert app.window.status.state == "Sign-in needed (password changed)"
    assert app.window.contacts_model.total_count() == shown  # the cache stays on screen
    assert app.window.contacts_model.is_dirty(target.id or 0)  # and the edit stays queued

    qtbot.keyClicks(dialog.password_edit, NEW_PASSWORD)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS) as synced:
        dialog.sign_in_button.click()
    assert synced.args[0].pushed == 1
    stored = sandbox.store.get_contact(target.id or 0)
    assert stored is not None and stored.title == "Typed before the refusal"
    qtbot.waitUntil(lambda: app.sign_in.dialog is None, timeout=WAIT_MS)
    key = ("HarvestContacts", account_key(sandbox.url, DEMO_EMAIL))
    assert memory_keyring.secrets[key] == NEW_PASSWORD  # the saved one is replaced


def test_a_damaged_cache_is_rebuilt_with_its_edits_and_the_user_told_once(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, data_dir: Path
) -> None:
    target, gone = sandbox.store.contacts()[:2]
    path = Cache.path_for(data_dir, sandbox.url, DEMO_EMAIL)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Cache.open(path) as cache:  # what the last session left: two edits never sent
        cache.apply_contacts(sandbox.store.contacts(), complete=True)
        cache.update_contact(target.id or 0, {"title": "Saved before the disk failed"})
        cache.delete_contact(gone.id or 0)
    damage_all_but_the_outbox(path)

    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    [copy] = data_dir.glob(f"{path.name}.corrupt-*Z")  # not its -wal and -shm
    assert app.window.notice.messages() == [
        f"Your cache was damaged and rebuilt; 2 unsynced changes were kept. "
        f"The old file is kept at {copy}."
    ]
    stored = sandbox.store.get_contact(target.id or 0)
    assert stored is not None and stored.title == "Saved before the disk failed"
    assert sandbox.store.get_contact(gone.id or 0) is None
    assert app.window.contacts_model.total_count() == len(sandbox.store.contacts())
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        app.window.actions_by_name["sync"].trigger()
    assert len(app.window.notice.messages()) == 1  # said once
