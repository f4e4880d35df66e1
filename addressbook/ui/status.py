"""The status bar: connection state, sync progress, last sync, unsynced changes, Undo."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton, QWidget

from addressbook.core.words import counted

ONLINE, OFFLINE, SYNCING, THROTTLED, SIGNED_OUT = (
    "Online", "Offline", "Syncing…", "Throttled", "Not signed in")
UNDO_SECONDS = 8
_PHASES = {
    "pull-clients": "Fetching clients",
    "pull-contacts": "Fetching contacts",
    "push": "Sending changes",
    "throttled": "Waiting for Harvest",
}


def _tool_button(text: str, name: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(name)
    button.setAutoRaise(True)
    return button


class StatusBar(QStatusBar):
    undo_clicked = Signal()
    unsynced_clicked = Signal()
    conflicts_clicked = Signal()
    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Status")
        self.connection = QLabel(SIGNED_OUT)
        self.connection.setAccessibleName("Connection")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Sync progress")
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.last_sync = QLabel()
        self.last_sync.setAccessibleName("Last sync")
        self.unsynced = _tool_button("", "Unsynced changes")
        self.unsynced.clicked.connect(self.unsynced_clicked)
        self.conflicts = _tool_button("", "Conflicts")
        self.conflicts.setToolTip("Choose which version to keep")
        self.conflicts.clicked.connect(self.conflicts_clicked)
        self.retry = _tool_button("Sync now", "Sync now")
        self.retry.setToolTip("Sync with Harvest now (F5)")
        self.retry.clicked.connect(self.retry_clicked)
        self.undo_message = QLabel()
        self.undo_message.setAccessibleName("Undo message")
        self.undo = _tool_button("Undo", "Undo delete")
        self.undo.clicked.connect(self._undo)
        self.addWidget(self.undo_message)
        self.addWidget(self.undo)
        permanent: list[QWidget] = [self.conflicts, self.unsynced, self.last_sync, self.progress,
                                    self.connection, self.retry]
        for widget in permanent:
            self.addPermanentWidget(widget)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.timeout.connect(self.clear_undo)
        self._throttle_timer = QTimer(self)
        self._throttle_timer.setInterval(1000)
        self._throttle_timer.timeout.connect(self._tick_throttle)
        self._resume_at = 0.0
        self.clear_undo()
        self.set_unsynced(0, 0)

    # -- connection and sync ------------------------------------------------------
    def set_signed_out(self) -> None:
        self._set_state(SIGNED_OUT)
        self.last_sync.clear()
        self.set_unsynced(0, 0)

    def set_syncing(self) -> None:
        self._set_state(SYNCING)

    def set_progress(self, phase: str, done: int, total: int) -> None:
        if phase == "throttled":
            return
        label = _PHASES.get(phase, "Syncing")
        self._set_state(f"{label}…")
        self.progress.setVisible(total > 0 and done < total)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, total))

    def set_sync_result(self, report: Any) -> None:
        if getattr(report, "cancelled", False):
            return
        if getattr(report, "offline", False):
            self._set_state(OFFLINE, "No connection to Harvest; changes stay queued here.")
        elif getattr(report, "error_kind", None) == "auth":
            self._set_state(OFFLINE, str(report.error))
            self.connection.setText("Password refused: sign in again")
        elif getattr(report, "error", None):
            self._set_state(OFFLINE, str(report.error))
            self.connection.setText("Sync failed")
        else:
            self._set_state(ONLINE)
        refused = len(getattr(report, "rejected", None) or {})
        if refused:
            self.showMessage(f"Harvest refused {counted(refused, 'change')}: "
                             "see Unsynced changes (Ctrl+U).", 15000)

    def set_sync_error(self, message: str) -> None:
        self._set_state(OFFLINE, message)
        self.connection.setText("Sync failed")

    def set_offline(self, message: str) -> None:
        self._set_state(OFFLINE, message)

    def set_throttled(self, seconds: float) -> None:
        self._resume_at = datetime.now().timestamp() + seconds
        self._tick_throttle()
        self._throttle_timer.start()

    def _tick_throttle(self) -> None:
        left = math.ceil(self._resume_at - datetime.now().timestamp())
        if left <= 0:
            self._throttle_timer.stop()
            self._set_state(SYNCING)
            return
        self.progress.setVisible(False)
        self.connection.setText(f"{THROTTLED} (resuming in {left} s)")
        self.connection.setToolTip("Harvest asked us to slow down; syncing resumes by itself.")

    def _set_state(self, text: str, tooltip: str = "") -> None:
        self._throttle_timer.stop()
        self.connection.setText(text)
        self.connection.setToolTip(tooltip)
        if text not in (SYNCING,) and not text.endswith("…"):
            self.progress.setVisible(False)
        self.retry.setVisible(text != SIGNED_OUT)

    @property
    def state(self) -> str:
        return self.connection.text()

    def set_last_sync(self, when: datetime | None) -> None:
        if when is None:
            self.last_sync.setText("Never synced")
            return
        local = when.astimezone() if when.tzinfo else when
        same_day = local.date() == datetime.now(local.tzinfo).date()
        text = local.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M")
        self.last_sync.setText(f"Last sync {text}")
        self.last_sync.setToolTip(local.isoformat(sep=" ", timespec="seconds"))

    def set_unsynced(self, count: int, conflicts: int) -> None:
        """'2 unsynced changes' opens the list; '1 conflict' (its own button) resolves it."""
        text = f"{counted(count, 'unsynced change')}" if count else ""
        self.unsynced.setText(text or "All changes synced")
        self.unsynced.setToolTip("Show the unsynced changes (Ctrl+U)")
        self.unsynced.setVisible(bool(count) or not conflicts)
        self.conflicts.setText(counted(conflicts, "conflict"))
        if conflicts:
            from addressbook.ui.badges import badge_icon  # QStyle/QPainter: not at start-up

            self.conflicts.setIcon(badge_icon("conflict"))
        else:
            from PySide6.QtGui import QIcon  # its enums cost ~3 ms: not before the first paint

            self.conflicts.setIcon(QIcon())
        self.conflicts.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.conflicts.setVisible(conflicts > 0)

    # -- undo -----------------------------------------------------------------------
    def offer_undo(self, message: str, seconds: int = UNDO_SECONDS) -> None:
        self.undo_message.setText(message)
        self.undo_message.setVisible(True)
        self.undo.setVisible(True)
        self._undo_timer.start(seconds * 1000)

    def clear_undo(self) -> None:
        self._undo_timer.stop()
        self.undo_message.setVisible(False)
        self.undo.setVisible(False)

    def undo_available(self) -> bool:
        return self.undo.isVisibleTo(self)

    def _undo(self) -> None:
        self.clear_undo()
        self.undo_clicked.emit()
