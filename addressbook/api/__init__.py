"""Qt-free Harvest v1 API layer: XML codec on xmltodict, HarvestClient on httpx.

Every failure leaves as a HarvestError subclass with a message a user can act on.
"""

from typing import TYPE_CHECKING, Any

from .account import Account
from .errors import (
    AuthenticationError,
    CancelledError,
    CertificateFileError,
    HarvestError,
    NetworkError,
    NotFoundError,
    ProtocolError,
    ServerError,
    ThrottledError,
    ValidationError,
)
from .urls import normalize_base_url

if TYPE_CHECKING:
    from .client import HarvestClient

__all__ = [
    "Account",
    "AuthenticationError",
    "CancelledError",
    "CertificateFileError",
    "HarvestClient",
    "HarvestError",
    "NetworkError",
    "NotFoundError",
    "ProtocolError",
    "ServerError",
    "ThrottledError",
    "ValidationError",
    "normalize_base_url",
]


def __getattr__(name: str) -> Any:
    """HarvestClient, loaded when first asked for: it brings httpx (tens of ms to import),
    which the errors, the URL rules and the account record do not need, nor start-up."""
    if name == "HarvestClient":
        from .client import HarvestClient

        globals()[name] = HarvestClient
        return HarvestClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
