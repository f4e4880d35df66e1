"""Migrations from an older file, and a corrupt or too-new file never blocking the app."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from addressbook.core.models import Contact
from addressbook.storage import SCHEMA_VERSION, Cache
from addressbook.storage.schema import migrate, user_version


def test_version_one_file_is_migrated_keeping_its_data(cache_path: Path) -> None:
    raw = sqlite3.connect(cache_path, isolation_level=None)
    migrate(raw, target=1)
    raw.execute(
        "INSERT INTO contacts (id, client_id, first_name, last_name) VALUES (7, 1, 'Old', 'Row')"
    )
    raw.execute(
        "INSERT INTO outbox (kind, contact_id, changes, base, created_at) "
        "VALUES ('update', 7, ?, ?, '2024-01-01T00:00:00+00:00')",
        ('{"title": "Dr"}', '{"title": null}'),
    )
    raw.close()
    with Cache.open(cache_path) as cache:
        assert user_version(cache._db.connection) == SCHEMA_VERSION
        assert cache.recovered_from is None
        [contact] = cache.contacts()
        assert (contact.id, contact.first_name, contact.title) == (7, "Old", "Dr")
        assert cache.conflicts() == []  # a table added by migration 2


def test_reopening_a_current_file_changes_nothing(cache_path: Path) -> None:
    with Cache.open(cache_path) as cache:
        cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    with Cache.open(cache_path) as cache:
        assert cache.recovery is None and len(cache.pending()) == 1


def test_file_from_a_newer_version_is_moved_aside_with_its_outbox_exported(
    cache_path: Path,
) -> None:
    with Cache.open(cache_path) as cache:
        cache.create_contact(Contact(None, 1, "Ann", "Lee"))
        cache._db.connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with Cache.open(cache_path) as cache:
        assert cache.recovered_from is not None and cache.recovered_from.exists()
        assert cache.recovered_from.name.startswith(f"{cache_path.name}.corrupt-")
        assert "newer version" in (cache.recovery_message or "")
        assert cache.recovery is not None and cache.recovery.newer
        # The queued create is queued again in the fresh file (see test_recovery_requeue).
        assert [p.changes["first_name"] for p in cache.pending()] == ["Ann"]
        assert [c.first_name for c in cache.contacts()] == ["Ann"]
        export = cache.outbox_export
        assert export is not None
        rows = json.loads(export.read_text("utf-8"))["outbox"]
        assert [(row["kind"], json.loads(row["changes"])["first_name"]) for row in rows] == [
            ("create", "Ann")
        ]
        cache.create_contact(Contact(None, 1, "Works", "Again"))


def test_garbage_file_is_replaced_and_the_app_goes_on(cache_path: Path) -> None:
    cache_path.write_bytes(b"this is not a database at all" * 200)
    with Cache.open(cache_path) as cache:
        assert cache.recovered_from is not None
        assert cache.outbox_export is None
        assert "damaged" in (cache.recovery_message or "")
        assert cache.integrity_check() == "ok"
        assert cache.contacts() == []
    assert cache_path.exists()


def test_damaged_pages_are_detected_at_open(cache_path: Path) -> None:
    from .conftest import server_contact

    with Cache.open(cache_path) as cache:
        cache.apply_contacts(
            [server_contact(n, fax="x" * 300) for n in range(1, 400)], complete=True
        )
        cache._db.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(cache_path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):  # scribble over every page but the first
        data[offset : offset + 64] = b"\xff" * 64
    cache_path.write_bytes(bytes(data))
    with Cache.open(cache_path) as cache:
        assert cache.recovered_from is not None
        assert cache.integrity_check() == "ok"
