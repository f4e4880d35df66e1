"""A dismissable message above the table, for things said once (no keyring, non-admin)."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget


class NoticeBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.message = QLabel(wordWrap=True)
        self.message.setAccessibleName("Notice text")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName("Dismiss notice")
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(close)
        self._messages: list[str] = []
        self.hide()

    def show_message(self, text: str) -> None:
        if text not in self._messages:
            self._messages.append(text)
        self.message.setText("\n".join(self._messages))
        self.show()

    def messages(self) -> list[str]:
        return list(self._messages)

    def dismiss(self) -> None:
        self._messages.clear()
        self.hide()
