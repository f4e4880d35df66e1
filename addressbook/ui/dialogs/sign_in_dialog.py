"""Sign in to a Harvest account, or try the demo.

The dialog only collects and reports: the check itself (who_am_i) runs on the
worker, and the app answers with set_busy, show_error or show_warning. The
password leaves this dialog only through the sign_in_requested signal.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from addressbook.core import validate_field

from .messages import InlineMessage, Level, grow_to_fit

NO_KEYRING_TEXT = "No system keyring found: your password will be kept for this session only"
# Field names the app may pass to show_error.
_FIELD_ALIASES = {"account": "server", "url": "server", "base_url": "server"}


class SignInDialog(QDialog):
    sign_in_requested = Signal(str, str, str, bool)  # server, email, password, remember
    demo_requested = Signal()

    def __init__(
        self,
        *,
        server: str = "",
        email: str = "",
        keyring_available: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._keyring_available = keyring_available
        self._busy = False
        self.setWindowTitle("Sign in to Harvest")
        self._build()
        self.server_edit.setText(server)
        self.email_edit.setText(email)
        self._connect()
        self._refresh()
        self._focus_first_empty()

    # -- building -----------------------------------------------------------------
    def _build(self) -> None:
        intro = QLabel("Sign in with the email and password you use on Harvest.")
        intro.setWordWrap(True)
        self.banner = InlineMessage("Sign-in messages", banner=True)
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        self.server_edit = self._add_row(
            grid, 0, "Harvest &account", "acme or https://acme.harvestapp.com"
        )
        self.email_edit = self._add_row(grid, 1, "&Email", "you@example.com")
        self.password_edit = self._add_row(grid, 2, "&Password", "")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setClearButtonEnabled(False)
        self.messages = {
            name: self._add_message(grid, row, name)
            for row, name in enumerate(("server", "email", "password"))
        }
        self.remember_check = QCheckBox("&Remember password")
        self.remember_check.setAccessibleName("Remember password")
        self.keyring_note = QLabel(NO_KEYRING_TEXT)
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setAccessibleName("Keyring note")
        self.progress_label = QLabel()
        self.progress_label.setAccessibleName("Sign-in progress")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addWidget(self.remember_check)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.progress_label)
        layout.addWidget(self._build_buttons())
        # Only now, inside the dialog, does "default" register with it (Enter signs in).
        self.sign_in_button.setDefault(True)
        self._apply_keyring_state()
        self.setMinimumWidth(440)

    def _add_row(self, grid: QGridLayout, index: int, text: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(text.replace("&", ""))
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        label = QLabel(text)
        label.setBuddy(edit)
        grid.addWidget(label, 2 * index, 0)
        grid.addWidget(edit, 2 * index, 1)
        grid.setColumnStretch(1, 1)
        return edit

    def _add_message(self, grid: QGridLayout, index: int, name: str) -> InlineMessage:
        label = {"server": "Harvest account", "email": "Email", "password": "Password"}[name]
        message = InlineMessage(f"{label} problems")
        grid.addWidget(message, 2 * index + 1, 1)
        return message

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
        for name, edit in self._edits().items():
            edit.textChanged.connect(self._refresh)
            edit.textEdited.connect(lambda _text, name=name: self._user_edited(name))

    def _edits(self) -> dict[str, QLineEdit]:
        return {
            "server": self.server_edit,
            "email": self.email_edit,
            "password": self.password_edit,
        }

    def _focus_first_empty(self) -> None:
        for edit in self._edits().values():
            if not edit.text():
                edit.setFocus()
                return
        self.password_edit.setFocus()

    def _user_edited(self, name: str) -> None:
        self.messages[name].clear_message()  # the user is answering it
        self._refresh()

    # -- state --------------------------------------------------------------------
    def missing(self) -> list[str]:
        """Why Sign in is disabled, in words; empty when it is enabled."""
        reasons = []
        if not self.server_edit.text().strip():
            reasons.append("Enter your Harvest account.")
        email = self.email_edit.text().strip()
        if not _looks_like_email(email):
            reasons.append("Enter your email address." if not email else "Check the email address.")
        if not self.password_edit.text():
            reasons.append("Enter your password.")
        return reasons

    def _refresh(self) -> None:
        reasons = self.missing()
        self.sign_in_button.setEnabled(not reasons and not self._busy)
        self.sign_in_button.setToolTip(" ".join(reasons))
        self._show_email_hint()
        grow_to_fit(self)

    def _show_email_hint(self) -> None:
        """A gentle note while the email is not an address yet; an error from the app wins."""
        message = self.messages["email"]
        email = self.email_edit.text().strip()
        if message.level == Level.ERROR:
            return
        if email and not _looks_like_email(email):
            message.show_message("This does not look like an email address.", Level.WARNING)
        else:
            message.clear_message()

    def set_busy(self, busy: bool, message: str = "Signing in…") -> None:
        """Lock the inputs while the worker checks the account."""
        self._busy = busy
        for widget in (*self._edits().values(), self.demo_button):
            widget.setEnabled(not busy)
        self.remember_check.setEnabled(not busy and self._keyring_available)
        self.progress_label.setText(message if busy else "")
        self.progress_label.setVisible(busy)
        self._refresh()

    def is_busy(self) -> bool:
        return self._busy

    def show_error(self, message: str, field: str | None = None) -> None:
        """An error under its field (server, email or password), or in the banner."""
        self.set_busy(False)
        name = _FIELD_ALIASES.get(field or "", field or "")
        target = self.messages.get(name)
        (target or self.banner).show_message(message, Level.ERROR)
        edit = self._edits().get(name)
        if edit is not None:
            # The typed value stays, selected, so retyping replaces it.
            edit.setFocus()
            edit.selectAll()
        grow_to_fit(self)

    def show_warning(self, message: str) -> None:
        self.banner.show_message(message, Level.WARNING)
        grow_to_fit(self)

    def clear_messages(self) -> None:
        self.banner.clear_message()
        for message in self.messages.values():
            message.clear_message()

    # -- requests -----------------------------------------------------------------
    def _request_sign_in(self) -> None:
        if self.missing() or self._busy:
            return
        self.clear_messages()
        remember = self.remember_check.isChecked() and self._keyring_available
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
