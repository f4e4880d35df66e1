"""The status bar's one indicator (addressbook/ui/status.py, status_words.py): the real
state in words with an icon, the Retry/Sync button, the failed-F5 notice, and what a
screen reader hears."""

from __future__ import annotations

from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from addressbook.sandbox import SandboxServer
from addressbook.settings import Settings
from addressbook.ui import status_words as words
from addressbook.ui.main_window import MainWindow
from addressbook.ui.status import StatusBar
from addressbook.ui.status_words import SyncStatus, status_text
from tests.ui import a11y
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo

NINE_FOURTEEN = datetime.now().replace(hour=9, minute=14, second=0, microsecond=0)


def report(**fields: object) -> SimpleNamespace:
    base = dict(offline=False, error=None, error_kind=None, cancelled=False, rejected={})
    return SimpleNamespace(**(base | fields))


@pytest.fixture
def status(qtbot: QtBot) -> StatusBar:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


def test_the_words_of_each_state() -> None:
    now = NINE_FOURTEEN + timedelta(hours=1)
    cases = [
        (SyncStatus(), "Not signed in"),
        (SyncStatus(words.SYNCING, "pull-contacts", 120, 600), "Downloading contacts (120 of 600)"),
        (SyncStatus(words.SYNCING, "push", 1, 3), "Sending changes (1 of 3)"),
        (SyncStatus(words.UP_TO_DATE, last_sync=NINE_FOURTEEN), "Up to date, last sync 09:14"),
        (
            SyncStatus(words.OFFLINE, unsynced=2, seconds_left=30),
            "Offline, 2 changes saved here, retrying in 30 s",
        ),
        (SyncStatus(words.THROTTLED, seconds_left=12), "Throttled by Harvest, resuming in 12 s"),
        (SyncStatus(words.SIGN_IN_NEEDED), "Sign-in needed (password changed)"),
        (SyncStatus(words.IDLE), "Never synced"),
        (
            SyncStatus(words.IDLE, last_sync=NINE_FOURTEEN, unsynced=1),
            "1 change not sent yet, last sync 09:14",
        ),
    ]
    for status, expected in cases:
        assert status_text(status, now) == expected


def test_the_indicator_follows_a_first_download(status: StatusBar) -> None:
    assert status.state == "Not signed in" and not status.retry.isVisibleTo(status)
    status.set_signed_in(True)
    assert status.state == "Never synced"  # not "All changes synced"
    status.set_syncing()
    status.set_progress("pull-contacts", 120, 600)
    assert status.state == "Downloading contacts (120 of 600)"
    assert status.progress.isVisibleTo(status) and status.progress.value() == 120
    assert not status.retry.isEnabled()
    status.set_sync_result(report())
    status.set_last_sync(NINE_FOURTEEN)
    assert status.state == "Up to date, last sync 09:14"
    assert not status.progress.isVisibleTo(status)
    assert status.retry.text() == "Sync now" and not status.retry.autoRaise()  # a button


def test_offline_counts_changes_and_down_to_the_retry(qtbot: QtBot, status: StatusBar) -> None:
    status.set_signed_in(True)
    status.set_unsynced(2, 0)
    status.set_syncing()
    status.set_sync_result(report(offline=True))
    status.set_retry_in(3000)
    assert status.state == "Offline, 2 changes saved here, retrying in 3 s"
    assert status.retry.text() == "Retry now"
    qtbot.waitUntil(lambda: status.state.endswith("retrying in 2 s"), timeout=WAIT_MS)
    with qtbot.waitSignal(status.retry_clicked, timeout=WAIT_MS):
        status.retry.click()


def test_throttled_counts_down_then_carries_on(qtbot: QtBot, status: StatusBar) -> None:
    status.set_signed_in(True)
    status.set_syncing()
    status.set_throttled(2)
    assert status.state == "Throttled by Harvest, resuming in 2 s"
    qtbot.waitUntil(lambda: status.kind == words.SYNCING, timeout=WAIT_MS)


def test_a_refused_password_asks_to_sign_in(qtbot: QtBot, status: StatusBar) -> None:
    status.set_signed_in(True)
    status.set_sign_in_failed("Harvest refused the password.", "auth")
    status.set_offline("Harvest refused the saved password; sign in again.")  # stays
    assert status.state == "Sign-in needed (password changed)"
    assert status.retry.text() == "Sign in…"
    with qtbot.waitSignal(status.sign_in_clicked, timeout=WAIT_MS):
        status.retry.click()
    status.set_signed_in(True)
    assert status.kind == words.IDLE


def test_a_failed_f5_says_why_once(qtbot: QtBot, status: StatusBar) -> None:
    status.set_signed_in(True)
    status.set_unsynced(2, 0)
    status.expect_manual_sync()
    status.set_syncing()
    with qtbot.waitSignal(status.problem_reported, timeout=WAIT_MS) as problem:
        status.set_sync_result(report(offline=True))
    assert problem.args[0].startswith("Could not sync: Harvest cannot be reached")
    assert "Your 2 changes stay saved here" in problem.args[0]
    with qtbot.assertNotEmitted(status.problem_reported):  # the automatic retry is quiet
        status.set_syncing()
        status.set_sync_result(report(offline=True))


def test_f5_signed_out_says_to_sign_in(qtbot: QtBot, status: StatusBar) -> None:
    with qtbot.waitSignal(status.problem_reported, timeout=WAIT_MS) as problem:
        status.expect_manual_sync()
    assert "not signed in" in problem.args[0]


def test_what_a_screen_reader_hears(status: StatusBar, monkeypatch: pytest.MonkeyPatch) -> None:
    with a11y.capture_announcements(monkeypatch) as caught:
        status.set_signed_in(True)
        status.set_syncing()  # a background sync: not said
        status.set_sync_result(report())
        status.set_syncing()  # and again, ending where it was: not said again
        status.set_sync_result(report())
        status.expect_manual_sync()  # F5: said, step by step
        status.set_syncing()
        status.set_progress("pull-contacts", 1, 600)
        status.set_progress("pull-contacts", 300, 600)  # progress is not re-said each step
        status.set_sync_result(report(offline=True))
        status.showMessage("Saved Ann Lee.", 4000)
    assert caught.events == [
        ("Never synced", "polite"),
        ("Up to date", "polite"),
        ("Syncing with Harvest…", "polite"),
        ("Offline", "assertive"),
        ("Saved Ann Lee.", "polite"),
    ]
    assert a11y.name(status.connection) == "Offline"  # the visible text, not "Connection"
    assert a11y.description(status.connection) == "Sync status"
    assert a11y.role(status.retry) == QAccessible.Role.Button and not status.retry.autoRaise()
    status.set_unsynced(0, 0)
    assert a11y.name(status.unsynced) == "All changes synced" == status.unsynced.text()


def test_the_empty_list_says_downloading_during_the_first_fetch(
    qtbot: QtBot, settings: Settings
) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_signed_in(True)
    window.status.set_syncing()
    assert window.contacts.empty_state.text() == "Downloading your contacts from Harvest…"
    window.status.set_sync_result(report())
    assert window.contacts.empty_state.text().startswith("No contacts yet.")


def test_a_failed_f5_in_the_app_lands_in_the_notice_bar(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    sandbox.stop()
    with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
        app.window.actions_by_name["sync"].trigger()
    qtbot.waitUntil(
        lambda: app.window.notice.current().startswith("Could not sync"), timeout=WAIT_MS
    )
    assert app.window.status.state.startswith("Offline")
    assert app.window.status.retry.text() == "Retry now"


def test_status_texts_show_tricky_names_as_typed(status: StatusBar) -> None:
    from PySide6.QtCore import Qt

    tricky = "AT&T <b>O'Neil</b> > R&D \u200f"
    status.set_signed_in(True)
    status.set_sync_error(f"Harvest said: {tricky}")
    assert status.connection.textFormat() == Qt.TextFormat.PlainText
    assert status.state == "Sync failed"
    assert "AT&amp;T &lt;b&gt;O'Neil&lt;/b&gt;" in status.connection.toolTip()  # not markup
    status.showMessage(f"Saved {tricky}.")
    assert status.currentMessage() == f"Saved {tricky}."  # QStatusBar draws it as plain text


def test_a_pull_of_unknown_size_shows_a_busy_bar_not_0_of_1(status: StatusBar) -> None:
    status.set_signed_in(True)
    status.set_syncing()
    status.set_progress("pull-contacts", 0, 1)  # one request: the count is not known yet
    assert status.state == "Downloading contacts…"
    assert status.progress.isVisibleTo(status) and status.progress.maximum() == 0  # busy
    status.set_progress("pull-contacts", 600, 600)
    assert status.state == "Downloading contacts (600 of 600)"


def test_the_failed_sync_notice_goes_once_a_sync_works(qtbot: QtBot, settings: Settings) -> None:
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_signed_in(True)
    window.notice.show_message("No password keyring is available.")
    window.sync_requested.emit()  # F5
    window.status.set_syncing()
    window.status.set_sync_result(report(offline=True))
    assert window.notice.current().startswith("Could not sync")
    window.status.set_syncing()  # the automatic retry, later, works
    window.status.set_sync_result(report())
    assert window.notice.current() == "No password keyring is available."  # what was true


def test_the_first_download_in_the_app_never_says_no_contacts_yet(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer
) -> None:
    app = make_app()
    seen: list[tuple[str, str]] = []

    def look() -> None:  # at the moment the sync starts, as the user sees it
        seen.append((app.window.contacts.empty_state.text(), app.window.status.state))

    app.events.sync_started.connect(look)
    sign_in_demo(qtbot, app, sandbox)
    assert seen[0] == ("Downloading your contacts from Harvest…", "Syncing with Harvest…")
    assert app.window.status.state.startswith("Up to date, last sync ")
