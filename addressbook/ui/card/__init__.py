"""The contact card shown beside the contacts table (see card.ContactCard)."""

from .card import ContactCard, subtitle
from .sync_state import SyncState

__all__ = ["ContactCard", "SyncState", "subtitle"]
