"""The card's value label: one line, elided, the full value in its tooltip and name.

A value is passed through for_display (bidi overrides removed, control
characters made visible) and shown as plain text, so "AT&T", "O'Neil" and "<b>"
read as typed (see addressbook/ui/plain_text.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from addressbook.core.display import for_display
from addressbook.ui.plain_text import plain_label, plain_tooltip

__all__ = ["SELECTABLE", "ElidedLabel", "plain_label", "plain_tooltip"]

SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class ElidedLabel(QLabel):
    """One line of plain text, cut with "…" to the width it gets; the full value is in
    its tooltip, its accessible name and full_text(), and it can be selected."""

    def __init__(self, description: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(SELECTABLE)
        self.setAccessibleDescription(description)
        # A long address must not widen the card: it is cut, the tooltip has it all.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def set_full_text(self, text: str | None) -> None:
        self._full = for_display(text)
        self.setToolTip(plain_tooltip(self._full))
        self.setAccessibleName(self._full)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def is_elided(self) -> bool:
        return self.text() != self._full

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.contentsRect().width(), 0)
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width)
        if shown != self.text():
            super().setText(shown)
