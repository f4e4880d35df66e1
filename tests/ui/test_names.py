"""Every control of the card, the status bar, the notice bar and the Unsynced changes panel
has a name a screen reader can say: not empty, not a bare symbol (WCAG 4.1.2)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from addressbook.core.models import Client, Contact
from addressbook.index.rows import build_rows
from addressbook.settings import Settings
from addressbook.storage import Conflict, PendingChange
from addressbook.ui.main_window import MainWindow
from addressbook.ui.notice_bar import ERROR
from addressbook.ui.outbox_panel import OutboxPanel
from tests.ui import a11y

NOW = datetime(2026, 12, 4, 9, 14, tzinfo=UTC)
ANN = Contact(
    id=1,
    client_id=1,
    first_name="Ann",
    last_name="Lee",
    title="CEO",
    email="ann@acme.example",
    phone_office="+1 555 0100",
    phone_mobile="0171 555",
    fax="+1 555 0101",
)


def unnamed_controls(root: QWidget) -> list[str]:
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        name = a11y.name(widget)
        if not any(character.isalnum() for character in name):
            problems.append(f"{type(widget).__name__} named {name!r}")
    return problems


def test_every_control_of_my_parts_has_a_real_name(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.outbox_panel_factory = OutboxPanel
    window.show_contacts(build_rows([ANN], {1: "Acme"}), [Client(1, "Acme")])
    window.set_signed_in(True)
    window.contacts.select_contacts([1], 1)
    pending = [PendingChange(1, "update", 1, {"title": "CEO"}, NOW, base={"title": "CTO"})]
    window.set_outbox(pending, {1}, [Conflict(1, {"email": ("a@x", "b@x")})])
    window.show_outbox()
    window.notice.show_message("Could not sync: Harvest cannot be reached.", ERROR)
    window.toast.offer("Deleted Bob Ray.")
    window.show()
    for part in (window.details, window.status, window.notice, window.outbox_panel):
        assert unnamed_controls(part) == [], type(part).__name__
    assert a11y.name(window.notice.icon) == "Error"  # the alert's icon says what it is
    assert a11y.name(window.status.indicator_icon) == "Information"  # "Never synced"
    header = window.outbox_panel.tree.headerItem()
    assert [header.text(column) for column in range(4)] == ["Change", "Status", "Queued", "Actions"]
