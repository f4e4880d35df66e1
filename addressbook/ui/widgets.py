"""Small helpers for Qt's own widgets."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit, QToolButton


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """A line edit's clear button is a nameless tool button (read as "button" or "×"):
    give it, and the action behind it, a name that says what it clears."""
    for action in edit.findChildren(QAction):
        action.setText(name)
        action.setToolTip(name)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)
