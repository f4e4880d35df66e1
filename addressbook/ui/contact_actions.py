"""What the context menu does with selected contacts: mail, call, copy.

Formatting is separate from Qt so it reads (and tests) as plain functions;
only open_url and copy_text touch Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from addressbook.core.models import CONTACT_FIELD_LABELS
from addressbook.index.rows import ContactRow

_TEXT_FIELDS = ("title", "email", "phone_office", "phone_mobile", "fax")


def contact_as_text(row: ContactRow) -> str:
    """A contact as a few labelled lines, for pasting into a mail or a note."""
    contact = row.contact
    lines = [contact.full_name]
    if row.company:
        lines.append(f"Company: {row.company}")
    for name in _TEXT_FIELDS:
        value = getattr(contact, name)
        if value:
            lines.append(f"{CONTACT_FIELD_LABELS[name]}: {value}")
    return "\n".join(lines)


def contacts_as_text(rows: Sequence[ContactRow]) -> str:
    return "\n\n".join(contact_as_text(row) for row in rows)


def emails(rows: Sequence[ContactRow]) -> list[str]:
    return [row.contact.email for row in rows if row.contact.email]


def mailto_url(rows: Sequence[ContactRow]) -> str | None:
    addresses = emails(rows)
    if not addresses:
        return None
    return "mailto:" + ",".join(quote(address, safe="@+.") for address in addresses)


def phones(rows: Sequence[ContactRow]) -> list[str]:
    """Every phone number of the rows: office first, then mobile."""
    found = []
    for row in rows:
        for number in (row.contact.phone_office, row.contact.phone_mobile):
            if number:
                found.append(number)
    return found


def tel_url(number: str | None) -> str | None:
    """tel: with the dialable characters only; None when nothing dialable is left."""
    if not number:
        return None
    dialable = "".join(ch for ch in number if ch.isdigit() or ch in "+*#")
    return f"tel:{dialable}" if any(ch.isdigit() for ch in dialable) else None


def open_url(url: str) -> bool:
    return QDesktopServices.openUrl(QUrl(url))


def copy_text(text: str) -> None:
    QGuiApplication.clipboard().setText(text)
