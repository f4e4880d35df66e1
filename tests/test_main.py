"""The command line, logging set-up and the crash reporter."""

from __future__ import annotations

import logging
import socket
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from addressbook import __version__
from addressbook.__main__ import parse_args
from addressbook.logging_setup import configure_logging
from addressbook.ui.crash_reporter import CrashReporter


def run_app(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "addressbook", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_parse_args() -> None:
    args = parse_args(
        [
            "--demo",
            "--data-dir",
            "/tmp/x",
            "--server",
            "acme",
            "--email",
            "a@b.c",
            "-v",
            "--smoke-test",
        ]
    )
    assert args.demo and args.verbose and args.smoke_test
    assert args.data_dir == Path("/tmp/x") and args.server == "acme" and args.email == "a@b.c"
    assert not parse_args([]).demo


def test_version() -> None:
    result = run_app("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_smoke_test_with_the_demo(tmp_path: Path) -> None:
    result = run_app("--demo", "--smoke-test", "--data-dir", str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("smoke-test ok: 600 contacts, 25 clients")
    assert "keyring backend keyring." in line
    assert list((tmp_path / "data").rglob("*.sqlite*"))


def test_the_demo_finds_its_cache_and_data_again_at_the_next_start(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = run_app("--demo", "--smoke-test", "--data-dir", str(data))
    second = run_app("--demo", "--smoke-test", "--data-dir", str(data))
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert "pulled 600" in first.stdout
    # The second start syncs incrementally into the same cache: no new full pull.
    assert "pulled 600" not in second.stdout
    caches = [path for path in data.glob("*.sqlite3") if path.name != "demo-sandbox.sqlite3"]
    assert len(caches) == 1


def test_the_demo_finds_its_cache_again_when_its_port_was_taken_the_first_time(
    tmp_path: Path,
) -> None:
    from addressbook.ui.sign_in_flow import DEMO_PORT

    data = tmp_path / "data"
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", DEMO_PORT))
        holder.listen()
    except OSError:
        pass  # another program holds it already: the first start falls back all the same
    try:
        first = run_app("--demo", "--smoke-test", "--data-dir", str(data))
    finally:
        holder.close()
    second = run_app("--demo", "--smoke-test", "--data-dir", str(data))
    assert first.returncode == 0 and second.returncode == 0, second.stderr
    assert "pulled 600" in first.stdout and "pulled 600" not in second.stdout
    caches = [path for path in data.glob("*.sqlite3") if path.name != "demo-sandbox.sqlite3"]
    assert len(caches) == 1


def test_smoke_test_without_an_account_fails_with_a_reason(tmp_path: Path) -> None:
    result = run_app("--smoke-test", "--data-dir", str(tmp_path / "data"))
    assert result.returncode != 0
    assert "smoke-test failed" in result.stderr and "--demo" in result.stderr


def test_qt_messages_and_our_logs_go_to_the_rotating_file(tmp_path: Path) -> None:
    handle = configure_logging(log_dir=tmp_path, console=False)
    try:
        logging.getLogger("addressbook.test").info("hello from python")
        qWarning("hello from qt")
    finally:
        handle.close()
    text = (tmp_path / "addressbook.log").read_text(encoding="utf-8")
    assert "hello from python" in text
    assert "WARNING qt" in text and "hello from qt" in text


def test_uncaught_exception_is_logged_and_shown_and_the_app_goes_on(
    qtbot: QtBot, caplog: object
) -> None:
    reporter = CrashReporter()
    reporter.install()
    try:
        try:
            raise ValueError("boom")
        except ValueError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        reporter.uninstall()

    def crash_box() -> QMessageBox | None:
        boxes = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]
        return boxes[0] if boxes else None

    qtbot.waitUntil(lambda: crash_box() is not None, timeout=5000)
    box = crash_box()
    assert box is not None and "boom" in box.text()
    assert "ValueError" in box.detailedText()
    box.close()
    assert "Uncaught exception" in caplog.text  # type: ignore[attr-defined]
