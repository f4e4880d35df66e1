"""The words of the "Unsynced changes" panel: what each queued change or conflict is."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from addressbook.core import CONTACT_FIELD_LABELS, Contact
from addressbook.core.display import for_display

_STATE_TEXT = {
    "queued": "Waiting to be sent",
    "sending": "Sending",
    "unknown": "Checking whether it reached Harvest",
    "rejected": "Refused by Harvest",
}
_CONFLICT_TEXT = {
    "fields": "Changed here and in Harvest: choose which to keep",
    "deleted_on_server": "Deleted in Harvest while you changed it: choose",
    "changed_on_server": "Changed in Harvest while you deleted it: choose",
}


def _name_from(changes: Mapping[str, Any] | None) -> str:
    changes = changes or {}
    parts = (changes.get("first_name"), changes.get("last_name"))
    return " ".join(str(part) for part in parts if part).strip()


def contact_name(change: Any, contacts_by_id: Mapping[int, Contact]) -> str:
    contact = contacts_by_id.get(change.contact_id)
    if contact is not None and contact.full_name:
        return for_display(contact.full_name)
    # A queued delete has left the local view; its base holds the contact as it was.
    changes, base = getattr(change, "changes", None), getattr(change, "base", None)
    found = for_display(_name_from(changes) or _name_from(base))
    return found or f"contact {change.contact_id}"


def _field_list(names: Any) -> str:
    return ", ".join(CONTACT_FIELD_LABELS.get(name, name).lower() for name in names or ())


def describe_change(change: Any, contacts_by_id: Mapping[int, Contact]) -> str:
    """ "Edit Jane Doe: email, office phone", "New contact Zoë Łukasz", "Delete Jane Doe"."""
    name = contact_name(change, contacts_by_id)
    if change.kind == "create":
        return f"New contact {name}"
    if change.kind == "delete":
        return f"Delete {name}"
    fields = _field_list(change.changes)
    return f"Edit {name}: {fields}" if fields else f"Edit {name}"


def describe_conflict(conflict: Any, contacts_by_id: Mapping[int, Contact]) -> str:
    """ "Conflict on Jane Doe: title, email"."""
    name = contact_name(conflict, contacts_by_id)
    fields = _field_list(getattr(conflict, "fields", None))
    return f"Conflict on {name}: {fields}" if fields else f"Conflict on {name}"


def change_status(change: Any) -> str:
    """The state in words; a refusal in Harvest's own words."""
    state = getattr(change, "state", None) or "queued"
    error = getattr(change, "error", None)
    if state == "rejected" and error:
        return str(error)
    if error:
        return f"Not sent: {error}"
    return _STATE_TEXT.get(state, _STATE_TEXT["queued"])


def conflict_status(conflict: Any) -> str:
    return _CONFLICT_TEXT.get(getattr(conflict, "kind", None) or "fields", _CONFLICT_TEXT["fields"])


def queued_at_text(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return ""
    local = when.astimezone() if when.tzinfo else when
    today = (now or datetime.now(local.tzinfo)).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%d %b %H:%M")


_MAX_VALUE = 60
# Ids mean nothing to a reader: a changed client is said without its number.
_UNSHOWN_VALUES = {"client_id"}


def shown_value(value: Any) -> str:
    """A field's value on one line, as typed: '(empty)' for nothing, long ones cut with '…'."""
    text = for_display("" if value is None else str(value)).strip()
    if not text:
        return "(empty)"
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def _label(name: str) -> str:
    return CONTACT_FIELD_LABELS.get(name, name)


def field_changes(change: Any) -> list[str]:
    """Per field, what the change does: 'Email: ann@old.example → ann@new.example'.

    A new contact lists the values it will have; a delete lists nothing (its line says it)."""
    changes: Mapping[str, Any] = getattr(change, "changes", None) or {}
    base: Mapping[str, Any] = getattr(change, "base", None) or {}
    if change.kind == "delete":
        return []
    lines = []
    for name, new in changes.items():
        if name in _UNSHOWN_VALUES:
            lines.append(f"{_label(name)}: changed")
        elif change.kind == "create":
            if new not in (None, ""):
                lines.append(f"{_label(name)}: {shown_value(new)}")
        else:
            lines.append(f"{_label(name)}: {shown_value(base.get(name))} → {shown_value(new)}")
    return lines


def conflict_fields(conflict: Any) -> list[str]:
    """'Title: here “Boss”, in Harvest “Chief”' for each field changed on both sides."""
    fields: Mapping[str, tuple[Any, Any]] = getattr(conflict, "fields", None) or {}
    lines = []
    for name, (mine, theirs) in fields.items():
        if name in _UNSHOWN_VALUES:
            lines.append(f"{_label(name)}: changed on both sides")
        else:
            lines.append(
                f"{_label(name)}: here “{shown_value(mine)}”, in Harvest “{shown_value(theirs)}”"
            )
    return lines
