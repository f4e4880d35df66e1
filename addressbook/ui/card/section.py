"""A group of the card (Email; Phone; Work): a heading over rows of kind, value, actions.

Each field: the kind ("Work", "Mobile") small on the left with its buttons (Write,
Call, Copy) on the right, and under them the value (plain text, elided, selectable). A row
without a value is hidden, and a section without one visible row is hidden too:
empty values are left out, not shown as "—".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from .text import ElidedLabel, plain_label, plain_tooltip

CORNER_RADIUS = 8  # logical pixels, as GNOME Contacts' boxes
# action -> (visible text, accessible name pattern); "{value}" is the field's value.
ACTIONS = {
    "write": ("Write", "Write to {value}"),
    "call": ("Call", "Call {value}"),
    "copy": ("Copy", "Copy {noun}"),
}


@dataclass
class FieldRow:
    key: str
    noun: str  # "office number": what the field is, in a sentence
    label: QLabel
    value: ElidedLabel
    buttons: dict[str, QToolButton] = field(default_factory=dict)

    def widgets(self) -> list[QWidget]:
        return [self.label, self.value, *self.buttons.values()]


class CardSection(QFrame):
    """A titled, rounded box of rows; on_action(key, action) is told which button was
    pressed ("email", "write")."""

    def __init__(
        self, title: str, on_action: Callable[[str, str], None], parent: QWidget | None = None
    ) -> None:
        self._repainting = True  # no palette work until built
        super().__init__(parent)
        self.setObjectName(f"card_section_{title.lower()}")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # painted rounded (paintEvent)
        self._repainting = False
        self._paint_background()
        self._on_action = on_action
        self.title = plain_label(title)
        self.title.setAccessibleName(title)
        heading = QFont(self.title.font())
        heading.setBold(True)
        self.title.setFont(heading)
        self.rows: dict[str, FieldRow] = {}
        self._grid = QGridLayout()
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 10)
        layout.addWidget(self.title)
        layout.addLayout(self._grid)

    def _paint_background(self) -> None:
        from addressbook.ui.palette import card_palette

        if self._repainting:
            return
        self._repainting = True  # setPalette sends a PaletteChange of its own
        parent = self.parentWidget()
        self.setPalette(card_palette(parent.palette() if parent else self.palette()))
        self._repainting = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(self.palette().brush(QPalette.ColorRole.Base))
        painter.drawRoundedRect(
            QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), CORNER_RADIUS, CORNER_RADIUS
        )
        painter.end()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() in (QEvent.Type.ParentChange, QEvent.Type.PaletteChange):
            self._paint_background()  # dark mode switched: the groups follow
        super().changeEvent(event)

    def add_row(self, key: str, label: str, noun: str, actions: tuple[str, ...]) -> FieldRow:
        kind = plain_label(label)
        kind.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # 5.4:1 or more (palette)
        value = ElidedLabel(description=label)
        kind.setBuddy(value)
        small = QFont(kind.font())
        small.setPointSizeF(small.pointSizeF() * 0.9)
        kind.setFont(small)
        row = FieldRow(key, noun, kind, value)
        # The kind and the buttons on one line, the value under them across the whole box:
        # a narrow pane still shows a long address in full.
        line = self._grid.rowCount()
        bottom_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom
        self._grid.addWidget(kind, line, 0, bottom_left)
        self._grid.addWidget(value, line + 1, 0, 1, 2 + len(actions))
        for column, action in enumerate(actions, start=2):
            button = QToolButton()
            button.setText(ACTIONS[action][0])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.clicked.connect(lambda _checked=False, k=key, a=action: self._on_action(k, a))
            self._grid.addWidget(button, line, column)
            row.buttons[action] = button
        self.rows[key] = row
        return row

    def set_value(self, key: str, value: str | None) -> None:
        row = self.rows[key]
        row.value.set_full_text(value)
        shown = row.value.full_text()
        label = row.label.text()
        for action, button in row.buttons.items():
            name = ACTIONS[action][1].format(value=shown, noun=row.noun)
            button.setAccessibleName(name)
            button.setAccessibleDescription(label)
            button.setToolTip(plain_tooltip(name))
        for widget in row.widgets():
            widget.setVisible(bool(shown))
        self.setVisible(any(r.value.full_text() for r in self.rows.values()))

    def hide_action(self, key: str, action: str) -> None:
        """A phone field holding a note ("ask Jenny") has nothing to call: no Call button."""
        self.rows[key].buttons[action].setVisible(False)
