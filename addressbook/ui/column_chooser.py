"""Which columns the contacts table shows: defaults that fit, a chooser, remembered.

The chooser is one QMenu of checkable column names, offered both on the
header's context menu and under View › Columns. Hidden sections, widths and
order are the header's own state, saved in the settings at each change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHeaderView, QMenu, QWidget

from addressbook.index.rows import COLUMN_COUNT, COLUMN_NAME, COLUMN_TITLES, DEFAULT_COLUMNS
from addressbook.settings import Settings, WindowState

# Widths at 1x: Name, Title, Company, Email, Phone, Office, Mobile, Fax. The four default
# columns fill the ~680 px a 1240 px window leaves between the sidebar and the card.
DEFAULT_WIDTHS = (170, 140, 160, 200, 110, 130, 130, 110)
_MNEMONICS = ("&Name", "&Title", "&Company", "&Email", "&Phone", "&Office", "&Mobile", "Fa&x")


class ColumnChooser:
    def __init__(self, header: QHeaderView, settings: Settings, parent: QWidget) -> None:
        self.header, self.settings = header, settings
        self.menu = QMenu("&Columns", parent)
        self.menu.setAccessibleName("Columns")
        self.actions: list[QAction] = []
        for column in range(COLUMN_COUNT):
            action = self.menu.addAction(_MNEMONICS[column])
            action.setCheckable(True)
            action.setEnabled(column != COLUMN_NAME)  # a row needs its name
            action.toggled.connect(lambda shown, column=column: self.set_shown(column, shown))
            self.actions.append(action)
        self.menu.aboutToShow.connect(self._sync_checks)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._popup)

    def apply_defaults(self) -> None:
        for column in range(COLUMN_COUNT):
            self.header.resizeSection(column, DEFAULT_WIDTHS[column])
            self.header.setSectionHidden(column, column not in DEFAULT_COLUMNS)

    def restore(self) -> None:
        state = self.settings.get(WindowState.TABLE_COLUMNS)
        if state.isEmpty() or not self.header.restoreState(state):
            self.apply_defaults()
        self.header.setSectionHidden(COLUMN_NAME, False)

    def save(self) -> None:
        self.settings.set(WindowState.TABLE_COLUMNS, self.header.saveState())

    def shown(self) -> list[str]:
        """Titles of the visible columns, left to right."""
        logical = (self.header.logicalIndex(visual) for visual in range(COLUMN_COUNT))
        return [COLUMN_TITLES[c] for c in logical if not self.header.isSectionHidden(c)]

    def set_shown(self, column: int, shown: bool) -> None:
        if column == COLUMN_NAME or self.header.isSectionHidden(column) != shown:
            return
        self.header.setSectionHidden(column, not shown)
        if shown and self.header.sectionSize(column) < 40:
            self.header.resizeSection(column, DEFAULT_WIDTHS[column])
        self.save()

    def _sync_checks(self) -> None:
        for column, action in enumerate(self.actions):
            action.blockSignals(True)
            action.setChecked(not self.header.isSectionHidden(column))
            action.blockSignals(False)

    def _popup(self, position: QPoint) -> None:
        self.menu.popup(self.header.mapToGlobal(position))
