"""The API the engine uses: the HarvestApi protocol both clients (v1 and v2) satisfy."""

from __future__ import annotations

from collections.abc import Callable

from addressbook.api.protocol import HarvestApi

Progress = Callable[[str, int, int], None]

# The engine's name for it; one protocol, so the engine cannot drift from either client.
SyncApi = HarvestApi

__all__ = ["HarvestApi", "Progress", "SyncApi"]
