"""Every version of a contact the app has seen, kept small enough for 100k contacts.

Versions are stored as reverse deltas against an anchor, the full copy the cache
holds anyway: the contact's server row, or its trash copy once deleted (None for
a contact not yet on Harvest). The newest row holds the fields where that version
differs from the anchor; each older row the fields where it differs from the
version after it. A contact pulled once and never changed has no rows at all: its
one version is the anchor itself, dated by Harvest's updated-at.

Every write of an anchor goes through record(), so the chain always rebuilds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Contact

from .rows import CONTACT_COLUMNS, contact_from_json, contacts_from_rows, epoch, from_epoch

Source = Literal["harvest", "local"]
DEFAULT_LIMIT = 50
DEFAULT_MAX_AGE = timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a contact: its values, when it was seen, and where it came from."""

    contact: Contact
    seen_at: datetime
    source: Source


@dataclass(slots=True)
class _Row:
    seq: int
    source: Source
    seen_at: float
    delta: dict[str, Any]


def _values(contact: Contact | None) -> dict[str, Any]:
    return contact.editable_values() if contact is not None else {}


def _full(values: Mapping[str, Any]) -> dict[str, Any]:
    """Every editable field, a missing one as None (a delta against no anchor omits them)."""
    return {name: values.get(name) for name in EDITABLE_CONTACT_FIELDS}


def _differing(version: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Any]:
    """The fields of `version` whose values `other` does not share."""
    return {
        name: version.get(name)
        for name in EDITABLE_CONTACT_FIELDS
        if version.get(name) != other.get(name)
    }


def _rows(connection: sqlite3.Connection, contact_id: int) -> list[_Row]:
    found = connection.execute(
        "SELECT seq, source, seen_at, delta FROM history WHERE contact_id = ? ORDER BY seq",
        (contact_id,),
    ).fetchall()
    return [_Row(seq, source, seen_at, json.loads(delta)) for seq, source, seen_at, delta in found]


def anchor(connection: sqlite3.Connection, contact_id: int) -> Contact | None:
    """The full copy versions are stored against: the trash copy, else the server row."""
    trashed = connection.execute(
        "SELECT contact FROM trash WHERE contact_id = ?", (contact_id,)
    ).fetchone()
    if trashed is not None:
        return contact_from_json(trashed[0])
    rows = connection.execute(
        f"SELECT {CONTACT_COLUMNS} FROM contacts WHERE id = ?", (contact_id,)
    ).fetchall()
    return contacts_from_rows(rows)[0] if rows else None


def anchors(connection: sqlite3.Connection, contact_ids: Iterable[int]) -> dict[int, Contact]:
    """Anchors of many contacts (those a pull changes)."""
    found = {contact_id: anchor(connection, contact_id) for contact_id in contact_ids}
    return {contact_id: contact for contact_id, contact in found.items() if contact is not None}


def versions(connection: sqlite3.Connection, contact_id: int) -> list[Version]:
    """Oldest first. A contact with no rows has one version: its anchor."""
    base = anchor(connection, contact_id)
    rows = _rows(connection, contact_id)
    if not rows:
        return [_implicit(base)] if base is not None else []
    template = base or Contact(contact_id, 0, "", "")
    current = _values(base)
    built: list[Version] = []
    for row in reversed(rows):
        current = {**current, **row.delta}
        seen_at = from_epoch(row.seen_at) or datetime.now(UTC)
        contact = template.with_changes(current)
        if row.source == "harvest":
            contact = _dated(contact, seen_at)
        built.append(Version(contact, seen_at, row.source))
    built.reverse()
    return built


def _dated(contact: Contact, seen_at: datetime) -> Contact:
    return replace(contact, updated_at=seen_at)


def _implicit(base: Contact) -> Version:
    seen_at = base.updated_at or base.created_at or datetime.fromtimestamp(0, UTC)
    return Version(base, seen_at, "harvest")


def record(
    connection: sqlite3.Connection,
    contact_id: int,
    before: Contact | None,
    version: Contact | None,
    source: Source,
    seen_at: datetime,
    *,
    limit: int = DEFAULT_LIMIT,
) -> None:
    """After a write that may have changed the contact's anchor (from `before`), add
    `version` when it differs from the newest one, and keep every row rebuildable."""
    after = _full(_values(anchor(connection, contact_id)))
    rows = _rows(connection, contact_id)
    newest = _full({**_values(before), **rows[-1].delta} if rows else _values(before))
    wanted = _full(_values(version))
    is_new = version is not None and wanted != newest
    if not rows and before is not None and (is_new or newest != after):
        rows = [_Row(0, "harvest", _implicit_time(before), {})]
    if rows:
        rows[-1].delta = _differing(newest, wanted if is_new else after)
    if is_new:
        seq = rows[-1].seq + 1 if rows else 0
        rows.append(_Row(seq, source, epoch(seen_at) or 0.0, _differing(wanted, after)))
    _write(connection, contact_id, rows[-limit:] if limit > 0 else rows[-1:])


def _implicit_time(before: Contact) -> float:
    return epoch(before.updated_at or before.created_at) or 0.0


def _write(connection: sqlite3.Connection, contact_id: int, rows: list[_Row]) -> None:
    connection.execute("DELETE FROM history WHERE contact_id = ?", (contact_id,))
    connection.executemany(
        "INSERT INTO history (contact_id, seq, source, seen_at, delta) VALUES (?, ?, ?, ?, ?)",
        [(contact_id, r.seq, r.source, r.seen_at, json.dumps(r.delta)) for r in rows],
    )


def rename(connection: sqlite3.Connection, old_id: int, new_id: int) -> None:
    """The contact got a new id (created on Harvest, or restored): its history follows it."""
    connection.execute("DELETE FROM history WHERE contact_id = ?", (new_id,))
    connection.execute("UPDATE history SET contact_id = ? WHERE contact_id = ?", (new_id, old_id))


def forget(connection: sqlite3.Connection, contact_ids: Iterable[int]) -> None:
    connection.executemany(
        "DELETE FROM history WHERE contact_id = ?", [(contact_id,) for contact_id in contact_ids]
    )


def prune_by_age(connection: sqlite3.Connection, now: datetime, max_age: timedelta) -> None:
    """Rows older than max_age go, oldest first (a row rebuilds from the one after it),
    but never a contact's newest (it holds the chain to the anchor)."""
    connection.execute(
        "DELETE FROM history WHERE seq < (SELECT max(seq) FROM history AS h "
        "WHERE h.contact_id = history.contact_id) AND seq <= (SELECT max(seq) FROM history "
        "AS h WHERE h.contact_id = history.contact_id AND h.seen_at < ?)",
        (epoch(now - max_age),),
    )
