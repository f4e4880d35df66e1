"""SyncWorker on its own QThread against the sandbox: results as plain data, edits written
by the worker, throttling reported, and a prompt stop in the middle of a request."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from addressbook.core.models import Contact
from addressbook.index.rows import ContactRow
from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.workers import SyncWorker, WorkerEvents, WorkerThread
from tests.api_versions import API_VERSIONS, sign_in_triple

WAIT_MS = 10_000


class Running:
    def __init__(
        self, worker: SyncWorker, host: WorkerThread, events: WorkerEvents, version: str
    ) -> None:
        self.worker, self.host, self.events = worker, host, events
        self.version = version  # the Harvest API the worker signs in with


@pytest.fixture(params=API_VERSIONS)
def running(qtbot: QtBot, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Running]:
    worker = SyncWorker(
        tmp_path / "data", sync_interval_ms=3_600_000, offline_retry_ms=3_600_000, delete_grace_ms=0
    )
    events = WorkerEvents()
    events.relay(worker)  # results re-emitted on this (the GUI) thread
    host = WorkerThread(worker)
    host.start()
    yield Running(worker, host, events, request.param)
    assert host.stop()


def sign_in(qtbot: QtBot, running: Running, server: SandboxServer) -> list[ContactRow]:
    loads: list[tuple[list[ContactRow], list[object]]] = []
    running.events.contacts_loaded.connect(lambda rows, clients: loads.append((rows, clients)))
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS):
        running.worker.sign_in_requested.emit(*sign_in_triple(server.url, running.version))
    # First the (empty) cache at once, then the synced contacts.
    assert len(loads) == 2 and loads[0][0] == []
    rows, clients = loads[-1]
    assert len(clients) == len(server.store.clients())
    return rows


def test_results_are_plain_data_from_the_worker_thread(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    threads: list[str] = []
    running.worker.contacts_loaded.connect(
        lambda *_: threads.append(threading.current_thread().name)
    )
    rows = sign_in(qtbot, running, sandbox)
    assert all(isinstance(row, ContactRow) for row in rows)
    assert {row.id for row in rows} == {c.id for c in sandbox.store.contacts()}
    assert threads and threading.main_thread().name not in threads


def test_edits_are_written_by_the_worker_and_pushed(
    qtbot: QtBot, running: Running, sandbox: SandboxServer, tmp_path: Path
) -> None:
    rows = sign_in(qtbot, running, sandbox)
    client_id = rows[0].client_id
    new = Contact(id=None, client_id=client_id, first_name="Ada", last_name="Lovelace")
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as synced:
        with qtbot.waitSignal(running.events.contact_saved, timeout=WAIT_MS) as saved:
            running.worker.create_requested.emit(7, new)
    token, created = saved.args
    assert token == 7 and created.id < 0  # a temporary id until the push
    assert synced.args[0].pushed == 1
    assert [c.last_name for c in sandbox.store.contacts()].count("Lovelace") == 1

    target = rows[1].contact
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS):
        running.worker.update_requested.emit(8, target.id, {"title": "Countess"})
    stored = sandbox.store.get_contact(target.id)
    assert stored is not None and stored.title == "Countess"

    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS):
        running.worker.delete_requested.emit([target])
    assert sandbox.store.get_contact(target.id) is None


def test_an_import_is_queued_at_once_then_pushed_or_refused_whole(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    rows = sign_in(qtbot, running, sandbox)
    client_id = rows[0].client_id
    batch = [Contact(None, client_id, "Imported", f"Person{n}") for n in range(5)]
    changed: list[list[ContactRow]] = []
    running.events.contacts_changed.connect(lambda upserted, _removed: changed.append(upserted))
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as synced:
        with qtbot.waitSignal(running.events.contacts_imported, timeout=WAIT_MS) as imported:
            running.worker.import_requested.emit(4, batch)
    assert imported.args == [4, 5]
    assert sorted(row.contact.last_name for row in changed[0]) == [f"Person{n}" for n in range(5)]
    assert synced.args[0].pushed == 5
    names = [c.last_name for c in sandbox.store.contacts()]
    assert all(names.count(f"Person{n}") == 1 for n in range(5))

    bad = [Contact(None, client_id, "Fine", "Row"), Contact(None, client_id, "", "NoFirst")]
    with qtbot.waitSignal(running.events.edit_failed, timeout=WAIT_MS) as failed:
        running.worker.import_requested.emit(5, bad)
    token, message, fields = failed.args
    assert token == 5 and "NoFirst" in message and "first_name" in fields
    assert "Row" not in [c.last_name for c in sandbox.store.contacts()]


def test_invalid_edit_is_refused_with_field_problems(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    rows = sign_in(qtbot, running, sandbox)
    with qtbot.waitSignal(running.events.edit_failed, timeout=WAIT_MS) as failed:
        running.worker.update_requested.emit(3, rows[0].id, {"first_name": ""})
    token, message, _fields = failed.args
    assert token == 3 and message


def test_throttling_is_reported_with_the_wait(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    sign_in(qtbot, running, sandbox)
    sandbox.faults.add("throttle", path="/contacts", retry_after=1)
    waits: list[float] = []
    running.worker.throttled.connect(lambda seconds: waits.append(seconds))
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as synced:
        running.worker.sync_requested.emit(True)
    assert waits and waits[0] >= 1
    assert synced.args[0].ok


def test_stop_mid_request_is_prompt_and_loses_nothing(
    qtbot: QtBot, running: Running, sandbox: SandboxServer, tmp_path: Path
) -> None:
    rows = sign_in(qtbot, running, sandbox)
    target = rows[0].contact
    sandbox.faults.latency = 3.0  # the push would take 3 s; stopping must not wait for it
    with qtbot.waitSignal(running.events.sync_started, timeout=WAIT_MS):
        running.worker.update_requested.emit(1, target.id, {"title": "Queued before quitting"})
    started = time.monotonic()
    assert running.host.stop()
    assert time.monotonic() - started < 2.0
    sandbox.faults.latency = 0
    address, login, _ = sign_in_triple(sandbox.url, running.version)
    with Cache.open(Cache.path_for(tmp_path / "data", address, login)) as cache:
        mine = next(c for c in cache.contacts() if c.id == target.id)
        assert mine.title == "Queued before quitting"
        pushed = sandbox.store.get_contact(target.id)
        assert pushed is not None
        assert pushed.title == "Queued before quitting" or cache.pending()


def test_offline_sign_in_is_a_network_failure(qtbot: QtBot, running: Running) -> None:
    with SandboxServer(clients=1, contacts=1) as server:
        url = server.url
    with qtbot.waitSignal(running.events.sign_in_failed, timeout=WAIT_MS) as failed:
        running.worker.sign_in_requested.emit(*sign_in_triple(url, running.version))
    assert failed.args[1] == "network"


def test_password_changed_mid_session_asks_again_without_an_extra_request(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    rows = sign_in(qtbot, running, sandbox)
    sandbox.set_password("changed on the web")
    sandbox.requests.clear()
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as refused:
        with qtbot.waitSignal(running.events.sign_in_failed, timeout=WAIT_MS) as failed:
            running.worker.update_requested.emit(4, rows[0].id, {"title": "Kept for later"})
    assert failed.args[1] == "auth" and refused.args[0].error_kind == "auth"
    paths = [request.path for request in sandbox.requests]
    assert paths and not any("who_am_i" in path for path in paths)
    assert len(paths) == 1  # the refused request only: no check, no retry
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as synced:
        running.worker.sign_in_requested.emit(
            *sign_in_triple(sandbox.url, running.version, "changed on the web")
        )
    assert synced.args[0].pushed == 1  # the edit waited in the outbox
    stored = sandbox.store.get_contact(rows[0].id)
    assert stored is not None and stored.title == "Kept for later"


def test_a_refused_change_can_be_sent_again(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    doomed = sandbox.store.add_client("Gone Soon")
    sign_in(qtbot, running, sandbox)
    sandbox.store.delete_client(doomed.id or 0)
    new = Contact(id=None, client_id=doomed.id or 0, first_name="Ida", last_name="Again")
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as synced:
        running.worker.create_requested.emit(5, new)
    [(pending_id, refusal)] = synced.args[0].rejected.items()
    assert "Client is invalid" in refusal
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS) as synced:
        with qtbot.waitSignal(running.events.contact_saved, timeout=WAIT_MS) as saved:
            running.worker.retry_requested.emit(6, pending_id)
    assert saved.args[0] == 6 and saved.args[1].last_name == "Again"
    assert list(synced.args[0].rejected) == [pending_id]  # sent again, refused again


def _set_read_only(qtbot: QtBot, running: Running, read_only: bool) -> None:
    """SQLite's own refusal to write (as on a read-only or full disk), set on the worker's
    thread, where its connection lives."""
    from addressbook.workers.jobs import Job

    pragma = f"PRAGMA query_only = {'ON' if read_only else 'OFF'}"
    job = Job(run=lambda cache: cache._db.connection.execute(pragma), name="read-only")
    with qtbot.waitSignal(running.events.job_finished, timeout=WAIT_MS):
        running.worker.job_requested.emit(job)


def test_a_delete_the_cache_refuses_is_told_not_only_logged(
    qtbot: QtBot, running: Running, sandbox: SandboxServer
) -> None:
    rows = sign_in(qtbot, running, sandbox)
    targets = [rows[0].contact, rows[1].contact]
    removed: list[list[int]] = []
    running.events.contacts_changed.connect(lambda _upserted, gone: removed.append(gone))
    _set_read_only(qtbot, running, True)
    with qtbot.waitSignal(running.events.notice, timeout=WAIT_MS) as told:
        running.worker.delete_requested.emit(targets)
    assert told.args[0].startswith("Could not delete 2 contacts: ")
    assert len(told.args[0]) > len("Could not delete 2 contacts: ")
    assert all(target.id not in gone for gone in removed for target in targets)

    _set_read_only(qtbot, running, False)
    # Undo of the delete that never happened brings back nothing twice.
    with qtbot.waitSignal(running.events.deletes_undone, timeout=WAIT_MS):
        running.worker.undo_delete_requested.emit([targets[0]])
    with qtbot.waitSignal(running.events.sync_finished, timeout=WAIT_MS):
        running.worker.sync_requested.emit(False)
    assert all(sandbox.store.get_contact(target.id) is not None for target in targets)
    names = [(c.first_name, c.last_name) for c in sandbox.store.contacts()]
    assert names.count((targets[0].first_name, targets[0].last_name)) == 1
