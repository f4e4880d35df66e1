"""The application icon as a QIcon, built from the bundled PNGs."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from addressbook.resources import ICON_SIZES, icon_png_path

log = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """The window and taskbar icon, at 16 to 512 px.

    Only the PNGs rendered from the SVG by packaging/make_icons.py: Qt loads each file
    lazily, at the first request for its size, so this costs well under a millisecond at
    start-up, where starting with the SVG would load the SVG icon engine and every PNG
    eagerly (about 6 ms). Sizes in between are scaled from the next larger PNG.
    """
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png_path(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        log.warning("application icon not found under %s", icon_png_path(ICON_SIZES[0]).parent)
    return icon
