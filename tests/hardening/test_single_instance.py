"""One app per data folder, one writer per cache: a create on the wire is never sent twice.

Seen before: two processes syncing one cache while a create was on the wire left
Harvest with two copies of the contact (the second one reset the first one's
in-flight entry and sent it again).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from addressbook.sandbox import SandboxServer
from addressbook.single_instance import SingleInstance, bring_to_front
from addressbook.storage import Cache, CacheError, CacheInUseError

CHILD = Path(__file__).with_name("cache_child.py")
IN_USE_EXIT = 3
TIMEOUT = 60
WAIT_MS = 10_000


@pytest.fixture
def harvest() -> Iterator[SandboxServer]:
    with SandboxServer(clients=2, contacts=5, seed=11, rate_limit=1_000_000) as running:
        yield running


def start_child(mode: str, server: SandboxServer, path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), mode, server.url, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def first_line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line, child.stderr.read() if child.stderr else "no output"
    return line.strip()


def finish(child: subprocess.Popen[str]) -> tuple[int, str]:
    output, errors = child.communicate("go\n", timeout=TIMEOUT)
    assert child.returncode in (0, IN_USE_EXIT), errors
    return child.returncode, output.strip()


def test_two_processes_one_cache_a_create_on_the_wire_leave_one_copy_on_harvest(
    harvest: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "account.sqlite3"
    first = start_child("create-and-hold", harvest, path)
    assert first_line(first) == "on-the-wire"
    second = start_child("sync", harvest, path)
    code, said = finish(second)
    assert code == IN_USE_EXIT and said.startswith("in-use: The local cache account.sqlite3")
    assert finish(first) == (0, "synced 1")
    copies = [c for c in harvest.store.contacts() if c.last_name == "Queued"]
    assert len(copies) == 1
    with Cache.open(path) as cache:  # both are gone: the file is free again
        assert cache.pending() == []


def test_a_second_process_is_told_why_and_the_first_keeps_working(
    harvest: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "account.sqlite3"
    holder = start_child("hold", harvest, path)
    assert first_line(holder) == "ready"
    with pytest.raises(CacheInUseError) as refused:
        Cache.open(path)
    assert isinstance(refused.value, CacheError)
    assert "in use by another running copy of Harvest Contacts" in str(refused.value)
    assert finish(holder) == (0, "")
    with Cache.open(path) as cache:
        assert cache.integrity_check() == "ok"


def test_a_killed_process_leaves_no_lock_behind(harvest: SandboxServer, tmp_path: Path) -> None:
    path = tmp_path / "account.sqlite3"
    holder = start_child("hold", harvest, path)
    assert first_line(holder) == "ready"
    holder.send_signal(signal.SIGKILL)
    holder.communicate(timeout=TIMEOUT)
    assert holder.returncode == -signal.SIGKILL
    assert path.with_name("account.sqlite3.lock").exists()  # a file, but no lock on it
    with Cache.open(path) as cache:
        assert cache.integrity_check() == "ok"
    assert not path.with_name("account.sqlite3.lock").exists()  # the last to leave removes it


def test_threads_of_one_process_share_the_cache(tmp_path: Path) -> None:
    """The app's GUI thread and its worker each open their own Cache on the file."""
    path = tmp_path / "account.sqlite3"
    with Cache.open(path) as gui_side:
        opened: list[int] = []

        def worker() -> None:
            with Cache.open(path) as worker_side:
                opened.append(len(worker_side.pending()))

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join(TIMEOUT)
        assert opened == [0] and gui_side.pending() == []
    with Cache.open(path):  # every holder closed: open again, still this process's
        pass


def test_closing_the_last_holder_frees_the_file_for_another_process(
    harvest: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "account.sqlite3"
    first, second = Cache.open(path), Cache.open(path)
    first.close()
    other = start_child("hold", harvest, path)
    code, said = finish(other)
    assert (code, said) == (IN_USE_EXIT, said) and said.startswith("in-use:")
    second.close()
    other = start_child("hold", harvest, path)
    assert first_line(other) == "ready"
    assert finish(other) == (0, "")


# --- the app: one per data folder ------------------------------------------------------


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen has no stacking
def test_a_second_instance_asks_the_first_to_show_its_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    first, second = SingleInstance(tmp_path / "data"), SingleInstance(tmp_path / "data")
    try:
        assert first.acquire()
        first.listen()
        first.activation_requested.connect(lambda: bring_to_front(window))
        assert not second.acquire()
        with qtbot.waitSignal(first.activation_requested, timeout=WAIT_MS):
            assert second.ask_running_to_show()
        assert window.isVisible() and not window.isMinimized()
    finally:
        first.release()
    assert second.acquire()  # the first one is gone: the folder is free
    second.release()


def test_other_data_folders_run_side_by_side(tmp_path: Path) -> None:
    one, other = SingleInstance(tmp_path / "one"), SingleInstance(tmp_path / "other")
    assert one.acquire() and other.acquire()
    assert one.name != other.name
    one.release()
    other.release()


def test_a_data_folder_that_cannot_be_made_does_not_claim_another_copy_runs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_folder = tmp_path / "a file"
    not_a_folder.write_text("")
    assert SingleInstance(not_a_folder / "data").acquire()  # the cache will report the folder
    assert "No one-app check" in caplog.text


def run_app(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "addressbook", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_second_launch_shows_the_first_and_a_killed_one_leaves_no_lock(
    qtbot: QtBot, tmp_path: Path
) -> None:
    data, log = tmp_path / "data", tmp_path / "first.log"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADDRESSBOOK_DATA_DIR": str(data)}
    with log.open("w") as stderr:
        first = subprocess.Popen(
            [sys.executable, "-m", "addressbook", "-v"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
        )
    try:
        qtbot.waitUntil(lambda: "Listening for other launches" in log.read_text(), timeout=60_000)
        smoke = run_app("--demo", "--smoke-test", env=env)
        assert smoke.returncode == 1
        assert smoke.stderr.strip().splitlines()[-1] == (
            f"smoke-test failed: Harvest Contacts is already running on {data}; close it first"
        )
        assert run_app(env=env).returncode == 0
        qtbot.waitUntil(lambda: "brought to the front" in log.read_text(), timeout=60_000)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=TIMEOUT)
    after_kill = run_app("--demo", "--smoke-test", env=env)  # the stale lock is taken over
    assert after_kill.returncode == 0, after_kill.stderr
    assert after_kill.stdout.startswith("smoke-test ok")
