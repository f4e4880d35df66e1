"""Harvest API v2 (JSON, personal access tokens, cursor paging), Qt-free.

`HarvestV2Client` has HarvestClient's surface and raises the same typed errors,
so the sync engine, cache and outbox use either one unchanged.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import HarvestV2Client

__all__ = ["HarvestV2Client"]


def __getattr__(name: str) -> Any:
    """Loaded when first asked for: it brings httpx, which start-up does not need."""
    if name == "HarvestV2Client":
        from .client import HarvestV2Client

        globals()[name] = HarvestV2Client
        return HarvestV2Client
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
