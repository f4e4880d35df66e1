"""Reading widgets as assistive technology does: through Qt's own accessibility interfaces,
and catching what the app announces."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QWidget

from addressbook.ui import announce


def name(widget: QWidget) -> str:
    return _interface(widget).text(QAccessible.Text.Name)


def description(widget: QWidget) -> str:
    return _interface(widget).text(QAccessible.Text.Description)


def role(widget: QWidget) -> QAccessible.Role:
    return _interface(widget).role()


def actions(widget: QWidget) -> list[str]:
    action_interface = _interface(widget).actionInterface()
    return list(action_interface.actionNames()) if action_interface is not None else []


def _interface(widget: QWidget) -> object:
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None, f"{widget!r} has no accessibility interface"
    return interface


@dataclass
class Announcements:
    """What was said (message, politeness), from the module's one entry point, and the
    QAccessibleAnnouncementEvents that reached Qt."""

    said: list[tuple[str, str]] = field(default_factory=list)
    events: list[tuple[str, str]] = field(default_factory=list)

    def messages(self) -> list[str]:
        return [message for message, _politeness in self.said]


@contextmanager
def capture_announcements(monkeypatch: pytest.MonkeyPatch) -> Iterator[Announcements]:
    caught = Announcements()
    original = QAccessible.updateAccessibility

    def spy(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            polite = event.politeness() == QAccessible.AnnouncementPoliteness.Polite
            caught.events.append((event.message(), "polite" if polite else "assertive"))
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(spy))

    def listener(message: str, politeness: str) -> None:
        caught.said.append((message, politeness))

    announce.add_listener(listener)
    try:
        yield caught
    finally:
        announce.remove_listener(listener)
