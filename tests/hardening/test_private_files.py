"""Private files: what the app writes is its user's alone (POSIX), whatever the umask.

Seen before, under umask 022: data dir 755; cache .sqlite3 644; startup-snapshot.json
644; log dir 755 and log 644; settings .ini 644; exports 644; and the cache file
name contained the user's email.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from addressbook.core.models import Client, Contact
from addressbook.exchange.files import ExportFormat, export_contacts
from addressbook.logging_setup import configure_logging
from addressbook.sandbox import DEMO_EMAIL
from addressbook.settings import Preferences, Settings
from addressbook.storage import Cache
from addressbook.storage.data_dir import prepare_data_dir
from addressbook.ui.startup_snapshot import save_snapshot, snapshot_path

pytestmark = pytest.mark.skipif(
    os.name != "posix",
    reason="file modes are POSIX; Windows keeps other users out of the per-user profile instead",
)

SERVER = "https://acme.harvestapp.com"
EMAIL = "jane.doe@example.com"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_the_cache_and_its_journals_are_private(tmp_path: Path, umask_022: None) -> None:
    data = tmp_path / "data"
    path = Cache.path_for(data, SERVER, EMAIL)
    with Cache.open(path) as cache:
        cache.apply_clients([Client(1, "Acme")], complete=True)
        cache.create_contact(Contact(None, 1, "Ann", "Private"))
        files = sorted(data.iterdir())
        assert [f.name.removeprefix(path.name) for f in files] == ["", "-shm", "-wal", ".lock"]
        assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert mode(data) == 0o700


def test_the_cache_name_carries_no_email(tmp_path: Path) -> None:
    name = Cache.path_for(tmp_path, SERVER, EMAIL).name
    assert "jane" not in name and "example" not in name and "acme" not in name
    assert name.startswith("cache-") and name.endswith(".sqlite3")
    assert name != Cache.path_for(tmp_path, SERVER, "someone@example.com").name


def old_name(data: Path) -> Path:
    """How releases before this one named the cache of SERVER and EMAIL."""
    digest = Cache.path_for(data, SERVER, EMAIL).stem.removeprefix("cache-")
    return data / f"acme.harvestapp.com_jane.doe@example.com-{digest}.sqlite3"


def test_files_of_earlier_versions_are_tightened_and_renamed_on_start(
    tmp_path: Path, umask_022: None
) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    old = old_name(data)
    with Cache.open(old) as cache:  # as an earlier version left it: an edit not yet sent
        cache.apply_clients([Client(1, "Acme")], complete=True)
        queued = cache.create_contact(Contact(None, 1, "Still", "Queued"))
    old.with_name(old.name + ".corrupt-20240101T000000Z").write_bytes(b"old copy")
    (data / "startup-snapshot.json").write_text("{}")
    for path in [data, *data.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (data / "notes.txt").write_text("the user's own file, in a folder given as --data-dir")
    prepare_data_dir(data)
    assert mode(data) == 0o700
    ours = [p for p in data.iterdir() if p.name != "notes.txt"]
    assert len(ours) == 3 and {p.name: mode(p) for p in ours} == {p.name: 0o600 for p in ours}
    assert mode(data / "notes.txt") == 0o644  # not ours to change
    assert not any("jane" in p.name for p in data.iterdir())
    with Cache.open(Cache.path_for(data, SERVER, EMAIL)) as cache:
        assert [entry.contact_id for entry in cache.pending()] == [queued.id]


def test_a_new_name_already_taken_leaves_the_old_file_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    old, new = old_name(data), Cache.path_for(data, SERVER, EMAIL)
    old.write_bytes(b"old")
    Path(f"{old}-wal").write_bytes(b"old log")
    new.write_bytes(b"new")
    prepare_data_dir(data)
    assert (old.read_bytes(), new.read_bytes()) == (b"old", b"new")
    assert Path(f"{old}-wal").exists() and not Path(f"{new}-wal").exists()


def test_settings_are_private(tmp_path: Path, umask_022: None) -> None:
    settings = Settings(tmp_path / "config" / "HarvestContacts.ini")
    settings.set(Preferences.EMAIL, EMAIL)
    settings.sync()
    ini = Path(settings.file_name)
    assert (mode(ini.parent), mode(ini)) == (0o700, 0o600)
    settings.set(Preferences.SERVER, SERVER)
    settings.sync()  # rewritten through a temporary file: the mode stays
    assert mode(ini) == 0o600


def test_logs_are_private_rotated_ones_too(tmp_path: Path, umask_022: None) -> None:
    logs = tmp_path / "logs"
    handle = configure_logging(log_dir=logs, console=False)
    try:
        logging.getLogger("addressbook.test").info("a line")
        file_handler = handle.handlers[0]
        assert isinstance(file_handler, logging.handlers.RotatingFileHandler)
        file_handler.doRollover()
        logging.getLogger("addressbook.test").info("another line")
    finally:
        handle.close()
    assert mode(logs) == 0o700
    names = sorted(p.name for p in logs.iterdir())
    assert names == ["addressbook.log", "addressbook.log.1"]
    assert [mode(logs / name) for name in names] == [0o600, 0o600]


def test_the_startup_snapshot_is_private(tmp_path: Path, umask_022: None) -> None:
    path = snapshot_path(tmp_path / "data")
    save_snapshot(path, "account", [], [Client(1, "Acme")], {1: 0})
    assert mode(path) == 0o600


def test_exports_are_private(tmp_path: Path, umask_022: None) -> None:
    contacts = [Contact(7, 1, "Ann", "Export", email="ann@example.com")]
    for export_format in ExportFormat:
        target = tmp_path / f"contacts{export_format.suffix}"
        target.write_text("an older export, readable by all")
        target.chmod(0o644)
        export_contacts(target, contacts, {1: "Acme"}, export_format)
        assert mode(target) == 0o600


def test_the_app_under_umask_022_leaves_nothing_readable_by_others(tmp_path: Path) -> None:
    """The whole app, as a user runs it: every file and folder it made is owner-only."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_DATA_HOME": str(home / "share"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ADDRESSBOOK_DATA_DIR": str(home / "data"),
    }
    command = f'umask 022 && exec "{sys.executable}" -m addressbook --demo --smoke-test'
    result = subprocess.run(
        ["sh", "-c", command], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    made = list(home.rglob("*"))
    assert any(p.name.endswith(".ini") for p in made) and any(p.suffix == ".log" for p in made)
    assert any(p.name.startswith("cache-") for p in made)
    readable = [f"{p.relative_to(home)} {mode(p):o}" for p in made if mode(p) & 0o077]
    assert readable == []
    assert not any(DEMO_EMAIL in p.name for p in made)
