"""The spec's Windows, macOS and Linux branches, checked on any machine.

Only the Linux bundle is built here; what the spec does differently on Windows and macOS
lives in packaging/platform_bundle.py, so each branch is called with the platform's name.
"""

from __future__ import annotations

import ast
import plistlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import addressbook

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "addressbook.spec"


def test_version_is_read_from_the_package_without_importing_it(
    platform_bundle: ModuleType, tmp_path: Path
) -> None:
    assert platform_bundle.read_version() == addressbook.__version__
    (tmp_path / "addressbook").mkdir()
    init = tmp_path / "addressbook" / "__init__.py"
    init.write_text('import not_installed_anywhere\n__version__ = "2.5.1"\n', encoding="utf-8")
    assert platform_bundle.read_version(tmp_path) == "2.5.1"


def test_version_script_prints_the_one_version() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "platform_bundle.py"), "version"],
        capture_output=True, text=True, timeout=30, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == addressbook.__version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3.4", (1, 2, 3, 4)), ("2.0rc1", (2, 1, 0, 0)),
     ("3", (3, 0, 0, 0))],
)  # fmt: skip
def test_windows_numeric_version(
    platform_bundle: ModuleType, version: str, numbers: tuple[int, ...]
) -> None:
    assert platform_bundle.numeric_version(version) == numbers


def test_macos_info_plist_names_the_app_its_version_and_dark_mode(
    platform_bundle: ModuleType,
) -> None:
    info = platform_bundle.macos_info_plist(addressbook.__version__)
    parsed = plistlib.loads(plistlib.dumps(info))  # what ends up in Contents/Info.plist
    assert parsed["CFBundleIdentifier"] == "com.harvestcontacts.HarvestContacts"
    assert parsed["CFBundleIdentifier"] == addressbook.DESKTOP_ID
    assert parsed["CFBundleName"] == parsed["CFBundleDisplayName"] == addressbook.APP_NAME
    assert parsed["CFBundleShortVersionString"] == addressbook.__version__
    assert parsed["CFBundleVersion"] == addressbook.__version__
    assert parsed["NSHighResolutionCapable"] is True
    assert parsed["NSRequiresAquaSystemAppearance"] is False  # follows the system dark mode
    assert parsed["CFBundleIconFile"] == "harvest-contacts.icns"


@pytest.mark.parametrize(
    ("platform", "name", "magic"),
    [("win32", "harvest-contacts.ico", b"\0\0\1\0"), ("darwin", "harvest-contacts.icns", b"icns")],
)
def test_each_platform_gets_its_icon_format(
    platform_bundle: ModuleType, platform: str, name: str, magic: bytes
) -> None:
    icon = platform_bundle.executable_icon(platform)
    assert icon is not None and icon.name == name
    assert icon.read_bytes()[:4] == magic


def test_linux_executable_carries_no_icon(platform_bundle: ModuleType) -> None:
    assert platform_bundle.executable_icon("linux") is None


@pytest.mark.parametrize(
    ("platform", "needed"),
    [
        ("win32", {"keyring.backends.Windows", "win32ctypes"}),  # Credential Locker
        ("darwin", {"keyring.backends.macOS"}),  # login Keychain
        ("linux", {"keyring.backends.SecretService", "secretstorage", "jeepney"}),
    ],
)
def test_each_platform_collects_its_keyring_store(
    platform_bundle: ModuleType, platform: str, needed: set[str]
) -> None:
    assert needed <= set(platform_bundle.keyring_packages(platform))


def test_windows_version_resource_is_a_valid_expression(platform_bundle: ModuleType) -> None:
    text = platform_bundle.windows_version_info("1.4.2")
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates it over its versioninfo classes
    assert isinstance(tree.body, ast.Call) and ast.unparse(tree.body.func) == "VSVersionInfo"
    assert "filevers=(1, 4, 2, 0)" in text and "StringStruct('ProductVersion', '1.4.2')" in text
    assert "StringStruct('OriginalFilename', 'addressbook.exe')" in text


def test_spec_uses_the_platform_branches() -> None:
    text = SPEC.read_text(encoding="utf-8")
    calls = (
        "platform_bundle.read_version(ROOT)", "platform_bundle.executable_icon(",
        "platform_bundle.macos_info_plist(VERSION)", "platform_bundle.keyring_packages(",
        "platform_bundle.windows_version_info(VERSION)", "bundled_distributions()",
    )  # fmt: skip
    for call in calls:
        assert call in text, call
    assert 'name="Harvest Contacts.app"' in text
