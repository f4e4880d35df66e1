"""Text from Harvest or a file, made safe to show: data, never layout instructions.

Any colleague can type a contact's name in Harvest, so a value may carry control
characters or bidi overrides (U+202E turns "gnp.exe" into "exe.png" on screen, and
an unclosed override reorders the rest of the row it sits in). For display only, the
overrides, embeddings and isolates are removed and control characters are shown as
their visible Unicode "control pictures" (U+2400 block), so the user sees that
something odd is there. Ordinary bidi *marks* (LRM, RLM, ALM) are kept: they are
how real right-to-left names are written, and they never reorder beyond their text.
The stored value is untouched; this is a view of it.
"""

from __future__ import annotations

# LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they change the order of what follows.
_BIDI_FORMATTING = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)], None)
# C0 controls (but tab) become U+2400 + code; DEL and the C1 block become U+2421 / U+FFFD.
_CONTROL_PICTURES: dict[int, str | None] = {
    code: chr(0x2400 + code) for code in range(0x20) if code != 0x09
}
_CONTROL_PICTURES[0x7F] = "\u2421"
_CONTROL_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), "\ufffd"))
_LINE_AND_PARAGRAPH_SEPARATORS = {0x2028: "\u21b5", 0x2029: "\u00b6"}

_DISPLAY_TABLE: dict[int, str | None] = {
    **_CONTROL_PICTURES,
    **_LINE_AND_PARAGRAPH_SEPARATORS,
    **_BIDI_FORMATTING,
}


def for_display(text: str | None) -> str:
    """`text` as it may be shown in one line of the window: overrides gone, controls visible."""
    if not text:
        return ""
    if text.isprintable() and text.isascii():
        return text  # the common case, at the speed of one C scan
    return text.translate(_DISPLAY_TABLE)
