"""What the table's place shows when there is nothing to list: a sentence and real buttons.

Signed out: Sign in… / Try the demo. No contacts yet: Add contact. An empty
client: Add contact. A search with no hits: Clear search. The message label's
accessible name is the sentence it shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from addressbook.core.display import for_display

SIGNED_OUT, NO_CONTACTS, EMPTY_CLIENT, NO_HITS, LOADING = (
    "signed_out",
    "no_contacts",
    "empty_client",
    "no_hits",
    "loading",
)
_BUTTONS = {
    SIGNED_OUT: ("sign_in", "demo"),
    NO_CONTACTS: ("add",),
    EMPTY_CLIENT: ("add",),
    NO_HITS: ("clear",),
    LOADING: (),
}


def empty_message(kind: str, query: str = "") -> str:
    if kind == SIGNED_OUT:
        return (
            "Sign in to your Harvest account to see your client contacts, "
            "or try the app with demo data."
        )
    if kind == LOADING:
        return "Downloading your contacts from Harvest…"
    if kind == NO_CONTACTS:
        return "No contacts yet."
    if kind == NO_HITS:
        return f"No contacts match “{for_display(query.strip())}”."
    return "This client has no contacts yet."


class EmptyState(QWidget):
    sign_in_clicked = Signal()
    demo_clicked = Signal()
    add_clicked = Signal()
    clear_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        self.message = QLabel(
            wordWrap=True,
            alignment=Qt.AlignmentFlag.AlignCenter,
            textFormat=Qt.TextFormat.PlainText,
        )
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = {
            "sign_in": self._button("&Sign in…", self.sign_in_clicked),
            "demo": self._button("Try the &demo", self.demo_clicked),
            "add": self._button("&Add contact", self.add_clicked),
            "clear": self._button("C&lear search", self.clear_clicked),
        }
        row = QHBoxLayout()
        row.addStretch(1)
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(24, 24, 24, 24)
        column.addStretch(1)
        column.addWidget(self.message)
        column.addSpacing(12)
        column.addLayout(row)
        column.addStretch(2)
        self.kind = ""

    def _button(self, text: str, clicked: Signal) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(clicked)
        button.hide()
        return button

    def show_state(self, kind: str, query: str = "") -> None:
        self.kind = kind
        text = empty_message(kind, query)
        self.message.setText(text)
        self.message.setAccessibleName(text)
        for name, button in self.buttons.items():
            button.setVisible(name in _BUTTONS[kind])

    def text(self) -> str:
        return self.message.text()

    def visible_buttons(self) -> list[QPushButton]:
        return [button for button in self.buttons.values() if not button.isHidden()]
