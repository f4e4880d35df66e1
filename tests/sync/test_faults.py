"""Flaky networks: lost replies, throttling, dropped connections, a wrong password, cancel."""

from __future__ import annotations

import threading

from addressbook.core.models import Contact
from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine
from tests.api_versions import client_contacts_path

from .conftest import local, make_api, sync_ok


def posts(server: SandboxServer) -> int:
    return sum(1 for r in server.requests if r.method == "POST")


def named(server: SandboxServer, last_name: str) -> list[Contact]:
    return [c for c in server.store.contacts() if c.last_name == last_name]


def test_create_with_a_lost_reply_is_adopted_not_duplicated(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    client_id = server.store.clients()[1].id
    created = cache.create_contact(
        Contact(None, client_id, "Una", "Unknown", email="u@example.com")
    )
    server.faults.add("drop_after", method="POST", path="/contacts")  # created, reply lost
    report = synced.sync()
    assert report.offline and report.created == {}
    assert cache.pending()[0].state == "unknown"
    [made] = named(server, "Unknown")
    server.requests.clear()
    report = sync_ok(synced)
    assert report.created == {created.id: made.id}
    assert posts(server) == 0 and len(named(server, "Unknown")) == 1
    assert cache.pending() == [] and local(cache)[made.id or 0].last_name == "Unknown"


def test_two_identical_lost_creates_adopt_two_contacts(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    client_id = server.store.clients()[1].id
    for _ in range(2):
        cache.create_contact(Contact(None, client_id, "Twin", "Lost"))
    server.faults.add("drop_after", method="POST", path="/contacts")
    assert synced.sync().offline
    # The next sync adopts the first, then the second's reply is lost too.
    server.faults.add("drop_after", method="POST", path="/contacts")
    second = synced.sync()
    assert second.offline and len(second.created) == 1
    assert [p.state for p in cache.pending()] == ["unknown"]
    third = sync_ok(synced)  # must not adopt the first one's contact again
    adopted = {**second.created, **third.created}
    assert len(adopted) == 2 and set(adopted.values()) == {c.id for c in named(server, "Lost")}
    assert len(named(server, "Lost")) == 2


def test_throttling_is_waited_out_and_reported(server: SandboxServer, synced: SyncEngine) -> None:
    target = server.store.contacts()[0]
    synced.cache.update_contact(target.id or 0, {"title": "Patient"})
    server.faults.add("throttle", method="PUT", retry_after=1)
    steps: list[tuple[str, int, int]] = []
    report = sync_ok(synced, progress=lambda *step: steps.append(step))
    assert ("throttled", 1, 0) in steps and report.throttled_seconds >= 1
    assert server.store.get_contact(target.id).title == "Patient"  # type: ignore[union-attr]
    assert synced.api.on_throttle is None  # the engine's hooks are removed afterwards


def test_connection_dropped_mid_push_keeps_the_rest_queued(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    first, second, third = server.store.contacts()[:3]
    for contact in (first, second, third):
        cache.update_contact(contact.id or 0, {"fax": f"fax {contact.id}"})
    server.faults.add("drop_before", method="PUT", path=f"/contacts/{second.id}", count=10)
    report = synced.sync()
    assert report.offline and report.pushed == 1
    assert [p.contact_id for p in cache.pending()] == [second.id, third.id]
    server.faults.clear()
    report = sync_ok(synced)
    assert report.pushed == 2 and cache.pending() == []
    for contact in (first, second, third):
        assert server.store.get_contact(contact.id).fax == f"fax {contact.id}"  # type: ignore[union-attr]


def test_connection_dropped_during_the_pull(server: SandboxServer, synced: SyncEngine) -> None:
    target = server.store.contacts()[0]
    synced.cache.update_contact(target.id or 0, {"title": "Pushed first"})
    server.store.update_contact(server.store.contacts()[1].id, title="Pulled later")
    server.faults.add("drop_before", method="GET", path="/clients", count=10)
    report = synced.sync()
    assert report.offline and report.pushed == 1 and synced.cache.pending() == []
    server.faults.clear()
    sync_ok(synced)
    assert local(synced.cache)[server.store.contacts()[1].id or 0].title == "Pulled later"


def test_wrong_password_stops_without_retrying(
    server: SandboxServer, cache: Cache, api_version: str
) -> None:
    cache.create_contact(Contact(None, 1, "Kept", "Queued"))
    server.set_password("changed on the web")  # the saved password (or token) is refused
    with make_api(server.url, api_version) as bad:
        server.requests.clear()
        report = SyncEngine(bad, cache).sync()
    assert report.error and not report.offline
    assert len(server.requests) == 1
    assert [p.state for p in cache.pending()] == ["queued"]


def test_cancel_stops_at_a_safe_point_and_loses_nothing(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    targets = server.store.contacts()[:3]
    for contact in targets:
        cache.update_contact(contact.id or 0, {"title": "Cancelled run"})
    cancel = threading.Event()

    def cancel_after_first(phase: str, done: int, total: int) -> None:
        if phase == "push" and done == 1:
            cancel.set()

    report = synced.sync(progress=cancel_after_first, cancel=cancel)
    assert report.cancelled and report.pushed == 1 and len(cache.pending()) == 2
    assert synced.api.cancel_event is None
    report = sync_ok(synced)
    assert report.pushed == 2
    assert all(server.store.get_contact(c.id).title == "Cancelled run" for c in targets)  # type: ignore[union-attr]


def test_cancel_while_looking_up_a_lost_create_keeps_it_unknown(
    server: SandboxServer, synced: SyncEngine, api_version: str
) -> None:
    cache = synced.cache
    client_id = server.store.clients()[2].id
    created = cache.create_contact(Contact(None, client_id, "Cara", "Careful"))
    server.faults.add("drop_after", method="POST", path="/contacts")
    assert synced.sync().offline
    lookup = client_contacts_path(api_version, client_id)
    server.faults.add("throttle", method="GET", path=lookup)
    cancel = threading.Event()

    def cancel_when_throttled(phase: str, done: int, total: int) -> None:
        if phase == "throttled":
            cancel.set()

    report = synced.sync(progress=cancel_when_throttled, cancel=cancel)
    assert report.cancelled
    assert [p.state for p in cache.pending()] == ["unknown"]  # never "queued": no blind resend
    report = sync_ok(synced)
    assert list(report.created) == [created.id] and len(named(server, "Careful")) == 1


def test_an_edit_after_a_crash_mid_put_is_not_a_conflict_with_itself(
    server: SandboxServer, synced: SyncEngine
) -> None:
    """The app died after Harvest applied a PUT but before the cache heard back; the next
    start reset the entry and died again; then the user edited the same field once more."""
    cache = synced.cache
    contact = server.store.contacts()[0]
    contact_id = contact.id or 0
    cache.update_contact(contact_id, {"title": "First try"})
    entry = cache.claim(cache.pending()[0].id)
    assert entry is not None
    server.store.update_contact(contact_id, title="First try")  # the PUT arrived
    cache.reset_in_flight()  # the next start, killed before pushing
    cache.update_contact(contact_id, {"title": "Second thought"})

    report = sync_ok(synced)

    assert report.conflicts == [] and cache.conflicts() == []
    assert server.store.get_contact(contact_id).title == "Second thought"
    assert local(cache)[contact_id].title == "Second thought"


def test_discarding_an_edit_that_later_ones_were_based_on_is_no_conflict(
    server: SandboxServer, synced: SyncEngine
) -> None:
    cache = synced.cache
    contact = server.store.contacts()[0]
    contact_id = contact.id or 0
    cache.update_contact(contact_id, {"title": "Interim"})
    first = cache.pending()[0]
    cache.claim(first.id)
    cache.mark(first.id, "queued")  # the push stopped (throttled) before the PUT
    cache.update_contact(contact_id, {"title": "Final", "email": "final@example.com"})
    cache.discard_pending(first.id)  # the user drops the first edit in the outbox panel

    report = sync_ok(synced)

    assert report.conflicts == [] and cache.conflicts() == []
    on_server = server.store.get_contact(contact_id)
    assert on_server is not None
    assert (on_server.title, on_server.email) == ("Final", "final@example.com")
