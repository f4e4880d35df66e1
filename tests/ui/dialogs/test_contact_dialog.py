"""The contact dialog, driven by typing as a user would."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from addressbook.core import Client, Contact
from addressbook.ui.dialogs import ContactDialog
from tests.ui.conftest import QuestionAnswerer
from tests.ui.helpers import inside, show, type_text

Button = QMessageBox.StandardButton
CTRL = Qt.KeyboardModifier.ControlModifier


def new_dialog(qtbot: QtBot, clients: list[Client], **kwargs: object) -> ContactDialog:
    dialog = ContactDialog(clients, preselected_client_id=kwargs.pop("client", 1), **kwargs)  # type: ignore[arg-type]
    show(qtbot, dialog)
    return dialog


def type_into(qtbot: QtBot, dialog: ContactDialog, values: dict[str, str]) -> None:
    for name, text in values.items():
        editor = dialog.editors[name]
        editor.setFocus()
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        type_text(qtbot, editor, text)


GOOD = {
    "plain": {"first_name": "Jane", "last_name": "Doe"},
    "non-ascii names": {"first_name": "Zoë", "last_name": "Łukasz-Ωμέγα"},
    "cjk name": {"first_name": "李", "last_name": "小龍"},
    "every field": {
        "first_name": "Jane",
        "last_name": "Doe",
        "title": "Head of Buying",
        "email": "jane.doe@example.co.uk",
        "phone_office": "+44 (0)20 7946 0958",
        "phone_mobile": "07700 900123",
        "fax": "020 7946 0000",
    },
    "phone with a note": {"first_name": "A", "last_name": "B", "phone_office": "ext 12 ask Jenny"},
    "longest allowed": {"first_name": "x" * 255, "last_name": "y"},
}

BAD = {
    "no first name": ({"first_name": ""}, {"first_name": "First name is required."}),
    "no last name": ({"last_name": ""}, {"last_name": "Last name is required."}),
    "blank-only names": (
        {"first_name": "   ", "last_name": "\t "},
        {"first_name": "First name is required.", "last_name": "Last name is required."},
    ),
    "email without @": ({"email": "jane.example.com"}, {"email": "does not look like"}),
    "email without domain": ({"email": "jane@"}, {"email": "does not look like"}),
    "email without dot": ({"email": "jane@example"}, {"email": "does not look like"}),
    "email with space": ({"email": "ja ne@example.com"}, {"email": "does not look like"}),
    "email with two @": ({"email": "jane@@example.com"}, {"email": "does not look like"}),
    "phone with no digit": (
        {"phone_mobile": "ask Jenny"},
        {"phone_mobile": "Mobile phone must contain at least one digit."},
    ),
    "fax with no digit": ({"fax": "none"}, {"fax": "Fax must contain at least one digit."}),
    "too long first name": ({"first_name": "x" * 256}, {"first_name": "too long"}),
    "too long title": ({"title": "t" * 300}, {"title": "Title is too long"}),
}


@pytest.mark.parametrize("values", GOOD.values(), ids=GOOD.keys())
def test_good_input_can_be_saved(
    qtbot: QtBot, clients: list[Client], values: dict[str, str]
) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, values)
    assert dialog.validate() == {}
    assert dialog.ok_button.isEnabled()
    assert dialog.invalid_fields() == []
    expected = {name: text.strip() for name, text in values.items()}
    assert {name: dialog.values()[name] for name in values} == expected
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.editors["first_name"], Qt.Key.Key_Return, CTRL)


@pytest.mark.parametrize(("values", "problems"), BAD.values(), ids=BAD.keys())
def test_bad_input_is_shown_inline_and_blocks_saving(
    qtbot: QtBot, clients: list[Client], values: dict[str, str], problems: dict[str, str]
) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, {"first_name": "Jane", "last_name": "Doe"})
    type_into(qtbot, dialog, values)
    dialog.accept()  # Save: every error shows, and the dialog stays open
    assert dialog.isVisible()
    found = dialog.validate()
    assert set(found) == set(problems)
    for name, words in problems.items():
        assert any(words in message for message in found[name])
        message = dialog.messages[name]
        assert message.isVisible() and words in message.text()
        assert inside(message, dialog), f"{name} message is clipped"
        assert words in dialog.rows[name].editor.accessibleDescription()
        assert name in dialog.invalid_fields()  # outlined
        assert dialog.rows[name].editor.accessibleName().endswith("invalid entry")
    # Save waits for the fix; its reason is the visible message, and its description.
    assert not dialog.ok_button.isEnabled()
    assert next(iter(problems.values())) in dialog.ok_button.accessibleDescription()


@pytest.mark.parametrize("character", ["\x07", "\u200b", "\u202e", "\x00"])
def test_pasted_control_characters_are_refused(
    qtbot: QtBot, clients: list[Client], character: str
) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, {"first_name": "Jane", "last_name": "Doe"})
    dialog.editors["last_name"].insert(f"Do{character}e")  # what a paste does
    dialog.accept()
    assert "invisible control characters" in dialog.messages["last_name"].text()
    assert not dialog.ok_button.isEnabled()


def test_a_fresh_dialog_does_not_scold_and_save_shows_what_is_missing(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = new_dialog(qtbot, clients)
    assert QApplication.focusWidget() is dialog.editors["first_name"]
    assert not any(message.isVisible() for message in dialog.messages.values())
    assert dialog.invalid_fields() == [] and dialog.ok_button.isEnabled()
    height = dialog.height()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # not saved
    assert dialog.invalid_fields() == ["first_name", "last_name"]
    assert "First name is required." in dialog.messages["first_name"].text()
    assert dialog.messages["last_name"].isVisible()
    assert QApplication.focusWidget() is dialog.editors["first_name"]
    assert not dialog.ok_button.isEnabled()
    assert "First name is required." in dialog.ok_button.toolTip()
    assert dialog.height() == height  # room was kept: the dialog does not jump


def test_a_field_shows_its_error_once_the_user_leaves_it(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = new_dialog(qtbot, clients)
    dialog.editors["email"].setFocus()
    type_text(qtbot, dialog.editors["email"], "jane@")
    assert not dialog.messages["email"].isVisible()  # still typing: no error yet
    qtbot.keyClick(dialog.editors["email"], Qt.Key.Key_Tab)
    assert "does not look like" in dialog.messages["email"].text()
    assert dialog.messages["email"].isVisible()
    assert "email" in dialog.invalid_fields()
    # The names the user tabbed past show theirs too; the untouched fax does not.
    assert not dialog.messages["fax"].isVisible()
    name = dialog.editors["first_name"].accessibleName()
    assert name.startswith("First name, required")


def test_warnings_do_not_block_saving(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, {"first_name": "A", "last_name": "B", "email": "a@example.con"})
    type_into(qtbot, dialog, {"phone_office": "ext 12 ask Jenny"})
    assert dialog.validate() == {}
    assert dialog.ok_button.isEnabled()
    assert 'did you mean ".com"' in dialog.messages["email"].text()
    assert "only 2 digits" in dialog.messages["phone_office"].text()


def test_phone_numbers_are_kept_as_typed_but_trimmed(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    typed = "  +1 (555)  0101 ext. 12, ask Jenny!  "
    type_into(qtbot, dialog, {"first_name": "A", "last_name": "B", "phone_office": typed})
    assert dialog.values()["phone_office"] == typed.strip()


def test_create_values_cover_every_field_with_blank_as_none(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = new_dialog(qtbot, clients, client=4)
    type_into(qtbot, dialog, {"first_name": " Jane ", "last_name": "Doe", "title": "   "})
    expected = {
        "client_id": 4,
        "first_name": "Jane",
        "last_name": "Doe",
        "title": None,
        "email": None,
        "phone_office": None,
        "phone_mobile": None,
        "fax": None,
    }
    assert dialog.values() == expected
    assert dialog.changes() == expected
    assert dialog.windowTitle() == "New contact"


def test_client_combo_lists_active_clients_by_name(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    combo = dialog.client_combo
    names = [combo.itemText(index) for index in range(combo.count())]
    assert names == ["acme corp", "Émile & Fils", "Zeta GmbH"]
    assert combo.currentData() == 1


def test_without_a_preselected_client_the_user_must_choose_one(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = new_dialog(qtbot, clients, client=None)
    type_into(qtbot, dialog, {"first_name": "Jane", "last_name": "Doe"})
    assert dialog.validate() == {"client_id": ["Choose a client for this contact."]}
    dialog.accept()
    assert "Choose a client" in dialog.messages["client_id"].text()
    dialog.client_combo.setFocus()
    qtbot.keyClick(dialog.client_combo, Qt.Key.Key_Down)
    assert dialog.validate() == {}
    assert dialog.values()["client_id"] == 1


def test_a_single_active_client_is_chosen_for_the_user(qtbot: QtBot) -> None:
    dialog = new_dialog(qtbot, [Client(9, "Only"), Client(8, "Gone", active=False)], client=None)
    assert dialog.values()["client_id"] == 9


def test_edit_keeps_an_inactive_client(
    qtbot: QtBot, clients: list[Client], contact: Contact
) -> None:
    old = Contact(7, 2, "Ann", "Old")
    dialog = ContactDialog(clients, old)
    show(qtbot, dialog)
    assert dialog.client_combo.currentText() == "Old Co (inactive)"
    assert dialog.values()["client_id"] == 2
    assert dialog.changes() == {}
    assert dialog.windowTitle() == "Edit Ann Old"


def test_edit_keeps_a_client_missing_from_the_list(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = ContactDialog(clients, Contact(7, 99, "Ann", "Gone"))
    show(qtbot, dialog)
    assert dialog.client_combo.currentText() == "Client 99"
    assert dialog.validate() == {} and dialog.changes() == {}


def test_edit_changes_hold_only_the_fields_the_user_changed(
    qtbot: QtBot, clients: list[Client], contact: Contact
) -> None:
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    assert dialog.values() == contact.editable_values()
    type_into(qtbot, dialog, {"email": "jane@new.example.com", "title": ""})
    type_into(qtbot, dialog, {"phone_mobile": "07700 900123 "})
    assert dialog.changes() == {
        "email": "jane@new.example.com",
        "title": None,
        "phone_mobile": "07700 900123",
    }
    # Retyping the original value is no change at all.
    type_into(qtbot, dialog, {"email": contact.email or ""})
    assert "email" not in dialog.changes()


def test_edit_sends_a_client_move(qtbot: QtBot, clients: list[Client], contact: Contact) -> None:
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    dialog.client_combo.setFocus()
    qtbot.keyClick(dialog.client_combo, Qt.Key.Key_Down)
    assert dialog.changes() == {"client_id": 4}


def test_an_old_odd_value_is_kept_and_only_warned_about(
    qtbot: QtBot, clients: list[Client]
) -> None:
    legacy = Contact(5, 1, "Bo", "Li", email=" not-an-email ", phone_office="n/a")
    dialog = ContactDialog(clients, legacy)
    show(qtbot, dialog)
    assert dialog.validate() == {}
    assert "unchanged, so it is kept" in dialog.messages["email"].text()
    type_into(qtbot, dialog, {"title": "CEO"})
    assert dialog.changes() == {"title": "CEO"}
    assert dialog.values()["email"] == " not-an-email "
    assert dialog.ok_button.isEnabled()
    # Touching the odd value makes the rules apply to it.
    type_into(qtbot, dialog, {"phone_office": "n/a!"})
    assert "phone_office" in dialog.validate()


def test_ctrl_return_saves(qtbot: QtBot, clients: list[Client], contact: Contact) -> None:
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    type_into(qtbot, dialog, {"title": "CFO"})
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.editors["title"], Qt.Key.Key_Return, CTRL)
    assert dialog.result() == ContactDialog.DialogCode.Accepted
    assert dialog.changes() == {"title": "CFO"}


def test_ctrl_return_on_invalid_input_shows_every_problem(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = new_dialog(qtbot, clients)
    with qtbot.assertNotEmitted(dialog.accepted, wait=50):
        qtbot.keyClick(dialog.editors["first_name"], Qt.Key.Key_Return, CTRL)
    assert dialog.isVisible()
    assert dialog.messages["last_name"].isVisible()
    assert "Last name is required." in dialog.messages["last_name"].text()


def test_esc_without_changes_closes_without_asking(
    qtbot: QtBot, clients: list[Client], contact: Contact, question: QuestionAnswerer
) -> None:
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.editors["email"], Qt.Key.Key_Escape)
    assert question.asked == []


def test_esc_with_changes_asks_and_cancel_keeps_editing(
    qtbot: QtBot, clients: list[Client], contact: Contact, question: QuestionAnswerer
) -> None:
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    type_into(qtbot, dialog, {"title": "CFO"})
    question.answer = Button.Cancel
    with qtbot.assertNotEmitted(dialog.rejected, wait=50):
        qtbot.keyClick(dialog.editors["title"], Qt.Key.Key_Escape)
    assert question.asked == [("Discard changes?", "Discard your changes to Jane Doe?")]
    assert dialog.isVisible() and dialog.editors["title"].text() == "CFO"
    question.answer = Button.Discard
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.editors["title"], Qt.Key.Key_Escape)


def test_esc_with_changes_asks_in_a_real_message_box(
    qtbot: QtBot,
    clients: list[Client],
    click_message_box: Callable[[QMessageBox.StandardButton], list[str]],
) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, {"first_name": "Half-typed"})
    seen = click_message_box(Button.Discard)
    with qtbot.waitSignal(dialog.rejected, timeout=3000):
        qtbot.keyClick(dialog.editors["first_name"], Qt.Key.Key_Escape)
    assert seen == ["Discard your changes to the new contact?"]


def test_server_errors_show_inline_and_keep_the_input(
    qtbot: QtBot, clients: list[Client], contact: Contact
) -> None:
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    type_into(qtbot, dialog, {"email": "taken@example.com", "phone_mobile": "123456"})
    dialog.show_server_errors(
        ["Email has already been taken", "Account is read-only today"],
        {"email": ["Email has already been taken"], "phone-mobile": ["Mobile is odd"]},
    )
    assert dialog.editors["email"].text() == "taken@example.com"
    assert dialog.editors["phone_mobile"].text() == "123456"
    assert "Email has already been taken" in dialog.messages["email"].text()
    assert "Mobile is odd" in dialog.messages["phone_mobile"].text()
    assert dialog.banner.isVisible()
    assert "Account is read-only today" in dialog.banner.text()
    assert "Email has already been taken" not in dialog.banner.text()
    assert inside(dialog.banner, dialog) and inside(dialog.messages["email"], dialog)
    assert not dialog.ok_button.isEnabled()
    assert QApplication.focusWidget() is dialog.editors["email"]
    # Answering the server on a field clears its error there.
    type_into(qtbot, dialog, {"email": "free@example.com", "phone_mobile": "1234567"})
    assert dialog.validate() == {}
    assert dialog.ok_button.isEnabled()


def test_server_errors_for_unknown_fields_go_to_the_banner(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, {"first_name": "Jane", "last_name": "Doe"})
    dialog.show_server_errors([], {"base": ["Something is wrong"]})
    assert "Something is wrong" in dialog.banner.text()
    assert dialog.values()["first_name"] == "Jane"
    assert dialog.ok_button.isEnabled()


def test_every_control_has_an_accessible_name(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    for row in dialog.rows.values():
        assert row.editor.accessibleName()
        assert row.message.accessibleName()
        assert row.label.buddy() is row.editor
    for widget in (dialog.ok_button, dialog.banner):
        assert widget.accessibleName()
    for editor in dialog.findChildren(QLineEdit):
        assert editor.accessibleName()


def test_tab_moves_through_the_fields_in_order(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    dialog.client_combo.setFocus()
    order: list[QWidget] = [row.editor for row in dialog.rows.values()]
    for expected in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


def test_messages_follow_a_dark_palette(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    type_into(qtbot, dialog, {"email": "nope"})
    qtbot.keyClick(dialog.editors["email"], Qt.Key.Key_Tab)
    message = dialog.messages["email"]

    def colour() -> str:
        return message.palette().color(QPalette.ColorRole.WindowText).name()

    light = colour()
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    system = QApplication.palette()
    QApplication.setPalette(dark)  # what the platform does when the system turns dark
    try:
        qtbot.waitUntil(lambda: colour() == "#ff8a80", timeout=1000)
    finally:
        QApplication.setPalette(system)
    qtbot.waitUntil(lambda: colour() == light == "#b3261e", timeout=1000)


def test_each_keystroke_checks_the_fields_once(
    qtbot: QtBot, clients: list[Client], monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = new_dialog(qtbot, clients)
    reads: list[None] = []
    values = dialog.values
    monkeypatch.setattr(dialog, "values", lambda: reads.append(None) or values())
    type_text(qtbot, dialog.editors["first_name"], "Ann")
    assert len(reads) == 3
    assert dialog.messages["first_name"].text() == ""


def test_the_clear_button_counts_as_an_edit(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = new_dialog(qtbot, clients)
    dialog.editors["last_name"].setFocus()
    type_text(qtbot, dialog.editors["last_name"], "Doe")
    dialog.editors["last_name"].clear()  # what the field's clear button does
    qtbot.keyClick(dialog.editors["last_name"], Qt.Key.Key_Tab)
    assert "Last name is required." in dialog.messages["last_name"].text()


def test_values_are_shown_as_written(qtbot: QtBot, clients: list[Client]) -> None:
    odd = "AT&T <R&D> O'Neil \u200fשלום"
    contact = Contact(
        id=5,
        client_id=1,
        first_name="Zoë's",
        last_name=odd,
        title="R&D <lead>",
        email="o'neil@example.com",
    )
    dialog = ContactDialog(clients, contact)
    show(qtbot, dialog)
    assert dialog.windowTitle() == f"Edit Zoë's {odd}"
    assert dialog.editors["last_name"].text() == odd  # the bidi mark is kept
    assert dialog.editors["title"].text() == "R&D <lead>"
    assert dialog.editors["email"].text() == "o'neil@example.com"
    assert dialog.changes() == {}  # shown as written, so saving changes nothing
