"""History and trash carried over when a cache is rebuilt, as far as the old file can be read.

The recovery (see recovery) moves a damaged or too-new file aside and starts a
fresh one; the outbox is queued again from its export. Here the readable rows of
the old file's history and trash are copied in too, each checked, so a contact's
versions and the deleted contacts survive wherever their pages survived.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .rows import contact_from_json

log = logging.getLogger(__name__)


def salvage(connection: sqlite3.Connection, old: Path) -> int:
    """Copy the old file's readable history and trash rows in; returns how many."""
    try:
        source = sqlite3.connect(f"{old.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0
    try:
        history = _readable(source, "SELECT contact_id, versions FROM history", _history_row)
        trash = _readable(source, "SELECT contact_id, source, deleted_at, contact FROM trash",
                          _trash_row)  # fmt: skip
    finally:
        source.close()
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.executemany("INSERT OR IGNORE INTO history VALUES (?, ?)", history)
        connection.executemany("INSERT OR IGNORE INTO trash VALUES (?, ?, ?, ?)", trash)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return len(history) + len(trash)


def _readable(
    source: sqlite3.Connection, sql: str, check: Callable[[Any], bool]
) -> list[tuple[Any, ...]]:
    """The rows read before the first damaged page, those that make sense."""
    found: list[tuple[Any, ...]] = []
    try:
        for row in source.execute(sql):
            if check(row):
                found.append(tuple(row))
    except sqlite3.Error as error:
        log.info("Stopped reading the old cache at damage: %s", error)
    return found


def _history_row(row: Any) -> bool:
    contact_id, text = row
    try:
        entries = json.loads(text)
    except (TypeError, ValueError):
        return False
    return (
        isinstance(contact_id, int)
        and isinstance(entries, list)
        and all(
            isinstance(e, list) and len(e) >= 3 and e[0] in ("h", "l") and isinstance(e[2], dict)
            for e in entries
        )
    )


def _trash_row(row: Any) -> bool:
    contact_id, source, deleted_at, text = row
    if not isinstance(contact_id, int) or source not in ("harvest", "local"):
        return False
    try:
        contact_from_json(text)
    except (TypeError, ValueError, KeyError):
        return False
    return isinstance(deleted_at, int | float)
