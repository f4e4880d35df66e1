"""SIGKILL at random moments while a child process edits and syncs: nothing lost, nothing doubled.

The sandbox lives in this process for the whole run, so the server side persists
across kills; the cache file is the child's. After every kill the cache must open
cleanly and every edit the child was promised (its "done" lines) must be on the
server or still queued, and no contact may exist twice.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine
from tests.api_versions import API_VERSIONS

from .conftest import make_api

KILLS = 50
CHILD = Path(__file__).with_name("crash_child.py")


@dataclass
class Ledger:
    """What the children said they did, in order."""

    created: set[str] = field(default_factory=set)
    deleted: set[str] = field(default_factory=set)
    maybe_deleted: set[str] = field(default_factory=set)  # announced, never confirmed
    # Acceptable latest titles, starting from the server's: a first edit that was announced
    # but never confirmed may have died before it was saved, leaving the original title.
    titles: dict[int, set[str | None]] = field(default_factory=dict)

    def read(self, output: str) -> None:
        for line in output.splitlines():
            words = line.split()
            if len(words) < 3:
                continue
            stage, kind, subject = words[0], words[1], words[2]
            if kind == "create" and stage == "done":
                self.created.add(subject)
            elif kind == "delete" and stage == "done":
                self.maybe_deleted.discard(subject)
                self.deleted.add(subject)
            elif kind == "delete":
                self.maybe_deleted.add(subject)  # may or may not have been saved
            elif kind == "update":
                self._title(stage, int(subject), words[3])

    def _title(self, stage: str, contact_id: int, title: str) -> None:
        # A confirmed title replaces every earlier one; an unconfirmed one may or may not
        # have been saved, so it is accepted beside the last confirmed one.
        if stage == "done":
            self.titles[contact_id] = {title}
        else:
            self.titles[contact_id].add(title)


@pytest.fixture
def crash_server() -> Iterator[SandboxServer]:
    with SandboxServer(clients=3, contacts=20, seed=7, rate_limit=1_000_000) as running:
        yield running


def run_child(
    server: SandboxServer, path: Path, seed: int, first: int, seeded: str, version: str = "v1"
) -> str:
    command = [
        sys.executable,
        str(CHILD),
        server.url,
        str(path),
        str(seed),
        str(first),
        seeded,
        version,
    ]
    errors = path.with_name("child-errors.txt")
    with errors.open("w") as error_file:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=error_file, text=True)
    assert child.stdout is not None
    with child.stdout:
        ready = child.stdout.readline()
        assert ready.strip() == "ready", errors.read_text()
        try:
            child.wait(timeout=random.uniform(0.01, 0.3))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
        # Read through the same buffered file: readline() may already hold later lines.
        output = child.stdout.read()
    assert child.wait() == -signal.SIGKILL, errors.read_text()
    # Its last request may still be in the server's socket: let it land before checking.
    assert server.wait_idle(), "the server is still busy with a killed child's request"
    return ready + output


def check(cache: Cache, server: SandboxServer, ledger: Ledger, *, final: bool = False) -> None:
    assert cache.recovered_from is None
    assert cache.integrity_check() == "ok"
    pending = cache.pending()
    on_server = server.store.contacts()
    markers = [c.last_name for c in on_server if c.last_name.startswith("Crash")]
    assert len(markers) == len(set(markers)), "a contact was created twice"
    queued_creates = {p.changes["last_name"]: p.contact_id for p in pending if p.kind == "create"}
    queued_deletes = {p.contact_id for p in pending if p.kind == "delete"}
    by_marker = {c.last_name: c.id for c in on_server}
    for marker in ledger.created - ledger.maybe_deleted:
        present = marker in by_marker
        if marker in ledger.deleted:
            ids = {by_marker.get(marker), queued_creates.get(marker)}
            assert not present or ids & queued_deletes, f"{marker}: delete lost"
        else:
            assert present or marker in queued_creates, f"{marker}: create lost"
    queued_titles: dict[int, str] = {}
    for entry in pending:
        if entry.kind == "update" and "title" in entry.changes:
            queued_titles[entry.contact_id] = entry.changes["title"]
    titles = {c.id: c.title for c in on_server}
    for contact_id, accepted in ledger.titles.items():
        value = queued_titles.get(contact_id, titles.get(contact_id))
        assert value in accepted, f"contact {contact_id}: {value!r} not in {accepted}"
    if final:
        assert pending == [] and cache.conflicts() == []


@pytest.mark.slow
@pytest.mark.parametrize("api_version", API_VERSIONS)
def test_sigkill_at_random_moments_loses_and_duplicates_nothing(
    crash_server: SandboxServer, tmp_path: Path, api_version: str
) -> None:
    path = tmp_path / "crash.sqlite3"
    targets = crash_server.store.contacts()[:8]
    seeded = ",".join(str(c.id) for c in targets)
    with Cache.open(path) as cache, make_api(crash_server.url, api_version) as api:
        assert SyncEngine(api, cache).sync().ok
    assert crash_server.wait_idle()
    ledger = Ledger(titles={c.id or 0: {c.title} for c in targets})
    seed = random.randrange(1_000_000)
    for kill in range(KILLS):
        output = run_child(crash_server, path, seed + kill, kill * 1000, seeded, api_version)
        ledger.read(output)
        with Cache.open(path) as cache:
            check(cache, crash_server, ledger)
    with Cache.open(path) as cache, make_api(crash_server.url, api_version) as api:
        report = SyncEngine(api, cache).sync(full=True)
        assert report.ok, report
        check(cache, crash_server, ledger, final=True)
    assert ledger.created, "the children never got to create anything"


def test_ledger_accepts_the_original_title_until_an_edit_is_confirmed() -> None:
    ledger = Ledger(titles={7: {"Mrs"}})
    ledger.read("ready\nintent update 7 T1\n")
    assert ledger.titles[7] == {"Mrs", "T1"}
    ledger.read("done update 7 T1\nintent update 7 T2\n")
    assert ledger.titles[7] == {"T1", "T2"}
