"""The one way the app speaks to a screen reader: announce(message).

Every status message goes through here: the status bar's messages and state
changes, the notice bar, and the window's "Saved Ann Lee.", "Deleted Ann Lee.
Undo", "12 contacts found". Progress is said politely (after what is being
read); errors assertively (at once). Each message is also logged, and handed to
listeners (the tests, a future message log).

It posts a QAccessibleAnnouncementEvent (Qt 6.8+) on the widget that says it, or
on the active window; Qt delivers it to AT-SPI, UI Automation or NSAccessibility.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

POLITE, ASSERTIVE = "polite", "assertive"
Listener = Callable[[str, str], None]  # message, politeness
_listeners: list[Listener] = []


def announce(message: str, *, urgent: bool = False, source: QObject | None = None) -> bool:
    """Say `message` (polite, or assertive when urgent); False when it was empty.

    Callers say a state once, when it changes: a status bar re-stating "Offline"
    at every retry would drown out everything else."""
    text = " ".join(message.split())
    if not text:
        return False
    target = source if source is not None else _default_source()
    politeness = ASSERTIVE if urgent else POLITE
    log.info("announce (%s): %s", politeness, text)
    if target is not None:
        _post(target, text, politeness)
    for listener in list(_listeners):
        listener(text, politeness)
    return True


def add_listener(listener: Listener) -> None:
    _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _default_source() -> QObject | None:
    return QApplication.activeWindow() or QApplication.instance()


def _post(target: QObject, text: str, politeness: str) -> None:
    event = QAccessibleAnnouncementEvent(target, text)
    level = QAccessible.AnnouncementPoliteness
    event.setPoliteness(level.Assertive if politeness == ASSERTIVE else level.Polite)
    QAccessible.updateAccessibility(event)
