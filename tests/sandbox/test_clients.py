"""Client endpoints: list, get, create, partial update, toggle and delete."""

from __future__ import annotations

import re

from addressbook.sandbox import SandboxServer

from .support import FakeClock, Wire, element_text

CLIENT_TYPES = {
    "id": "integer", "name": None, "active": "boolean", "currency": None, "details": None,
    "highrise-id": "integer", "cache-version": "integer", "created-at": "datetime",
    "updated-at": "datetime",
}  # fmt: skip


def test_list_has_every_client_with_typed_fields(wire: Wire, server: SandboxServer) -> None:
    root = wire.get("/clients").xml()
    assert root.tag == "clients" and root.get("type") == "array"
    assert len(root) == len(server.store.clients()) == 6
    for client in root:
        for name, kind in CLIENT_TYPES.items():
            element = client.find(name)
            assert element is not None, name
            assert element.get("type") == kind, name
    actives = {element_text(client, "active") for client in root}
    assert actives == {"true", "false"}  # archived clients come back too


def test_names_are_escaped(wire: Wire) -> None:
    reply = wire.get("/clients")
    assert "<name>Bücher &amp; Söhne GmbH</name>".encode() in reply.body
    assert b"<name>Smith &lt;Design&gt; Ltd</name>" in reply.body
    names = [element_text(client, "name") for client in reply.xml()]
    assert "Smith <Design> Ltd" in names and "O'Neil & Partners" in names


def test_get_one_client_and_404(wire: Wire) -> None:
    root = wire.get("/clients/1002").xml()
    assert root.tag == "client" and element_text(root, "name") == "Smith <Design> Ltd"
    assert wire.get("/clients/999").status == 404


def test_create_client_201_location_and_duplicate_422(wire: Wire, server: SandboxServer) -> None:
    body = '<client><name>Zoë &amp; Co</name><active type="boolean">false</active></client>'
    reply = wire.request("POST", "/clients", body)
    assert reply.status == 201 and reply.body == b""
    match = re.fullmatch(r"/clients/(\d+)", reply.headers["location"])
    assert match
    created = server.store.get_client(int(match.group(1)))
    assert created is not None and (created.name, created.active) == ("Zoë & Co", False)
    again = wire.request("POST", "/clients", "<client><name>zoë &amp; co</name></client>")
    assert again.status == 422
    assert [error.text for error in again.xml()] == ["Name has already been taken"]
    blank = wire.request("POST", "/clients", "<client><details>x</details></client>")
    assert blank.status == 422 and b"Name can't be blank" in blank.body


def test_partial_update(wire: Wire, server: SandboxServer, clock: FakeClock) -> None:
    before = server.store.get_client(1003)
    assert before is not None
    clock.advance(90)
    reply = wire.request(
        "PUT", "/clients/1003", "<client><details>Line 1\r\nLine 2</details></client>"
    )
    assert reply.status == 200 and reply.headers["location"] == "/clients/1003"
    after = server.store.get_client(1003)
    assert after is not None
    assert (after.name, after.active, after.currency) == (
        before.name,
        before.active,
        before.currency,
    )
    assert after.details == "Line 1\nLine 2"  # XML normalises a literal CR LF to LF
    assert after.updated_at == clock()
    renamed = wire.request(
        "PUT", "/clients/1003", "<client><name>O'Neil &amp; Partners</name></client>"
    )
    assert renamed.status == 422


def test_carriage_returns_survive_a_round_trip(wire: Wire, server: SandboxServer) -> None:
    server.store.update_client(1004, details="Street 1\r\nCity")
    assert element_text(wire.get("/clients/1004").xml(), "details") == "Street 1\r\nCity"


def test_toggle_flips_active(wire: Wire, server: SandboxServer) -> None:
    was = server.store.get_client(1001).active  # type: ignore[union-attr]
    reply = wire.request("POST", "/clients/1001/toggle")
    assert reply.status == 200 and reply.headers["location"] == "/clients/1001"
    assert server.store.get_client(1001).active is (not was)  # type: ignore[union-attr]
    wire.request("POST", "/clients/1001/toggle")
    assert server.store.get_client(1001).active is was  # type: ignore[union-attr]
    assert wire.request("POST", "/clients/999/toggle").status == 404
    assert wire.request("PUT", "/clients/1001/toggle").status == 404  # the verb is POST


def test_delete_client_takes_its_contacts(wire: Wire, server: SandboxServer) -> None:
    client_id = server.store.contacts()[0].client_id
    assert wire.request("DELETE", f"/clients/{client_id}").status == 200
    assert server.store.get_client(client_id) is None
    assert server.store.contacts(client_id=client_id) == []
    assert wire.get(f"/clients/{client_id}").status == 404
    assert wire.request("DELETE", f"/clients/{client_id}").status == 404
