"""The round avatar with a contact's initials on a colour derived from the name."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from addressbook.core.avatar import INITIALS_COLOUR, avatar_colour, initials

AVATAR_SIZE = 64  # logical pixels: Qt doubles them at 2x


class Avatar(QWidget):
    def __init__(self, size: int = AVATAR_SIZE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedSize(size, size)
        self._initials = ""
        self._colour = avatar_colour("")

    def set_name(self, name: str) -> None:
        self._initials = initials(name)
        self._colour = avatar_colour(name)
        self.update()

    def initials(self) -> str:
        return self._initials

    def colour(self) -> str:
        return self._colour

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self._colour))
        bounds = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawEllipse(bounds)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(8, int(self.height() * 0.38)))
        painter.setFont(font)
        painter.setPen(QColor(INITIALS_COLOUR))
        painter.drawText(bounds, Qt.AlignmentFlag.AlignCenter, self._initials)
        painter.end()
