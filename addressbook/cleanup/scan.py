"""The clean-up scan: what needs attention in an account, as plain data for the view.

Runs on the worker over the contacts as the user sees them (queued edits
included); 100,000 contacts take well under a second (bench/bench_cleanup.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from addressbook.core.models import Client, Contact
from addressbook.core.validation import validate_field

from .duplicates import find_duplicates
from .phones import candidates

NO_WAY_TO_REACH = "No email and no phone"
NO_LAST_NAME = "No last name"
BAD_EMAIL = "Email does not look like an address"


@dataclass(frozen=True, slots=True)
class Incomplete:
    contact: Contact
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CleanupReport:
    duplicates: list[list[Contact]] = field(default_factory=list)
    phones: list[tuple[Contact, str, str]] = field(default_factory=list)  # contact, field, value
    incomplete: list[Incomplete] = field(default_factory=list)
    inactive: list[Contact] = field(default_factory=list)  # at clients Harvest marks inactive
    # Counted once by scan() on the worker: at 100k a count costs the GUI thread 75 ms.
    counted: int | None = None

    @property
    def count(self) -> int:
        """What the sidebar shows: how many contacts need attention, each counted once."""
        if self.counted is not None:
            return self.counted
        ids = {id(c) for group in self.duplicates for c in group}
        ids.update(id(contact) for contact, _field, _value in self.phones)
        ids.update(id(item.contact) for item in self.incomplete)
        ids.update(id(contact) for contact in self.inactive)
        return len(ids)


def reasons_incomplete(contact: Contact) -> tuple[str, ...]:
    reasons = []
    if not (contact.email or contact.phone_office or contact.phone_mobile):
        reasons.append(NO_WAY_TO_REACH)
    if not (contact.last_name or "").strip():
        reasons.append(NO_LAST_NAME)
    # Harvest accepts addresses our dialog refuses; only a non-empty one is checked.
    if contact.email and contact.email.strip() and validate_field("email", contact.email):
        reasons.append(BAD_EMAIL)
    return tuple(reasons)


def scan(contacts: Sequence[Contact], clients: Sequence[Client]) -> CleanupReport:
    inactive_ids = {client.id for client in clients if not client.active}
    incomplete = []
    for contact in contacts:
        if reasons := reasons_incomplete(contact):
            incomplete.append(Incomplete(contact, reasons))
    report = CleanupReport(
        duplicates=find_duplicates(contacts),
        phones=candidates(contacts),
        incomplete=incomplete,
        inactive=[contact for contact in contacts if contact.client_id in inactive_ids],
    )
    return replace(report, counted=report.count)
