"""History and trash survive a rebuilt cache wherever the old file can still be read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from addressbook.storage import Cache

from .conftest import server_contact

PAGE = 4096


def make_history(path: Path) -> None:
    with Cache.open(path) as cache:
        cache.apply_contacts([server_contact(1), server_contact(2)], complete=True)
        cache.update_contact(1, {"title": "Boss"})
        cache.delete_contact(2)


def test_a_cache_from_a_newer_release_keeps_history_and_trash(cache_path: Path) -> None:
    make_history(cache_path)
    connection = sqlite3.connect(cache_path)
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    with Cache.open(cache_path) as rebuilt:
        assert rebuilt.recovered_from is not None
        assert rebuilt.salvage_from(rebuilt.recovered_from) == 2
        assert [t.contact.id for t in rebuilt.trash()] == [2]
        rebuilt.apply_contacts([server_contact(1)], complete=True)  # the next pull
        assert [v.contact.title for v in rebuilt.history(1)] == [None, "Boss"]


def test_damage_elsewhere_spares_them_and_garbage_is_skipped(cache_path: Path) -> None:
    make_history(cache_path)
    with Cache.open(cache_path) as cache:
        connection = cache._db.connection  # noqa: SLF001
        connection.execute("INSERT INTO history VALUES (77, 'not json')")
        kept = {
            row[0]
            for row in connection.execute(
                "SELECT rootpage FROM sqlite_master WHERE name IN ('history', 'trash')"
            )
        }
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(cache_path.read_bytes())
    for number in range(2, len(data) // PAGE + 1):
        if number not in kept:
            data[(number - 1) * PAGE : (number - 1) * PAGE + 64] = b"\xff" * 64
    cache_path.write_bytes(bytes(data))
    with Cache.open(cache_path) as rebuilt:
        assert rebuilt.recovered_from is not None
        assert rebuilt.salvage_from(rebuilt.recovered_from) == 2
        assert [t.contact.id for t in rebuilt.trash()] == [2]
