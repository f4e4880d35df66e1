"""The hidden --exit-after-paint option: quit right after the first window is painted.

Start-up benchmarks (bench/bench_bundle.py) start the app, wait for this, and compare the
time with a hello-world Qt window doing the same. The moment is printed on stdout as
``first-paint <time.monotonic()>``: the monotonic clock is shared by all processes on a
machine, so the parent can subtract its own spawn time and leave teardown out.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

FIRST_PAINT_PREFIX = "first-paint"


class _FirstPaintProbe(QObject):
    """Watches events until the first paint, then reports and quits."""

    def __init__(self, app: QApplication, watched: QObject) -> None:
        super().__init__(app)
        self._app, self._watched = app, watched
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self._seen and event.type() == QEvent.Type.Paint:
            self._seen = True
            # A zero timer fires once the whole window has been painted and flushed.
            QTimer.singleShot(0, self._report_and_quit)
        return False

    def _report_and_quit(self) -> None:
        if sys.stdout is not None:  # a windowed Windows build has no stdout
            print(f"{FIRST_PAINT_PREFIX} {time.monotonic():.6f}", flush=True)
        self._watched.removeEventFilter(self)
        self._app.quit()


def exit_after_first_paint(app: QApplication, window: QWidget | None = None) -> None:
    """Make app quit (normally, through its event loop) right after its first paint.

    window: watch only that window's events (it is painted in one pass with its
    children). Without it, every event of every object goes through the probe, which
    costs a busy window milliseconds (and makes shiboken type Qt's internal objects).
    """
    watched: QObject = window if window is not None else app
    watched.installEventFilter(_FirstPaintProbe(app, watched))
