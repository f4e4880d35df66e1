"""The trash: deleted contacts kept whole for a while, so a delete can be taken back.

A contact lands here when the user deletes it (source 'local') or when the full
id sweep finds it gone from Harvest (source 'harvest'). Its history stays with
it; both go when the trash is purged.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from addressbook.core.models import Contact

from . import history
from .history import Source
from .rows import contact_from_json, contact_to_json, epoch, from_epoch

DEFAULT_KEEP = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class TrashedContact:
    """A deleted contact as it was, when it was deleted, and where the delete came from."""

    contact: Contact
    deleted_at: datetime
    source: Source


def _trashed(row: tuple[str, str, float]) -> TrashedContact:
    contact, source, deleted_at = row
    when = from_epoch(deleted_at) or datetime.fromtimestamp(0, UTC)
    return TrashedContact(contact_from_json(contact), when, source)  # type: ignore[arg-type]


def all_trashed(connection: sqlite3.Connection) -> list[TrashedContact]:
    """Newest delete first: what the user just did is on top."""
    rows = connection.execute(
        "SELECT contact, source, deleted_at FROM trash ORDER BY deleted_at DESC, contact_id"
    ).fetchall()
    return [_trashed(row) for row in rows]


def get(connection: sqlite3.Connection, contact_id: int) -> TrashedContact | None:
    row = connection.execute(
        "SELECT contact, source, deleted_at FROM trash WHERE contact_id = ?", (contact_id,)
    ).fetchone()
    return _trashed(row) if row else None


def count(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT count(*) FROM trash").fetchone()[0])


def put(connection: sqlite3.Connection, contact: Contact, source: Source, now: datetime) -> None:
    """Trash a contact; its history is re-anchored on the copy kept here."""
    assert contact.id is not None
    before = history.anchor(connection, contact.id)
    connection.execute(
        "INSERT OR REPLACE INTO trash (contact_id, source, deleted_at, contact) "
        "VALUES (?, ?, ?, ?)",
        (contact.id, source, epoch(now), contact_to_json(contact)),
    )
    history.record(connection, contact.id, before, None, source, now)


def take_out(connection: sqlite3.Connection, contact_id: int, now: datetime) -> None:
    """The contact is back (undo, restore): its history goes back to its server row."""
    before = history.anchor(connection, contact_id)
    connection.execute("DELETE FROM trash WHERE contact_id = ?", (contact_id,))
    history.record(connection, contact_id, before, None, "local", now)


def purge(connection: sqlite3.Connection, older_than: datetime | None) -> int:
    """Forget trashed contacts deleted before `older_than` (None: all), history included."""
    cutoff = epoch(older_than) if older_than is not None else float("inf")
    ids = [
        row[0]
        for row in connection.execute(
            "SELECT contact_id FROM trash WHERE deleted_at < ?", (cutoff,)
        ).fetchall()
    ]
    connection.executemany("DELETE FROM trash WHERE contact_id = ?", [(i,) for i in ids])
    history.forget(connection, ids)
    return len(ids)


def keep_until(now: datetime, keep: timedelta = DEFAULT_KEEP) -> datetime:
    return now - keep
