"""The status bar: the sync indicator (sync_indicator.py), unsynced changes, conflicts,
and passing messages ("Saved Ann Lee."), each said to a screen reader through
addressbook.ui.announce.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from addressbook.core.display import for_display
from addressbook.core.words import counted
from addressbook.ui.announce import announce
from addressbook.ui.sync_indicator import SyncIndicator, raised_button


class StatusBar(QStatusBar):
    unsynced_clicked = Signal()
    conflicts_clicked = Signal()
    retry_clicked = Signal()  # "Sync now" / "Retry now"
    sign_in_clicked = Signal()  # "Sign in…" when Harvest refused the saved password
    problem_reported = Signal(str)  # why a sync the user asked for failed (notice bar)
    problem_solved = Signal(str)  # that text, once a sync went through after all
    sync_running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Status")
        self.indicator = SyncIndicator()
        for name in (
            "retry_clicked",
            "sign_in_clicked",
            "problem_reported",
            "problem_solved",
            "sync_running_changed",
        ):
            getattr(self.indicator, name).connect(getattr(self, name))
        self.connection, self.retry = self.indicator.text, self.indicator.retry
        self.progress, self.indicator_icon = self.indicator.progress, self.indicator.icon
        self._build_widgets()
        self.set_unsynced(0, 0)

    def _build_widgets(self) -> None:
        self.unsynced = raised_button("", raised=False)
        self.unsynced.clicked.connect(self.unsynced_clicked)
        self.conflicts = raised_button("", raised=False)
        self.conflicts.setToolTip("Choose which version to keep")
        self.conflicts.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.conflicts.clicked.connect(self.conflicts_clicked)
        for widget in (self.conflicts, self.unsynced, self.indicator):
            self.addPermanentWidget(widget)

    # -- the sync state (see SyncIndicator) -------------------------------------------
    @property
    def state(self) -> str:
        """The indicator's words, as shown."""
        return self.indicator.state

    @property
    def kind(self) -> str:
        return self.indicator.kind

    # The sync state is the indicator's: the worker's reports pass straight through.
    def set_signed_in(self, signed_in: bool) -> None:
        self.indicator.set_signed_in(signed_in)

    def set_signed_out(self) -> None:
        self.indicator.set_signed_out()

    def set_syncing(self) -> None:
        self.indicator.set_syncing()

    def set_progress(self, phase: str, done: int, total: int) -> None:
        self.indicator.set_progress(phase, done, total)

    def set_throttled(self, seconds: float) -> None:
        self.indicator.set_throttled(seconds)

    def set_retry_in(self, milliseconds: int) -> None:
        self.indicator.set_retry_in(milliseconds)

    def set_sync_error(self, message: str) -> None:
        self.indicator.set_sync_error(message)

    def set_offline(self, message: str) -> None:
        self.indicator.set_offline(message)

    def set_sign_in_failed(self, message: str, kind: str) -> None:
        self.indicator.set_sign_in_failed(message, kind)

    def set_last_sync(self, when: datetime | None) -> None:
        self.indicator.set_last_sync(when)

    def expect_manual_sync(self) -> None:
        self.indicator.expect_manual_sync()

    def is_syncing(self) -> bool:
        return self.indicator.is_syncing()

    def set_sync_result(self, report: Any) -> None:
        self.indicator.set_sync_result(report)
        refused = len(getattr(report, "rejected", None) or {})
        if refused:
            self.showMessage(
                f"Harvest refused {counted(refused, 'change')}: see Unsynced changes (Ctrl+U).",
                15000,
            )

    # -- messages -------------------------------------------------------------------------
    def showMessage(self, text: str, timeout: int = 0) -> None:  # noqa: N802
        """A passing message ("Saved Ann Lee."), also said to a screen reader; names in
        it are shown as data (see for_display)."""
        text = for_display(text)
        super().showMessage(text, timeout)
        announce(text, source=self)

    def set_unsynced(self, count: int, conflicts: int) -> None:
        """'2 unsynced changes' opens the list; '1 conflict' (its own button) resolves it."""
        text = counted(count, "unsynced change") if count else "All changes synced"
        self.unsynced.setText(text)
        self.unsynced.setAccessibleName(text)
        self.unsynced.setToolTip("Show the unsynced changes (Ctrl+U)")
        self.unsynced.setVisible(bool(count))  # none: the indicator says "Up to date"
        self.conflicts.setText(counted(conflicts, "conflict"))
        self.conflicts.setAccessibleName(self.conflicts.text())
        self._conflict_icon(conflicts)
        self.conflicts.setVisible(conflicts > 0)
        self.indicator.set_unsynced(count)

    def _conflict_icon(self, conflicts: int) -> None:
        if conflicts:
            from addressbook.ui.badges import badge_icon  # QStyle/QPainter: not at start-up

            self.conflicts.setIcon(badge_icon("conflict"))
        else:
            from PySide6.QtGui import QIcon  # its enums cost ~3 ms: not before the first paint

            self.conflicts.setIcon(QIcon())
