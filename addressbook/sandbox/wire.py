"""Rails 2-style XML, written by hand and read with xml.etree (standard library only).

The sandbox must not share a codec with the client it tests, so this module
renders the wire format the way Harvest v1 did (dashed names, type attributes,
nil="true", datetimes with Z, <nil-classes type="array"/> for an empty list)
and parses request bodies independently.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Client, Contact

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
XML_CONTENT_TYPE = "application/xml; charset=utf-8"

# The contact's string fields: every editable field but the integer client id.
CONTACT_TEXT_FIELDS = EDITABLE_CONTACT_FIELDS[1:]
CLIENT_TEXT_FIELDS = (
    "currency",
    "currency_symbol",
    "details",
    "default_invoice_timeframe",
    "last_invoice_kind",
    "statement_key",
    "address",
)


class WireError(Exception):
    """A request body the server cannot read; answered with 400."""


_ZERO = timedelta(0)
_SPECIAL = frozenset("&<>\r")


def escape_text(text: str) -> str:
    # \r is escaped as a character reference so it survives XML line-end normalisation.
    if _SPECIAL.isdisjoint(text):
        return text
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def format_datetime(moment: datetime) -> str:
    # isoformat is several times faster than strftime, which matters for 100k rows.
    if moment.utcoffset() != _ZERO:
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds")[:19] + "Z"


def dashed(name: str) -> str:
    return name.replace("_", "-")


def text_element(name: str, value: str | None, indent: str) -> str:
    if value is None:
        return f'{indent}<{name} nil="true"></{name}>\n'
    return f"{indent}<{name}>{escape_text(value)}</{name}>\n"


def integer_element(name: str, value: int | None, indent: str) -> str:
    if value is None:
        return f'{indent}<{name} type="integer" nil="true"></{name}>\n'
    return f'{indent}<{name} type="integer">{value}</{name}>\n'


def boolean_element(name: str, value: bool, indent: str) -> str:
    return f'{indent}<{name} type="boolean">{"true" if value else "false"}</{name}>\n'


def datetime_element(name: str, value: datetime | None, indent: str) -> str:
    if value is None:
        return f'{indent}<{name} type="datetime" nil="true"></{name}>\n'
    return f'{indent}<{name} type="datetime">{format_datetime(value)}</{name}>\n'


def render_contact(contact: Contact, indent: str = "") -> str:
    """One <contact> element; the list view caches these per contact.

    Written out in one expression because a 100,000-contact list renders
    every fragment once, and the generic helpers cost twice as much.
    """
    inner = indent + "  "
    return "".join(
        (
            f'{indent}<contact>\n{inner}<id type="integer">{contact.id}</id>\n',
            integer_element("client-id", contact.client_id, inner),
            text_element("first-name", contact.first_name, inner),
            text_element("last-name", contact.last_name, inner),
            text_element("title", contact.title, inner),
            text_element("email", contact.email, inner),
            text_element("phone-office", contact.phone_office, inner),
            text_element("phone-mobile", contact.phone_mobile, inner),
            text_element("fax", contact.fax, inner),
            datetime_element("created-at", contact.created_at, inner),
            datetime_element("updated-at", contact.updated_at, inner),
            f"{indent}</contact>\n",
        )
    )


def render_client(client: Client, indent: str = "") -> str:
    inner = indent + "  "
    parts = [
        f"{indent}<client>\n",
        integer_element("id", client.id, inner),
        text_element("name", client.name, inner),
        boolean_element("active", client.active, inner),
    ]
    parts.extend(
        text_element(dashed(name), getattr(client, name), inner) for name in CLIENT_TEXT_FIELDS
    )
    parts.append(integer_element("highrise-id", client.highrise_id, inner))
    parts.append(integer_element("cache-version", client.cache_version, inner))
    parts.append(datetime_element("created-at", client.created_at, inner))
    parts.append(datetime_element("updated-at", client.updated_at, inner))
    parts.append(f"{indent}</client>\n")
    return "".join(parts)


def document(body: str) -> bytes:
    return (XML_DECLARATION + body).encode("utf-8")


def array_document(root: str, fragments: Iterable[bytes]) -> bytes:
    """A list body from encoded elements; an empty list is <nil-classes type="array"/>.

    Rails 2 rendered every empty array that way, whatever it held.
    """
    parts = [f'{XML_DECLARATION}<{root} type="array">\n'.encode()]
    parts.extend(fragments)
    if len(parts) == 1:
        return document('<nil-classes type="array"/>\n')
    parts.append(f"</{root}>\n".encode())
    return b"".join(parts)


def errors_document(messages: Iterable[str]) -> bytes:
    items = "".join(f"  <error>{escape_text(message)}</error>\n" for message in messages)
    return document(f"<errors>\n{items}</errors>\n")


def parse_record(body: bytes, root: str) -> dict[str, str | None]:
    """The child elements of a <root> request body by dashed name.

    An element with nil="true" or with no text maps to None (the field is
    cleared); an element that is absent is simply not in the result.
    """
    if not body.strip():
        raise WireError(f"The request body is empty; expected a <{root}> element.")
    try:
        element = ElementTree.fromstring(body)
    except ElementTree.ParseError as error:
        raise WireError(f"The request body is not well-formed XML ({error}).") from None
    if element.tag != root:
        raise WireError(f"Expected a <{root}> element, got <{element.tag}>.")
    values: dict[str, str | None] = {}
    for child in element:
        if child.get("nil", "").strip().lower() == "true" or not child.text:
            values[child.tag] = None
        else:
            values[child.tag] = child.text
    return values
