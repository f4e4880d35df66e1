"""A small sandbox per test over loopback, an API client, a cache file, and the engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from addressbook.api import HarvestApi
from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine, SyncReport
from tests.api_versions import API_VERSIONS
from tests.api_versions import make_api as make_any_api


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(clients=5, contacts=40, seed=3, rate_limit=10_000) as running:
        yield running


@pytest.fixture(params=API_VERSIONS)
def api_version(request: pytest.FixtureRequest) -> str:
    """Every sync test runs against Harvest v1 (XML) and v2 (JSON) of the same sandbox."""
    return str(request.param)


def make_api(url: str, version: str = "v1", **options: Any) -> HarvestApi:
    # Keep the retries of dropped GETs but not their seconds of backoff (api_versions).
    return make_any_api(url, version, **{"timeout": 5.0, **options})


@pytest.fixture
def api(server: SandboxServer, api_version: str) -> Iterator[HarvestApi]:
    client = make_api(server.url, api_version)
    yield client
    client.close()


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[Cache]:
    with Cache.open(tmp_path / "sync.sqlite3") as opened:
        yield opened


@pytest.fixture
def engine(api: HarvestApi, cache: Cache) -> SyncEngine:
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
