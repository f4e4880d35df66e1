"""The toast over the table after a delete: "Deleted Ann Lee." [Undo] [×].

It stays at least TOAST_SECONDS, and after that until the user's next key press
or click (nobody loses the chance to undo while looking away), unless the next
delete replaces it or it is dismissed. The button is a real push button, in the
Tab order, and the label's accessible name is its visible text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from addressbook.core.display import for_display

TOAST_SECONDS = 10
_USER_ACTIONS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress)


class UndoToast(QFrame):
    undo_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_toast")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.label = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.button = QPushButton("&Undo")
        self.button.setToolTip("Undo (Ctrl+Z)")
        self.button.clicked.connect(self._undo)
        self.close_button = QToolButton(text="×", autoRaise=True)
        self.close_button.setAccessibleName("Dismiss")
        self.close_button.setToolTip("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self, singleShot=True, interval=TOAST_SECONDS * 1000)
        self._timer.timeout.connect(self._expire)
        self._watching = False
        self.hide()

    def offer(self, message: str) -> None:
        text = for_display(message)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setAccessibleName(text)
        self.button.setAccessibleName("Undo")
        self.button.setAccessibleDescription(text)
        self._stop_watching()
        self._timer.start()
        self.show()

    def dismiss(self) -> None:
        self._timer.stop()
        self._stop_watching()
        self.hide()

    @Slot(int)
    def history_moved(self, _index: int) -> None:
        """An undo or redo happened (by any means): this toast's offer is spent."""
        self.dismiss()

    def _undo(self) -> None:
        self.dismiss()
        self.undo_clicked.emit()

    def _expire(self) -> None:
        """Time is up; the toast goes at the user's next key press or click."""
        app = QApplication.instance()
        if app is not None and self.isVisible():
            app.installEventFilter(self)
            self._watching = True

    def _stop_watching(self) -> None:
        app = QApplication.instance()
        if self._watching and app is not None:
            app.removeEventFilter(self)
        self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _USER_ACTIONS and not _inside(self, watched):
            QTimer.singleShot(0, self, self.dismiss)  # not while Qt is delivering the event
        return False


def _inside(toast: QWidget, watched: QObject) -> bool:
    return isinstance(watched, QWidget) and (watched is toast or toast.isAncestorOf(watched))
