"""Checks of the built bundle, run by `make bundle-check` (CI), not by `make test`.

Building takes minutes, so these live outside pytest's test_*.py pattern and run only when
named on the command line, after `make bundle` has produced dist/HarvestContacts (or the
folder in HARVEST_BUNDLE_DIR). They run the frozen executable as a user would, offscreen:
by default the folder's own, or the one in HARVEST_BUNDLE_EXECUTABLE (the installed .deb's
/usr/bin launcher, the executable inside `Harvest Contacts.app`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

import addressbook

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = Path(os.environ.get("HARVEST_BUNDLE_DIR") or ROOT / "dist" / "HarvestContacts")
EXECUTABLE = Path(
    os.environ.get("HARVEST_BUNDLE_EXECUTABLE")
    or BUNDLE / ("addressbook.exe" if sys.platform == "win32" else "addressbook")
)
# Bytes. Linux: the "at most 130 MB" for the one-folder bundle. Windows and macOS
# are ceilings not yet measured (only Linux builds here): PySide6's macOS wheels are
# universal2, so every Qt library carries both architectures.
SIZE_BUDGETS = {"linux": 130_000_000, "win32": 150_000_000, "darwin": 300_000_000}
SIZE_BUDGET = SIZE_BUDGETS.get(sys.platform, SIZE_BUDGETS["linux"])
SMOKE_TEST_SECONDS = 30


@pytest.fixture(scope="module")
def executable() -> Path:
    assert EXECUTABLE.is_file(), f"no bundle at {BUNDLE}: build it with `make bundle`"
    return EXECUTABLE


def run_bundle(executable: Path, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run the frozen app offscreen with the test's private XDG dirs (see conftest)."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(executable), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environment,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def describe(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"


def test_version_prints_the_package_version(executable: Path) -> None:
    result = run_bundle(executable, "--version", timeout=30)
    assert result.returncode == 0, describe(result)
    assert addressbook.__version__ in result.stdout + result.stderr


def test_demo_smoke_test_passes_within_30_seconds(executable: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_bundle(
        executable, "--demo", "--smoke-test", "--data-dir", str(tmp_path / "data"),
        timeout=SMOKE_TEST_SECONDS,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    print(f"smoke test: {elapsed:.1f} s\n{result.stdout}{result.stderr}")
    assert result.returncode == 0, describe(result)
    assert elapsed < SMOKE_TEST_SECONDS


def test_frozen_keyring_knows_the_platform_backends(executable: Path) -> None:
    """keyring finds its backends through entry points; a bundle without the metadata
    knows none and silently falls back to fail.Keyring. This box has no Secret Service
    daemon, so the backend cannot be *used* here, but it must be *known*."""
    result = run_bundle(executable, "--list-keyring-backends", timeout=30)
    assert result.returncode == 0, describe(result)
    print(result.stdout)
    expected = {"linux": "SecretService", "darwin": "macOS", "win32": "Windows"}
    platform_backend = expected.get(sys.platform, "SecretService")
    assert f"keyring.backends.{platform_backend}" in result.stdout, describe(result)


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the Secret Service is the Linux keyring"
)
def test_frozen_app_picks_a_running_secret_service(executable: Path) -> None:
    """With a Secret Service on the session bus (gnome-keyring in a private D-Bus session,
    its keyring under this test's XDG_DATA_HOME), the frozen app's keyring uses it."""
    session, daemon = shutil.which("dbus-run-session"), shutil.which("gnome-keyring-daemon")
    assert session and daemon, "needs dbus and gnome-keyring (installed by .ci/run)"
    script = (
        "printf unlock | gnome-keyring-daemon --unlock --components=secrets >/dev/null"
        ' && exec "$0" --list-keyring-backends'
    )
    result = subprocess.run(
        [session, "--", "sh", "-c", script, str(executable)],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL, check=False,
    )  # fmt: skip
    assert result.returncode == 0, describe(result)
    assert "active: keyring.backends.SecretService.Keyring" in result.stdout, describe(result)


def test_frozen_app_lists_the_bundled_licences(executable: Path) -> None:
    """About shows addressbook.licences' notices; in a bundle they come from the copied
    metadata and resources/licences, which --licences proves are there."""
    result = run_bundle(executable, "--licences", timeout=30)
    assert result.returncode == 0, describe(result)
    headings = [line for line in result.stdout.splitlines() if ": " in line and " " in line]
    for name in ("Python", "PySide6_Essentials", "shiboken6", "httpx", "xmltodict", "keyring",
                 "platformdirs", "certifi"):  # fmt: skip
        assert any(line.startswith(f"{name} ") for line in headings), name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in result.stdout  # Qt's licence, with its text
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in result.stdout
    assert "Encode OSS Ltd" in result.stdout  # httpx's own licence file, from its metadata


def test_bundle_carries_the_resources() -> None:
    internal = BUNDLE / "_internal"
    assert (internal / "resources" / "icons" / "harvest-contacts.svg").is_file()
    assert (internal / "resources" / "com.harvestcontacts.HarvestContacts.desktop").is_file()
    assert list(internal.glob("keyring-*.dist-info/entry_points.txt"))


def test_bundle_has_no_dangling_links() -> None:
    dangling = [path for path in BUNDLE.rglob("*") if path.is_symlink() and not path.exists()]
    assert dangling == []


def test_bundle_fits_the_size_budget() -> None:
    size = sum(path.lstat().st_size for path in BUNDLE.rglob("*") if not path.is_dir())
    print(f"bundle size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
    assert size <= SIZE_BUDGET
