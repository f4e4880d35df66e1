"""What both API clients share: one Connection, its throttle and cancel hooks, closing.

HarvestClient (v1, XML) and HarvestV2Client (v2, JSON) differ in their wire words only;
the worker sets `on_throttle` and `cancel_event` and closes either the same way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from types import TracebackType
from typing import Self

from .transport import Connection


class ConnectedClient:
    _connection: Connection

    @property
    def on_throttle(self) -> Callable[[float], None] | None:
        """Called with the seconds about to be waited, before each throttle wait."""
        return self._connection.on_throttle

    @on_throttle.setter
    def on_throttle(self, callback: Callable[[float], None] | None) -> None:
        self._connection.on_throttle = callback

    @property
    def cancel_event(self) -> threading.Event | None:
        """When set, any wait (throttle, backoff, pacing) ends with CancelledError."""
        return self._connection.cancel_event

    @cancel_event.setter
    def cancel_event(self, event: threading.Event | None) -> None:
        self._connection.cancel_event = event

    @property
    def connection(self) -> Connection:
        return self._connection

    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
