"""Taking a delete back: a contact out of the trash, on Harvest again through the outbox.

A create with every field is queued: a new id, sent like any create, so a create
whose reply was lost is looked up before any resend and the contact is never on
Harvest twice. (The Undo of a delete still in the outbox just drops it: see
workers/session.)
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from addressbook.api.errors import ValidationError
from addressbook.core.models import Contact

from . import editing, history, trash
from .errors import CacheError


def restore(
    connection: sqlite3.Connection, contact_id: int, client_id: int | None, now: datetime
) -> Contact:
    """The contact back under a new temporary id: a create with every field is queued.

    A delete of it still queued stays queued (it goes first, then the create), so the
    contact is on Harvest once whatever had been sent when the user changed their mind.
    """
    item = trash.get(connection, contact_id)
    if item is None:
        raise CacheError(f"Contact {contact_id} is not in the trash (restored or purged?).")
    target = client_id if client_id is not None else item.contact.client_id
    check_client(connection, target, item.contact.full_name, chosen=client_id is not None)
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


def _create_again(connection: sqlite3.Connection, contact: Contact, now: datetime) -> Contact:
    assert contact.id is not None
    old_id = contact.id
    connection.execute("DELETE FROM trash WHERE contact_id = ?", (old_id,))
    created = editing.queue_create(connection, contact, now)
    assert created.id is not None
    history.rename(connection, old_id, created.id)  # the restored contact keeps its history
    history.record(connection, created.id, contact, created, "local", now)
    return created
