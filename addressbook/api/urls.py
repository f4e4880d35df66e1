"""Account URLs: what a user types -> the base URL, and the https-only rule.

Harvest requires https. Plain http is allowed only to this machine (the
sandbox), never to another host, so a password never crosses a network in clear.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from .errors import HarvestError

HARVEST_DOMAIN = "harvestapp.com"
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def normalize_base_url(text: str) -> str:
    """'acme' -> 'https://acme.harvestapp.com'; a full URL loses its trailing slash.

    A bare loopback address (the sandbox, '127.0.0.1:8080') gets http://, any
    other bare host gets https://.
    """
    text = text.strip().rstrip("/")
    if not text:
        return text
    if "://" not in text:
        host = urlsplit(f"//{text}").hostname or ""
        if "." not in text and ":" not in text and not is_loopback_host(host):
            return f"https://{text.lower()}.{HARVEST_DOMAIN}"
        scheme = "http" if is_loopback_host(host) else "https"
        return f"{scheme}://{text}"
    return text


def check_base_url(base_url: str) -> None:
    """Refuse anything but https (or http to loopback), with words that say why."""
    try:
        parts = urlsplit(base_url)
        host = parts.hostname or ""
        _ = parts.port  # raises ValueError on a port out of range
    except ValueError:
        parts, host = None, ""
    if parts is None or not host or any(ch.isspace() for ch in base_url.strip()):
        raise HarvestError(
            f"'{base_url}' is not an account address; use https://YOURCOMPANY.harvestapp.com."
        )
    if parts.scheme == "https":
        return
    if parts.scheme == "http" and is_loopback_host(host):
        return
    if parts.scheme == "http":
        raise HarvestError(
            f"Refusing to connect to {host} over plain http: Harvest requires https, "
            "so the password would travel unencrypted. Use an https:// address."
        )
    raise HarvestError(f"'{base_url}' is not an https address; Harvest requires https.")
