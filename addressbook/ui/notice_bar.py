"""One notice at a time above the table (no keyring, not an admin, a failed sync, an export).

The most important notice is shown: an error before a warning before information;
among equals the latest replaces the one shown. Nothing is lost: a replaced notice
is logged and waits, like a less important one, and the most important waiting
notice (the latest among equals) is shown when the current one is dismissed. A
notice that stops being true is withdrawn (withdraw). Each notice shown is said to
a screen reader (errors at once).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget

from addressbook.core.display import for_display
from addressbook.ui.announce import announce

log = logging.getLogger(__name__)

INFO, WARNING, ERROR = 0, 1, 2
_ICONS = {
    INFO: (QStyle.StandardPixmap.SP_MessageBoxInformation, "Information"),
    WARNING: (QStyle.StandardPixmap.SP_MessageBoxWarning, "Warning"),
    ERROR: (QStyle.StandardPixmap.SP_MessageBoxCritical, "Error"),
}
ICON_SIZE = 16


@dataclass(frozen=True)
class Notice:
    text: str
    level: int


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.icon = QLabel()
        self.message = QLabel(wordWrap=True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleDescription("Notice")
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName("Dismiss notice")
        self.close_button.setToolTip("Dismiss notice")
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self._current: Notice | None = None
        self._waiting: list[Notice] = []
        self._given: list[str] = []
        self.hide()

    def show_message(self, text: str, level: int = WARNING) -> None:
        """Show `text` unless something more important is shown (then it waits)."""
        text = for_display(text)
        if text not in self._given:
            self._given.append(text)
        notice = Notice(text, level)
        current = self._current
        if current is not None and current.text == text:
            return
        if current is not None and level < current.level:
            log.info("Notice waiting behind a more important one: %s", text)
            if all(waiting.text != text for waiting in self._waiting):
                self._waiting.append(notice)
            return
        if current is not None:  # it waits too: shown again once the newer one is dismissed
            log.info("Notice replaced by a newer one: %s", current.text)
            self._waiting.append(current)
        self._show(notice)

    def _show(self, notice: Notice) -> None:
        self._current = notice
        self._waiting = [waiting for waiting in self._waiting if waiting.text != notice.text]
        self.message.setText(notice.text)
        self.message.setAccessibleName(notice.text)
        pixmap, name = _ICONS[notice.level]
        icon = self.style().standardIcon(pixmap)
        self.icon.setPixmap(icon.pixmap(QSize(ICON_SIZE, ICON_SIZE), self.devicePixelRatioF()))
        self.icon.setAccessibleName(name)
        self.show()
        announce(f"{name}: {notice.text}", urgent=notice.level == ERROR, source=self.message)

    def current(self) -> str:
        """The notice shown ('' when the bar is hidden)."""
        return self._current.text if self._current is not None else ""

    def messages(self) -> list[str]:
        """Every notice given since the bar was last cleared, shown or not, in order."""
        return list(self._given)

    def withdraw(self, text: str) -> None:
        """Take back a notice that is no longer true (a sync went through after all)."""
        text = for_display(text)
        if self.current() == text:
            log.info("Notice withdrawn: %s", text)
            self.dismiss()
            return
        self._waiting = [waiting for waiting in self._waiting if waiting.text != text]
        if text in self._given:
            self._given.remove(text)

    def dismiss(self) -> None:
        """Close the notice shown; the most important waiting one (latest first) comes next."""
        if self._current is not None and self._current.text in self._given:
            self._given.remove(self._current.text)
        self._current = None
        if self._waiting:
            best = max(reversed(self._waiting), key=lambda notice: notice.level)
            self._show(best)
            return
        self._given.clear()
        self.hide()
