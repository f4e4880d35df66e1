"""Likely duplicates: contacts sharing an email, a phone number or a name at one client.

The keys are core.duplicates' (the New contact warning's), so the clean-up view
and the dialog agree on what "the same person" means. Contacts are grouped
transitively (A shares an email with B, B a phone with C: one group of three).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from addressbook.core.duplicates import email_key, name_key
from addressbook.core.models import Contact
from addressbook.core.search import digits
from addressbook.core.validation import PHONE_FIELDS

# Fewer digits than this is an extension or a typo, not a number two people can share.
MIN_PHONE_DIGITS = 6


def keys_of(contact: Contact) -> list[Hashable]:
    """What makes two contacts look like one person: email, each phone's digits, name."""
    found: list[Hashable] = []
    if email := email_key(contact.email):
        found.append(("email", email))
    for field in PHONE_FIELDS:
        number = digits(getattr(contact, field) or "")
        if len(number) >= MIN_PHONE_DIGITS:
            found.append(("phone", number))
    if (name := name_key(contact.client_id, contact.first_name, contact.last_name)) is not None:
        found.append(("name", name))
    return found


def find_duplicates(contacts: Sequence[Contact]) -> list[list[Contact]]:
    """Groups of two or more, each in the order given, groups by their first member."""
    parent = list(range(len(contacts)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    first_with: dict[Hashable, int] = {}
    for position, contact in enumerate(contacts):
        for key in keys_of(contact):
            other = first_with.setdefault(key, position)
            if other != position:
                low, high = sorted((root(other), root(position)))
                parent[high] = low
    groups: dict[int, list[Contact]] = {}
    for position, contact in enumerate(contacts):
        groups.setdefault(root(position), []).append(contact)
    return [group for _, group in sorted(groups.items()) if len(group) > 1]


def shared_reason(group: Sequence[Contact]) -> str:
    """Why a group was formed, in words: the kinds of keys its members share."""
    seen: dict[Hashable, int] = {}
    for contact in group:
        for key in set(keys_of(contact)):
            seen[key] = seen.get(key, 0) + 1
    kinds = sorted({key[0] for key, count in seen.items() if count > 1})  # type: ignore[index]
    words = {"email": "same email", "phone": "same phone", "name": "same name at the client"}
    return ", ".join(words[kind] for kind in kinds)
