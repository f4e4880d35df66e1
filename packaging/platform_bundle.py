"""What differs between the Windows, macOS and Linux bundles, as plain functions.

Imported by addressbook.spec, by the .deb builder and the release workflow (as a script:
`python packaging/platform_bundle.py version`), and by tests/packaging, which run every
platform's branch on any machine: only the Linux bundle can be built and run here.
Standard library only, like bundle_filters.py.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
APP_NAME = "Harvest Contacts"
BUNDLE_ID = "com.harvestcontacts.HarvestContacts"
EXECUTABLE = "addressbook"
COPYRIGHT = "Copyright © Harvest Contacts contributors. MIT licence."

# keyring imports its backends by name from entry points, so the analysis never sees them
# nor what they import; these packages are collected whole (collect_submodules) on each OS.
KEYRING_PACKAGES = {
    # Windows Credential Locker: keyring's backend calls it through pywin32-ctypes.
    "win32": ("keyring.backends.Windows", "win32ctypes"),
    # The login Keychain: keyring's own ctypes bindings of the Security framework.
    "darwin": ("keyring.backends.macOS",),
    # The Secret Service (GNOME Keyring, KWallet) over D-Bus, and KWallet's own API.
    "linux": ("keyring.backends.SecretService", "keyring.backends.kwallet", "secretstorage",
              "jeepney"),
}  # fmt: skip


def platform_key(platform: str) -> str:
    """'linux' for 'linux' or 'freebsd14'; 'win32' and 'darwin' unchanged."""
    return "linux" if platform.startswith(("linux", "freebsd")) else platform


def read_version(root: Path = ROOT) -> str:
    """addressbook.__version__, read from the source without importing the package."""
    tree = ast.parse((root / "addressbook" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__version__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise ValueError("addressbook/__init__.py sets no __version__")


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' -> (1, 2, 3, 0): Windows version resources hold four 16-bit numbers."""
    numbers = []
    for part in version.split(".")[:4]:
        digits = "".join(ch for ch in part if ch.isdigit()) or "0"
        numbers.append(min(int(digits), 65535))
    return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]


def executable_icon(platform: str, icons: Path = ICONS) -> Path | None:
    """The icon file built into the executable: .ico on Windows, .icns on macOS.

    Linux executables carry no icon: the .desktop file names the themed one.
    """
    suffix = {"win32": ".ico", "darwin": ".icns"}.get(platform_key(platform))
    return icons / f"harvest-contacts{suffix}" if suffix else None


def keyring_packages(platform: str) -> tuple[str, ...]:
    """Packages the bundle collects whole so keyring finds the platform's store."""
    return KEYRING_PACKAGES.get(platform_key(platform), ())


def macos_info_plist(version: str) -> dict[str, Any]:
    """Info.plist entries for `Harvest Contacts.app` (PyInstaller adds the executable's)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundlePackageType": "APPL",
        "CFBundleIconFile": "harvest-contacts.icns",
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,  # sharp text on Retina screens
        "NSRequiresAquaSystemAppearance": False,  # follow the system's dark mode
        "LSApplicationCategoryType": "public.app-category.productivity",
    }


def windows_version_info(version: str) -> str:
    """The executable's version resource (Explorer's Details tab), in PyInstaller's
    version-file syntax: a Python expression over PyInstaller.utils.win32.versioninfo."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": "Harvest Contacts", "FileDescription": APP_NAME,
        "FileVersion": version, "InternalName": EXECUTABLE, "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe", "ProductName": APP_NAME,
        "ProductVersion": version,
    }  # fmt: skip
    string_structs = ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        f"VSVersionInfo(ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, "
        "mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)), "
        f"kids=[StringFileInfo([StringTable('040904B0', [{string_structs}])]), "
        "VarFileInfo([VarStruct('Translation', [1033, 1200])])])\n"
    )


def main(argv: list[str]) -> int:
    """`platform_bundle.py version` prints the version (the workflow and Makefile use it);
    `numeric-version` its four-number form for Windows (1.2.3.0)."""
    if argv[1:] == ["version"]:
        print(read_version())
        return 0
    if argv[1:] == ["numeric-version"]:
        print(".".join(str(n) for n in numeric_version(read_version())))
        return 0
    print("usage: platform_bundle.py version|numeric-version", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
