"""The local view of a contact: the server copy with the user's unsent intent laid on top.

Order: the base row (what the server last sent), then the user's side of an open
conflict, then every outbox entry in queue order. Rejected entries still count:
the user's edit is shown until they change or discard it.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable

from addressbook.core.models import Contact

from . import conflicts as conflict_table
from .outbox import all_entries, entries_for
from .records import Conflict, PendingChange
from .rows import CONTACT_COLUMNS, contacts_from_rows


def apply_entries(start: Contact | None, entries: Iterable[PendingChange]) -> Contact | None:
    current = start
    for entry in entries:
        if entry.kind == "create":
            current = Contact(id=entry.contact_id, **entry.changes)
        elif entry.kind == "update" and current is not None:
            current = current.with_changes(entry.changes)
        elif entry.kind == "delete":
            current = None
    return current


def conflict_start(
    base: Contact | None, conflict: Conflict | None, snapshot: Contact | None
) -> Contact | None:
    """Where the local view starts for a contact in conflict: the user's side is shown."""
    if conflict is None:
        return base
    if conflict.kind == "deleted_on_server" or base is None:
        return snapshot
    if conflict.kind == "fields":
        return base.with_changes({name: pair[0] for name, pair in conflict.fields.items()})
    return base  # changed_on_server: the contact stays visible until the user chooses


def base_contact(connection: sqlite3.Connection, contact_id: int) -> Contact | None:
    rows = connection.execute(
        f"SELECT {CONTACT_COLUMNS} FROM contacts WHERE id = ?", (contact_id,)
    ).fetchall()
    return contacts_from_rows(rows)[0] if rows else None


def start_of_view(connection: sqlite3.Connection, contact_id: int) -> Contact | None:
    """The server copy with the user's side of an open conflict, before any outbox entry."""
    conflict, snapshot = conflict_table.get_with_snapshot(connection, contact_id)
    return conflict_start(base_contact(connection, contact_id), conflict, snapshot)


def view_of(
    connection: sqlite3.Connection, contact_id: int, *, with_conflict: bool = True
) -> Contact | None:
    if with_conflict:
        start = start_of_view(connection, contact_id)
    else:
        start = base_contact(connection, contact_id)
    return apply_entries(start, entries_for(connection, contact_id))


def dirty_ids(connection: sqlite3.Connection) -> set[int]:
    rows = connection.execute(
        "SELECT contact_id FROM outbox UNION SELECT contact_id FROM conflicts"
    ).fetchall()
    return {row[0] for row in rows}


def dirty_views(connection: sqlite3.Connection) -> dict[int, Contact | None]:
    """The local view of every contact with unsent edits or a conflict (None: deleted)."""
    grouped: dict[int, list[PendingChange]] = defaultdict(list)
    for entry in all_entries(connection):
        grouped[entry.contact_id].append(entry)
    conflicts = conflict_table.all_with_snapshots(connection)
    ids = set(grouped) | set(conflicts)
    bases = _bases(connection, ids)
    views: dict[int, Contact | None] = {}
    for contact_id in sorted(ids, key=_creation_order(grouped)):
        conflict, snapshot = conflicts.get(contact_id, (None, None))
        start = conflict_start(bases.get(contact_id), conflict, snapshot)
        views[contact_id] = apply_entries(start, grouped.get(contact_id, ()))
    return views


def _bases(connection: sqlite3.Connection, ids: set[int]) -> dict[int, Contact]:
    if not ids:
        return {}
    positive = [contact_id for contact_id in ids if contact_id > 0]
    found: list[Contact] = []
    for start in range(0, len(positive), 500):
        chunk = positive[start : start + 500]
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT {CONTACT_COLUMNS} FROM contacts WHERE id IN ({marks})", chunk
        ).fetchall()
        found += contacts_from_rows(rows)
    return {contact.id: contact for contact in found if contact.id is not None}


def _creation_order(
    grouped: dict[int, list[PendingChange]],
) -> Callable[[int], tuple[int, int]]:
    def key(contact_id: int) -> tuple[int, int]:
        entries = grouped.get(contact_id)
        return (entries[0].id if entries else 0, contact_id)

    return key
