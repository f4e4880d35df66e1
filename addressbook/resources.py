"""The one way to find a file under resources/, from a source tree and from a frozen bundle.

A PyInstaller bundle unpacks (one-file) or carries (one-folder) the data files under
``sys._MEIPASS``; the spec copies the repository's ``resources/`` there as ``resources/``.
From source the same files live in the repository next to the package. Qt-free, so the
packaging tests and the command line can use it without a QApplication.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

from addressbook import DESKTOP_ID as DESKTOP_ID  # the file names below resources/

ICON_BASENAME = "harvest-contacts"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
"""Pixel sizes of the PNGs that packaging/make_icons.py renders from the SVG."""

_SOURCE_RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def resources_dir() -> Path:
    """The directory that holds the resources, bundled or in the source tree."""
    if is_frozen():
        return Path(sys._MEIPASS) / "resources"  # type: ignore[attr-defined]  # set by PyInstaller
    return _SOURCE_RESOURCES


def resource_path(name: str) -> Path:
    """The path of resources/<name>; name is a relative POSIX path such as 'icons/x.svg'.

    The path is returned even when the file is missing (callers decide how to fail), but a
    name that would leave the resources directory is refused: it is always a bug.
    """
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ValueError(f"not a resource name: {name!r}")
    return resources_dir().joinpath(*relative.parts)


def icon_svg_path() -> Path:
    """The scalable application icon."""
    return resource_path(f"icons/{ICON_BASENAME}.svg")


def icon_png_path(size: int) -> Path:
    """The application icon rendered at size x size pixels (one of ICON_SIZES)."""
    if size not in ICON_SIZES:
        raise ValueError(f"no {size} px icon; sizes are {ICON_SIZES}")
    return resource_path(f"icons/{ICON_BASENAME}-{size}.png")
