"""Harvest records (parsed XML elements) -> Contact, Client and Account.

Every record is read by element name, in any order; unknown elements are
ignored. A record that lacks what the app cannot do without (an id, a client)
is a ProtocolError, never a half-built object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from addressbook.core.models import Client, Contact

from .account import Account
from .errors import ProtocolError
from .values import FieldMap, element_value, record_values, to_bool, to_datetime, to_int

T = TypeVar("T")

CONTACT_FIELD_MAP: FieldMap = {
    "id": ("id", to_int),
    "client-id": ("client_id", to_int),
    "first-name": ("first_name", None),
    "last-name": ("last_name", None),
    "title": ("title", None),
    "email": ("email", None),
    "phone-office": ("phone_office", None),
    "phone-mobile": ("phone_mobile", None),
    "fax": ("fax", None),
    "created-at": ("created_at", to_datetime),
    "updated-at": ("updated_at", to_datetime),
}

CLIENT_FIELD_MAP: FieldMap = {
    "id": ("id", to_int),
    "name": ("name", None),
    "active": ("active", to_bool),
    "currency": ("currency", None),
    "currency-symbol": ("currency_symbol", None),
    "details": ("details", None),
    "highrise-id": ("highrise_id", to_int),
    "cache-version": ("cache_version", to_int),
    "default-invoice-timeframe": ("default_invoice_timeframe", None),
    "last-invoice-kind": ("last_invoice_kind", None),
    "statement-key": ("statement_key", None),
    "address": ("address", None),
    "created-at": ("created_at", to_datetime),
    "updated-at": ("updated_at", to_datetime),
}


def _values(item: Any, field_map: FieldMap, noun: str) -> dict[str, Any]:
    if item.__class__ is not dict:
        raise ProtocolError(f"Harvest sent a {noun} without any fields.")
    try:
        return record_values(item, field_map)
    except ValueError as error:
        raise ProtocolError(
            f"Harvest sent a {noun} with a value that cannot be read: {_short(error)}"
        ) from None


def _short(error: ValueError, limit: int = 120) -> str:
    """The converter's words, cut short: the odd value may be megabytes long."""
    text = str(error)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def contact_from_item(item: Any) -> Contact:
    values = _values(item, CONTACT_FIELD_MAP, "contact")
    if values.get("id") is None or values.get("client_id") is None:
        raise ProtocolError("Harvest sent a contact without an id or a client.")
    # Names are required, but a nil name must not leave None where text belongs.
    if values.get("first_name") is None:
        values["first_name"] = ""
    if values.get("last_name") is None:
        values["last_name"] = ""
    return Contact(**values)


def client_from_item(item: Any) -> Client:
    values = _values(item, CLIENT_FIELD_MAP, "client")
    if values.get("id") is None:
        raise ProtocolError("Harvest sent a client without an id.")
    if values.get("name") is None:
        values["name"] = ""
    if values.get("active") is None:
        values.pop("active", None)  # absent or nil: the dataclass default (active)
    return Client(**values)


def _text(section: Any, tag: str) -> str:
    value = element_value(section.get(tag), None) if isinstance(section, dict) else None
    return value if isinstance(value, str) else ""


def account_from_item(item: Any) -> Account:
    """The <hash> of who_am_i: <company> and <user> sections."""
    if not isinstance(item, dict) or not isinstance(item.get("user"), dict):
        raise ProtocolError("Harvest's answer to 'who am I' has no user in it.")
    user, company = item["user"], item.get("company")
    try:
        admin = element_value(user.get("admin"), to_bool)
        user_id = element_value(user.get("id"), to_int)
    except ValueError as error:
        raise ProtocolError(
            f"Harvest's answer to 'who am I' cannot be read: {_short(error)}"
        ) from None
    return Account(
        email=_text(user, "email"),
        first_name=_text(user, "first-name"),
        last_name=_text(user, "last-name"),
        admin=bool(admin),
        company_name=_text(company, "name"),
        user_id=user_id,
        timezone=_text(user, "timezone") or None,
    )


@dataclass(frozen=True)
class RecordKind(Generic[T]):
    """How to read one kind of record: its element, its list root and its converter."""

    tag: str
    plural: str
    noun: str
    convert: Callable[[Any], T]


CONTACTS: RecordKind[Contact] = RecordKind("contact", "contacts", "contact", contact_from_item)
CLIENTS: RecordKind[Client] = RecordKind("client", "clients", "client", client_from_item)
