"""Build the Debian package from the one-folder bundle: `make deb`.

    python packaging/linux/build_deb.py [--bundle dist/HarvestContacts] [--out dist]

Installs the bundle to /opt/harvest-contacts, a /usr/bin/addressbook launcher, the .desktop
file, the AppStream metainfo and the hicolor icons. Depends lists what the bundle links
but does not carry (Xlib, fontconfig, GLib, D-Bus, GL, Wayland: the host's copies must
win, see bundle_filters.HOST_LIBRARIES) as the build host's packages, and libc6 at least
the glibc version the bundle needs. So build it on the oldest distribution it should
install on (Ubuntu 22.04 in the release workflow). Needs dpkg-deb, dpkg and objdump.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))
import platform_bundle  # noqa: E402  (packaging/ is not a package)

PACKAGE = "harvest-contacts"
INSTALL_DIR = "opt/harvest-contacts"
DESKTOP_ID = platform_bundle.BUNDLE_ID
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MAINTAINER = os.environ.get("DEB_MAINTAINER") or (
    "Harvest Contacts maintainers <maintainers@harvestcontacts.com>"
)
DESCRIPTION = """\
Offline-first desktop address book for Harvest client contacts
 Harvest Contacts keeps the client contacts of your Harvest account on your
 desktop: search as you type across names, companies, emails and phone numbers,
 edit offline (changes are queued and sent when the network returns), and
 resolve conflicting edits field by field. Passwords stay in the desktop
 keyring (GNOME Keyring or KWallet, through the Secret Service)."""


def elf_files(bundle: Path) -> list[Path]:
    """The executable and every shared object in the bundle (symbolic links skipped)."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) == b"\x7fELF":
                found.append(path)
    return found


def objdump(path: Path, flag: str) -> str:
    result = subprocess.run(["objdump", flag, str(path)], capture_output=True, text=True)
    return result.stdout


def needed(path: Path) -> list[str]:
    return re.findall(r"^\s*NEEDED\s+(\S+)", objdump(path, "-p"), flags=re.MULTILINE)


def external_libraries(
    files: Iterable[Path], bundled_names: set[str], linked: Callable[[Path], Iterable[str]]
) -> set[str]:
    """Sonames the bundle links that it does not carry: the host must provide them."""
    return {name for file in files for name in linked(file) if name not in bundled_names}


def glibc_floor(symbol_tables: Iterable[str]) -> str:
    """The highest GLIBC_x.y symbol version any binary asks for (objdump -T output)."""
    versions = {
        tuple(int(n) for n in v.split("."))
        for table in symbol_tables for v in re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", table)
    }  # fmt: skip
    return ".".join(str(n) for n in max(versions)) if versions else "2.17"


def library_path(soname: str, ldconfig_cache: str) -> str | None:
    """Where the host's dynamic linker finds soname (from `ldconfig -p`), 64-bit first."""
    for line in ldconfig_cache.splitlines():
        match = re.match(rf"\s*{re.escape(soname)} \(([^)]*)\) => (\S+)", line)
        if match and ("x86-64" in match[1] or "64" in match[1] or sys.maxsize <= 2**32):
            return match[2]
    return None


def owning_package(path: str) -> str:
    """The Debian package that installed a library file (usrmerge aware)."""
    candidates = [path, os.path.realpath(path)]
    candidates += [p.removeprefix("/usr") for p in candidates if p.startswith("/usr/lib")]
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:  # "libx11-6:amd64: /usr/lib/..." or "a, b: /path"
            return package_name(result.stdout)
    raise LookupError(f"no installed package owns {path}")


def package_name(dpkg_search_line: str) -> str:
    """The (first) package in a `dpkg -S` answer, without its architecture qualifier."""
    return dpkg_search_line.split(":", 1)[0].split(",")[0].strip()


def host_dependencies(bundle: Path) -> list[str]:
    """The Depends entries: the host packages of the external libraries, and libc6."""
    files = elf_files(bundle)
    bundled = {path.name for path in bundle.rglob("*")}
    external = external_libraries(files, bundled, needed)
    cache = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    packages = set()
    for soname in sorted(external):
        path = library_path(soname, cache)
        if path is None:
            raise LookupError(f"the bundle links {soname}, which this host lacks")
        packages.add(owning_package(path))
    floor = glibc_floor(objdump(path, "-T") for path in files)
    packages.discard("libc6")
    return [f"libc6 (>= {floor})", *sorted(packages)]


def control_text(version: str, architecture: str, depends: list[str], size_kib: int) -> str:
    fields = {
        "Package": PACKAGE, "Version": version, "Architecture": architecture,
        "Maintainer": MAINTAINER, "Installed-Size": str(size_kib), "Depends": ", ".join(depends),
        "Suggests": "gnome-keyring | kwalletmanager | keepassxc",  # a Secret Service
        "Section": "misc", "Priority": "optional", "Description": DESCRIPTION,
    }  # fmt: skip
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def stage(bundle: Path, root: Path) -> None:
    """Lay out the package's files under root, as they will be installed under /."""
    resources = ROOT / "resources"
    shutil.copytree(bundle, root / INSTALL_DIR, symlinks=True)
    install(HERE / "launcher.sh", root / "usr/bin/addressbook", 0o755)
    share = root / "usr/share"
    install(resources / f"{DESKTOP_ID}.desktop", share / f"applications/{DESKTOP_ID}.desktop")
    install(resources / f"{DESKTOP_ID}.metainfo.xml", share / f"metainfo/{DESKTOP_ID}.metainfo.xml")
    icons = root / "usr/share/icons/hicolor"
    for size in ICON_SIZES:
        install(resources / f"icons/harvest-contacts-{size}.png",
                icons / f"{size}x{size}/apps/{DESKTOP_ID}.png")  # fmt: skip
    install(resources / "icons/harvest-contacts.svg", icons / f"scalable/apps/{DESKTOP_ID}.svg")
    copyright_file = root / f"usr/share/doc/{PACKAGE}/copyright"
    copyright_file.parent.mkdir(parents=True, exist_ok=True)
    copyright_file.write_text(COPYRIGHT, encoding="utf-8")
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode & ~0o022  # no group- or world-writable files in a package
        if path.is_file() and ".so" in path.name:
            mode &= ~0o111  # shared libraries are loaded, not run (Debian policy 8.1)
        path.chmod(mode)


COPYRIGHT = """\
Harvest Contacts is licensed under the MIT licence.

It ships third-party software under its own licences (Qt and PySide6 under the
LGPL-3.0, see /usr/share/common-licenses/LGPL-3; Python under the PSF licence; and
others): run `addressbook --licences` or open Help > About, or read
/opt/harvest-contacts/_internal/resources/licences/ and the *.dist-info folders
beside it.
"""


def install(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def write_control(root: Path, version: str, depends: list[str]) -> None:
    debian = root / "DEBIAN"
    debian.mkdir()
    size = sum(p.lstat().st_size for p in root.rglob("*") if not p.is_dir())
    architecture = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    (debian / "control").write_text(
        control_text(version, architecture, depends, (size + 1023) // 1024), encoding="utf-8"
    )
    for script in ("postinst", "postrm"):
        install(HERE / script, debian / script, 0o755)


def build(bundle: Path, out: Path) -> Path:
    version = platform_bundle.read_version()
    work = ROOT / "build" / "deb"
    shutil.rmtree(work, ignore_errors=True)
    root = work / PACKAGE
    stage(bundle, root)
    write_control(root, version, host_dependencies(bundle))
    control = (root / "DEBIAN/control").read_text(encoding="utf-8")
    architecture = re.search(r"^Architecture: (\S+)", control, re.MULTILINE)[1]  # type: ignore[index]
    out.mkdir(parents=True, exist_ok=True)
    package = out / f"{PACKAGE}_{version}_{architecture}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(package)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return package


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "HarvestContacts")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    if not (args.bundle / "addressbook").is_file():
        parser.error(f"no bundle in {args.bundle}: run `make bundle` first")
    package = build(args.bundle, args.out)
    print(f"{package} ({package.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
