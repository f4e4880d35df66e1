"""`make a11y`: read the app's real AT-SPI tree as a screen reader does, and fail on
controls a screen reader cannot name.

Runs with the system Python (pyatspi comes from the distribution: python3-pyatspi) under
a private D-Bus session and an X server (the Makefile wraps it in dbus-run-session and
xvfb-run). It starts the demo with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, waits for the
window in the accessibility tree, opens the New contact dialog too (with xdotool),
prints every node (indented role and name), and exits 1 when a control a user acts on
(button, toggle, entry, combo box, menu item, link, tab) is shown without a name made of
words.
Missing pieces (pyatspi, at-spi2-core, an X display) are reported and skipped (exit 0).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / ".venv" / "bin" / "addressbook"
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
ACTIONABLE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "menu item",
    "check menu item",
    "link",
    "page tab",
    "spin button",
    "slider",
    "toggle",
}
WAIT_SECONDS = 40


def skip(reason: str) -> int:
    print(f"a11y check skipped: {reason}")
    return 0


def missing_piece() -> str | None:
    try:
        import pyatspi  # noqa: F401
    except ImportError:
        return "pyatspi is missing (sudo apt-get install python3-pyatspi at-spi2-core)"
    if not BUS_LAUNCHER.exists() and shutil.which("at-spi-bus-launcher") is None:
        return "at-spi2-core is missing (sudo apt-get install at-spi2-core)"
    if not os.environ.get("DISPLAY"):
        return "no X display (run it through `make a11y`, which uses xvfb-run)"
    if not APP.exists():
        return f"{APP} is missing (run `make venv` first)"
    return None


def find_app(name: str) -> object | None:
    import pyatspi

    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and name in (app.name or ""):
            return app
    return None


def walk(node: object, depth: int, lines: list[str], unnamed: list[str]) -> None:
    import pyatspi

    try:
        role = node.getRoleName()  # type: ignore[attr-defined]
        name = node.name or ""  # type: ignore[attr-defined]
        states = node.getState()  # type: ignore[attr-defined]
        showing = states.contains(pyatspi.STATE_SHOWING)
        count = node.childCount  # type: ignore[attr-defined]
    except Exception:  # a node that went away while we read it
        return
    lines.append(f"{'  ' * depth}{role}: {name!r}{'' if showing else ' (hidden)'}")
    if showing and role in ACTIONABLE and not any(ch.isalpha() for ch in name):
        unnamed.append(f"{role} {name!r} under {' / '.join(line.strip() for line in lines[-3:-1])}")
    if role in ("table", "tree table", "tree") and count > 40:
        lines.append(f"{'  ' * (depth + 1)}… {count} cells (not listed)")
        count = 40  # the headers and the first rows are enough to judge
    for index in range(count):
        child = node.getChildAtIndex(index)  # type: ignore[attr-defined]
        if child is not None:
            walk(child, depth + 1, lines, unnamed)


def start_app(data_dir: str) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_QPA_PLATFORM="xcb",
        ADDRESSBOOK_DATA_DIR=data_dir,
        XDG_CONFIG_HOME=f"{data_dir}/config",
    )
    return subprocess.Popen(
        [str(APP), "--demo", "--data-dir", data_dir],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for_window(name: str) -> object | None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        app = find_app(name)
        if app is not None and app.childCount > 0:  # type: ignore[attr-defined]
            time.sleep(3)  # the demo's first sync fills the table
            return app
        time.sleep(0.5)
    return None


def press_new_contact() -> bool:
    """Ctrl+N in the main window, so the New contact dialog is in the tree too. There is no
    window manager under Xvfb: the window is given the keyboard focus directly."""
    if not shutil.which("xdotool"):
        print("(xdotool is missing: the New contact dialog is not opened; apt-get install xdotool)")
        return False
    subprocess.run(
        ["xdotool", "search", "--limit", "1", "--name", "Harvest Contacts",
         "windowfocus", "--sync", "key", "--clearmodifiers", "ctrl+n"],
        check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(1.5)
    return True


def main() -> int:
    reason = missing_piece()
    if reason:
        return skip(reason)
    with tempfile.TemporaryDirectory() as data_dir:
        process = start_app(data_dir)
        try:
            app = wait_for_window("addressbook") or wait_for_window("HarvestContacts")
            if app is None:
                print("a11y check failed: the app never appeared in the AT-SPI tree")
                return 1
            press_new_contact()
            lines: list[str] = []
            unnamed: list[str] = []
            walk(app, 0, lines, unnamed)
        finally:
            process.terminate()
            process.wait(timeout=10)
    print("\n".join(lines))
    if unnamed:
        print(f"\n{len(unnamed)} control(s) without a name:")
        print("\n".join(f"  {entry}" for entry in unnamed))
        return 1
    print(f"\na11y check ok: {len(lines)} nodes, every control named")
    return 0


if __name__ == "__main__":
    sys.exit(main())
