"""Qt-free local storage: the SQLite cache of one account, its outbox and conflicts."""

from .cache import Cache
from .errors import CacheError
from .records import Conflict, PendingChange
from .recovery import Recovery
from .schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Cache", "CacheError", "Conflict", "PendingChange", "Recovery"]
