"""How a v2 account is named where the app names accounts by (address, login).

The cache, the keyring and the worker key an account on a base URL and a login.
A v2 account is the API's base URL with `/v2` on it (a v1 account URL never has
a path) and its account id as the login, so caches and keyring entries of v1
and v2 accounts can never be mistaken for one another.
"""

from __future__ import annotations

from .. import urls

V2_PATH = "/v2"
DEFAULT_API = "https://api.harvestapp.com"


def v2_address(base_url: str = DEFAULT_API) -> str:
    return urls.normalize_base_url(base_url) + V2_PATH


def v2_base_url(address: str) -> str | None:
    """The v2 API's base URL named by this address, or None for a v1 account URL."""
    address = address.strip().rstrip("/")
    return address[: -len(V2_PATH)] if address.endswith(V2_PATH) else None


def api_of(address: str) -> str:
    """Which API an account address names: "v2" (made by v2_address) or "v1"."""
    return "v1" if v2_base_url(address) is None else "v2"


def parse_account_id(text: str) -> int | None:
    text = text.strip()
    if text.isascii() and text.isdigit() and 0 < len(text) < 19 and int(text) > 0:
        return int(text)
    return None
