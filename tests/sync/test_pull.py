"""Pulling from the sandbox: first sync, incremental sync, deletions found by the sweep."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from addressbook.api import HarvestClient
from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine
from tests.api_versions import requests_as_v1

from .conftest import local, sync_ok


def by_id(contact: Contact) -> int:
    return contact.id or 0


def contact_lists(server: SandboxServer) -> list[dict[str, str]]:
    """The query of each contacts list asked for (over v2: its first page, our filters)."""
    return [
        query
        for method, path, query in requests_as_v1(server)
        if method == "GET" and path == "/contacts" and "cursor" not in query
    ]


def test_first_sync_fetches_everything(server: SandboxServer, engine: SyncEngine) -> None:
    phases: list[tuple[str, int, int]] = []
    report = sync_ok(engine, progress=lambda *step: phases.append(step))
    cache = engine.cache
    assert report.pulled_contacts == 40 and report.pulled_clients == 5 and report.full_sweep
    assert sorted(local(cache).values(), key=by_id) == sorted(server.store.contacts(), key=by_id)
    assert {client.id for client in cache.clients()} == {c.id for c in server.store.clients()}
    assert contact_lists(server) == [{}]  # one complete list, no updated_since
    assert {phase for phase, _, _ in phases} >= {"pull-clients", "pull-contacts"}
    assert cache.last_sync_at() is not None


def test_incremental_sync_asks_only_for_changes(server: SandboxServer, synced: SyncEngine) -> None:
    watermark = synced.cache.meta_time("watermark:contacts")
    assert watermark == max(c.updated_at for c in server.store.contacts() if c.updated_at)
    target = server.store.contacts()[4]
    server.store.update_contact(target.id, title="Changed elsewhere")
    server.requests.clear()
    report = sync_ok(synced)
    [query] = contact_lists(server)
    since = datetime.fromisoformat(query["updated_since"].replace("Z", "")).replace(tzinfo=UTC)
    assert watermark - timedelta(minutes=3) <= since <= watermark  # the safety margin
    assert not report.full_sweep and 1 <= report.pulled_contacts < 40
    assert local(synced.cache)[target.id].title == "Changed elsewhere"


def test_deletions_on_the_server_arrive_with_the_sweep(
    server: SandboxServer, synced: SyncEngine
) -> None:
    gone = server.store.contacts()[0].id
    server.store.delete_contact(gone)
    assert not sync_ok(synced).deleted  # incremental: v1 cannot report it
    report = sync_ok(synced, full=True)
    assert report.full_sweep and report.deleted == [gone]
    assert gone not in local(synced.cache)


def test_sweep_runs_by_itself_once_its_interval_has_passed(
    server: SandboxServer, api: HarvestClient, cache: Cache
) -> None:
    now = [datetime(2030, 1, 1, tzinfo=UTC)]
    engine = SyncEngine(api, cache, full_sweep_interval=600, clock=lambda: now[0])
    assert sync_ok(engine).full_sweep
    gone = server.store.contacts()[1].id
    server.store.delete_contact(gone)
    now[0] += timedelta(seconds=599)
    assert not sync_ok(engine).full_sweep
    now[0] += timedelta(seconds=2)
    assert sync_ok(engine).deleted == [gone]


def test_new_clients_and_contacts_from_others_arrive(
    server: SandboxServer, synced: SyncEngine
) -> None:
    client = server.store.add_client("Brand New Ltd")
    added = server.store.add_contact(client.id, "Nora", "Nowak", email="nora@example.com")
    sync_ok(synced)
    assert client.id in {c.id for c in synced.cache.clients()}
    assert local(synced.cache)[added.id] == added
