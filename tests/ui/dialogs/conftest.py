"""Fixtures for the dialog tests: a few clients and contacts (question boxes: tests/ui/conftest)."""

from __future__ import annotations

import pytest

from addressbook.core import Client, Contact


@pytest.fixture
def clients() -> list[Client]:
    return [
        Client(3, "Zeta GmbH"),
        Client(1, "acme corp"),
        Client(2, "Old Co", active=False),
        Client(4, "Émile & Fils"),
    ]


@pytest.fixture
def contact() -> Contact:
    return Contact(
        id=42,
        client_id=1,
        first_name="Jane",
        last_name="Doe",
        title="Buyer",
        email="jane@acme.example.com",
        phone_office="+1 (555) 0101 ext 12 ask Jenny",
        phone_mobile=None,
        fax=None,
    )
