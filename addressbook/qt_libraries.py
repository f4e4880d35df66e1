"""Which system libraries Qt's X11 (xcb) platform plugin needs, and which are missing.

Without one of them Qt aborts at start with a message that names only the first
it thought of ("xcb-cursor0 or libxcb-cursor0 is needed"), even when another is
the one missing. Looking them up first lets the app name the missing library
and its Debian/Ubuntu package before Qt aborts. Qt-free and cheap: it reads the
dynamic linker's cache (/etc/ld.so.cache) and the LD_LIBRARY_PATH folders, and
runs only where the xcb plugin will be used.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

# The libraries the xcb plugin (libqxcb.so, libQt6XcbQpa.so) links, beyond those of Qt
# itself, with the Debian/Ubuntu package of each (README's apt line lists the same).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
}
LINKER_CACHE = Path("/etc/ld.so.cache")


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will start its X11 plugin (Linux, no other platform asked for)."""
    if not platform.startswith("linux") or getattr(sys, "frozen", False):
        return False  # a bundle carries its own copies, found beside it
    wanted = environ.get("QT_QPA_PLATFORM", "")
    if wanted:
        return wanted.split(":")[0].split(";")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(environ: Mapping[str, str], cache: Path = LINKER_CACHE) -> list[str]:
    """The xcb plugin's libraries the dynamic linker cannot find; [] when unknown."""
    try:
        known = cache.read_bytes()
    except OSError:
        return []  # no cache to read (another libc): say nothing rather than guess
    folders = [Path(p) for p in environ.get("LD_LIBRARY_PATH", "").split(":") if p]
    return [
        name
        for name in XCB_LIBRARIES
        if name.encode() + b"\0" not in known
        and not any((folder / name).exists() for folder in folders)
    ]


def missing_message(missing: list[str]) -> str:
    packages = " ".join(XCB_LIBRARIES[name] for name in missing)
    return (
        f"Qt cannot start its X11 platform: {', '.join(missing)} "
        f"{'is' if len(missing) == 1 else 'are'} missing.\n"
        f"On Debian or Ubuntu: sudo apt-get install {packages}"
    )


def warn_if_missing(environ: Mapping[str, str] = os.environ) -> str | None:
    """Print (to stderr) which libraries Qt will miss, before Qt aborts on them."""
    if not uses_xcb(environ):
        return None
    missing = missing_libraries(environ)
    if not missing:
        return None
    message = missing_message(missing)
    print(message, file=sys.stderr)
    return message
