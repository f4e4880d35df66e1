"""The files beside a cache: copies set aside after damage, the lock, errors opening them."""

from __future__ import annotations

from pathlib import Path

import pytest

from addressbook.core.models import Contact
from addressbook.storage import Cache, CacheError
from addressbook.storage.database import is_disk_full, storage_error
from addressbook.storage.errors import DiskFullError


def damage(path: Path) -> None:
    path.write_bytes(b"this is not a database at all" * 200)


def set_aside_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.corrupt-*Z"))


def test_only_the_last_damaged_copy_is_kept_and_the_notice_says_where(cache_path: Path) -> None:
    copies = []
    for _ in range(3):
        damage(cache_path)
        with Cache.open(cache_path) as cache:
            assert cache.recovery is not None
            copies.append(cache.recovery.moved_to)
            assert str(cache.recovery.moved_to) in cache.recovery.user_message
    assert set_aside_copies(cache_path) == [copies[-1]]
    assert copies[-1].read_bytes().startswith(b"this is not a database")


def test_the_outbox_exports_of_earlier_damage_are_kept(cache_path: Path) -> None:
    """Small, and the only place edits live when they could not be queued again."""
    for title in ("First", "Second"):
        with Cache.open(cache_path) as cache:
            cache.create_contact(Contact(None, 1, title, "Edit"))
            cache._db.connection.execute("PRAGMA user_version = 999")  # from a newer release
    with Cache.open(cache_path) as cache:
        assert [p.changes["first_name"] for p in cache.pending()] == ["First", "Second"]
    assert len(list(cache_path.parent.glob(f"{cache_path.name}.outbox-*.json"))) == 2
    assert len(set_aside_copies(cache_path)) == 1


def test_closing_the_cache_removes_its_lock_file(cache_path: Path) -> None:
    lock = cache_path.with_name(cache_path.name + ".lock")
    with Cache.open(cache_path):
        assert lock.exists()
    assert not lock.exists() and cache_path.exists()


def test_a_folder_that_cannot_hold_it_is_a_cache_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    with pytest.raises(CacheError, match="could not be opened"):
        Cache.open(not_a_folder / "account.sqlite3")


def test_a_full_disk_in_any_words_is_named_so() -> None:
    import errno
    import sqlite3

    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(
        storage_error(sqlite3.OperationalError("database or disk is full")), DiskFullError
    )
    assert not isinstance(
        storage_error(sqlite3.OperationalError("database is locked")), DiskFullError
    )
