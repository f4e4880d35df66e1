"""Qt-free Harvest API layer: HarvestClient (v1, XML on xmltodict) and HarvestV2Client
(v2, JSON), both over one httpx transport and both satisfying the HarvestApi protocol.

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
from .protocol import HarvestApi
from .urls import normalize_base_url

if TYPE_CHECKING:
    from .client import HarvestClient
    from .v2.client import HarvestV2Client

__all__ = [
    "Account",
    "AuthenticationError",
    "CancelledError",
    "CertificateFileError",
    "HarvestApi",
    "HarvestClient",
    "HarvestV2Client",
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
    if name == "HarvestV2Client":
        from .v2.client import HarvestV2Client

        globals()[name] = HarvestV2Client
        return HarvestV2Client
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
