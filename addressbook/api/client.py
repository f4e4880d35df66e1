"""HarvestClient: the Harvest v1 Clients and Client Contacts API, as Python calls.

Writes never trust a reply body (Harvest sends none, or a single space): a
create reads the new id from `Location` and GETs it; an update GETs the contact
again. Contacts are validated here before anything is sent.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urlsplit

import httpx

from addressbook.core.models import Client, Contact

from .account import Account
from .codec import parse_document, parse_list, parse_record
from .connected import ConnectedClient, checked_changes, checked_new_contact, record_id
from .encode import contact_create_body, contact_update_body
from .errors import ProtocolError, ValidationError
from .records import CLIENTS, CONTACTS, RecordKind, account_from_item
from .transport import DEFAULT_DEADLINE, DEFAULT_MIN_RATE, Connection, basic_credentials
from .urls import normalize_base_url

T = TypeVar("T")
log = logging.getLogger("addressbook.api")
# ASCII digits only (\d would take any script's), at most a 64-bit id, and the
# `.xml` suffix Rails routes also answer to.
_CONTACT_LOCATION = re.compile(r"/contacts/([0-9]{1,18})(?:\.xml)?/?$")
# One record, or the account: a few fields of at most 64 KiB of text each.
RECORD_REPLY_LIMIT = 4 * 2**20


def since_parameter(moment: datetime) -> str:
    """UTC 'YYYY-MM-DD HH:MM', truncated down to the minute: the API is minute-precise,
    so rounding up would skip changes made in the watermark's own minute."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # naive times are taken as UTC
    try:
        # isoformat, not strftime: %Y drops the leading zeros of years before 1000.
        return moment.astimezone(UTC).isoformat(sep=" ", timespec="minutes")[:16]
    except OverflowError:  # 0001-01-01 00:30+01:00 is before the first UTC minute
        raise ValidationError(
            f"{moment.isoformat()} is not a date Harvest can search from."
        ) from None


def _since(updated_since: datetime | None) -> dict[str, str] | None:
    return None if updated_since is None else {"updated_since": since_parameter(updated_since)}


def contact_id_from_location(location: str | None) -> int:
    """`/contacts/123` or `https://acme.harvestapp.com/contacts/123` -> 123."""
    try:
        path = urlsplit(location or "").path
    except ValueError:  # e.g. a broken IPv6 host: no id to be had from it either
        path = ""
    match = _CONTACT_LOCATION.search(path)
    if match is None:
        raise ProtocolError(
            "Harvest created the contact but did not say its new id; refresh to see it."
        )
    return int(match.group(1))


class HarvestClient(ConnectedClient):
    """One signed-in account. Use from one thread at a time; close() when done.

    `timeout` bounds each wait for the network; `deadline` (seconds) bounds a whole
    request, retries included; a reply slower than `min_rate` bytes/s over 30 s is
    abandoned. A list may grow only as its records justify (codec.ListBudget), and
    never past `max_response_bytes` decoded bytes; one record is read up to 4 MB.
    """

    def __init__(
        self,
        base_url: str,
        email: str,
        password: str,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        max_response_bytes: int = 2 * 2**30,
        max_throttle_wait: float = 300.0,
        requests_per_window: int = 90,
        window_seconds: float = 15.0,
        deadline: float = DEFAULT_DEADLINE,
        min_rate: float = DEFAULT_MIN_RATE,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        self.email = email
        authorization, secrets = basic_credentials(email, password)
        self._connection = Connection(
            self.base_url,
            authorization=authorization,
            secrets=secrets,
            transport=transport,
            timeout=timeout,
            max_response_bytes=max_response_bytes,
            max_throttle_wait=max_throttle_wait,
            requests_per_window=requests_per_window,
            window_seconds=window_seconds,
            deadline=deadline,
            min_rate=min_rate,
        )

    def __repr__(self) -> str:
        return f"HarvestClient({self.base_url!r}, {self.email!r})"

    # Reading -------------------------------------------------------------------------

    def who_am_i(self) -> Account:
        def read(response: httpx.Response, connection: Connection) -> Account:
            body = connection.read_body(response, limit=RECORD_REPLY_LIMIT)
            _root, content = parse_document(body)
            return account_from_item(content)

        return self._connection.request("GET", "/account/who_am_i", read, subject="your account")

    def list_clients(self, updated_since: datetime | None = None) -> list[Client]:
        return self._list("/clients", CLIENTS, _since(updated_since), "the list of clients")

    def get_client(self, client_id: int) -> Client:
        client_id = record_id(client_id, "client")
        return self._get(f"/clients/{client_id}", CLIENTS, f"client {client_id}")

    def list_contacts(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> list[Contact]:
        if client_id is None:
            return self._list("/contacts", CONTACTS, _since(updated_since), "the contacts")
        client_id = record_id(client_id, "client")
        return self._list(
            f"/clients/{client_id}/contacts",
            CONTACTS,
            _since(updated_since),
            f"the contacts of client {client_id}",
        )

    def get_contact(self, contact_id: int) -> Contact:
        contact_id = record_id(contact_id, "contact")
        return self._get(f"/contacts/{contact_id}", CONTACTS, f"contact {contact_id}")

    def _list(
        self, path: str, kind: RecordKind[T], params: dict[str, str] | None, subject: str
    ) -> list[T]:
        def read(response: httpx.Response, connection: Connection) -> list[T]:
            return parse_list(connection.chunks(response), kind)  # parsed while it arrives

        return self._connection.request("GET", path, read, subject=subject, params=params)

    def _get(self, path: str, kind: RecordKind[T], subject: str) -> T:
        def read(response: httpx.Response, connection: Connection) -> T:
            return parse_record(connection.read_body(response, limit=RECORD_REPLY_LIMIT), kind)

        return self._connection.request("GET", path, read, subject=subject)

    # Writing -------------------------------------------------------------------------

    def create_contact(self, contact: Contact) -> Contact:
        checked_new_contact(contact)
        location = self._write("POST", "/contacts", contact_create_body(contact), "the contact")
        return self._created(contact, contact_id_from_location(location))

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact:
        contact_id = record_id(contact_id, "contact")
        checked_changes(changes)
        if changes:
            body = contact_update_body(changes)
            self._write("PUT", f"/contacts/{contact_id}", body, f"contact {contact_id}")
        return self.get_contact(contact_id)

    def delete_contact(self, contact_id: int) -> None:
        contact_id = record_id(contact_id, "contact")
        self._write("DELETE", f"/contacts/{contact_id}", None, f"contact {contact_id}")

    def _write(self, method: str, path: str, body: bytes | None, subject: str) -> str | None:
        """Send a write; its reply body is drained but never parsed. Returns `Location`."""

        def read(response: httpx.Response, connection: Connection) -> str | None:
            connection.read_body(response, limit=64 * 1024, truncate=True)
            location: str | None = response.headers.get("location")
            return location

        location = self._connection.request(method, path, read, subject=subject, body=body)
        log.info("%s %s done", method, path)
        return location
