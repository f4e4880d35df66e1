"""The sign-in dialog's token page (Harvest v2): the default, what it asks and emits."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from addressbook.ui.dialogs import SignInDialog
from addressbook.ui.dialogs.sign_in_dialog import SEVERAL_ACCOUNTS, TOKENS_PAGE
from tests.ui.helpers import show, type_text


def make(qtbot: QtBot, **kwargs: object) -> SignInDialog:
    dialog = SignInDialog(**kwargs)  # type: ignore[arg-type]
    show(qtbot, dialog)
    return dialog


def test_the_token_page_is_the_default_and_says_where_tokens_come_from(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    assert dialog.mode() == "v2" and dialog.token_radio.isChecked()
    assert dialog.token_edit.isVisible() and not dialog.server_edit.isVisible()
    assert QApplication.focusWidget() is dialog.token_edit
    assert dialog.token_edit.echoMode() == QLineEdit.EchoMode.Password
    assert TOKENS_PAGE in dialog.token_help.text() and dialog.token_help.openExternalLinks()
    assert not dialog.account_combo.isVisible()  # until a token opens several accounts
    assert dialog.remember_check.text().replace("&", "") == "Remember token"


def test_token_sign_in_emits_the_token_and_no_account_until_one_is_known(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    type_text(qtbot, dialog.token_edit, " pat-123.abc ")
    with qtbot.waitSignal(dialog.token_sign_in_requested, timeout=1000) as signal:
        qtbot.keyClick(dialog.token_edit, Qt.Key.Key_Return)
    assert signal.args == ["pat-123.abc", "", True]


def test_several_accounts_are_offered_and_the_chosen_one_is_emitted(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    type_text(qtbot, dialog.token_edit, "pat")
    dialog.set_busy(True)
    dialog.set_accounts([(1, "Acme"), (2380504951, "Acme Europe")])
    assert not dialog.is_busy() and dialog.account_combo.isVisible()
    assert dialog.banner.text() == SEVERAL_ACCOUNTS
    assert QApplication.focusWidget() is dialog.account_combo
    dialog.account_combo.setCurrentIndex(1)
    with qtbot.waitSignal(dialog.token_sign_in_requested, timeout=1000) as signal:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert signal.args[:2] == ["pat", "2380504951"]
    type_text(qtbot, dialog.token_edit, "x")  # another token: its accounts are not known
    assert not dialog.account_combo.isVisible()


def test_an_empty_token_is_said_on_the_token_field(qtbot: QtBot) -> None:
    dialog = make(qtbot)
    with qtbot.assertNotEmitted(dialog.token_sign_in_requested, wait=20):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.messages["token"].text() == "Enter your token."
    assert dialog.token_edit.accessibleDescription() == "Required. Invalid: Enter your token."
    assert QApplication.focusWidget() is dialog.token_edit


def test_a_refused_token_is_shown_on_it_selected_and_sign_in_stays_the_default(
    qtbot: QtBot,
) -> None:
    dialog = make(qtbot)
    type_text(qtbot, dialog.token_edit, "revoked")
    dialog.cancel_button.setFocus()
    dialog.show_error("Harvest refused the personal access token.", "token")
    assert dialog.messages["token"].isVisible()
    assert "refused" in dialog.token_edit.accessibleDescription()
    assert QApplication.focusWidget() is dialog.token_edit
    assert dialog.token_edit.selectedText() == "revoked"
    assert dialog.sign_in_button.isDefault() and not dialog.cancel_button.isDefault()


def test_switching_to_classic_and_back_keeps_what_was_typed(qtbot: QtBot) -> None:
    dialog = make(qtbot, server="acme", email="jane@acme.com")
    type_text(qtbot, dialog.token_edit, "pat")
    dialog.classic_radio.click()
    assert dialog.mode() == "v1" and dialog.server_edit.isVisible()
    assert QApplication.focusWidget() is dialog.password_edit
    dialog.token_radio.click()
    assert dialog.token_edit.text() == "pat"
    assert dialog.values() == {
        "mode": "v2",
        "server": "acme",
        "email": "jane@acme.com",
        "account_id": "",
    }


def test_the_buttons_inside_the_fields_are_named(qtbot: QtBot) -> None:
    dialog = make(qtbot, mode="v1")
    names = {
        button.accessibleName()
        for edit in dialog.findChildren(QLineEdit)
        for button in edit.findChildren(QToolButton)
    }
    assert {"Clear Harvest account", "Clear Email", "Show password", "Show access token"} <= names
    dialog.fields["password"].reveal_action.trigger()
    assert dialog.password_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert "Hide password" in {
        b.accessibleName() for b in dialog.password_edit.findChildren(QToolButton)
    }
