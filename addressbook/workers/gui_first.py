"""While the worker runs a long background job, the window gets the GIL back at once.

Every Python call the window makes (a model's data(), a slot, a paint) must take the
GIL from the worker. Python makes a waiting thread wait up to the switch interval
(1 ms in the app) each time, so a window making thousands of such calls while the
worker scans 100k contacts stalled for half a second (bench_ui: event loop gap 520 ms,
keystrokes up to 120 ms). A 0.1 ms interval during the job brought that to 118 ms
and 32 ms, for a job about as long. Restored afterwards: the sync's own bulk work
keeps the app's setting.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

JOB_SWITCH_INTERVAL = 0.0001  # seconds


@contextmanager
def gui_first() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(min(previous, JOB_SWITCH_INTERVAL))
    try:
        yield
    finally:
        sys.setswitchinterval(previous)
