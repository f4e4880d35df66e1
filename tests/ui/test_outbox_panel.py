"""The "Unsynced changes" panel (addressbook/ui/outbox_panel.py): each queued change and open
conflict in words, with its action: Resolve…, Edit… (refused by Harvest), Discard."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from addressbook.core import Contact
from addressbook.settings import Settings
from addressbook.storage import Conflict, PendingChange
from addressbook.ui.outbox_panel import EMPTY_TEXT, OutboxPanel, describe_change, queued_at_text
from tests.ui.conftest import QuestionAnswerer
from tests.ui.helpers import show

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
CONTACTS = {
    1: Contact(1, 1, "Jane", "Doe"), -3: Contact(-3, 1, "Zoë", "Łukasz"),
    5: Contact(5, 1, "Max", "Mustermann"),
}  # fmt: skip
NEW_ZOE = {"client_id": 1, "first_name": "Zoë", "last_name": "Łukasz"}
REFUSAL = "Harvest refused the change: Email is invalid"
PENDING = [
    PendingChange(1, "update", 1, {"email": "j@x.com", "phone_office": "1 2 3 4"}, NOW),
    PendingChange(2, "create", -3, NEW_ZOE, NOW),
    PendingChange(3, "delete", 9, {}, NOW, base={"first_name": "Old", "last_name": "Timer"}),
    PendingChange(4, "update", 1, {"email": "bad"}, NOW, state="rejected", error=REFUSAL),
]
CONFLICTS = [Conflict(5, {"title": ("Boss", "Chief")})]
LINES = [
    "Conflict on Max Mustermann: title",
    "Edit Jane Doe: email, office phone",
    "New contact Zoë Łukasz",
    "Delete Old Timer",
    "Edit Jane Doe: email",
]


def make(qtbot: QtBot) -> OutboxPanel:
    panel = OutboxPanel()
    panel.resize(720, 320)
    show(qtbot, panel)
    panel.set_pending(PENDING, CONTACTS, CONFLICTS)
    return panel


def status(panel: OutboxPanel, row: int) -> str:
    item = panel.tree.topLevelItem(row)
    assert item is not None
    return item.text(1)


def test_conflicts_come_first_then_the_queue_in_words(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert panel.descriptions() == LINES
    assert "choose which to keep" in status(panel, 0)
    assert status(panel, 1) == "Waiting to be sent"
    assert status(panel, 4) == REFUSAL  # the server's own words
    assert panel.windowTitle() == "Unsynced changes (5)"  # the dock shows it: titled once
    assert not panel.empty_label.isVisible() and panel.tree.isVisible()


def test_each_row_offers_what_can_be_done_with_it(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert list(panel.row_actions(0)) == ["resolve"]
    assert list(panel.row_actions(1)) == ["discard"]
    assert list(panel.row_actions(4)) == ["edit", "discard"]
    assert panel.row_actions(0)["resolve"].text() == "Resolve…"
    assert panel.row_actions(4)["edit"].accessibleName() == "Edit: Edit Jane Doe: email"


def test_resolve_and_edit_report_their_ids(qtbot: QtBot) -> None:
    panel = make(qtbot)
    with qtbot.waitSignal(panel.resolve_requested, timeout=1000) as resolve:
        qtbot.mouseClick(panel.row_actions(0)["resolve"], Qt.MouseButton.LeftButton)
    assert resolve.args == [5]
    with qtbot.waitSignal(panel.edit_requested, timeout=1000) as edit:
        qtbot.mouseClick(panel.row_actions(4)["edit"], Qt.MouseButton.LeftButton)
    assert edit.args == [4]


def test_enter_on_a_row_does_its_main_action(qtbot: QtBot) -> None:
    panel = make(qtbot)
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.primary_button.isVisible() and panel.primary_button.text() == "Resolve…"
    assert not panel.discard_button.isEnabled()  # a conflict is resolved, not discarded
    with qtbot.waitSignal(panel.resolve_requested, timeout=1000):
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(4))
    assert panel.primary_button.text() == "Edit…"
    with qtbot.waitSignal(panel.edit_requested, timeout=1000):
        qtbot.mouseClick(panel.primary_button, Qt.MouseButton.LeftButton)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(1))
    assert not panel.primary_button.isVisible() and panel.discard_button.isEnabled()


@pytest.mark.parametrize(
    ("change", "text"),
    [
        (PendingChange(5, "delete", 77, {}, NOW), "Delete contact 77"),
        (
            PendingChange(6, "update", 77, {"first_name": "Al", "client_id": 2}, NOW),
            "Edit Al: first name, client",
        ),
        (PendingChange(7, "update", 1, {}, NOW), "Edit Jane Doe"),
    ],
)
def test_descriptions_fall_back_sensibly(change: PendingChange, text: str) -> None:
    assert describe_change(change, CONTACTS) == text


def test_queued_time_is_short_today_and_dated_otherwise() -> None:
    local_now = NOW.astimezone()
    assert queued_at_text(NOW, local_now) == local_now.strftime("%H:%M")
    earlier = NOW - timedelta(days=3)
    assert queued_at_text(earlier, local_now) == earlier.astimezone().strftime("%d %b %H:%M")
    assert queued_at_text(None) == ""


def test_an_empty_queue_says_so(qtbot: QtBot) -> None:
    panel = make(qtbot)
    panel.set_pending([], CONTACTS)
    assert panel.empty_label.isVisible() and panel.empty_label.text() == EMPTY_TEXT
    assert not panel.tree.isVisible() and not panel.discard_button.isVisible()
    assert panel.descriptions() == []


def test_discard_asks_first_and_then_reports_the_id(
    qtbot: QtBot, question: QuestionAnswerer
) -> None:
    panel = make(qtbot)
    question.answer = QMessageBox.StandardButton.Discard
    with qtbot.waitSignal(panel.discard_requested, timeout=1000) as signal:
        qtbot.mouseClick(panel.row_actions(2)["discard"], Qt.MouseButton.LeftButton)
    assert signal.args == [2]
    title, text = question.asked[0]
    assert title == "Discard change?" and "New contact Zoë Łukasz" in text


def test_answering_cancel_keeps_the_change(qtbot: QtBot, question: QuestionAnswerer) -> None:
    panel = make(qtbot)
    question.answer = QMessageBox.StandardButton.Cancel
    with qtbot.assertNotEmitted(panel.discard_requested, wait=20):
        qtbot.mouseClick(panel.row_actions(1)["discard"], Qt.MouseButton.LeftButton)
    assert len(question.asked) == 1
    assert len(panel.descriptions()) == 5


def test_discard_the_selected_change_by_button_and_delete_key(
    qtbot: QtBot, question: QuestionAnswerer
) -> None:
    panel = make(qtbot)
    question.answer = QMessageBox.StandardButton.Discard
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(3))
    with qtbot.waitSignal(panel.discard_requested, timeout=1000) as signal:
        qtbot.mouseClick(panel.discard_button, Qt.MouseButton.LeftButton)
    assert signal.args == [3]
    panel.tree.setFocus()
    with qtbot.waitSignal(panel.discard_requested, timeout=1000) as signal:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert signal.args == [3]


def test_the_panel_refreshes_when_the_app_gives_it_the_new_queue(
    qtbot: QtBot, question: QuestionAnswerer
) -> None:
    panel = make(qtbot)
    question.answer = QMessageBox.StandardButton.Discard
    panel.discard_requested.connect(
        lambda pending_id: panel.set_pending(
            [p for p in PENDING if p.id != pending_id], CONTACTS, CONFLICTS
        )
    )
    qtbot.mouseClick(panel.row_actions(1)["discard"], Qt.MouseButton.LeftButton)
    assert panel.descriptions() == [LINES[0], *LINES[2:]]


def test_controls_are_named(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert panel.windowTitle() == "Unsynced changes (5)"
    assert panel.tree.accessibleName() and panel.discard_button.accessibleName()
    discard = panel.row_actions(1)["discard"]
    assert discard.accessibleName() == "Discard: Edit Jane Doe: email, office phone"


def test_each_change_shows_old_and_new_per_field(qtbot: QtBot) -> None:
    edit = PendingChange(
        7,
        "update",
        1,
        {"email": "AT&T <new>@x.com", "title": ""},
        NOW,
        base={"email": "O'Neil@x.com", "title": "R&D > ops"},
    )
    panel = OutboxPanel()
    show(qtbot, panel)
    panel.set_pending([edit], CONTACTS, CONFLICTS)
    conflict, change = panel.tree.topLevelItem(0), panel.tree.topLevelItem(1)
    assert conflict is not None and change is not None
    assert [change.child(i).text(0) for i in range(change.childCount())] == [
        "Email: O'Neil@x.com → AT&T <new>@x.com",
        "Title: R&D > ops → (empty)",
    ]
    assert conflict.child(0).text(0) == "Title: here “Boss”, in Harvest “Chief”"
    assert change.isExpanded()
    assert panel.tree.headerItem().text(3) == "Actions"  # the 4th column has a name


def test_a_dock_restored_open_shows_its_panel_not_a_grey_area(
    qtbot: QtBot, settings: Settings
) -> None:
    from addressbook.ui.main_window import MainWindow

    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.outbox_panel_factory = OutboxPanel
    window.set_outbox(PENDING, {1}, CONFLICTS)
    window.show()
    window.outbox_dock.show()  # as restoreState does after a restart with it open
    assert window.outbox_panel is not None
    assert window.outbox_dock.widget() is window.outbox_panel
    assert len(window.outbox_panel.descriptions()) == len(LINES)  # the queue, not grey
    assert window.outbox_dock.windowTitle() == "Unsynced changes (5)"


def test_tricky_names_and_values_read_as_typed(qtbot: QtBot) -> None:
    tricky = "AT&T <b>O'Neil</b> > R&D \u200f"
    contacts = {1: Contact(1, 1, tricky, "")}
    edit = PendingChange(8, "update", 1, {"title": tricky}, NOW, base={"title": "<i>old</i>"})
    panel = OutboxPanel()
    show(qtbot, panel)
    panel.set_pending([edit], contacts, [Conflict(1, {"email": (tricky, "x&y@z")})])
    conflict, change = panel.tree.topLevelItem(0), panel.tree.topLevelItem(1)
    assert conflict is not None and change is not None
    name = tricky.strip()
    assert conflict.text(0) == f"Conflict on {name}: email"
    assert conflict.child(0).text(0) == f"Email: here “{tricky.strip()}”, in Harvest “x&y@z”"
    assert change.text(0) == f"Edit {name}: title"
    assert change.child(0).text(0) == f"Title: <i>old</i> → {tricky.strip()}"
    assert panel.row_actions(1)["discard"].accessibleName() == f"Discard: Edit {name}: title"
    assert change.toolTip(0).startswith("<qt>") and "&lt;b&gt;" in change.toolTip(0)
