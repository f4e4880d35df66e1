"""One app per data folder: a second launch brings the running window to the front and exits.

Two copies on one data folder would share one outbox (see storage.lock, which
refuses the second one anyway); a user who clicks the launcher twice wants the
window they already have. A QLockFile in the data folder says who runs (it sees
that a killed app's process is gone and takes its lock over), and a local socket
lets a second launch ask the running one to show itself.

The socket is the standard library's multiprocessing.connection (a Unix socket in a
private folder, a named pipe on Windows) rather than QLocalServer: QtNetwork and the
Kerberos libraries it links would add 5 MB to the bundle for one word a launch says.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, Signal

from addressbook.private_files import make_private_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "instance.lock"
SHOW_REQUEST = b"show"
STOP_REQUEST = b"stop"  # from release(): wakes the accepting thread so it can end
WAIT_SECONDS = 2.0


def server_name(data_dir: Path) -> str:
    """Per user and per data folder; short, because a Unix socket path is at most ~100 bytes."""
    where = f"{getpass.getuser()}\n{os.path.realpath(data_dir)}"
    return f"harvest-contacts-{hashlib.sha256(where.encode()).hexdigest()[:20]}"


def socket_address(name: str) -> str:
    """A named pipe on Windows; elsewhere a socket in a folder only this user can enter."""
    if sys.platform == "win32":
        return rf"\\.\pipe\{name}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")  # per user, 0700, on systemd desktops
    folder = (
        Path(runtime)
        if runtime and Path(runtime).is_dir()
        else (Path(tempfile.gettempdir()) / f"harvest-contacts-{os.getuid()}")
    )
    make_private_dir(folder)
    return str(folder / f"{name}.sock")


class SingleInstance(QObject):
    """acquire() once at start (False: another launch runs on this data folder), then
    listen() once the window is painted; release() at quit."""

    activation_requested = Signal()  # a second launch asked for the window (any thread)

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self._lock = QLockFile(str(self.data_dir / LOCK_FILE_NAME))
        self._listener: Any = None  # a multiprocessing.connection.Listener, once listening
        self._thread: threading.Thread | None = None

    def acquire(self) -> bool:
        try:
            make_private_dir(self.data_dir)
        except OSError as error:  # opening the cache will say so in the window
            log.warning("No one-app check: the data folder cannot be made: %s", error)
            return True
        if self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False  # held by a live launch
        log.warning("No one-app check: %s cannot be written", self.data_dir / LOCK_FILE_NAME)
        return True

    def release(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            _send(listener.address, STOP_REQUEST)  # accept() returns, the thread ends
            if self._thread is not None:
                self._thread.join(WAIT_SECONDS)
            listener.close()
        self._lock.unlock()

    def ask_running_to_show(self) -> bool:
        """From a second launch: ask the running one to show its window; False: no answer."""
        try:
            return _send(socket_address(self.name), SHOW_REQUEST)
        except OSError:
            return False

    def listen(self) -> None:
        try:
            address = socket_address(self.name)
            if sys.platform != "win32" and os.path.exists(address):
                os.unlink(address)  # we hold the lock: this is a killed launch's leftover
            from multiprocessing.connection import Listener  # 16 ms: after the first paint

            self._listener = Listener(address)
        except OSError as error:
            log.warning("A second launch cannot reach this one: %s", error)
            return
        self._thread = threading.Thread(
            target=self._accept, args=(self._listener,), name="single-instance", daemon=True
        )
        self._thread.start()
        log.info("Listening for other launches on this data folder (%s)", self.data_dir)

    def _accept(self, listener: Any) -> None:
        while True:
            try:
                with listener.accept() as connection:
                    if not connection.poll(WAIT_SECONDS):
                        continue
                    request = connection.recv_bytes(64)
            except (OSError, EOFError) as error:  # a caller that hung up, or closed
                if self._listener is not listener:
                    return
                log.debug("A launch's request was not read: %s", error)
                continue
            if request == STOP_REQUEST or self._listener is not listener:
                return
            if request == SHOW_REQUEST:
                log.info("Another launch asked for this window: brought to the front")
                self.activation_requested.emit()  # queued to the window's thread by Qt


def _send(address: str, request: bytes) -> bool:
    try:
        from multiprocessing.connection import Client  # only when another app runs

        with Client(address) as connection:
            connection.send_bytes(request)
        return True
    except (OSError, EOFError):
        return False


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
