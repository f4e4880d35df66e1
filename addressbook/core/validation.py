"""Contact validation rules, shared by the dialogs, the cache and the API layer.

Every rule returns words a user understands; a field may have several problems
and all of them are reported, so the dialog can show them inline at once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from .models import CONTACT_FIELD_LABELS, EDITABLE_CONTACT_FIELDS, ID_LIMIT

MAX_NAME_LENGTH = 255
MAX_EMAIL_LENGTH = 254
MAX_TEXT_LENGTH = 255
REQUIRED_FIELDS = ("client_id", "first_name", "last_name")
PHONE_FIELDS = ("phone_office", "phone_mobile", "fax")
TEXT_FIELDS = ("first_name", "last_name", "title", "email", *PHONE_FIELDS)

# local@domain.tld: no spaces, one @, a dot in the domain, no empty labels.
_EMAIL = re.compile(
    r"^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$",
)

Problems = dict[str, list[str]]


def _has_control_characters(text: str) -> bool:
    # isprintable() is False for every character of these categories (and for a few
    # harmless separators), so the common case needs no per-character lookup.
    if text.isprintable():
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in text)


def _check_text(name: str, value: Any) -> list[str]:
    label = CONTACT_FIELD_LABELS[name]
    if value is None:
        return []
    if not isinstance(value, str):
        return [f"{label} must be text."]
    problems = []
    limit = MAX_EMAIL_LENGTH if name == "email" else MAX_TEXT_LENGTH
    if len(value) > limit:
        problems.append(f"{label} is too long ({len(value)} characters; at most {limit}).")
    if _has_control_characters(value):
        problems.append(f"{label} contains invisible control characters; retype it.")
    return problems


def _check_required(name: str, value: Any) -> list[str]:
    label = CONTACT_FIELD_LABELS[name]
    if name == "client_id":
        # Harvest ids are positive 64-bit integers; anything else names no client.
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < ID_LIMIT:
            return ["Choose a client for this contact."]
        return []
    if value is None or (isinstance(value, str) and not value.strip()):
        return [f"{label} is required."]
    return []


def _check_email(value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    if not _EMAIL.match(value.strip()):
        return ["Email does not look like an address (name@example.com)."]
    return []


def _check_phone(name: str, value: Any) -> list[str]:
    if not isinstance(value, str) or not value.strip():
        return []
    if not any(ch.isdigit() for ch in value):
        return [f"{CONTACT_FIELD_LABELS[name]} must contain at least one digit."]
    return []


def validate_field(name: str, value: Any, *, required: bool = True) -> list[str]:
    """Every problem with one field's value, or an empty list."""
    problems: list[str] = []
    if name in REQUIRED_FIELDS and required:
        problems += _check_required(name, value)
    if name in TEXT_FIELDS:
        problems += _check_text(name, value)
    if name == "email":
        problems += _check_email(value)
    if name in PHONE_FIELDS:
        problems += _check_phone(name, value)
    return problems


def validate_contact(values: Mapping[str, Any]) -> Problems:
    """Problems of a complete contact (a create), by field. Empty when valid."""
    problems: Problems = {}
    for name in EDITABLE_CONTACT_FIELDS:
        found = validate_field(name, values.get(name))
        if found:
            problems[name] = found
    return problems


def validate_changes(changes: Mapping[str, Any]) -> Problems:
    """Problems of a partial update: only the fields being changed are checked."""
    problems: Problems = {}
    for name, value in changes.items():
        if name not in EDITABLE_CONTACT_FIELDS:
            problems[name] = [f"'{name}' is not a contact field that can be changed."]
            continue
        found = validate_field(name, value)
        if found:
            problems[name] = found
    return problems


def describe_problems(problems: Problems) -> str:
    """All problems as one sentence-per-line text, for messages and logs."""
    return "\n".join(message for messages in problems.values() for message in messages)
