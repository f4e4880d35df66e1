"""Signing in with a personal access token (Harvest v2) against the sandbox, end to end:
the accounts it opens, the keyring, the next start, refusals, and the data dir's account."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from addressbook.app import Application
from addressbook.credentials import account_key
from addressbook.logging_setup import configure_logging
from addressbook.sandbox import SandboxServer
from addressbook.sandbox.v2_documents import ACCOUNT_ID
from addressbook.sandbox.v2_routes import ACCOUNTS_PATH, DEMO_TOKEN
from addressbook.settings import SavedAccount
from addressbook.ui.sign_in_flow import NOT_A_MANAGER
from tests.conftest import MemoryKeyring
from tests.ui.conftest import WAIT_MS, AppFactory


def token_app(make_app: AppFactory, server: SandboxServer, **options: object) -> Application:
    app = make_app(**options)
    app.sign_in.v2_base_url = server.url
    app.sign_in.accounts_url = server.url + ACCOUNTS_PATH
    return app


def open_dialog(qtbot: QtBot, app: Application) -> None:
    app.start()
    qtbot.waitUntil(lambda: app.sign_in.dialog is not None, timeout=WAIT_MS)


def type_token(qtbot: QtBot, app: Application, token: str) -> None:
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.mode() == "v2"
    dialog.token_edit.clear()
    qtbot.keyClicks(dialog.token_edit, token)
    dialog.sign_in_button.click()


def v2_address(server: SandboxServer) -> str:
    return f"{server.url}/v2"


def test_a_token_that_opens_one_account_signs_in_and_lives_only_in_the_keyring(
    qtbot: QtBot,
    make_app: AppFactory,
    sandbox: SandboxServer,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    logs = configure_logging(log_dir=tmp_path / "logs", verbose=True, console=False)
    try:
        app = token_app(make_app, sandbox)
        open_dialog(qtbot, app)
        with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
            type_token(qtbot, app, DEMO_TOKEN)
        qtbot.waitUntil(lambda: app.sign_in.dialog is None, timeout=WAIT_MS)
        assert app.window.contacts_model.total_count() == len(sandbox.store.contacts())
        assert any(r.path == "/v2/contacts" for r in sandbox.requests)
        key = account_key(v2_address(sandbox), str(ACCOUNT_ID))
        assert memory_keyring.secrets == {("HarvestContacts", key): DEMO_TOKEN}
        assert app.settings.saved_account(app.data_dir) == SavedAccount(
            v2_address(sandbox), str(ACCOUNT_ID), "v2"
        )
        app.window.close()
        assert app.shutdown()
    finally:
        logs.close()
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert [path for path in files if DEMO_TOKEN.encode() in path.read_bytes()] == []


def test_a_token_that_opens_several_accounts_asks_which(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    sandbox.app.v2.other_accounts = [(ACCOUNT_ID + 7, "Another agency")]
    app = token_app(make_app, sandbox)
    open_dialog(qtbot, app)
    type_token(qtbot, app, DEMO_TOKEN)
    dialog = app.sign_in.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.account_combo.isVisible(), timeout=WAIT_MS)
    assert dialog.account_combo.count() == 2 and not dialog.is_busy()
    assert not any(r.path.startswith("/v2/") for r in sandbox.requests)  # nothing chosen yet
    dialog.account_combo.setCurrentIndex(dialog.account_combo.findData(str(ACCOUNT_ID)))
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        dialog.sign_in_button.click()
    assert app.window.contacts_model.total_count() == len(sandbox.store.contacts())


def test_a_refused_token_is_said_on_the_token_field(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, memory_keyring: MemoryKeyring
) -> None:
    app = token_app(make_app, sandbox)
    open_dialog(qtbot, app)
    with qtbot.waitSignal(app.sign_in.sign_in_failed, timeout=WAIT_MS) as failed:
        type_token(qtbot, app, "revoked-token")
    assert failed.args[1] == "auth" and "revoked-token" not in failed.args[0]
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.messages["token"].isVisible()
    assert dialog.focusWidget() is dialog.token_edit and dialog.sign_in_button.isDefault()
    assert memory_keyring.secrets == {}


def test_the_next_start_resumes_the_v2_account_from_the_keyring(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    first = token_app(make_app, sandbox)
    open_dialog(qtbot, first)
    with qtbot.waitSignal(first.events.sync_finished, timeout=WAIT_MS):
        type_token(qtbot, first, DEMO_TOKEN)
    first.window.close()
    assert first.shutdown()
    second = make_app()
    with qtbot.waitSignal(second.events.sync_finished, timeout=WAIT_MS):
        second.start()
    assert second.sign_in.dialog is None
    assert second.window.contacts_model.total_count() == len(sandbox.store.contacts())


def test_a_non_manager_hears_who_may_see_client_contacts(
    qtbot: QtBot, make_app: AppFactory
) -> None:
    with SandboxServer(clients=2, contacts=5, admin=False) as server:
        app = token_app(make_app, server)
        open_dialog(qtbot, app)
        with qtbot.waitSignal(app.events.signed_in, timeout=WAIT_MS):
            type_token(qtbot, app, DEMO_TOKEN)
        assert NOT_A_MANAGER in app.window.notice.messages()
        app.window.close()
        assert app.shutdown()


def test_typed_values_survive_cancel(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = token_app(make_app, sandbox)
    open_dialog(qtbot, app)
    dialog = app.sign_in.dialog
    assert dialog is not None
    dialog.classic_radio.click()
    qtbot.keyClicks(dialog.server_edit, "acme")
    qtbot.keyClicks(dialog.email_edit, "jane@acme.com")
    qtbot.keyClicks(dialog.password_edit, "secret")
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: app.sign_in.dialog is None, timeout=WAIT_MS)
    again = app.sign_in.show_dialog()
    assert again.mode() == "v1" and again.server_edit.text() == "acme"
    assert again.email_edit.text() == "jane@acme.com" and again.password_edit.text() == ""


def test_unreachable_puts_focus_on_the_account_and_enter_retries(
    qtbot: QtBot, make_app: AppFactory
) -> None:
    app = make_app()
    open_dialog(qtbot, app)
    dialog = app.sign_in.dialog
    assert dialog is not None
    dialog.classic_radio.click()
    qtbot.keyClicks(dialog.server_edit, "127.0.0.1:9")  # nothing listens on the discard port
    qtbot.keyClicks(dialog.email_edit, "jane@acme.com")
    qtbot.keyClicks(dialog.password_edit, "secret")
    with qtbot.waitSignal(app.events.sign_in_failed, timeout=WAIT_MS) as failed:
        dialog.sign_in_button.click()
    assert failed.args[1] == "network"
    assert dialog.focusWidget() is dialog.server_edit and dialog.messages["server"].isVisible()
    assert dialog.sign_in_button.isDefault() and not dialog.cancel_button.isDefault()


def test_each_data_dir_opens_its_own_account(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, tmp_path: Path
) -> None:
    other_dir = tmp_path / "other-data"
    app = token_app(make_app, sandbox, data_dir=other_dir)
    open_dialog(qtbot, app)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        type_token(qtbot, app, DEMO_TOKEN)
    app.window.close()
    assert app.shutdown()
    plain = make_app()  # the default data dir: never signed in there
    plain.start()
    qtbot.waitUntil(lambda: plain.sign_in.dialog is not None, timeout=WAIT_MS)
    assert plain.sign_in.current_account is None
    assert plain.settings.saved_account(plain.data_dir) is None


def test_the_demo_signs_in_over_v2(
    qtbot: QtBot, make_app: AppFactory, memory_keyring: MemoryKeyring
) -> None:
    app = make_app()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS * 2):
        app.start(demo=True, api="v2")
    assert app.window.contacts_model.total_count() == 600
    assert all(r.path.startswith("/v2/") for r in app.sign_in.sandbox.requests)
    assert memory_keyring.secrets == {}


def test_a_saved_token_revoked_on_the_web_reopens_the_token_page(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = token_app(make_app, sandbox)
    app.settings.remember_account(
        app.data_dir, SavedAccount(v2_address(sandbox), str(ACCOUNT_ID), "v2")
    )
    app.credentials.set(account_key(v2_address(sandbox), str(ACCOUNT_ID)), "revoked")
    with qtbot.waitSignal(app.events.sign_in_failed, timeout=WAIT_MS):
        app.start()
    qtbot.waitUntil(lambda: app.sign_in.dialog is not None, timeout=WAIT_MS)
    dialog = app.sign_in.dialog
    assert dialog is not None and dialog.mode() == "v2"
    assert dialog.messages["token"].isVisible() and dialog.chosen_account() == str(ACCOUNT_ID)
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        qtbot.keyClicks(dialog.token_edit, DEMO_TOKEN)
        dialog.sign_in_button.click()
    assert not any(r.path == ACCOUNTS_PATH for r in sandbox.requests)  # the account was known
