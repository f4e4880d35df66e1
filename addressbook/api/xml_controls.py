"""Control characters in a field, through an XML reader that refuses them.

XML 1.0 forbids the C0 controls (ESC, BEL, NUL ...) even as character references,
so one contact whose name holds a raw ESC would make expat refuse the whole list,
and one colleague's typo would stop every sync. Each such byte is carried through
the parser as one of the 32 Unicode noncharacters U+FDD0-U+FDEF (never found in
real text) and turned back into itself in the text handed on: the value stays as
Harvest holds it, and the display layer (core/display.py) makes it visible.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BASE = 0xFDD0
_SHELTERED = re.compile("[\ufdd0-\ufdef]")
_BACK = {_BASE + code: code for code in range(32)}


def shelter(chunk: bytes) -> bytes:
    """Raw C0 controls -> their noncharacter stand-ins, in UTF-8."""
    if _CONTROL.search(chunk) is None:
        return chunk
    return _CONTROL.sub(lambda match: chr(_BASE + match[0][0]).encode(), chunk)


def unshelter(text: str) -> str:
    if _SHELTERED.search(text) is None:
        return text
    return text.translate(_BACK)


def is_utf8(opening: bytes) -> bool:
    """False for UTF-16 or UTF-32 without a BOM, whose zero bytes are no controls."""
    return b"\x00" not in opening[:8]
