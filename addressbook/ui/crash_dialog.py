"""The dialog for an unexpected error (a bug), shown from the app's excepthook.

It never blocks: the app keeps running where it can, and a burst of errors
(a failing paint, say) updates the one open dialog instead of stacking dozens.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

OBJECT_NAME = "crash_dialog"
TITLE = "Harvest Contacts: unexpected error"
_MIN_WIDTH = 460
_ADVICE = (
    "The app will try to keep running; your unsynced changes are saved on this computer. "
    "The details are also in the log; please include them if you report this problem."
)


def build_crash_dialog(parent: QWidget | None, summary: str, details: str) -> QMessageBox:
    """The message box, not shown yet."""
    box = QMessageBox(parent)
    box.setObjectName(OBJECT_NAME)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(TITLE)
    box.setText(summary)
    box.setInformativeText(_ADVICE)
    box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setAccessibleName(TITLE)
    box.setProperty("error_count", 1)
    _widen(box)
    return box


def _widen(box: QMessageBox) -> None:
    """QMessageBox ignores setMinimumWidth; a spacer across its grid makes tracebacks readable."""
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        policy = QSizePolicy.Policy
        spacer = QSpacerItem(_MIN_WIDTH, 0, policy.Minimum, policy.Expanding)
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())


def _open_crash_dialog(parent: QWidget | None) -> QMessageBox | None:
    candidates = parent.findChildren(QMessageBox) if parent is not None else []
    candidates += [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    for box in candidates:
        if box.objectName() == OBJECT_NAME and box.isVisible():
            return box
    return None


def _add_to(box: QMessageBox, summary: str, details: str) -> None:
    count = int(box.property("error_count") or 1) + 1
    box.setProperty("error_count", count)
    box.setText(f"{count} unexpected errors. The latest: {summary}")
    box.setDetailedText(f"{box.detailedText()}\n\n----\n\n{details}")


def show_crash_dialog(parent: QWidget | None, summary: str, details: str) -> QMessageBox:
    """Show the error without blocking (non-modal); returns the box shown or updated."""
    box = _open_crash_dialog(parent)
    if box is not None:
        _add_to(box, summary, details)
        return box
    box = build_crash_dialog(parent, summary, details)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
