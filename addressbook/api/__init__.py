"""Qt-free Harvest v1 API layer: XML codec on xmltodict, HarvestClient on httpx.

Every failure leaves as a HarvestError subclass with a message a user can act on.
"""

from .account import Account
from .client import HarvestClient
from .errors import (
    AuthenticationError,
    CancelledError,
    HarvestError,
    NetworkError,
    NotFoundError,
    ProtocolError,
    ServerError,
    ThrottledError,
    ValidationError,
)
from .urls import normalize_base_url

__all__ = [
    "Account",
    "AuthenticationError",
    "CancelledError",
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
