"""The notice bar (addressbook/ui/notice_bar.py): one notice at a time, the most important
shown, nothing lost, text as typed, and said to a screen reader."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from addressbook.ui.notice_bar import ERROR, INFO, WARNING, NoticeBar
from tests.ui import a11y

NO_KEYRING = "No password keyring is available on this system."
EXPORT_FAILED = "Could not export: the disk is full."


@pytest.fixture
def bar(qtbot: QtBot) -> NoticeBar:
    notice = NoticeBar()
    qtbot.addWidget(notice)
    notice.show()
    return notice


def test_one_notice_at_a_time_a_later_one_replaces(
    bar: NoticeBar, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="addressbook.ui.notice_bar")
    bar.show_message(NO_KEYRING)
    bar.show_message("You are not an administrator of this Harvest account.")
    assert bar.message.text() == "You are not an administrator of this Harvest account."
    assert NO_KEYRING not in bar.message.text()  # not stacked under each other
    assert f"Notice replaced by a newer one: {NO_KEYRING}" in caplog.text  # nothing lost
    bar.dismiss()
    assert bar.current() == NO_KEYRING  # it waited


def test_the_most_important_wins_and_the_rest_waits(bar: NoticeBar) -> None:
    bar.show_message(EXPORT_FAILED, ERROR)
    bar.show_message(NO_KEYRING, WARNING)
    bar.show_message("The local cache was rebuilt.", INFO)
    assert bar.current() == EXPORT_FAILED
    assert a11y.name(bar.icon) == "Error"
    bar.dismiss()
    assert bar.current() == NO_KEYRING and bar.isVisible()  # the waiting one comes next
    assert a11y.name(bar.icon) == "Warning"
    bar.dismiss()
    assert bar.current() == "The local cache was rebuilt."
    bar.dismiss()
    assert not bar.isVisible() and bar.messages() == []


def test_the_same_notice_twice_is_shown_once(bar: NoticeBar) -> None:
    bar.show_message(NO_KEYRING)
    bar.show_message(NO_KEYRING)
    assert bar.messages() == [NO_KEYRING] and bar.message.text() == NO_KEYRING


def test_text_is_shown_as_typed_and_spoken(bar: NoticeBar, monkeypatch: pytest.MonkeyPatch) -> None:
    tricky = "Could not export to “AT&T <b>O'Neil</b> > R&D\u200f.csv”."
    with a11y.capture_announcements(monkeypatch) as caught:
        bar.show_message(tricky, ERROR)
    assert bar.message.textFormat() == Qt.TextFormat.PlainText
    assert bar.message.text() == tricky and a11y.name(bar.message) == tricky
    assert caught.events == [(f"Error: {tricky}", "assertive")]
    assert a11y.name(bar.close_button) == "Dismiss notice"


def test_a_bidi_override_in_a_notice_cannot_reorder_it(bar: NoticeBar) -> None:
    bar.show_message("Could not export “in\u202egnp.exe”.")
    assert bar.current() == "Could not export “ingnp.exe”."


def test_a_notice_no_longer_true_is_withdrawn(bar: NoticeBar) -> None:
    bar.show_message(NO_KEYRING, WARNING)
    bar.show_message(EXPORT_FAILED, ERROR)
    bar.withdraw(EXPORT_FAILED)
    assert bar.current() == NO_KEYRING
    bar.withdraw(NO_KEYRING)
    assert not bar.isVisible()
    bar.withdraw("never shown")  # nothing happens
