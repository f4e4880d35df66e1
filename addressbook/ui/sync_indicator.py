"""The status bar's sync indicator: an icon and words driven by the real sync state,
the progress of a sync, and the button that syncs, retries or asks to sign in.

The words come from status_words. A change of state is said to a screen reader
through addressbook.ui.announce (errors at once, the rest politely), except the
background sync every few minutes, which is said only when it ends somewhere new.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from addressbook.ui import status_words as words
from addressbook.ui.announce import announce
from addressbook.ui.plain_text import plain_tooltip
from addressbook.ui.status_icon import status_pixmap
from addressbook.ui.status_words import SyncStatus

_TONE_NAMES = {
    "ok": "Good",
    "busy": "Busy",
    "warning": "Warning",
    "error": "Error",
    "idle": "Information",
}  # the indicator icon's name: its meaning, not a shape


def raised_button(text: str, *, raised: bool = True) -> QToolButton:
    """A button that looks like one (raised), named by its visible text."""
    button = QToolButton()
    button.setText(text)
    button.setAccessibleName(text)
    button.setAutoRaise(not raised)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class SyncIndicator(QWidget):
    retry_clicked = Signal()  # "Sync now" / "Retry now"
    sign_in_clicked = Signal()  # "Sign in…" when Harvest refused the saved password
    problem_reported = Signal(str)  # why a sync the user asked for failed (notice bar)
    problem_solved = Signal(str)  # that text, once a sync went through after all
    sync_running_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status = SyncStatus()
        self._manual = False  # the user asked for the sync in progress (F5, Sync now)
        self._settled = words.SIGNED_OUT  # the last state outside a sync
        self._reported = ""  # the problem last reported, until a sync succeeds
        self._build_widgets()
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)
        self._render(announce_it=False)

    def _build_widgets(self) -> None:
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Sync progress")
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAccessibleDescription("Sync status")
        self.retry = raised_button("Sync now")
        self.retry.clicked.connect(self._retry_pressed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (self.progress, self.icon, self.text, self.retry):
            layout.addWidget(widget)

    # -- the state, as reported by the worker ------------------------------------------
    @property
    def state(self) -> str:
        """The indicator's words, as shown."""
        return self.text.text()

    @property
    def kind(self) -> str:
        """signed_out, idle, syncing, up_to_date, offline, throttled, sign_in_needed or
        failed (see status_words)."""
        return self._status.kind

    def is_syncing(self) -> bool:
        return self._status.kind == words.SYNCING

    def set_signed_in(self, signed_in: bool) -> None:
        if not signed_in:
            self.set_signed_out()
        elif self._status.kind in (words.SIGNED_OUT, words.SIGN_IN_NEEDED):
            self._set(kind=words.IDLE, reason="")

    def set_signed_out(self) -> None:
        self._set(kind=words.SIGNED_OUT, last_sync=None, unsynced=0, reason="", seconds_left=0)

    def set_syncing(self) -> None:
        self._set(kind=words.SYNCING, phase="", done=0, total=0, seconds_left=0)

    def set_progress(self, phase: str, done: int, total: int) -> None:
        if phase != "throttled":
            self._set(kind=words.SYNCING, phase=phase, done=done, total=total)

    def set_throttled(self, seconds: float) -> None:
        self._set(kind=words.THROTTLED, seconds_left=max(1, round(seconds)))

    def set_retry_in(self, milliseconds: int) -> None:
        """The worker tries again in `milliseconds` (after an offline or failed sync)."""
        if self._status.kind in (words.OFFLINE, words.FAILED):
            self._set(seconds_left=max(1, round(milliseconds / 1000)))

    def set_sync_result(self, report: Any) -> None:
        if getattr(report, "cancelled", False):
            self._set(kind=words.IDLE)
        elif getattr(report, "error_kind", None) == "auth":
            self._set(kind=words.SIGN_IN_NEEDED, reason="")
        elif getattr(report, "offline", False):
            self._set(kind=words.OFFLINE, reason=str(getattr(report, "error", "") or ""))
        elif getattr(report, "error", None):
            self._set(kind=words.FAILED, reason=str(report.error))
        else:
            self._set(kind=words.UP_TO_DATE, reason="", seconds_left=0)

    def set_sync_error(self, message: str) -> None:
        if self._status.kind in (words.OFFLINE, words.SIGN_IN_NEEDED):
            return  # already said, more precisely, by the sign-in answer
        self._set(kind=words.FAILED, reason=message)

    def set_offline(self, message: str) -> None:
        if self._status.kind != words.SIGN_IN_NEEDED:  # the password comes first
            self._set(kind=words.OFFLINE, reason=message)

    def set_sign_in_failed(self, message: str, kind: str) -> None:
        """A sign-in (silent, or at resume) was refused: auth needs the user, the rest waits."""
        if self._status.kind == words.SIGNED_OUT:
            return  # the sign-in dialog shows its own errors
        if kind == "auth":
            self._set(kind=words.SIGN_IN_NEEDED, reason="")
        elif kind == "network":
            self._set(kind=words.OFFLINE, reason=message)
        else:
            self._set(kind=words.FAILED, reason=message)

    def set_unsynced(self, count: int) -> None:
        self._set(unsynced=count)

    def set_last_sync(self, when: datetime | None) -> None:
        self._set(last_sync=when)

    def expect_manual_sync(self) -> None:
        """The user asked for a sync (F5): if it cannot happen or fails, say why."""
        self._manual = True
        if self._status.kind in (words.SIGNED_OUT, words.SIGN_IN_NEEDED):
            self._report_problem()

    # -- showing ------------------------------------------------------------------------
    def _set(self, **changes: Any) -> None:
        before = self._status
        if changes.get("kind", before.kind) != before.kind:
            changes.setdefault("seconds_left", 0)  # a countdown belongs to its state
        self._status = before.but(**changes)
        self._render(announce_it=self._worth_saying(before.kind, self._status.kind))
        if self._status.kind not in (words.SYNCING, words.THROTTLED):
            self._settled = self._status.kind
        if (before.kind == words.SYNCING) != self.is_syncing():
            self.sync_running_changed.emit(self.is_syncing())
        ended = before.kind == words.SYNCING and self._status.kind not in (
            words.SYNCING,
            words.THROTTLED,
        )  # a throttled sync carries on by itself
        if ended and self._manual and self._status.kind in words.URGENT:
            self._report_problem()
        elif ended:
            self._manual = False
            self._solve_problem()

    def _worth_saying(self, before: str, after: str) -> bool:
        """A change of state, but not the background sync every few minutes: it is said
        when the user asked for it or when it ends somewhere new (offline, up to date)."""
        if after == before:
            return False
        if after in (words.SYNCING, words.THROTTLED):
            return self._manual
        return self._manual or after != self._settled

    def _report_problem(self) -> None:
        self._manual = False
        self._reported = words.failure_notice(self._status)
        self.problem_reported.emit(self._reported)

    def _solve_problem(self) -> None:
        if self._reported and self._status.kind == words.UP_TO_DATE:
            solved, self._reported = self._reported, ""
            self.problem_solved.emit(solved)

    def _render(self, *, announce_it: bool) -> None:
        status = self._status
        text = words.status_text(status)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.text.setToolTip(plain_tooltip(words.status_tooltip(status)))
        tone = words.TONE[status.kind]
        self.icon.setPixmap(status_pixmap(tone, self.devicePixelRatioF()))
        self.icon.setToolTip(self.text.toolTip())
        self.icon.setAccessibleName(_TONE_NAMES[tone])
        syncing = status.kind == words.SYNCING
        self.progress.setVisible(syncing)
        if words.count_known(status):
            self.progress.setRange(0, status.total)
            self.progress.setValue(min(status.done, status.total))
        else:
            self.progress.setRange(0, 0)  # busy: how much is coming is not known yet
        self._render_retry(status.kind)
        counting = status.kind in (words.OFFLINE, words.FAILED, words.THROTTLED)
        if counting and status.seconds_left > 0:
            self._countdown.start()
        else:
            self._countdown.stop()
        if announce_it:
            announce(text, urgent=status.kind in words.URGENT, source=self.text)

    def _render_retry(self, kind: str) -> None:
        text = {
            words.OFFLINE: "Retry now",
            words.FAILED: "Retry now",
            words.SIGN_IN_NEEDED: "Sign in…",
        }.get(kind, "Sync now")
        self.retry.setText(text)
        self.retry.setAccessibleName(text)
        self.retry.setToolTip(
            "Sign in to Harvest again"
            if kind == words.SIGN_IN_NEEDED
            else "Sync with Harvest now (F5)"
        )
        self.retry.setVisible(kind != words.SIGNED_OUT)
        self.retry.setEnabled(kind not in (words.SYNCING, words.THROTTLED))

    def _tick(self) -> None:
        left = self._status.seconds_left - 1
        if left <= 0 and self._status.kind == words.THROTTLED:
            self._set(kind=words.SYNCING, seconds_left=0)
            return
        self._set(seconds_left=max(left, 0))

    def _retry_pressed(self) -> None:
        if self._status.kind == words.SIGN_IN_NEEDED:
            self.sign_in_clicked.emit()
            return
        self.retry_clicked.emit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._render(announce_it=False)  # the icon follows dark mode
        super().changeEvent(event)
