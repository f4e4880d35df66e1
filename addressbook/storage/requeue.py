"""Putting the unsynced changes of a moved-aside cache back into the fresh one.

The export (see recovery) holds the old outbox rows as they were. They are
queued again in their order: creates keep their temporary ids (the next new
id is taken below them), updates and deletes keep the values the user saw, so
the push merges them against the server's copy exactly as it would have.
Open conflicts are not in the export: their server side is pulled again.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from . import meta, outbox
from .database import rollback

_KINDS = ("create", "update", "delete")
_STATES = ("queued", "sending", "unknown", "rejected")


def requeue_exported(connection: sqlite3.Connection, export: Path) -> int:
    """Queue every usable row of the export in one transaction; returns how many."""
    document = json.loads(export.read_text("utf-8"))
    rows = document.get("outbox") if isinstance(document, Mapping) else None
    entries = [entry for row in rows or [] if (entry := _entry(row)) is not None]
    if not entries:
        return 0
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.executemany(
            "INSERT INTO outbox (kind, contact_id, changes, base, state, error, created_at, "
            "sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            entries,
        )
        outbox.reset_in_flight(connection)  # what was on the wire when the file broke
        _reserve_temp_ids(connection, min(entry[1] for entry in entries))
    except BaseException:
        rollback(connection)
        raise
    connection.execute("COMMIT")
    return len(entries)


def _entry(row: Any) -> tuple[Any, ...] | None:
    """An outbox row ready to insert, or None for one that cannot be understood."""
    if not isinstance(row, Mapping) or row.get("kind") not in _KINDS:
        return None
    contact_id = row.get("contact_id")
    changes, base = _json(row.get("changes")), _json(row.get("base"))
    if not isinstance(contact_id, int) or changes is None:
        return None
    kind = row["kind"]
    state = row.get("state")
    if state not in _STATES:
        state = "queued"
    created_at = row.get("created_at") or datetime.now(UTC).isoformat()
    error = row.get("error") if state == "rejected" else None
    return (
        kind,
        contact_id,
        json.dumps(changes),
        json.dumps(base or {}),
        state,
        error,
        str(created_at),
        row.get("sent_at"),
    )


def _json(value: Any) -> dict[str, Any] | None:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return dict(value) if isinstance(value, Mapping) else None


def _reserve_temp_ids(connection: sqlite3.Connection, lowest: int) -> None:
    """New contacts made from now on get temporary ids below the re-queued ones."""
    if lowest >= 0:
        return
    following = min(meta.next_temp_id(connection), lowest - 1)
    meta.put(connection, meta.NEXT_TEMP_ID, str(following))
