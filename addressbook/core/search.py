"""Search keys: case- and accent-insensitive text, and phone numbers by digits."""

from __future__ import annotations

import re
import unicodedata

_NON_DIGITS = re.compile(r"\D+")
_PHONE_PUNCTUATION = str.maketrans("", "", " ()+-./")


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Zoë' matches 'zoe' and 'ÅSA' matches 'asa'."""
    if text.isascii():
        # No accents to strip: skips the Unicode normalisation for most names.
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def digits(text: str) -> str:
    """The digits of a phone number, so '5551234' finds '555-1234'."""
    plain = text.translate(_PHONE_PUNCTUATION)  # the common case, without a regex
    return plain if plain.isdigit() else _NON_DIGITS.sub("", text)
