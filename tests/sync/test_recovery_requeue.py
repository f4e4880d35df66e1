"""A damaged cache with queued edits: moved aside, rebuilt from Harvest, and not one edit lost.

The file is really damaged (its pages scribbled over, all but the schema and the
outbox), so SQLite itself refuses it; the edits come back from the exported outbox
and the next sync pushes them, merged against the server like any other."""

from __future__ import annotations

import json
from pathlib import Path

from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine
from tests.cache_damage import damage_all_but_the_outbox

from .conftest import local, make_api, sync_ok


def test_edits_queued_in_a_damaged_cache_reach_harvest(
    server: SandboxServer, tmp_path: Path, api_version: str
) -> None:
    path = tmp_path / "account.sqlite3"
    store = server.store
    client_id = store.clients()[0].id
    edited, deleted, changed_there = store.contacts()[:3]
    with make_api(server.url, api_version) as api, Cache.open(path) as cache:
        sync_ok(SyncEngine(api, cache))
        new = cache.create_contact(Contact(None, client_id, "Nora", "Rescued"))
        cache.update_contact(edited.id or 0, {"title": "Kept through the crash"})
        cache.delete_contact(deleted.id or 0)
        cache.update_contact(changed_there.id or 0, {"email": "mine@example.com"})
    store.update_contact(changed_there.id or 0, title="Changed in Harvest")
    damage_all_but_the_outbox(path)

    with make_api(server.url, api_version) as api, Cache.open(path) as cache:
        recovery = cache.recovery
        assert recovery is not None and not recovery.newer and recovery.requeued == 4
        assert recovery.user_message == (
            "Your cache was damaged and rebuilt; 4 unsynced changes were kept. "
            f"The old file is kept at {recovery.moved_to}."
        )
        assert cache.integrity_check() == "ok"
        assert [(p.kind, p.contact_id) for p in cache.pending()] == [
            ("create", new.id), ("update", edited.id), ("delete", deleted.id),
            ("update", changed_there.id),
        ]  # fmt: skip
        assert cache.create_contact(Contact(None, client_id, "After", "Recovery")).id != new.id
        report = sync_ok(SyncEngine(api, cache))
        assert report.pushed == 5 and report.conflicts == []
        mine = local(cache)
    assert [c.last_name for c in store.contacts()].count("Rescued") == 1
    assert [c.last_name for c in store.contacts()].count("Recovery") == 1
    after_edit = store.get_contact(edited.id or 0)
    assert after_edit is not None and after_edit.title == "Kept through the crash"
    assert store.get_contact(deleted.id or 0) is None
    merged = store.get_contact(changed_there.id or 0)
    assert merged is not None
    assert (merged.email, merged.title) == ("mine@example.com", "Changed in Harvest")
    assert mine[changed_there.id or 0].title == "Changed in Harvest"
    export = recovery.outbox_export
    assert export is not None and len(json.loads(export.read_text("utf-8"))["outbox"]) == 4


def test_an_unreadable_file_says_its_changes_could_not_be_read(tmp_path: Path) -> None:
    path = tmp_path / "account.sqlite3"
    path.write_bytes(b"not a database" * 500)
    with Cache.open(path) as cache:
        recovery = cache.recovery
        assert recovery is not None and recovery.requeued == 0
        assert recovery.user_message.startswith("Your cache was damaged and rebuilt; its unsynced")
        assert cache.pending() == []
