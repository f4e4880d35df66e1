"""Phone numbers in mixed formats: pick the region and style, preview before → after,
apply the checked ones as one batch (one undo step). Notes are flagged, never rewritten.

Parsing costs ~50 µs a number, so the preview runs on the worker, over at most
PREVIEW_LIMIT numbers at a time (apply them, and the next ones come up).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import phonenumbers
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from addressbook.cleanup.phones import PhoneFix, Style, default_region
from addressbook.core.models import CONTACT_FIELD_LABELS, Contact
from addressbook.ui.cleanup.lists import ListPane

PREVIEW_LIMIT = 2000
NOT_A_NUMBER = "(not a number: left as typed)"


class PhoneTab(ListPane):
    preview_requested = Signal(object, str, str)  # [(Contact, field, value)], region, style
    apply_requested = Signal(object)  # list[PhoneFix] the user checked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Phone number preview",
            ("Contact", "Field", "Before", "After"),
            hint="Choose the region for numbers typed without +country, then Preview.",
            checkable=True,
            parent=parent,
        )
        self.region = QComboBox()
        self.region.setAccessibleName("Default region")
        for region in sorted(phonenumbers.SUPPORTED_REGIONS):
            self.region.addItem(region, region)
        self.region.setCurrentIndex(max(self.region.findData(system_region()), 0))
        self.style = QComboBox()
        self.style.setAccessibleName("Format")
        self.style.addItem("International (+44 20 7946 0018)", "international")
        self.style.addItem("National (020 7946 0018)", "national")
        self.preview_button = QPushButton("&Preview")
        self.preview_button.setAccessibleName("Preview phone numbers")
        self.preview_button.clicked.connect(self.request_preview)
        chooser = QHBoxLayout()
        for widget in (
            QLabel("Region:"),
            self.region,
            QLabel("Format:"),
            self.style,
            self.preview_button,
        ):
            chooser.addWidget(widget)
        chooser.addStretch(1)
        layout = self.layout()
        layout.insertLayout(1, chooser)  # type: ignore[attr-defined]
        self.apply_button = self.add_button("&Apply checked", "Apply checked phone numbers")
        self.apply_button.clicked.connect(self._apply)
        self.apply_button.setEnabled(False)
        self.finish_buttons()
        self._candidates: list[tuple[Contact, str, str]] = []

    @property
    def candidate_count(self) -> int:
        return len(self._candidates)

    def set_candidates(self, candidates: Sequence[tuple[Contact, str, str]]) -> None:
        """The scan's candidates for the chosen client; a fresh preview is needed."""
        self._candidates = list(candidates)
        self.hint.setText(
            f"{len(self._candidates):,} numbers may be in another format or are "
            "notes. Choose the region for numbers typed without +country, "
            "then Preview."
        )
        self.show_preview([])

    def request_preview(self) -> None:
        style: Style = self.style.currentData()
        self.preview_requested.emit(
            self._candidates[:PREVIEW_LIMIT], self.region.currentData(), style
        )

    def show_preview(self, fixes: Sequence[PhoneFix]) -> None:
        rows: list[tuple[Any, Sequence[str]]] = [
            (
                fix,
                (
                    fix.contact.full_name,
                    CONTACT_FIELD_LABELS[fix.field],
                    fix.before,
                    fix.after if fix.after is not None else NOT_A_NUMBER,
                ),
            )
            for fix in fixes
        ]
        self.set_rows(rows)
        for row, fix in enumerate(fixes):
            if fix.after is None:  # a note: shown, never applied
                self.model.set_checked(row, False)
        self.apply_button.setEnabled(bool(fixes))

    def _apply(self) -> None:
        chosen = [fix for fix in self.model.checked_objects() if fix.after is not None]
        if chosen:
            self.apply_requested.emit(chosen)
            self.show_preview([])


def system_region() -> str:
    """The region of the system locale ('GB' for en_GB), the default until the user picks."""
    return default_region(QLocale.system().name())
