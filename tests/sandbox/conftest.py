"""Fixtures for the sandbox's own tests: a running server with a fake clock, and a client."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from addressbook.sandbox import SandboxServer

from .support import FakeClock, Wire


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def server(clock: FakeClock) -> Iterator[SandboxServer]:
    with SandboxServer(clients=6, contacts=40, seed=7, clock=clock) as running:
        yield running


@pytest.fixture
def wire(server: SandboxServer) -> Wire:
    return Wire(server)
