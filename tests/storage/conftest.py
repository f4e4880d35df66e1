"""Caches on real SQLite files in a per-test directory, with a few server contacts stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from addressbook.core.models import Client, Contact
from addressbook.storage import Cache

SERVER_TIME = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def server_contact(contact_id: int, **fields: object) -> Contact:
    values: dict[str, object] = {
        "client_id": 1,
        "first_name": f"First{contact_id}",
        "last_name": f"Last{contact_id}",
        "email": f"person{contact_id}@example.com",
        "created_at": SERVER_TIME,
        "updated_at": SERVER_TIME,
    }
    values.update(fields)
    return Contact(id=contact_id, **values)  # type: ignore[arg-type]


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "account.sqlite3"


@pytest.fixture
def cache(cache_path: Path) -> Iterator[Cache]:
    with Cache.open(cache_path) as opened:
        opened.apply_clients([Client(1, "Acme & Sons"), Client(2, "Zeta")], complete=True)
        opened.apply_contacts([server_contact(n) for n in (1, 2, 3)], complete=True)
        yield opened
