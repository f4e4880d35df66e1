"""Small row badges drawn from the palette, so they follow dark mode."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyle

_SIZE = 16


def badge_icon(kind: str) -> QIcon:
    """'dirty': a dot in the highlight colour; 'conflict': the style's warning icon;
    'rejected' (Harvest refused the change): the style's error icon; 'synced': a dot in
    the palette's "up to date" green."""
    if kind == "conflict":
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    if kind == "rejected":
        return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
    if kind == "synced":
        from addressbook.ui.palette import state_colour

        return _dot(QColor(state_colour("ok")))
    return _dot(QApplication.palette().color(QPalette.ColorRole.Highlight))


def _dot(color: QColor) -> QIcon:
    """Drawn at 1x, 2x and 3x: a HiDPI screen gets a sharp dot, not a scaled-up blur."""
    icon = QIcon()
    for ratio in (1, 2, 3):
        pixmap = QPixmap(_SIZE * ratio, _SIZE * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(QRectF(4, 4, _SIZE - 8, _SIZE - 8))
        painter.end()
        icon.addPixmap(pixmap)
    return icon
