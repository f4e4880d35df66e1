"""Merging a group of duplicates: the result field by field, chosen by the user.

Nothing is dropped silently: every field offers each distinct value in the
group, and the default is the kept contact's own value, or the first non-empty one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Contact


@dataclass(frozen=True, slots=True)
class MergePlan:
    """Keep one contact with these values; delete the others."""

    keep: Contact
    values: dict[str, Any]
    others: tuple[Contact, ...]

    @property
    def changes(self) -> dict[str, Any]:
        return {name: v for name, v in self.values.items() if getattr(self.keep, name) != v}


def options(group: Sequence[Contact]) -> dict[str, list[Any]]:
    """Each field's distinct values across the group, in group order (empty ones last)."""
    found: dict[str, list[Any]] = {}
    for name in EDITABLE_CONTACT_FIELDS:
        values: list[Any] = []
        for contact in group:
            value = getattr(contact, name)
            if value not in values:
                values.append(value)
        found[name] = sorted(values, key=lambda v: v is None or v == "")
    return found


def default_values(keep: Contact, group: Sequence[Contact]) -> dict[str, Any]:
    """The kept contact's values, its empty fields filled from the others."""
    values = keep.editable_values()
    for name, value in values.items():
        if value is None or value == "":
            values[name] = next(
                (getattr(c, name) for c in group if getattr(c, name) not in (None, "")), value
            )
    return values


def plan(keep: Contact, group: Sequence[Contact], chosen: Mapping[str, Any]) -> MergePlan:
    values = {**default_values(keep, group), **chosen}
    unknown = set(chosen) - set(EDITABLE_CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"not contact fields: {sorted(unknown)}")
    others = tuple(contact for contact in group if contact.id != keep.id)
    return MergePlan(keep, values, others)
