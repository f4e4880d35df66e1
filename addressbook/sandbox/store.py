"""The sandbox's account data: clients and contacts behind one lock.

Tests use the store directly to play "another user" changing data on the
server. Every change goes through here, so the per-contact XML fragments and
the cached full-list body are invalidated in one place, and an optional
SQLite file (see persistence.py) is written through under the same lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Client, Contact

from . import wire
from .persistence import SqliteFile

Clock = Callable[[], datetime]
MAX_TEXT_LENGTH = 255
FIRST_CLIENT_ID = 1001
FIRST_CONTACT_ID = 50001
_CONTACT_FIELDS = EDITABLE_CONTACT_FIELDS
_CLIENT_FIELDS = ("name", "active", *wire.CLIENT_TEXT_FIELDS, "highrise_id", "cache_version")
_CONTACT_LABELS = {"client_id": "Client", "first_name": "First name", "last_name": "Last name"}


def real_clock() -> datetime:
    """Now in UTC, to the second, like the timestamps Harvest stores."""
    return datetime.now(UTC).replace(microsecond=0)


class RecordNotFound(KeyError):
    """No client or contact with that id."""


class InvalidRecord(ValueError):
    """A create or update Harvest would refuse; messages are Rails-style sentences."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


def _label(name: str) -> str:
    return _CONTACT_LABELS.get(name, name.replace("_", " ").capitalize())


def _length_problems(values: dict[str, Any], names: Iterable[str]) -> list[str]:
    return [
        f"{_label(name)} is too long (maximum is {MAX_TEXT_LENGTH} characters)"
        for name in names
        if isinstance(values.get(name), str) and len(values[name]) > MAX_TEXT_LENGTH
    ]


class Store:
    """Thread-safe clients and contacts, optionally persisted to an SQLite file."""

    def __init__(self, clock: Clock = real_clock, db_path: str | None = None) -> None:
        self.clock = clock
        self._lock = threading.RLock()
        self._clients: dict[int, Client] = {}
        self._contacts: dict[int, Contact] = {}
        self._fragments: dict[int, bytes] = {}
        self._list_body: tuple[int, bytes] | None = None
        self._version = 0
        self._next_client_id = FIRST_CLIENT_ID
        self._next_contact_id = FIRST_CONTACT_ID
        self._db_path = db_path
        self._file = SqliteFile(db_path) if db_path else None
        if self._file is not None:
            self._load_from_file(self._file)

    # -- loading -----------------------------------------------------------------

    def _load_from_file(self, file: SqliteFile) -> None:
        clients, contacts, next_ids = file.load()
        self._clients = {client.id: client for client in clients}
        self._contacts = {contact.id: contact for contact in contacts if contact.id is not None}
        if next_ids is not None:
            self._next_client_id, self._next_contact_id = next_ids

    @property
    def is_empty(self) -> bool:
        with self._lock:
            return not self._clients and not self._contacts

    def bulk_load(self, clients: list[Client], contacts: list[Contact]) -> None:
        """Adds records that already carry ids (the demo data), in one transaction."""
        with self._lock:
            self._clients.update((client.id, client) for client in clients)
            self._contacts.update((c.id, c) for c in contacts if c.id is not None)
            self._next_client_id = max([self._next_client_id, *(c.id + 1 for c in clients)])
            self._next_contact_id = max(
                [self._next_contact_id, *(c.id + 1 for c in contacts if c.id is not None)]
            )
            self._changed()
            if self._file is not None:
                self._file.save_all(clients, contacts, self._next_ids())

    def close(self) -> None:
        """Closes the SQLite file; the records stay in memory and reopen() resumes writing."""
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None

    def reopen(self) -> None:
        with self._lock:
            if self._db_path and self._file is None:
                self._file = SqliteFile(self._db_path)

    def _next_ids(self) -> tuple[int, int]:
        return self._next_client_id, self._next_contact_id

    def _changed(self) -> None:
        self._version += 1

    # -- clients -----------------------------------------------------------------

    def clients(self, updated_since: datetime | None = None) -> list[Client]:
        with self._lock:
            rows = list(self._clients.values())
        return [c for c in rows if _is_since(c.updated_at, updated_since)]

    def get_client(self, client_id: int) -> Client | None:
        with self._lock:
            return self._clients.get(client_id)

    def add_client(self, name: str, active: bool = True, **fields: Any) -> Client:
        with self._lock:
            now = self.clock()
            client = Client(id=self._next_client_id, name=name, active=active, **fields)
            client = replace(client, created_at=now, updated_at=now)
            self._check_client(client)
            self._next_client_id += 1
            return self._put_client(client)

    def update_client(self, client_id: int, **changes: Any) -> Client:
        unknown = set(changes) - set(_CLIENT_FIELDS)
        if unknown:
            raise InvalidRecord([f"Unknown client field {name}" for name in sorted(unknown)])
        with self._lock:
            client = replace(self._require_client(client_id), **changes)
            self._check_client(client)
            return self._put_client(replace(client, updated_at=self.clock()))

    def toggle_client(self, client_id: int) -> Client:
        with self._lock:
            return self.update_client(client_id, active=not self._require_client(client_id).active)

    def delete_client(self, client_id: int) -> None:
        """Deletes the client and, as Harvest's dependent records do, its contacts:
        all of it or nothing, in one transaction of the file."""
        with self._lock:
            self._require_client(client_id)
            contact_ids = [i for i, c in self._contacts.items() if c.client_id == client_id]
            if self._file is not None:  # first, so a failed write changes nothing
                self._file.delete_client(client_id, contact_ids)
            for contact_id in contact_ids:
                self._forget_contact(contact_id)
            del self._clients[client_id]
            self._changed()

    def _require_client(self, client_id: int) -> Client:
        client = self._clients.get(client_id)
        if client is None:
            raise RecordNotFound(client_id)
        return client

    def _check_client(self, client: Client) -> None:
        if not client.name or not client.name.strip():
            raise InvalidRecord(["Name can't be blank"])
        folded = client.name.strip().casefold()
        if any(
            other.name.strip().casefold() == folded and other.id != client.id
            for other in self._clients.values()
        ):
            raise InvalidRecord(["Name has already been taken"])
        problems = _length_problems({"name": client.name}, ["name"])
        if problems:
            raise InvalidRecord(problems)

    def _put_client(self, client: Client) -> Client:
        self._clients[client.id] = client
        self._changed()
        if self._file is not None:
            self._file.save_client(client, self._next_ids())
        return client

    # -- contacts ----------------------------------------------------------------

    def contacts(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> list[Contact]:
        with self._lock:
            rows = list(self._contacts.values())
        return [
            c
            for c in rows
            if (client_id is None or c.client_id == client_id)
            and _is_since(c.updated_at, updated_since)
        ]

    def get_contact(self, contact_id: int) -> Contact | None:
        with self._lock:
            return self._contacts.get(contact_id)

    def add_contact(
        self, client_id: int, first_name: str, last_name: str, **fields: Any
    ) -> Contact:
        """A new contact stamped with clock(); a test may pass created_at/updated_at itself."""
        with self._lock:
            now = self.clock()
            contact = Contact(
                id=self._next_contact_id,
                client_id=client_id,
                first_name=first_name,
                last_name=last_name,
                **fields,
            )
            contact = replace(
                contact,
                created_at=contact.created_at or now,
                updated_at=contact.updated_at or contact.created_at or now,
            )
            self._check_contact(contact)
            self._next_contact_id += 1
            return self._put_contact(contact)

    def update_contact(
        self,
        contact_id: int,
        *,
        touch: bool = True,
        updated_at: datetime | None = None,
        **changes: Any,
    ) -> Contact:
        """Applies changes and sets updated_at to clock() (or to the given updated_at).

        With touch=False (an HTTP PUT) the timestamp moves only when a value
        changed, as Rails' partial updates did.
        """
        unknown = set(changes) - set(_CONTACT_FIELDS)
        if unknown:
            raise InvalidRecord([f"Unknown contact field {name}" for name in sorted(unknown)])
        with self._lock:
            before = self._require_contact(contact_id)
            after = replace(before, **changes)
            self._check_contact(after)
            if after == before and not touch and updated_at is None:
                return before
            return self._put_contact(replace(after, updated_at=updated_at or self.clock()))

    def delete_contact(self, contact_id: int) -> None:
        with self._lock:
            self._require_contact(contact_id)
            self._forget_contact(contact_id)
            self._changed()
            if self._file is not None:
                self._file.delete_contact(contact_id)

    def _forget_contact(self, contact_id: int) -> None:
        """Out of memory, with its cached XML; the caller writes the file and counts the change."""
        del self._contacts[contact_id]
        self._fragments.pop(contact_id, None)

    def _require_contact(self, contact_id: int) -> Contact:
        contact = self._contacts.get(contact_id)
        if contact is None:
            raise RecordNotFound(contact_id)
        return contact

    def _check_contact(self, contact: Contact) -> None:
        problems = []
        if not isinstance(contact.client_id, int) or contact.client_id not in self._clients:
            problems.append(
                "Client can't be blank" if not contact.client_id else "Client is invalid"
            )
        for name in ("first_name", "last_name"):
            value = getattr(contact, name)
            if not isinstance(value, str) or not value.strip():
                problems.append(f"{_label(name)} can't be blank")
        problems += _length_problems(
            {n: getattr(contact, n) for n in _CONTACT_FIELDS}, wire.CONTACT_TEXT_FIELDS
        )
        if problems:
            raise InvalidRecord(problems)

    def _put_contact(self, contact: Contact) -> Contact:
        assert contact.id is not None
        self._contacts[contact.id] = contact
        self._fragments.pop(contact.id, None)
        self._changed()
        if self._file is not None:
            self._file.save_contact(contact, self._next_ids())
        return contact

    # -- rendering ---------------------------------------------------------------

    def contacts_xml(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> bytes:
        """The list body, built from cached per-contact fragments; the full list is cached too."""
        with self._lock:
            if client_id is None and updated_since is None:
                if self._list_body is None or self._list_body[0] != self._version:
                    self._list_body = (self._version, self._render(self.contacts()))
                return self._list_body[1]
            return self._render(self.contacts(client_id, updated_since))

    def _render(self, contacts: list[Contact]) -> bytes:
        fragments = self._fragments
        parts = []
        for contact in contacts:
            assert contact.id is not None
            fragment = fragments.get(contact.id)
            if fragment is None:
                fragment = wire.render_contact(contact, "  ").encode()
                fragments[contact.id] = fragment
            parts.append(fragment)
        return wire.array_document("contacts", parts)


def _is_since(updated_at: datetime | None, since: datetime | None) -> bool:
    return since is None or (updated_at is not None and updated_at >= since)
