"""A small sandbox for the worker tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from addressbook.sandbox import SandboxServer


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(clients=3, contacts=20, seed=3) as server:
        yield server
