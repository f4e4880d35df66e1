"""The undo toast: a real button, its text as its accessible name, and it stays at least
its time and then until the user's next key press or click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from addressbook.ui.undo_toast import TOAST_SECONDS, UndoToast
from tests.ui.helpers import show

_WINDOWS: list[QWidget] = []  # kept alive for the test's length


def toast_in_window(qtbot: QtBot) -> tuple[UndoToast, QLineEdit]:
    window = QWidget()
    _WINDOWS[:] = [window]
    field, toast = QLineEdit(), UndoToast()
    layout = QVBoxLayout(window)
    layout.addWidget(field)
    layout.addWidget(toast)
    show(qtbot, window)
    return toast, field


def test_the_toast_is_a_real_button_with_its_text_as_name(qtbot: QtBot) -> None:
    toast, _field = toast_in_window(qtbot)
    toast.offer("Deleted O'Neil & <Sons>.")
    assert toast.isVisible() and isinstance(toast.button, QPushButton)
    assert toast.label.text() == "Deleted O'Neil & <Sons>."
    assert toast.label.textFormat() == Qt.TextFormat.PlainText
    assert toast.label.accessibleName() == toast.label.text()
    assert toast.button.focusPolicy() & Qt.FocusPolicy.TabFocus
    with qtbot.waitSignal(toast.undo_clicked, timeout=1000):
        toast.button.click()
    assert not toast.isVisible()


def test_it_stays_until_its_time_is_up_and_the_user_acts(qtbot: QtBot) -> None:
    toast, field = toast_in_window(qtbot)
    assert TOAST_SECONDS >= 10
    toast._timer.setInterval(50)  # the 10 s, shortened for the test
    toast.offer("Deleted Ann Lee.")
    qtbot.keyClick(field, Qt.Key.Key_A)  # an action before the time is up: it stays
    assert toast.isVisible()
    qtbot.wait(150)  # time is up, but nobody has acted: it stays
    assert toast.isVisible()
    qtbot.keyClick(field, Qt.Key.Key_B)
    qtbot.waitUntil(lambda: not toast.isVisible(), timeout=1000)


def test_a_new_offer_replaces_the_old_one(qtbot: QtBot) -> None:
    toast, _field = toast_in_window(qtbot)
    toast.offer("Deleted Ann Lee.")
    toast.offer("Deleted 3 contacts.")
    assert toast.label.text() == "Deleted 3 contacts." and toast.isVisible()
