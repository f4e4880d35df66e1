"""What an import would do, row by row, before anything is written.

Each record gets a client (its company matched case- and accent-insensitively
to an active Harvest client, else the client the user picked for the rest; we
never create clients), the Contact that would be created, its validation
problems (shown and skipped, never fixed behind the user's back), and whether it
looks like a contact that exists already or like an earlier row of the file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum

from addressbook.core.collector import collector_paused
from addressbook.core.contact_builder import build_contact, slots_builder
from addressbook.core.duplicates import (
    DuplicateIndex,
    NameKey,
    describe_duplicate,
)
from addressbook.core.models import ID_LIMIT, Client, Contact
from addressbook.core.search import fold
from addressbook.core.validation import MAX_EMAIL_LENGTH, validate_contact, validate_field

from .records import ImportRecord

_DIGIT = re.compile(r"\d")
# Narrower than validation's email rule (every match passes it): most addresses, in one match.
_PLAIN_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}\Z")


class RowStatus(Enum):
    NEW = "Will import"
    EXISTING_DUPLICATE = "Duplicate"
    FILE_DUPLICATE = "Duplicate in file"
    PROBLEM = "Problem"


@dataclass(frozen=True, slots=True)
class PlannedRow:
    record: ImportRecord
    contact: Contact
    client: Client | None
    status: RowStatus
    reason: str = ""  # the problems, or what it duplicates

    @property
    def is_duplicate(self) -> bool:
        return self.status in (RowStatus.EXISTING_DUPLICATE, RowStatus.FILE_DUPLICATE)

    @property
    def left_out(self) -> str:
        """'not imported: Home +1 555 0100, Other b@x.example': values Harvest has no room for."""
        others = self.record.others
        return "not imported: " + ", ".join(o.describe() for o in others) if others else ""

    def status_text(self, include_duplicates: bool) -> str:
        """The row's verdict as the preview shows it, then what was left out and noticed."""
        text: str = self.status.value
        if self.is_duplicate:
            verdict = "will import" if include_duplicates else "skipped"
            text = f"{text}, {verdict}: {self.reason}"
        elif self.status is RowStatus.PROBLEM:
            text = f"{text}: {self.reason}"
        if self.left_out:
            text = f"{text.rstrip('.')}; {self.left_out}"
        for note in self.record.notes:
            text = f"{text.rstrip('.')}. {note}"
        return text


@dataclass(frozen=True, slots=True)
class ImportPlan:
    rows: tuple[PlannedRow, ...]
    include_duplicates: bool = False

    def contacts_to_create(self) -> list[Contact]:
        return [row.contact for row in self.rows if self.will_import(row)]

    def will_import(self, row: PlannedRow) -> bool:
        return row.status is RowStatus.NEW or (self.include_duplicates and row.is_duplicate)

    def counts(self) -> dict[RowStatus, int]:
        found = dict.fromkeys(RowStatus, 0)
        for row in self.rows:
            found[row.status] += 1
        return found

    def summary(self) -> str:
        """'142 contacts will be added, 3 duplicates skipped, 2 with problems'."""
        counts = self.counts()
        duplicates = counts[RowStatus.EXISTING_DUPLICATE] + counts[RowStatus.FILE_DUPLICATE]
        added = counts[RowStatus.NEW] + (duplicates if self.include_duplicates else 0)
        parts = [f"{_count(added, 'contact')} will be added"]
        if duplicates:
            kept = "included" if self.include_duplicates else "skipped"
            parts.append(f"{_count(duplicates, 'duplicate')} {kept}")
        if counts[RowStatus.PROBLEM]:
            parts.append(f"{counts[RowStatus.PROBLEM]:,} with problems")
        return ", ".join(parts)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number:,} {noun}s"


def company_key(name: str) -> str:
    """Companies compare ignoring case, accents and runs of spaces."""
    return " ".join(fold(name).split())


class ClientMatcher:
    """Active clients by company key; a key shared by two clients matches neither."""

    def __init__(self, clients: Iterable[Client]) -> None:
        self._resolved: dict[tuple[str, int | None], tuple[Client | None, str]] = {}
        self.by_key: dict[str, Client | None] = {}
        for client in clients:
            if client.active:
                key = company_key(client.name)
                self.by_key[key] = None if key in self.by_key else client

    def resolve(self, company: str, fallback: Client | None) -> tuple[Client | None, str]:
        """The company's client, else the fallback; or None and what the user should do.

        A file names a few companies many times: each is resolved once."""
        memo_key = (company, fallback.id if fallback else None)
        found = self._resolved.get(memo_key)
        if found is None:
            found = self._resolved[memo_key] = self._resolve(company, fallback)
        return found

    def _resolve(self, company: str, fallback: Client | None) -> tuple[Client | None, str]:
        key = company_key(company)
        if key in self.by_key:
            client = self.by_key[key]
            if client is None:
                return None, f"Several active clients are called “{company.strip()}”."
            return client, ""
        if fallback is not None:
            return fallback, ""
        if not key:
            return None, "No company given: choose a client for the rest."
        name = company.strip()
        return None, f"No active client is called “{name}”: choose a client for the rest."


def build_plan(
    records: Sequence[ImportRecord],
    clients: Sequence[Client],
    existing: Iterable[Contact] | DuplicateIndex,
    *,
    fallback_client: Client | None = None,
    include_duplicates: bool = False,
    progress: Callable[[int], None] | None = None,
) -> ImportPlan:
    """progress(rows planned), every thousand rows, may raise to stop the planning."""
    # 100k rows and an index of 100k contacts, none with reference cycles: the collector's
    # passes over them would cost a fifth of the planning (see core.collector).
    with collector_paused():
        matcher = ClientMatcher(clients)
        # A prepared index lets a preview re-plan (another client picked) without
        # rebuilding it.
        index = existing if isinstance(existing, DuplicateIndex) else DuplicateIndex.build(existing)
        checks = _DuplicateChecks(index, {c.id: c.name for c in clients})
        rows: list[PlannedRow] = []
        resolve, append, classify = matcher.resolve, rows.append, checks.classify
        for record in records:
            client, unmatched = resolve(record.company, fallback_client)
            contact = contact_from_record(record, client.id if client else 0)
            if client is not None and _surely_valid(contact):  # nearly every row
                append(_planned(record, contact, client, *classify(contact, record.where)))
            else:
                append(_checked_row(record, contact, client, unmatched, checks))
            if progress is not None and len(rows) % 1000 == 0:
                progress(len(rows))
    return ImportPlan(tuple(rows), include_duplicates)


def contact_from_record(record: ImportRecord, client_id: int) -> Contact:
    """The contact to create: values trimmed, empty optional fields None, nothing else changed."""
    r = record  # built through the slots (core.contact_builder): this runs once per row
    return build_contact(
        None,
        client_id,
        r.first_name.strip(),
        r.last_name.strip(),
        r.title.strip() or None,
        r.email.strip() or None,
        r.phone_office.strip() or None,
        r.phone_mobile.strip() or None,
        r.fax.strip() or None,
        None,
        None,
    )


# PlannedRow(...) through its slots: one per row of the file (see core.contact_builder).
_planned = slots_builder(PlannedRow)


def _checked_row(
    record: ImportRecord,
    contact: Contact,
    client: Client | None,
    unmatched: str,
    checks: _DuplicateChecks,
) -> PlannedRow:
    """A row the quick test could not pass: the full validation, with its exact messages."""
    problems = validate_contact(contact.editable_values())
    if client is None:
        problems.pop("client_id", None)
        problems = {"client_id": [unmatched], **problems}
    if problems:
        reason = " ".join(message for messages in problems.values() for message in messages)
        return _planned(record, contact, client, RowStatus.PROBLEM, reason)
    status, reason = checks.classify(contact, record.where)
    return _planned(record, contact, client, status, reason)


def _surely_valid(contact: Contact) -> bool:
    """A quick test that validate_contact would find nothing, true for nearly every row.

    Conservative: each condition implies one of the rules holds (names present, texts
    short and printable, phones with a digit); anything else gets the full validation
    and its exact messages.
    """
    c = contact
    first, last = c.first_name, c.last_name
    if not (first and last and 0 < c.client_id < ID_LIMIT):
        return False
    title, email, office, mobile, fax = c.title, c.email, c.phone_office, c.phone_mobile, c.fax
    joined = f"{first}{last}{title or ''}{email or ''}{office or ''}{mobile or ''}{fax or ''}"
    if not joined.isprintable():
        return False
    # Every value is at most as long as all of them together: one test for nearly every row.
    if (
        len(joined) > MAX_EMAIL_LENGTH
        and max(len(value or "") for value in (first, last, title, email, office, mobile, fax))
        > MAX_EMAIL_LENGTH
    ):
        return False
    search = _DIGIT.search
    if (
        (office and not search(office))
        or (mobile and not search(mobile))
        or (fax and not search(fax))
    ):
        return False
    if email is None or _PLAIN_EMAIL.match(email):
        return True
    return not validate_field("email", email)


class _DuplicateChecks:
    """Existing contacts, and the emails and names of the rows planned so far (a file
    listing someone twice)."""

    def __init__(self, index: DuplicateIndex, client_names: dict[int, str]) -> None:
        self.index = index
        self.client_names = client_names
        self.by_email: dict[str, str] = {}
        self.by_name: dict[NameKey, str] = {}

    def classify(self, contact: Contact, where: str) -> tuple[RowStatus, str]:
        # Once per row: the keys are computed once for both checks (index.matches would
        # fold again), and email_key and name_key are inlined (the values are trimmed).
        c = contact
        email = c.email.casefold() if c.email else ""
        first, last = c.first_name, c.last_name
        key = (c.client_id, fold(f"{first}\x1f{last}")) if first and last else None
        # An earlier row of the file with the same email or name; this row is recorded.
        earlier = twin = None
        if email:
            earlier = self.by_email.get(email)
            if earlier is None:
                self.by_email[email] = where
            twin = self.index.by_email.get(email)
        if key is not None:
            same_name = self.by_name.get(key)
            if same_name is None:
                self.by_name[key] = where
            earlier = earlier or same_name
            if twin is None:
                twin = self.index.by_name.get(key)
        if twin is not None:
            return RowStatus.EXISTING_DUPLICATE, describe_duplicate(
                twin, self.client_names.get(twin.client_id)
            )
        if earlier:
            return RowStatus.FILE_DUPLICATE, f"Same person as {earlier}."
        return RowStatus.NEW, ""
