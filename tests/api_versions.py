"""Both Harvest APIs, so the same end-to-end suites run against v1 and v2 of the sandbox."""

from __future__ import annotations

from typing import Any

from addressbook.api import HarvestApi, HarvestClient, HarvestV2Client
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD
from addressbook.sandbox.v2_documents import ACCOUNT_ID
from addressbook.sandbox.v2_routes import DEMO_TOKEN

API_VERSIONS = ("v1", "v2")
# Small pages, so every list over v2 crosses several pages and follows links.next.
V2_TEST_PAGE_SIZE = 7


def make_api(url: str, version: str = "v1", **options: Any) -> HarvestApi:
    """A client of the sandbox at `url` in the given API version, with fast retries."""
    api: HarvestApi
    if version == "v2":
        api = HarvestV2Client(
            DEMO_TOKEN,
            ACCOUNT_ID,
            base_url=url,
            page_size=options.pop("page_size", V2_TEST_PAGE_SIZE),
            **options,
        )
    else:
        api = HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD, **options)
    api.connection.retry_delays = (0.01, 0.01)  # type: ignore[attr-defined]
    return api


def as_v1(method: str, path: str) -> tuple[str, str]:
    """A request as v1 would have made it: /v2/contacts/5 PATCH -> /contacts/5 PUT, and
    v2's contacts of one client (a query) -> v1's nested path."""
    if not path.startswith("/v2/"):
        return method, path
    return ("PUT" if method == "PATCH" else method), path[3:]


def client_contacts_path(version: str, client_id: int) -> str:
    """Where the contacts of one client are listed (v2: a query on /v2/contacts)."""
    return "/v2/contacts" if version == "v2" else f"/clients/{client_id}/contacts"


def requests_as_v1(server: Any) -> list[tuple[str, str, dict[str, str]]]:
    result = []
    for request in server.requests:
        method, path = as_v1(request.method, request.path)
        query = dict(request.query)
        if path == "/contacts" and "client_id" in query:
            path = f"/clients/{query.pop('client_id')}/contacts"
        query.pop("per_page", None)
        if "cursor" in query:
            query["cursor"] = "…"  # a continuation page: what it continues is what counts
        result.append((method, path, query))
    return result


def sign_in_triple(url: str, version: str, password: str = DEMO_PASSWORD) -> tuple[str, str, str]:
    """What the worker is handed to sign in: (address, login, secret) of v1 or v2.

    The sandbox revokes v2's token with each password change (SandboxServer.set_password),
    and accepts `DEMO_TOKEN-<password>` from then on.
    """
    if version == "v2":
        token = DEMO_TOKEN if password == DEMO_PASSWORD else f"{DEMO_TOKEN}-{password}"
        return f"{url}/v2", str(ACCOUNT_ID), token
    return url, DEMO_EMAIL, password
