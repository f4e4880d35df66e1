"""Really damaging a cache file, as a failing disk would, but sparing its outbox."""

from __future__ import annotations

from pathlib import Path

from addressbook.storage import Cache

PAGE = 4096


def damage_all_but_the_outbox(path: Path) -> None:
    """Scribble over every page but the first (the schema) and the outbox's own page, so
    SQLite refuses the file while its queued edits can still be read and exported."""
    with Cache.open(path) as cache:
        connection = cache._db.connection
        [outbox_page] = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'outbox'"
        ).fetchone()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for number in range(2, len(data) // PAGE + 1):
        if number != outbox_page:
            offset = (number - 1) * PAGE
            data[offset : offset + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
