"""Spot a new contact that looks like one already there: same email, or same name at the client.

The index is built once when a dialog opens and then answers each keystroke
with two dict look-ups, so it stays instant with 100,000 contacts. A match is
only advice: two people may share a name, so nothing here refuses a save.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .models import Contact
from .search import fold

NameKey = tuple[int, str]


def email_key(email: str | None) -> str:
    """Emails compare case-insensitively, ignoring spaces typed around them."""
    return (email or "").strip().casefold()


def _folded_name(first: str, last: str) -> str:
    # fold() works character by character, so folding "first<US>last" folds each part.
    return fold(f"{first}\x1f{last}")


def name_key(
    client_id: int | None, first_name: str | None, last_name: str | None
) -> NameKey | None:
    """(client, folded first and last name); None until both names are typed and a client chosen."""
    first, last = (first_name or "").strip(), (last_name or "").strip()
    if client_id is None or not first or not last:
        return None
    return (client_id, _folded_name(first, last))


@dataclass(frozen=True, slots=True)
class DuplicateIndex:
    """Existing contacts by email and by (client, folded name); the first one seen wins."""

    by_email: Mapping[str, Contact]
    by_name: Mapping[NameKey, Contact]

    @classmethod
    def build(cls, contacts: Iterable[Contact], *, exclude_id: int | None = None) -> DuplicateIndex:
        """Index contacts; exclude_id leaves out the one being edited (not its own twin)."""
        kept = [c for c in contacts if exclude_id is None or c.id != exclude_id]
        kept.reverse()  # a dict keeps the last value written: reversed, the first contact wins
        # email_key() and _folded_name() are inlined: these loops run once per contact.
        by_email = {c.email.strip().casefold(): c for c in kept if c.email}
        by_email.pop("", None)
        by_name: dict[NameKey, Contact] = {}
        for c in kept:
            first, last = c.first_name.strip(), c.last_name.strip()
            if first and last:
                by_name[c.client_id, fold(f"{first}\x1f{last}")] = c
        return cls(by_email, by_name)

    def matches(
        self,
        client_id: int | None,
        first_name: str | None,
        last_name: str | None,
        email: str | None,
        *,
        original: Contact | None = None,
    ) -> list[Contact]:
        """Contacts that look like the one typed: the email twin first, then the name twin.

        When editing, pass the contact as it was: an email or name the user did not
        change is not news (two people may share a name), so only a change can match.
        """
        found: list[Contact] = []
        typed_email = email_key(email)
        if typed_email and (original is None or typed_email != email_key(original.email)):
            twin = self.by_email.get(typed_email)
            if twin is not None:
                found.append(twin)
        key = name_key(client_id, first_name, last_name)
        if key is not None and (original is None or key != _key_of(original)):
            twin = self.by_name.get(key)
            if twin is not None and all(twin is not seen for seen in found):
                found.append(twin)
        return found


def _key_of(contact: Contact) -> NameKey | None:
    return name_key(contact.client_id, contact.first_name, contact.last_name)


def describe_duplicate(contact: Contact, client_name: str | None) -> str:
    """'Looks like Jane Doe at Acme (jane@acme.com) already exists.'"""
    where = f" at {client_name}" if client_name else ""
    email = f" ({contact.email})" if contact.email else ""
    return f"Looks like {contact.full_name}{where}{email} already exists."
