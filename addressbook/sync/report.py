"""What one sync did, as plain data the worker can hand to the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from addressbook.storage import Conflict

# Why a sync stopped, for code to act on (report.error keeps the words for the user):
# auth: the password was refused (ask for it again; never retry it);
# server: Harvest failed or refused the request (try again later);
# protocol: Harvest's reply could not be understood;
# throttled: Harvest kept asking us to slow down beyond the bounded wait;
# cache: the local cache failed (disk full, locked).
ErrorKind = Literal["auth", "server", "protocol", "throttled", "cache"]


@dataclass(slots=True)
class SyncReport:
    pulled_clients: int = 0
    pulled_contacts: int = 0
    deleted: list[int] = field(default_factory=list)  # removed locally: gone from the server
    pushed: int = 0  # queued changes the server accepted
    created: dict[int, int] = field(default_factory=dict)  # temporary id -> server id
    conflicts: list[Conflict] = field(default_factory=list)  # that arose in this sync
    offline: bool = False  # the network failed; the rest stays queued
    cancelled: bool = False
    throttled_seconds: float = 0.0
    error: str | None = None  # authentication, server or cache failure, in user words
    error_kind: ErrorKind | None = None  # the same failure for code: see ErrorKind
    rejected: dict[int, str] = field(default_factory=dict)  # pending id -> the server's refusal
    full_sweep: bool = False  # the complete lists were fetched (deletions detected)
    purged: int = 0  # contacts that left the trash, past its keep

    @property
    def ok(self) -> bool:
        return not (self.offline or self.cancelled or self.error)
