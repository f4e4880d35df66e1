"""Conflicts as the engine records them, and every way the user resolves them."""

from __future__ import annotations

import pytest

from addressbook.core.models import Contact
from addressbook.storage import Cache, CacheError

from .conftest import server_contact


def conflicted_update(cache: Cache) -> None:
    """Contact 1: the user changed title and email; the server changed both differently."""
    cache.update_contact(1, {"title": "Mine", "email": "mine@example.com"})
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    server = server_contact(1, title="Theirs", email="theirs@example.com")
    conflicting = {"title": ("Mine", "Theirs"), "email": ("mine@example.com", "theirs@example.com")}
    cache.complete_update(entry, server, conflicting)


def view(cache: Cache, contact_id: int) -> Contact | None:
    return {contact.id: contact for contact in cache.contacts()}.get(contact_id)


def title(cache: Cache, contact_id: int) -> str | None:
    contact = view(cache, contact_id)
    assert contact is not None
    return contact.title


def test_field_conflict_shows_mine_and_keeps_theirs_as_base(cache: Cache) -> None:
    conflicted_update(cache)
    [conflict] = cache.conflicts()
    assert conflict.contact_id == 1 and conflict.kind == "fields"
    assert conflict.fields["title"] == ("Mine", "Theirs")
    assert cache.pending() == [] and cache.dirty_contact_ids() == {1}
    assert title(cache, 1) == "Mine"


@pytest.mark.parametrize(
    ("keep", "queued", "left"),
    [
        ("mine", {"title": "Mine", "email": "mine@example.com"}, {}),
        ("theirs", None, {}),
        ({"title": "mine", "email": "theirs"}, {"title": "Mine"}, {}),
        ({"email": "mine"}, {"email": "mine@example.com"}, {"title": ("Mine", "Theirs")}),
    ],
)
def test_resolving_field_conflicts(
    cache: Cache, keep: object, queued: dict[str, str] | None, left: dict[str, object]
) -> None:
    conflicted_update(cache)
    cache.resolve_conflict(1, keep)  # type: ignore[arg-type]
    pending = cache.pending()
    if queued is None:
        assert pending == []
    else:
        [entry] = pending
        assert entry.kind == "update" and entry.changes == queued
        theirs = {"title": "Theirs", "email": "theirs@example.com"}
        assert entry.base == {name: theirs[name] for name in queued}
    assert {c.contact_id: c.fields for c in cache.conflicts()} == ({1: left} if left else {})


def test_deleted_on_server_keeps_my_version_until_i_choose(cache: Cache) -> None:
    cache.update_contact(2, {"title": "Still here"})
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    cache.deleted_on_server(entry, ["title"])
    [conflict] = cache.conflicts()
    assert conflict.kind == "deleted_on_server" and conflict.fields == {
        "title": ("Still here", None)
    }
    assert title(cache, 2) == "Still here"
    recreated = cache.resolve_conflict(2, "mine")
    assert recreated is not None and recreated.id is not None and recreated.id < 0
    [create] = cache.pending()
    assert create.kind == "create" and create.changes["title"] == "Still here"
    assert view(cache, 2) is None and cache.conflicts() == []


def test_deleted_on_server_theirs_lets_it_go(cache: Cache) -> None:
    cache.update_contact(2, {"title": "x"})
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    cache.deleted_on_server(entry, ["title"])
    assert cache.resolve_conflict(2, "theirs") is None
    assert view(cache, 2) is None and cache.pending() == [] and cache.conflicts() == []


def test_changed_on_server_delete_conflict(cache: Cache) -> None:
    cache.delete_contact(3)
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    cache.changed_on_server(entry, server_contact(3, title="Now VP"), {"title": "Now VP"})
    [conflict] = cache.conflicts()
    assert conflict.kind == "changed_on_server" and conflict.fields == {"title": (None, "Now VP")}
    assert title(cache, 3) == "Now VP"  # visible until the user chooses
    cache.resolve_conflict(3, "mine")
    [delete] = cache.pending()
    assert delete.kind == "delete" and delete.base["title"] == "Now VP"
    assert view(cache, 3) is None


def test_resolve_rejects_bad_input(cache: Cache) -> None:
    with pytest.raises(CacheError):
        cache.resolve_conflict(1, "mine")
    conflicted_update(cache)
    with pytest.raises(ValueError):
        cache.resolve_conflict(1, "both")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        cache.resolve_conflict(1, {"fax": "mine"})
