"""The fast row-to-Contact path builds exactly what Contact(...) builds."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from addressbook.core.models import Contact
from addressbook.storage import rows


def test_fast_build_equals_the_constructor(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = datetime(2024, 2, 29, 23, 59, 59, tzinfo=UTC)
    expected = [
        Contact(1, 2, "Zoë", "Ñandú", "Dr", "z@example.com", "1", "2", "3", moment, moment),
        Contact(2, 3, "A", "B"),
    ]
    stored = [rows.contact_row(contact) for contact in expected]
    built = rows.contacts_from_rows(stored)
    assert built == expected
    assert [hash(c) for c in built] == [hash(c) for c in expected]
    assert repr(built[0]) == repr(expected[0])
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].title = "changed"  # type: ignore[misc]
    monkeypatch.setattr(rows, "_SETTERS", None)  # the plain path, if Contact ever changes
    assert rows.contacts_from_rows(stored) == expected
