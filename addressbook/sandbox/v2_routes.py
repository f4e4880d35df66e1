"""Harvest API v2 in the sandbox: the same store, throttle and faults as v1, spoken in JSON.

Served beside v1 on the same port under /v2/..., plus the accounts endpoint
of id.getharvest.com under /id/api/v2/accounts (the client is pointed at it).
The rules a client must meet are enforced: a Bearer token and the account id
header, a User-Agent (else 400), 403 on contacts and clients for users who
may not manage clients, newest first, cursor pages with `links.next`, 422
`{"message"}`, a JSON 404 for an unknown id and an HTML one for an unknown path.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from addressbook.core.models import EDITABLE_CONTACT_FIELDS, Contact

from . import v2_documents as docs
from .store import InvalidRecord, RecordNotFound, Store
from .throttle import Throttle
from .v2_paging import ListQuery, Paginator

if TYPE_CHECKING:
    from .app import RecordedRequest, Response

DEMO_TOKEN = "sandbox-demo-token-0000"  # a public demo credential, printed by the CLI on purpose
ACCOUNTS_PATH = "/id/api/v2/accounts"
_MANAGED = re.compile(r"/v2/(clients|contacts)(/|$)")


def is_v2_path(path: str) -> bool:
    return path.startswith("/v2/") or path == "/v2" or path.startswith("/id/")


def throttled(retry_after: int) -> Response:
    from .app import Response

    return Response(
        429, docs.THROTTLED_HTML.encode(), docs.HTML_CONTENT_TYPE, {"retry-after": str(retry_after)}
    )


def _json(status: int, body: bytes, **headers: str) -> Response:
    from .app import Response

    return Response(status, body, docs.JSON_CONTENT_TYPE, dict(headers))


def _not_found_page() -> Response:
    from .app import html_error

    return html_error(404)


class BadRequest(ValueError):
    """A body or a query v2 would refuse with 422."""


class HarvestV2App:
    """One account reached by a personal access token."""

    def __init__(
        self,
        store: Store,
        throttle: Throttle,
        *,
        email: str,
        admin: bool,
        token: str = DEMO_TOKEN,
        account_id: int = docs.ACCOUNT_ID,
    ) -> None:
        self.store, self.throttle, self.email, self.admin = store, throttle, email, admin
        self.account_id = account_id
        self._token = token.encode()
        # More accounts the token "reaches" in Harvest ID's list (tests of the choice).
        self.other_accounts: list[tuple[int, str]] = []
        self.paginator = Paginator(store)
        routes: list[tuple[str, str, Callable[..., Response]]] = [
            ("GET", r"/v2/users/me", self.user_me),
            ("GET", r"/v2/company", self.company),
            ("GET", r"/v2/clients", self.list_clients),
            ("GET", r"/v2/clients/(\d+)", self.get_client),
            ("GET", r"/v2/contacts", self.list_contacts),
            ("POST", r"/v2/contacts", self.create_contact),
            ("GET", r"/v2/contacts/(\d+)", self.get_contact),
            ("PATCH", r"/v2/contacts/(\d+)", self.update_contact),
            ("DELETE", r"/v2/contacts/(\d+)", self.delete_contact),
        ]
        self._routes = [
            (method, re.compile(pattern), handler) for method, pattern, handler in routes
        ]

    def set_token(self, token: str) -> None:
        """The user revoked the token on the web: the old one is refused from now on."""
        self._token = token.encode()

    def handle(self, request: RecordedRequest) -> Response:
        if not request.headers.get("user-agent", "").strip():
            return _json(400, docs.error("A User-Agent header is required."))
        if not self._token_ok(request.headers.get("authorization", "")):
            return self._invalid_token()
        path = request.path.rstrip("/") or "/"
        if path == ACCOUNTS_PATH and request.method == "GET":
            listing = docs.accounts(self.email, self.account_id, self.other_accounts)
            return _json(200, docs.dumps(listing))
        if request.headers.get("harvest-account-id", "").strip() != str(self.account_id):
            return _json(
                401,
                docs.dumps(
                    {
                        "error": "invalid_account",
                        "error_description": "No such account for this token.",
                    }
                ),
            )
        wait = self.throttle.admit(self.store.clock())
        if wait is not None:
            return throttled(wait)
        if _MANAGED.match(path) and not self.admin:
            return _json(403, docs.error("Not authorized!"), Hint="Not authorized!")
        return self._dispatch(request, path)

    def _token_ok(self, header: str) -> bool:
        scheme, _, token = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            token.strip().encode(), self._token
        )

    def _invalid_token(self) -> Response:
        challenge = (
            f'Bearer realm="Rack::OAuth2 Protected Resources", error="invalid_token", '
            f'error_description="{docs.INVALID_TOKEN}"'
        )
        body = docs.dumps({"error": "invalid_token", "error_description": docs.INVALID_TOKEN})
        return _json(401, body, **{"WWW-Authenticate": challenge})

    def _dispatch(self, request: RecordedRequest, path: str) -> Response:
        for method, pattern, handler in self._routes:
            match = pattern.fullmatch(path)
            if match and method == request.method:
                try:
                    return handler(request, *(int(group) for group in match.groups()))
                except (RecordNotFound, OverflowError):
                    return _json(404, docs.NOT_FOUND_JSON)
                except InvalidRecord as error:
                    return _json(422, docs.error(", ".join(error.messages)))
                except BadRequest as error:
                    return _json(422, docs.error(str(error)))
        return _not_found_page()

    # -- account ----------------------------------------------------------------------
    def user_me(self, request: RecordedRequest) -> Response:
        return _json(200, docs.dumps(docs.user_me(self.email, self.admin)))

    def company(self, request: RecordedRequest) -> Response:
        return _json(200, docs.dumps(docs.company()))

    # -- clients ----------------------------------------------------------------------
    def list_clients(self, request: RecordedRequest) -> Response:
        query = ListQuery.read(request, with_active=True)
        return _json(200, self.paginator.clients_page(query, _host(request)))

    def get_client(self, request: RecordedRequest, client_id: int) -> Response:
        client = self.store.get_client(client_id)
        if client is None:
            raise RecordNotFound(client_id)
        return _json(200, docs.dumps(docs.client(client)))

    # -- contacts ---------------------------------------------------------------------
    def list_contacts(self, request: RecordedRequest) -> Response:
        query = ListQuery.read(request, with_client=True)
        return _json(200, self.paginator.contacts_page(query, _host(request)))

    def get_contact(self, request: RecordedRequest, contact_id: int) -> Response:
        contact = self.store.get_contact(contact_id)
        if contact is None:
            raise RecordNotFound(contact_id)
        return self._contact(200, contact)

    def create_contact(self, request: RecordedRequest) -> Response:
        values = _contact_values(request.body)
        client_id = values.pop("client_id", None)
        first_name = values.pop("first_name", None)
        contact = self.store.add_contact(
            client_id or 0, first_name or "", values.pop("last_name", None) or "", **values
        )
        location = f"http://{_host(request)}/api/v2/contacts/{contact.id}"
        return self._contact(201, contact, Location=location)

    def update_contact(self, request: RecordedRequest, contact_id: int) -> Response:
        values = _contact_values(request.body)
        contact = self.store.update_contact(contact_id, touch=False, **values)
        return self._contact(200, contact)

    def delete_contact(self, request: RecordedRequest, contact_id: int) -> Response:
        contact = self.store.get_contact(contact_id)
        if contact is None:
            raise RecordNotFound(contact_id)
        self.store.delete_contact(contact_id)
        return self._contact(200, contact)

    def _contact(self, status: int, contact: Contact, **headers: str) -> Response:
        client = self.store.get_client(contact.client_id)
        body = docs.dumps(docs.contact(contact, client.name if client else ""))
        return _json(status, body, **headers)


def _host(request: RecordedRequest) -> str:
    return request.headers.get("host", "127.0.0.1")


def _contact_values(body: bytes) -> dict[str, Any]:
    """A flat JSON object of contact parameters; "" and null both clear a text field."""
    try:
        document = json.loads(body or b"{}")
    except ValueError:
        raise BadRequest("The body is not valid JSON.") from None
    if not isinstance(document, dict):
        raise BadRequest("The body must be a JSON object.")
    values: dict[str, Any] = {}
    for name in EDITABLE_CONTACT_FIELDS:
        if name not in document:
            continue
        value = document[name]
        if name == "client_id":
            if isinstance(value, bool) or not isinstance(value, int | str):
                raise BadRequest("Client is invalid")
            values[name] = _integer(value)
        elif value is None or isinstance(value, str):
            values[name] = value if value else None
        else:
            raise BadRequest(f"{name.replace('_', ' ').capitalize()} is invalid")
    return values


def _integer(value: int | str) -> int:
    try:
        return int(value)
    except ValueError:
        raise BadRequest("Client is invalid") from None


def decode_cursor(text: str) -> int:
    """The docs' cursor is base64 JSON `{"after": {"id": N}}`; a bad one is a 422."""
    try:
        padded = text + "=" * (-len(text) % 4)
        after = json.loads(base64.urlsafe_b64decode(padded))["after"]["id"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise BadRequest("The cursor is invalid.") from None
    if not isinstance(after, int):
        raise BadRequest("The cursor is invalid.")
    return after


def encode_cursor(after_id: int) -> str:
    raw = json.dumps({"after": {"id": after_id}}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_since(text: str) -> datetime:
    """ISO 8601 (`2024-03-01T10:15:00Z`), to the second; compared with >=."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise BadRequest(f"updated_since must be an ISO 8601 date and time, not {text!r}") from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
