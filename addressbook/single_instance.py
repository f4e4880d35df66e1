"""One app per data folder: a second launch brings the running window to the front and exits.

Two copies on one data folder would share one outbox (see storage.lock, which
refuses the second one anyway); a user who clicks the launcher twice wants the
window they already have. As Qt apps do: a QLockFile in the data folder says
who runs, and a QLocalServer lets a second launch ask that one to show itself.
A lock left by a killed app is taken over (QLockFile checks that its process
is gone; on POSIX it also holds an OS lock on the file while it lives).
"""

from __future__ import annotations

import getpass
import hashlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, Signal

from addressbook.private_files import make_private_dir

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket
    from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "instance.lock"
SHOW_REQUEST = b"show\n"
WAIT_MS = 2000
READ_WAIT_MS = 500


def server_name(data_dir: Path) -> str:
    """Per user and per data folder; short, because a Unix socket path is at most ~100 bytes."""
    where = f"{getpass.getuser()}\n{os.path.realpath(data_dir)}"
    return f"harvest-contacts-{hashlib.sha256(where.encode()).hexdigest()[:20]}"


class SingleInstance(QObject):
    """acquire() once at start (False: another launch runs on this data folder), then
    listen() once the window is painted (QtNetwork costs ~13 ms to load; a launch
    in between is told the running one did not answer)."""

    activation_requested = Signal()  # a second launch asked for the window

    def __init__(self, data_dir: Path) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.name = server_name(self.data_dir)
        self._lock = QLockFile(str(self.data_dir / LOCK_FILE_NAME))
        self._server: Any = None  # a QLocalServer once listening

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
        if self._server is not None:
            self._server.newConnection.disconnect(self._accept)
            self._server.close()
            self._server = None
        self._lock.unlock()

    def ask_running_to_show(self) -> bool:
        """From a second launch: ask the running one to show its window; False: no answer."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        socket.write(SHOW_REQUEST)
        sent = socket.waitForBytesWritten(WAIT_MS)
        socket.disconnectFromServer()
        return sent

    def listen(self) -> None:
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # We hold the lock, so a socket by this name is a killed launch's leftover.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                log.warning("A second launch cannot reach this one: %s", server.errorString())
                return
        server.newConnection.connect(self._accept)
        self._server = server
        log.info("Listening for other launches on this data folder (%s)", self.data_dir)

    def _accept(self) -> None:
        server = self._server
        while server is not None and (socket := server.nextPendingConnection()):
            # The other launch writes as soon as it is connected: read it here, briefly,
            # rather than keep a socket alive with Python slots on it.
            if socket.bytesAvailable() or socket.waitForReadyRead(READ_WAIT_MS):
                self._read(socket)
            socket.disconnectFromServer()
            socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(SHOW_REQUEST.strip()):
            log.info("Another launch asked for this window: brought to the front")
            self.activation_requested.emit()


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
