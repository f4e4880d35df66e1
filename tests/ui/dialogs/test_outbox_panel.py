"""The "Unsynced changes" panel (addressbook/ui/outbox_panel.py): each queued change in words,
each one discardable after a confirmation."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolButton, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from addressbook.core import Contact
from addressbook.storage import PendingChange
from addressbook.ui.outbox_panel import EMPTY_TEXT, OutboxPanel, describe_change, queued_at_text

from .conftest import QuestionAnswerer
from .helpers import show

NOW = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)
CONTACTS = {1: Contact(1, 1, "Jane", "Doe"), -3: Contact(-3, 1, "Zoë", "Łukasz")}
NEW_ZOE = {"client_id": 1, "first_name": "Zoë", "last_name": "Łukasz"}
PENDING = [
    PendingChange(1, "update", 1, {"email": "j@x.com", "phone_office": "1 2 3 4"}, NOW),
    PendingChange(2, "create", -3, NEW_ZOE, NOW),
    PendingChange(3, "delete", 9, {}, NOW, base={"first_name": "Old", "last_name": "Timer"}),
    PendingChange(4, "update", 1, {"email": "bad"}, NOW, state="rejected", error="Email invalid"),
]


def make(qtbot: QtBot) -> OutboxPanel:
    panel = OutboxPanel()
    panel.resize(520, 300)
    show(qtbot, panel)
    panel.set_pending(PENDING, CONTACTS)
    return panel


def item(panel: OutboxPanel, row: int) -> QTreeWidgetItem:
    found = panel.tree.topLevelItem(row)
    assert found is not None
    return found


def row_button(panel: OutboxPanel, row: int) -> QToolButton:
    widget = panel.tree.itemWidget(item(panel, row), 2)
    assert isinstance(widget, QToolButton)
    return widget


def test_each_change_is_described_in_words(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert panel.descriptions() == [
        "Edit Jane Doe: email, office phone",
        "New contact Zoë Łukasz",
        "Delete Old Timer",
        "Edit Jane Doe: email",
    ]
    assert item(panel, 3).text(0) == "Edit Jane Doe: email (not sent: Email invalid)"
    assert "Unsynced changes" in panel.title_label.text() and "(4)" in panel.title_label.text()
    assert not panel.empty_label.isVisible() and panel.tree.isVisible()


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
        qtbot.mouseClick(row_button(panel, 1), Qt.MouseButton.LeftButton)
    assert signal.args == [2]
    title, text = question.asked[0]
    assert title == "Discard change?" and "New contact Zoë Łukasz" in text


def test_answering_cancel_keeps_the_change(qtbot: QtBot, question: QuestionAnswerer) -> None:
    panel = make(qtbot)
    question.answer = QMessageBox.StandardButton.Cancel
    with qtbot.assertNotEmitted(panel.discard_requested, wait=20):
        qtbot.mouseClick(row_button(panel, 0), Qt.MouseButton.LeftButton)
    assert len(question.asked) == 1
    assert len(panel.descriptions()) == 4


def test_discard_the_selected_change_by_button_and_delete_key(
    qtbot: QtBot, question: QuestionAnswerer
) -> None:
    panel = make(qtbot)
    question.answer = QMessageBox.StandardButton.Discard
    panel.tree.setFocus()
    panel.tree.setCurrentItem(item(panel, 2))
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
        lambda pending_id: panel.set_pending([p for p in PENDING if p.id != pending_id], CONTACTS)
    )
    qtbot.mouseClick(row_button(panel, 0), Qt.MouseButton.LeftButton)
    remaining = ["New contact Zoë Łukasz", "Delete Old Timer", "Edit Jane Doe: email"]
    assert panel.descriptions() == remaining


def test_controls_are_named(qtbot: QtBot) -> None:
    panel = make(qtbot)
    assert panel.windowTitle() == "Unsynced changes"
    assert panel.tree.accessibleName() and panel.discard_button.accessibleName()
    assert row_button(panel, 0).accessibleName() == "Discard: Edit Jane Doe: email, office phone"
