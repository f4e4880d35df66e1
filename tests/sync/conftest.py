"""A small sandbox per test over loopback, an API client, a cache file, and the engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from addressbook.api import HarvestClient
from addressbook.core.models import Contact
from addressbook.sandbox import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine, SyncReport


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(clients=5, contacts=40, seed=3, rate_limit=10_000) as running:
        yield running


def make_api(url: str) -> HarvestClient:
    api = HarvestClient(url, DEMO_EMAIL, DEMO_PASSWORD, timeout=5.0)
    # Keep the retries of dropped GETs but not their seconds of backoff.
    api.connection.retry_delays = (0.01, 0.01)
    return api


@pytest.fixture
def api(server: SandboxServer) -> Iterator[HarvestClient]:
    with make_api(server.url) as client:
        yield client


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache.open(tmp_path / "sync.sqlite3") as opened:
        yield opened


@pytest.fixture
def engine(api: HarvestClient, cache: Cache) -> SyncEngine:
    return SyncEngine(api, cache)


@pytest.fixture
def synced(engine: SyncEngine) -> SyncEngine:
    """An engine whose cache already holds the server's data."""
    report = engine.sync()
    assert report.ok, report
    return engine


def sync_ok(engine: SyncEngine, **options: object) -> SyncReport:
    report = engine.sync(**options)  # type: ignore[arg-type]
    assert report.ok, report
    return report


def local(cache: Cache) -> dict[int, Contact]:
    return {contact.id or 0: contact for contact in cache.contacts()}


@pytest.fixture
def offline_engine(cache: Cache) -> Iterator[SyncEngine]:
    """The same cache with no network: the port is closed, connections are refused."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with make_api(f"http://127.0.0.1:{port}") as dead:
        yield SyncEngine(dead, cache)
