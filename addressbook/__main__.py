"""Command line: `addressbook` / `python -m addressbook`."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from addressbook import APP_ID, APP_NAME, DESKTOP_ID, ORG_NAME, __version__

if TYPE_CHECKING:
    from addressbook.logging_setup import LoggingHandle

_STARTED = time.perf_counter()
log = logging.getLogger("addressbook")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="addressbook", description=f"{APP_NAME}: an offline-first address book for Harvest."
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start a local demo server with sample data and sign in to it",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help="where the local cache lives (default: the platform data dir)",
    )
    parser.add_argument(
        "--server",
        default="",
        metavar="URL",
        help="Harvest account to sign in to: 'acme' or a full URL",
    )
    parser.add_argument("--email", default="", metavar="E", help="email to sign in with")
    parser.add_argument(
        "--api",
        choices=("v1", "v2"),
        default="",
        help="with --demo: sign in with a token (v2, the default of the "
        "sign-in dialog) or with email and password (v1, the default)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--licences",
        action="store_true",
        help="print the licences of the bundled third-party software and exit",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="sign in (demo or saved password), load the cache, sync once, exit",
    )
    parser.add_argument("--smoke-paint", action="store_true", help=argparse.SUPPRESS)
    # Packaging checks and bench/bench_bundle.py (see packaging/README.md).
    parser.add_argument("--exit-after-paint", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--list-keyring-backends", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    return parser.parse_args(argv)


def _headless_fallback(args: argparse.Namespace) -> None:
    """A smoke test on a machine with no display still runs (offscreen)."""
    if not args.smoke_test or "QT_QPA_PLATFORM" in os.environ:
        return
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def main(argv: list[str] | None = None) -> int:
    from addressbook.startup import pause_collector

    resume_collector = pause_collector()  # resumed at the first paint (see startup)
    args = parse_args(argv)
    if args.list_keyring_backends:
        from addressbook.diagnostics import print_keyring_backends

        return print_keyring_backends()
    if args.licences:
        from addressbook.licences import print_notices

        return print_notices()
    _headless_fallback(args)
    from addressbook.logging_setup import configure_logging

    logging_handle = configure_logging(verbose=args.verbose, open_file=False)
    log.info("%s %s starting", APP_NAME, __version__)
    from addressbook.qt_libraries import warn_if_missing

    warn_if_missing()  # Qt aborts without naming the library it missed: name it first
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication(sys.argv[:1])
    qt_app.setApplicationName(APP_ID)
    # No display name: Qt would append it to every window title, and the main window's
    # title already starts with the app's name ("Harvest Contacts — Acme").
    qt_app.setOrganizationName(ORG_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setDesktopFileName(DESKTOP_ID)
    code = _run(qt_app, args, logging_handle, resume_collector)
    resume_collector()  # if the window never painted
    logging_handle.open_file()  # if the window never painted, what was logged goes there now
    logging.shutdown()
    return code


def _run(
    qt_app: object,
    args: argparse.Namespace,
    logging_handle: LoggingHandle,
    resume_collector: Callable[[], None],
) -> int:
    from PySide6.QtWidgets import QApplication

    from addressbook.app import Application, configure_process, default_data_dir
    from addressbook.settings import Settings
    from addressbook.ui.crash_reporter import CrashReporter
    from addressbook.ui.palette import apply_palette

    assert isinstance(qt_app, QApplication)
    configure_process()
    apply_palette()  # light or dark (ADDRESSBOOK_COLOR_SCHEME), every text pair 4.5:1
    reporter = CrashReporter()
    reporter.install()
    from addressbook.single_instance import SingleInstance, bring_to_front

    data_dir = args.data_dir or default_data_dir()
    instance = SingleInstance(data_dir)
    if not instance.acquire():
        reporter.uninstall()
        return _already_running(instance, smoke_test=args.smoke_test)
    application = Application(data_dir=data_dir, settings=Settings())
    instance.activation_requested.connect(lambda: bring_to_front(application.window))
    application.window.call_after_first_paint(instance.listen)
    _after_first_paint(application, resume_collector, logging_handle, reporter)
    watcher: Any = None
    if args.smoke_test:
        from addressbook.smoke import SmokeTest

        watcher = SmokeTest(application)
        if not watcher.begin(demo=args.demo, server=args.server, email=args.email, api=args.api):
            application.shutdown()
            instance.release()
            return 1
    else:
        if args.smoke_paint:
            from addressbook.smoke import exit_after_first_paint

            watcher = exit_after_first_paint(application, _STARTED)
        application.start(demo=args.demo, server=args.server, email=args.email, api=args.api)
        if args.exit_after_paint:
            from addressbook.ui.first_paint import exit_after_first_paint as exit_after_paint

            # Installed last, so it sees the first paint before the work queued after it.
            exit_after_paint(qt_app, application.window)
    _quit_on_interrupt(qt_app)
    code = qt_app.exec()
    stopped = application.shutdown()
    instance.release()
    reporter.uninstall()
    if watcher is not None and getattr(watcher, "code", None) is not None:
        code = watcher.code
    if not stopped:
        # The worker is stuck in a system call; every edit is already committed.
        logging.shutdown()
        os._exit(code)
    return code


def _already_running(instance: Any, *, smoke_test: bool) -> int:
    """A second launch on the same data folder: the running one shows its window instead."""
    where = instance.data_dir
    if smoke_test:
        print(
            f"smoke-test failed: {APP_NAME} is already running on {where}; close it first",
            file=sys.stderr,
            flush=True,
        )
        return 1
    if instance.ask_running_to_show():
        log.info(
            "%s is already running on %s: its window was brought to the front", APP_NAME, where
        )
    else:
        print(
            f"{APP_NAME} is already running on {where}, but did not answer.",
            file=sys.stderr,
            flush=True,
        )
    return 0


def _after_first_paint(
    application: Any,
    resume_collector: Callable[[], None],
    logging_handle: LoggingHandle,
    reporter: Any,
) -> None:
    """What start-up leaves until the window is on screen. Registered before the sign-in's
    own (the cache load), which runs after these: it allocates in bulk with the garbage
    collector paused, and must find it running and the start-up heap frozen."""

    def open_log_file() -> None:
        logging_handle.open_file()
        reporter.log_file = str(logging_handle.log_file)

    def set_window_icon() -> None:  # the taskbar takes it when it comes (eight PNGs read)
        from PySide6.QtWidgets import QApplication

        from addressbook.ui.icons import app_icon

        QApplication.setWindowIcon(app_icon())

    for callback in (resume_collector, open_log_file, set_window_icon):
        application.window.call_after_first_paint(callback)


def _quit_on_interrupt(qt_app: Any) -> None:
    """Ctrl+C in the terminal quits cleanly (the worker stops, the window state is saved).

    Python runs signal handlers only between bytecodes, so a timer wakes the
    interpreter now and then while Qt's event loop runs in C++.
    """
    from PySide6.QtCore import QTimer

    signal.signal(signal.SIGINT, lambda *_: qt_app.closeAllWindows() or qt_app.quit())
    timer = QTimer(qt_app)
    timer.timeout.connect(lambda: None)
    timer.start(250)


if __name__ == "__main__":
    sys.exit(main())
