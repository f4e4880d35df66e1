"""Qt-free sync engine: push queued edits with a field-level merge, pull what changed."""

from .engine import SyncEngine
from .merge import Merge, changed_since, find_created, merge_update
from .report import ErrorKind, SyncReport

__all__ = [
    "ErrorKind",
    "Merge",
    "SyncEngine",
    "SyncReport",
    "changed_since",
    "find_created",
    "merge_update",
]
