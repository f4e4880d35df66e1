"""Harvest v1 semantics: authentication, the throttle and the endpoints, over plain records.

The HTTP handler turns bytes on a socket into a RecordedRequest and hands it
here; everything Harvest-specific (status codes, Location headers, 404 for
non-admins, 422 validation bodies) is decided in this module.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from . import documents, wire
from .records import client_changes, contact_changes
from .store import InvalidRecord, RecordNotFound, Store
from .throttle import Throttle
from .v2_routes import DEMO_TOKEN, HarvestV2App, is_v2_path


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = wire.XML_CONTENT_TYPE
    headers: dict[str, str] = field(default_factory=dict)


class BadQuery(ValueError):
    """A query parameter Harvest would reject."""


_ROUTES: list[tuple[str, re.Pattern[str], str]] = [
    (method, re.compile(pattern), name)
    for method, pattern, name in [
        ("GET", r"/account/who_am_i", "who_am_i"),
        ("GET", r"/account/rate_limit_status", "rate_limit_status"),
        ("GET", r"/clients", "list_clients"),
        ("POST", r"/clients", "create_client"),
        ("GET", r"/clients/(\d+)", "get_client"),
        ("PUT", r"/clients/(\d+)", "update_client"),
        ("DELETE", r"/clients/(\d+)", "delete_client"),
        ("POST", r"/clients/(\d+)/toggle", "toggle_client"),
        ("GET", r"/clients/(\d+)/contacts", "list_client_contacts"),
        ("GET", r"/contacts", "list_contacts"),
        ("POST", r"/contacts", "create_contact"),
        ("GET", r"/contacts/(\d+)", "get_contact"),
        ("PUT", r"/contacts/(\d+)", "update_contact"),
        ("DELETE", r"/contacts/(\d+)", "delete_contact"),
    ]
]
_EXTENDED_API = re.compile(r"/(clients|contacts)(/|$)")
# A 2014 report: with these in the User-Agent, Harvest ignored Accept and labelled
# its replies text/html (API issue #84).
_MOBILE_AGENT = re.compile(r"iPhone|iPad|iPod|Android")
HTML_CONTENT_TYPE = "text/html; charset=utf-8"
_UNTHROTTLED = "/account/rate_limit_status"  # checking the limit must not use it up


def parse_updated_since(text: str) -> datetime:
    """YYYY-MM-DD HH:MM (UTC), also with seconds or ISO 'T'/offset; floored to the minute."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise BadQuery(f"updated_since must look like YYYY-MM-DD HH:MM, not {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(second=0, microsecond=0)


def normalize_path(path: str) -> str:
    path = path.rstrip("/") or "/"
    return path[: -len(".xml")] if path.endswith(".xml") else path


def plain(status: int, text: str, **headers: str) -> Response:
    return Response(status, text.encode(), "text/plain; charset=utf-8", dict(headers))


def html_error(status: int) -> Response:
    """Rails' and nginx's HTML error pages (404, 500, 502): the one place they are built."""
    return Response(status, documents.ERROR_PAGES[status].encode(), HTML_CONTENT_TYPE)


def not_found() -> Response:
    return html_error(404)


def throttled(retry_after: int) -> Response:
    return plain(503, documents.THROTTLED_TEXT, **{"Retry-After": str(retry_after)})


class HarvestApp:
    """One Harvest account: its credentials, its data and its throttle."""

    def __init__(
        self, store: Store, throttle: Throttle, *, email: str, password: str, admin: bool
    ) -> None:
        self.store = store
        self.throttle = throttle
        self.email = email
        self.admin = admin
        self._expected_credentials = f"{email}:{password}".encode()
        # API v2 on the same port, over the same records and throttle (see v2_routes).
        self.v2 = HarvestV2App(store, throttle, email=email, admin=admin)

    def set_password(self, password: str) -> None:
        """The user changed the password on the web: the old one is refused from now on."""
        self._expected_credentials = f"{self.email}:{password}".encode()
        self.v2.set_token(f"{DEMO_TOKEN}-{password}")  # and v2's token is revoked with it

    def handle(self, request: RecordedRequest) -> Response:
        if is_v2_path(request.path):
            return self.v2.handle(request)
        response = self._handle(request)
        if response.content_type == wire.XML_CONTENT_TYPE and _MOBILE_AGENT.search(
            request.headers.get("user-agent", "")
        ):
            response.content_type = HTML_CONTENT_TYPE  # the XML itself is unchanged
        return response

    def _handle(self, request: RecordedRequest) -> Response:
        if not self._authenticated(request.headers.get("authorization", "")):
            return plain(
                401, documents.ACCESS_DENIED_TEXT, **{"WWW-Authenticate": 'Basic realm="Harvest"'}
            )
        path = normalize_path(request.path)
        if path != _UNTHROTTLED:
            wait = self.throttle.admit(self.store.clock())
            if wait is not None:
                return throttled(wait)
        if _EXTENDED_API.match(path) and not self.admin:
            return not_found()  # Harvest hides the Extended API from non-admins this way
        return self._dispatch(request, path)

    def _authenticated(self, header: str) -> bool:
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            credentials = base64.b64decode(encoded.strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        return hmac.compare_digest(credentials, self._expected_credentials)

    def _dispatch(self, request: RecordedRequest, path: str) -> Response:
        for method, pattern, name in _ROUTES:
            match = pattern.fullmatch(path)
            if match and method == request.method:
                record_id = int(match.group(1)) if match.groups() else 0
                try:
                    response: Response = getattr(self, name)(request, record_id)
                    return response
                except RecordNotFound:
                    return not_found()
                except InvalidRecord as error:
                    return Response(422, wire.errors_document(error.messages))
                except (wire.WireError, BadQuery) as error:
                    return Response(400, wire.errors_document([str(error)]))
        return not_found()

    # -- account -----------------------------------------------------------------

    def who_am_i(self, request: RecordedRequest, _: int) -> Response:
        return Response(200, documents.who_am_i(self.email, self.admin))

    def rate_limit_status(self, request: RecordedRequest, _: int) -> Response:
        return Response(200, documents.rate_limit_status(self.throttle.status()))

    # -- clients -----------------------------------------------------------------

    def list_clients(self, request: RecordedRequest, _: int) -> Response:
        return Response(200, documents.clients(self.store.clients(_since(request))))

    def get_client(self, request: RecordedRequest, client_id: int) -> Response:
        client = self.store.get_client(client_id)
        return Response(200, documents.client(client)) if client else not_found()

    def create_client(self, request: RecordedRequest, _: int) -> Response:
        changes = client_changes(wire.parse_record(request.body, "client"))
        name = changes.pop("name", None)
        client = self.store.add_client(name or "", **changes)
        return Response(201, headers={"Location": f"/clients/{client.id}"})

    def update_client(self, request: RecordedRequest, client_id: int) -> Response:
        changes = client_changes(wire.parse_record(request.body, "client"))
        self.store.update_client(client_id, **changes)
        return Response(200, b" ", headers={"Location": f"/clients/{client_id}"})

    def toggle_client(self, request: RecordedRequest, client_id: int) -> Response:
        self.store.toggle_client(client_id)
        return Response(200, b" ", headers={"Location": f"/clients/{client_id}"})

    def delete_client(self, request: RecordedRequest, client_id: int) -> Response:
        self.store.delete_client(client_id)
        return Response(200, b" ")

    # -- contacts ----------------------------------------------------------------

    def list_contacts(self, request: RecordedRequest, _: int) -> Response:
        return Response(200, self.store.contacts_xml(updated_since=_since(request)))

    def list_client_contacts(self, request: RecordedRequest, client_id: int) -> Response:
        if self.store.get_client(client_id) is None:
            return not_found()
        return Response(200, self.store.contacts_xml(client_id, _since(request)))

    def get_contact(self, request: RecordedRequest, contact_id: int) -> Response:
        contact = self.store.get_contact(contact_id)
        if contact is None:
            return not_found()
        return Response(200, wire.document(wire.render_contact(contact)))

    def create_contact(self, request: RecordedRequest, _: int) -> Response:
        changes = contact_changes(wire.parse_record(request.body, "contact"))
        contact = self.store.add_contact(
            changes.pop("client_id", None) or 0,
            changes.pop("first_name", None) or "",
            changes.pop("last_name", None) or "",
            **changes,
        )
        return Response(201, headers={"Location": f"/contacts/{contact.id}"})

    def update_contact(self, request: RecordedRequest, contact_id: int) -> Response:
        changes = contact_changes(wire.parse_record(request.body, "contact"))
        self.store.update_contact(contact_id, touch=False, **changes)
        return Response(200, b" ", headers={"Location": f"/contacts/{contact_id}"})

    def delete_contact(self, request: RecordedRequest, contact_id: int) -> Response:
        self.store.delete_contact(contact_id)
        return Response(200, b" ")


def _since(request: RecordedRequest) -> datetime | None:
    text = request.query.get("updated_since")
    return None if text is None else parse_updated_since(text)
