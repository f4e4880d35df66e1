"""The v2 codec over the bodies recorded from Harvest and quoted in the reference."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from addressbook.api import ProtocolError, ValidationError
from addressbook.api.v2 import codec
from addressbook.api.v2.paging import next_position, since_parameter
from addressbook.core.models import Contact

from . import v2_bodies as bodies


def test_docs_contact_reads_with_its_nested_client() -> None:
    contact = codec.contact_from_json(json.loads(bodies.DOCS_CONTACT_GET))
    assert contact == Contact(
        id=4706479,
        client_id=5735774,
        first_name="Jane",
        last_name="Doe",
        title="Owner",
        email="janedoe@example.com",
        phone_office="(203) 697-8885",
        phone_mobile="(203) 697-8886",
        fax="(203) 697-8887",
        created_at=datetime(2017, 6, 26, 21, 20, 7, tzinfo=UTC),
        updated_at=datetime(2017, 6, 26, 21, 27, 7, tzinfo=UTC),
    )


def test_recorded_create_reply_has_empty_strings_and_a_null_title_as_no_value() -> None:
    contact = codec.contact_from_json(json.loads(bodies.CONTACT_CREATE_201))
    assert (contact.id, contact.client_id, contact.full_name) == (7140797, 7722246, "Jon Snow")
    assert (contact.title, contact.email, contact.phone_office, contact.fax) == (None,) * 4


def test_recorded_list_page_reads_newest_first_and_has_no_next_page() -> None:
    items, following = codec.page_items(json.loads(bodies.CONTACTS_LIST_ADMIN_200), "contacts")
    assert [codec.contact_from_json(item).id for item in items] == [7140798, 7140797]
    assert following is None


def test_clients_docs_and_recorded() -> None:
    client = codec.client_from_json(json.loads(bodies.DOCS_CLIENT_GET))
    assert (client.id, client.name, client.active, client.currency) == (
        5735776,
        "123 Industries",
        True,
        "EUR",
    )
    assert client.address == "123 Main St.\r\nAnytown, LA 71223"
    created = codec.client_from_json(json.loads(bodies.CLIENT_CREATE_201_2021))
    assert created.address is None and created.statement_key == "b0e8f3951e5cd5b28ad3ea7a8f6311ab"


@pytest.mark.parametrize(
    ("user", "manages"),
    [
        (bodies.DOCS_USERS_ME, True),  # access_roles: administrator
        (bodies.USERS_ME_ADMIN_2019, True),  # the older shape: is_admin
    ],
)
def test_who_am_i_from_both_user_shapes(user: bytes, manages: bool) -> None:
    account = codec.account_from_json(json.loads(user), json.loads(bodies.DOCS_COMPANY))
    assert account.admin is manages and account.company_name == "API Examples"
    assert account.email and account.timezone and account.timezone.endswith("(US & Canada)")


@pytest.mark.parametrize(
    ("roles", "manages"),
    [
        (["member"], False),
        (["manager"], False),
        (["manager", "client_and_task_manager"], True),
        (["manager", "project_creator"], False),
    ],
)
def test_only_managers_who_edit_clients_may_manage_contacts(
    roles: list[str], manages: bool
) -> None:
    assert codec.may_manage_contacts({"access_roles": roles, "is_admin": True}) is manages


def test_ids_beyond_32_bits_are_kept_and_beyond_64_refused() -> None:
    item = json.loads(bodies.DOCS_CONTACT_GET) | {"id": 2380504951}
    assert codec.contact_from_json(item).id == 2380504951
    with pytest.raises(ProtocolError):
        codec.contact_from_json(item | {"id": 2**64})
    with pytest.raises(ProtocolError):
        codec.contact_from_json(item | {"id": True})


@pytest.mark.parametrize(
    "body", [b"", b"<html>Too Many Requests</html>", b'{"contacts": [', b"NaN", b'{"contacts": 5}']
)
def test_unreadable_pages_are_protocol_errors(body: bytes) -> None:
    with pytest.raises(ProtocolError):
        codec.page_items(codec.load_json(body, "the contacts"), "contacts")


def test_a_contact_without_client_is_refused_not_half_built() -> None:
    item = json.loads(bodies.DOCS_CONTACT_GET)
    del item["client"]
    with pytest.raises(ProtocolError):
        codec.contact_from_json(item)


def test_create_body_is_flat_json_without_empty_fields() -> None:
    body = json.loads(
        codec.contact_create_body(
            Contact(None, 2380504951, "Zoë", "O'Neil", email="zoe@example.com", fax="")
        )
    )
    assert body == {
        "client_id": 2380504951,
        "first_name": "Zoë",
        "last_name": "O'Neil",
        "email": "zoe@example.com",
    }


def test_update_body_sends_only_changes_and_clears_as_harvest_reports_unset() -> None:
    body = json.loads(codec.contact_update_body({"email": None, "title": "", "fax": "1"}))
    assert body == {"email": "", "title": None, "fax": "1"}
    with pytest.raises(ValidationError):
        codec.contact_update_body({"client_id": None})


def test_next_position_takes_only_the_cursor_of_the_docs_link() -> None:
    assert next_position(bodies.NEXT_CURSOR_LINK) == {"cursor": "eyJhZnRlciI6eyJpZCI6MzAwN319"}
    assert next_position("https://api.harvestapp.com/v2/contacts?page=3&per_page=100") == {
        "page": "3"
    }
    with pytest.raises(ProtocolError):
        next_position("https://api.harvestapp.com/v2/contacts?per_page=100")


def test_updated_since_is_iso_8601_utc() -> None:
    assert (
        since_parameter(datetime(2024, 3, 1, 10, 15, 30, 999, tzinfo=UTC)) == "2024-03-01T10:15:30Z"
    )
    assert since_parameter(datetime(5, 1, 1)) == "0005-01-01T00:00:00Z"
