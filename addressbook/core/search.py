"""Search keys: case- and accent-insensitive text, and phone numbers by digits."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Zoë' matches 'zoe' and 'ÅSA' matches 'asa'."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def haystack(texts: Iterable[str | None], phones: Iterable[str | None] = ()) -> str:
    """One folded string to scan; phone digits are appended so '5551234' finds '555-1234'."""
    parts = [fold(t) for t in texts if t]
    parts += [digits(p) for p in phones if p and digits(p)]
    return "\x1f".join(parts)
