"""HarvestV2Client over real loopback HTTP: the sandbox's v2, and canned replies Harvest sent."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest

from addressbook.api import (
    AuthenticationError,
    HarvestError,
    HarvestV2Client,
    NotFoundError,
    ThrottledError,
    ValidationError,
)
from addressbook.api.errors import AccessDeniedError
from addressbook.api.v2.accounts import list_accounts
from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.sandbox.v2_documents import ACCOUNT_ID
from addressbook.sandbox.v2_routes import ACCOUNTS_PATH, DEMO_TOKEN

from . import v2_bodies as bodies
from .canned import Canned, CannedServer

FAST_RETRIES = (0.01, 0.02, 0.04)
SECRET = "pat-1234567.pt.AbCdEfSecret"


@pytest.fixture
def v2(sandbox: SandboxServer) -> Iterator[HarvestV2Client]:
    with HarvestV2Client(
        DEMO_TOKEN, ACCOUNT_ID, base_url=sandbox.url, page_size=7, timeout=5.0
    ) as client:
        client.connection.retry_delays = FAST_RETRIES
        yield client


@pytest.fixture
def canned_v2(canned: CannedServer) -> Iterator[HarvestV2Client]:
    with HarvestV2Client(SECRET, 42, base_url=canned.url, timeout=5.0) as client:
        client.connection.retry_delays = FAST_RETRIES
        yield client


def json_reply(status: int, body: bytes, **headers: str) -> Canned:
    return Canned(status, body, {"Content-Type": "application/json; charset=utf-8", **headers})


def test_every_request_carries_token_account_and_a_user_agent_with_a_contact(
    sandbox: SandboxServer, v2: HarvestV2Client
) -> None:
    account = v2.who_am_i()
    assert (account.company_name, account.admin) == ("Harvest Contacts Sandbox", True)
    for request in sandbox.requests:
        assert request.headers["authorization"] == f"Bearer {DEMO_TOKEN}"
        assert request.headers["harvest-account-id"] == str(ACCOUNT_ID)
        agent = request.headers["user-agent"]
        assert agent.startswith("Harvest Contacts/") and "@" in agent
        # Only the encodings inflated under the size and ratio caps (api/body.py).
        assert request.headers["accept-encoding"] == "gzip, deflate"
        assert request.headers["accept"] == "application/json"
    assert [r.path for r in sandbox.requests] == ["/v2/users/me", "/v2/company"]


def test_the_token_never_shows_in_repr_or_in_a_server_message(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    assert SECRET not in repr(canned_v2)
    echo = json.dumps({"error": "invalid_token", "error_description": f"bad token {SECRET}"})
    canned.replies.append(json_reply(401, echo.encode()))
    with pytest.raises(AuthenticationError) as caught:
        canned_v2.get_contact(1)
    assert SECRET not in str(caught.value) and "access token" in str(caught.value)
    assert len(canned.seen) == 1  # a refused token is never retried


def test_a_wrong_token_against_the_sandbox_is_an_authentication_error(
    sandbox: SandboxServer,
) -> None:
    with HarvestV2Client("not-the-token", ACCOUNT_ID, base_url=sandbox.url) as client:
        with pytest.raises(AuthenticationError, match="invalid for other reasons"):
            client.list_clients()


def test_non_managers_hear_who_may_see_client_contacts() -> None:
    with (
        SandboxServer(clients=2, contacts=5, admin=False) as server,
        HarvestV2Client(DEMO_TOKEN, ACCOUNT_ID, base_url=server.url) as client,
    ):
        assert client.who_am_i().admin is False
        with pytest.raises(AccessDeniedError) as caught:
            client.list_contacts()
    message = str(caught.value)
    assert (
        "administrators" in message
        and "managers who are allowed to create and edit clients" in message
    )


def test_all_pages_newest_first_one_request_each_with_our_filters_on_every_page(
    sandbox: SandboxServer, v2: HarvestV2Client
) -> None:
    contacts = v2.list_contacts()
    assert [c.id for c in contacts] == sorted(
        (c.id for c in sandbox.store.contacts()), reverse=True
    )
    assert len(sandbox.requests) == -(-40 // 7)
    client_id = contacts[0].client_id
    since = min(c.updated_at for c in sandbox.store.contacts() if c.updated_at)
    sandbox.requests.clear()
    mine = v2.list_contacts(client_id, updated_since=since - timedelta(seconds=1))
    assert {c.client_id for c in mine} == {client_id}
    assert len(mine) == len(sandbox.store.contacts(client_id))
    for request in sandbox.requests:
        assert request.query["client_id"] == str(client_id)
        assert request.query["updated_since"].endswith("Z")


def test_a_next_link_that_drops_filters_or_names_another_host_is_not_followed_verbatim(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    page = json.loads(bodies.CONTACTS_LIST_ADMIN_200)
    page["links"]["next"] = "https://evil.example/v2/contacts?cursor=abc&per_page=100"
    canned.replies.append(json_reply(200, json.dumps(page).encode()))
    canned.replies.append(json_reply(200, b'{"contacts": [], "links": {"next": null}}'))
    contacts = canned_v2.list_contacts(7722246)
    assert [c.id for c in contacts] == [7140798, 7140797]
    second = canned.seen[1]
    assert second.path.startswith("/v2/contacts?") and "client_id=7722246" in second.path
    assert "cursor=abc" in second.path


def test_pages_are_streamed_one_at_a_time(sandbox: SandboxServer, v2: HarvestV2Client) -> None:
    pages = v2.contact_pages()
    first = next(pages)
    assert len(first) == 7 and len(sandbox.requests) == 1  # the next page not yet asked for
    assert sum(len(page) for page in pages) == 40 - 7


def test_a_repeated_cursor_stops_instead_of_looping(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    page = json.loads(bodies.CONTACTS_LIST_ADMIN_200)
    page["links"]["next"] = bodies.NEXT_CURSOR_LINK
    for _ in range(3):
        canned.replies.append(json_reply(200, json.dumps(page).encode()))
    with pytest.raises(HarvestError, match="same page"):
        canned_v2.list_contacts()


def test_unknown_id_is_not_found_as_json_and_as_html(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    canned.replies.append(json_reply(404, bodies.ERROR_404_JSON))
    canned.replies.append(
        Canned(
            404,
            b"<html><title>HARVEST: Can\xca\xbct find page</title><h1>Can't find page</h1></html>",
            {"Content-Type": "text/html"},
        )
    )
    for _ in range(2):
        with pytest.raises(NotFoundError):
            canned_v2.get_contact(2380504951)


def test_validation_message_is_harvests_own(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    canned.replies.append(
        json_reply(
            422,
            bodies.ERROR_422_2021,
            Hint="This client is not removable. It still has projects and/or invoices.",
        )
    )
    with pytest.raises(ValidationError) as caught:
        canned_v2.update_contact(5, {"title": "Owner"})
    assert caught.value.errors == [
        "This client is not removable. It still has projects and/or invoices."
    ]


def test_429_with_an_html_body_waits_retry_after_then_succeeds(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    waits: list[float] = []
    canned_v2.on_throttle = waits.append
    canned_v2.connection.throttle_margin = 0.0
    canned.replies.append(
        Canned(
            429,
            b"<html>Too Many Requests</html>",
            {"Content-Type": "text/html", "retry-after": "0"},
        )
    )
    canned.replies.append(json_reply(200, bodies.DOCS_CONTACT_GET))
    assert canned_v2.get_contact(4706479).full_name == "Jane Doe"
    assert waits == [0.0]


def test_429_beyond_the_bounded_wait_is_throttled(canned: CannedServer) -> None:
    canned.replies.append(
        Canned(429, b"<html></html>", {"Content-Type": "text/html", "retry-after": "15"})
    )
    with (
        HarvestV2Client(SECRET, 42, base_url=canned.url, max_throttle_wait=1.0) as client,
        pytest.raises(ThrottledError) as caught,
    ):
        client.list_clients()
    assert caught.value.status == 429 and caught.value.retry_after == 15


def test_ids_beyond_32_bits_round_trip(canned: CannedServer, canned_v2: HarvestV2Client) -> None:
    big = json.loads(bodies.DOCS_CONTACT_GET) | {"id": 2380504951}
    canned.replies.append(json_reply(200, json.dumps(big).encode()))
    assert canned_v2.update_contact(2380504951, {"title": "Owner"}).id == 2380504951
    request = canned.seen[0]
    assert (request.method, request.path) == ("PATCH", "/v2/contacts/2380504951")
    assert json.loads(request.body) == {"title": "Owner"}


def test_plain_http_is_refused_except_to_this_machine() -> None:
    with (
        HarvestV2Client(SECRET, 42, base_url="http://api.harvestapp.com") as client,
        pytest.raises(HarvestError, match="plain http"),
    ):
        client.list_clients()


def test_create_update_delete_against_the_sandbox(
    sandbox: SandboxServer, v2: HarvestV2Client
) -> None:
    client_id = sandbox.store.clients()[0].id
    created = v2.create_contact(
        Contact(None, client_id, "Zoë", "O'Neil & Co", email="zoe@example.com")
    )
    assert created.id is not None and sandbox.store.get_contact(created.id) is not None
    [post] = [r for r in sandbox.requests if r.method == "POST"]
    assert json.loads(post.body)["client_id"] == client_id
    updated = v2.update_contact(created.id, {"email": None, "title": "Boss"})
    assert (updated.email, updated.title) == (None, "Boss")
    v2.delete_contact(created.id)
    with pytest.raises(NotFoundError):
        v2.get_contact(created.id)


def test_the_accounts_a_token_reaches(sandbox: SandboxServer) -> None:
    sandbox.app.v2.other_accounts = [(99, "Other agency")]
    accounts = list_accounts(DEMO_TOKEN, url=sandbox.url + ACCOUNTS_PATH)
    assert [(a.id, a.name) for a in accounts] == [
        (ACCOUNT_ID, "Harvest Contacts Sandbox"),
        (99, "Other agency"),
    ]  # not Forecast
    assert "harvest-account-id" not in sandbox.requests[-1].headers


def test_a_moving_cursor_that_brings_nothing_new_stops_too(
    canned: CannedServer, canned_v2: HarvestV2Client
) -> None:
    for cursor in ("a", "b", "c"):
        page = json.loads(bodies.CONTACTS_LIST_ADMIN_200)
        page["links"]["next"] = f"https://api.harvestapp.com/v2/contacts?cursor={cursor}"
        canned.replies.append(json_reply(200, json.dumps(page).encode()))
    with pytest.raises(HarvestError, match="same page"):
        canned_v2.list_contacts()
    assert len(canned.seen) == 2
