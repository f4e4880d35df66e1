"""Resolve a sync conflict: this computer's version against Harvest's, field by field.

Nothing is preselected: a conflict is never resolved by a default the user did
not see. choices() is what Cache.resolve_conflict takes:
- a field conflict (kind 'fields'): {field: 'mine' | 'theirs'} for every conflicting field;
- a conflict about the whole record (kind 'deleted_on_server': edited here,
  deleted there; 'changed_on_server': deleted here, changed there; or any
  conflict without fields): the string 'mine' or 'theirs'.
It is None (or a partial dict) only while the user has not chosen yet, and
the dialog cannot be accepted in that state.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from addressbook.core import CONTACT_FIELD_LABELS
from addressbook.core.display import for_display
from addressbook.ui.plain_text import plain_label, plain_tooltip

MINE, THEIRS = "mine", "theirs"
SIDES = (MINE, THEIRS)
_MAX_SHOWN = 60

# kind -> (explanation, mine choice, theirs choice); "{name}" is the contact.
_WHOLE_RECORD = {
    "deleted_on_server": (
        "{name} was deleted on Harvest while you changed it on this computer.",
        "Keep mine: create it again on Harvest with my changes",
        "Keep theirs: accept the deletion and drop my changes",
    ),
    "changed_on_server": (
        "You deleted {name} on this computer, but someone changed it on Harvest.",
        "Keep mine: delete it anyway",
        "Keep theirs: keep the contact as it is on Harvest",
    ),
}
_UNKNOWN_WHOLE = (
    "{name} changed on this computer and on Harvest.",
    "Keep mine: this computer's version",
    "Keep theirs: the version on Harvest",
)


def display_value(value: Any, client_names: dict[int, str] | None = None) -> str:
    """The value as typed, safe to show (see for_display); '(empty)' for nothing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return "(empty)"
    if client_names is not None and isinstance(value, int) and value in client_names:
        return for_display(client_names[value])
    return for_display(str(value))


def _elided(text: str) -> str:
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


class ConflictDialog(QDialog):
    def __init__(
        self,
        conflict: Any,
        *,
        contact_name: str = "",
        client_names: dict[int, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self._name = for_display(contact_name) or f"Contact {conflict.contact_id}"
        self._client_names = client_names
        self.fields: dict[str, tuple[Any, Any]] = dict(getattr(conflict, "fields", None) or {})
        self.kind: str = getattr(conflict, "kind", None) or "fields"
        self.groups: dict[str, QButtonGroup] = {}
        self.radios: dict[tuple[str, str], QRadioButton] = {}
        self.setWindowTitle(f"Conflict: {self._name}")
        self._build()
        self._refresh()

    def is_whole_record(self) -> bool:
        return self.kind in _WHOLE_RECORD or not self.fields

    # -- building -----------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.explanation = plain_label()
        self.explanation.setWordWrap(True)
        layout.addWidget(self.explanation)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        if self.is_whole_record():
            self._build_whole_record(grid)
        else:
            self._build_fields(grid)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addStretch(1)
        layout.addWidget(self._build_buttons())
        self.setMinimumWidth(520)

    def _build_fields(self, grid: QGridLayout) -> None:
        self.explanation.setText(
            f"{self._name} was changed on this computer and on Harvest. "
            "For each field, choose the version to keep."
        )
        self.explanation.setAccessibleName(self.explanation.text())
        for column, text in enumerate(("Field", "Mine (this computer)", "Theirs (Harvest)")):
            header = plain_label(text)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        for row, (field, values) in enumerate(self.fields.items(), start=1):
            label = CONTACT_FIELD_LABELS.get(field, field)
            grid.addWidget(plain_label(label), row, 0)
            for column, (side, value) in enumerate(zip(SIDES, values, strict=True), start=1):
                text = display_value(value, self._client_names if field == "client_id" else None)
                # "&" would otherwise turn into a keyboard mnemonic.
                radio = self._add_radio(field, side, _elided(text).replace("&", "&&"))
                radio.setAccessibleName(f"{label}: keep {side}, {text}")
                radio.setToolTip(plain_tooltip(text))
                grid.addWidget(radio, row, column)

    def _build_whole_record(self, grid: QGridLayout) -> None:
        explanation, mine, theirs = _WHOLE_RECORD.get(self.kind, _UNKNOWN_WHOLE)
        changed = ", ".join(CONTACT_FIELD_LABELS.get(name, name).lower() for name in self.fields)
        whose = "Changed on Harvest" if self.kind == "changed_on_server" else "Your changes"
        extra = f" {whose}: {changed}." if changed else ""
        self.explanation.setText(explanation.format(name=self._name) + extra)
        self.explanation.setAccessibleName(self.explanation.text())
        for row, (side, text) in enumerate(((MINE, mine), (THEIRS, theirs))):
            radio = self._add_radio("", side, text)
            radio.setAccessibleName(text)
            grid.addWidget(radio, row, 0)

    def _add_radio(self, field: str, side: str, text: str) -> QRadioButton:
        group = self.groups.get(field)
        if group is None:
            group = self.groups[field] = QButtonGroup(self)
            group.buttonToggled.connect(self._refresh)
        radio = QRadioButton(text)
        group.addButton(radio)
        self.radios[(field, side)] = radio
        return radio

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox()
        # With one whole-record choice, "all" would be a strange word.
        everything = "" if self.is_whole_record() else "all "
        self.keep_all_mine_button = QPushButton(f"Keep {everything}&mine")
        self.keep_all_theirs_button = QPushButton(f"Keep {everything}&theirs")
        self.apply_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Apply)
        later = self.buttons.addButton("Decide &later", QDialogButtonBox.ButtonRole.RejectRole)
        for button in (self.keep_all_mine_button, self.keep_all_theirs_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        every = (self.keep_all_mine_button, self.keep_all_theirs_button, self.apply_button, later)
        for button in every:
            button.setAccessibleName(button.text().replace("&", ""))
        self.keep_all_mine_button.clicked.connect(lambda: self.keep_all(MINE))
        self.keep_all_theirs_button.clicked.connect(lambda: self.keep_all(THEIRS))
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        return self.buttons

    # -- choosing -----------------------------------------------------------------
    def set_choice(self, field: str, side: str) -> None:
        self.radios[(field, side)].setChecked(True)

    def keep_all(self, side: str) -> None:
        """Choose one side for everything and close: the one-click resolution."""
        for (_field, radio_side), radio in self.radios.items():
            if radio_side == side:
                radio.setChecked(True)
        self.accept()

    def _chosen(self) -> dict[str, str]:
        return {field: side for (field, side), radio in self.radios.items() if radio.isChecked()}

    def choices(self) -> dict[str, str] | str | None:
        chosen = self._chosen()
        if self.is_whole_record():
            return chosen.get("")
        return chosen

    def is_complete(self) -> bool:
        return len(self._chosen()) == len(self.groups)

    def _refresh(self) -> None:
        self.apply_button.setEnabled(self.is_complete())
        missing = len(self.groups) - len(self._chosen())
        self.apply_button.setToolTip(f"Choose a version for {missing} more" if missing else "")

    def accept(self) -> None:
        if self.is_complete():
            super().accept()
