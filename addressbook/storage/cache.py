"""The local cache of one Harvest account: what the app shows, edits offline, and syncs.

One SQLite file per account. The UI thread and the sync worker each open their
own Cache on the same file (WAL lets them read while the other writes).
Invalid values raise addressbook.api.ValidationError (with .fields), like the
API; storage trouble raises CacheError.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from addressbook.api.errors import ValidationError
from addressbook.core.collector import collector_paused
from addressbook.core.models import Client, Contact

from . import editing
from .cache_history import HistoryAndTrash
from .conflicts import all_conflicts
from .database import Database, file_error, storage_error
from .local_view import dirty_ids, dirty_views, view_of
from .lock import CacheLock
from .naming import cache_file_name
from .outbox import all_entries
from .records import Conflict, PendingChange
from .recovery import Recovery, open_connection
from .rows import (
    CLIENT_COLUMNS,
    CONTACT_COLUMNS,
    clients_from_rows,
    contacts_from_rows,
)
from .sync_store import SyncStore

Clock = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _open_connection(target: Path) -> tuple[sqlite3.Connection, Recovery | None]:
    try:
        return open_connection(target)
    except sqlite3.Error as error:
        raise storage_error(error) from error
    except OSError as error:
        raise file_error(error) from error


class Cache(HistoryAndTrash, SyncStore):
    def __init__(
        self, database: Database, path: Path, recovery: Recovery | None, clock: Clock
    ) -> None:
        self._db = database
        self._clock = clock
        self.path = path
        self.recovery = recovery
        self._lock: CacheLock | None = None
        # The server rows as Contacts, reused while nothing but the user's own edits
        # (which live in the outbox) changed: keyed by (data_version, sync writes).
        self._base_memo: tuple[tuple[int, int], list[Contact]] | None = None

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, clock: Clock | None = None) -> Cache:
        """Create, migrate, or (when corrupt or too new) move aside and recreate the file."""
        target = Path(path)
        lock = CacheLock(target)  # CacheInUseError while another live process has it open
        try:
            connection, recovery = _open_connection(target)
        except BaseException:
            lock.release()
            raise
        cache = cls(Database(connection), target, recovery, clock or _utc_now)
        cache._lock = lock
        return cache

    @staticmethod
    def path_for(data_dir: str | os.PathLike[str], base_url: str, email: str) -> Path:
        """One file per account, named by a hash of server and email (no email in a file
        name, where backups, sync tools and screenshots would show it)."""
        return Path(data_dir) / cache_file_name(base_url, email)

    # --- recovery, for the app to tell the user -------------------------------------

    @property
    def recovered_from(self) -> Path | None:
        """Where a corrupt or too-new file was moved, when this open had to recover."""
        return self.recovery.moved_to if self.recovery else None

    @property
    def recovery_message(self) -> str | None:
        return self.recovery.message if self.recovery else None

    @property
    def outbox_export(self) -> Path | None:
        return self.recovery.outbox_export if self.recovery else None

    # --- life cycle -------------------------------------------------------------------

    def close(self) -> None:
        self._db.close()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Cache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # --- reading ------------------------------------------------------------------

    def clients(self) -> list[Client]:
        rows = self._read(f"SELECT {CLIENT_COLUMNS} FROM clients ORDER BY name COLLATE NOCASE")
        return clients_from_rows(rows)

    def contacts(self) -> list[Contact]:
        """Every contact as the user should see it: the server copy with queued edits applied."""
        with self._snapshot() as connection:
            base = self._base_contacts(connection)
            views = dirty_views(connection)
        if not views:
            return list(base)
        # Edited contacts keep their place; new ones (temporary ids) come last.
        result: list[Contact] = []
        for contact in base:
            if contact.id not in views:
                result.append(contact)
            elif (view := views.pop(contact.id)) is not None:
                result.append(view)
        result += [view for view in views.values() if view is not None]
        return result

    def contact(self, contact_id: int) -> Contact | None:
        """One contact's local view (None when unknown or deleted locally)."""
        with self._snapshot() as connection:
            return view_of(connection, contact_id)

    def pending(self) -> list[PendingChange]:
        """The outbox, oldest first."""
        with self._snapshot() as connection:
            return all_entries(connection)

    def conflicts(self) -> list[Conflict]:
        with self._snapshot() as connection:
            return all_conflicts(connection)

    def dirty_contact_ids(self) -> set[int]:
        """Contacts with unsent edits or an open conflict (for marking their rows)."""
        with self._snapshot() as connection:
            return dirty_ids(connection)

    def last_sync_at(self) -> datetime | None:
        """When the last sync completed (local clock, for display only)."""
        return self.meta_time("last_sync_at")

    def integrity_check(self) -> str:
        return str(self._db.connection.execute("PRAGMA integrity_check").fetchone()[0])

    # --- editing (each call is durable when it returns) -------------------------------

    def create_contact(self, contact: Contact) -> Contact:
        with self._db.transaction() as connection:
            created = editing.queue_create(connection, contact, self._clock())
            self._record_local(connection, created)
            return created

    def create_contacts(self, contacts: Iterable[Contact]) -> list[Contact]:
        """Queue many new contacts in one transaction (an import): all of them or none.

        Any invalid one raises ValidationError and nothing is queued; its message
        names the contact, so the user can find it.
        """
        created: list[Contact] = []
        with self._db.transaction() as connection, collector_paused():
            for position, contact in enumerate(contacts, start=1):
                try:
                    new = editing.queue_create(connection, contact, self._clock())
                except ValidationError as error:
                    which = f"Contact {position} ({contact.full_name or 'no name'})"
                    raise ValidationError(
                        f"{which}: {error}", errors=error.errors, fields=error.fields
                    ) from None
                self._record_local(connection, new)  # its history starts here, as for one
                created.append(new)
        return created

    def update_contact(self, contact_id: int, changes: Mapping[str, Any]) -> Contact:
        with self._db.transaction() as connection:
            return self._queue_update(connection, contact_id, changes)

    def delete_contact(self, contact_id: int) -> None:
        with self._db.transaction() as connection:
            deleted = view_of(connection, contact_id)
            editing.queue_delete(connection, contact_id, self._clock())
            self._trash_deleted(connection, deleted)

    def discard_pending(self, pending_id: int) -> None:
        """Drop one queued change (a create takes the contact's later edits with it)."""
        with self._db.transaction() as connection:
            self._discard(connection, pending_id)

    def retry_pending(self, pending_id: int) -> Contact | None:
        """Queue a change Harvest refused once more, unchanged; returns the contact's view."""
        with self._db.transaction() as connection:
            return editing.retry(connection, pending_id)

    def resolve_conflict(self, contact_id: int, keep: editing.Keep) -> Contact | None:
        """keep: 'mine', 'theirs', or {field: 'mine'|'theirs'}; fields left out stay in conflict.

        'mine' queues the user's values (a deleted contact is created again, with a
        new temporary id, which is returned); 'theirs' accepts the server's copy.
        """
        with self._db.transaction() as connection:
            return editing.resolve(connection, contact_id, keep, self._clock())

    # --- helpers ------------------------------------------------------------------

    def _base_contacts(self, connection: sqlite3.Connection) -> list[Contact]:
        version = int(connection.execute("PRAGMA data_version").fetchone()[0])
        key = (version, self._sync_writes)
        if self._base_memo is not None and self._base_memo[0] == key:
            return self._base_memo[1]
        with collector_paused():
            cursor = connection.execute(f"SELECT {CONTACT_COLUMNS} FROM contacts")
            base = contacts_from_rows(cursor)
        self._base_memo = (key, base)
        return base

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: several SELECTs see one consistent state."""
        connection = self._db.connection
        try:
            connection.execute("BEGIN")
        except sqlite3.Error as error:
            raise storage_error(error) from error
        try:
            yield connection
        finally:
            connection.execute("COMMIT")

    def _read(self, sql: str) -> list[Any]:
        try:
            return self._db.connection.execute(sql).fetchall()
        except sqlite3.Error as error:
            raise storage_error(error) from error
