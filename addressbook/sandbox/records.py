"""Turns a parsed request body (dashed names -> text or None) into store field changes.

Read-only elements (id, created-at, updated-at, cache-version) and unknown
elements are ignored, as Rails ignored attributes it was not allowed to set.
"""

from __future__ import annotations

from typing import Any

from . import wire
from .store import InvalidRecord

_CONTACT_TEXT = {wire.dashed(name): name for name in wire.CONTACT_TEXT_FIELDS}
_CLIENT_TEXT = {wire.dashed(name): name for name in ("name", *wire.CLIENT_TEXT_FIELDS)}


def _integer(value: str | None, label: str) -> int | None:
    if value is None:
        return None
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidRecord([f"{label} is invalid"]) from None


def _boolean(value: str | None, label: str) -> bool | None:
    if value is None:
        return None
    text = value.strip().lower()
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise InvalidRecord([f"{label} is invalid"])


def contact_changes(values: dict[str, str | None]) -> dict[str, Any]:
    changes: dict[str, Any] = {
        _CONTACT_TEXT[name]: value for name, value in values.items() if name in _CONTACT_TEXT
    }
    if "client-id" in values:
        changes["client_id"] = _integer(values["client-id"], "Client")
    return changes


def client_changes(values: dict[str, str | None]) -> dict[str, Any]:
    changes: dict[str, Any] = {
        _CLIENT_TEXT[name]: value for name, value in values.items() if name in _CLIENT_TEXT
    }
    if "highrise-id" in values:
        changes["highrise_id"] = _integer(values["highrise-id"], "Highrise")
    active = _boolean(values.get("active"), "Active")
    if active is not None:
        changes["active"] = active
    return changes
