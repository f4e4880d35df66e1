"""Which Harvest accounts a personal access token reaches, from Harvest ID.

A token is the user's, not an account's: `GET https://id.getharvest.com/api/v2/accounts`
lists every account it opens, with its id and product. Only Harvest accounts
hold clients and contacts (Forecast ones do not), so only those are offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx

from ..errors import ProtocolError
from ..transport import Connection
from .client import V2Connection
from .codec import load_json

ACCOUNTS_URL = "https://id.getharvest.com/api/v2/accounts"
TOKENS_PAGE = "https://id.getharvest.com/developers"


@dataclass(frozen=True, slots=True)
class HarvestAccount:
    id: int
    name: str


def list_accounts(
    token: str,
    *,
    url: str = ACCOUNTS_URL,
    transport: httpx.BaseTransport | None = None,
    timeout: float = 30.0,
) -> list[HarvestAccount]:
    """The Harvest accounts the token opens, in Harvest ID's order. Raises HarvestError."""
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}"
    connection = V2Connection(
        origin,
        token.strip(),
        None,
        transport=transport,
        timeout=timeout,
        max_response_bytes=4 * 2**20,
        max_throttle_wait=60.0,
        requests_per_window=90,
        window_seconds=15.0,
    )

    def read(response: httpx.Response, connection: Connection) -> list[HarvestAccount]:
        return accounts_from_json(load_json(connection.read_body(response), "your accounts"))

    try:
        return connection.request("GET", parts.path, read, subject="your Harvest accounts")
    finally:
        connection.close()


def accounts_from_json(document: Any) -> list[HarvestAccount]:
    entries = document.get("accounts") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ProtocolError("Harvest ID's list of accounts could not be read.")
    found = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("product", "harvest") != "harvest":
            continue
        account_id, name = entry.get("id"), entry.get("name")
        if account_id.__class__ is int and account_id > 0:
            found.append(HarvestAccount(account_id, name if isinstance(name, str) else ""))
    return found
