"""A small piece of work for the worker thread: a function of the account's cache.

The clean-up scan, history and trash reads, restores and merges are all Jobs:
the GUI hands one over (SyncWorker.job_requested), the worker runs it with its
own Cache, and the result comes back on the GUI thread to the job's callbacks
(see ui/cleanup/jobs.py). A job that writes makes the worker publish what
changed and push soon, like any edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


def _ignore(*_: Any) -> None:
    return None


@dataclass(eq=False)
class Job:
    run: Callable[[Any], Any]  # called on the worker thread with the Cache
    on_done: Callable[[Any], None] = _ignore  # called on the GUI thread with run's result
    # Called on the GUI thread with the error's words and {field: [problems]}.
    on_failed: Callable[[str, dict[str, list[str]]], None] = _ignore
    writes: bool = False
    name: str = field(default="job")
