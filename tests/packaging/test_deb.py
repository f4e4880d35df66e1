"""The .deb builder's parts: what the package depends on, its control file, its layout.

The whole package is built, installed and removed by `make deb-check` (deb_checks.py).
"""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

import addressbook

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging" / "linux"


def test_depends_on_what_the_bundle_links_but_does_not_carry(build_deb: ModuleType) -> None:
    links = {
        Path("addressbook"): ["libc.so.6", "libz.so.1"],
        Path("libQt6Gui.so.6"): ["libQt6Core.so.6", "libX11.so.6", "libfontconfig.so.1"],
        Path("libQt6Core.so.6"): ["libc.so.6", "libstdc++.so.6"],
    }
    bundled = {"addressbook", "libz.so.1", "libQt6Gui.so.6", "libQt6Core.so.6", "libstdc++.so.6"}
    external = build_deb.external_libraries(links, bundled, links.__getitem__)
    assert external == {"libc.so.6", "libX11.so.6", "libfontconfig.so.1"}


def test_libc_floor_is_the_newest_symbol_version_asked_for(build_deb: ModuleType) -> None:
    tables = [
        "0000 DF *UND* 0000 (GLIBC_2.2.5) memcpy\n0000 DF *UND* 0000 (GLIBC_2.34) __libc_start",
        "0000 DF *UND* 0000 (GLIBC_2.9) pipe2\n0000 DF *UND* 0000 (GLIBCXX_3.4.30) _ZSt4cout",
    ]
    assert build_deb.glibc_floor(tables) == "2.34"  # 2.34 > 2.9 compared as numbers


def test_library_path_reads_the_linker_cache(build_deb: ModuleType) -> None:
    cache = (
        "\tlibX11.so.6 (libc6,x86-64) => /lib/x86_64-linux-gnu/libX11.so.6\n"
        "\tlibX11-xcb.so.1 (libc6,x86-64) => /lib/x86_64-linux-gnu/libX11-xcb.so.1\n"
    )
    assert build_deb.library_path("libX11.so.6", cache) == "/lib/x86_64-linux-gnu/libX11.so.6"
    assert build_deb.library_path("libXau.so.6", cache) is None


@pytest.mark.parametrize(
    ("answer", "package"),
    [("libx11-6:amd64: /usr/lib/x86_64-linux-gnu/libX11.so.6\n", "libx11-6"),
     ("libgl1: /usr/lib/x86_64-linux-gnu/libGL.so.1\n", "libgl1"),
     ("libegl1:amd64, libegl1:i386: /usr/share/doc/libegl1\n", "libegl1")],
)  # fmt: skip
def test_package_name_from_dpkg_search(build_deb: ModuleType, answer: str, package: str) -> None:
    assert build_deb.package_name(answer) == package


def test_control_file_has_the_fields_a_package_manager_needs(build_deb: ModuleType) -> None:
    text = build_deb.control_text("1.2.3", "amd64", ["libc6 (>= 2.35)", "libx11-6"], 120_000)
    fields = dict(line.split(": ", 1) for line in text.splitlines() if not line.startswith(" "))
    assert fields["Package"] == "harvest-contacts" and fields["Version"] == "1.2.3"
    assert fields["Architecture"] == "amd64" and fields["Installed-Size"] == "120000"
    assert fields["Depends"] == "libc6 (>= 2.35), libx11-6"
    assert "<" in fields["Maintainer"] and fields["Description"]
    extended = [line for line in text.splitlines() if line.startswith(" ")]
    assert extended and all(len(line) <= 80 for line in extended)
    assert text.endswith("\n")


def test_layout_installs_to_opt_with_a_launcher_menu_entry_and_icons(
    build_deb: ModuleType, tmp_path: Path
) -> None:
    bundle = tmp_path / "HarvestContacts"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "addressbook").write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / "addressbook").chmod(0o775)
    (bundle / "_internal" / "libQt6Core.so.6").write_bytes(b"\x7fELF")
    (bundle / "_internal" / "libQt6Core.so.6").chmod(0o755)  # as PyInstaller leaves them
    os.symlink("_internal/libQt6Core.so.6", bundle / "libQt6Core.so.6")
    root = tmp_path / "root"
    build_deb.stage(bundle, root)
    desktop_id = addressbook.DESKTOP_ID
    assert (root / "opt/harvest-contacts/addressbook").is_file()
    assert (root / "opt/harvest-contacts/libQt6Core.so.6").is_symlink()  # links kept as links
    launcher = root / "usr/bin/addressbook"
    assert "exec /opt/harvest-contacts/addressbook" in launcher.read_text(encoding="utf-8")
    assert launcher.stat().st_mode & 0o777 == 0o755
    assert (root / f"usr/share/applications/{desktop_id}.desktop").is_file()
    assert (root / f"usr/share/metainfo/{desktop_id}.metainfo.xml").is_file()
    for size in (16, 48, 256, 512):
        assert (root / f"usr/share/icons/hicolor/{size}x{size}/apps/{desktop_id}.png").is_file()
    assert (root / f"usr/share/icons/hicolor/scalable/apps/{desktop_id}.svg").is_file()
    assert (root / "usr/share/doc/harvest-contacts/copyright").is_file()
    writable = [p for p in root.rglob("*") if not p.is_symlink() and p.stat().st_mode & 0o022]
    assert writable == []  # no group- or world-writable file in the package
    library = root / "opt/harvest-contacts/_internal/libQt6Core.so.6"
    assert library.stat().st_mode & 0o777 == 0o644
    assert (root / "opt/harvest-contacts/addressbook").stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("script", ["postinst", "postrm", "launcher.sh"])
def test_maintainer_scripts_are_executable_posix_shell(script: str) -> None:
    path = PACKAGING / script
    assert path.stat().st_mode & stat.S_IXUSR
    assert path.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    subprocess.run(["sh", "-n", str(path)], check=True)  # parses


def test_maintainer_scripts_refresh_caches_only_when_the_tools_exist() -> None:
    for script in ("postinst", "postrm"):
        text = (PACKAGING / script).read_text(encoding="utf-8")
        assert "command -v update-desktop-database" in text
        assert "command -v gtk-update-icon-cache" in text
        assert text.rstrip().endswith("exit 0")
