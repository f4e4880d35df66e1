"""A contact's avatar, Qt-free: initials, and a colour that stays the same for a name.

The colour comes from a stable hash of the folded name (crc32, not Python's
hash(), which changes with every run), so Ann Lee is the same colour today,
tomorrow and on a colleague's computer. Every colour in the set carries white
initials at 4.5:1 or better (tested), in light and dark mode alike.
"""

from __future__ import annotations

import unicodedata
import zlib

# Deep tones of ten hues; white text on each passes WCAG AA (see tests/core/test_avatar.py).
AVATAR_COLOURS = (
    "#1d5fa8",  # blue
    "#0f6e6e",  # teal
    "#2e7031",  # green
    "#8a4b0f",  # brown
    "#b0362b",  # red
    "#a3245c",  # raspberry
    "#6b3fa0",  # purple
    "#4a4fb0",  # indigo
    "#5c6b1f",  # olive
    "#555b66",  # slate
)
INITIALS_COLOUR = "#ffffff"


def initials(name: str) -> str:
    """'Ann Lee' -> 'AL'; 'Zoë' -> 'Z'; 'de la Cruz, Ana' keeps the first and last word."""
    # Bidi marks and other format characters are invisible: they are no one's initial.
    visible = "".join(ch for ch in name if unicodedata.category(ch) != "Cf")
    words = [word for word in visible.replace(",", " ").split() if word[:1].isalnum()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def avatar_colour(name: str) -> str:
    """One of AVATAR_COLOURS, the same for the same name (ignoring case and accents)."""
    folded = unicodedata.normalize("NFKD", name.casefold().strip())
    key = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return AVATAR_COLOURS[zlib.crc32(key.encode("utf-8")) % len(AVATAR_COLOURS)]
