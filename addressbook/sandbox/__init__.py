"""A Harvest-compatible loopback server, API v1 (XML) and v2 (JSON, under /v2), with demo data
(standard library only, no Qt)."""

from .app import RecordedRequest
from .faults import FAULT_KINDS, Faults
from .server import DEMO_EMAIL, DEMO_PASSWORD, SandboxServer
from .store import InvalidRecord, RecordNotFound, Store

__all__ = [
    "DEMO_EMAIL",
    "DEMO_PASSWORD",
    "FAULT_KINDS",
    "Faults",
    "InvalidRecord",
    "RecordNotFound",
    "RecordedRequest",
    "SandboxServer",
    "Store",
]
