"""What a screen-reader user hears in the running app: a save, a failed sync, and the
card of the contact they selected (all through addressbook/ui/announce.py)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from addressbook.sandbox import SandboxServer
from tests.ui import a11y
from tests.ui.conftest import WAIT_MS, AppFactory, sign_in_demo


def test_save_and_a_failed_sync_are_announced(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app()
    sign_in_demo(qtbot, app, sandbox)
    contact = sandbox.store.contacts()[0]
    app.window.contacts.select_contacts([contact.id], contact.id)
    card = app.window.details.card
    assert a11y.name(card.name) == contact.full_name  # the heading reads the name
    with a11y.capture_announcements(monkeypatch) as caught:
        dialog = app.editing.edit_selected()
        assert dialog is not None
        dialog.editors["title"].clear()
        qtbot.keyClicks(dialog.editors["title"], "Head of R&D")
        with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
            dialog.ok_button.click()
        assert (f"Saved {contact.full_name}.", "polite") in caught.events
        sandbox.faults.add("drop_before", count=1000)
        with qtbot.waitSignal(app.events.sync_finished, timeout=WAIT_MS):
            app.window.actions_by_name["sync"].trigger()
        qtbot.waitUntil(lambda: any(p == "assertive" for _m, p in caught.events), timeout=WAIT_MS)
    assertive = [message for message, politeness in caught.events if politeness == "assertive"]
    assert assertive[0].startswith("Offline")
    assert any(message.startswith("Error: Could not sync") for message in assertive)
    assert caught.events == caught.said  # every message reached Qt as an announcement event
