"""The selected contact, read-only, with click-to-mail and click-to-call links."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from addressbook.index.rows import ContactRow

_FIELDS = (
    ("company", "Company"),
    ("title", "Title"),
    ("email", "Email"),
    ("phone_office", "Office"),
    ("phone_mobile", "Mobile"),
    ("fax", "Fax"),
    ("status", "Sync"),
)


class DetailsPanel(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Contact details")
        self.heading = QLabel()
        self.heading.setAccessibleName("Contact name")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.values: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label in _FIELDS:
            value = QLabel(wordWrap=True)
            value.setAccessibleName(label)
            value.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextBrowserInteraction
            )
            value.setOpenExternalLinks(True)
            # A long address must not widen the panel: it is clipped, the tooltip has it all.
            value.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            self.values[key] = value
            form.addRow(f"{label}:", value)
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setAccessibleName("Edit contact")
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete contact")
        self.delete_button.clicked.connect(self.delete_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self._details = QWidget()
        details_layout = QVBoxLayout(self._details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addLayout(form)
        details_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self._details)
        layout.addStretch(1)
        self.show_rows([])

    def show_rows(self, rows: list[ContactRow], *, dirty: bool = False,
                  conflict: bool = False) -> None:
        if len(rows) != 1:
            self.heading.setText(f"{len(rows)} contacts selected" if rows else
                                 "Select a contact to see the details.")
            self._details.setVisible(False)
            return
        self._details.setVisible(True)
        row = rows[0]
        contact = row.contact
        self.heading.setText(contact.full_name)
        texts = {
            "company": _plain(row.company),
            "title": _plain(contact.title),
            "email": _link(f"mailto:{contact.email}", contact.email) if contact.email else "",
            "phone_office": _phone(contact.phone_office),
            "phone_mobile": _phone(contact.phone_mobile),
            "fax": _plain(contact.fax),
            "status": _status(dirty, conflict),
        }
        plain = {"email": contact.email, "phone_office": contact.phone_office,
                 "phone_mobile": contact.phone_mobile}
        for key, text in texts.items():
            self.values[key].setText(text or "—")
            self.values[key].setToolTip(plain.get(key) or "")


def _escape(text: str) -> str:
    import html  # html.entities takes 2 ms to import; needed once a contact is selected

    return html.escape(text, quote=True)


def _plain(text: str | None) -> str:
    return _escape(text or "")


def _link(url: str, text: str) -> str:
    return f'<a href="{_escape(url)}">{_escape(text)}</a>'


def _phone(number: str | None) -> str:
    from addressbook.ui.contact_actions import tel_url  # only once a contact is selected

    url = tel_url(number)
    if not number:
        return ""
    return _link(url, number) if url else _plain(number)


def _status(dirty: bool, conflict: bool) -> str:
    if conflict:
        return "Conflict: changed here and in Harvest — resolve it from Unsynced changes"
    if dirty:
        return "Changed here, not yet sent to Harvest"
    return "Up to date with the last sync"
