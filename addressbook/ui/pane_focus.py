"""Moving between the window's panes by keyboard: F6 / Shift+F6 cycle, Ctrl+1/2/3 jump.

The panes are the sidebar, the search field, the contact list and the card, in
the Tab order too. A pane that cannot take focus now (the card with nothing
selected, the list while it is empty) is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def first_focusable(pane: QWidget) -> QWidget | None:
    """The pane itself when it takes Tab focus, else its first child in the focus chain."""
    if _takes_focus(pane):
        return pane
    widget = pane.nextInFocusChain()
    while widget is not None and widget is not pane:
        if pane.isAncestorOf(widget) and _takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
        if widget is pane.nextInFocusChain():
            break
    return None


def _takes_focus(widget: QWidget) -> bool:
    policy = widget.focusPolicy()
    return widget.isVisible() and widget.isEnabled() and bool(policy & Qt.FocusPolicy.TabFocus)


def focus_pane(pane: QWidget) -> bool:
    target = first_focusable(pane)
    if target is None:
        return False
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    return True


class PaneCycle:
    """F6 order over the panes, found afresh each time (the card is built late)."""

    def __init__(self, panes: Callable[[], Sequence[QWidget]]) -> None:
        self._panes = panes

    def current(self, focused: QWidget | None) -> int:
        for index, pane in enumerate(self._panes()):
            if focused is not None and (focused is pane or pane.isAncestorOf(focused)):
                return index
        return -1

    def move(self, focused: QWidget | None, step: int) -> None:
        panes = list(self._panes())
        start = self.current(focused)
        for offset in range(1, len(panes) + 1):
            index = (start + step * offset) % len(panes)
            if focus_pane(panes[index]):
                return
