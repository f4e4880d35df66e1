"""The one exception the cache lets out for storage trouble (disk full, locked, unknown id)."""

from __future__ import annotations


class CacheError(Exception):
    """The cache could not do what was asked; the message says why in user words.

    Invalid contact values are not a CacheError: they raise
    addressbook.api.ValidationError with `.fields`, exactly as the API layer does,
    so the dialogs handle local and server refusals the same way.
    """
