"""What each part of a sync (push, pull) works with."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from addressbook.storage import Cache

from .protocols import Progress, SyncApi
from .report import SyncReport


@dataclass
class SyncStep:
    """The API, the cache, the report the step fills in, and the caller's hooks."""

    api: SyncApi
    cache: Cache
    report: SyncReport
    progress: Progress
    check_cancel: Callable[[], None]
