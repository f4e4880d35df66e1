"""The right-hand side: search field, contacts table (or an empty state), context menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from addressbook.index.rows import COLUMN_NAME, ContactRow
from addressbook.ui.models.contacts_model import ContactsTableModel

_DEFAULT_WIDTHS = (170, 130, 170, 230, 130, 130, 110)
_TABLE_PAGE, _EMPTY_PAGE = 0, 1


class ContactsTable(QTableView):
    """The table: Enter edits, double-click edits, sorting via the model."""

    activated_row = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            if self.selectionModel().hasSelection():
                self.activated_row.emit()
            return
        super().keyPressEvent(event)


class ContactsView(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()
    selection_changed = Signal()

    def __init__(self, model: ContactsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = self._build_search()
        self.table = self._build_table(model)
        self.empty_state = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setAccessibleName("No contacts to show")
        self.empty_state.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty_state.setMargin(24)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self._stack, 1)
        self._signed_in = False
        model.rows_changed.connect(self.refresh_empty_state)
        model.modelReset.connect(self.selection_changed)

    def _build_search(self) -> QLineEdit:
        search = QLineEdit()
        search.setPlaceholderText("Search names, companies, emails, phone numbers…  (Ctrl+F)")
        search.setClearButtonEnabled(True)
        search.setAccessibleName("Search contacts")
        search.setAccessibleDescription("Filters as you type; Esc clears; Down moves to the list")
        search.textChanged.connect(self.model.set_search)
        search.installEventFilter(self)
        return search

    def _build_table(self, model: ContactsTableModel) -> ContactsTable:
        table = ContactsTable()
        table.setModel(model)
        table.setAccessibleName("Contacts")
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(COLUMN_NAME, Qt.SortOrder.AscendingOrder)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # Interactive widths (remembered), never ResizeToContents: it measures every row.
        header = table.horizontalHeader()
        header.setAccessibleName("Contact columns: click to sort, drag to reorder")
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        for column, width in enumerate(_DEFAULT_WIDTHS):
            table.setColumnWidth(column, width)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show_context_menu)
        table.doubleClicked.connect(lambda _index: self.edit_requested.emit())
        table.activated_row.connect(self.edit_requested)
        table.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit())
        return table

    # -- keyboard -------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.focus_table()
                return True
        return super().eventFilter(watched, event)

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.select_row(0)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, COLUMN_NAME)
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_contacts(self, contact_ids: list[int], current: int | None = None) -> None:
        """Select rows by contact id (after the rows were replaced)."""
        selection = self.table.selectionModel()
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        # One selection, one selectionChanged: row by row costs a signal (and a merge
        # with the rows selected so far) per row.
        selection.select(self._selection_of(self.model.rows_of(contact_ids)), flags)
        current_row = self.model.row_of(current) if current is not None else None
        if current_row is not None:
            index = self.model.index(current_row, COLUMN_NAME)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)

    def _selection_of(self, rows: list[int]) -> QItemSelection:
        """Ascending rows as one range per run of consecutive rows."""
        selection = QItemSelection()
        model, start = self.model, 0
        for end in range(1, len(rows) + 1):
            if end == len(rows) or rows[end] != rows[end - 1] + 1:
                selection.select(model.index(rows[start], COLUMN_NAME),
                                 model.index(rows[end - 1], COLUMN_NAME))
                start = end
        return selection

    # -- selection --------------------------------------------------------------------
    def selected_rows(self) -> list[ContactRow]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(row) for row in rows]

    def current_row(self) -> ContactRow | None:
        index = self.table.currentIndex()
        selected = self.selected_rows()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.row_at(index.row())
        return selected[0] if selected else None

    # -- empty state ------------------------------------------------------------------
    def set_signed_in(self, signed_in: bool) -> None:
        self._signed_in = signed_in
        self.refresh_empty_state()

    def refresh_empty_state(self) -> None:
        message = self._empty_message()
        self.empty_state.setText(message)
        self._stack.setCurrentIndex(_EMPTY_PAGE if message else _TABLE_PAGE)

    def _empty_message(self) -> str:
        model = self.model
        if model.rowCount():
            return ""
        if model.total_count() == 0:
            if not self._signed_in:
                return ("Sign in to your Harvest account to see your client contacts.\n\n"
                        "Use File › Sign in…, or try the demo.")
            return ("No contacts yet.\n\nPress Ctrl+N to add one, or F5 to fetch "
                    "the contacts from Harvest.")
        if model.searching:
            return (f"No contacts match “{self.search.text().strip()}”.\n\n"
                    "Press Esc to clear the search.")
        return "This client has no contacts.\n\nPress Ctrl+N to add one."

    # -- context menu -----------------------------------------------------------------
    def _show_context_menu(self, position: QPoint) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        menu = self.build_context_menu(rows)
        menu.popup(self.table.viewport().mapToGlobal(position))

    def build_context_menu(self, rows: list[ContactRow]) -> QMenu:
        from addressbook.ui import contact_actions  # QUrl and QDesktopServices: not at start-up

        menu = QMenu(self)
        menu.setAccessibleName("Contact actions")
        single = rows[0].contact if len(rows) == 1 else None
        mailto = contact_actions.mailto_url(rows)
        self._add(menu, "&Email", mailto is not None,
                  lambda: contact_actions.open_url(mailto or ""))
        office = contact_actions.tel_url(single.phone_office if single else None)
        mobile = contact_actions.tel_url(single.phone_mobile if single else None)
        self._add(menu, "Call &office", office is not None,
                  lambda: contact_actions.open_url(office or ""))
        self._add(menu, "Call &mobile", mobile is not None,
                  lambda: contact_actions.open_url(mobile or ""))
        menu.addSeparator()
        addresses, numbers = contact_actions.emails(rows), contact_actions.phones(rows)
        self._add(menu, "Copy e&mail", bool(addresses),
                  lambda: contact_actions.copy_text("\n".join(addresses)))
        self._add(menu, "Copy &phone", bool(numbers),
                  lambda: contact_actions.copy_text("\n".join(numbers)))
        self._add(menu, "&Copy contact as text", True,
                  lambda: contact_actions.copy_text(contact_actions.contacts_as_text(rows)))
        menu.addSeparator()
        self._add(menu, "&Edit…", len(rows) == 1, self.edit_requested.emit, QKeySequence("Return"))
        self._add(menu, "&Delete…", True, self.delete_requested.emit,
                  QKeySequence(QKeySequence.StandardKey.Delete))
        return menu

    @staticmethod
    def _add(menu: QMenu, text: str, enabled: bool, handler: Callable[[], object],
             shortcut: QKeySequence | None = None) -> QAction:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: handler())
        return action
