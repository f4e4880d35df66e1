"""The outbox table: queued edits in the order the user made them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from .records import PendingChange
from .rows import text_to_time, time_to_text

_COLUMNS = "id, kind, contact_id, changes, base, state, error, created_at, sent_at"
PUSHABLE_STATES = ("queued", "sending", "unknown")
# Entries whose request has certainly not run on the server (a rejected one was refused).
EDITABLE_STATES = ("queued", "rejected")


def _entry(row: Sequence[Any]) -> PendingChange:
    created_at = text_to_time(row[7])
    assert created_at is not None
    return PendingChange(
        id=row[0], kind=row[1], contact_id=row[2], changes=json.loads(row[3]),
        base=json.loads(row[4]), state=row[5], error=row[6], created_at=created_at,
        sent_at=text_to_time(row[8]),
    )  # fmt: skip


def takes_more_edits(entry: PendingChange) -> bool:
    """Whether a new edit may be folded into this entry rather than queued behind it.

    Only when nothing of it can be on the server: folding into an update whose PUT
    may have arrived (sent, then the app died and the entry was queued again) would
    turn the user's next edit into a conflict with their own earlier value. A queued
    create is safe even after an attempt: a create that may have run is 'unknown'.
    """
    if entry.kind == "delete" or entry.state not in EDITABLE_STATES:
        return False
    return entry.state == "rejected" or entry.kind == "create" or entry.sent_at is None


def reset_in_flight(connection: sqlite3.Connection) -> None:
    """After a crash, entries that were on the wire: a create that may have been sent is
    'unknown' (looked up before any resend); updates and deletes are idempotent once
    merged against the server's copy, so they are simply queued again."""
    connection.execute(
        "UPDATE outbox SET state = 'unknown' WHERE state = 'sending' AND kind = 'create'"
    )
    connection.execute("UPDATE outbox SET state = 'queued' WHERE state = 'sending'")


def all_entries(connection: sqlite3.Connection) -> list[PendingChange]:
    rows = connection.execute(f"SELECT {_COLUMNS} FROM outbox ORDER BY id").fetchall()
    return [_entry(row) for row in rows]


def entries_for(connection: sqlite3.Connection, contact_id: int) -> list[PendingChange]:
    rows = connection.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE contact_id = ? ORDER BY id", (contact_id,)
    ).fetchall()
    return [_entry(row) for row in rows]


def get_entry(connection: sqlite3.Connection, entry_id: int) -> PendingChange | None:
    row = connection.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (entry_id,)).fetchone()
    return _entry(row) if row else None


# To be sent by this push: not blocked behind a change Harvest refused for the contact.
_TO_SEND = (
    f"state IN {PUSHABLE_STATES} "
    "AND contact_id NOT IN (SELECT contact_id FROM outbox WHERE state = 'rejected')"
)
# Sendable now: also not an edit of a contact whose create has not reached the server
# (still a temporary id; it becomes sendable when the create gives it the server's id).
_SENDABLE = f"{_TO_SEND} AND (kind = 'create' OR contact_id > 0)"


def next_entry(connection: sqlite3.Connection, after_id: int) -> PendingChange | None:
    """The oldest entry after `after_id` that may be sent now, in queue order."""
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM outbox WHERE id > ? AND {_SENDABLE} ORDER BY id LIMIT 1",
        (after_id,),
    ).fetchone()
    return _entry(row) if row else None


def count_to_send(connection: sqlite3.Connection) -> int:
    """What a push will try, edits of contacts it creates first included (for progress)."""
    return int(connection.execute(f"SELECT count(*) FROM outbox WHERE {_TO_SEND}").fetchone()[0])


def insert_entry(
    connection: sqlite3.Connection,
    kind: str,
    contact_id: int,
    changes: dict[str, Any],
    base: dict[str, Any],
    now: datetime,
) -> int:
    cursor = connection.execute(
        "INSERT INTO outbox (kind, contact_id, changes, base, created_at) VALUES (?, ?, ?, ?, ?)",
        (kind, contact_id, json.dumps(changes), json.dumps(base), time_to_text(now)),
    )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def rewrite_entry(
    connection: sqlite3.Connection, entry_id: int, changes: dict[str, Any], base: dict[str, Any]
) -> None:
    """New content for an entry not yet sent; a rejected one gets another chance."""
    connection.execute(
        "UPDATE outbox SET changes = ?, base = ?, state = 'queued', error = NULL WHERE id = ?",
        (json.dumps(changes), json.dumps(base), entry_id),
    )


def rewrite_base(connection: sqlite3.Connection, entry_id: int, base: dict[str, Any]) -> None:
    connection.execute("UPDATE outbox SET base = ? WHERE id = ?", (json.dumps(base), entry_id))


def set_state(
    connection: sqlite3.Connection,
    entry_id: int,
    state: str,
    *,
    error: str | None = None,
    sent_at: datetime | None = None,
) -> None:
    connection.execute(
        "UPDATE outbox SET state = ?, error = ?, sent_at = COALESCE(?, sent_at) WHERE id = ?",
        (state, error, time_to_text(sent_at), entry_id),
    )


def delete_entry(connection: sqlite3.Connection, entry_id: int) -> None:
    connection.execute("DELETE FROM outbox WHERE id = ?", (entry_id,))


def delete_entries_for(connection: sqlite3.Connection, contact_id: int) -> None:
    connection.execute("DELETE FROM outbox WHERE contact_id = ?", (contact_id,))
