"""Merge likely duplicates: which contact stays, and for each field which value wins.

Every distinct value of every field is offered (nothing is dropped without the
user seeing it); the default keeps the first contact's values and fills its
empty fields from the others. The preview line says what will be queued.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from addressbook.cleanup.merge import MergePlan, default_values, options, plan
from addressbook.core.display import for_display
from addressbook.core.models import CONTACT_FIELD_LABELS, EDITABLE_CONTACT_FIELDS, Contact


class MergeDialog(QDialog):
    def __init__(
        self,
        group: Sequence[Contact],
        client_names: Mapping[int, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge contacts")
        self.setAccessibleName("Merge contacts")
        self._group = list(group)
        self._client_names = dict(client_names)
        self._options = options(self._group)
        self.keep = QComboBox()
        self.keep.setAccessibleName("Contact to keep")
        for contact in self._group:
            self.keep.addItem(self._describe(contact), contact.id)
        self.keep.currentIndexChanged.connect(self._keep_changed)
        self._choices: dict[str, QButtonGroup] = {}
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName("What the merge will do")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("&Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Keep:"))
        layout.addWidget(self.keep)
        layout.addWidget(self._grid_host)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self._build_choices()

    def _describe(self, contact: Contact) -> str:
        where = self._client_names.get(contact.client_id, "")
        return for_display(f"{contact.full_name} ({where}, {contact.email or 'no email'})")

    def _text(self, name: str, value: Any) -> str:
        if value in (None, ""):
            return "(empty)"
        if name == "client_id":
            return for_display(self._client_names.get(value, str(value)))
        return for_display(str(value))

    def _build_choices(self) -> None:
        defaults = default_values(self.kept(), self._group)
        for row, name in enumerate(EDITABLE_CONTACT_FIELDS):
            values = self._options[name]
            self._grid.addWidget(QLabel(CONTACT_FIELD_LABELS[name] + ":"), row, 0)
            group = QButtonGroup(self)
            for column, value in enumerate(values, start=1):
                button = QRadioButton(self._text(name, value))
                button.setAccessibleName(f"{CONTACT_FIELD_LABELS[name]}: {self._text(name, value)}")
                button.setEnabled(len(values) > 1)
                button.setChecked(value == defaults[name])
                button.toggled.connect(self._update_summary)
                group.addButton(button, column - 1)
                self._grid.addWidget(button, row, column)
            self._choices[name] = group
        self._update_summary()

    def _keep_changed(self) -> None:
        defaults = default_values(self.kept(), self._group)
        for name, group in self._choices.items():
            wanted = self._options[name].index(defaults[name])
            button = group.button(wanted)
            if button is not None:
                button.setChecked(True)
        self._update_summary()

    def kept(self) -> Contact:
        return self._group[max(self.keep.currentIndex(), 0)]

    def chosen(self) -> dict[str, Any]:
        """The value picked for each field."""
        return {
            name: self._options[name][max(group.checkedId(), 0)]
            for name, group in self._choices.items()
        }

    def plan(self) -> MergePlan:
        return plan(self.kept(), self._group, self.chosen())

    def _update_summary(self) -> None:
        merged = self.plan()
        changed = ", ".join(CONTACT_FIELD_LABELS[n].lower() for n in merged.changes) or "nothing"
        others = len(merged.others)
        self.summary.setText(
            f"{for_display(merged.keep.full_name)} is kept ({changed} changed); "
            f"{others} other contact{'s' if others != 1 else ''} will be deleted "
            "and can be restored from the Trash. One Undo takes it all back."
        )
