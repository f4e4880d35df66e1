"""One labelled sign-in field with its message under it, speaking its state on itself.

A screen reader hears a field's name, then its description: so the description
carries "Required." and, once there is one, the error text. The message under
the field shows the same words for sighted users; neither flickers while the
user types (a message only changes when the user leaves the field, asks to
sign in, or the app answers).
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QToolButton

from .messages import InlineMessage, Level


class SignInField:
    def __init__(
        self, grid: QGridLayout, row: int, text: str, placeholder: str = "", *, secret: bool = False
    ) -> None:
        self.label_text = text.replace("&", "")
        self.edit = QLineEdit()
        self.edit.setAccessibleName(self.label_text)
        self.edit.setPlaceholderText(placeholder)
        self.label = QLabel(text)
        self.label.setBuddy(self.edit)
        self.message = InlineMessage(f"{self.label_text} problems")
        grid.addWidget(self.label, 2 * row, 0)
        grid.addWidget(self.edit, 2 * row, 1)
        grid.addWidget(self.message, 2 * row + 1, 1)
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            self._add_reveal_action()
        else:
            self.edit.setClearButtonEnabled(True)
            self._name_inner_buttons(f"Clear {self.label_text}")
        self.error = ""
        self._describe()

    def _add_reveal_action(self) -> None:
        action = QAction(f"Show {self.label_text.lower()}", self.edit)
        action.setCheckable(True)
        action.setIcon(
            self.edit.style().standardIcon(
                self.edit.style().StandardPixmap.SP_FileDialogContentsView
            )
        )
        action.toggled.connect(self._reveal)
        self.edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)
        self.reveal_action = action
        self._name_inner_buttons(action.text())

    def _reveal(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.edit.setEchoMode(mode)
        verb = "Hide" if shown else "Show"
        self.reveal_action.setText(f"{verb} {self.label_text.lower()}")
        self._name_inner_buttons(self.reveal_action.text())

    def _name_inner_buttons(self, name: str) -> None:
        """The buttons Qt puts inside a line edit have no name of their own."""
        for button in self.edit.findChildren(QToolButton):
            button.setAccessibleName(name)
            button.setToolTip(name)

    def text(self) -> str:
        return self.edit.text()

    def set_error(self, text: str, level: Level = Level.ERROR) -> None:
        self.error = text if level == Level.ERROR else ""
        if text:
            self.message.show_message(text, level)
        else:
            self.message.clear_message()
        self._describe(text)

    def _describe(self, text: str = "") -> None:
        state = f"Invalid: {text}" if self.error else text
        self.edit.setAccessibleDescription(" ".join(part for part in ("Required.", state) if part))

    def set_visible(self, visible: bool) -> None:
        for widget in (self.label, self.edit):
            widget.setVisible(visible)
        self.message.setVisible(visible and bool(self.message.text()))
