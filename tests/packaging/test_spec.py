"""The PyInstaller spec and the filters that decide what goes into the bundle."""

from __future__ import annotations

import ast
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "addressbook.spec"


def test_spec_is_valid_python_that_builds_the_named_bundle() -> None:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    calls = {node.func.id for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}  # fmt: skip
    assert {"Analysis", "PYZ", "EXE", "COLLECT"} <= calls
    text = SPEC.read_text(encoding="utf-8")
    assert '"HarvestContacts"' in text and 'name="addressbook"' in text
    assert 'copy_metadata("keyring")' in text
    assert 'entry_points(group="keyring.backends")' in text


def test_spec_bundles_the_resources_directory() -> None:
    assert '(str(ROOT / "resources"), "resources")' in SPEC.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("destination", "unwanted"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/plugins/platforms/qwindows.dll", False),  # the Windows wheel's layout
        ("PySide6/plugins/imageformats/qtiff.dll", True),
        ("PySide6/Qt/translations/qtbase_de.qm", True),
        ("libX11.so.6", True),
        ("libglib-2.0.so.0", True),
        ("libxcb-cursor.so.0", False),
        ("PySide6/Qt/lib/libQt6Core.so.6", False),
        ("keyring-25.7.0.dist-info/entry_points.txt", False),
    ],
)
def test_filter_decides_per_file(
    bundle_filters: ModuleType, destination: str, unwanted: bool
) -> None:
    assert bundle_filters.is_unwanted(destination) is unwanted


def test_plugin_key_names_type_and_stem(bundle_filters: ModuleType) -> None:
    assert bundle_filters.plugin_key("PySide6/Qt/plugins/iconengines/libqsvgicon.so") == (
        "iconengines/qsvgicon"
    )
    assert bundle_filters.plugin_key("PySide6/Qt/lib/libQt6Gui.so.6") is None


def test_used_qt_modules_are_never_excluded(bundle_filters: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("from PySide6.QtNetwork import QNetworkInformation\n")
    (tmp_path / "b.py").write_text("from PySide6 import (\n    QtCore,\n    QtSvg,\n)\n")
    (tmp_path / "c.py").write_text("import PySide6.QtDBus\n")
    used = bundle_filters.scan_qt_imports(tmp_path)
    assert used == {"QtNetwork", "QtCore", "QtSvg", "QtDBus"}
    excluded = bundle_filters.excluded_modules(used)
    assert "PySide6.QtNetwork" not in excluded and "PySide6.QtSvg" not in excluded
    assert "PySide6.QtQml" in excluded and "tkinter" in excluded and "unittest" in excluded


def test_scan_sees_the_apps_own_qt_imports(bundle_filters: ModuleType) -> None:
    used = bundle_filters.scan_qt_imports(ROOT / "addressbook")
    assert {"QtCore", "QtGui", "QtWidgets"} <= used


def test_unlinked_libraries_are_dropped(bundle_filters: ModuleType) -> None:
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6", "libX11.so.6"],
        "/src/libQt6Core.so.6": ["libicuuc.so.73"],
        "/src/libicuuc.so.73": [],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
        "/src/libcairo.so.2": [],
        "/src/libqxcb.so": ["libQt6Gui.so.6"],
    }
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),  # linked only by a dropped plugin
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    kept = bundle_filters.drop_unlinked_libraries(binaries, lambda path: links.get(path, []))
    assert [entry[0].rsplit("/", 1)[-1] for entry in kept] == [
        "QtGui.abi3.so", "libQt6Gui.so.6", "libQt6Core.so.6", "libicuuc.so.73", "libqxcb.so",
        "libpython3.11.so.1.0",
    ]  # fmt: skip


def test_symlinks_to_dropped_libraries_are_dropped(bundle_filters: ModuleType) -> None:
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6", "BINARY")]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6EglFSDeviceIntegration.so.6", "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
         "SYMLINK"),
        ("resources/icons/x.svg", "/src/x.svg", "DATA"),
    ]  # fmt: skip
    kept = bundle_filters.drop_dangling_symlinks(datas, binaries)
    assert [entry[0] for entry in kept] == ["libQt6Core.so.6", "resources/icons/x.svg"]


def test_elf_needed_reads_direct_links_only(bundle_filters: ModuleType) -> None:
    import PySide6

    core = Path(PySide6.__file__).parent / "QtCore.abi3.so"
    needed = bundle_filters.elf_needed(str(core))
    assert "libQt6Core.so.6" in needed
    assert "libicudata.so.73" not in needed  # linked by libQt6Core, not by the binding


KEYRING_ENTRY_POINTS = """[console_scripts]
keyring = keyring.cli:main

[keyring.backends]
KWallet = keyring.backends.kwallet
SecretService = keyring.backends.SecretService
Windows = keyring.backends.Windows
chainer = keyring.backends.chainer
libsecret = keyring.backends.libsecret
macOS = keyring.backends.macOS
"""


@pytest.mark.parametrize(
    ("platform", "kept"),
    [
        ("linux", ["KWallet", "SecretService", "chainer", "libsecret"]),
        ("darwin", ["chainer", "macOS"]),
        ("win32", ["Windows", "chainer"]),
    ],
)
def test_bundle_keeps_only_the_platforms_keyring_backends(
    bundle_filters: ModuleType, platform: str, kept: list[str]
) -> None:
    text = bundle_filters.platform_entry_points(KEYRING_ENTRY_POINTS, platform)
    section = text.split("[keyring.backends]\n", 1)[1]
    assert [line.split(" = ")[0] for line in section.splitlines() if line] == kept
    assert text.startswith("[console_scripts]\nkeyring = keyring.cli:main\n")
