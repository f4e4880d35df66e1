"""Install, run and remove the .deb as a user's package manager would: `make deb-check`.

Like bundle_checks.py these run only when named (CI runs them after `make deb`), and they
change the machine: they need root and apt-get, install dist/harvest-contacts_*.deb (or
HARVEST_DEB) with `apt-get install ./...deb`, run the installed command, validate the
installed .desktop and metainfo files, then purge the package and check that nothing of
it is left. The tests run in file order: the last one removes the package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import addressbook
from tests.packaging.bundle_checks import describe, run_bundle

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "harvest-contacts"
COMMAND = Path("/usr/bin/addressbook")
DESKTOP_FILE = Path(f"/usr/share/applications/{addressbook.DESKTOP_ID}.desktop")
METAINFO_FILE = Path(f"/usr/share/metainfo/{addressbook.DESKTOP_ID}.metainfo.xml")
# Everywhere the package puts files, and dpkg's own records of it.
WATCHED = ("/opt", "/usr/bin", "/usr/share/applications", "/usr/share/metainfo",
           "/usr/share/icons/hicolor", "/usr/share/doc", "/var/lib/dpkg/info")  # fmt: skip
# Indexes that the menu and icon tools rewrite on every install and removal; they belong
# to the system (desktop-file-utils, the icon theme), not to the package.
SYSTEM_CACHES = ("mimeinfo.cache", "icon-theme.cache")


def deb_path() -> Path:
    if os.environ.get("HARVEST_DEB"):
        return Path(os.environ["HARVEST_DEB"])
    found = sorted((ROOT / "dist").glob(f"{PACKAGE}_{addressbook.__version__}_*.deb"))
    assert found, "no package in dist/: build it with `make deb`"
    return found[-1]


def files_under(folders: tuple[str, ...]) -> set[str]:
    return {str(path) for folder in folders for path in Path(folder).rglob("*")
            if path.name not in SYSTEM_CACHES}  # fmt: skip


def apt_get(*args: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    return subprocess.run(
        ["apt-get", "-y", "-q", *args], capture_output=True, text=True, env=environment,
        stdin=subprocess.DEVNULL, timeout=600, check=False,
    )  # fmt: skip


def is_installed() -> bool:
    result = subprocess.run(["dpkg-query", "-W", "-f=${Status}", PACKAGE],
                            capture_output=True, text=True, check=False)  # fmt: skip
    return result.stdout.strip() == "install ok installed"


@pytest.fixture(scope="module")
def before_install() -> Iterator[set[str]]:
    """The watched files before the install; the package is installed for the module."""
    assert os.geteuid() == 0 and shutil.which("apt-get"), "needs root and apt-get"
    if is_installed():  # left by an interrupted run: start from a machine without it
        assert apt_get("remove", "--purge", PACKAGE).returncode == 0
    snapshot = files_under(WATCHED)
    result = apt_get("install", str(deb_path().resolve()))
    assert result.returncode == 0, describe(result)
    yield snapshot
    if is_installed():  # a test failed before the removal test ran
        apt_get("remove", "--purge", PACKAGE)


def test_package_names_its_version_and_dependencies(before_install: set[str]) -> None:
    fields = subprocess.run(["dpkg-query", "-W", "-f=${Version}|${Depends}|${Maintainer}", PACKAGE],
                            capture_output=True, text=True, check=True).stdout  # fmt: skip
    version, depends, maintainer = fields.split("|")
    assert version == addressbook.__version__
    assert "libc6 (>= 2." in depends and "libx11-6" in depends and "libfontconfig1" in depends
    assert "<" in maintainer and maintainer.endswith(">")


def test_installed_command_prints_the_version(before_install: set[str]) -> None:
    assert shutil.which("addressbook", path="/usr/bin") == str(COMMAND)
    result = run_bundle(COMMAND, "--version", timeout=30)
    assert result.returncode == 0, describe(result)
    assert f"{addressbook.APP_NAME} {addressbook.__version__}" in result.stdout


def test_installed_command_passes_the_demo_smoke_test(
    before_install: set[str], tmp_path: Path
) -> None:
    result = run_bundle(COMMAND, "--demo", "--smoke-test", "--data-dir", str(tmp_path), timeout=60)
    assert result.returncode == 0, describe(result)


def test_installed_command_lists_the_licences(before_install: set[str]) -> None:
    result = run_bundle(COMMAND, "--licences", timeout=30)
    assert result.returncode == 0, describe(result)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in result.stdout


def test_installed_desktop_file_is_valid(before_install: set[str]) -> None:
    tool = shutil.which("desktop-file-validate")
    assert tool, "needs desktop-file-utils (installed by .ci/run)"
    result = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), describe(result)


def test_installed_metainfo_is_valid(before_install: set[str]) -> None:
    tool = shutil.which("appstreamcli")
    assert tool, "needs appstream (installed by .ci/run)"
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO_FILE)],
                            capture_output=True, text=True, check=False)  # fmt: skip
    assert result.returncode == 0, describe(result)


def test_installed_icons_are_in_the_theme(before_install: set[str]) -> None:
    hicolor = Path("/usr/share/icons/hicolor")
    for size in (16, 32, 48, 128, 256, 512):
        assert (hicolor / f"{size}x{size}/apps/{addressbook.DESKTOP_ID}.png").is_file()
    assert (hicolor / f"scalable/apps/{addressbook.DESKTOP_ID}.svg").is_file()


def test_purge_leaves_nothing_behind(before_install: set[str]) -> None:
    result = apt_get("remove", "--purge", PACKAGE)
    assert result.returncode == 0, describe(result)
    assert not is_installed()
    assert not Path("/opt/harvest-contacts").exists() and not COMMAND.exists()
    assert files_under(WATCHED) - before_install == set()
