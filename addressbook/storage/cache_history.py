"""Mixed into Cache: each contact's history, the trash, and restoring from either."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from addressbook.core.models import Contact, changed_fields

from . import editing, history, outbox, restore, trash
from .database import Database
from .errors import CacheError
from .history import Version
from .salvage import salvage
from .trash import TrashedContact


class HistoryAndTrash:
    _db: Database
    _clock: Callable[[], datetime]
    # How much history and trash is kept (configurable per cache).
    history_limit: int = history.DEFAULT_LIMIT
    history_max_age: timedelta = history.DEFAULT_MAX_AGE
    trash_keep: timedelta = trash.DEFAULT_KEEP

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several edits in one transaction (a merge, a batch of phone numbers): all or none."""
        with self._db.transaction():
            yield

    # --- reading --------------------------------------------------------------------

    def history(self, contact_id: int) -> list[Version]:
        """Every version of the contact seen here, oldest first."""
        return history.versions(self._db.connection, contact_id)

    def trash(self) -> list[TrashedContact]:
        """Deleted contacts still kept, the latest delete first."""
        return trash.all_trashed(self._db.connection)

    def trash_count(self) -> int:
        return trash.count(self._db.connection)

    # --- restoring --------------------------------------------------------------------

    def restore_from_trash(self, contact_id: int, client_id: int | None = None) -> Contact:
        """Queue the contact's re-create (a new temporary id) or drop its unsent delete.

        Raises ValidationError (field client_id) when its client is gone or inactive
        and no other client_id is given.
        """
        with self._db.transaction() as connection:
            return restore.restore(connection, contact_id, client_id, self._clock())

    def restore_version(self, contact_id: int, version_index: int) -> Contact:
        """Queue an update of the fields where that version differs from the contact now."""
        with self._db.transaction() as connection:
            versions = history.versions(connection, contact_id)
            if not -len(versions) <= version_index < len(versions):
                raise CacheError(f"Contact {contact_id} has no version {version_index}.")
            current = editing.current_view(connection, contact_id)
            changes = changed_fields(current, versions[version_index].contact)
            return self._queue_update(connection, contact_id, changes)

    def _queue_update(
        self, connection: sqlite3.Connection, contact_id: int, changes: Mapping[str, Any]
    ) -> Contact:
        now = self._clock()
        before = history.anchor(connection, contact_id)
        edited = editing.queue_update(connection, contact_id, changes, now)
        history.record(connection, contact_id, before, edited, "local", now,
                       limit=self.history_limit)  # fmt: skip
        return edited

    def salvage_from(self, old: Path) -> int:
        """After a rebuild: the old file's readable history and trash rows, copied in."""
        return salvage(self._db.connection, old)

    # --- purging --------------------------------------------------------------------

    def empty_trash(self) -> int:
        """Forget every trashed contact now (the UI asks first); returns how many."""
        with self._db.transaction() as connection:
            return trash.purge(connection, None)

    def purge_expired(self) -> int:
        """Trash older than trash_keep and history older than history_max_age go."""
        now = self._clock()
        with self._db.transaction() as connection:
            history.prune_by_age(connection, now, self.history_max_age)
            return trash.purge(connection, now - self.trash_keep)

    # --- hooks of the editing methods -----------------------------------------------

    def _trash_deleted(self, connection: sqlite3.Connection, contact: Contact | None) -> None:
        if contact is not None:
            trash.put(connection, contact, "local", self._clock())

    def _discard(self, connection: sqlite3.Connection, pending_id: int) -> None:
        """editing.discard, and an undone delete takes the contact out of the trash."""
        entry = outbox.get_entry(connection, pending_id)
        editing.discard(connection, pending_id)
        if entry is not None and entry.kind == "delete":
            if trash.get(connection, entry.contact_id) is not None:
                trash.take_out(connection, entry.contact_id, self._clock())

    def _record_local(self, connection: sqlite3.Connection, contact: Contact) -> None:
        if contact.id is not None:
            history.record(connection, contact.id, None, contact, "local", self._clock(),
                           limit=self.history_limit)  # fmt: skip
