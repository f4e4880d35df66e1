"""The app's colours, light and dark, every text/background pair at 4.5:1 or better.

Qt's default palettes put white text on a highlight at 3.7:1 and placeholders at
3.4 to 3.9:1. The app applies its own palette at start (apply_palette), choosing
light or dark from, in order:
1. ADDRESSBOOK_COLOR_SCHEME=light|dark in the environment (screenshots, testing);
2. the desktop's colour scheme as Qt reports it (styleHints().colorScheme());
3. the lightness of the platform's own window colour.
The pairs that must pass are listed in TEXT_PAIRS; tests/ui/test_palette.py checks
every one of them, in both schemes, with addressbook.core.contrast.
"""

from __future__ import annotations

import os

from PySide6.QtGui import QColor, QGuiApplication, QPalette

from addressbook.core.contrast import contrast_ratio

SCHEME_VARIABLE = "ADDRESSBOOK_COLOR_SCHEME"
Role = QPalette.ColorRole

LIGHT: dict[str, str] = {
    "Window": "#f4f4f3",
    "WindowText": "#1f1f1f",
    "Base": "#ffffff",
    "AlternateBase": "#f6f6f5",
    "Text": "#1f1f1f",
    "Button": "#ebebea",
    "ButtonText": "#1f1f1f",
    "Highlight": "#1c5fb8",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#646464",
    "ToolTipBase": "#fff6d5",
    "ToolTipText": "#1f1f1f",
    "Link": "#1a56a8",
    "LinkVisited": "#6a3d9a",
    "BrightText": "#ffffff",
    "Light": "#ffffff",
    "Midlight": "#e3e3e2",
    "Mid": "#b8b8b6",
    "Dark": "#9a9a98",
    "Shadow": "#5a5a58",
    "Accent": "#1c5fb8",
    "Card": "#ffffff",
}
DARK: dict[str, str] = {
    "Window": "#242424",
    "WindowText": "#ededed",
    "Base": "#1c1c1c",
    "AlternateBase": "#262626",
    "Text": "#ededed",
    "Button": "#353535",
    "ButtonText": "#ededed",
    "Highlight": "#2a5fa8",
    "HighlightedText": "#ffffff",
    "PlaceholderText": "#a3a3a3",
    "ToolTipBase": "#3b3520",
    "ToolTipText": "#f2f2f2",
    "Link": "#8cb8ff",
    "LinkVisited": "#c5a3ff",
    "BrightText": "#ffffff",
    "Light": "#4a4a4a",
    "Midlight": "#3e3e3e",
    "Mid": "#2e2e2e",
    "Dark": "#181818",
    "Shadow": "#0a0a0a",
    "Accent": "#2a5fa8",
    "Card": "#323232",
}
# Disabled text: exempt from WCAG, but still made readable (dimmed text while searching).
DISABLED_TEXT = {"light": "#5e5e5e", "dark": "#a8a8a8"}
SCHEMES = {"light": LIGHT, "dark": DARK}

# (foreground role, background role): every pair the app draws text with.
TEXT_PAIRS = (
    ("WindowText", "Window"),
    ("Text", "Base"),
    ("Text", "AlternateBase"),
    ("ButtonText", "Button"),
    ("HighlightedText", "Highlight"),
    ("PlaceholderText", "Base"),
    ("PlaceholderText", "Window"),
    ("ToolTipText", "ToolTipBase"),
    ("Link", "Base"),
    ("Link", "Window"),
    ("LinkVisited", "Base"),
    ("Text", "Card"),
    ("PlaceholderText", "Card"),
    ("ButtonText", "Card"),
)
# "Card" is no Qt role: the background of the card's groups (lighter than the window in
# dark mode, as GNOME's boxes are); card_palette() puts it in the Base role of a group.


def scheme_from_environment() -> str | None:
    value = os.environ.get(SCHEME_VARIABLE, "").strip().lower()
    return value if value in SCHEMES else None


def system_scheme() -> str:
    """'dark' or 'light', as the desktop says (or as its window colour suggests)."""
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    if scheme == Qt.ColorScheme.Light:
        return "light"
    window = QGuiApplication.palette().color(Role.Window)
    return "dark" if window.lightnessF() < 0.5 else "light"


def build_palette(scheme: str) -> QPalette:
    colours = SCHEMES[scheme]
    palette = QPalette()
    for name, colour in colours.items():
        role = getattr(Role, name, None)
        if role is not None:
            palette.setColor(role, QColor(colour))
    dimmed = QColor(DISABLED_TEXT[scheme])
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, dimmed)
    # A disabled field (search while signed out) looks disabled: the window's grey, not white.
    palette.setColor(QPalette.ColorGroup.Disabled, Role.Base, QColor(colours["Window"]))
    return palette


def apply_palette(scheme: str | None = None) -> str:
    """Give the application the light or dark palette; returns the scheme applied.

    With no scheme given or set in the environment, the app follows the desktop: when
    its colour scheme changes (dark mode switched on), the palette is applied again."""
    chosen = scheme or scheme_from_environment()
    if chosen is None:
        _follow_the_desktop()
        chosen = system_scheme()
    QGuiApplication.setPalette(build_palette(chosen))
    return chosen


_following = False


def _follow_the_desktop() -> None:
    global _following
    hints = QGuiApplication.styleHints()
    if _following or not hasattr(hints, "colorSchemeChanged"):
        return
    _following = True
    hints.colorSchemeChanged.connect(lambda _scheme: apply_palette())


def card_palette(palette: QPalette) -> QPalette:
    """`palette` with the card groups' background as Base (text on it keeps its colours)."""
    card = QPalette(palette)
    card.setColor(Role.Base, QColor(SCHEMES[current_scheme(palette)]["Card"]))
    return card


def current_scheme(palette: QPalette | None = None) -> str:
    window = (palette or QGuiApplication.palette()).color(Role.Window)
    return "dark" if window.lightnessF() < 0.5 else "light"


def worst_pair(scheme: str) -> tuple[str, str, float]:
    """The text pair with the lowest contrast in a scheme (for tests and reports)."""
    colours = SCHEMES[scheme]
    ratios = [(fg, bg, contrast_ratio(colours[fg], colours[bg])) for fg, bg in TEXT_PAIRS]
    return min(ratios, key=lambda item: item[2])


# The status indicator's colours (a circle behind a glyph in readable_text_on(circle)): the
# glyph passes 4.5:1 on each, and each stands 3:1 or more from the window (WCAG 1.4.11).
STATE_COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "ok": "#2e7031",
        "busy": "#1c5fb8",
        "warning": "#8a5200",
        "error": "#b0362b",
        "idle": "#5e5e5e",
    },
    "dark": {
        "ok": "#6cc070",
        "busy": "#8cb8ff",
        "warning": "#f0b44c",
        "error": "#ff8a80",
        "idle": "#a3a3a3",
    },
}


def state_colour(kind: str, palette: QPalette | None = None) -> str:
    return STATE_COLOURS[current_scheme(palette)][kind]
