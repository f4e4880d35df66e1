"""Inline messages and banners shared by the dialogs, and the "discard?" question.

Errors are shown in place, under the field they concern, never in a popup
(the one popup is the question before dropping the user's typing).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QMessageBox, QWidget


class Level(Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


# (light theme, dark theme) text colours; both pass contrast on their background.
_COLOURS = {
    Level.ERROR: ("#b3261e", "#ff8a80"),
    Level.WARNING: ("#7a4f00", "#ffcc80"),
}


def _inherited_palette(widget: QWidget) -> QPalette:
    parent = widget.parentWidget()
    return parent.palette() if parent is not None else QApplication.palette()


class InlineMessage(QLabel):
    """Text under a field (or a banner over a form); hidden while there is nothing to say.

    Colours go through the palette rather than a style sheet: a widget with a style
    sheet stops following palette changes, and dark mode is a palette change.
    """

    def __init__(
        self, accessible_name: str, *, banner: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.level = Level.INFO
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(accessible_name)
        if banner:
            self.setFrameShape(QFrame.Shape.StyledPanel)
            self.setMargin(6)
        self.setVisible(False)

    def show_message(self, text: str, level: Level = Level.ERROR) -> None:
        self.level = level
        self.setText(text)
        self.setAccessibleDescription(text)
        self._recolour()
        self.setVisible(bool(text))

    def show_messages(self, errors: Iterable[str], warnings: Iterable[str] = ()) -> None:
        """Errors win the colour; all lines are shown, errors first."""
        errors, warnings = list(errors), list(warnings)
        level = Level.ERROR if errors else Level.WARNING
        self.show_message("\n".join(errors + warnings), level)

    def clear_message(self) -> None:
        self.show_message("", Level.INFO)

    def text_colour(self) -> QColor:
        inherited = _inherited_palette(self)
        colours = _COLOURS.get(self.level)
        if colours is None:
            return inherited.color(QPalette.ColorRole.WindowText)
        dark = inherited.color(QPalette.ColorRole.Window).lightness() < 128
        return QColor(colours[1] if dark else colours[0])

    def _recolour(self) -> None:
        wanted = self.text_colour()
        palette = self.palette()
        if palette.color(QPalette.ColorRole.WindowText) != wanted:  # setPalette re-enters here
            palette.setColor(QPalette.ColorRole.WindowText, wanted)
            self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # Follow the system when it switches between light and dark.
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
        super().changeEvent(event)


def grow_to_fit(window: QWidget) -> None:
    """Make a shown window tall enough for its wrapped messages; Qt does not grow
    a top-level window for height-for-width content by itself."""
    layout = window.layout()
    if layout is None or not window.isVisible():
        return
    layout.activate()
    needed = layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth() else -1
    needed = max(needed, layout.totalMinimumSize().height())
    if needed > window.height():
        window.resize(window.width(), needed)


def ask_to_discard(parent: QWidget, title: str, text: str) -> bool:
    """Ask before throwing the user's work away; Cancel (keep it) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard
