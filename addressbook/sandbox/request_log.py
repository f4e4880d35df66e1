"""The requests a sandbox has received, for tests to look at: bounded, and without
the bodies of requests that did not sign in.

A list (tests index it, unpack it, compare it with []), trimmed from the front:
at most `max_requests` entries and `max_body_bytes` of kept bodies, so a client
that keeps posting cannot grow the app the sandbox runs in.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import RecordedRequest

MAX_REQUESTS = 1000
MAX_BODY_BYTES = 16 * 2**20


class RequestLog(list["RecordedRequest"]):
    def __init__(
        self, max_requests: int = MAX_REQUESTS, max_body_bytes: int = MAX_BODY_BYTES
    ) -> None:
        super().__init__()
        self.max_requests = max_requests
        self.max_body_bytes = max_body_bytes

    def append(self, request: RecordedRequest) -> None:
        super().append(request)
        while len(self) > self.max_requests or (
            len(self) > 1 and self.body_bytes() > self.max_body_bytes
        ):
            del self[0]

    def body_bytes(self) -> int:
        return sum(len(request.body) for request in self)

    def forget_body(self, request: RecordedRequest) -> None:
        """The request was refused (401): keep that it came, not what it carried."""
        for index in range(len(self) - 1, -1, -1):
            if self[index] is request:
                self[index] = replace(request, body=b"")
                return
