"""HarvestClient against the real sandbox over loopback: endpoints, errors, faults."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone

import pytest

from addressbook.api import (
    AuthenticationError,
    CancelledError,
    HarvestClient,
    NetworkError,
    NotFoundError,
    ProtocolError,
    ServerError,
    ValidationError,
)
from addressbook.api.errors import GatewayError
from addressbook.core import Contact
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer

from .conftest import FAST_RETRIES


def by_id(records: list[Contact]) -> list[Contact]:
    return sorted(records, key=lambda record: record.id or 0)


def new_contact(sandbox: SandboxServer, **fields: str | None) -> Contact:
    values = {"first_name": "Zoë", "last_name": "O'Brien & <Sons>", **fields}
    return Contact(id=None, client_id=sandbox.store.clients()[0].id, **values)  # type: ignore[arg-type]


def test_who_am_i(api: HarvestClient) -> None:
    account = api.who_am_i()
    assert account.email == DEMO_EMAIL
    assert account.admin is True
    assert account.company_name and account.first_name


def test_list_and_get_clients(api: HarvestClient, sandbox: SandboxServer) -> None:
    clients = api.list_clients()
    assert sorted(clients, key=lambda c: c.id) == sorted(
        sandbox.store.clients(), key=lambda c: c.id
    )
    assert api.get_client(clients[0].id) == clients[0]


def test_list_and_get_contacts(api: HarvestClient, sandbox: SandboxServer) -> None:
    contacts = api.list_contacts()
    assert by_id(contacts) == by_id(sandbox.store.contacts())
    assert all(c.updated_at is not None and c.updated_at.tzinfo is UTC for c in contacts)
    assert api.get_contact(contacts[3].id or 0) == contacts[3]


def test_list_contacts_of_one_client(api: HarvestClient, sandbox: SandboxServer) -> None:
    client_id = sandbox.store.contacts()[0].client_id
    contacts = api.list_contacts(client_id=client_id)
    assert contacts and by_id(contacts) == by_id(sandbox.store.contacts(client_id=client_id))
    assert sandbox.requests[-1].path == f"/clients/{client_id}/contacts"


@pytest.mark.parametrize("call", ["get_contact", "get_client", "list_contacts"])
def test_missing_records_are_not_found(api: HarvestClient, call: str) -> None:
    with pytest.raises(NotFoundError, match="non-admin"):
        if call == "list_contacts":
            api.list_contacts(client_id=987654)
        else:
            getattr(api, call)(987654)


def test_create_contact(api: HarvestClient, sandbox: SandboxServer) -> None:
    created = api.create_contact(new_contact(sandbox, email="zoe@example.com", fax=""))
    stored = sandbox.store.get_contact(created.id or 0)
    assert stored == created
    assert created.last_name == "O'Brien & <Sons>" and created.first_name == "Zoë"
    assert created.created_at is not None
    post = [r for r in sandbox.requests if r.method == "POST"]
    assert len(post) == 1 and b"<id" not in post[0].body and b"created-at" not in post[0].body


def test_update_contact_changes_only_what_it_says(
    api: HarvestClient, sandbox: SandboxServer
) -> None:
    before = sandbox.store.contacts()[0]
    sandbox.store.update_contact(before.id or 0, fax="555 0100", title="Dr")
    updated = api.update_contact(before.id or 0, {"title": "CEO", "fax": None})
    assert updated.title == "CEO" and updated.fax is None
    assert (updated.first_name, updated.last_name) == (before.first_name, before.last_name)
    assert sandbox.store.get_contact(before.id or 0) == updated
    put = sandbox.requests[-2]
    assert put.method == "PUT" and b"first-name" not in put.body
    assert b'<fax nil="true"/>' in put.body


def test_update_can_move_a_contact_to_another_client(
    api: HarvestClient, sandbox: SandboxServer
) -> None:
    contact = sandbox.store.contacts()[0]
    other = next(c.id for c in sandbox.store.clients() if c.id != contact.client_id)
    assert api.update_contact(contact.id or 0, {"client_id": other}).client_id == other


def test_delete_contact(api: HarvestClient, sandbox: SandboxServer) -> None:
    contact_id = sandbox.store.contacts()[0].id or 0
    assert api.delete_contact(contact_id) is None
    assert sandbox.store.get_contact(contact_id) is None
    with pytest.raises(NotFoundError):
        api.delete_contact(contact_id)


def test_local_validation_sends_nothing(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.requests.clear()
    with pytest.raises(ValidationError) as caught:
        api.create_contact(new_contact(sandbox, first_name=" ", email="not-an-email"))
    assert set(caught.value.fields) == {"first_name", "email"}
    with pytest.raises(ValidationError) as caught:
        api.update_contact(5, {"phone_office": "call me", "id": 3})
    assert set(caught.value.fields) == {"phone_office", "id"}
    assert sandbox.requests == []


def test_server_validation_error_422(api: HarvestClient, sandbox: SandboxServer) -> None:
    with pytest.raises(ValidationError) as caught:
        api.create_contact(Contact(id=None, client_id=999999, first_name="A", last_name="B"))
    assert caught.value.status == 422
    assert caught.value.errors == ["Client is invalid"]
    assert "Client is invalid" in caught.value.message


def test_wrong_password(sandbox: SandboxServer) -> None:
    with HarvestClient(sandbox.url, DEMO_EMAIL, "wrong-secret") as api:
        with pytest.raises(AuthenticationError) as caught:
            api.who_am_i()
    assert caught.value.status == 401
    assert "wrong-secret" not in str(caught.value)


def test_non_admin_gets_404_from_the_extended_api() -> None:
    with (
        SandboxServer(clients=2, contacts=3, admin=False) as server,
        HarvestClient(server.url, DEMO_EMAIL, DEMO_PASSWORD) as api,
    ):
        assert api.who_am_i().admin is False
        with pytest.raises(NotFoundError, match="non-admin"):
            api.list_contacts()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_updated_since_is_minute_precise_and_misses_nothing() -> None:
    clock = Clock(datetime(2024, 5, 1, 9, 0, 0, tzinfo=UTC))
    with (
        SandboxServer(clients=2, contacts=5, clock=clock) as server,
        HarvestClient(server.url, DEMO_EMAIL, DEMO_PASSWORD) as api,
    ):
        clock.now = datetime(2024, 5, 1, 12, 30, 45, tzinfo=UTC)
        changed = server.store.update_contact(server.store.contacts()[1].id or 0, title="Boss")
        client = server.store.add_client("Late & Co")
        watermark = datetime(2024, 5, 1, 12, 30, 50, 999, tzinfo=UTC)  # same minute, later
        assert api.list_contacts(updated_since=watermark) == [changed]
        assert server.requests[-1].query == {"updated_since": "2024-05-01 12:30"}
        assert [c.id for c in api.list_clients(updated_since=watermark)] == [client.id]
        local = watermark.astimezone(timezone(timedelta(hours=2)))
        assert api.list_contacts(updated_since=local) == [changed]
        assert server.requests[-1].query == {"updated_since": "2024-05-01 12:30"}
        later = datetime(2024, 5, 1, 12, 31, tzinfo=UTC)
        assert api.list_contacts(updated_since=later) == []


def test_updated_since_goes_out_url_encoded(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.requests.clear()
    api.list_contacts(updated_since=datetime(2010, 9, 25, 18, 30, tzinfo=UTC))
    assert sandbox.requests[0].query == {"updated_since": "2010-09-25 18:30"}


# -- faults --------------------------------------------------------------------------------


def test_http_500_is_a_server_error_not_retried(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.faults.add("http_500", method="GET", path="/contacts")
    sandbox.requests.clear()
    with pytest.raises(ServerError, match="HTTP 500"):
        api.list_contacts()
    assert len(sandbox.requests) == 1


def test_http_502_is_retried_for_get(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.faults.add("http_502", method="GET", path="/contacts", count=2)
    sandbox.requests.clear()
    assert by_id(api.list_contacts()) == by_id(sandbox.store.contacts())
    assert len(sandbox.requests) == 3


def test_http_502_on_post_is_not_resent(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.faults.add("http_502", method="POST")
    with pytest.raises(GatewayError) as caught:
        api.create_contact(new_contact(sandbox))
    assert caught.value.outcome_unknown
    assert len([r for r in sandbox.requests if r.method == "POST"]) == 1


def test_drop_before_on_get_and_put_is_retried(api: HarvestClient, sandbox: SandboxServer) -> None:
    contact = sandbox.store.contacts()[0]
    sandbox.faults.add("drop_before", method="GET")
    sandbox.faults.add("drop_after", method="PUT")
    updated = api.update_contact(contact.id or 0, {"title": "Twice"})
    assert updated.title == "Twice"
    assert [r.method for r in sandbox.requests] == ["PUT", "PUT", "GET", "GET"]


def test_drop_after_post_is_outcome_unknown_and_never_resent(
    api: HarvestClient,
    sandbox: SandboxServer,
) -> None:
    before = len(sandbox.store.contacts())
    sandbox.faults.add("drop_after", method="POST")
    with pytest.raises(NetworkError) as caught:
        api.create_contact(new_contact(sandbox, title="Maybe"))
    assert caught.value.outcome_unknown is True
    assert len([r for r in sandbox.requests if r.method == "POST"]) == 1
    assert len(sandbox.store.contacts()) == before + 1  # it did happen


def test_drop_before_post_is_also_never_resent(api: HarvestClient, sandbox: SandboxServer) -> None:
    """The client cannot tell a drop before processing from one after it."""
    before = len(sandbox.store.contacts())
    sandbox.faults.add("drop_before", method="POST")
    with pytest.raises(NetworkError) as caught:
        api.create_contact(new_contact(sandbox))
    assert caught.value.outcome_unknown is True
    assert len(sandbox.store.contacts()) == before


@pytest.mark.parametrize("path", ["/contacts", "/contacts/", "/account/who_am_i"])
def test_malformed_body_is_a_protocol_error(
    api: HarvestClient, sandbox: SandboxServer, path: str
) -> None:
    sandbox.faults.add("malformed", method="GET", path=path)
    with pytest.raises(ProtocolError):
        if path == "/contacts":
            api.list_contacts()
        elif path == "/contacts/":
            api.get_contact(sandbox.store.contacts()[0].id or 0)
        else:
            api.who_am_i()


def test_latency_past_the_timeout_is_a_network_error(sandbox: SandboxServer) -> None:
    sandbox.faults.latency = 0.5
    with HarvestClient(sandbox.url, DEMO_EMAIL, DEMO_PASSWORD, timeout=0.1) as api:
        with pytest.raises(NetworkError, match="did not answer in time"):
            api.list_contacts()


def test_slow_link_still_reads_everything(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.faults.bandwidth = 200_000
    assert by_id(api.list_contacts()) == by_id(sandbox.store.contacts())


def test_stopped_server_is_a_network_error(sandbox: SandboxServer) -> None:
    url = sandbox.url
    sandbox.stop()
    with HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD) as api:
        api.connection.retry_delays = FAST_RETRIES
        with pytest.raises(NetworkError) as caught:
            api.list_contacts()
    assert caught.value.outcome_unknown is False


# -- throttling and pacing -----------------------------------------------------------------


def test_throttle_is_waited_out_and_the_request_resent() -> None:
    with (
        SandboxServer(clients=2, contacts=4, rate_limit=3, rate_window=1.0) as server,
        HarvestClient(server.url, DEMO_EMAIL, DEMO_PASSWORD) as api,
    ):
        waits: list[float] = []
        api.on_throttle = waits.append
        contact = server.store.contacts()[0]
        for _ in range(3):
            api.get_contact(contact.id or 0)
        created = api.create_contact(new_contact(server))  # the 4th request is throttled
        assert waits == [1.0]
        assert server.store.get_contact(created.id or 0) == created
        assert len([r for r in server.requests if r.method == "POST"]) == 2


def test_throttle_fault_on_delete_is_resent(api: HarvestClient, sandbox: SandboxServer) -> None:
    contact_id = sandbox.store.contacts()[0].id or 0
    sandbox.faults.add("throttle", method="DELETE", retry_after=1)
    waits: list[float] = []
    api.on_throttle = waits.append
    api.delete_contact(contact_id)
    assert waits == [1.0] and sandbox.store.get_contact(contact_id) is None


def test_throttle_wait_can_be_cancelled(api: HarvestClient, sandbox: SandboxServer) -> None:
    sandbox.faults.add("throttle", retry_after=60)
    api.cancel_event = threading.Event()
    api.on_throttle = lambda seconds: api.cancel_event.set()  # type: ignore[union-attr]
    with pytest.raises(CancelledError):
        api.list_contacts()


def test_pacing_keeps_under_the_servers_limit() -> None:
    with (
        SandboxServer(clients=2, contacts=4, rate_limit=4, rate_window=0.5) as server,
        HarvestClient(
            server.url, DEMO_EMAIL, DEMO_PASSWORD, requests_per_window=4, window_seconds=0.5
        ) as api,
    ):
        waits: list[float] = []
        api.on_throttle = waits.append
        for _ in range(10):
            api.list_clients()
        assert waits == []
        assert len(server.requests) == 10
