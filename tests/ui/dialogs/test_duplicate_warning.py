"""The "already exists?" warning in the contact dialog, typed as a user would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from addressbook.core import Client, Contact
from addressbook.sandbox import SandboxServer
from addressbook.ui.dialogs import ContactDialog
from addressbook.ui.dialogs.messages import Level
from tests.ui.conftest import AppFactory, sign_in_demo
from tests.ui.helpers import show, type_text

JANE = Contact(7, 1, "Jane", "Doe", email="jane@acme.example.com")
ZOE = Contact(8, 1, "Zoë", "Åberg", email="zoe@acme.example.com")
ELSEWHERE = Contact(9, 3, "Max", "Muster", email=None)


def open_dialog(
    qtbot: QtBot, clients: list[Client], contact: Contact | None = None
) -> ContactDialog:
    dialog = ContactDialog(
        clients, contact, preselected_client_id=1, existing=[JANE, ZOE, ELSEWHERE]
    )
    show(qtbot, dialog)
    return dialog


def replace_text(qtbot: QtBot, dialog: ContactDialog, name: str, text: str) -> None:
    editor = dialog.editors[name]
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)


def test_typing_an_existing_email_warns_and_save_stays_enabled(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = open_dialog(qtbot, clients)
    qtbot.keyClicks(dialog.editors["first_name"], "Janet")
    qtbot.keyClicks(dialog.editors["last_name"], "Smith")
    assert dialog.duplicate_label.isHidden()
    qtbot.keyClicks(dialog.editors["email"], "JANE@acme.example.co")
    assert dialog.duplicate_label.isHidden()  # still typing: no match yet
    qtbot.keyClicks(dialog.editors["email"], "m")
    expected = "Looks like Jane Doe at acme corp (jane@acme.example.com) already exists."
    assert dialog.duplicate_label.isVisible()
    assert dialog.duplicate_label.text() == expected
    assert dialog.duplicate_label.level is Level.WARNING
    assert dialog.duplicate_label.accessibleDescription() == expected
    assert dialog.ok_button.isEnabled() and dialog.validate() == {}
    qtbot.keyClick(dialog.editors["email"], Qt.Key.Key_Backspace)
    assert dialog.duplicate_label.isHidden()


def test_typing_an_existing_name_in_the_same_client_warns(
    qtbot: QtBot, clients: list[Client]
) -> None:
    dialog = open_dialog(qtbot, clients)
    qtbot.keyClicks(dialog.editors["first_name"], "zoe")
    type_text(qtbot, dialog.editors["last_name"], "ÅBERG")
    assert dialog.duplicate_warnings() == [
        "Looks like Zoë Åberg at acme corp (zoe@acme.example.com) already exists."
    ]
    assert dialog.duplicate_label.isVisible() and dialog.ok_button.isEnabled()
    # The same name at another client is another person.
    dialog.client_combo.setCurrentIndex(dialog.client_combo.findData(3))
    assert dialog.duplicate_label.isHidden()


def test_email_and_name_twins_are_both_named(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = open_dialog(qtbot, clients)
    qtbot.keyClicks(dialog.editors["first_name"], "Jane")
    qtbot.keyClicks(dialog.editors["last_name"], "Doe")
    qtbot.keyClicks(dialog.editors["email"], "zoe@acme.example.com")
    assert dialog.duplicate_label.text().splitlines() == [
        "Looks like Zoë Åberg at acme corp (zoe@acme.example.com) already exists.",
        "Looks like Jane Doe at acme corp (jane@acme.example.com) already exists.",
    ]
    assert dialog.ok_button.isEnabled()


def test_editing_a_contact_does_not_warn_about_itself(qtbot: QtBot, clients: list[Client]) -> None:
    dialog = open_dialog(qtbot, clients, JANE)
    assert dialog.duplicate_label.isHidden()
    replace_text(qtbot, dialog, "title", "Buyer")
    assert dialog.duplicate_label.isHidden()
    replace_text(qtbot, dialog, "email", "zoe@acme.example.com")
    assert "Looks like Zoë Åberg" in dialog.duplicate_label.text()
    assert dialog.ok_button.isEnabled()


def test_the_app_warns_about_a_synced_contact(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    active = {client.id for client in app.window.sidebar_model.active_clients()}
    twin = next(c for c in sandbox.store.contacts() if c.email and c.client_id in active)
    app.window.sidebar.select_client(twin.client_id)
    dialog = app.editing.new_contact()
    assert dialog is not None
    qtbot.keyClicks(dialog.editors["first_name"], "Someone")
    qtbot.keyClicks(dialog.editors["last_name"], "Else")
    qtbot.keyClicks(dialog.editors["email"], (twin.email or "").upper())
    assert dialog.duplicate_label.isVisible()
    assert dialog.duplicate_label.text().startswith(f"Looks like {twin.full_name} at ")
    assert dialog.ok_button.isEnabled()
    dialog.close()
