"""Pausing Python's cyclic garbage collector while records are built in bulk.

Contacts and clients hold no reference cycles, so nothing is lost by pausing it;
its passes over a heap growing by 100k records cost about a tenth of a cache load
and stall the GUI's event loop. Standard library only: the cache and the worker
both use it, and the worker's start-up path must not import the cache.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
