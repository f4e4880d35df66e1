"""The widgets of the contact dialog: a client combo and one line edit per text field,
each with an inline message under it. No behaviour here beyond filling them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from addressbook.core import CONTACT_FIELD_LABELS, Client
from addressbook.core.search import fold
from addressbook.core.validation import PHONE_FIELDS
from addressbook.ui.widgets import name_clear_button

from .messages import InlineMessage

REQUIRED_FIELDS = ("client_id", "first_name", "last_name")
TEXT_FIELDS = ("first_name", "last_name", "title", "email", "phone_office", "phone_mobile", "fax")

_PLACEHOLDERS = {
    "first_name": "Required",
    "last_name": "Required",
    "email": "name@example.com",
    **{name: "As you would dial it; notes are fine" for name in PHONE_FIELDS},
}
# Keyboard mnemonics, unique within the dialog.
_MNEMONICS = {
    "client_id": "&Client",
    "first_name": "&First name",
    "last_name": "&Last name",
    "title": "&Title",
    "email": "&Email",
    "phone_office": "&Office phone",
    "phone_mobile": "&Mobile phone",
    "fax": "Fa&x",
}


@dataclass(frozen=True)
class FieldRow:
    name: str
    label: QLabel
    editor: QComboBox | QLineEdit
    message: InlineMessage


def client_choices(clients: list[Client], keep_client_id: int | None) -> list[Client]:
    """Active clients by name, plus the contact's own client when it is inactive,
    so editing an old contact never silently moves it to another client."""
    chosen = [client for client in clients if client.active or client.id == keep_client_id]
    return sorted(chosen, key=lambda client: (fold(client.name), client.name, client.id))


def fill_client_combo(combo: QComboBox, clients: list[Client]) -> None:
    for client in clients:
        text = client.name if client.active else f"{client.name} (inactive)"
        combo.addItem(text, client.id)
    combo.setPlaceholderText("Choose a client…" if clients else "No active clients")
    combo.setEnabled(bool(clients))
    combo.setCurrentIndex(-1)


def _make_editor(name: str) -> QComboBox | QLineEdit:
    if name == "client_id":
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(24)
        return combo
    edit = QLineEdit()
    edit.setPlaceholderText(_PLACEHOLDERS.get(name, ""))
    edit.setClearButtonEnabled(True)
    name_clear_button(edit, f"Clear {CONTACT_FIELD_LABELS[name]}")
    return edit


def build_rows(grid: QGridLayout) -> dict[str, FieldRow]:
    """One labelled row per editable field, in display (and tab) order, with its
    message on the grid row below (an empty grid row takes no space)."""
    rows = {}
    for index, name in enumerate(("client_id", *TEXT_FIELDS)):
        label_text = CONTACT_FIELD_LABELS[name]
        editor = _make_editor(name)
        editor.setAccessibleName(label_text)
        label = QLabel(_MNEMONICS[name] + (" *" if name in REQUIRED_FIELDS else ""))
        label.setBuddy(editor)
        message = InlineMessage(f"{label_text} problems")
        grid.addWidget(label, 2 * index, 0)
        grid.addWidget(editor, 2 * index, 1)
        grid.addWidget(message, 2 * index + 1, 1)
        rows[name] = FieldRow(name, label, editor, message)
    grid.setColumnStretch(1, 1)
    return rows


# An outline colour that reads as "error" on light and dark windows (contrast >= 3:1).
_ERROR_LIGHT, _ERROR_DARK = QColor("#b3261e"), QColor("#ff8a80")  # as the messages


def paint_outlines(surface: QWidget, editors: list[QWidget]) -> None:
    """Outline invalid fields, drawn by their parent around them: a style sheet on the
    field would stop it following the palette (dark mode)."""
    if not editors:
        return
    dark = surface.palette().color(QPalette.ColorRole.Window).lightness() < 128
    painter = QPainter(surface)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(_ERROR_DARK if dark else _ERROR_LIGHT, 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for editor in editors:
        if editor.isVisible():
            top_left = editor.mapTo(surface, editor.rect().topLeft())
            rect = editor.rect().translated(top_left).adjusted(-2, -2, 2, 2)
            painter.drawRoundedRect(rect, 4, 4)
    painter.end()
