"""The cache's reading side, durability, and the file per account."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from addressbook.core.models import Contact
from addressbook.storage import Cache

from .conftest import SERVER_TIME, server_contact


def test_fresh_cache_is_empty_and_durable_by_configuration(cache_path: Path) -> None:
    with Cache.open(cache_path) as cache:
        assert cache.contacts() == []
        assert cache.clients() == []
        assert cache.pending() == []
        assert cache.last_sync_at() is None
        connection = cache._db.connection
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_contacts_round_trip_with_times_and_unicode(cache: Cache) -> None:
    special = server_contact(9, first_name="Zoë <&>", title="Président", fax="ask Jenny")
    cache.apply_contacts([special], complete=False)
    stored = {contact.id: contact for contact in cache.contacts()}
    assert stored[9] == special
    assert stored[9].updated_at == SERVER_TIME
    assert [client.name for client in cache.clients()] == ["Acme & Sons", "Zeta"]


def test_queued_edit_survives_reopening_in_a_new_connection(cache: Cache, cache_path: Path) -> None:
    cache.update_contact(1, {"title": "CEO"})
    created = cache.create_contact(Contact(None, 2, "New", "Person"))
    # Another connection (as after a crash, or the worker thread) sees the committed edits.
    with Cache.open(cache_path) as other:
        assert [(p.kind, p.contact_id) for p in other.pending()] == [
            ("update", 1),
            ("create", created.id),
        ]
        views = {contact.id: contact for contact in other.contacts()}
        assert views[1].title == "CEO"
        assert views[created.id].first_name == "New"
    raw = sqlite3.connect(cache_path)
    try:
        assert raw.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 2
    finally:
        raw.close()


def test_path_for_is_one_safe_file_per_account(tmp_path: Path) -> None:
    first = Cache.path_for(tmp_path, "https://acme.harvestapp.com", "Ann@Example.com")
    same = Cache.path_for(tmp_path, "https://ACME.harvestapp.com/", "ann@example.com ")
    other_user = Cache.path_for(tmp_path, "https://acme.harvestapp.com", "bob@example.com")
    other_host = Cache.path_for(tmp_path, "http://127.0.0.1:8080", "ann@example.com")
    assert first == same
    assert len({first, other_user, other_host}) == 3
    assert all(path.parent == tmp_path for path in (first, other_user, other_host))
    assert all("/" not in path.name and ":" not in path.name for path in (first, other_host))
    with Cache.open(other_host) as cache:
        assert cache.path.exists()


def test_pull_apply_upserts_and_a_complete_list_removes_vanished_contacts(cache: Cache) -> None:
    cache.update_contact(3, {"title": "kept while edited"})
    deleted = cache.apply_contacts([server_contact(1, title="Dr")], complete=True)
    # 2 vanished; 3 vanished too but has an unsent edit, so it stays for the push to judge.
    assert deleted == [2]
    views = {contact.id: contact for contact in cache.contacts()}
    assert set(views) == {1, 3}
    assert views[1].title == "Dr"


def test_watermark_is_the_newest_server_time_seen(cache: Cache) -> None:
    assert cache.meta_time("watermark:contacts") == SERVER_TIME
    later = SERVER_TIME.replace(hour=13)
    cache.apply_contacts([server_contact(4, updated_at=later)], complete=False)
    cache.apply_contacts([server_contact(5)], complete=False)  # older: no step back
    assert cache.meta_time("watermark:contacts") == later


def test_dirty_ids_and_last_sync(cache: Cache) -> None:
    cache.update_contact(2, {"email": "x@example.org"})
    created = cache.create_contact(Contact(None, 1, "A", "B"))
    assert cache.dirty_contact_ids() == {2, created.id}
    cache.set_meta_time("last_sync_at", SERVER_TIME)
    assert cache.last_sync_at() == SERVER_TIME


def test_contacts_see_writes_from_another_connection_and_own_edits(
    cache: Cache, cache_path: Path
) -> None:
    assert {contact.id for contact in cache.contacts()} == {1, 2, 3}
    with Cache.open(cache_path) as worker:  # the sync worker's own connection
        worker.apply_contacts([server_contact(4, title="From the worker")], complete=False)
    assert {contact.id: contact.title for contact in cache.contacts()}[4] == "From the worker"
    cache.update_contact(4, {"title": "Mine"})
    listed = cache.contacts()
    assert {contact.id: contact.title for contact in listed}[4] == "Mine"
    listed.clear()  # callers own the list they get
    assert len(cache.contacts()) == 4
    cache.apply_contacts([server_contact(5)], complete=False)
    assert 5 in {contact.id for contact in cache.contacts()}


def test_a_server_on_this_machine_keeps_its_cache_whatever_port_it_got(tmp_path: Path) -> None:
    """The demo falls back to a free port when its own is taken: the edits queued in its
    cache must not be left behind in a file named after the other port."""
    demo = Cache.path_for(tmp_path, "http://127.0.0.1:47315", "demo@example.com")
    assert Cache.path_for(tmp_path, "http://127.0.0.1:50123/", "demo@example.com") == demo
    assert Cache.path_for(tmp_path, "http://127.0.0.1:50123/v2", "1") != demo
    remote = Cache.path_for(tmp_path, "https://acme.harvestapp.com", "demo@example.com")
    assert remote != demo
    assert Cache.path_for(tmp_path, "https://acme.harvestapp.com:8443", "x@y.z") != (
        Cache.path_for(tmp_path, "https://acme.harvestapp.com", "x@y.z")
    )
