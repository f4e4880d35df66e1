"""Contacts built at half the constructor's cost, for the paths that build 100k at once.

A frozen dataclass's __init__ sets each field through object.__setattr__ by name;
setting the slots directly through their descriptors does the same work without the
lookups. Equivalent to calling Contact(...) only while the fields keep their order and
Contact has no __post_init__: that is checked once at import, and the plain constructor
is used otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import datetime
from typing import Any

from addressbook.core.models import Contact

CONTACT_FIELD_ORDER = (
    "id",
    "client_id",
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

SlotSetter = Callable[[Contact, Any], None]


def slot_setters() -> tuple[SlotSetter, ...] | None:
    """Contact's slot setters in CONTACT_FIELD_ORDER, or None when building through them
    would not be the same as calling Contact(...)."""
    names = tuple(field.name for field in fields(Contact))
    if names != CONTACT_FIELD_ORDER or hasattr(Contact, "__post_init__"):
        return None
    return tuple(getattr(Contact, name).__set__ for name in names)


ContactBuilder = Callable[
    [
        int | None,
        int,
        str,
        str,
        str | None,
        str | None,
        str | None,
        str | None,
        str | None,
        datetime | None,
        datetime | None,
    ],
    Contact,
]


def _builder() -> ContactBuilder:
    setters = slot_setters()
    if setters is None:
        return Contact
    new = object.__new__
    s_id, s_client, s_first, s_last, s_title, s_email, s_office, s_mobile, s_fax, s_ca, s_ua = (
        setters
    )

    def build(
        contact_id: int | None,
        client_id: int,
        first_name: str,
        last_name: str,
        title: str | None,
        email: str | None,
        phone_office: str | None,
        phone_mobile: str | None,
        fax: str | None,
        created_at: datetime | None,
        updated_at: datetime | None,
    ) -> Contact:
        contact = new(Contact)
        s_id(contact, contact_id)
        s_client(contact, client_id)
        s_first(contact, first_name)
        s_last(contact, last_name)
        s_title(contact, title)
        s_email(contact, email)
        s_office(contact, phone_office)
        s_mobile(contact, phone_mobile)
        s_fax(contact, fax)
        s_ca(contact, created_at)
        s_ua(contact, updated_at)
        return contact

    return build


# Every field positional, in CONTACT_FIELD_ORDER: build_contact(id, client_id, ...).
build_contact: ContactBuilder = _builder()
