"""SIGKILL while contacts are restored from the trash: each is on Harvest again exactly once.

The crash harness of tests/sync/test_crash_safety.py: the sandbox lives in this
process across kills, the child edits (here: restores) and syncs until killed.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from addressbook.sandbox import SandboxServer
from addressbook.storage import Cache
from addressbook.sync import SyncEngine
from tests.sync.conftest import make_api
from tests.sync.test_crash_safety import crash_server  # noqa: F401

KILLS = 20
CHILD = Path(__file__).with_name("restore_child.py")


def run_child(server: SandboxServer, path: Path, seed: int) -> None:
    command = [sys.executable, str(CHILD), server.url, str(path), str(seed)]
    errors = path.with_name("child-errors.txt")
    with errors.open("w") as error_file:
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=error_file, text=True)
    assert child.stdout is not None
    with child.stdout:
        assert child.stdout.readline().strip() == "ready", errors.read_text()
        try:
            child.wait(timeout=random.uniform(0.01, 0.25))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL, errors.read_text()
    assert server.wait_idle(), "the server is still busy with a killed child's request"


def markers(server: SandboxServer) -> Counter[str]:
    return Counter(c.last_name for c in server.store.contacts() if c.last_name.startswith("Gone"))


def trash_twelve(server: SandboxServer, path: Path) -> None:
    """Six deleted here (and sent), six deleted on Harvest: twelve in the trash."""
    chosen = server.store.contacts()[:12]
    for number, contact in enumerate(chosen):
        server.store.update_contact(contact.id, last_name=f"Gone{number}")
    with Cache.open(path) as cache, make_api(server.url) as api:
        engine = SyncEngine(api, cache)
        assert engine.sync(full=True).ok
        for contact in chosen[:6]:
            cache.delete_contact(contact.id or 0)
        for contact in chosen[6:]:
            server.store.delete_contact(contact.id or 0)
        assert engine.sync(full=True).ok
        assert len(cache.trash()) == 12


@pytest.mark.slow
def test_sigkill_mid_restore_never_creates_a_contact_twice(
    crash_server: SandboxServer,  # noqa: F811
    tmp_path: Path,
) -> None:
    path = tmp_path / "restore.sqlite3"
    trash_twelve(crash_server, path)
    seed = random.randrange(1_000_000)
    for kill in range(KILLS):
        run_child(crash_server, path, seed + kill)
        with Cache.open(path) as cache:
            assert cache.integrity_check() == "ok"
        assert max(markers(crash_server).values(), default=1) == 1, "restored twice"
    with Cache.open(path) as cache, make_api(crash_server.url) as api:
        for item in cache.trash():
            cache.restore_from_trash(item.contact.id or 0)
        assert SyncEngine(api, cache).sync(full=True).ok
        assert cache.pending() == [] and cache.trash() == []
    assert markers(crash_server) == Counter(f"Gone{n}" for n in range(12))
