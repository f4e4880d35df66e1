"""HarvestApi: what HarvestClient (v1, XML) and HarvestV2Client (v2, JSON) both offer.

The sync engine, the worker's session and the tests type against this, so a
second API never means a second engine.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, runtime_checkable

from addressbook.core.models import Client, Contact

from .account import Account


@runtime_checkable
class HarvestApi(Protocol):
    base_url: str
    on_throttle: Callable[[float], None] | None
    cancel_event: threading.Event | None

    def who_am_i(self) -> Account: ...

    def list_clients(self, updated_since: datetime | None = None) -> list[Client]: ...

    def get_client(self, client_id: int) -> Client: ...

    def list_contacts(
        self, client_id: int | None = None, updated_since: datetime | None = None
    ) -> list[Contact]: ...

    def get_contact(self, contact_id: int) -> Contact: ...

    def create_contact(self, contact: Contact) -> Contact: ...

    def update_contact(self, contact_id: int, changes: dict[str, Any]) -> Contact: ...

    def delete_contact(self, contact_id: int) -> None: ...

    def close(self) -> None: ...
