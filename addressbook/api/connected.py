"""What both API clients share: one Connection, its throttle and cancel hooks, closing.

HarvestClient (v1, XML) and HarvestV2Client (v2, JSON) differ in their wire words only;
the worker sets `on_throttle` and `cancel_event` and closes either the same way.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from types import TracebackType
from typing import Any, Self

from addressbook.core.models import Contact
from addressbook.core.validation import validate_changes, validate_contact

from .errors import HarvestError, ValidationError
from .transport import Connection

log = logging.getLogger(__name__)


def record_id(value: Any, noun: str) -> int:
    """An id a caller passed in: a positive int (never a bool), else ValidationError."""
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValidationError(f"{value!r} is not a {noun} id known to Harvest.")
    return value


def checked_new_contact(contact: Contact) -> None:
    """Refused here, by the core rules, before anything is sent."""
    problems = validate_contact(contact.editable_values())
    if problems:
        raise ValidationError.from_problems(problems)


def checked_changes(changes: dict[str, Any]) -> None:
    problems = validate_changes(changes)
    if problems:
        raise ValidationError.from_problems(problems)


class ConnectedClient:
    _connection: Connection

    def get_contact(self, contact_id: int) -> Contact:
        raise NotImplementedError

    def _created(self, contact: Contact, new_id: int) -> Contact:
        """The contact Harvest just created, read back; if that read fails, the contact
        with its new id rather than an error, or the caller might create it a second time."""
        try:
            return self.get_contact(new_id)
        except HarvestError as error:
            log.warning("created contact %s but could not read it back: %s", new_id, error)
            return replace(contact, id=new_id, created_at=None, updated_at=None)

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
