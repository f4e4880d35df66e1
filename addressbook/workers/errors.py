"""The worker's own failure type (kept apart from session.py, which imports httpx)."""

from __future__ import annotations


class SessionError(Exception):
    """A sign-in failure in words for the user; kind is 'auth', 'network' or 'error'."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.message, self.kind = message, kind
