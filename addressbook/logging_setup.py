"""Logging in one place: a rotating file in the platform log dir, the console, and Qt.

Qt's own messages (qWarning and friends) are routed into the "qt" logger so
they land in the same file as ours. Nothing here ever sees a password: the
app never logs one, and httpx does not log headers.
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from addressbook import APP_ID

LOG_FILE_NAME = "addressbook.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s [%(threadName)s] %(message)s"
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_qt_log = logging.getLogger("qt")


def default_log_dir() -> Path:
    import platformdirs  # ~5 ms: only once the log file is opened, after the first paint

    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def qt_message_handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = _QT_LEVELS.get(kind, logging.WARNING)
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    _qt_log.log(level, "%s%s", message, where)


@dataclass
class LoggingHandle:
    """What configure_logging installed, so tests (and a second call) can undo it."""

    log_dir: Path | None  # None: the platform's log dir, looked up when first needed
    handlers: list[logging.Handler] = field(default_factory=list)
    previous_level: int = logging.WARNING
    previous_qt_handler: Any = None
    early: _EarlyRecords | None = None

    @property
    def log_file(self) -> Path:
        if self.log_dir is None:
            self.log_dir = default_log_dir()
        return self.log_dir / LOG_FILE_NAME

    def open_file(self) -> None:
        """Start the log file, beginning with what was logged until now."""
        early = self.early
        if early is None:
            return
        from addressbook.private_files import make_private_dir, tighten_folder

        make_private_dir(self.log_file.parent)
        tighten_folder(self.log_file.parent, [LOG_FILE_NAME + "*"])  # from earlier versions
        file_handler = _private_rotating_handler(self.log_file)
        file_handler.setFormatter(early.formatter)
        root = logging.getLogger()
        root.addHandler(file_handler)
        root.removeHandler(early)
        self.handlers[self.handlers.index(early)] = file_handler
        self.early = None
        for record in early.records:
            file_handler.handle(record)

    def close(self) -> None:
        root = logging.getLogger()
        for handler in self.handlers:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(self.previous_level)
        qInstallMessageHandler(self.previous_qt_handler)


def _private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating log whose every file (the rotated ones too) is the user's alone."""
    import logging.handlers

    from addressbook.private_files import create_private_file

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> Any:
            create_private_file(Path(self.baseFilename))
            return super()._open()

    return PrivateRotatingFileHandler(path, maxBytes=2 * 2**20, backupCount=3, encoding="utf-8")


class _EarlyRecords(logging.Handler):
    """Holds what is logged before the log file is opened (LoggingHandle.open_file)."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def configure_logging(
    *,
    verbose: bool = False,
    log_dir: Path | None = None,
    console: bool = True,
    open_file: bool = True,
) -> LoggingHandle:
    """open_file=False: records are held until handle.open_file() (the app calls it
    once its window is painted, so opening the log costs nothing at start-up)."""
    root = logging.getLogger()
    handle = LoggingHandle(log_dir, previous_level=root.level, early=_EarlyRecords())
    formatter = logging.Formatter(_FORMAT)
    handle.handlers.append(handle.early)
    if console:
        console_handler = logging.StreamHandler(sys.stderr)
        console_handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
        handle.handlers.append(console_handler)
    for handler in handle.handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs each request at INFO; only worth it when debugging.
    logging.getLogger("httpx").setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.INFO)
    handle.previous_qt_handler = qInstallMessageHandler(qt_message_handler)
    if open_file:
        handle.open_file()
    return handle
