"""The contact card: who (avatar, name, "Title at Company"), its sync state, then the
groups Email, Phone and Work with an action beside each value.

Other parts of the app add their own groups below these with add_section(widget)
(the per-contact History does); they stay in the card's Tab order, in the order added.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from addressbook.core.display import for_display
from addressbook.index.rows import ContactRow

from .avatar import Avatar
from .section import CardSection
from .sync_state import SyncState, sync_state_of
from .text import plain_label

NAME_SCALE = 1.6
# (section title, [(field key, kind label, what it is in a sentence, actions)])
LAYOUT = (
    ("Email", [("email", "Work", "email address", ("write", "copy"))]),
    (
        "Phone",
        [
            ("phone_office", "Office", "office number", ("call", "copy")),
            ("phone_mobile", "Mobile", "mobile number", ("call", "copy")),
            ("fax", "Fax", "fax number", ("copy",)),
        ],
    ),
    (
        "Work",
        [("company", "Company", "company", ("copy",)), ("title", "Title", "title", ("copy",))],
    ),
)


def subtitle(title: str | None, company: str | None) -> str:
    """'Director of R&D at Bücher & Söhne GmbH', or whichever of the two there is."""
    title, company = (title or "").strip(), (company or "").strip()
    if title and company:
        return f"{title} at {company}"
    return title or company


class ContactCard(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()
    copied = Signal(str)  # what was put on the clipboard, in words ("Copied the email.")
    contact_shown = Signal(object)  # the ContactRow now on the card (added sections follow it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Contact card")
        self.row: ContactRow | None = None
        self._state = SyncState.SYNCED
        self.avatar = Avatar()
        self.name = self._name_label()
        self.subtitle = plain_label()
        self.subtitle.setWordWrap(True)
        self.subtitle.setAccessibleDescription("Title and company")
        self.sync_badge = QLabel()
        self.sync_text = plain_label()
        self.sync_text.setAccessibleDescription("Sync state")
        self.sync_text.setWordWrap(True)
        self.sections: dict[str, CardSection] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.setSpacing(14)
        self._layout.addLayout(self._header())
        for title, fields in LAYOUT:
            section = CardSection(title, self._act)
            for key, label, noun, actions in fields:
                section.add_row(key, label, noun, actions)
            self.sections[title] = section
            self._layout.addWidget(section)
        self._extra_at = self._layout.count()
        self._layout.addLayout(self._buttons())
        self._layout.addStretch(1)

    # -- building -------------------------------------------------------------------
    def _name_label(self) -> QLabel:
        name = plain_label()
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * NAME_SCALE)
        font.setBold(True)
        name.setFont(font)
        name.setWordWrap(True)
        name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        name.setAccessibleDescription("Name")
        return name

    def _header(self) -> QHBoxLayout:
        words = QVBoxLayout()
        words.setSpacing(4)
        words.addWidget(self.name)
        words.addWidget(self.subtitle)
        state = QHBoxLayout()
        state.setSpacing(6)
        state.addWidget(self.sync_badge)
        state.addWidget(self.sync_text, 1)
        words.addLayout(state)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(self.avatar, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(words, 1)
        return header

    def _buttons(self) -> QHBoxLayout:
        self.edit_button = QPushButton("&Edit…")
        self.edit_button.setAccessibleName("Edit…")
        self.edit_button.setAccessibleDescription("Edit this contact")
        self.edit_button.clicked.connect(self.edit_requested)
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete…")
        self.delete_button.setAccessibleDescription("Delete this contact")
        self.delete_button.clicked.connect(self.delete_requested)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        return row

    def add_section(self, widget: QWidget) -> None:
        """Append a group below the built-in ones (above Edit and Delete).

        The widget owns its content and visibility; the card only places it. To follow
        the selection, connect to contact_shown (it carries the ContactRow shown)."""
        self._layout.insertWidget(self._extra_at, widget)
        self._extra_at += 1

    # -- showing --------------------------------------------------------------------
    def show_contact(self, row: ContactRow, *, dirty: bool = False, conflict: bool = False) -> None:
        self.row = row
        contact = row.contact
        name = for_display(contact.full_name)
        self.name.setText(name)
        self.name.setAccessibleName(name)
        self.avatar.set_name(contact.full_name)
        line = for_display(subtitle(contact.title, row.company))
        self.subtitle.setText(line)
        self.subtitle.setAccessibleName(line)
        self.subtitle.setVisible(bool(line))
        values = {
            "email": contact.email,
            "phone_office": contact.phone_office,
            "phone_mobile": contact.phone_mobile,
            "fax": contact.fax,
            "company": row.company,
            "title": contact.title,
        }
        for section in self.sections.values():
            for key in section.rows:
                section.set_value(key, values[key])
        self._hide_undialable(contact.phone_office, contact.phone_mobile)
        self.set_sync_state(sync_state_of(dirty, conflict))
        self.contact_shown.emit(row)

    def _hide_undialable(self, office: str | None, mobile: str | None) -> None:
        from addressbook.ui.contact_actions import tel_url

        phones = self.sections["Phone"]
        for key, number in (("phone_office", office), ("phone_mobile", mobile)):
            if number and tel_url(number) is None:
                phones.hide_action(key, "call")

    def set_sync_state(self, state: SyncState) -> None:
        self._state = state
        self.sync_text.setText(state.words)
        self.sync_text.setAccessibleName(state.words)
        self.sync_badge.setPixmap(state.pixmap(self.sync_badge))
        self.sync_badge.setAccessibleName(state.name.capitalize())  # Synced, Changed, Conflict

    def sync_state(self) -> SyncState:
        return self._state

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self.set_sync_state(self._state)  # the badge follows dark mode
        super().changeEvent(event)

    # -- acting ---------------------------------------------------------------------
    def _act(self, key: str, action: str) -> None:
        if self.row is None:
            return
        value = self._value(key)
        if action == "copy":
            QGuiApplication.clipboard().setText(value)
            noun = self._section_of(key).rows[key].noun
            self.copied.emit(f"Copied the {noun} {value}.")
        elif action == "write":
            from addressbook.ui.contact_actions import mailto_url

            QDesktopServices.openUrl(QUrl(mailto_url([self.row]) or ""))
        elif action == "call":
            from addressbook.ui.contact_actions import tel_url

            QDesktopServices.openUrl(QUrl(tel_url(value) or ""))

    def _value(self, key: str) -> str:
        assert self.row is not None
        if key == "company":
            return self.row.company or ""
        return str(getattr(self.row.contact, key) or "")

    def _section_of(self, key: str) -> CardSection:
        return next(s for s in self.sections.values() if key in s.rows)
