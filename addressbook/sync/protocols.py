"""The part of HarvestClient the engine uses, so tests and the engine agree on it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol

from addressbook.core.models import Client, Contact

Progress = Callable[[str, int, int], None]


class SyncApi(Protocol):
    on_throttle: Callable[[float], None] | None
    cancel_event: threading.Event | None

    def list_clients(self, updated_since: datetime | None = None) -> list[Client]: ...

    def list_contacts(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> list[Contact]: ...

    def get_contact(self, contact_id: int) -> Contact: ...

    def create_contact(self, contact: Contact) -> Contact: ...

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact: ...

    def delete_contact(self, contact_id: int) -> None: ...
