"""Qt-free clean-up: likely duplicates, phone numbers in one format, incomplete contacts,
contacts at inactive clients; merges and batches applied through the cache's outbox."""

from .duplicates import find_duplicates
from .merge import MergePlan
from .phones import PhoneFix, normalise_phone
from .scan import CleanupReport, scan

__all__ = ["CleanupReport", "MergePlan", "PhoneFix", "find_duplicates", "normalise_phone", "scan"]
