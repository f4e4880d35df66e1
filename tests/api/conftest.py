"""Fixtures for the API tests: the real sandbox and a canned-reply server, both on loopback."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from addressbook.api import HarvestClient
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer

from .canned import CannedServer

FAST_RETRIES = (0.01, 0.02, 0.04)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(clients=5, contacts=40, seed=7) as server:
        yield server


@pytest.fixture
def api(sandbox: SandboxServer) -> Iterator[HarvestClient]:
    with HarvestClient(sandbox.url, DEMO_EMAIL, DEMO_PASSWORD, timeout=5.0) as client:
        client.connection.retry_delays = FAST_RETRIES
        yield client


@pytest.fixture
def canned() -> Iterator[CannedServer]:
    with CannedServer() as server:
        yield server


@pytest.fixture
def canned_api(canned: CannedServer) -> Iterator[HarvestClient]:
    with HarvestClient(canned.url, "a@example.com", "pässword", timeout=5.0) as client:
        client.connection.retry_delays = FAST_RETRIES
        yield client
