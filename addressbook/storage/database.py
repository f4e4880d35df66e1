"""The SQLite connection: durable settings, transactions as context managers, known errors.

synchronous=FULL with WAL fsyncs the log on every commit, so a queued edit
that was committed survives a power cut, not only a crash of the app.
"""

from __future__ import annotations

import errno
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from addressbook.private_files import create_private_file, tighten_all

from .errors import CacheError, DiskFullError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_SECONDS = 15.0
# Result codes (low byte) that mean the file itself is damaged or not a database.
_CORRUPTION_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB
_SQLITE_FULL = 13
DISK_FULL_MESSAGE = (
    "The disk is full, so the change could not be saved; what was already queued is safe. "
    "Free some space and try again."
)


def is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPTION_CODES
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: every write goes through Database.transaction()."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # SQLite gives the -wal and -shm files the database file's mode: a private file
    # made first keeps all three private whatever the umask (older files are tightened).
    create_private_file(path)
    tighten_all(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        connection.close()
        raise
    return connection


class Database:
    """Owns one connection; used by one thread only (each thread opens its own Cache)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE .. COMMIT (ROLLBACK on error). Nested use joins the outer one.

        SQLite errors inside leave as CacheError (DiskFullError for a full disk).
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.connection
            finally:
                self._depth -= 1
            return
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise storage_error(error) from error
        self._depth = 1
        try:
            yield self.connection
        except sqlite3.Error as error:
            self._depth = 0
            rollback(self.connection)
            raise storage_error(error) from error
        except BaseException:
            self._depth = 0
            rollback(self.connection)
            raise
        self._depth = 0
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error as error:
            rollback(self.connection)
            raise storage_error(error) from error

    def close(self) -> None:
        self.connection.close()


def rollback(connection: sqlite3.Connection) -> None:
    """ROLLBACK if a transaction is still open.

    After a full disk (and a few other errors) SQLite has already rolled the
    transaction back itself; a second ROLLBACK would fail with "cannot rollback -
    no transaction is active" and hide the real cause.
    """
    if not connection.in_transaction:
        return
    try:
        connection.execute("ROLLBACK")
    except sqlite3.Error as error:  # the original error is the one worth reporting
        log.warning("ROLLBACK failed: %s", error)


def is_disk_full(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) == _SQLITE_FULL
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
    return "disk is full" in str(error).lower()


def file_error(error: OSError) -> CacheError:
    """The cache's files could not be made or opened (before SQLite even ran)."""
    if is_disk_full(error):
        return DiskFullError(DISK_FULL_MESSAGE)
    return CacheError(f"The local cache could not be opened: {error.strerror or error}")


def storage_error(error: sqlite3.Error) -> CacheError:
    """Known SQLite failures in words a user can act on."""
    if is_disk_full(error):
        return DiskFullError(DISK_FULL_MESSAGE)
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return CacheError("The local cache is busy in another window or process; try again.")
    if "readonly" in text or "read-only" in text:
        return CacheError("The local cache is read-only: check the data folder's permissions.")
    return CacheError(f"The local cache failed: {error}")
