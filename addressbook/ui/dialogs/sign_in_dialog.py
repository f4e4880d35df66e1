"""Sign in to a Harvest account with a personal access token (v2) or, classic, with an
account, email and password (v1); or try the demo.

The dialog only collects and reports: the checks run on the worker, and the app
answers with set_busy, set_accounts, show_error or show_warning. A password or
token leaves this dialog only through the sign-in signals. Sign in stays
enabled (and in the Tab order): pressing it with something missing says what,
on the field itself, instead of a silent disabled button.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from addressbook.core import validate_field

from .messages import InlineMessage, Level, grow_to_fit
from .sign_in_fields import SignInField

NO_KEYRING_TEXT = (
    "No system keyring found: your token or password will be kept for this session only"
)
TOKENS_PAGE = "https://id.getharvest.com/developers"
TOKEN_HELP = (
    f'Create a personal access token at <a href="{TOKENS_PAGE}">'
    "id.getharvest.com/developers</a> (Developers, Create new personal access token)."
)
SEVERAL_ACCOUNTS = "This token opens several Harvest accounts: choose one, then Sign in."
# Field names the app may pass to show_error.
_FIELD_ALIASES = {"account": "server", "url": "server", "base_url": "server"}
TOKEN, CLASSIC = "v2", "v1"


class SignInDialog(QDialog):
    sign_in_requested = Signal(str, str, str, bool)  # server, email, password, remember
    token_sign_in_requested = Signal(str, str, bool)  # token, account id ("" = find), remember
    demo_requested = Signal()

    def __init__(
        self,
        *,
        server: str = "",
        email: str = "",
        keyring_available: bool = True,
        mode: str = TOKEN,
        account_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keyring_available = keyring_available
        self._busy = False
        self._wanted_account = account_id
        self.setWindowTitle("Sign in to Harvest")
        self._build()
        self.server_edit.setText(server)
        self.email_edit.setText(email)
        self._connect()
        self.set_mode(mode)

    # -- building -----------------------------------------------------------------
    def _build(self) -> None:
        self.banner = InlineMessage("Sign-in messages", banner=True)
        self.token_radio = QRadioButton("Personal access &token")
        self.classic_radio = QRadioButton("&Classic Harvest (v1): account, email and password")
        self.mode_group = QButtonGroup(self)
        for button in (self.token_radio, self.classic_radio):
            button.setAccessibleName(button.text().replace("&", ""))
            self.mode_group.addButton(button)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_token_page())
        self.pages.addWidget(self._build_classic_page())
        self.remember_check = QCheckBox("&Remember password")
        self.remember_check.setAccessibleName("Remember password")
        self.keyring_note = QLabel(NO_KEYRING_TEXT)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setAccessibleName("Keyring note")
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName("Sign-in progress")
        layout = QVBoxLayout(self)
        for widget in (
            self.token_radio,
            self.classic_radio,
            self.banner,
            self.pages,
            self.remember_check,
            self.keyring_note,
            self.progress_label,
            self._build_buttons(),
        ):
            layout.addWidget(widget)
        # Only now, inside the dialog, does "default" register with it (Enter signs in).
        self.sign_in_button.setDefault(True)
        self._apply_keyring_state()
        self.setMinimumWidth(480)

    def _build_token_page(self) -> QWidget:
        page, grid = QWidget(), QGridLayout()
        page.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        self.token_field = SignInField(grid, 0, "Access to&ken", secret=True)
        self.token_edit = self.token_field.edit
        self.account_label = QLabel("Harvest acc&ount")
        self.account_combo = QComboBox()
        self.account_combo.setAccessibleName("Harvest account")
        self.account_label.setBuddy(self.account_combo)
        grid.addWidget(self.account_label, 2, 0)
        grid.addWidget(self.account_combo, 2, 1)
        self.token_help = QLabel(TOKEN_HELP)
        self.token_help.setTextFormat(Qt.TextFormat.RichText)
        self.token_help.setOpenExternalLinks(True)
        self.token_help.setWordWrap(True)
        self.token_help.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.token_help.setAccessibleName("Where to get a token")
        grid.addWidget(self.token_help, 3, 0, 1, 2)
        grid.setColumnStretch(1, 1)
        self._show_accounts(False)
        return page

    def _build_classic_page(self) -> QWidget:
        page, grid = QWidget(), QGridLayout()
        page.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(4)
        self.fields = {
            "server": SignInField(
                grid, 0, "Harvest &account", "acme or https://acme.harvestapp.com"
            ),
            "email": SignInField(grid, 1, "&Email", "you@example.com"),
            "password": SignInField(grid, 2, "&Password", secret=True),
            "token": self.token_field,
        }
        self.server_edit = self.fields["server"].edit
        self.email_edit = self.fields["email"].edit
        self.password_edit = self.fields["password"].edit
        self.messages = {name: field.message for name, field in self.fields.items()}
        grid.setColumnStretch(1, 1)
        return page

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        self.sign_in_button = QPushButton("&Sign in")
        self.demo_button = QPushButton("Try the &demo")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.demo_button.setToolTip("Explore the app with made-up contacts on this computer")
        # Neither button closes the dialog: the app does once the sign-in worked.
        self.buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        for button in (self.sign_in_button, self.demo_button, self.cancel_button):
            button.setAccessibleName(button.text().replace("&", ""))
        for button in (self.demo_button, self.cancel_button):
            button.setAutoDefault(False)  # focus on them never takes Enter from Sign in
        return self.buttons

    def _apply_keyring_state(self) -> None:
        self.remember_check.setEnabled(self._keyring_available)
        self.remember_check.setChecked(self._keyring_available)
        self.keyring_note.setVisible(not self._keyring_available)
        if not self._keyring_available:
            self.remember_check.setToolTip(NO_KEYRING_TEXT)
            self.remember_check.setAccessibleDescription(NO_KEYRING_TEXT)

    def _connect(self) -> None:
        self.sign_in_button.clicked.connect(self._request_sign_in)
        self.demo_button.clicked.connect(self._request_demo)
        self.buttons.rejected.connect(self.reject)
        self.token_radio.toggled.connect(lambda on: self.set_mode(TOKEN if on else CLASSIC))
        for name, field in self.fields.items():
            field.edit.textChanged.connect(self._refresh)
            field.edit.textEdited.connect(lambda _text, name=name: self._user_edited(name))
            field.edit.editingFinished.connect(lambda name=name: self._left_field(name))
        self.token_edit.textEdited.connect(lambda _text: self.set_accounts([]))

    # -- mode ---------------------------------------------------------------------
    def mode(self) -> str:
        return TOKEN if self.token_radio.isChecked() else CLASSIC

    def set_mode(self, mode: str) -> None:
        token = mode != CLASSIC
        for radio, checked in ((self.token_radio, token), (self.classic_radio, not token)):
            if radio.isChecked() != checked:
                radio.setChecked(checked)
        self.pages.setCurrentIndex(0 if token else 1)
        self.remember_check.setText("&Remember token" if token else "&Remember password")
        self.remember_check.setAccessibleName(self.remember_check.text().replace("&", ""))
        self._refresh()
        self._focus_first_empty()

    def _edits(self) -> dict[str, Any]:
        if self.mode() == TOKEN:
            return {"token": self.token_edit}
        return {name: self.fields[name].edit for name in ("server", "email", "password")}

    def _focus_first_empty(self) -> None:
        edits = list(self._edits().values())
        target = next((edit for edit in edits if not edit.text()), edits[-1])
        target.setFocus()

    # -- accounts of a token ---------------------------------------------------------
    def set_accounts(self, accounts: list[tuple[int, str]]) -> None:
        """The Harvest accounts the token opens; several: the user picks one."""
        self.account_combo.clear()
        for account_id, name in accounts:
            self.account_combo.addItem(
                f"{name} ({account_id})" if name else str(account_id), str(account_id)
            )
        wanted = self.account_combo.findData(self._wanted_account)
        self.account_combo.setCurrentIndex(max(wanted, 0))
        several = len(accounts) > 1
        self._show_accounts(bool(accounts))
        if several:
            self.set_busy(False)
            self.banner.show_message(SEVERAL_ACCOUNTS, Level.INFO)
            self.account_combo.setFocus()
        grow_to_fit(self)

    def _show_accounts(self, shown: bool) -> None:
        self.account_label.setVisible(shown)
        self.account_combo.setVisible(shown)

    def chosen_account(self) -> str:
        if not self.account_combo.isVisible() and self.account_combo.count() == 0:
            return self._wanted_account
        data = self.account_combo.currentData()
        return str(data) if data else ""

    # -- state --------------------------------------------------------------------
    def missing(self) -> list[str]:
        """What is missing before Sign in can work, in words; empty when nothing is."""
        return [reason for reason in self._problems().values() if reason]

    def _problems(self) -> dict[str, str]:
        if self.mode() == TOKEN:
            return {"token": "" if self.token_edit.text().strip() else "Enter your token."}
        email = self.email_edit.text().strip()
        return {
            "server": "" if self.server_edit.text().strip() else "Enter your Harvest account.",
            "email": ""
            if _looks_like_email(email)
            else ("Check the email address." if email else "Enter your email address."),
            "password": "" if self.password_edit.text() else "Enter your password.",
        }

    def _refresh(self) -> None:
        reasons = self.missing()
        self.sign_in_button.setEnabled(not self._busy)
        # The reason stays reachable: Sign in keeps focus and says it on itself.
        self.sign_in_button.setAccessibleDescription(" ".join(reasons))
        self.sign_in_button.setToolTip(" ".join(reasons))

    def _user_edited(self, name: str) -> None:
        """While typing, a message only goes away once the field is right: it never
        appears or changes under the user's fingers."""
        field = self.fields[name]
        if field.message.text() and not self._problems().get(name):
            field.set_error("")
        if self.banner.level == Level.ERROR:
            self.banner.clear_message()  # the user is answering it
        self._refresh()

    def _left_field(self, name: str) -> None:
        if name == "email":
            email = self.email_edit.text().strip()
            if email and not _looks_like_email(email) and not self.fields["email"].error:
                self.fields["email"].set_error(
                    "This does not look like an email address.", Level.WARNING
                )

    def set_busy(self, busy: bool, message: str = "Signing in…") -> None:
        """Lock the inputs while the worker checks the account."""
        self._busy = busy
        for widget in (
            *(f.edit for f in self.fields.values()),
            self.demo_button,
            self.account_combo,
            self.token_radio,
            self.classic_radio,
        ):
            widget.setEnabled(not busy)
        self.remember_check.setEnabled(not busy and self._keyring_available)
        self.progress_label.setText(message if busy else "")
        self.progress_label.setVisible(busy)
        self._refresh()

    def is_busy(self) -> bool:
        return self._busy

    def show_error(self, message: str, field: str | None = None) -> None:
        """An error on its field (server, email, password, token), or in the banner; focus
        goes to the field to fix, its text selected so retyping replaces it."""
        self.set_busy(False)
        name = _FIELD_ALIASES.get(field or "", field or "")
        target = self.fields.get(name)
        if target is None or not target.edit.isVisibleTo(self):
            self.banner.show_message(message, Level.ERROR)
            target = self.fields.get(name) if name in self._edits() else None
        else:
            target.set_error(message)
        edit = target.edit if target is not None else self._first_edit()
        edit.setFocus()
        edit.selectAll()
        self.sign_in_button.setDefault(True)  # Enter retries
        grow_to_fit(self)

    def _first_edit(self) -> Any:
        return next(iter(self._edits().values()))

    def show_warning(self, message: str) -> None:
        self.banner.show_message(message, Level.WARNING)
        grow_to_fit(self)

    def clear_messages(self) -> None:
        self.banner.clear_message()
        for field in self.fields.values():
            field.set_error("")

    def values(self) -> dict[str, str]:
        """What was typed, without any secret: kept by the app across Cancel."""
        return {
            "mode": self.mode(),
            "server": self.server_edit.text().strip(),
            "email": self.email_edit.text().strip(),
            "account_id": self.chosen_account(),
        }

    # -- requests -----------------------------------------------------------------
    def validate(self) -> bool:
        """Show each problem on its field and focus the first; True when there is none."""
        problems = {name: text for name, text in self._problems().items() if text}
        for name in self._edits():
            self.fields[name].set_error(problems.get(name, ""))
        if problems:
            first = self.fields[next(iter(problems))].edit
            first.setFocus()
            grow_to_fit(self)
        return not problems

    def _request_sign_in(self) -> None:
        if self._busy or not self.validate():
            return
        self.clear_messages()
        remember = self.remember_check.isChecked() and self._keyring_available
        if self.mode() == TOKEN:
            self.token_sign_in_requested.emit(
                self.token_edit.text().strip(), self.chosen_account(), remember
            )
            return
        self.sign_in_requested.emit(
            self.server_edit.text().strip(),
            self.email_edit.text().strip(),
            self.password_edit.text(),
            remember,
        )

    def _request_demo(self) -> None:
        if not self._busy:
            self.clear_messages()
            self.demo_requested.emit()


def _looks_like_email(text: str) -> bool:
    """The contacts' own email rule, so an address the app accepts in one place it
    accepts everywhere."""
    return bool(text) and not validate_field("email", text)
