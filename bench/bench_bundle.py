"""Cold start of the frozen app against a hello-world PySide6 bundle built the same way.

Target (issue 5): time to first paint at most 1.3x the hello world's. Both bundles come
from packaging/addressbook.spec with the same options (the hello world through its
BUNDLE_ENTRY / BUNDLE_BARE knobs) and live under build/bench/; a bundle newer than every
source file is reused (BENCH_REBUILD=1 rebuilds anyway).

Each process is timed from spawn to the `first-paint <monotonic>` line it prints when its
first window has been painted (the app's hidden --exit-after-paint; the hello world does
the same), runs alternate between the two, and the medians are compared.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "build" / "bench"
SPEC = ROOT / "packaging" / "addressbook.spec"
RUNS = 7
TARGET_RATIO = 1.3

HELLO_WORLD = '''"""Hello-world baseline: an empty QMainWindow that quits after its first paint."""
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    seen = False

    def eventFilter(self, watched, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            QTimer.singleShot(0, report_and_quit)
        return False


def report_and_quit():
    print(f"first-paint {time.monotonic():.6f}", flush=True)
    QApplication.quit()


app = QApplication(sys.argv)
probe = FirstPaint()
window = QMainWindow()
window.installEventFilter(probe)  # as the app's probe: on its main window
window.setWindowTitle("Hello")
window.resize(1000, 700)
window.show()
sys.exit(app.exec())
'''


def newest_source_change() -> float:
    """When the app's code, resources or packaging last changed."""
    sources = [*ROOT.joinpath("addressbook").rglob("*.py"), *ROOT.joinpath("packaging").iterdir(),
               *ROOT.joinpath("resources").rglob("*")]  # fmt: skip
    return max(path.stat().st_mtime for path in sources)


def build(name: str, extra_env: dict[str, str]) -> Path:
    """Build build/bench/dist/<name>/, or reuse it if nothing changed since; its executable."""
    executable = BENCH_DIR / "dist" / name / "addressbook"
    fresh = executable.is_file() and executable.stat().st_mtime > newest_source_change()
    if fresh and os.environ.get("BENCH_REBUILD") != "1":
        print(f"reusing {executable.parent}")
        return executable
    shutil.rmtree(executable.parent, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--workpath", str(BENCH_DIR / "work" / name), "--distpath", str(BENCH_DIR / "dist"),
         str(SPEC)],
        check=True, cwd=ROOT, env={**os.environ, **extra_env},
    )  # fmt: skip
    print(f"built {executable.parent} in {time.perf_counter() - started:.0f} s")
    return executable


def first_paint_seconds(command: list[str]) -> float:
    """Seconds from spawning command to the first paint it reports."""
    environment = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    started = time.monotonic()
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=120, env=environment, check=False
    )
    for line in result.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{command[0]} reported no paint (exit {result.returncode}):\n"
                       f"{result.stdout}\n{result.stderr}")  # fmt: skip


def folder_size(path: Path) -> int:
    return sum(item.lstat().st_size for item in path.rglob("*") if not item.is_dir())


def main() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        print("PyInstaller is missing: `make bundle` installs it (the 'package' extra)")
        return
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    hello_script = BENCH_DIR / "hello_qt.py"
    hello_script.write_text(HELLO_WORLD, encoding="utf-8")
    app = build("HarvestContacts", {})
    hello = build("HelloQt", {"BUNDLE_ENTRY": str(hello_script), "BUNDLE_NAME": "HelloQt",
                              "BUNDLE_BARE": "1"})  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as data_dir:
        app_command = [str(app), "--exit-after-paint", "--data-dir", data_dir]
        first_paint_seconds(app_command)  # warm the page cache for both, untimed
        first_paint_seconds([str(hello)])
        app_times, hello_times = [], []
        for _ in range(RUNS):
            hello_times.append(first_paint_seconds([str(hello)]))
            app_times.append(first_paint_seconds(app_command))
    app_median, hello_median = statistics.median(app_times), statistics.median(hello_times)
    ratio = app_median / hello_median
    print(
        f"hello-world bundle: first paint {hello_median * 1000:.0f} ms (median of {RUNS}), "
        f"{folder_size(hello.parent) / 1e6:.1f} MB"
    )
    print(
        f"app bundle:         first paint {app_median * 1000:.0f} ms (median of {RUNS}), "
        f"{folder_size(app.parent) / 1e6:.1f} MB"
    )
    verdict = "ok" if ratio <= TARGET_RATIO else "OVER TARGET"
    print(f"start-up ratio app/hello: {ratio:.2f}x (target <= {TARGET_RATIO}x) {verdict}")


if __name__ == "__main__":
    main()
