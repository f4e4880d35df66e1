"""The conflicts table: one row per contact, the user's values kept beside the server's."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from addressbook.core.models import Contact

from .records import Conflict
from .rows import contact_from_json, contact_to_json, text_to_time, time_to_text

_COLUMNS = "contact_id, kind, fields, created_at"


def _conflict(row: Sequence[Any]) -> Conflict:
    fields = {name: (pair[0], pair[1]) for name, pair in json.loads(row[2]).items()}
    return Conflict(contact_id=row[0], kind=row[1], fields=fields, created_at=text_to_time(row[3]))


def all_conflicts(connection: sqlite3.Connection) -> list[Conflict]:
    rows = connection.execute(f"SELECT {_COLUMNS} FROM conflicts ORDER BY created_at").fetchall()
    return [_conflict(row) for row in rows]


def get_conflict(connection: sqlite3.Connection, contact_id: int) -> Conflict | None:
    row = connection.execute(
        f"SELECT {_COLUMNS} FROM conflicts WHERE contact_id = ?", (contact_id,)
    ).fetchone()
    return _conflict(row) if row else None


def get_with_snapshot(
    connection: sqlite3.Connection, contact_id: int
) -> tuple[Conflict | None, Contact | None]:
    """A contact's conflict and the copy of the contact kept with it (None, None: no conflict)."""
    row = connection.execute(
        f"SELECT {_COLUMNS}, snapshot FROM conflicts WHERE contact_id = ?", (contact_id,)
    ).fetchone()
    return (_conflict(row), contact_from_json(row[4])) if row else (None, None)


def all_with_snapshots(connection: sqlite3.Connection) -> dict[int, tuple[Conflict, Contact]]:
    rows = connection.execute(f"SELECT {_COLUMNS}, snapshot FROM conflicts").fetchall()
    return {row[0]: (_conflict(row), contact_from_json(row[4])) for row in rows}


def put_conflict(
    connection: sqlite3.Connection,
    conflict: Conflict,
    snapshot: Contact,
    now: datetime,
) -> Conflict:
    """Record a conflict; a new one of the same kind on the same contact adds its fields."""
    fields = dict(conflict.fields)
    existing = get_conflict(connection, conflict.contact_id)
    if existing and existing.kind == conflict.kind:
        fields = {**existing.fields, **fields}
    stored = Conflict(conflict.contact_id, fields, conflict.kind, now)
    connection.execute(
        "INSERT OR REPLACE INTO conflicts (contact_id, kind, fields, snapshot, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            conflict.contact_id,
            conflict.kind,
            json.dumps({name: list(pair) for name, pair in fields.items()}),
            contact_to_json(snapshot),
            time_to_text(now),
        ),
    )
    return stored


def replace_fields(
    connection: sqlite3.Connection, contact_id: int, fields: dict[str, tuple[Any, Any]]
) -> None:
    """Keep only these fields in conflict (the others were resolved); none left removes the row."""
    if not fields:
        delete_conflict(connection, contact_id)
        return
    connection.execute(
        "UPDATE conflicts SET fields = ? WHERE contact_id = ?",
        (json.dumps({name: list(pair) for name, pair in fields.items()}), contact_id),
    )


def delete_conflict(connection: sqlite3.Connection, contact_id: int) -> None:
    connection.execute("DELETE FROM conflicts WHERE contact_id = ?", (contact_id,))
