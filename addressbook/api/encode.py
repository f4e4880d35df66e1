"""Contact -> XML request bodies, escaped by hand so nothing reaches the wire raw.

Libraries that built XML by concatenation broke on names with `&` or `<`;
here every value goes through `escape_text`. A carriage return is written as
`&#13;` because XML parsers turn a literal one into a line feed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from addressbook.core.models import CONTACT_FIELD_LABELS, EDITABLE_CONTACT_FIELDS, Contact

from .errors import ValidationError

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
INTEGER_FIELDS = frozenset({"client_id"})

# XML 1.0 cannot carry these at all, not even as character references.
_NOT_XML_CHARACTERS = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def tag_for(field: str) -> str:
    return field.replace("_", "-")


def escape_text(text: str) -> str:
    return text.translate(_ESCAPES)


def _check_characters(field: str, text: str) -> None:
    if _NOT_XML_CHARACTERS.search(text):
        label = CONTACT_FIELD_LABELS.get(field, field)
        message = f"{label} contains a character that cannot be sent to Harvest; retype it."
        raise ValidationError(message, fields={field: [message]})


def element(field: str, value: Any) -> str:
    """One field as an element: None is nil="true", integers say type="integer"."""
    tag = tag_for(field)
    if value is None:
        return f'<{tag} nil="true"/>'
    if field in INTEGER_FIELDS:
        return f'<{tag} type="integer">{int(value)}</{tag}>'
    text = str(value)
    _check_characters(field, text)
    return f"<{tag}>{escape_text(text)}</{tag}>"


def _contact_document(fields: Mapping[str, Any]) -> bytes:
    lines = [f"  {element(name, value)}" for name, value in fields.items()]
    return (
        XML_DECLARATION + "<contact>\n" + "".join(f"{line}\n" for line in lines) + "</contact>\n"
    ).encode("utf-8")


def contact_create_body(contact: Contact) -> bytes:
    """A create sends the editable fields it has: no id, no timestamps, no empty fields."""
    values = {name: value for name, value in contact.editable_values().items() if value is not None}
    return _contact_document(values)


def contact_update_body(changes: Mapping[str, Any]) -> bytes:
    """An update sends only the changed fields; a cleared one (None) goes as nil="true"."""
    unknown = [name for name in changes if name not in EDITABLE_CONTACT_FIELDS]
    if unknown:
        raise ValueError(f"not editable contact fields: {sorted(unknown)}")
    ordered = {name: changes[name] for name in EDITABLE_CONTACT_FIELDS if name in changes}
    return _contact_document(ordered)
