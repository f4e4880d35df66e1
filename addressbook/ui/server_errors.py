"""Harvest's refusal of a queued change, back in the shape the contact dialog shows.

The outbox keeps the server's words as one line ("Harvest refused the change:
Client is invalid; First name can't be blank", see addressbook.api.statuses).
Each sentence starts with the field's label, Rails style; those are shown under
their field, anything else above the form.
"""

from __future__ import annotations

from addressbook.api.scrub import scrub
from addressbook.core import CONTACT_FIELD_LABELS

_PREFIX = "Harvest refused the change:"


def _labels() -> list[tuple[str, str]]:
    """(label, field), longest first, so "Phone office" wins over "Phone"."""
    found: dict[str, str] = {}
    for name, label in CONTACT_FIELD_LABELS.items():
        found[label.lower()] = name
        found[name.replace("_", " ").lower()] = name  # "phone office", as Rails words it
    return sorted(found.items(), key=lambda pair: -len(pair[0]))


_LABELS = _labels()


def sentences(error: str) -> list[str]:
    # Refusals stored by earlier versions were not scrubbed of echoed credentials.
    text = scrub(error).strip()
    if text.startswith(_PREFIX):
        text = text[len(_PREFIX) :]
    return [part.strip() for part in text.split("; ") if part.strip()]


def field_of(sentence: str) -> str | None:
    lowered = sentence.lower()
    for label, name in _LABELS:
        if lowered.startswith(label + " "):
            return name
    return None


def split_server_error(error: str | None) -> tuple[list[str], dict[str, list[str]]]:
    """(messages for no field in particular, {field: messages}) from a stored refusal."""
    general: list[str] = []
    fields: dict[str, list[str]] = {}
    for sentence in sentences(error or ""):
        name = field_of(sentence)
        if name is None:
            general.append(sentence)
        else:
            fields.setdefault(name, []).append(sentence)
    return general, fields
