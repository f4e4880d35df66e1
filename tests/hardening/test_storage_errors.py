"""Storage errors told honestly: a full disk is named as such, and nothing queued is lost.

Seen before: a disk full during a 2,000-contact import raised a bare
`sqlite3.OperationalError: cannot rollback - no transaction is active`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from addressbook.core.models import Client, Contact
from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache, CacheError, DiskFullError
from tests.hardening.tiny_disk import fill_disk, tiny_disk
from tests.ui.conftest import (
    WAIT_MS,
    AppFactory,
    data_dir,
    make_app,
    sandbox,
    settings,
    sign_in_demo,
)

# Fixtures, used by name below (the app's from tests/ui).
__all__ = ["data_dir", "make_app", "sandbox", "settings", "tiny_disk"]

IMPORT_SIZE = 2_000


def an_import(client_id: int) -> list[Contact]:
    return [
        Contact(None, client_id, "Imported", f"Row{n}", email=f"row{n}@example.com")
        for n in range(IMPORT_SIZE)
    ]


def queue_three_edits(cache: Cache) -> list[int]:
    cache.apply_clients([Client(1, "Acme")], complete=True)
    return [cache.create_contact(Contact(None, 1, "Kept", f"Edit{n}")).id or 0 for n in range(3)]


def test_a_full_disk_during_an_import_says_so_and_keeps_the_queue(tiny_disk: Path) -> None:
    path = tiny_disk / "account.sqlite3"
    with Cache.open(path) as cache:
        queued = queue_three_edits(cache)
        filler = fill_disk(tiny_disk)
        with pytest.raises(DiskFullError) as full:
            cache.create_contacts(an_import(1))
        assert isinstance(full.value, CacheError)
        assert str(full.value).startswith("The disk is full")
        assert "rollback" not in str(full.value)
        assert [entry.contact_id for entry in cache.pending()] == queued  # all or nothing
        filler.unlink()  # space again: the same cache goes on working
        cache.create_contact(Contact(None, 1, "After", "Space"))
    with Cache.open(path) as cache:
        assert cache.integrity_check() == "ok" and len(cache.pending()) == 4


def test_a_database_that_cannot_grow_is_disk_full_not_a_rollback_error(tmp_path: Path) -> None:
    """The same SQLITE_FULL without a tiny disk: SQLite rolls back itself, we must not again."""
    with Cache.open(tmp_path / "account.sqlite3") as cache:
        queued = queue_three_edits(cache)
        pages = cache._db.connection.execute("PRAGMA page_count").fetchone()[0]
        cache._db.connection.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(DiskFullError):
            cache.create_contacts(an_import(1))
        assert [entry.contact_id for entry in cache.pending()] == queued
        assert not cache._db.connection.in_transaction


def test_the_window_says_the_disk_is_full_in_plain_words(
    qtbot: QtBot, make_app: AppFactory, sandbox: SandboxServer, tiny_disk: Path
) -> None:
    app = make_app(data_dir=tiny_disk / "data")
    sign_in_demo(qtbot, app, sandbox)
    qtbot.waitUntil(lambda: hasattr(app, "exchange"), timeout=WAIT_MS)
    before = app.window.contacts_model.total_count()
    fill_disk(tiny_disk)
    client = app.window.sidebar_model.clients()[0].id
    with qtbot.waitSignal(app.events.edit_failed, timeout=WAIT_MS):
        app.exchange._queue_creates(an_import(client))  # what the import dialog hands over
    assert app.window.notice.messages() == [
        "Nothing was imported: The disk is full, so the change could not be saved; "
        "what was already queued is safe. Free some space and try again."
    ]
    assert app.window.contacts_model.total_count() == before
