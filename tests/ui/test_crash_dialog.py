"""The crash dialog (addressbook/ui/crash_dialog.py): shown without blocking, one at a time."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from addressbook.ui.crash_dialog import TITLE, build_crash_dialog, show_crash_dialog


def test_build_makes_a_box_with_the_details_but_does_not_show_it(qtbot: QtBot) -> None:
    box = build_crash_dialog(None, "ZeroDivisionError: division by zero", "Traceback (most recent)")
    qtbot.addWidget(box)
    assert box.windowTitle() == TITLE
    assert box.text() == "ZeroDivisionError: division by zero"
    assert box.detailedText() == "Traceback (most recent)"
    assert box.icon() == QMessageBox.Icon.Critical
    assert not box.isVisible()


def test_show_returns_at_once_with_a_non_modal_box(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    box = show_crash_dialog(parent, "KeyError: 'x'", "Traceback 1")
    assert box.isVisible() and not box.isModal()
    assert QApplication.activeModalWidget() is None
    again = show_crash_dialog(parent, "KeyError: 'y'", "Traceback 2")
    assert again is box
    assert box.text() == "2 unexpected errors. The latest: KeyError: 'y'"
    assert "Traceback 1" in box.detailedText() and "Traceback 2" in box.detailedText()
    with qtbot.waitSignal(box.destroyed, timeout=1000):
        box.close()


def test_a_closed_box_is_not_reused(qtbot: QtBot) -> None:
    first = show_crash_dialog(None, "first", "1")
    with qtbot.waitSignal(first.destroyed, timeout=1000):
        first.close()
    second = show_crash_dialog(None, "second", "2")
    qtbot.addWidget(second)
    assert second.text() == "second"
