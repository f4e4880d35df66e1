"""--db: the data (and the id sequence) survive a restart of the sandbox."""

from __future__ import annotations

from pathlib import Path

from addressbook.sandbox import SandboxServer

from .support import FakeClock, Wire

NEW_CONTACT = (
    '<contact><client-id type="integer">1002</client-id>'
    "<first-name>Søren</first-name><last-name>Kierkegaard &amp; Co</last-name></contact>"
)


def test_data_survives_restart(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "sandbox.sqlite"
    with SandboxServer(clients=5, contacts=20, seed=3, db_path=str(db), clock=clock) as first:
        wire = Wire(first)
        location = wire.request("POST", "/contacts", NEW_CONTACT).headers["location"]
        victim, edited = first.store.contacts()[:2]
        assert wire.request("DELETE", f"/contacts/{victim.id}").status == 200
        clock.advance(60)
        body = '<contact><email nil="true"/><title>Ägare</title></contact>'
        assert wire.request("PUT", f"/contacts/{edited.id}", body).status == 200
        assert wire.request("POST", "/clients/1003/toggle").status == 200
        contacts, clients = first.store.contacts(), first.store.clients()
        body_before = wire.get("/contacts").body

    # Different demo arguments: an existing file wins over generating new data.
    with SandboxServer(clients=9, contacts=99, seed=4, db_path=str(db), clock=clock) as second:
        assert second.store.contacts() == contacts
        assert second.store.clients() == clients
        wire = Wire(second)
        assert wire.get(location).status == 200
        assert wire.get(f"/contacts/{victim.id}").status == 404
        assert wire.get("/contacts").body == body_before


def test_ids_are_not_reused_after_restart(tmp_path: Path) -> None:
    db = str(tmp_path / "ids.sqlite")
    with SandboxServer(clients=2, contacts=3, db_path=db) as first:
        newest = first.store.add_contact(1001, "Last", "One")
        first.store.delete_contact(newest.id or 0)
    with SandboxServer(db_path=db) as second:
        again = second.store.add_contact(1001, "Next", "One")
        assert (again.id or 0) > (newest.id or 0)
        client = second.store.add_client("Fresh Client")
        assert client.id > max(c.id for c in second.store.clients() if c.id != client.id)


def test_restarting_the_same_object_keeps_writing_to_the_file(tmp_path: Path) -> None:
    db = str(tmp_path / "same.sqlite")
    server = SandboxServer(clients=2, contacts=2, db_path=db).start()
    server.stop()
    server.start()
    added = server.store.add_contact(1001, "After", "Restart")
    server.stop()
    with SandboxServer(db_path=db) as reopened:
        assert reopened.store.get_contact(added.id or 0) == added


def test_empty_database_file_gets_demo_data(tmp_path: Path) -> None:
    with SandboxServer(clients=3, contacts=7, db_path=str(tmp_path / "new.sqlite")) as server:
        assert len(server.store.contacts()) == 7 and len(server.store.clients()) == 3


def test_deleted_client_and_its_contacts_stay_deleted(tmp_path: Path) -> None:
    db = tmp_path / "sandbox.sqlite"
    with SandboxServer(clients=3, contacts=12, seed=5, db_path=str(db)) as first:
        doomed = first.store.contacts()[0].client_id
        assert Wire(first).request("DELETE", f"/clients/{doomed}").status == 200
        remaining = first.store.contacts()
    with SandboxServer(db_path=str(db)) as second:
        assert second.store.get_client(doomed) is None
        assert second.store.contacts(client_id=doomed) == []
        assert second.store.contacts() == remaining
