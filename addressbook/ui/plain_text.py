"""Text from users shown as typed: never read as markup, in labels and in tooltips.

Labels that show a value are set to plain text explicitly (Qt would otherwise guess
"rich text" from a "<b>" in a name and render "&amp;" as "&"). Tooltips always guess,
so text that could be taken for markup is escaped into an explicit rich-text tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from addressbook.core.display import for_display


def plain_tooltip(text: str) -> str:
    """A tooltip showing `text` literally (Qt would take "<b>x</b>" as markup).

    Text with no "<" or "&" cannot be taken for markup and is left as it is."""
    if "<" not in text and "&" not in text:
        return text
    import html  # html.entities costs ~2 ms: only when a tooltip needs it

    escaped = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<qt>{escaped}</qt>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` (made safe by for_display) exactly as typed."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(for_display(text))
    return label
