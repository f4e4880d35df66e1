"""The sign-in dialog's classic (v1) page: what it asks, what it emits, and how it shows the
app's answers. The token page is in test_sign_in_token.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from addressbook.credentials import CredentialStore
from addressbook.ui.dialogs import SignInDialog
from addressbook.ui.dialogs.sign_in_dialog import NO_KEYRING_TEXT
from tests.ui.helpers import inside, show, type_text


def make(qtbot: QtBot, **kwargs: object) -> SignInDialog:
    kwargs.setdefault("mode", "v1")
    dialog = SignInDialog(**kwargs)  # type: ignore[arg-type]
    show(qtbot, dialog)
    return dialog


def fill(qtbot: QtBot, dialog: SignInDialog, server: str, email: str, password: str) -> None:
    for edit, text in ((dialog.server_edit, server), (dialog.email_edit, email)):
        edit.clear()
        type_text(qtbot, edit, text)
    dialog.password_edit.clear()
    type_text(qtbot, dialog.password_edit, password)


def test_sign_in_emits_what_was_typed(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    fill(qtbot, dialog, " acme ", " jane@acme.com ", " pä ss ")
    assert dialog.sign_in_button.isEnabled()
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    # The account and email are trimmed; a password is never altered.
    assert signal.args == ["acme", "jane@acme.com", " pä ss ", True]
    assert dialog.isVisible(), "the app closes the dialog once the sign-in worked"


def test_enter_in_the_password_field_signs_in(qtbot: QtBot) -> None:
    dialog = make(qtbot, server="https://acme.harvestapp.com", email="jane@acme.com")
    assert QApplication.focusWidget() is dialog.password_edit
    type_text(qtbot, dialog.password_edit, "secret")
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000) as signal:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signal.args[0] == "https://acme.harvestapp.com"


@pytest.mark.parametrize(
    ("server", "email", "password", "reason"),
    [
        ("", "jane@acme.com", "pw", "Enter your Harvest account."),
        ("   ", "jane@acme.com", "pw", "Enter your Harvest account."),
        ("acme", "", "pw", "Enter your email address."),
        ("acme", "jane", "pw", "Check the email address."),
        ("acme", "jane@acme", "pw", "Check the email address."),
        # The contacts' rule: a contact could not be saved with these either.
        ("acme", "jane@acme.c", "pw", "Check the email address."),
        ("acme", "jane@acme..com", "pw", "Check the email address."),
        ("acme", "jane@acme.com", "", "Enter your password."),
    ],
)
def test_sign_in_with_something_missing_says_what_on_the_field(
    qtbot: QtBot, server: str, email: str, password: str, reason: str
) -> None:
    dialog = make(qtbot)
    fill(qtbot, dialog, server, email, password)
    # Sign in stays enabled, so it stays in the Tab order with its reason on it.
    assert dialog.sign_in_button.isEnabled()
    assert reason in dialog.missing()
    assert reason in dialog.sign_in_button.accessibleDescription()
    with qtbot.assertNotEmitted(dialog.sign_in_requested, wait=20):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert dialog.isVisible(), "Enter must not fall through to Cancel"
    [field] = [f for f in dialog.fields.values() if f.message.text() == reason]
    assert field.message.isVisible() and QApplication.focusWidget() is field.edit
    assert field.edit.accessibleDescription() == f"Required. Invalid: {reason}"


def test_an_odd_email_gets_a_note_once_the_field_is_left_never_while_typing(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    message = dialog.messages["email"]
    shown: list[str] = []
    dialog.email_edit.textChanged.connect(lambda _: shown.append(message.text()))
    dialog.email_edit.setFocus()
    type_text(qtbot, dialog.email_edit, "jane@")
    assert shown == [""] * 5 and not message.isVisible()  # no flicker under the fingers
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Tab)
    assert message.isVisible() and "does not look like an email" in message.text()
    dialog.email_edit.setFocus()
    dialog.email_edit.end(False)
    type_text(qtbot, dialog.email_edit, "acme.c")
    assert message.text() == "This does not look like an email address."  # steady meanwhile
    type_text(qtbot, dialog.email_edit, "om")
    assert not message.isVisible()


def test_busy_locks_the_inputs_and_says_so(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    fill(qtbot, dialog, "acme", "jane@acme.com", "pw")
    dialog.set_busy(True)
    assert dialog.is_busy()
    for widget in (dialog.server_edit, dialog.email_edit, dialog.password_edit, dialog.demo_button):
        assert not widget.isEnabled()
    assert not dialog.sign_in_button.isEnabled() and not dialog.remember_check.isEnabled()
    assert dialog.progress_label.isVisible() and dialog.progress_label.text() == "Signing in…"
    dialog.set_busy(False)
    assert dialog.sign_in_button.isEnabled() and dialog.password_edit.isEnabled()
    assert not dialog.progress_label.isVisible()


def test_wrong_password_is_shown_under_the_password(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    fill(qtbot, dialog, "acme", "jane@acme.com", "wrong")
    dialog.set_busy(True)
    dialog.show_error("Wrong email or password.", field="password")
    message = dialog.messages["password"]
    assert message.isVisible() and message.text() == "Wrong email or password."
    assert inside(message, dialog)
    assert not dialog.is_busy() and dialog.sign_in_button.isEnabled()
    # The password stays, selected, so typing replaces it.
    assert dialog.password_edit.selectedText() == "wrong"
    assert QApplication.focusWidget() is dialog.password_edit
    type_text(qtbot, dialog.password_edit, "right")
    assert dialog.password_edit.text() == "right"
    assert not message.isVisible()
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000) as signal:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    assert signal.args[2] == "right"


@pytest.mark.parametrize("field", ["server", "account"])
def test_an_account_error_is_shown_under_the_account(qtbot: QtBot, field: str) -> None:
    dialog = make(qtbot, server="no such place", email="jane@acme.com")
    dialog.show_error("No Harvest account at that address.", field=field)
    assert dialog.messages["server"].text() == "No Harvest account at that address."
    assert QApplication.focusWidget() is dialog.server_edit


def test_a_general_error_and_a_warning_use_the_banner(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    dialog.show_error("The network is down.")
    assert dialog.banner.isVisible() and dialog.banner.text() == "The network is down."
    warning = "You are not an administrator: Harvest may hide some contacts from you."
    dialog.show_warning(warning)
    assert dialog.banner.text() == warning and inside(dialog.banner, dialog)


def test_try_the_demo(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    with qtbot.waitSignal(dialog.demo_requested, timeout=1000):
        qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(dialog.sign_in_requested, wait=20):
        pass


def test_remember_is_offered_when_there_is_a_keyring(qtbot: QtBot) -> None:
    dialog = make(qtbot, keyring_available=CredentialStore().available())
    assert dialog.remember_check.isEnabled() and dialog.remember_check.isChecked()
    assert not dialog.keyring_note.isVisible()
    fill(qtbot, dialog, "acme", "jane@acme.com", "pw")
    dialog.remember_check.setFocus()
    qtbot.keyClick(dialog.remember_check, Qt.Key.Key_Space)
    assert not dialog.remember_check.isChecked()
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert signal.args[3] is False


def test_without_a_keyring_remember_is_disabled_and_explained(
    qtbot: QtBot, no_keyring: None
) -> None:
    dialog = make(qtbot, keyring_available=CredentialStore().available())
    assert not dialog.remember_check.isEnabled()
    assert not dialog.remember_check.isChecked()
    assert dialog.keyring_note.isVisible() and dialog.keyring_note.text() == NO_KEYRING_TEXT
    assert dialog.remember_check.toolTip() == NO_KEYRING_TEXT
    fill(qtbot, dialog, "acme", "jane@acme.com", "pw")
    dialog.set_busy(True)
    dialog.set_busy(False)
    assert not dialog.remember_check.isEnabled()
    with qtbot.waitSignal(dialog.sign_in_requested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert signal.args[3] is False


def test_password_is_hidden_and_every_control_is_named(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Password
    for edit in dialog.findChildren(QLineEdit):
        assert edit.accessibleName()
    named = (dialog.remember_check, dialog.sign_in_button, dialog.demo_button, dialog.cancel_button)
    assert [widget.accessibleName() for widget in named] == [
        "Remember password",
        "Sign in",
        "Try the demo",
        "Cancel",
    ]
    assert all(message.accessibleName() for message in dialog.messages.values())
    assert dialog.windowTitle() == "Sign in to Harvest"
