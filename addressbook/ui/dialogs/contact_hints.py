"""Soft warnings for contact fields: odd-looking but allowed values.

The hard rules live in addressbook.core.validation and block saving. These
only advise: users type notes such as "ext 12, ask Jenny" into phone fields,
and the app keeps whatever they type.
"""

from __future__ import annotations

from typing import Any

from addressbook.core import CONTACT_FIELD_LABELS
from addressbook.core.validation import PHONE_FIELDS

# Top-level domains mistyped often enough to be worth a question.
_TLD_TYPOS = {
    "con": "com",
    "cmo": "com",
    "ocm": "com",
    "comm": "com",
    "c0m": "com",
    "nte": "net",
    "ogr": "org",
}
_FEW_DIGITS = 4


def _email_hints(value: str) -> list[str]:
    hints = []
    domain = value.rpartition("@")[2]
    tld = domain.rpartition(".")[2].lower()
    if tld in _TLD_TYPOS:
        hints.append(f'Email ends in ".{tld}": did you mean ".{_TLD_TYPOS[tld]}"?')
    if ".." in value or value.startswith(".") or value.partition("@")[0].endswith("."):
        hints.append("Email has a dot in an unusual place; check it.")
    return hints


def _phone_hints(name: str, value: str) -> list[str]:
    digits = sum(ch.isdigit() for ch in value)
    if 0 < digits < _FEW_DIGITS:
        return [f"{CONTACT_FIELD_LABELS[name]} has only {digits} digits; is the number complete?"]
    return []


def field_hints(name: str, value: Any) -> list[str]:
    """Advice about one field's value; never a reason to refuse it."""
    if not isinstance(value, str) or not value.strip():
        return []
    if name == "email":
        return _email_hints(value.strip())
    if name in PHONE_FIELDS:
        return _phone_hints(name, value)
    return []
