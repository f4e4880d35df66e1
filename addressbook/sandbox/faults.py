"""Faults a test can inject: failed replies, dropped connections, latency, slow links.

The request handler asks `take()` for the next matching fault before it
processes each request; a fault fires `count` times and then disappears.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

FAULT_KINDS = frozenset(
    {"http_500", "http_502", "drop_before", "drop_after", "malformed", "throttle"}
)


@dataclass
class Fault:
    kind: str
    method: str | None
    path: str | None
    remaining: int
    retry_after: int
    body: bytes | None = None  # for "malformed": exactly these bytes, as a 200

    def matches(self, method: str, path: str) -> bool:
        method = method.upper()
        if path.startswith("/v2/"):  # v2 requests meet the faults planned for v1's paths too
            v1_path, v1_method = path[3:], "PUT" if method == "PATCH" else method
            if self._matches(v1_method, v1_path):
                return True
        return self._matches(method, path)

    def _matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and (
            self.path is None or path.startswith(self.path)
        )


class Faults:
    """The server's fault plan; thread-safe because handler threads consume it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[Fault] = []
        self.latency: float = 0.0
        self.bandwidth: int | None = None

    def add(
        self,
        kind: str,
        *,
        method: str | None = None,
        path: str | None = None,
        count: int = 1,
        retry_after: int = 1,
        body: bytes | None = None,
    ) -> None:
        """Queues a fault for requests matching method (any if None) and path prefix.

        A "malformed" fault sends `body` when given, else the real reply cut in half.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {sorted(FAULT_KINDS)}")
        if count < 1:
            raise ValueError("count must be at least 1")
        if body is not None and kind != "malformed":
            raise ValueError("only a malformed fault carries a body")
        fault = Fault(kind, method.upper() if method else None, path, count, retry_after, body)
        with self._lock:
            self._pending.append(fault)

    def take(self, method: str, path: str) -> Fault | None:
        """The first fault matching this request, used up by one firing."""
        with self._lock:
            for fault in self._pending:
                if fault.matches(method, path):
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._pending.remove(fault)
                    return fault
        return None

    @property
    def pending(self) -> list[Fault]:
        with self._lock:
            return list(self._pending)

    def clear(self) -> None:
        """Removes every queued fault and restores full speed."""
        with self._lock:
            self._pending.clear()
        self.latency = 0.0
        self.bandwidth = None
