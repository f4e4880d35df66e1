"""Every version of a contact the app has seen, kept small enough for 100k contacts.

Versions are stored as reverse deltas against an anchor, the full copy the cache
holds anyway: the contact's server row, or its trash copy once deleted (None for
a contact not yet on Harvest). The newest entry holds the fields where that
version differs from the anchor; each older one the fields where it differs from
the version after it. A contact pulled once and never changed has no row at all:
its one version is the anchor itself, dated by Harvest's updated-at. All of a
contact's entries share one row, a JSON list [source, seen_at, delta] oldest
first ("h" Harvest, "l" local; seen_at in epoch seconds; a local edit Harvest was
seen holding gets a fourth item, when): a third of the size of a row per version.

Every write of an anchor goes through record() (record_pulled() for a pull), so
the chain always rebuilds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Contact

from .rows import CONTACT_COLUMNS, contact_from_json, contacts_from_rows, epoch

Source = Literal["harvest", "local"]
DEFAULT_LIMIT = 50
DEFAULT_MAX_AGE = timedelta(days=365)
_CODES: dict[str, Source] = {"h": "harvest", "l": "local"}
Entry = list[Any]  # [code, seen_at seconds, delta]


@dataclass(frozen=True, slots=True)
class Version:
    """One version of a contact: its values, when it was seen, and where it came from."""

    contact: Contact
    seen_at: datetime
    source: Source
    confirmed_at: datetime | None = None  # a local edit: when Harvest was seen holding it


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


def _seconds(moment: datetime | None) -> int:
    return round(epoch(moment) or 0)


def _entries(connection: sqlite3.Connection, contact_id: int) -> list[Entry]:
    row = connection.execute(
        "SELECT versions FROM history WHERE contact_id = ?", (contact_id,)
    ).fetchone()
    return list(json.loads(row[0])) if row else []


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


def versions(connection: sqlite3.Connection, contact_id: int) -> list[Version]:
    """Oldest first. A contact with no entries has one version: its anchor."""
    base = anchor(connection, contact_id)
    entries = _entries(connection, contact_id)
    if not entries:
        return [_implicit(base)] if base is not None else []
    template = base or Contact(contact_id, 0, "", "")
    current = _values(base)
    built: list[Version] = []
    for code, seconds, delta, *confirmed in reversed(entries):
        current = {**current, **delta}
        seen_at = datetime.fromtimestamp(seconds, UTC)
        contact = template.with_changes(current)
        if code == "h":
            contact = replace(contact, updated_at=seen_at)
        when = datetime.fromtimestamp(confirmed[0], UTC) if confirmed else None
        built.append(Version(contact, seen_at, _CODES[code], when))
    built.reverse()
    return built


def _implicit(base: Contact) -> Version:
    seen_at = base.updated_at or base.created_at or datetime.fromtimestamp(0, UTC)
    return Version(base, seen_at, "harvest")


def advance(
    entries: list[Entry],
    before: Contact | None,
    after: Contact | None,
    version: Contact | None,
    source: Source,
    seen_at: datetime,
    limit: int = DEFAULT_LIMIT,
) -> list[Entry]:
    """The entries once the anchor moved from `before` to `after` and `version` was seen
    (added when it differs from the newest version); pure, so a pull can batch it."""
    moved_to = _full(_values(after))
    newest = _full({**_values(before), **entries[-1][2]} if entries else _values(before))
    wanted = _full(_values(version))
    is_new = version is not None and wanted != newest
    if not entries and before is not None and (is_new or newest != moved_to):
        entries = [["h", _seconds(before.updated_at or before.created_at), {}]]
    if entries:
        entries[-1][2] = _differing(newest, wanted if is_new else moved_to)
        if _confirms(entries[-1], version, source, is_new):
            entries[-1].append(_seconds(seen_at))
    if is_new:
        entries.append([source[0], _seconds(seen_at), _differing(wanted, moved_to)])
    return entries[-limit:] if limit > 0 else entries[-1:]


def _confirms(newest: Entry, version: Contact | None, source: Source, is_new: bool) -> bool:
    """Harvest now holds a local edit's values: the edit is confirmed (once)."""
    return (
        version is not None
        and source == "harvest"
        and not is_new
        and newest[0] == "l"
        and len(newest) == 3
    )


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
    """After a write that may have moved the contact's anchor (from `before`): see advance."""
    after = anchor(connection, contact_id)
    entries = _entries(connection, contact_id)
    advanced = advance(entries, before, after, version, source, seen_at, limit)
    if advanced or entries:
        _store(connection, [(contact_id, advanced)])


def record_pulled(
    connection: sqlite3.Connection,
    pulled: Sequence[Contact],
    before: Mapping[int, Contact],
    seen_at: datetime,
    *,
    limit: int = DEFAULT_LIMIT,
) -> None:
    """record() for a pull, batched: the pulled rows are the new anchors, except for
    contacts in the trash (deleted here, the delete not sent yet), which keep theirs."""
    ids = [contact.id for contact in pulled if contact.id is not None]
    trashed = _trash_copies(connection, ids)
    stored = _many_entries(connection, ids)
    changed = []
    for contact in pulled:
        key = contact.id or 0
        old = stored.get(key, [])
        moved_to = trashed.get(key, contact)
        when = contact.updated_at or seen_at
        new = advance(old, before.get(key), moved_to, contact, "harvest", when, limit)
        if new or old:
            changed.append((key, new))
    _store(connection, changed)


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), 500):
        yield ids[start : start + 500]


def _trash_copies(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Contact]:
    found: dict[int, Contact] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for key, text in connection.execute(
            f"SELECT contact_id, contact FROM trash WHERE contact_id IN ({marks})", chunk
        ):
            found[key] = contact_from_json(text)
    return found


def _many_entries(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, list[Entry]]:
    found: dict[int, list[Entry]] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        for key, text in connection.execute(
            f"SELECT contact_id, versions FROM history WHERE contact_id IN ({marks})", chunk
        ):
            found[key] = json.loads(text)
    return found


def bases(connection: sqlite3.Connection, ids: Sequence[int]) -> dict[int, Contact]:
    """The anchors of contacts about to be pulled again: trash copies, else server rows."""
    found: dict[int, Contact] = {}
    for chunk in _chunks(ids):
        marks = ",".join("?" * len(chunk))
        rows = connection.execute(
            f"SELECT {CONTACT_COLUMNS} FROM contacts WHERE id IN ({marks})", chunk
        ).fetchall()
        found.update((c.id, c) for c in contacts_from_rows(rows) if c.id is not None)
    found.update(_trash_copies(connection, ids))
    return found


def _store(connection: sqlite3.Connection, items: Iterable[tuple[int, list[Entry]]]) -> None:
    compact = (",", ":")
    rows = [(key, json.dumps(entries, separators=compact)) for key, entries in items]
    connection.executemany("DELETE FROM history WHERE contact_id = ?",
                           [(key,) for key, text in rows if text == "[]"])  # fmt: skip
    connection.executemany("INSERT OR REPLACE INTO history VALUES (?, ?)",
                           [row for row in rows if row[1] != "[]"])  # fmt: skip


def rename(connection: sqlite3.Connection, old_id: int, new_id: int) -> None:
    """The contact got a new id (created on Harvest, or restored): its history follows it."""
    connection.execute("DELETE FROM history WHERE contact_id = ?", (new_id,))
    connection.execute("UPDATE history SET contact_id = ? WHERE contact_id = ?", (new_id, old_id))


def forget(connection: sqlite3.Connection, contact_ids: Iterable[int]) -> None:
    connection.executemany(
        "DELETE FROM history WHERE contact_id = ?", [(contact_id,) for contact_id in contact_ids]
    )


def prune_by_age(connection: sqlite3.Connection, now: datetime, max_age: timedelta) -> None:
    """Entries older than max_age go, oldest first (each rebuilds from the one after it),
    but never a contact's newest (it holds the chain to the anchor)."""
    cutoff = _seconds(now - max_age)
    old = connection.execute(
        "SELECT contact_id, versions FROM history WHERE json_extract(versions, '$[0][1]') < ?",
        (cutoff,),
    ).fetchall()
    kept = []
    for key, text in old:
        entries = json.loads(text)
        while len(entries) > 1 and entries[0][1] < cutoff:
            entries.pop(0)
        kept.append((key, entries))
    _store(connection, kept)
