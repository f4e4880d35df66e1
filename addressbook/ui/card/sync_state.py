"""A contact's sync state in plain words, with the badge the table shows on its row."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWidget

BADGE_SIZE = 16


class SyncState(Enum):
    SYNCED = ("synced", "Up to date with Harvest")
    CHANGED = ("dirty", "Changed here, not yet sent to Harvest")
    CONFLICT = (
        "conflict",
        "Conflict: changed here and in Harvest. Resolve it in Unsynced changes (Ctrl+U)",
    )

    @property
    def badge(self) -> str:
        return self.value[0]

    @property
    def words(self) -> str:
        return self.value[1]

    def pixmap(self, widget: QWidget) -> QPixmap:
        from addressbook.ui.badges import badge_icon

        size = QSize(BADGE_SIZE, BADGE_SIZE)
        return badge_icon(self.badge).pixmap(size, widget.devicePixelRatioF())


def sync_state_of(dirty: bool, conflict: bool) -> SyncState:
    if conflict:
        return SyncState.CONFLICT
    return SyncState.CHANGED if dirty else SyncState.SYNCED
