"""The status indicator's icon: a coloured circle with a glyph, from the palette's state
colours, so it follows dark mode and the glyph reads at 4.5:1 on its circle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap

from addressbook.core.contrast import readable_text_on

ICON_SIZE = 16
GLYPHS = {"ok": "✓", "busy": "↻", "warning": "!", "error": "✕", "idle": "–"}


def status_pixmap(tone: str, device_pixel_ratio: float = 1.0) -> QPixmap:
    from addressbook.ui.palette import state_colour

    colour = state_colour(tone)
    side = round(ICON_SIZE * device_pixel_ratio)
    pixmap = QPixmap(side, side)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    bounds = QRectF(0.5, 0.5, ICON_SIZE - 1, ICON_SIZE - 1)
    painter.drawEllipse(bounds)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(11)
    painter.setFont(font)
    painter.setPen(QColor(readable_text_on(colour)))
    painter.drawText(bounds, Qt.AlignmentFlag.AlignCenter, GLYPHS.get(tone, ""))
    painter.end()
    return pixmap
