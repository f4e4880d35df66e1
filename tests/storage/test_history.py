"""Per-contact history: pulled and local versions in order, bounded, rebuilt from small deltas."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from addressbook.storage import Cache, CacheError

from .conftest import SERVER_TIME, server_contact


def later(minutes: int) -> datetime:
    return SERVER_TIME + timedelta(minutes=minutes)


def test_a_contact_pulled_once_has_one_version_from_harvest(cache: Cache) -> None:
    versions = cache.history(1)
    assert [v.source for v in versions] == ["harvest"]
    assert versions[0].contact.email == "person1@example.com"
    assert versions[0].seen_at == SERVER_TIME and versions[0].seen_at.tzinfo is not None


def test_server_edits_and_local_edits_are_kept_in_order(cache: Cache) -> None:
    cache.apply_contacts([server_contact(1, title="CEO", updated_at=later(1))], complete=False)
    cache.update_contact(1, {"title": "Chair", "phone_office": "555"})
    cache.apply_contacts([server_contact(1, title="CFO", updated_at=later(3))], complete=False)
    versions = cache.history(1)
    assert [(v.source, v.contact.title) for v in versions] == [
        ("harvest", None), ("harvest", "CEO"), ("local", "Chair"), ("harvest", "CFO"),
    ]  # fmt: skip
    assert versions[2].contact.phone_office == "555"
    assert versions[3].contact.phone_office is None
    assert versions[1].seen_at == later(1)


def test_a_pull_that_changes_nothing_adds_no_version(cache: Cache) -> None:
    cache.apply_contacts([server_contact(n) for n in (1, 2, 3)], complete=True)
    assert len(cache.history(1)) == 1


def test_restore_version_queues_the_fields_that_differ(cache: Cache) -> None:
    cache.update_contact(1, {"title": "Chair", "email": "new@example.com"})
    restored = cache.restore_version(1, 0)
    assert restored.title is None and restored.email == "person1@example.com"
    assert cache.contact(1) == restored
    assert [v.source for v in cache.history(1)] == ["harvest", "local", "local"]
    with pytest.raises(CacheError):
        cache.restore_version(1, 7)


def test_history_is_bounded_per_contact(cache: Cache) -> None:
    cache.history_limit = 5
    for number in range(12):
        cache.update_contact(2, {"title": f"T{number}"})
    versions = cache.history(2)
    assert [v.contact.title for v in versions] == [f"T{n}" for n in range(7, 12)]


def test_history_is_bounded_by_age(cache: Cache) -> None:
    for minutes in (1, 2, 3):
        cache.apply_contacts(
            [server_contact(1, title=f"T{minutes}", updated_at=later(minutes))], complete=False
        )
    cache.history_max_age = timedelta(days=1)
    cache._clock = lambda: later(2) + timedelta(days=1)  # noqa: SLF001
    cache.purge_expired()
    assert [v.contact.title for v in cache.history(1)] == ["T2", "T3"]


def test_history_survives_reopening_and_a_full_pull(cache_path: Path, cache: Cache) -> None:
    cache.update_contact(3, {"title": "Boss"})
    cache.apply_contacts([server_contact(3, title="Boss", updated_at=later(5))], complete=False)
    cache.close()
    with Cache.open(cache_path) as reopened:
        reopened.apply_contacts(
            [server_contact(n) for n in (1, 2)]
            + [server_contact(3, title="Boss", updated_at=later(5))],
            complete=True,
        )
        titles = [(v.source, v.contact.title) for v in reopened.history(3)]
    assert titles == [("harvest", None), ("local", "Boss")]


def test_a_created_contact_keeps_its_history_under_its_server_id(cache: Cache) -> None:
    from addressbook.core.models import Contact

    created = cache.create_contact(Contact(None, 1, "New", "Person", title="A"))
    cache.update_contact(created.id or 0, {"title": "B"})
    entry = cache.pending()[0]
    cache.complete_create(
        entry, server_contact(50, first_name="New", last_name="Person", title="B", email=None)
    )
    assert [(v.source, v.contact.title) for v in cache.history(50)] == [
        ("local", "A"),
        ("local", "B"),
    ]
    assert cache.history(created.id or 0) == []


def test_history_grows_by_small_deltas(cache: Cache) -> None:
    for number in range(10):
        cache.update_contact(1, {"title": f"T{number}"})
    [(text,)] = cache._db.connection.execute(  # noqa: SLF001
        "SELECT versions FROM history WHERE contact_id = 1"
    ).fetchall()
    assert len(text) < 11 * 40, text  # eleven versions, each a few bytes besides its title


def test_seen_at_of_local_edits_is_the_time_queued(cache_path: Path, tmp_path: Path) -> None:
    moment = datetime(2025, 1, 2, 3, 4, tzinfo=UTC)
    with Cache.open(tmp_path / "clocked.sqlite3", clock=lambda: moment) as clocked:
        clocked.apply_contacts([server_contact(1)], complete=True)
        clocked.update_contact(1, {"title": "X"})
        assert clocked.history(1)[-1].seen_at == moment


def test_contacts_created_by_an_import_start_their_history_here(cache: Cache) -> None:
    from addressbook.core.models import Contact

    [one, two] = cache.create_contacts(
        [Contact(None, 1, "Imported", "One"), Contact(None, 1, "Imported", "Two")]
    )
    single = cache.create_contact(Contact(None, 1, "Typed", "Three"))
    for contact in (one, two, single):
        assert contact.id is not None
        versions = cache.history(contact.id)
        assert [(v.source, v.contact.last_name) for v in versions] == [("local", contact.last_name)]
