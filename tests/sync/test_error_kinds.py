"""report.error_kind: why a sync stopped, for the app to act on without asking Harvest again."""

from __future__ import annotations

import pytest

from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.sync import SyncEngine

from .conftest import make_api


def test_a_good_sync_has_no_error_kind(synced: SyncEngine) -> None:
    report = synced.sync()
    assert report.ok and report.error is None and report.error_kind is None


def test_password_changed_on_the_web_is_auth_and_keeps_the_outbox(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    cache.create_contact(Contact(None, server.store.clients()[0].id, "Kept", "Queued"))
    server.set_password("changed on the web")
    server.requests.clear()
    report = synced.sync()
    assert report.error_kind == "auth" and report.error
    assert "password" in report.error or "access token" in report.error
    assert not report.offline and not report.ok
    assert len(server.requests) == 1  # a refused password is never retried
    assert [p.state for p in cache.pending()] == ["queued"]


@pytest.mark.parametrize(
    ("fault", "kind"),
    [("http_500", "server"), ("http_502", "server"), ("malformed", "protocol")],
)
def test_server_failures_have_their_kind(
    server: SandboxServer, synced: SyncEngine, fault: str, kind: str
) -> None:
    server.faults.add(fault, path="/clients", count=10)
    report = synced.sync()
    assert report.error_kind == kind and report.error
    assert not report.offline


def test_throttling_beyond_the_bounded_wait_is_throttled(
    server: SandboxServer, synced: SyncEngine, api_version: str
) -> None:
    with make_api(server.url, api_version, max_throttle_wait=0.0) as impatient:
        server.faults.add("throttle", path="/clients", count=10, retry_after=30)
        report = SyncEngine(impatient, synced.cache).sync()
    assert report.error_kind == "throttled" and report.error
