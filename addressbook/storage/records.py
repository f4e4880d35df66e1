"""What the cache hands out about its outbox and conflicts: small immutable records."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

PendingKind = Literal["create", "update", "delete"]
# queued: waiting; sending: a request is (or was, before a crash) on the wire;
# unknown: a create whose reply was lost, to be looked up before any resend;
# rejected: the server refused it (see .error); kept until the user edits or discards it.
PendingState = Literal["queued", "sending", "unknown", "rejected"]
# fields: both sides changed the same fields differently;
# deleted_on_server: the user edited a contact someone deleted (theirs is None);
# changed_on_server: the user deleted a contact someone changed (mine is None).
ConflictKind = Literal["fields", "deleted_on_server", "changed_on_server"]


@dataclass(frozen=True, slots=True)
class PendingChange:
    """One queued edit: `changes` holds only the fields the user changed (all, for a create)."""

    id: int
    kind: PendingKind
    contact_id: int
    changes: dict[str, Any]
    created_at: datetime
    state: PendingState = "queued"
    error: str | None = None
    # The values the user saw before editing (update), or the whole contact (delete):
    # what the server must still hold for the change to go through without a conflict.
    base: dict[str, Any] = field(default_factory=dict)
    sent_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A change the server and the user both made; nothing is sent until the user chooses."""

    contact_id: int
    fields: dict[str, tuple[Any, Any]]  # field -> (mine, theirs)
    kind: ConflictKind = "fields"
    created_at: datetime | None = None
