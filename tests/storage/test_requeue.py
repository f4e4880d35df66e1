"""Re-queueing an exported outbox into a fresh cache, and retrying a refused change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from addressbook.core.models import Contact
from addressbook.storage import Cache, CacheError
from addressbook.storage.requeue import requeue_exported


def export(tmp_path: Path, rows: list[object]) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"source": "old.sqlite3", "outbox": rows}), "utf-8")
    return path


def row(kind: str, contact_id: int, changes: object, **extra: object) -> dict[str, object]:
    values = {"id": 1, "kind": kind, "contact_id": contact_id, "changes": json.dumps(changes),
              "base": "{}", "state": "queued", "error": None,
              "created_at": "2026-11-28T09:00:00+00:00", "sent_at": None}  # fmt: skip
    values.update(extra)
    return values


def test_states_are_made_safe_and_temporary_ids_are_not_reused(
    tmp_path: Path, cache: Cache
) -> None:
    new = {"client_id": 1, "first_name": "Lost", "last_name": "Reply"}
    rows = [
        row("create", -7, new, state="sending"),  # may have reached Harvest: look it up first
        row("update", 2, {"title": "Dr"}, state="sending", base='{"title": null}'),
        row("update", 3, {"email": "x"}, state="rejected", error="Email is invalid"),
        row("teleport", 4, {}),  # from a newer release: not understood, skipped
        {"kind": "update", "contact_id": "five", "changes": "{}"},
        {**row("delete", 1, {}), "changes": "not json"},
    ]
    count = requeue_exported(cache._db.connection, export(tmp_path, rows))
    assert count == 3
    pending = cache.pending()
    assert [(p.kind, p.contact_id, p.state) for p in pending] == [
        ("create", -7, "unknown"), ("update", 2, "queued"), ("update", 3, "rejected"),
    ]  # fmt: skip
    assert pending[1].base == {"title": None} and pending[2].error == "Email is invalid"
    assert cache.create_contact(Contact(None, 1, "Next", "One")).id == -8


def test_a_refused_change_can_be_sent_again_as_it_is(cache: Cache) -> None:
    cache.update_contact(2, {"title": "Dr"})
    [entry] = cache.pending()
    cache.mark(entry.id, "rejected", error="Harvest refused the change: Title is odd")
    view = cache.retry_pending(entry.id)
    assert view is not None and view.title == "Dr"
    [again] = cache.pending()
    assert (again.state, again.error) == ("queued", None)
    cache.discard_pending(again.id)
    with pytest.raises(CacheError):
        cache.retry_pending(again.id)
