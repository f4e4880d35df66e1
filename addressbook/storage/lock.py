"""One process at a time per cache file: an OS lock on a sidecar `<cache>.lock` file.

Two processes syncing one cache each start by resetting entries marked as
being sent, so the second would send the first one's create again: Harvest
would get the contact twice. The lock is the kernel's (flock on POSIX,
msvcrt.locking on Windows), so it dies with its process: a crashed or killed
app never leaves a lock behind that must be cleaned up by hand.

Inside one process the lock is shared: the app's threads each open their own
Cache on the file, and that is safe (they share the outbox claims in SQLite).
A child made by fork() is another process and must take the lock itself.
The last holder removes the lock file as it leaves (a killed one cannot, and
the empty file it leaves is harmless: the next open locks it again).
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from addressbook.private_files import create_private_file

from .database import file_error
from .errors import CacheInUseError

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


@dataclass
class _Held:
    descriptor: int
    users: int
    pid: int


_held: dict[Path, _Held] = {}
_guard = threading.Lock()


def lock_path(cache_path: Path) -> Path:
    return cache_path.with_name(cache_path.name + ".lock")


class CacheLock:
    """This process's hold on one cache file; release() once per acquire()."""

    def __init__(self, cache_path: Path) -> None:
        self.path = lock_path(cache_path)
        self._key = Path(os.path.abspath(self.path))
        self._released = False
        with _guard:
            held = _held.get(self._key)
            if held is not None and held.pid == os.getpid():
                held.users += 1
                return
            _held[self._key] = _Held(_lock_file(self.path, cache_path), 1, os.getpid())

    def release(self) -> None:
        with _guard:
            if self._released:
                return
            self._released = True
            held = _held.get(self._key)
            if held is None or held.pid != os.getpid():
                return
            held.users -= 1
            if held.users == 0:
                del _held[self._key]
                _let_go(self.path, held.descriptor)


def _lock_file(path: Path, cache_path: Path) -> int:
    """The descriptor of the locked file. The file is removed by the last holder to leave
    (so removing a cache leaves nothing behind), so a lock taken on a file that was
    removed meanwhile is worthless: then it is taken again on the new one."""
    while True:
        try:
            descriptor = _open_lock_file(path)
        except OSError as error:
            raise file_error(error) from error
        if not _try_lock(descriptor):
            os.close(descriptor)
            raise CacheInUseError(
                f"The local cache {cache_path.name} is in use by another running copy of "
                "Harvest Contacts (or another program syncing it). Close that one first: "
                "two at once could send the same change to Harvest twice."
            )
        if _still_there(path, descriptor):
            return descriptor
        os.close(descriptor)


def _open_lock_file(path: Path) -> int:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    create_private_file(path)
    return os.open(path, os.O_RDWR | getattr(os, "O_CLOEXEC", 0))


def _still_there(path: Path, descriptor: int) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(path))
    except FileNotFoundError:
        return False


def _let_go(path: Path, descriptor: int) -> None:
    if sys.platform != "win32":  # Windows cannot remove a file that is open
        path.unlink(missing_ok=True)
    os.close(descriptor)  # closing the file drops the OS lock
