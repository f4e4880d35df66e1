"""Sign-in through the dialog, the keyring, silent start, no keyring, sign-out, non-admin."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.credentials import account_key
from addressbook.logging_setup import configure_logging
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from addressbook.settings import Preferences, SavedAccount
from addressbook.ui.sign_in_flow import NO_KEYRING, NOT_ADMIN
from tests.conftest import MemoryKeyring
from tests.ui.conftest import WAIT_MS, AppFactory


def fill_dialog(
    qtbot: QtBot, app: Application, server: str, password: str, remember: bool = True
) -> None:
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.classic_radio.click()  # a new user sees the token page first
    dialog.server_edit.clear()
    qtbot.keyClicks(dialog.server_edit, server)
    dialog.email_edit.clear()
    qtbot.keyClicks(dialog.email_edit, DEMO_EMAIL)
    qtbot.keyClicks(dialog.password_edit, password)
    dialog.remember_check.setChecked(remember)
    dialog.sign_in_button.click()


def start_signed_out(qtbot: QtBot, app: Application) -> None:
    app.start()
    qtbot.waitUntil(lambda: app.sign_in.dialog is not None, timeout=WAIT_MS)


def test_sign_in_remembers_the_password_in_the_keyring(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    app = make_app()
    start_signed_out(qtbot, app)
    assert "Sign in" in app.window.contacts.empty_state.text()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        fill_dialog(qtbot, app, sandbox.url, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: app.sign_in.dialog is None, timeout=WAIT_MS)
    key = account_key(sandbox.url, DEMO_EMAIL)
    assert memory_keyring.secrets == {("HarvestContacts", key): DEMO_PASSWORD}
    assert app.settings.saved_account(app.data_dir) == SavedAccount(sandbox.url, DEMO_EMAIL, "v1")
    assert app.window.contacts_model.total_count() == len(sandbox.store.contacts())


def test_wrong_password_is_an_inline_error(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    app = make_app()
    start_signed_out(qtbot, app)
    with qtbot.waitSignal(app.events.sign_in_failed, timeout=WAIT_MS) as failed:
        fill_dialog(qtbot, app, sandbox.url, "not-the-password")
    assert failed.args[1] == "auth"
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.is_busy()
    assert dialog.messages["password"].isVisible()
    assert memory_keyring.secrets == {}
    assert app.window.contacts_model.total_count() == 0


def test_next_start_is_silent_and_shows_the_cache_before_any_network(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    first = make_app()
    start_signed_out(qtbot, first)
    with qtbot.waitSignal(first.events.sync_finished, timeout=WAIT_MS):
        fill_dialog(qtbot, first, sandbox.url, DEMO_PASSWORD)
    first.window.close()
    assert first.shutdown()

    second = make_app()
    sandbox.requests.clear()
    requests_when_shown: list[int] = []
    # Runs on the worker thread at the moment the cached rows are sent to the window.
    second.worker.contacts_loaded.connect(
        lambda *_: requests_when_shown.append(len(sandbox.requests))
    )
    with qtbot.waitSignal(second.events.sync_finished, timeout=WAIT_MS):
        second.start()
        # Before any event is processed: the first screenful saved at exit is painted at once.
        shown_at_start = second.window.contacts_model.rowCount()
    assert shown_at_start == len(sandbox.store.contacts())
    assert requests_when_shown == [0]
    assert second.sign_in.dialog is None
    assert second.window.contacts_model.total_count() == len(sandbox.store.contacts())


def test_no_keyring_keeps_the_password_for_the_session_only(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, no_keyring: None, tmp_path: Path
) -> None:
    logging_handle = configure_logging(log_dir=tmp_path / "logs", verbose=True, console=False)
    try:
        app = make_app()
        start_signed_out(qtbot, app)
        with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
            fill_dialog(qtbot, app, sandbox.url, DEMO_PASSWORD)
        assert NO_KEYRING in app.window.notice.messages()
        assert app.window.notice.isVisible()
        assert app.window.contacts_model.total_count() > 0
        app.window.close()
        assert app.shutdown()
    finally:
        logging_handle.close()
    assert (tmp_path / "logs" / "addressbook.log").stat().st_size > 0
    secret = DEMO_PASSWORD.encode()
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert any(path.suffix == ".ini" for path in files)  # the settings were written here
    assert [path for path in files if secret in path.read_bytes()] == []


def test_saved_password_refused_reopens_the_dialog(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    app.settings.set(Preferences.SERVER, sandbox.url)
    app.settings.set(Preferences.EMAIL, DEMO_EMAIL)
    app.credentials.set(account_key(sandbox.url, DEMO_EMAIL), "stale password")
    with qtbot.waitSignal(app.events.sign_in_failed, timeout=WAIT_MS):
        app.start()
    qtbot.waitUntil(lambda: app.sign_in.dialog is not None, timeout=WAIT_MS)
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.messages["password"].isVisible()
    assert dialog.email_edit.text() == DEMO_EMAIL


@pytest.mark.parametrize("remove_cache", [False, True])
def test_sign_out_forgets_the_password(
    qtbot: QtBot,
    make_app: AppFactory,
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
    data_dir: Path,
    remove_cache: bool,
) -> None:
    app = make_app()
    start_signed_out(qtbot, app)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        fill_dialog(qtbot, app, sandbox.url, DEMO_PASSWORD)
    assert list(data_dir.rglob("*.sqlite*"))
    with qtbot.waitSignal(app.events.signed_out, timeout=WAIT_MS):
        app.sign_in.sign_out(remove_cache=remove_cache)
    assert memory_keyring.secrets == {}
    assert app.window.contacts_model.total_count() == 0
    assert bool(list(data_dir.rglob("*.sqlite*"))) is not remove_cache
    app.shutdown()
    assert not (data_dir / "startup-snapshot.json").exists()  # signed out: nothing to show


def test_non_admin_is_warned(qtbot: QtBot, make_app: AppFactory) -> None:
    with SandboxServer(clients=2, contacts=5, admin=False) as server:
        app = make_app()
        start_signed_out(qtbot, app)
        with qtbot.waitSignal(app.events.signed_in, timeout=WAIT_MS):
            fill_dialog(qtbot, app, server.url, DEMO_PASSWORD)
        assert NOT_ADMIN in app.window.notice.messages()
        app.window.close()
        assert app.shutdown()


def test_demo_button_signs_in_to_a_local_sandbox(
    qtbot: QtBot, make_app: AppFactory, memory_keyring: MemoryKeyring
) -> None:
    app = make_app()
    start_signed_out(qtbot, app)
    dialog = app.sign_in.dialog
    assert dialog is not None
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS * 2):
        dialog.demo_button.click()
    assert app.window.contacts_model.total_count() == 600
    assert memory_keyring.secrets == {}  # the demo password is never stored
    assert app.settings.get(Preferences.SERVER) == ""
