"""Queued edits: temporary ids, coalescing that keeps meaning, validation, discard."""

from __future__ import annotations

import pytest

from addressbook.api import ValidationError
from addressbook.core.models import Contact
from addressbook.storage import Cache, CacheError


def kinds(cache: Cache) -> list[tuple[str, int, dict[str, object]]]:
    return [(p.kind, p.contact_id, p.changes) for p in cache.pending()]


def test_create_gets_distinct_negative_ids_never_reused(cache: Cache) -> None:
    first = cache.create_contact(Contact(None, 1, "Ann", "Lee", email="ann@example.com"))
    cache.delete_contact(first.id or 0)  # cancels the create: nothing was sent
    second = cache.create_contact(Contact(None, 1, "Bob", "Ray"))
    assert first.id == -1 and second.id == -2
    assert kinds(cache) == [("create", -2, second.editable_values())]


def test_update_of_a_queued_create_folds_into_it(cache: Cache) -> None:
    created = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    updated = cache.update_contact(created.id or 0, {"title": "CTO", "fax": "123"})
    assert updated.title == "CTO" and updated.id == created.id
    [entry] = cache.pending()
    assert entry.kind == "create" and entry.changes["title"] == "CTO"


def test_edits_to_a_server_contact_coalesce_keeping_only_changed_fields(cache: Cache) -> None:
    cache.update_contact(1, {"title": "CEO"})
    cache.update_contact(1, {"email": "new@example.com", "title": "CFO"})
    [entry] = cache.pending()
    assert entry.changes == {"title": "CFO", "email": "new@example.com"}
    assert entry.base == {"title": None, "email": "person1@example.com"}
    # Setting a field back to the server's value removes it from the change.
    cache.update_contact(1, {"email": "person1@example.com"})
    assert cache.pending()[0].changes == {"title": "CFO"}
    cache.update_contact(1, {"title": None})
    assert cache.pending() == []


def test_unchanged_values_queue_nothing(cache: Cache) -> None:
    same = cache.update_contact(2, {"first_name": "First2"})
    assert same.first_name == "First2" and cache.pending() == []


def test_edits_behind_an_entry_on_the_wire_queue_separately_in_order(cache: Cache) -> None:
    cache.update_contact(1, {"title": "A"})
    [entry] = cache.pending()
    assert cache.claim(entry.id) is not None  # the worker is sending it
    cache.update_contact(1, {"title": "B"})
    pending = cache.pending()
    assert [(p.kind, p.changes, p.state) for p in pending] == [
        ("update", {"title": "A"}, "sending"),
        ("update", {"title": "B"}, "queued"),
    ]
    assert pending[1].base == {"title": "A"}  # what the user saw


def test_delete_queues_behind_edits_so_discarding_it_undoes_it(cache: Cache) -> None:
    cache.update_contact(2, {"title": "X"})
    cache.delete_contact(2)
    update, delete = cache.pending()
    assert (update.kind, delete.kind, delete.contact_id) == ("update", "delete", 2)
    assert delete.base["title"] == "X" and delete.base["first_name"] == "First2"
    assert 2 not in {contact.id for contact in cache.contacts()}
    cache.discard_pending(delete.id)  # undo
    assert {contact.id: contact.title for contact in cache.contacts()}[2] == "X"


def test_delete_of_a_create_on_the_wire_is_queued_behind_it(cache: Cache) -> None:
    created = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    entry = cache.pending()[0]
    cache.claim(entry.id)
    cache.mark(entry.id, "unknown")
    cache.delete_contact(created.id or 0)
    assert [(p.kind, p.state) for p in cache.pending()] == [
        ("create", "unknown"),
        ("delete", "queued"),
    ]


def test_edits_of_a_contact_not_yet_on_the_server_wait_untouched(cache: Cache) -> None:
    created = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    create = cache.pending()[0]
    cache.claim(create.id)
    cache.update_contact(created.id or 0, {"title": "Dr"})  # queued behind the create
    cache.mark(create.id, "rejected", error="Client is invalid")

    assert cache.next_pending(0) is None and cache.count_to_send() == 0
    cache.mark(create.id, "queued")  # the user retried it
    assert cache.count_to_send() == 2  # the push will send both, the create first
    assert cache.next_pending(create.id) is None  # the edit waits for the server's id
    assert cache.pending()[1].sent_at is None  # never claimed: later edits still fold into it


def test_an_update_that_may_have_reached_the_server_takes_no_more_edits(cache: Cache) -> None:
    cache.apply_contacts([Contact(5, 1, "Ann", "Lee", title="Ms")], complete=True)
    cache.update_contact(5, {"title": "Dr"})
    first = cache.pending()[0]
    cache.claim(first.id)
    cache.reset_in_flight()  # the app died with the PUT on the wire, then restarted

    cache.update_contact(5, {"title": "Prof"})

    assert [(p.changes, p.base) for p in cache.pending()] == [
        ({"title": "Dr"}, {"title": "Ms"}),
        ({"title": "Prof"}, {"title": "Dr"}),
    ]


def test_invalid_values_raise_validation_error_with_fields(cache: Cache) -> None:
    with pytest.raises(ValidationError) as refused:
        cache.create_contact(Contact(None, 1, " ", "Lee", email="not-an-address"))
    assert set(refused.value.fields) == {"first_name", "email"}
    with pytest.raises(ValidationError) as refused:
        cache.update_contact(1, {"last_name": "", "nickname": "x"})
    assert set(refused.value.fields) == {"last_name", "nickname"}
    assert cache.pending() == []


def test_unknown_contacts_raise_cache_error(cache: Cache) -> None:
    with pytest.raises(CacheError):
        cache.update_contact(404, {"title": "x"})
    cache.delete_contact(3)
    with pytest.raises(CacheError):
        cache.delete_contact(3)
    with pytest.raises(CacheError):
        cache.discard_pending(999)


def test_discard_restores_the_server_copy_and_a_create_takes_its_edits(cache: Cache) -> None:
    cache.update_contact(1, {"title": "gone soon"})
    created = cache.create_contact(Contact(None, 1, "Ann", "Lee"))
    cache.claim(cache.pending()[1].id)  # on the wire: later edits queue behind it
    cache.update_contact(created.id or 0, {"title": "Boss"})
    update, create, later = cache.pending()
    cache.discard_pending(update.id)
    cache.discard_pending(create.id)
    assert cache.pending() == []
    views = {contact.id: contact for contact in cache.contacts()}
    assert views[1].title is None and created.id not in views
    assert later.contact_id == created.id


def test_many_contacts_are_queued_in_one_go_or_not_at_all(cache: Cache) -> None:
    good = [Contact(None, 1, "Ann", f"Lee{n}") for n in range(3)]
    created = cache.create_contacts(good)
    assert [c.last_name for c in created] == ["Lee0", "Lee1", "Lee2"]
    assert len({c.id for c in created}) == 3 and all((c.id or 0) < 0 for c in created)

    with pytest.raises(ValidationError) as refused:
        cache.create_contacts([Contact(None, 1, "Bo", "Kay"), Contact(None, 1, "", "Blank")])
    assert "Contact 2 (Blank)" in str(refused.value) and "first_name" in refused.value.fields
    assert len(cache.pending()) == 3  # nothing of the refused batch was queued
