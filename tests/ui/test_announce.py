"""Announcements (addressbook/ui/announce.py): one entry point that posts a
QAccessibleAnnouncementEvent, polite for progress, assertive for errors."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from addressbook.ui.announce import announce
from tests.ui.a11y import capture_announcements


def test_messages_reach_qt_as_announcement_events(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with capture_announcements(monkeypatch) as caught:
        assert announce("Saved Ann Lee.", source=label)
        assert announce("Could not sync: no connection.", urgent=True, source=label)
        assert not announce("   ", source=label)  # nothing to say
    assert caught.said == [
        ("Saved Ann Lee.", "polite"),
        ("Could not sync: no connection.", "assertive"),
    ]
    assert caught.events == caught.said


def test_without_a_source_the_application_speaks(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with capture_announcements(monkeypatch) as caught:
        announce("12 contacts found.")
    assert caught.events == [("12 contacts found.", "polite")]


def test_line_breaks_are_said_as_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    with capture_announcements(monkeypatch) as caught:
        announce("Deleted Ann Lee.\nUndo")
    assert caught.messages() == ["Deleted Ann Lee. Undo"]
