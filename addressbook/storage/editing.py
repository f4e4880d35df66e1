"""The user's edits, queued durably: create, update, delete, discard and conflict resolution.

Each function runs inside the caller's transaction, so an edit and its outbox
entry are committed together before the UI is told "saved".

Coalescing keeps the outbox short without changing meaning: an edit to a contact
whose latest entry has not gone on the wire yet is folded into that entry (a
queued create absorbs later edits; an update keeps, per field, the value the
user first saw as its base). A delete of a contact never sent to the server
cancels its create; any other delete queues behind the contact's edits, so that
discarding it (undo) gives them back. Entries already on the wire are never
touched; new edits queue behind them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

from addressbook.api.errors import ValidationError
from addressbook.core.models import Contact, changed_fields
from addressbook.core.validation import validate_changes, validate_contact

from . import conflicts as conflict_table
from . import meta, outbox
from .errors import CacheError
from .local_view import view_of
from .records import PendingChange

Choice = Literal["mine", "theirs"]
Keep = Choice | Mapping[str, Choice]


def refuse_if_invalid(problems: dict[str, list[str]]) -> None:
    """Bad values raise the same ValidationError (with .fields) the API layer raises."""
    if problems:
        raise ValidationError.from_problems(problems)


def take_temp_id(connection: sqlite3.Connection) -> int:
    """-1, -2, ...: never reused, so a stale reference can never hit another contact."""
    temp_id = meta.next_temp_id(connection)
    meta.put(connection, meta.NEXT_TEMP_ID, str(temp_id - 1))
    return temp_id


def queue_create(connection: sqlite3.Connection, contact: Contact, now: datetime) -> Contact:
    values = contact.editable_values()
    refuse_if_invalid(validate_contact(values))
    temp_id = take_temp_id(connection)
    outbox.insert_entry(connection, "create", temp_id, values, {}, now)
    return Contact(id=temp_id, **values)


def current_view(connection: sqlite3.Connection, contact_id: int) -> Contact:
    current = view_of(connection, contact_id)
    if current is None:
        raise CacheError(f"Contact {contact_id} is not in the local cache (deleted?).")
    return current


def queue_update(
    connection: sqlite3.Connection, contact_id: int, changes: Mapping[str, Any], now: datetime
) -> Contact:
    refuse_if_invalid(validate_changes(changes))
    current = current_view(connection, contact_id)
    edited = current.with_changes(changes)
    effective = changed_fields(current, edited)
    if not effective:
        return current
    entries = outbox.entries_for(connection, contact_id)
    last = entries[-1] if entries else None
    if last is not None and outbox.takes_more_edits(last):
        _fold_into(connection, last, effective, current)
    else:
        seen = {name: getattr(current, name) for name in effective}
        outbox.insert_entry(connection, "update", contact_id, effective, seen, now)
    return edited


def _fold_into(
    connection: sqlite3.Connection,
    entry: PendingChange,
    effective: dict[str, Any],
    current: Contact,
) -> None:
    changes = {**entry.changes, **effective}
    if entry.kind == "create":
        outbox.rewrite_entry(connection, entry.id, changes, {})
        return
    base = dict(entry.base)
    for name in effective:
        base.setdefault(name, getattr(current, name))
    # A field edited back to what the server had is no longer a change.
    kept = {name: value for name, value in changes.items() if value != base[name]}
    if kept:
        outbox.rewrite_entry(connection, entry.id, kept, {name: base[name] for name in kept})
    else:
        outbox.delete_entry(connection, entry.id)


def queue_delete(connection: sqlite3.Connection, contact_id: int, now: datetime) -> None:
    current_view(connection, contact_id)
    conflict = conflict_table.get_conflict(connection, contact_id)
    entries = outbox.entries_for(connection, contact_id)
    never_sent = bool(entries) and entries[0].kind == "create"
    never_sent = never_sent and entries[0].state in outbox.EDITABLE_STATES
    if never_sent or (conflict is not None and conflict.kind == "deleted_on_server"):
        # Nothing on the server to delete: the contact simply goes.
        outbox.delete_entries_for(connection, contact_id)
        conflict_table.delete_conflict(connection, contact_id)
        return
    # Queued edits and an open conflict stay (an undo that discards this delete gets them
    # back); the delete's base is what the server will hold once they are through.
    expected = view_of(connection, contact_id, with_conflict=False)
    seen = expected.editable_values() if expected else {}
    outbox.insert_entry(connection, "delete", contact_id, {}, seen, now)


def discard(connection: sqlite3.Connection, pending_id: int) -> None:
    entry = outbox.get_entry(connection, pending_id)
    if entry is None:
        raise CacheError(f"Change {pending_id} is no longer queued (already sent or discarded).")
    if entry.kind == "create":
        outbox.delete_entries_for(connection, entry.contact_id)  # its later edits go with it
        return
    outbox.delete_entry(connection, entry.id)
    if entry.kind == "update":
        _rebase_after(connection, entry)


def _rebase_after(connection: sqlite3.Connection, discarded: PendingChange) -> None:
    """Later entries of the contact saw the discarded values as the server's: they now
    expect what the discarded entry expected, or they would meet a false conflict."""

    def expected(name: str, seen: Any) -> Any:
        undone = name in discarded.changes and seen == discarded.changes[name]
        return discarded.base.get(name, seen) if undone else seen

    for later in outbox.entries_for(connection, discarded.contact_id):
        if later.id > discarded.id:
            base = {name: expected(name, seen) for name, seen in later.base.items()}
            if base != later.base:
                outbox.rewrite_base(connection, later.id, base)


def retry(connection: sqlite3.Connection, pending_id: int) -> Contact | None:
    """Send a change Harvest refused again, as it is (the user fixed the cause elsewhere)."""
    entry = outbox.get_entry(connection, pending_id)
    if entry is None:
        raise CacheError(f"Change {pending_id} is no longer queued (already sent or discarded).")
    if entry.state == "rejected":
        outbox.set_state(connection, pending_id, "queued")
    return view_of(connection, entry.contact_id)


def resolve(
    connection: sqlite3.Connection, contact_id: int, keep: Keep, now: datetime
) -> Contact | None:
    """Apply the user's choice; returns the contact's local view afterwards (None: gone)."""
    conflict = conflict_table.get_conflict(connection, contact_id)
    if conflict is None:
        raise CacheError(f"Contact {contact_id} has no conflict to resolve.")
    choices = _choices(keep, conflict.fields)
    if conflict.kind == "fields":
        mine = {name: conflict.fields[name][0] for name, c in choices.items() if c == "mine"}
        theirs = {name: conflict.fields[name][1] for name in mine}
        left = {name: pair for name, pair in conflict.fields.items() if name not in choices}
        conflict_table.replace_fields(connection, contact_id, left)
        if mine:
            outbox.insert_entry(connection, "update", contact_id, mine, theirs, now)
        return view_of(connection, contact_id)
    wants_mine = "mine" in choices.values()
    if conflict.kind == "deleted_on_server":
        return _resolve_deleted(connection, contact_id, wants_mine, now)
    conflict_table.delete_conflict(connection, contact_id)
    if wants_mine:
        queue_delete(connection, contact_id, now)
    return view_of(connection, contact_id)


def _resolve_deleted(
    connection: sqlite3.Connection, contact_id: int, wants_mine: bool, now: datetime
) -> Contact | None:
    """Mine: create the contact again (a new temporary id); theirs: let it go."""
    mine = view_of(connection, contact_id)
    outbox.delete_entries_for(connection, contact_id)
    conflict_table.delete_conflict(connection, contact_id)
    if not wants_mine or mine is None:
        return None
    return queue_create(connection, mine, now)


def _choices(keep: Keep, fields: Mapping[str, Any]) -> dict[str, Choice]:
    """Fields not named in a per-field choice stay in conflict."""
    if isinstance(keep, str):
        if keep not in ("mine", "theirs"):
            raise ValueError(f"keep must be 'mine', 'theirs' or a dict of them, not {keep!r}")
        return {name: keep for name in fields}
    unknown = set(keep) - set(fields)
    bad = {value for value in keep.values() if value not in ("mine", "theirs")}
    if unknown or bad:
        raise ValueError(f"not conflicting fields {sorted(unknown)} or bad choices {sorted(bad)}")
    return dict(keep)
