"""Signing in and out: the dialog, the keyring, the demo sandbox, the admin warning.

The check itself (who_am_i) runs on the worker. A password or token is passed
to the worker and, if asked, to the keyring; it is held here only until the
answer. Two APIs, one path: a v2 account travels as (API URL + /v2, account
id, token) where a v1 one is (account URL, email, password); see api.v2.address.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from addressbook import APP_NAME
from addressbook.api import normalize_base_url
from addressbook.api.v2.address import DEFAULT_API, api_of, v2_address
from addressbook.settings import Preferences, SavedAccount, Settings
from addressbook.ui.main_window import MainWindow
from addressbook.ui.startup_snapshot import (
    load_snapshot,
    remove_snapshot,
    save_snapshot,
    snapshot_path,
)
from addressbook.workers import SyncWorker

if TYPE_CHECKING:  # imported when first needed, after the first paint (keyring is slow)
    from PySide6.QtWidgets import QMessageBox

    from addressbook.credentials import CredentialStore
    from addressbook.ui.dialogs import SignInDialog

log = logging.getLogger(__name__)

NO_KEYRING = (
    "No password keyring is available on this system, so your password is kept "
    "for this session only; you will be asked again next time."
)
NOT_ADMIN = (
    "You are not an administrator of this Harvest account: Harvest may hide some "
    "clients and contacts from you."
)
NOT_A_MANAGER = (
    "Harvest only shows client contacts to administrators, and to managers who "
    "can edit clients; ask an administrator of this account for that permission."
)
NO_ACCOUNTS = "This token opens no Harvest account. Check it, or create one for your account."
ACCOUNTS_URL = "https://id.getharvest.com/api/v2/accounts"
DEMO_CLIENTS, DEMO_CONTACTS, DEMO_SEED = 25, 600, 1
# The demo prefers one fixed loopback port, because the cache is keyed on the server's
# URL: with it, the demo's cache, its queued edits and its window state are found again
# at the next start. Another program on the port only costs a fresh demo cache.
DEMO_PORT = 47_315
DEMO_DATABASE = "demo-sandbox.sqlite3"


class SignInFlow(QObject):
    signed_in = Signal(object)  # Account
    sign_in_failed = Signal(str, str)  # message, kind (after a silent sign-in too)
    # The worker's notices, re-emitted here on the GUI thread (the cache was rebuilt...).
    notice = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        worker: SyncWorker,
        events: Any,
        settings: Settings,
        credentials: CredentialStore | None,
        data_dir: Path,
    ) -> None:
        super().__init__(window)
        self.window, self.worker, self.settings = window, worker, settings
        self._credentials, self.data_dir = credentials, data_dir
        self.dialog: SignInDialog | None = None
        self.sandbox: Any = None
        self.account: Any = None
        self._attempt: tuple[str, str, str, bool] | None = None  # url, login, secret, remember
        # Where v2 lives and where Harvest ID lists a token's accounts (the demo and the
        # tests point both at the sandbox).
        self.v2_base_url, self.accounts_url = DEFAULT_API, ACCOUNTS_URL
        self._lookup: Any = None
        self._pending_token: tuple[str, bool] | None = None  # while its accounts are looked up
        self._typed: dict[str, str] = {}  # what was typed (no secret), kept across Cancel
        self._current: tuple[str, str] | None = None  # url, email of the open session
        self._demo = False
        self._keyring_notice_given = False
        worker.notice.connect(self.notice)  # signal to signal: queued to this (GUI) thread
        self.notice.connect(window.notice.show_message)
        events.signed_in.connect(self._signed_in)
        events.sign_in_failed.connect(self._failed)
        window.sign_in_requested.connect(lambda: self.show_dialog())
        window.sign_out_requested.connect(self.ask_sign_out)

    @property
    def credentials(self) -> CredentialStore:
        if self._credentials is None:
            from addressbook.credentials import CredentialStore

            self._credentials = CredentialStore()
        return self._credentials

    @property
    def current_account(self) -> tuple[str, str] | None:
        """(base URL, email) of the open session; None signed out or in the demo."""
        return None if self._demo else self._current

    # -- start -------------------------------------------------------------------------
    def start(
        self, *, demo: bool = False, server: str = "", email: str = "", api: str = ""
    ) -> None:
        if demo:
            self.start_demo(api or "v1")
            return
        saved = self.settings.saved_account(self.data_dir)
        if not server and saved is not None:
            server, email = server or saved.server, email or saved.email
        if not (server and email):
            # The window first (its empty state says to sign in); the dialog and the
            # keyring it asks right after, so the start-up is not kept waiting for them.
            self.window.call_after_first_paint(lambda: self.show_dialog(server, email))
            return
        self.resume(server, email)

    def resume(self, server: str, email: str) -> None:
        """The cached contacts at once, then a silent sign-in with the saved password."""
        url = normalize_base_url(server)
        self._current = (url, email)
        self.window.set_signed_in(True)
        snapshot = load_snapshot(snapshot_path(self.data_dir), _account_text(url, email))
        if snapshot is not None:
            self.window.show_snapshot(snapshot)
        # The keyring (slow to import) and the cache load wait until the window is up.
        self.window.call_after_first_paint(lambda: self._resume_now(url, email))

    def _resume_now(self, url: str, email: str) -> None:
        from addressbook.credentials import account_key

        password = self.credentials.get(account_key(url, email)) or ""
        self.worker.resume_requested.emit(url, email, password)
        if not password:
            self.show_dialog(url, email)

    def start_demo(self, api: str = "v1") -> None:
        """The demo over v1 (email and password) or v2 (token and account id)."""
        from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
        from addressbook.sandbox.v2_documents import ACCOUNT_ID
        from addressbook.sandbox.v2_routes import DEMO_TOKEN

        if self.sandbox is None:
            self.sandbox = self._start_demo_sandbox(SandboxServer)
            log.info("Demo sandbox at %s", self.sandbox.url)
        self._demo = True
        if api == "v2":
            self._start_sign_in(v2_address(self.sandbox.url), str(ACCOUNT_ID), DEMO_TOKEN, False)
        else:
            self._sign_in(self.sandbox.url, DEMO_EMAIL, DEMO_PASSWORD, False)

    def _start_demo_sandbox(self, server_class: Any) -> Any:
        """The demo's data lives in the data dir, so edits made in the demo survive a restart."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        options = dict(
            clients=DEMO_CLIENTS,
            contacts=DEMO_CONTACTS,
            seed=DEMO_SEED,
            db_path=self.data_dir / DEMO_DATABASE,
        )
        server = server_class(port=DEMO_PORT, **options)
        try:
            return server.start()
        except OSError:
            log.info("Demo port %d is taken; using a free one", DEMO_PORT)
            server.stop()  # closes the demo database before it is opened again
            return server_class(port=0, **options).start()

    # -- the dialog --------------------------------------------------------------------
    def show_dialog(self, server: str = "", email: str = "", error: str = "") -> SignInDialog:
        if self.dialog is None:
            self.dialog = self._new_dialog(server, email)
            self.dialog.open()
        if error:
            self.dialog.show_error(error, self._secret_field())
        return self.dialog

    def _new_dialog(self, server: str, email: str) -> SignInDialog:
        """Prefilled from what the caller knows, else what was typed before a Cancel, else
        this data dir's account; a v2 address opens the token page with its account."""
        from addressbook.ui.dialogs import SignInDialog

        saved = self.settings.saved_account(self.data_dir)
        typed = self._typed
        if not server and saved is not None:
            server, email = saved.server, saved.email
        v2 = (api_of(server) if server else typed.get("mode", "v2")) == "v2"
        dialog = SignInDialog(
            server=typed.get("server")
            or ("" if v2 else server)
            or self.settings.get(Preferences.SERVER),
            email=typed.get("email")
            or ("" if v2 else email)
            or self.settings.get(Preferences.EMAIL),
            account_id=email if v2 and server else typed.get("account_id", ""),
            mode="v2" if v2 else "v1",
            keyring_available=self.credentials.available(),
            parent=self.window,
        )
        dialog.sign_in_requested.connect(self._sign_in)
        dialog.token_sign_in_requested.connect(self._sign_in_with_token)
        dialog.demo_requested.connect(lambda: self.start_demo(dialog.mode()))
        dialog.finished.connect(self._dialog_closed)
        return dialog

    def _secret_field(self) -> str:
        return "token" if self.dialog is not None and self.dialog.mode() == "v2" else "password"

    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self._typed = self.dialog.values()
            self.dialog.deleteLater()
            self.dialog = None

    def _sign_in(self, server: str, email: str, password: str, remember: bool) -> None:
        self._start_sign_in(normalize_base_url(server), email.strip(), password, remember)

    def _sign_in_with_token(self, token: str, account_id: str, remember: bool) -> None:
        """With the account chosen, sign in; else ask Harvest ID which accounts it opens."""
        if account_id:
            self._start_sign_in(v2_address(self.v2_base_url), account_id, token, remember)
            return
        from addressbook.ui.token_accounts import AccountsLookup

        if self._lookup is None:
            self._lookup = AccountsLookup(self.accounts_url, self)
            self._lookup.found.connect(self._accounts_found)
            self._lookup.failed.connect(self._failed)
        self._lookup.accounts_url = self.accounts_url
        self._pending_token = (token, remember)
        self._attempt = None
        if self.dialog is not None:
            self.dialog.set_busy(True, "Looking up your Harvest accounts…")
        self._lookup.start(token)

    def _accounts_found(self, accounts: list[tuple[int, str]]) -> None:
        pending, self._pending_token = self._pending_token, None
        if self.dialog is None or pending is None:
            return
        if not accounts:
            self.dialog.show_error(NO_ACCOUNTS, "token")
            return
        self.dialog.set_accounts(accounts)
        if len(accounts) == 1:
            token, remember = pending
            self._start_sign_in(v2_address(self.v2_base_url), str(accounts[0][0]), token, remember)

    def _start_sign_in(self, url: str, login: str, secret: str, remember: bool) -> None:
        demo_urls = () if self.sandbox is None else (self.sandbox.url, v2_address(self.sandbox.url))
        self._demo = url in demo_urls
        self._attempt = (url, login, secret, remember)
        if self.dialog is not None:
            self.dialog.set_busy(True)
        self.worker.sign_in_requested.emit(url, login, secret)

    # -- answers from the worker -------------------------------------------------------
    def _signed_in(self, account: Any) -> None:
        self.account = account
        attempt, self._attempt = self._attempt, None
        if attempt is not None:
            self._remember(*attempt)
        if self.dialog is not None:
            self.dialog.accept()
        self.window.set_signed_in(True)
        company = getattr(account, "company_name", "") or ""
        self.window.setWindowTitle(f"{APP_NAME} — {company}" if company else APP_NAME)
        if not getattr(account, "admin", True):
            v2 = self._current is not None and api_of(self._current[0]) == "v2"
            self.window.notice.show_message(NOT_A_MANAGER if v2 else NOT_ADMIN)
        self.signed_in.emit(account)

    def _remember(self, url: str, email: str, password: str, remember: bool) -> None:
        self._current = (url, email)
        if self._demo:
            return
        self.settings.remember_account(self.data_dir, SavedAccount(url, email, api_of(url)))
        self.settings.set(Preferences.REMEMBER_PASSWORD, remember)
        from addressbook.credentials import account_key

        key = account_key(url, email)
        if not self.credentials.available():
            self._tell_no_keyring()
        elif not remember:
            self.credentials.delete(key)
        elif not self.credentials.set(key, password):
            self._tell_no_keyring()

    def _tell_no_keyring(self) -> None:
        if not self._keyring_notice_given:
            self._keyring_notice_given = True
            self.window.notice.show_message(NO_KEYRING)

    def _failed(self, message: str, kind: str) -> None:
        self.sign_in_failed.emit(message, kind)
        asked = self._attempt is not None or self._pending_token is not None
        if asked and self.dialog is not None:
            self._attempt = self._pending_token = None
            self.dialog.show_error(message, self._field_to_fix(kind))
            return
        self._attempt = None
        if kind == "auth" and self._current is not None:
            url, email = self._current
            secret = "token" if api_of(url) == "v2" else "password"
            self.window.status.set_offline(f"Harvest refused the saved {secret}; sign in again.")
            self.show_dialog(url, email, error=message)
        else:
            self.window.status.set_sync_error(message)

    def _field_to_fix(self, kind: str) -> str | None:
        """Wrong credentials: the password or token; unreachable: the account address
        (with a token there is none to fix, so the token field keeps focus)."""
        if kind == "auth":
            return self._secret_field()
        if kind == "network":
            return "token" if self._secret_field() == "token" else "server"
        return None

    # -- sign out ----------------------------------------------------------------------
    def ask_sign_out(self) -> QMessageBox:
        from PySide6.QtWidgets import QCheckBox, QMessageBox  # off the start-up path

        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Sign out",
            "Sign out of Harvest? The saved password is removed from the keyring.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setAccessibleName("Confirm sign out")
        remove = QCheckBox("Also remove the local copy of the contacts and unsynced changes")
        remove.setAccessibleName("Remove local copy")
        box.setCheckBox(remove)
        box.finished.connect(lambda result: self._sign_out_answered(result, remove.isChecked()))
        box.finished.connect(box.deleteLater)
        box.open()
        return box

    def _sign_out_answered(self, result: int, remove_cache: bool) -> None:
        from PySide6.QtWidgets import QMessageBox

        if result == QMessageBox.StandardButton.Yes:
            self.sign_out(remove_cache=remove_cache)

    def sign_out(self, *, remove_cache: bool = False) -> None:
        from addressbook.credentials import account_key

        if self._current is not None:
            self.credentials.delete(account_key(*self._current))
        remove_snapshot(snapshot_path(self.data_dir))
        self._current, self.account = None, None
        self.worker.sign_out_requested.emit(remove_cache)
        self.window.show_contacts([], [])
        self.window.set_signed_in(False)
        self.window.setWindowTitle(APP_NAME)

    def save_snapshot(self) -> None:
        """The first screenful for the next start (only for a real, signed-in account)."""
        account, model = self.current_account, self.window.contacts_model
        if account is None or model.total_count() == 0:
            return
        save_snapshot(
            snapshot_path(self.data_dir),
            _account_text(*account),
            model.all_rows(),
            self.window.sidebar_model.clients(),
            model.client_counts(),
        )

    def shutdown(self) -> None:
        if self.sandbox is not None:
            self.sandbox.stop()
            self.sandbox = None


def _account_text(url: str, email: str) -> str:
    return f"{url} {email.strip().lower()}"
