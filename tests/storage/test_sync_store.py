"""The engine-facing half of the cache: entry states around network calls, id replacement."""

from __future__ import annotations

from addressbook.core.models import Contact
from addressbook.storage import Cache

from .conftest import server_contact


def test_claim_marks_sending_and_a_crash_leaves_creates_unknown(cache: Cache) -> None:
    created = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    cache.update_contact(1, {"title": "CEO"})
    create, update = cache.pending()
    claimed = cache.claim(create.id)
    assert claimed is not None and claimed.state == "sending" and claimed.sent_at is not None
    cache.claim(update.id)
    cache.reset_in_flight()  # what the next sync does after a crash
    assert [(p.contact_id, p.state) for p in cache.pending()] == [
        (created.id, "unknown"),
        (1, "queued"),
    ]
    assert cache.claim(create.id) == cache.pending()[0]  # an unknown create stays unknown


def test_completed_create_replaces_the_temporary_id_everywhere(cache: Cache) -> None:
    created = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    cache.update_contact(created.id or 0, {"title": "Queued behind"})
    cache.delete_contact(created.id or 0)
    cache.complete_create(entry, server_contact(77, first_name="Ann", last_name="Lee"))
    assert [(p.kind, p.contact_id) for p in cache.pending()] == [("update", 77), ("delete", 77)]
    assert cache.created_server_ids() == {77}
    assert cache.dirty_contact_ids() == {77}


def test_a_change_discarded_while_on_the_wire_is_tolerated(cache: Cache) -> None:
    cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    cache.discard_pending(entry.id)
    assert cache.claim(entry.id) is None
    cache.complete_create(entry, server_contact(78))  # the server made it anyway
    assert cache.pending() == [] and 78 in {c.id for c in cache.contacts()}


def test_next_pending_skips_contacts_blocked_by_a_rejected_change(cache: Cache) -> None:
    refused = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    cache.update_contact(2, {"title": "Fine"})
    create = cache.pending()[0]
    cache.mark(create.id, "rejected", error="Client does not exist")
    nxt = cache.next_pending(0)
    assert nxt is not None and nxt.contact_id == 2
    assert cache.next_pending(nxt.id) is None
    assert cache.pending()[0].error == "Client does not exist"
    assert refused.id in cache.dirty_contact_ids()
