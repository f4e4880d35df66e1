"""What the sync engine writes: pulled data and the outcome of each pushed entry.

Every method is one transaction, so the engine records an entry's state before
and after each network call and a crash at any moment leaves a state the next
sync can resume from without losing or repeating an edit.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from typing import Any

from addressbook.core.collector import collector_paused
from addressbook.core.models import Client, Contact

from . import conflicts as conflict_table
from . import history, meta, outbox, trash
from .database import Database
from .local_view import apply_entries, dirty_ids, start_of_view
from .records import Conflict, PendingChange
from .rows import client_row, contact_row, epoch, text_to_time, time_to_text

_INSERT_CONTACT = "INSERT OR REPLACE INTO contacts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_INSERT_CLIENT = "INSERT OR REPLACE INTO clients VALUES (" + ", ".join("?" * 14) + ")"


class SyncStore:
    """Mixed into Cache: the engine-facing half. The UI never calls these."""

    _db: Database
    _clock: Callable[[], datetime]
    # Bumped by every write of this half, so Cache.contacts() knows when its copy of the
    # server rows is stale (other connections' writes show in PRAGMA data_version).
    _sync_writes: int = 0

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        self._sync_writes += 1
        with self._db.transaction() as connection:
            yield connection

    # --- metadata -----------------------------------------------------------------

    def meta_time(self, key: str) -> datetime | None:
        return text_to_time(meta.get(self._db.connection, key))

    def set_meta_time(self, key: str, value: datetime) -> None:
        with self._writing() as connection:
            _put_meta_time(connection, key, value)

    # --- pull ---------------------------------------------------------------------

    def apply_clients(self, clients: Sequence[Client], *, complete: bool) -> None:
        with self._writing() as connection:
            if complete:
                connection.execute("DELETE FROM clients")
            connection.executemany(_INSERT_CLIENT, map(client_row, clients))
            _raise_watermark(connection, "watermark:clients", (c.updated_at for c in clients))

    def apply_contacts(self, contacts: Sequence[Contact], *, complete: bool) -> list[int]:
        """Store a pull in one transaction; a complete list also removes vanished contacts.

        Contacts with unsent edits or conflicts are never removed here: the push
        finds out they are gone and keeps the user's version as a conflict.
        """
        with self._writing() as connection, collector_paused():
            deleted = _vanished(connection, contacts) if complete else []
            _trash_vanished(connection, deleted, self._clock())
            changed = _changed(connection, contacts)
            before = history.bases(connection, [c.id for c in changed if c.id is not None])
            connection.executemany(
                "DELETE FROM contacts WHERE id = ?", [(contact_id,) for contact_id in deleted]
            )
            connection.executemany(_INSERT_CONTACT, map(contact_row, contacts))
            history.record_pulled(
                connection,
                changed,
                before,
                self._clock(),
                limit=getattr(self, "history_limit", history.DEFAULT_LIMIT),
            )
            _raise_watermark(connection, "watermark:contacts", (c.updated_at for c in contacts))
        return deleted

    # --- push ---------------------------------------------------------------------

    def reset_in_flight(self) -> None:
        """Entries left 'sending' by a crash become sendable again (see outbox)."""
        with self._writing() as connection:
            outbox.reset_in_flight(connection)

    def next_pending(self, after_id: int) -> PendingChange | None:
        """The next entry the push may send, in queue order."""
        return outbox.next_entry(self._db.connection, after_id)

    def count_to_send(self) -> int:
        return outbox.count_to_send(self._db.connection)

    def claim(self, entry_id: int) -> PendingChange | None:
        """Mark a queued entry 'sending' and return it as it now stands, atomically, so no
        edit can be folded into it while it is on the wire. None: discarded meanwhile."""
        with self._writing() as connection:
            entry = outbox.get_entry(connection, entry_id)
            if entry is None or entry.state not in outbox.PUSHABLE_STATES:
                return None
            if entry.state != "queued":
                return entry  # 'unknown' stays so until looked up; 'sending' cannot be here
            sent_at = self._clock()
            outbox.set_state(connection, entry_id, "sending", sent_at=sent_at)
            return replace(entry, state="sending", sent_at=sent_at)

    def mark(self, entry_id: int, state: str, *, error: str | None = None) -> None:
        with self._writing() as connection:
            sent_at = self._clock() if state == "sending" else None
            outbox.set_state(connection, entry_id, state, error=error, sent_at=sent_at)

    def created_server_ids(self) -> set[int]:
        rows = self._db.connection.execute("SELECT server_id FROM created_ids").fetchall()
        return {row[0] for row in rows}

    def complete_create(self, entry: PendingChange, created: Contact) -> None:
        """The server has the contact: its id replaces the temporary one everywhere."""
        assert created.id is not None
        temp_id, server_id = entry.contact_id, created.id
        with self._writing() as connection:
            outbox.delete_entry(connection, entry.id)
            connection.execute(_INSERT_CONTACT, contact_row(created))
            for table in ("outbox", "conflicts"):
                connection.execute(
                    f"UPDATE {table} SET contact_id = ? WHERE contact_id = ?", (server_id, temp_id)
                )
            connection.execute(
                "INSERT OR REPLACE INTO created_ids VALUES (?, ?, ?)",
                (temp_id, server_id, time_to_text(self._clock())),
            )
            history.rename(connection, temp_id, server_id)
            self._record_server(connection, created, None)

    def complete_update(
        self, entry: PendingChange, server: Contact, conflicting: dict[str, tuple[Any, Any]]
    ) -> Conflict | None:
        """The merged fields are on the server; fields changed on both sides become a conflict."""
        with self._writing() as connection:
            outbox.delete_entry(connection, entry.id)
            before = history.anchor(connection, entry.contact_id)
            connection.execute(_INSERT_CONTACT, contact_row(server))
            self._record_server(connection, server, before)
            if not conflicting:
                return None
            conflict = Conflict(entry.contact_id, conflicting, "fields")
            return conflict_table.put_conflict(connection, conflict, server, self._clock())

    def complete_delete(self, entry: PendingChange) -> None:
        with self._writing() as connection:
            outbox.delete_entry(connection, entry.id)
            before = history.anchor(connection, entry.contact_id)
            connection.execute("DELETE FROM contacts WHERE id = ?", (entry.contact_id,))
            conflict_table.delete_conflict(connection, entry.contact_id)
            self._record_server(connection, None, before, entry.contact_id)

    def deleted_on_server(self, entry: PendingChange, fields: list[str]) -> Conflict | None:
        """The user edited a contact someone deleted: keep the user's version as a conflict."""
        with self._writing() as connection:
            snapshot = _view_with(connection, entry)
            if snapshot is None:
                outbox.set_state(connection, entry.id, "rejected", error="Deleted on the server.")
                return None
            outbox.delete_entry(connection, entry.id)
            before = history.anchor(connection, entry.contact_id)
            connection.execute("DELETE FROM contacts WHERE id = ?", (entry.contact_id,))
            self._record_server(connection, None, before, entry.contact_id)
            pairs = {name: (entry.changes[name], None) for name in fields}
            conflict = Conflict(entry.contact_id, pairs, "deleted_on_server")
            return conflict_table.put_conflict(connection, conflict, snapshot, self._clock())

    def changed_on_server(
        self, entry: PendingChange, server: Contact, fields: dict[str, Any]
    ) -> Conflict:
        """The user deleted a contact someone changed: it stays until the user chooses."""
        with self._writing() as connection:
            outbox.delete_entry(connection, entry.id)
            before = history.anchor(connection, entry.contact_id)
            connection.execute(_INSERT_CONTACT, contact_row(server))
            connection.execute("DELETE FROM trash WHERE contact_id = ?", (entry.contact_id,))
            self._record_server(connection, server, before)  # it stays: out of the trash
            pairs = {name: (None, value) for name, value in fields.items()}
            conflict = Conflict(entry.contact_id, pairs, "changed_on_server")
            return conflict_table.put_conflict(connection, conflict, server, self._clock())

    def _record_server(
        self,
        connection: sqlite3.Connection,
        contact: Contact | None,
        before: Contact | None,
        contact_id: int | None = None,
    ) -> None:
        """A server copy (None: removed) was written: a version from Harvest, dated by it."""
        now = self._clock()
        seen_at = (contact.updated_at if contact else None) or now
        target = contact.id if contact is not None else contact_id
        assert target is not None
        history.record(connection, target, before, contact, "harvest", seen_at,
                       limit=getattr(self, "history_limit", history.DEFAULT_LIMIT))  # fmt: skip


def _changed(connection: sqlite3.Connection, contacts: Sequence[Contact]) -> list[Contact]:
    """Pulled contacts already stored whose Harvest updated-at moved: new versions."""
    stored = dict(connection.execute("SELECT id, updated_at FROM contacts").fetchall())
    if not stored:
        return []
    return [c for c in contacts if c.id in stored and stored[c.id] != epoch(c.updated_at)]


def _trash_vanished(connection: sqlite3.Connection, ids: list[int], now: datetime) -> None:
    """The sweep found these gone from Harvest: into the trash, as they were last seen."""
    for contact_id in ids:
        contact = history.anchor(connection, contact_id)
        if contact is not None:
            trash.put(connection, contact, "harvest", now)


def _view_with(connection: sqlite3.Connection, entry: PendingChange) -> Contact | None:
    """The user's version of the contact with this entry applied (and nothing queued after it)."""
    return apply_entries(start_of_view(connection, entry.contact_id), [entry])


def _vanished(connection: sqlite3.Connection, contacts: Sequence[Contact]) -> list[int]:
    present = {contact.id for contact in contacts}
    keep = dirty_ids(connection)
    stored = connection.execute("SELECT id FROM contacts").fetchall()
    return sorted(row[0] for row in stored if row[0] not in present and row[0] not in keep)


def _put_meta_time(connection: sqlite3.Connection, key: str, value: datetime) -> None:
    meta.put(connection, key, time_to_text(value) or "")


def _raise_watermark(connection: sqlite3.Connection, key: str, times: Any) -> None:
    """The watermark is the newest server time seen, never the local clock."""
    newest = max((time for time in times if time is not None), default=None)
    if newest is None:
        return
    current = text_to_time(meta.get(connection, key))
    if current is None or newest > current:
        _put_meta_time(connection, key, newest)
