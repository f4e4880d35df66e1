"""Every merge and conflict case against the sandbox, and each resolution followed by a sync."""

from __future__ import annotations

import pytest

from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.sync import SyncEngine

from .conftest import local, sync_ok


def on_server(server: SandboxServer, contact_id: int) -> Contact:
    found = server.store.get_contact(contact_id)
    assert found is not None
    return found


@pytest.fixture
def target(server: SandboxServer, synced: SyncEngine) -> Contact:
    return server.store.contacts()[2]


def test_different_fields_on_each_side_merge_by_themselves(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    synced.cache.update_contact(target.id or 0, {"title": "Mine"})
    server.store.update_contact(target.id, email="theirs@example.com")
    report = sync_ok(synced)
    assert report.conflicts == [] and report.pushed == 1
    merged = on_server(server, target.id or 0)
    assert (merged.title, merged.email) == ("Mine", "theirs@example.com")
    assert local(synced.cache)[target.id or 0] == merged


def test_same_value_on_both_sides_is_not_a_conflict(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    synced.cache.update_contact(target.id or 0, {"title": "Same"})
    server.store.update_contact(target.id, title="Same")
    server.requests.clear()
    report = sync_ok(synced)
    assert report.conflicts == [] and synced.cache.pending() == []
    assert not [r for r in server.requests if r.method == "PUT"]


def make_field_conflict(server: SandboxServer, synced: SyncEngine, target: Contact) -> None:
    synced.cache.update_contact(
        target.id or 0, {"title": "Mine", "email": "mine@example.com", "fax": "111"}
    )
    server.store.update_contact(target.id, title="Theirs", email="theirs@example.com")
    report = sync_ok(synced)
    [conflict] = report.conflicts
    assert conflict.kind == "fields" and conflict.contact_id == target.id
    assert conflict.fields == {
        "title": ("Mine", "Theirs"),
        "email": ("mine@example.com", "theirs@example.com"),
    }
    stored = on_server(server, target.id or 0)
    assert (stored.title, stored.email, stored.fax) == ("Theirs", "theirs@example.com", "111")


@pytest.mark.parametrize(
    ("keep", "title", "email"),
    [
        ("mine", "Mine", "mine@example.com"),
        ("theirs", "Theirs", "theirs@example.com"),
        ({"title": "theirs", "email": "mine"}, "Theirs", "mine@example.com"),
    ],
)
def test_field_conflict_resolved_then_synced(
    server: SandboxServer,
    synced: SyncEngine,
    target: Contact,
    keep: object,
    title: str,
    email: str,
) -> None:
    make_field_conflict(server, synced, target)
    synced.cache.resolve_conflict(target.id or 0, keep)  # type: ignore[arg-type]
    assert synced.cache.conflicts() == []
    report = sync_ok(synced)
    assert report.conflicts == [] and synced.cache.pending() == []
    stored = on_server(server, target.id or 0)
    assert (stored.title, stored.email, stored.fax) == (title, email, "111")
    assert local(synced.cache)[target.id or 0] == stored


def test_update_of_a_contact_deleted_on_server(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    synced.cache.update_contact(target.id or 0, {"title": "Still mine"})
    server.store.delete_contact(target.id)
    [conflict] = sync_ok(synced).conflicts
    assert conflict.kind == "deleted_on_server" and conflict.fields == {
        "title": ("Still mine", None)
    }
    assert local(synced.cache)[target.id or 0].title == "Still mine"
    recreated = synced.cache.resolve_conflict(target.id or 0, "mine")
    assert recreated is not None
    report = sync_ok(synced)
    new_id = report.created[recreated.id or 0]
    again = on_server(server, new_id)
    assert (again.first_name, again.last_name, again.title) == (
        target.first_name,
        target.last_name,
        "Still mine",
    )


def test_update_of_deleted_contact_resolved_theirs(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    synced.cache.update_contact(target.id or 0, {"title": "x"})
    server.store.delete_contact(target.id)
    sync_ok(synced)
    synced.cache.resolve_conflict(target.id or 0, "theirs")
    sync_ok(synced)
    assert target.id not in local(synced.cache) and synced.cache.pending() == []
    assert len(server.store.contacts()) == 39


def test_delete_of_a_contact_changed_on_server(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    synced.cache.delete_contact(target.id or 0)
    server.store.update_contact(target.id, title="Promoted")
    [conflict] = sync_ok(synced).conflicts
    assert conflict.kind == "changed_on_server" and conflict.fields == {"title": (None, "Promoted")}
    assert on_server(server, target.id or 0).title == "Promoted"  # untouched
    assert local(synced.cache)[target.id or 0].title == "Promoted"
    synced.cache.resolve_conflict(target.id or 0, "mine")
    sync_ok(synced)
    assert server.store.get_contact(target.id) is None


def test_delete_conflict_resolved_theirs_keeps_the_contact(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    synced.cache.delete_contact(target.id or 0)
    server.store.update_contact(target.id, title="Promoted")
    sync_ok(synced)
    synced.cache.resolve_conflict(target.id or 0, "theirs")
    sync_ok(synced)
    assert on_server(server, target.id or 0).title == "Promoted"
    assert local(synced.cache)[target.id or 0].title == "Promoted"
    assert synced.cache.pending() == [] and synced.cache.conflicts() == []


def test_deleting_a_contact_in_conflict_deletes_it_at_the_next_sync(
    server: SandboxServer, synced: SyncEngine, target: Contact
) -> None:
    make_field_conflict(server, synced, target)
    synced.cache.delete_contact(target.id or 0)
    assert target.id not in local(synced.cache)
    report = sync_ok(synced)
    assert report.conflicts == [] and synced.cache.conflicts() == []
    assert server.store.get_contact(target.id) is None
