"""Keep the garbage collector from stalling the GUI while the worker allocates in bulk.

A first sync or a cache load creates about a million objects. The cyclic
collector then runs full collections over the whole heap, each holding the GIL
for tens of milliseconds: the event loop freezes. Contacts and rows hold no
reference cycles, so nothing is lost by pausing the collector during the bulk
work, and (in the app, not in tests) freezing what survives, so later
collections no longer walk 100k rows.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from addressbook.core.collector import collector_paused

_freeze_after_bulk = False


def freeze_after_bulk_work(enabled: bool = True) -> None:
    """Called once by the app at start-up (process-wide, so never by a library or a test)."""
    global _freeze_after_bulk
    _freeze_after_bulk = enabled


@contextlib.contextmanager
def bulk_allocation() -> Iterator[None]:
    try:
        with collector_paused():
            yield
    finally:
        if _freeze_after_bulk:
            gc.freeze()
