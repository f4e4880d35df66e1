"""The right-hand pane: the selected contact's card, or what to do when none is selected.

The window calls show_rows() with the selection; the card (addressbook/ui/card/)
does the showing. add_section(widget) appends a group to the card (History).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from addressbook.index.rows import ContactRow
from addressbook.ui.card import ContactCard

NOTHING_SELECTED = "Select a contact to see the details."


class DetailsPanel(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()
    copied = Signal(str)  # "Copied the email ann@acme.example." (for the status bar)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Contact details")
        self.card = ContactCard()
        self.card.edit_requested.connect(self.edit_requested)
        self.card.delete_requested.connect(self.delete_requested)
        self.card.copied.connect(self.copied)  # the window shows (and so says) it
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.card)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAccessibleName("Contact card")  # it takes focus, to scroll by keys
        self.placeholder = QLabel(NOTHING_SELECTED)
        self.placeholder.setTextFormat(Qt.TextFormat.PlainText)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMargin(24)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.scroll)
        self.show_rows([])

    @property
    def heading(self) -> QLabel:
        """The contact's name (or the placeholder when no single contact is selected)."""
        return self.card.name if self.scroll.isVisibleTo(self) else self.placeholder

    def add_section(self, widget: QWidget) -> None:
        """Append a group (e.g. the contact's History) to the card; see ContactCard."""
        self.card.add_section(widget)

    def show_rows(
        self, rows: list[ContactRow], *, dirty: bool = False, conflict: bool = False
    ) -> None:
        if len(rows) != 1:
            text = f"{len(rows)} contacts selected" if rows else NOTHING_SELECTED
            self.placeholder.setText(text)
            self.placeholder.setAccessibleName(text)
            self.placeholder.setVisible(True)
            self.scroll.setVisible(False)
            return
        self.placeholder.setVisible(False)
        self.scroll.setVisible(True)
        self.card.show_contact(rows[0], dirty=dirty, conflict=conflict)
