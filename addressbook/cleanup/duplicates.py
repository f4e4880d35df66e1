"""Likely duplicates: contacts sharing an email, a phone number or a name at one client.

The keys are core.duplicates' (the New contact warning's), so the clean-up view
and the dialog agree on what "the same person" means. Contacts are grouped
transitively (A shares an email with B, B a phone with C: one group of three).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import Any

from addressbook.core.collector import collector_paused
from addressbook.core.duplicates import email_key, name_key
from addressbook.core.models import Contact
from addressbook.core.search import digits, fold
from addressbook.core.validation import PHONE_FIELDS

# Fewer digits than this is an extension or a typo, not a number two people can share.
MIN_PHONE_DIGITS = 6
# A value more contacts share is not one person's (a switchboard, a common name): it
# groups no one. And a chain of shared values stops at MAX_GROUP contacts, or a whole
# company could link into one "duplicate" group no one could review.
MAX_SHARING_A_KEY = 6
MAX_GROUP = 8
_PHONE_PUNCTUATION = b" ()+-./"


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
    groups = _Groups()
    with collector_paused():
        collisions = _collisions(contacts)
    for first, others in collisions:
        if len(others) < MAX_SHARING_A_KEY:
            for other in others:
                groups.join(first, other)
    found: dict[int, list[Contact]] = {}
    for position in sorted(groups.size):
        found.setdefault(groups.root(position), []).append(contacts[position])
    return [found[key] for key in sorted(found) if len(found[key]) > 1]


def _collisions(contacts: Sequence[Contact]) -> list[tuple[int, list[int]]]:
    """(first position, later positions) of each email, phone digits or (client, folded
    name) seen more than once: keys_of() inlined, in one pass, as the scan runs it over
    every contact. Only a repeated key costs a list."""
    seen: dict[Any, int] = {}
    folded: dict[str, str] = {}
    punctuation = _PHONE_PUNCTUATION
    repeated: list[tuple[Any, int]] = []
    note = repeated.append
    for position, c in enumerate(contacts):
        if c.email and (email := c.email.strip().casefold()):
            if seen.setdefault(email, position) != position:
                note((email, position))
        for number in (c.phone_office, c.phone_mobile, c.fax):
            if number:
                # Bytes: translate() is 4x faster there, and never equal to an email (str).
                plain = number.encode().translate(None, punctuation)
                if not plain.isdigit():
                    plain = digits(number).encode()
                if len(plain) >= MIN_PHONE_DIGITS and seen.setdefault(plain, position) != position:
                    note((plain, position))
        first, last = c.first_name.strip(), c.last_name.strip()
        if first and last:
            joined = f"{first}\x1f{last}"
            name = folded.get(joined)
            if name is None:
                name = folded[joined] = fold(joined)
            key = (c.client_id, name)
            if seen.setdefault(key, position) != position:
                note((key, position))
    later: dict[Any, list[int]] = {}
    for key, position in repeated:
        later.setdefault(key, []).append(position)
    return [(seen[key], positions) for key, positions in later.items()]


class _Groups:
    """Union-find over the few contacts that share a key, refusing to chain past MAX_GROUP."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}
        self.size: dict[int, int] = {}

    def root(self, position: int) -> int:
        while (up := self.parent.get(position, position)) != position:
            self.parent[position] = self.parent.get(up, up)
            position = up
        return position

    def join(self, left: int, right: int) -> None:
        low, high = sorted((self.root(left), self.root(right)))
        together = self.size.setdefault(low, 1) + self.size.setdefault(high, 1)
        if low != high and together <= MAX_GROUP:
            self.parent[high] = low
            self.size[low] = together


def shared_reason(group: Sequence[Contact]) -> str:
    """Why a group was formed, in words: the kinds of keys its members share."""
    seen: dict[Hashable, int] = {}
    for contact in group:
        for key in set(keys_of(contact)):
            seen[key] = seen.get(key, 0) + 1
    kinds = sorted({key[0] for key, count in seen.items() if count > 1})  # type: ignore[index]
    words = {"email": "same email", "phone": "same phone", "name": "same name at the client"}
    return ", ".join(words[kind] for kind in kinds)
