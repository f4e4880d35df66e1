"""The trash: local deletes and server-side deletions kept, restored, purged."""

from __future__ import annotations

from datetime import timedelta

import pytest

from addressbook.api.errors import ValidationError
from addressbook.core.models import Client
from addressbook.storage import Cache, CacheError

from .conftest import SERVER_TIME, server_contact


def test_a_local_delete_goes_to_the_trash(cache: Cache) -> None:
    cache.update_contact(2, {"title": "Edited"})
    cache.delete_contact(2)
    [item] = cache.trash()
    assert item.source == "local" and item.contact.title == "Edited"
    assert item.deleted_at.tzinfo is not None
    assert cache.trash_count() == 1


def test_the_full_sweep_trashes_server_side_deletions(cache: Cache) -> None:
    cache.apply_contacts([server_contact(1), server_contact(3)], complete=True)
    assert [(t.contact.id, t.source) for t in cache.trash()] == [(2, "harvest")]
    assert cache.contact(2) is None


def test_undoing_a_queued_delete_takes_it_out_of_the_trash(cache: Cache) -> None:
    cache.delete_contact(1)
    cache.discard_pending(cache.pending()[-1].id)
    assert cache.trash() == [] and cache.contact(1) is not None


def test_restoring_an_unsent_delete_queues_the_create_behind_it(cache: Cache) -> None:
    cache.update_contact(1, {"title": "Kept"})
    cache.delete_contact(1)
    restored = cache.restore_from_trash(1)
    assert restored.id is not None and restored.id < 0 and restored.title == "Kept"
    assert [p.kind for p in cache.pending()] == ["update", "delete", "create"]
    assert cache.trash() == [] and cache.contact(1) is None
    assert cache.contact(restored.id) == restored


def test_restoring_a_sent_delete_queues_a_create_with_every_field(cache: Cache) -> None:
    cache.apply_contacts(
        [server_contact(1, phone_office="555 1"), server_contact(3)], complete=False
    )
    cache.apply_contacts([server_contact(1, phone_office="555 1")], complete=True)
    restored = cache.restore_from_trash(3)
    assert restored.id is not None and restored.id < 0
    [entry] = cache.pending()
    assert entry.kind == "create" and entry.changes == server_contact(3).editable_values()
    assert cache.trash() == [t for t in cache.trash() if t.contact.id != 3]
    assert [v.source for v in cache.history(restored.id)] == ["harvest"]


def test_restoring_needs_an_active_client(cache: Cache) -> None:
    cache.apply_clients([Client(1, "Acme", active=False), Client(2, "Zeta")], complete=True)
    cache.apply_contacts([server_contact(2)], complete=True)
    with pytest.raises(ValidationError) as refused:
        cache.restore_from_trash(1)
    assert "inactive" in str(refused.value) and "client_id" in refused.value.fields
    restored = cache.restore_from_trash(1, client_id=2)
    assert restored.client_id == 2
    with pytest.raises(CacheError):
        cache.restore_from_trash(1)


def test_trash_is_purged_after_its_keep_and_emptied_on_demand(cache: Cache) -> None:
    cache.apply_contacts([server_contact(1)], complete=True)
    assert cache.trash_count() == 2
    cache.trash_keep = timedelta(days=30)
    cache.purge_expired()
    assert cache.trash_count() == 2
    moved = cache._clock() + timedelta(days=31)  # noqa: SLF001
    cache._clock = lambda: moved  # noqa: SLF001
    cache.purge_expired()
    assert cache.trash() == []
    cache.delete_contact(1)
    assert cache.empty_trash() == 1 and cache.trash() == []
    assert SERVER_TIME  # the fixture's server time is older than any delete
