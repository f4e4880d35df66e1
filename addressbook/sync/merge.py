"""Pure merge rules: what to send, what is a conflict, which server contact is ours.

Three versions meet: what the user saw before editing (`seen`), the user's
values (`changes`), and the server's current copy. Only fields the user changed
are ever considered, so fields changed only on the server are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from addressbook.core.models import Contact


@dataclass(frozen=True, slots=True)
class Merge:
    send: dict[str, Any] = field(default_factory=dict)  # changed only by the user
    conflicts: dict[str, tuple[Any, Any]] = field(default_factory=dict)  # field -> (mine, theirs)


def merge_update(changes: Mapping[str, Any], seen: Mapping[str, Any], server: Contact) -> Merge:
    """Three-way merge of one queued update against the server's current copy.

    - the server still has what the user saw: the user's value is sent;
    - the server already has the user's value: nothing to send (also what a resend after
      a crash finds, which makes updates idempotent);
    - otherwise both changed it differently: a conflict, and the server's value stays.
    """
    send: dict[str, Any] = {}
    conflicts: dict[str, tuple[Any, Any]] = {}
    for name, mine in changes.items():
        theirs = getattr(server, name)
        if _same(theirs, mine):
            continue
        if name not in seen or _same(theirs, seen[name]):
            send[name] = mine
        else:
            conflicts[name] = (mine, theirs)
    return Merge(send, conflicts)


def changed_since(seen: Mapping[str, Any], server: Contact) -> dict[str, Any]:
    """Fields the server changed since the user saw the contact: a delete must not hide them."""
    return {
        name: getattr(server, name)
        for name, value in seen.items()
        if not _same(getattr(server, name), value)
    }


def find_created(
    candidates: Iterable[Contact],
    wanted: Mapping[str, Any],
    *,
    taken: set[int],
    since: datetime | None,
) -> Contact | None:
    """The contact a create of unknown outcome made, if any: same client, names and email,
    created since it was sent, and not already adopted by another create."""
    matches = [
        contact
        for contact in candidates
        if contact.id is not None
        and contact.id not in taken
        and contact.client_id == wanted.get("client_id")
        and _same(contact.first_name, wanted.get("first_name"))
        and _same(contact.last_name, wanted.get("last_name"))
        and _same(contact.email, wanted.get("email"))
        and (since is None or contact.created_at is None or contact.created_at >= since)
    ]
    if not matches:
        return None
    earliest = datetime.min.replace(tzinfo=UTC)
    return min(matches, key=lambda contact: (contact.created_at or earliest, contact.id or 0))


def _same(left: Any, right: Any) -> bool:
    """Equal, treating None and '' alike (the API may send either for an empty field)."""
    if isinstance(left, str) and isinstance(right, str):
        return left.strip() == right.strip()
    return (left if left != "" else None) == (right if right != "" else None)
