"""Taking a delete back: a contact out of the trash, on Harvest again through the outbox.

A delete still waiting in the outbox is simply dropped (the contact never left
Harvest). One that reached Harvest is undone by a create with every field: a
new id, sent like any create, so a create whose reply was lost is looked up
before any resend and the contact is never on Harvest twice.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from addressbook.api.errors import ValidationError
from addressbook.core.models import Contact

from . import editing, history, outbox, trash
from .errors import CacheError
from .local_view import view_of


def restore(
    connection: sqlite3.Connection, contact_id: int, client_id: int | None, now: datetime
) -> Contact:
    """The contact back, under its own id (delete not sent) or a new temporary id."""
    item = trash.get(connection, contact_id)
    if item is None:
        raise CacheError(f"Contact {contact_id} is not in the trash (restored or purged?).")
    target = client_id if client_id is not None else item.contact.client_id
    check_client(connection, target, item.contact.full_name, chosen=client_id is not None)
    deletes = [e for e in outbox.entries_for(connection, contact_id) if e.kind == "delete"]
    if deletes and deletes[-1].state in outbox.EDITABLE_STATES:
        return _drop_delete(connection, contact_id, deletes[-1].id, target, now)
    if deletes:
        raise CacheError(
            f"{item.contact.full_name} is being deleted on Harvest right now; "
            "restore it after the sync."
        )
    return _create_again(connection, item.contact.with_changes({"client_id": target}), now)


def check_client(
    connection: sqlite3.Connection, client_id: int, name: str, *, chosen: bool
) -> None:
    """A restored contact needs an active client; else the user must pick another."""
    row = connection.execute("SELECT active FROM clients WHERE id = ?", (client_id,)).fetchone()
    if row is not None and row[0]:
        return
    whose = "The chosen client" if chosen else f"The client of {name}"
    why = "is gone from Harvest" if row is None else "is inactive"
    raise ValidationError.from_problems({"client_id": [f"{whose} {why}; choose another client."]})


def _drop_delete(
    connection: sqlite3.Connection, contact_id: int, entry_id: int, client_id: int, now: datetime
) -> Contact:
    editing.discard(connection, entry_id)
    trash.take_out(connection, contact_id, now)
    current = view_of(connection, contact_id)
    if current is None:
        raise CacheError(f"Contact {contact_id} could not be restored.")
    if current.client_id != client_id:
        current = editing.queue_update(connection, contact_id, {"client_id": client_id}, now)
    return current


def _create_again(connection: sqlite3.Connection, contact: Contact, now: datetime) -> Contact:
    assert contact.id is not None
    old_id = contact.id
    connection.execute("DELETE FROM trash WHERE contact_id = ?", (old_id,))
    created = editing.queue_create(connection, contact, now)
    assert created.id is not None
    history.rename(connection, old_id, created.id)  # the restored contact keeps its history
    history.record(connection, created.id, contact, created, "local", now)
    return created
