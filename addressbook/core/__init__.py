"""Qt-free domain: records, validation rules and search keys."""

from .models import (
    CLIENT_FIELDS,
    CONTACT_FIELD_LABELS,
    CONTACT_FIELDS,
    EDITABLE_CONTACT_FIELDS,
    Client,
    Contact,
    changed_fields,
)
from .validation import describe_problems, validate_changes, validate_contact, validate_field

__all__ = [
    "CLIENT_FIELDS",
    "CONTACT_FIELDS",
    "CONTACT_FIELD_LABELS",
    "EDITABLE_CONTACT_FIELDS",
    "Client",
    "Contact",
    "changed_fields",
    "describe_problems",
    "validate_changes",
    "validate_contact",
    "validate_field",
]
