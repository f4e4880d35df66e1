"""Helpers shared by the dialog tests."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: qtbot.keyClicks for ASCII; other characters as the key events a
    keyboard layout delivers (QTest.keyClicks aborts on characters outside ASCII)."""
    run = ""
    for character in text + "\0":
        if character.isascii() and character != "\0":
            run += character
            continue
        if run:
            qtbot.keyClicks(widget, run)
            run = ""
        if character != "\0":
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(
                    kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, character
                )
                QApplication.sendEvent(widget, event)


def show(qtbot: QtBot, widget: QWidget) -> None:
    """Show a top-level widget and make it the active window, so shortcuts and focus work."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def inside(child: QWidget, window: QWidget) -> bool:
    """Whether child is drawn entirely within window (not clipped by a too-small window)."""
    top_left = child.mapTo(window, child.rect().topLeft())
    bottom_right = child.mapTo(window, child.rect().bottomRight())
    return window.rect().contains(top_left) and window.rect().contains(bottom_right)
