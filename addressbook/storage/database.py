"""The SQLite connection: durable settings, transactions as context managers, known errors.

synchronous=FULL with WAL fsyncs the log on every commit, so a queued edit
that was committed survives a power cut, not only a crash of the app.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import CacheError

BUSY_TIMEOUT_SECONDS = 15.0
# Result codes (low byte) that mean the file itself is damaged or not a database.
_CORRUPTION_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPTION_CODES
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode: every write goes through Database.transaction()."""
    path.parent.mkdir(parents=True, exist_ok=True)
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
        """BEGIN IMMEDIATE .. COMMIT (ROLLBACK on error). Nested use joins the outer one."""
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
        except BaseException:
            self._depth = 0
            self.connection.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error as error:
            self.connection.execute("ROLLBACK")
            raise storage_error(error) from error

    def close(self) -> None:
        self.connection.close()


def storage_error(error: sqlite3.Error) -> CacheError:
    """Known SQLite failures in words a user can act on."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return CacheError("The local cache is busy in another window or process; try again.")
    if "full" in text:
        return CacheError("The disk is full: free some space so changes can be saved.")
    if "readonly" in text or "read-only" in text:
        return CacheError("The local cache is read-only: check the data folder's permissions.")
    return CacheError(f"The local cache failed: {error}")
