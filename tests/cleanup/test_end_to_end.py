"""Clean-up, history and trash end to end: the cache, the engine, the sandbox over loopback."""

from __future__ import annotations

from datetime import timedelta

from addressbook.cleanup import find_duplicates
from addressbook.cleanup.actions import (
    apply_merge,
    apply_phone_fixes,
    undo_merge,
    undo_phone_fixes,
)
from addressbook.cleanup.merge import plan
from addressbook.cleanup.phones import preview
from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.sync import SyncEngine
from tests.sync.conftest import sync_ok


def posts(server: SandboxServer) -> int:
    return len([r for r in server.requests if r.method == "POST"])


def test_a_merged_duplicate_leaves_one_contact_with_the_chosen_fields(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    client = cache.clients()[0].id
    server.store.add_contact(client, "Dana", "Twin", email="dana@twin.com", title="Boss")
    server.store.add_contact(client, "Dana", "Twin", email="DANA@twin.com", fax="555 0199")
    sync_ok(synced, full=True)
    [group] = [g for g in find_duplicates(cache.contacts()) if g[0].last_name == "Twin"]
    keep, other = group
    merged = plan(keep, group, {"email": other.email})
    apply_merge(cache, merged)
    sync_ok(synced)
    [survivor] = [c for c in server.store.contacts() if c.last_name == "Twin"]
    assert survivor.id == keep.id
    assert (survivor.email, survivor.title, survivor.fax) == ("DANA@twin.com", "Boss", "555 0199")
    assert [t.contact.id for t in cache.trash()] == [other.id]


def test_undoing_a_merge_before_the_sync_sends_nothing(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    first, second = cache.contacts()[:2]
    merged = plan(first, [first, second], {"title": "Merged"})
    apply_merge(cache, merged)
    undo_merge(cache, merged)
    assert cache.pending() == [] and cache.trash() == []
    server.requests.clear()
    sync_ok(synced)
    assert [r.method for r in server.requests if r.method != "GET"] == []


def test_phones_normalised_in_a_batch_and_undone(server: SandboxServer, synced: SyncEngine) -> None:
    cache = synced.cache
    client = cache.clients()[0].id
    for number in range(3):
        server.store.add_contact(
            client,
            f"P{number}",
            "Phone",
            phone_office=f"020 7946 010{number}",
            phone_mobile="ask Jenny",
        )
    sync_ok(synced, full=True)
    phoned = [c for c in cache.contacts() if c.last_name == "Phone"]
    fixes = [f for f in preview(phoned, "GB") if f.after is not None]
    assert len(fixes) == 3
    apply_phone_fixes(cache, fixes)
    sync_ok(synced)
    on_server = [c for c in server.store.contacts() if c.last_name == "Phone"]
    assert sorted(c.phone_office or "" for c in on_server) == [
        "+44 20 7946 0100",
        "+44 20 7946 0101",
        "+44 20 7946 0102",
    ]
    assert {c.phone_mobile for c in on_server} == {"ask Jenny"}
    undo_phone_fixes(cache, fixes)
    sync_ok(synced)
    on_server = [c for c in server.store.contacts() if c.last_name == "Phone"]
    assert sorted(c.phone_office or "" for c in on_server) == [
        "020 7946 0100",
        "020 7946 0101",
        "020 7946 0102",
    ]


def test_server_and_local_edits_in_history_and_a_version_restored(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    target = server.store.contacts()[4]
    assert target.id is not None and target.updated_at is not None
    server.store.update_contact(
        target.id, title="Server title", updated_at=target.updated_at + timedelta(minutes=5)
    )
    sync_ok(synced, full=True)
    cache.update_contact(target.id, {"title": "Local title"})
    sync_ok(synced)
    versions = cache.history(target.id)
    assert [(v.source, v.contact.title) for v in versions] == [
        ("harvest", target.title),
        ("harvest", "Server title"),
        ("local", "Local title"),
    ]
    assert versions[0].seen_at < versions[1].seen_at <= versions[2].seen_at
    assert versions[2].confirmed_at is not None and versions[1].confirmed_at is None
    cache.restore_version(target.id, 1)
    sync_ok(synced)
    restored = server.store.get_contact(target.id)
    assert restored is not None and restored.title == "Server title"


def test_local_and_server_deletes_in_the_trash_and_restored_once(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    mine, theirs = server.store.contacts()[5:7]
    assert mine.id is not None and theirs.id is not None
    cache.delete_contact(mine.id)
    server.store.delete_contact(theirs.id)
    sync_ok(synced, full=True)
    assert {(t.contact.id, t.source) for t in cache.trash()} == {
        (mine.id, "local"),
        (theirs.id, "harvest"),
    }
    before = posts(server)
    for old in (mine, theirs):
        assert old.id is not None
        restored = cache.restore_from_trash(old.id)
        assert restored.id is not None and restored.id < 0
    sync_ok(synced)
    sync_ok(synced)
    assert posts(server) - before == 2
    for old in (mine, theirs):
        again = [c for c in server.store.contacts() if _same_person(c, old)]
        assert len(again) == 1 and again[0].id != old.id
        assert again[0].editable_values() == old.editable_values()
    assert cache.trash() == [] and cache.pending() == []


def _same_person(left: Contact, right: Contact) -> bool:
    return (left.first_name, left.last_name, left.email) == (
        right.first_name,
        right.last_name,
        right.email,
    )
