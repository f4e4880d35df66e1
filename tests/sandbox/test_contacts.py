"""The six contact endpoints, their XML shapes and their Rails-style errors."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

from addressbook.sandbox import SandboxServer

from .support import FakeClock, Wire, element_text

CONTACT_ELEMENTS = [
    "id", "client-id", "first-name", "last-name", "title", "email",
    "phone-office", "phone-mobile", "fax", "created-at", "updated-at",
]  # fmt: skip


def new_contact(client_id: int, **extra: str) -> str:
    fields = "".join(f"<{name}>{escape(value)}</{name}>" for name, value in extra.items())
    return f'<contact><client-id type="integer">{client_id}</client-id>{fields}</contact>'


def test_list_has_rails_shape(wire: Wire, server: SandboxServer) -> None:
    reply = wire.get("/contacts")
    assert reply.status == 200
    assert reply.headers["content-type"] == "application/xml; charset=utf-8"
    assert int(reply.headers["content-length"]) == len(reply.body)
    assert reply.body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<contacts type="array">')
    root = reply.xml()
    assert len(root) == len(server.store.contacts()) == 40
    first = root[0]
    assert [child.tag for child in first] == CONTACT_ELEMENTS
    assert first.find("id").get("type") == "integer"  # type: ignore[union-attr]
    assert first.find("client-id").get("type") == "integer"  # type: ignore[union-attr]
    for stamp in ("created-at", "updated-at"):
        element = first.find(stamp)
        assert element is not None and element.get("type") == "datetime"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", element.text or "")


def test_missing_values_are_nil(wire: Wire, server: SandboxServer) -> None:
    contact = server.store.add_contact(1001, "Zoë", "Ñúñez")
    reply = wire.get(f"/contacts/{contact.id}")
    assert b'<email nil="true"></email>' in reply.body
    assert b'<fax nil="true"></fax>' in reply.body
    assert element_text(reply.xml(), "email") is None


def test_get_one_contact(wire: Wire, server: SandboxServer) -> None:
    contact = server.store.contacts()[3]
    root = wire.get(f"/contacts/{contact.id}").xml()
    assert root.tag == "contact"
    assert element_text(root, "id") == str(contact.id)
    assert element_text(root, "first-name") == contact.first_name
    assert element_text(root, "phone-office") == contact.phone_office


def test_create_answers_201_with_location_and_empty_body(wire: Wire, server: SandboxServer) -> None:
    reply = wire.request(
        "POST",
        "/contacts",
        new_contact(
            1002,
            **{"first-name": "Łukasz", "last-name": "O'Brien & Söhne", "title": "R&D <lead>"},
            **{"id": "7", "created-at": "2001-01-01T00:00:00Z"},  # read-only: ignored
        ),
    )
    assert reply.status == 201
    assert reply.body == b""
    match = re.fullmatch(r"/contacts/(\d+)", reply.headers["location"])
    assert match
    created = server.store.get_contact(int(match.group(1)))
    assert created is not None and created.id != 7
    assert (created.first_name, created.last_name) == ("Łukasz", "O'Brien & Söhne")
    assert created.title == "R&D <lead>"
    assert created.created_at == created.updated_at == server.store.clock()
    assert created.email is None
    fetched = wire.get(reply.headers["location"])
    assert b"<title>R&amp;D &lt;lead&gt;</title>" in fetched.body
    assert element_text(fetched.xml(), "last-name") == "O'Brien & Söhne"


def test_create_without_required_fields_is_422_with_errors(wire: Wire) -> None:
    reply = wire.request("POST", "/contacts", "<contact><first-name> </first-name></contact>")
    assert reply.status == 422
    root = reply.xml()
    assert root.tag == "errors"
    assert [error.text for error in root] == [
        "Client can't be blank",
        "First name can't be blank",
        "Last name can't be blank",
    ]


def test_create_for_unknown_client_is_422(wire: Wire, server: SandboxServer) -> None:
    before = len(server.store.contacts())
    body = new_contact(999999, **{"first-name": "A", "last-name": "B"})
    reply = wire.request("POST", "/contacts", body)
    assert reply.status == 422
    assert b"<error>Client is invalid</error>" in reply.body
    assert len(server.store.contacts()) == before


def test_too_long_text_is_422(wire: Wire) -> None:
    body = new_contact(1001, **{"first-name": "A" * 256, "last-name": "B"})
    reply = wire.request("POST", "/contacts", body)
    assert reply.status == 422
    assert b"First name is too long (maximum is 255 characters)" in reply.body


def test_malformed_or_misrooted_bodies_are_400(wire: Wire) -> None:
    for body in ("<contact><first-name>x</contact>", "", "<client><name>x</name></client>",
                 "<contact>a & b</contact>"):  # fmt: skip
        reply = wire.request("POST", "/contacts", body)
        assert reply.status == 400, body
        assert reply.xml().tag == "errors"


def test_partial_update_changes_only_sent_fields(
    wire: Wire, server: SandboxServer, clock: FakeClock
) -> None:
    contact = server.store.add_contact(1001, "Jane", "Doe", title="CEO", email="j@x.example",
                                       phone_office="555", fax="556")  # fmt: skip
    clock.advance(120)
    body = '<contact><title>President</title><email nil="true"/><fax></fax></contact>'
    reply = wire.request("PUT", f"/contacts/{contact.id}", body)
    assert reply.status == 200
    assert reply.headers["location"] == f"/contacts/{contact.id}"
    assert reply.body.strip() == b""
    after = server.store.get_contact(contact.id or 0)
    assert after is not None
    assert (after.first_name, after.last_name, after.phone_office) == ("Jane", "Doe", "555")
    assert (after.title, after.email, after.fax) == ("President", None, None)
    assert after.updated_at == clock() and after.created_at == contact.created_at


def test_update_can_move_contact_to_another_client(wire: Wire, server: SandboxServer) -> None:
    contact = server.store.add_contact(1001, "Jane", "Doe")
    body = '<contact><client-id type="integer">1003</client-id></contact>'
    assert wire.request("PUT", f"/contacts/{contact.id}", body).status == 200
    assert server.store.get_contact(contact.id or 0).client_id == 1003  # type: ignore[union-attr]


def test_update_that_changes_nothing_keeps_updated_at(
    wire: Wire, server: SandboxServer, clock: FakeClock
) -> None:
    contact = server.store.add_contact(1001, "Jane", "Doe")
    clock.advance(600)
    reply = wire.request(
        "PUT", f"/contacts/{contact.id}", "<contact><first-name>Jane</first-name></contact>"
    )
    assert reply.status == 200
    assert server.store.get_contact(contact.id or 0) == contact


def test_update_clearing_a_required_field_is_422(wire: Wire, server: SandboxServer) -> None:
    contact = server.store.add_contact(1001, "Jane", "Doe")
    reply = wire.request(
        "PUT", f"/contacts/{contact.id}", '<contact><last-name nil="true"/></contact>'
    )
    assert reply.status == 422
    assert b"<error>Last name can't be blank</error>" in reply.body
    assert server.store.get_contact(contact.id or 0) == contact


def test_delete_then_404(wire: Wire, server: SandboxServer) -> None:
    contact = server.store.contacts()[0]
    reply = wire.request("DELETE", f"/contacts/{contact.id}")
    assert reply.status == 200
    assert server.store.get_contact(contact.id or 0) is None
    assert wire.get(f"/contacts/{contact.id}").status == 404
    assert wire.request("DELETE", f"/contacts/{contact.id}").status == 404
    assert wire.request("PUT", f"/contacts/{contact.id}", "<contact/>").status == 404


def test_client_contacts_lists_only_that_client(wire: Wire, server: SandboxServer) -> None:
    client_id = server.store.contacts()[0].client_id
    root = wire.get(f"/clients/{client_id}/contacts").xml()
    ids = {int(element_text(contact, "client-id") or 0) for contact in root}
    assert ids == {client_id}
    assert len(root) == len(server.store.contacts(client_id=client_id))
    assert wire.get("/clients/424242/contacts").status == 404


def test_empty_list_is_nil_classes(wire: Wire, server: SandboxServer) -> None:
    empty_client = server.store.clients()[-1]
    reply = wire.get(f"/clients/{empty_client.id}/contacts")
    assert reply.status == 200
    assert reply.body == b'<?xml version="1.0" encoding="UTF-8"?>\n<nil-classes type="array"/>\n'


def test_list_reflects_changes_made_behind_the_api(wire: Wire, server: SandboxServer) -> None:
    first = wire.get("/contacts").body
    contact = server.store.contacts()[0]
    server.store.update_contact(contact.id or 0, first_name="Ångström <&>")
    second = wire.get("/contacts").body
    assert first != second
    assert "<first-name>Ångström &lt;&amp;&gt;</first-name>".encode() in second
