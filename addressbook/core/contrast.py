"""WCAG 2.x contrast, Qt-free: the palette and the avatars are checked against it.

Text needs 4.5:1 against its background (WCAG 1.4.3, level AA); a ratio is
(L1 + 0.05) / (L2 + 0.05) over the relative luminances of the two colours.
Colours are "#rrggbb" strings, the form both the palette module and the tests use.
"""

from __future__ import annotations

TEXT_MINIMUM = 4.5  # body text, WCAG AA


def parse_hex(colour: str) -> tuple[int, int, int]:
    """'#1c5fb8' or '1c5fb8' -> (28, 95, 184)."""
    digits = colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: str) -> float:
    red, green, blue = (_linear(channel) for channel in parse_hex(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """From 1.0 (the same colour) to 21.0 (black on white); the order does not matter."""
    first, second = relative_luminance(foreground), relative_luminance(background)
    lighter, darker = max(first, second), min(first, second)
    return (lighter + 0.05) / (darker + 0.05)


def passes(foreground: str, background: str, minimum: float = TEXT_MINIMUM) -> bool:
    return contrast_ratio(foreground, background) >= minimum


def readable_text_on(background: str) -> str:
    """Black or white, whichever reads better on `background`."""
    on_white = contrast_ratio("#ffffff", background)
    on_black = contrast_ratio("#000000", background)
    return "#ffffff" if on_white >= on_black else "#000000"
