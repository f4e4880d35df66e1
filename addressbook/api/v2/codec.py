"""Harvest v2 JSON bodies <-> records.

v2 answers with plain JSON: a contact names its client in a nested
`{"client": {"id", "name"}}`, unset strings come back as "" (email, phones) or
null (title), timestamps are ISO 8601 UTC with `Z`, and ids pass 32 bits.
Reading is strict about what the app cannot do without (an id, a client) and
lenient about everything else: unknown keys are ignored, a wrong type on a
text field is read as no value rather than failing the whole page.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import fields
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

from addressbook.core.contact_builder import CONTACT_FIELD_ORDER, build_contact
from addressbook.core.models import EDITABLE_CONTACT_FIELDS, ID_LIMIT, Client, Contact

from ..account import Account
from ..errors import ProtocolError, ValidationError

# Harvest itself answers "" for these when unset (observed), so "" is how they are cleared.
# `title` is null when unset (observed), so a cleared title is sent as null. See
# contact_update_body for why this is the safest reading of an undocumented rule.
EMPTY_STRING_WHEN_CLEARED = frozenset(
    {"first_name", "last_name", "email", "phone_office", "phone_mobile", "fax"}
)
_STRICT_JSON_CONSTANTS = {"NaN", "Infinity", "-Infinity"}


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def load_json(body: bytes, noun: str) -> Any:
    """A body -> JSON value; an empty, HTML or broken body is a ProtocolError."""
    text = body.removeprefix(b"\xef\xbb\xbf").strip()
    if not text:
        raise ProtocolError(f"Harvest sent an empty reply where {noun} was expected.")
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, RecursionError):  # JSONDecodeError and bad UTF-8 are ValueErrors
        # The body itself is not quoted: a server (or proxy) may echo the request there,
        # token included.
        kind = "a web page" if text.startswith(b"<") else "a reply that is not JSON"
        raise ProtocolError(f"Harvest sent {kind} where {noun} was expected.") from None


def record_id(value: Any, noun: str) -> int:
    """An id as Harvest sends it: a positive integer, 64-bit at most (never a bool)."""
    if value.__class__ is int and 0 < value < ID_LIMIT:
        return int(value)
    raise ProtocolError(f"Harvest sent a {noun} without a usable id.")


def _text(value: Any) -> str | None:
    return value if value.__class__ is str else None


def _optional(value: Any) -> str | None:
    """Harvest sends "" for an unset email or phone and null for an unset title: both
    mean "no value", stored as None as v1's nil is, so the merge sees no change."""
    return value if value.__class__ is str and value else None


def to_datetime(value: Any) -> datetime | None:
    """`2019-01-25T18:31:12Z` -> aware UTC datetime; anything unreadable -> None."""
    if value.__class__ is not str:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is UTC:  # the common case: Harvest always sends Z
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        return None


_CONTACT_KEYS = itemgetter(
    "id",
    "client",
    "first_name",
    "last_name",
    "title",
    "email",
    "phone_office",
    "phone_mobile",
    "fax",
    "created_at",
    "updated_at",
)
_TEXT_TYPES = frozenset({str, type(None)})


def contact_from_json(item: Any) -> Contact:
    """One contact object -> Contact. The hot path of every list (100k contacts a full
    sync), so the common shape (every key present, well typed) is read in one C call and
    checked in bulk; anything else takes the careful path, field by field."""
    try:
        (contact_id, client, first, last, title, email, office, mobile, fax, created, updated) = (
            _CONTACT_KEYS(item)
        )
        client_id = client["id"]
    except (KeyError, TypeError, IndexError):
        return _contact_carefully(item)
    if (
        contact_id.__class__ is not int
        or client_id.__class__ is not int
        or not (0 < contact_id < ID_LIMIT and 0 < client_id < ID_LIMIT)
        or first.__class__ is not str
        or last.__class__ is not str
        or not {type(title), type(email), type(office), type(mobile), type(fax)} <= _TEXT_TYPES
    ):
        return _contact_carefully(item)
    return build_contact(
        contact_id,
        client_id,
        first,
        last,
        title or None,
        email or None,
        office or None,
        mobile or None,
        fax or None,
        to_datetime(created),
        to_datetime(updated),
    )


def _contact_carefully(item: Any) -> Contact:
    if item.__class__ is not dict:
        raise ProtocolError("Harvest sent a contact that is not an object.")
    get = item.get
    client = get("client")
    client_id = client.get("id") if client.__class__ is dict else get("client_id")
    first, last = get("first_name"), get("last_name")
    return Contact(
        record_id(get("id"), "contact"),
        record_id(client_id, "contact's client"),
        first if first.__class__ is str else "",
        last if last.__class__ is str else "",
        _optional(get("title")),
        _optional(get("email")),
        _optional(get("phone_office")),
        _optional(get("phone_mobile")),
        _optional(get("fax")),
        to_datetime(get("created_at")),
        to_datetime(get("updated_at")),
    )


# contact_from_json builds Contact positionally: fail at import, not in the field, if the
# record's fields are ever reordered.
assert tuple(field.name for field in fields(Contact)) == CONTACT_FIELD_ORDER


def client_from_json(item: Any) -> Client:
    if item.__class__ is not dict:
        raise ProtocolError("Harvest sent a client that is not an object.")
    active = item.get("is_active")
    return Client(
        id=record_id(item.get("id"), "client"),
        name=_text(item.get("name")) or "",
        active=active if isinstance(active, bool) else True,
        currency=_text(item.get("currency")),
        statement_key=_text(item.get("statement_key")),
        address=_text(item.get("address")),
        created_at=to_datetime(item.get("created_at")),
        updated_at=to_datetime(item.get("updated_at")),
    )


def may_manage_contacts(user: Mapping[str, Any]) -> bool:
    """Administrators, and managers allowed to edit clients; older payloads say is_admin.

    Only a hint for the UI: a 403 from Harvest stays the final answer.
    """
    roles = user.get("access_roles")
    if isinstance(roles, list):
        if "administrator" in roles:
            return True
        return "manager" in roles and "client_and_task_manager" in roles
    return user.get("is_admin") is True


def account_from_json(user: Any, company: Any) -> Account:
    if not isinstance(user, dict):
        raise ProtocolError("Harvest's answer to 'who am I' has no user in it.")
    company = company if isinstance(company, dict) else {}
    user_id = user.get("id")
    return Account(
        email=_text(user.get("email")) or "",
        first_name=_text(user.get("first_name")) or "",
        last_name=_text(user.get("last_name")) or "",
        admin=may_manage_contacts(user),
        company_name=_text(company.get("name")) or "",
        user_id=user_id if user_id.__class__ is int else None,
        timezone=_text(user.get("timezone")),
    )


def page_items(document: Any, key: str) -> tuple[list[Any], str | None]:
    """One list page -> (its records, links.next or None)."""
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise ProtocolError(f"Harvest sent a page without a list of {key}.")
    links = document.get("links")
    following = links.get("next") if isinstance(links, dict) else None
    return document[key], following if isinstance(following, str) and following else None


def _checked(field: str, value: Any) -> Any:
    if field == "client_id":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < ID_LIMIT:
            raise ValidationError(
                "Choose the client this contact belongs to.",
                fields={"client_id": ["Choose a client."]},
            )
        return value
    return value


def contact_create_body(contact: Contact) -> bytes:
    """A flat JSON object (no {"contact": …} wrapper in v2) of the fields that have a value."""
    values = {
        name: _checked(name, value)
        for name, value in contact.editable_values().items()
        if value is not None and value != ""
    }
    return json.dumps(values, ensure_ascii=False).encode("utf-8")


def contact_update_body(changes: Mapping[str, Any]) -> bytes:
    """Only the changed fields. A cleared field (None or "") is sent as Harvest itself
    reports an unset one: "" for the names, email, phones and fax, null for the title.

    Open question (reference §13): the docs do not say how to clear a field. Sending the
    same encoding the server uses for "unset" cannot be misread as a value, and the
    reply's object (stored as the new truth) shows what the server made of it.
    """
    unknown = [name for name in changes if name not in EDITABLE_CONTACT_FIELDS]
    if unknown:
        raise ValueError(f"not editable contact fields: {sorted(unknown)}")
    body: dict[str, Any] = {}
    for name in EDITABLE_CONTACT_FIELDS:
        if name not in changes:
            continue
        value = changes[name]
        if value is None or value == "":
            value = "" if name in EMPTY_STRING_WHEN_CLEARED else None
        body[name] = _checked(name, value)
    return json.dumps(body, ensure_ascii=False).encode("utf-8")
