"""The domain records: immutable, Qt-free, shared by every layer.

Rows are frozen so the UI, the cache and the worker thread can hand them to
each other without copying or locking.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any

# The contact fields a user can edit, in display order. Also the fields the
# API sends on create and that an update may change.
EDITABLE_CONTACT_FIELDS: tuple[str, ...] = (
    "client_id",
    "first_name",
    "last_name",
    "title",
    "email",
    "phone_office",
    "phone_mobile",
    "fax",
)

CONTACT_FIELD_LABELS: dict[str, str] = {
    "client_id": "Client",
    "first_name": "First name",
    "last_name": "Last name",
    "title": "Title",
    "email": "Email",
    "phone_office": "Office phone",
    "phone_mobile": "Mobile phone",
    "fax": "Fax",
}


@dataclass(frozen=True, slots=True)
class Contact:
    id: int | None
    client_id: int
    first_name: str
    last_name: str
    title: str | None = None
    email: str | None = None
    phone_office: str | None = None
    phone_mobile: str | None = None
    fax: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def editable_values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EDITABLE_CONTACT_FIELDS}

    def with_changes(self, changes: Mapping[str, Any]) -> Contact:
        unknown = set(changes) - set(EDITABLE_CONTACT_FIELDS)
        if unknown:
            raise ValueError(f"not editable contact fields: {sorted(unknown)}")
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Client:
    id: int
    name: str
    active: bool = True
    currency: str | None = None
    currency_symbol: str | None = None
    details: str | None = None
    highrise_id: int | None = None
    cache_version: int | None = None
    default_invoice_timeframe: str | None = None
    last_invoice_kind: str | None = None
    statement_key: str | None = None
    address: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


# Harvest's ids are 64-bit database keys (as are SQLite's integers): below this.
ID_LIMIT = 2**63

CONTACT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Contact))
CLIENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Client))


def changed_fields(before: Contact, after: Contact) -> dict[str, Any]:
    """The editable fields whose values differ, with the new values."""
    return {
        name: getattr(after, name)
        for name in EDITABLE_CONTACT_FIELDS
        if getattr(before, name) != getattr(after, name)
    }
