"""Every dialog renders offscreen with its messages inside the window (a PNG per dialog)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from addressbook.core import Client, Contact
from addressbook.storage import Conflict, PendingChange
from addressbook.ui.crash_dialog import build_crash_dialog
from addressbook.ui.dialogs import ConflictDialog, ContactDialog, SignInDialog
from addressbook.ui.outbox_panel import OutboxPanel
from tests.ui.helpers import inside, show


def render(qtbot: QtBot, widget: QWidget, path: Path) -> None:
    show(qtbot, widget)
    image = widget.grab().toImage()
    assert not image.isNull() and image.width() >= 300 and image.height() >= 100
    assert image.save(str(path))
    # Something was drawn: more than one colour in the picture.
    points = [(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)]
    colours = {image.pixel(x, y) for x, y in points}
    assert len(colours) > 5


def test_each_dialog_renders(qtbot: QtBot, tmp_path: Path) -> None:
    clients = [Client(1, "Acme"), Client(2, "Old Co", active=False)]
    contact = ContactDialog(clients, Contact(7, 2, "Zoë", "Łukasz", phone_office="n/a"))
    contact.show_server_errors(["Server says no"], {"email": ["Email has already been taken"]})
    render(qtbot, contact, tmp_path / "contact.png")
    assert inside(contact.messages["email"], contact) and inside(contact.banner, contact)

    sign_in = SignInDialog(server="acme", keyring_available=False)
    sign_in.show_warning("You are not an administrator: Harvest may hide some contacts from you.")
    render(qtbot, sign_in, tmp_path / "sign_in.png")
    assert inside(sign_in.keyring_note, sign_in) and inside(sign_in.banner, sign_in)

    conflict = ConflictDialog(Conflict(7, {"email": ("a@x.com", None)}), contact_name="Zoë")
    render(qtbot, conflict, tmp_path / "conflict.png")

    panel = OutboxPanel()
    panel.set_pending([PendingChange(1, "delete", 7, {}, None, base={"first_name": "Zoë"})], {})  # type: ignore[arg-type]
    panel.resize(420, 200)
    render(qtbot, panel, tmp_path / "outbox.png")

    crash = build_crash_dialog(None, "KeyError: 'x'", "Traceback")
    render(qtbot, crash, tmp_path / "crash.png")
    assert len(list(tmp_path.glob("*.png"))) == 5
