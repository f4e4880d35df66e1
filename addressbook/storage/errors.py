"""The exceptions the cache lets out for storage trouble (disk full, in use, locked, unknown id)."""

from __future__ import annotations


class CacheError(Exception):
    """The cache could not do what was asked; the message says why in user words.

    Invalid contact values are not a CacheError: they raise
    addressbook.api.ValidationError with `.fields`, exactly as the API layer does,
    so the dialogs handle local and server refusals the same way.
    """


class CacheInUseError(CacheError):
    """Another live process has this cache file open: a second writer could send twice."""


class DiskFullError(CacheError):
    """The disk (or the filesystem holding the cache) is full; nothing was half-written."""
