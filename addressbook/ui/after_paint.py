"""Work that waits until the window is on screen: callbacks run right after the first paint."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class AfterFirstPaint(QObject):
    """Calls back once, right after the widget's first paint."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget: QWidget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._callback is None:
            return
        callback, self._callback = self._callback, None
        self._widget.removeEventFilter(self)
        callback()
        self.deleteLater()


class PaintQueue:
    """Callbacks for after the first paint, run in the order given, even when one runs
    early (at most `deadline_ms` after it was given)."""

    def __init__(self, widget: QWidget, deadline_ms: int = 300) -> None:
        self._widget, self._deadline = widget, deadline_ms
        self._pending: list[Callable[[], None]] | None = None

    def add(self, callback: Callable[[], None]) -> None:
        # The whole window (the table too) is painted in one pass; the callbacks run after it.
        if self._pending is None:
            self._pending = []
            AfterFirstPaint(self._widget, self.run)
        self._pending.append(callback)
        QTimer.singleShot(self._deadline, self._widget, lambda: self.run(until=callback))

    def run(self, until: Callable[[], None] | None = None) -> None:
        pending = self._pending or []
        if until is not None and until not in pending:
            return  # it ran with the paint already
        count = len(pending) if until is None else pending.index(until) + 1
        due = pending[:count]
        del pending[:count]
        if until is None:
            self._pending = None  # callbacks given from now on wait for the next paint
        for callback in due:
            callback()
