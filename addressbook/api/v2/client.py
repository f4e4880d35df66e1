"""HarvestV2Client: Harvest API v2 (JSON, personal access token) behind HarvestClient's surface.

Every request goes through the shared Connection (pacing, throttle waits,
retries, cancelling and the transport's limits), so v2 gets all that v1 has.
Writes answer with the object itself (201/200 + JSON), which is stored as the
new truth; only when that body cannot be read is the contact fetched again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any, TypeVar

import httpx

from addressbook import __version__
from addressbook.core.models import Client, Contact

from ..account import Account
from ..client import contact_id_from_location
from ..connected import ConnectedClient, checked_changes, checked_new_contact, record_id
from ..errors import (
    AccessDeniedError,
    HarvestError,
    NotFoundError,
    ProtocolError,
)
from ..transport import DEFAULT_DEADLINE, DEFAULT_MIN_RATE, Connection
from ..urls import normalize_base_url
from . import codec, errors
from .paging import next_position, since_parameter

T = TypeVar("T")
log = logging.getLogger("addressbook.api")

DEFAULT_BASE_URL = "https://api.harvestapp.com"
# Harvest answers 400 without a User-Agent naming the app and a way to reach its makers.
USER_AGENT = f"Harvest Contacts/{__version__} (harvest-contacts@users.noreply.github.com)"
JSON = "application/json"
# Pages beyond this in one list mean a link that never ends; 2000 x 5000 = 10M records.
MAX_PAGES = 5000


class V2Connection(Connection):
    """The shared Connection with v2's headers and v2's error words."""

    def __init__(self, base_url: str, token: str, account_id: int | None, **options: Any) -> None:
        # Every API request names its account; the accounts list of Harvest ID does not.
        account = {} if account_id is None else {"Harvest-Account-Id": str(account_id)}
        super().__init__(
            base_url,
            authorization=f"Bearer {token}",
            secrets=(f"Bearer {token}", token),
            headers=account,
            accept=JSON,
            content_type=JSON,
            user_agent=USER_AGENT,
            **options,
        )

    def describe_error(
        self, status: int, headers: httpx.Headers, body: bytes, subject: str, method: str
    ) -> HarvestError:
        return errors.error_for(status, headers, body, subject, method, self.secrets)


class HarvestV2Client(ConnectedClient):
    """One account reached with a personal access token. One thread at a time; close() after."""

    def __init__(
        self,
        token: str,
        account_id: int,
        *,
        base_url: str = DEFAULT_BASE_URL,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        max_response_bytes: int = 512 * 2**20,
        max_throttle_wait: float = 300.0,
        requests_per_window: int = 90,
        window_seconds: float = 15.0,
        page_size: int | None = None,
        deadline: float = DEFAULT_DEADLINE,
        min_rate: float = DEFAULT_MIN_RATE,
    ) -> None:
        self.base_url = normalize_base_url(base_url)
        self.account_id = int(account_id)
        # None: Harvest's default, which is its maximum (2000) and so the fewest requests.
        self.page_size = page_size
        self._connection = V2Connection(
            self.base_url,
            token.strip(),
            self.account_id,
            transport=transport,
            timeout=timeout,
            max_response_bytes=max_response_bytes,
            max_throttle_wait=max_throttle_wait,
            requests_per_window=requests_per_window,
            window_seconds=window_seconds,
            deadline=deadline,
            min_rate=min_rate,
        )

    def __repr__(self) -> str:  # never the token
        return f"HarvestV2Client(account_id={self.account_id}, base_url={self.base_url!r})"

    # Reading -------------------------------------------------------------------------

    def who_am_i(self) -> Account:
        user = self._get_json("/v2/users/me", "your user")
        try:
            company = self._get_json("/v2/company", "your company")
        except (AccessDeniedError, NotFoundError):
            # Who may read /v2/company is not documented: without it only the name is lost.
            company = {}
        return codec.account_from_json(user, company)

    def list_clients(self, updated_since: datetime | None = None) -> list[Client]:
        params = _since(updated_since)
        return [
            client
            for page in self._pages(
                "/v2/clients", "clients", params, codec.client_from_json, "the list of clients"
            )
            for client in page
        ]

    def get_client(self, client_id: int) -> Client:
        client_id = record_id(client_id, "client")
        return codec.client_from_json(
            self._get_json(f"/v2/clients/{client_id}", f"client {client_id}")
        )

    def list_contacts(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> list[Contact]:
        return [
            contact for page in self.contact_pages(client_id, updated_since) for contact in page
        ]

    def contact_pages(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> Iterator[list[Contact]]:
        """Every page in turn, each read and converted before the next is asked for."""
        params = _since(updated_since)
        subject = "the contacts"
        if client_id is not None:
            params["client_id"] = str(record_id(client_id, "client"))
            subject = f"the contacts of client {client_id}"
        return self._pages("/v2/contacts", "contacts", params, codec.contact_from_json, subject)

    def get_contact(self, contact_id: int) -> Contact:
        contact_id = record_id(contact_id, "contact")
        return codec.contact_from_json(
            self._get_json(f"/v2/contacts/{contact_id}", f"contact {contact_id}")
        )

    def _get_json(self, path: str, subject: str) -> Any:
        def read(response: httpx.Response, connection: Connection) -> Any:
            return codec.load_json(connection.read_body(response), subject)

        return self._connection.request("GET", path, read, subject=subject)

    def _pages(
        self,
        path: str,
        key: str,
        filters: dict[str, str],
        convert: Callable[[Any], T],
        subject: str,
    ) -> Iterator[list[T]]:
        """Pages newest first, following the next position; a record seen twice (the list
        moved under us) is kept once."""
        seen: set[int] = set()
        position: dict[str, str] = {}
        for _ in range(MAX_PAGES):
            items, following = self._page(
                path, key, {**filters, **self._size(), **position}, subject
            )
            page = [record for record in map(convert, items) if record.id not in seen]  # type: ignore[attr-defined]
            seen.update(record.id for record in page)  # type: ignore[attr-defined]
            yield page
            if following is None or not items:
                return
            new_position = next_position(following)
            # A cursor that does not move, or a page of nothing new, would loop forever.
            if new_position == position or not page:
                raise ProtocolError(f"Harvest sent the same page of {key} twice; stopped there.")
            position = new_position
        raise ProtocolError(f"Harvest's list of {key} did not end after {MAX_PAGES} pages.")

    def _size(self) -> dict[str, str]:
        return {} if self.page_size is None else {"per_page": str(self.page_size)}

    def _page(
        self, path: str, key: str, params: dict[str, str], subject: str
    ) -> tuple[list[Any], str | None]:
        def read(response: httpx.Response, connection: Connection) -> tuple[list[Any], str | None]:
            return codec.page_items(codec.load_json(connection.read_body(response), subject), key)

        return self._connection.request("GET", path, read, subject=subject, params=params)

    # Writing -------------------------------------------------------------------------

    def create_contact(self, contact: Contact) -> Contact:
        checked_new_contact(contact)
        body = codec.contact_create_body(contact)
        created, location = self._write("POST", "/v2/contacts", body, "the contact")
        if created is not None:
            return created
        return self._created(contact, contact_id_from_location(location))

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact:
        contact_id = record_id(contact_id, "contact")
        checked_changes(changes)
        if not changes:
            return self.get_contact(contact_id)
        body = codec.contact_update_body(changes)
        updated, _ = self._write(
            "PATCH", f"/v2/contacts/{contact_id}", body, f"contact {contact_id}"
        )
        return updated if updated is not None else self.get_contact(contact_id)

    def delete_contact(self, contact_id: int) -> None:
        contact_id = record_id(contact_id, "contact")
        self._write("DELETE", f"/v2/contacts/{contact_id}", None, f"contact {contact_id}")

    def _write(
        self, method: str, path: str, body: bytes | None, subject: str
    ) -> tuple[Contact | None, str | None]:
        """Send a write; the contact in its reply (None if unreadable) and `Location`."""

        def read(
            response: httpx.Response, connection: Connection
        ) -> tuple[Contact | None, str | None]:
            text = connection.read_body(response, limit=1024 * 1024, truncate=True)
            location: str | None = response.headers.get("location")
            if method == "DELETE":
                return None, location  # the body is not documented; never required
            try:
                return codec.contact_from_json(codec.load_json(text, subject)), location
            except ProtocolError as error:
                log.warning("%s %s: reply not readable (%s)", method, path, error)
                return None, location

        result = self._connection.request(method, path, read, subject=subject, body=body)
        log.info("%s %s done", method, path)
        return result


def _since(updated_since: datetime | None) -> dict[str, str]:
    return {} if updated_since is None else {"updated_since": since_parameter(updated_since)}
