"""Pushing queued edits to the sandbox: offline replay, temporary ids, only changed fields."""

from __future__ import annotations

from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.sync import SyncEngine
from tests.api_versions import as_v1

from .conftest import local, sync_ok


def test_offline_create_edit_delete_are_kept_then_replayed(
    server: SandboxServer, synced: SyncEngine, offline_engine: SyncEngine
) -> None:
    cache = synced.cache
    first, second = server.store.contacts()[:2]
    created = cache.create_contact(Contact(None, first.client_id, "Olga", "Offline"))
    cache.update_contact(first.id or 0, {"title": "Edited offline"})
    cache.delete_contact(second.id or 0)
    report = offline_engine.sync()
    assert report.offline and not report.cancelled and report.pushed == 0
    assert [(p.kind, p.state) for p in cache.pending()] == [
        ("create", "queued"), ("update", "queued"), ("delete", "queued"),
    ]  # fmt: skip
    report = sync_ok(synced)
    assert report.pushed == 3 and cache.pending() == []
    server_id = report.created[created.id or 0]
    assert server_id > 0
    on_server = {c.id: c for c in server.store.contacts()}
    assert on_server[server_id].last_name == "Offline"
    assert [c.last_name for c in on_server.values()].count("Offline") == 1
    assert on_server[first.id].title == "Edited offline"
    assert second.id not in on_server
    view = local(cache)
    assert created.id not in view and view[server_id].last_name == "Offline"
    assert second.id not in view


def test_temporary_id_is_replaced_in_later_queued_edits(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    client_id = server.store.clients()[0].id
    created = cache.create_contact(Contact(None, client_id, "Tim", "Temp"))
    # The POST is cut off before the server handles it: its outcome is unknown to us.
    server.faults.add("drop_before", method="POST", path="/contacts")
    assert synced.sync().offline
    assert cache.pending()[0].state == "unknown"
    cache.update_contact(created.id or 0, {"title": "After"})  # queues behind the create
    assert [p.contact_id for p in cache.pending()] == [created.id, created.id]
    pushes: list[tuple[int, int]] = []
    report = sync_ok(
        synced,
        progress=lambda phase, done, total: (
            pushes.append((done, total)) if phase == "push" else None
        ),
    )
    assert pushes == [(1, 2), (2, 2)]  # the edit behind the create is counted from the start
    server_id = report.created[created.id or 0]
    assert server.store.get_contact(server_id).title == "After"  # type: ignore[union-attr]
    assert [c.last_name for c in server.store.contacts()].count("Temp") == 1  # sent again once
    assert cache.pending() == [] and local(cache)[server_id].title == "After"


def test_update_sends_only_the_changed_fields(server: SandboxServer, synced: SyncEngine) -> None:
    target = server.store.contacts()[3]
    synced.cache.update_contact(target.id or 0, {"phone_office": "+1 555 0100"})
    server.requests.clear()
    sync_ok(synced)
    [put] = [r for r in server.requests if as_v1(r.method, r.path)[0] == "PUT"]
    assert as_v1(put.method, put.path)[1] == f"/contacts/{target.id}"
    body = put.body.replace(b"_", b"-")  # v2 names fields with underscores
    assert b"phone-office" in body
    for other in (b"first-name", b"last-name", b"email", b"client-id", b"title"):
        assert other not in body


def test_delete_of_a_contact_already_gone_is_done(
    server: SandboxServer, synced: SyncEngine
) -> None:
    target = server.store.contacts()[5]
    synced.cache.delete_contact(target.id or 0)
    server.store.delete_contact(target.id)
    report = sync_ok(synced)
    assert synced.cache.pending() == [] and report.conflicts == []


def test_a_change_the_server_refuses_is_kept_and_does_not_block_others(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    refused = cache.create_contact(Contact(None, 987654, "No", "Client"))
    target = server.store.contacts()[6]
    cache.update_contact(target.id or 0, {"title": "Goes through"})
    report = synced.sync()
    assert not report.offline and report.error is None and len(report.rejected) == 1
    [entry] = cache.pending()
    assert entry.contact_id == refused.id and entry.state == "rejected" and entry.error
    assert server.store.get_contact(target.id).title == "Goes through"  # type: ignore[union-attr]
    cache.update_contact(refused.id or 0, {"client_id": target.client_id})  # the user fixes it
    assert cache.pending()[0].state == "queued"
    assert sync_ok(synced).created
