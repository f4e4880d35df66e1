"""Opening the cache file, and what to do when it is corrupt or from a newer release.

The app must never be blocked by a bad cache: the queued edits are exported to
a JSON file beside it (when they can still be read), the file is moved aside as
`<name>.corrupt-<timestamp>`, and a fresh cache is created with those edits
queued again (see requeue); the next sync rebuilds it from the server.
"""

from __future__ import annotations

import glob
import json
import logging
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from addressbook.private_files import write_private_bytes

from .database import connect, is_corruption, storage_error
from .requeue import requeue_exported
from .schema import NewerSchemaError, migrate

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Recovery:
    """What happened to a cache file that could not be used."""

    moved_to: Path
    outbox_export: Path | None
    reason: str
    newer: bool = False  # written by a newer release (else damaged)
    requeued: int = 0  # unsynced changes queued again in the fresh cache

    @property
    def user_message(self) -> str:
        """What the user is told, once: what happened and whether their edits are safe."""
        what = (
            "Your cache was written by a newer version of the app and was rebuilt"
            if self.newer
            else "Your cache was damaged and rebuilt"
        )
        copy = f" The old file is kept at {self.moved_to}."
        if self.requeued:
            plural = "s were" if self.requeued != 1 else " was"
            return f"{what}; {self.requeued} unsynced change{plural} kept.{copy}"
        if self.outbox_export is None:
            return f"{what}; its unsynced changes could not be read.{copy}"
        return f"{what}; it had no unsynced changes.{copy}"

    @property
    def message(self) -> str:
        saved = (
            f" Unsent changes were saved to {self.outbox_export}."
            if self.outbox_export
            else " No unsent changes could be read from it."
        )
        return (
            f"The local cache could not be used ({self.reason}); it was moved to "
            f"{self.moved_to} and will be rebuilt from the server.{saved}"
        )


def open_connection(path: Path) -> tuple[sqlite3.Connection, Recovery | None]:
    """A migrated connection to `path`; a bad file is moved aside and replaced."""
    newer = False
    try:
        return _open_and_migrate(path), None
    except NewerSchemaError as error:
        reason, newer = f"it was written by a newer version of the app: {error}", True
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise storage_error(error) from error
        reason = f"the file is damaged: {error}"
    recovery = replace(_move_aside(path, reason), newer=newer)
    connection = _open_and_migrate(path)
    return connection, _requeue(connection, recovery)


def _requeue(connection: sqlite3.Connection, recovery: Recovery) -> Recovery:
    """The exported edits, queued again; on any trouble they stay in the export file."""
    if recovery.outbox_export is None:
        return recovery
    try:
        count = requeue_exported(connection, recovery.outbox_export)
    except (OSError, ValueError, sqlite3.Error):
        log.exception("Could not queue the changes of %s again", recovery.outbox_export)
        return recovery
    return replace(recovery, requeued=count)


def _open_and_migrate(path: Path) -> sqlite3.Connection:
    connection = connect(path)
    try:
        migrate(connection)
        # Reads every page's structure once: damage deep in the file shows here, not mid-sync.
        row = connection.execute("PRAGMA quick_check(1)").fetchone()
        if row is None or row[0] != "ok":
            raise sqlite3.DatabaseError(f"database disk image is malformed: {row}")
    except BaseException:
        connection.close()
        raise
    return connection


def _move_aside(path: Path, reason: str) -> Recovery:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    export = _export_outbox(path, path.with_name(f"{path.name}.outbox-{stamp}.json"))
    moved = path.with_name(f"{path.name}.corrupt-{stamp}")
    _remove_older_copies(path)
    # The -wal and -shm files belong to the old file: leaving them would let SQLite
    # replay an old log into the new database.
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.replace(Path(f"{moved}{suffix}"))
    return Recovery(moved_to=moved, outbox_export=export, reason=reason)


def _remove_older_copies(path: Path) -> None:
    """Only the latest damaged copy is kept: each is as big as the cache, and a cache that
    keeps breaking would fill the disk. Its unsent changes are in the new cache or in
    the JSON export beside it, which is small and always kept."""
    for old in path.parent.glob(f"{glob.escape(path.name)}.corrupt-*"):
        try:
            old.unlink()
        except OSError as error:
            log.warning("Could not remove the old copy %s: %s", old, error)


def _export_outbox(path: Path, target: Path) -> Path | None:
    """Every readable outbox row as JSON; None when nothing could be read."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        cursor = connection.execute("SELECT * FROM outbox ORDER BY id")
        names = [column[0] for column in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    text = json.dumps({"source": str(path), "outbox": rows}, indent=2)
    write_private_bytes(target, text.encode("utf-8"))
    return target
