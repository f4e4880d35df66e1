"""The meta table: small named values (sync watermarks, the next temporary id)."""

from __future__ import annotations

import sqlite3


def get(connection: sqlite3.Connection, key: str) -> str | None:
    row = connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else None


def put(connection: sqlite3.Connection, key: str, value: str) -> None:
    connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


NEXT_TEMP_ID = "next_temp_id"


def next_temp_id(connection: sqlite3.Connection) -> int:
    """The temporary id the next new contact gets: -1, -2, ... (never reused)."""
    stored = get(connection, NEXT_TEMP_ID)
    return int(stored) if stored is not None else -1
