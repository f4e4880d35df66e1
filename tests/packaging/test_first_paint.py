"""--exit-after-paint's probe, in a process of its own as the start-up benchmark uses it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
from addressbook.ui.first_paint import exit_after_first_paint

app = QApplication(sys.argv)
exit_after_first_paint(app)
window = QMainWindow()
window.show()
sys.exit(app.exec())
"""


def test_process_reports_its_first_paint_and_exits_cleanly() -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        capture_output=True, text=True, timeout=60, env=environment, check=False,
    )  # fmt: skip
    finished = time.monotonic()
    assert result.returncode == 0, result.stderr
    prefix, moment = result.stdout.split()
    assert prefix == "first-paint"
    assert started < float(moment) < finished
