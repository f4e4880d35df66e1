"""The Qt-free layers must stay Qt-free: importing them loads no PySide6 module.

Run in a fresh interpreter, because this test process may have imported Qt already.
"""

from __future__ import annotations

import subprocess
import sys

QT_FREE_PACKAGES = (
    "addressbook.core",
    "addressbook.api",
    "addressbook.storage",
    "addressbook.sync",
    "addressbook.sandbox",
    "addressbook.exchange",
    "addressbook.cleanup",
    "addressbook.index",
)

PROBE = """
import importlib, pkgutil, sys
for name in sys.argv[1:]:
    package = importlib.import_module(name)
    for info in pkgutil.walk_packages(package.__path__, name + "."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith(("PySide6.", "shiboken")))
print(",".join(qt))
"""


def test_qt_free_packages_load_no_pyside6() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *QT_FREE_PACKAGES],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"Qt modules loaded: {result.stdout.strip()}"
