"""Writing request bodies, and round trips Contact -> XML -> Contact."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from addressbook.api.codec import parse_document, parse_list
from addressbook.api.encode import contact_create_body, contact_update_body
from addressbook.api.errors import ValidationError
from addressbook.api.records import CONTACT_FIELD_MAP, CONTACTS
from addressbook.api.values import record_values
from addressbook.core import Contact

# XML 1.0 can carry only these characters (its `Char` production): tab, LF, CR and
# everything from U+0020 up except surrogates, U+FFFE and U+FFFF. The other C0 controls
# cannot be written even as &#N; references, so no Harvest client can send them, and
# our validation refuses them before a request is made. The strategy stays inside
# this set; `test_characters_xml_cannot_carry_are_refused` covers the rest.
XML_CHARACTERS = st.one_of(
    st.sampled_from("\t\n\r&<>\"']]>"),
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
XML_TEXT = st.text(alphabet=XML_CHARACTERS, max_size=40)

contacts = st.builds(
    Contact,
    id=st.none(),
    client_id=st.integers(min_value=1, max_value=2**62),
    first_name=XML_TEXT,
    last_name=XML_TEXT,
    title=st.none() | XML_TEXT,
    email=st.none() | XML_TEXT,
    phone_office=st.none() | XML_TEXT,
    phone_mobile=st.none() | XML_TEXT,
    fax=st.none() | XML_TEXT,
)


def read_back(body: bytes) -> dict[str, object]:
    root, content = parse_document(body)
    assert root == "contact"
    return record_values(content or {}, CONTACT_FIELD_MAP)


@settings(max_examples=300, deadline=None)
@given(contacts)
def test_create_body_round_trips(contact: Contact) -> None:
    sent = {name: value for name, value in contact.editable_values().items() if value is not None}
    assert read_back(contact_create_body(contact)) == sent


@settings(max_examples=150, deadline=None)
@given(
    contacts,
    st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
)
def test_listed_contact_round_trips(contact: Contact, moment: datetime) -> None:
    """Through the streaming list reader, with the server's id and timestamps added."""
    body = contact_create_body(contact).decode().split("\n", 1)[1]
    stamps = (
        f'<id type="integer">7</id><created-at type="datetime">{moment.isoformat()}'
        f'</created-at><updated-at type="datetime">'
        f"{moment.strftime('%Y-%m-%dT%H:%M:%S.%fZ')}</updated-at>"
    )
    listed = (
        '<contacts type="array">'
        + body.replace("<contact>", "<contact>" + stamps, 1)
        + "</contacts>"
    ).encode()
    expected = Contact(
        **{**contact.editable_values(), "id": 7, "created_at": moment, "updated_at": moment}
    )
    assert parse_list([listed], CONTACTS) == [expected]


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["title", "email", "fax", "first_name", "phone_mobile"]),
        st.none() | XML_TEXT,
        min_size=1,
    )
)
def test_update_body_round_trips_including_cleared_fields(changes: dict[str, str | None]) -> None:
    assert read_back(contact_update_body(changes)) == changes


def test_create_sends_no_id_no_timestamps_and_typed_client_id() -> None:
    now = datetime(2020, 1, 1, tzinfo=UTC)
    contact = Contact(
        id=-5,
        client_id=12,
        first_name="Ann & <Bob>",
        last_name="O'Neil",
        email="",
        created_at=now,
        updated_at=now,
    )
    body = contact_create_body(contact).decode()
    assert body.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<contact>\n')
    assert '<client-id type="integer">12</client-id>' in body
    assert "<first-name>Ann &amp; &lt;Bob&gt;</first-name>" in body
    assert "<email></email>" in body
    for absent in ("<id", "created-at", "updated-at", "<title", "<fax"):
        assert absent not in body


def test_update_sends_only_the_changes_and_clears_with_nil() -> None:
    body = contact_update_body({"fax": None, "title": "CEO", "client_id": 3}).decode()
    assert body.count("\n  <") == 3
    assert '<fax nil="true"/>' in body
    assert "<title>CEO</title>" in body
    assert '<client-id type="integer">3</client-id>' in body
    assert "first-name" not in body


def test_carriage_returns_survive_as_references() -> None:
    body = contact_update_body({"title": "a\r\nb\rc"})
    assert b"a&#13;\nb&#13;c" in body
    assert read_back(body) == {"title": "a\r\nb\rc"}


@pytest.mark.parametrize(
    "text", ["a\x00b", "\x01", "bell\x07", "\x1f", "\ufffe", "\uffff", "\ud800"]
)
def test_characters_xml_cannot_carry_are_refused(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        contact_update_body({"title": text})
    assert caught.value.fields == {"title": [caught.value.message]}


def test_unknown_fields_are_not_written() -> None:
    with pytest.raises(ValueError, match="not editable"):
        contact_update_body({"id": 4})
