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
    QLineEdit,
    QMenu,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from addressbook.index.rows import COLUMN_NAME, ContactRow
from addressbook.ui.empty_state import (
    EMPTY_CLIENT,
    LOADING,
    NO_CONTACTS,
    NO_HITS,
    SIGNED_OUT,
    EmptyState,
)
from addressbook.ui.models.contacts_model import ContactsTableModel
from addressbook.ui.widgets import name_clear_button

_TABLE_PAGE, _EMPTY_PAGE = 0, 1


class ContactsTable(QTableView):
    """The table: Enter edits, double-click edits, sorting via the model. Tab leaves it
    (arrows move inside), and Shift+F10 opens the context menu as the Menu key does."""

    activated_row = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key, modifiers = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not modifiers:
            if self.selectionModel().hasSelection():
                self.activated_row.emit()
            return
        if key == Qt.Key.Key_F10 and modifiers == Qt.KeyboardModifier.ShiftModifier:
            self.customContextMenuRequested.emit(self.visualRect(self.currentIndex()).center())
            return
        super().keyPressEvent(event)


class ContactsView(QWidget):
    edit_requested = Signal()
    delete_requested = Signal()
    selection_changed = Signal()
    sign_in_requested = Signal()
    demo_requested = Signal()
    new_requested = Signal()
    search_counted = Signal(str)  # "12 contacts found", said after a search settles

    def __init__(self, model: ContactsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.search = self._build_search()
        self.table = self._build_table(model)
        self.empty_state = self._build_empty_state()
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self._stack, 1)
        self._signed_in = False
        self._syncing = False
        model.rows_changed.connect(self.refresh_empty_state)
        model.modelReset.connect(self.selection_changed)

    def _build_search(self) -> QLineEdit:
        search = QLineEdit()
        search.setPlaceholderText("Search names, companies, emails, phone numbers…  (Ctrl+F)")
        search.setClearButtonEnabled(True)
        search.setAccessibleName("Search contacts")
        search.setAccessibleDescription("Filters as you type; Esc clears; Down moves to the list")
        search.textChanged.connect(self._search_changed)
        search.installEventFilter(self)
        name_clear_button(search, "Clear search")
        return search

    def _build_empty_state(self) -> EmptyState:
        empty = EmptyState()
        empty.sign_in_clicked.connect(self.sign_in_requested)
        empty.demo_clicked.connect(self.demo_requested)
        empty.add_clicked.connect(self.new_requested)
        empty.clear_clicked.connect(self._clear_search)
        return empty

    def _clear_search(self) -> None:
        self.search.clear()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _search_changed(self, text: str) -> None:
        """Filter as typed; the selected contacts stay selected while they are hits."""
        with KeepSelection(self):
            self.model.set_search(text)

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
        table.setTabKeyNavigation(False)  # Tab moves on to the card; arrows move inside
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        # Interactive widths (remembered), never ResizeToContents: it measures every row.
        header = table.horizontalHeader()
        header.setAccessibleName("Contact columns")
        header.setAccessibleDescription(
            "Click to sort, drag to reorder, right-click to choose columns"
        )
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
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
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index)

    def select_contacts(self, contact_ids: list[int], current: int | None = None) -> None:
        """Select rows by contact id (after the rows were replaced)."""
        selection = self.table.selectionModel()
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        # One selection, one selectionChanged: row by row costs a signal (and a merge
        # with the rows selected so far) per row.
        selection.select(self._selection_of(self.model.rows_of(contact_ids)), flags)
        current_row = self.model.row_of(current) if current is not None else None
        if current_row is not None:
            index = self.model.index(current_row, COLUMN_NAME)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.table.scrollTo(index)

    def select_after_removing(self, contact_ids: list[int]) -> None:
        """Before these contacts go: select the row after them (or before, at the end), so
        the keyboard user carries on from where they were."""
        rows = self.model.rows_of(contact_ids)
        if not rows:
            return
        gone = set(rows)
        after = (row for row in range(rows[-1] + 1, self.model.rowCount()) if row not in gone)
        before = (row for row in range(rows[0] - 1, -1, -1) if row not in gone)
        row = next(after, next(before, None))
        if row is None:
            self.table.clearSelection()
            return
        keep = self.model.row_at(row).id
        self.select_contacts([keep], keep)

    def _selection_of(self, rows: list[int]) -> QItemSelection:
        """Ascending rows as one range per run of consecutive rows."""
        selection = QItemSelection()
        model, start = self.model, 0
        for end in range(1, len(rows) + 1):
            if end == len(rows) or rows[end] != rows[end - 1] + 1:
                selection.select(
                    model.index(rows[start], COLUMN_NAME), model.index(rows[end - 1], COLUMN_NAME)
                )
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
    @property
    def signed_in(self) -> bool:
        return self._signed_in

    def set_signed_in(self, signed_in: bool) -> None:
        self._signed_in = signed_in
        self.search.setEnabled(signed_in or self.model.total_count() > 0)
        self.refresh_empty_state()

    def set_syncing(self, running: bool) -> None:
        """The first download is running: the empty list says so, not "No contacts yet"."""
        self._syncing = running
        self.refresh_empty_state()

    def refresh_empty_state(self) -> None:
        kind = self._empty_kind()
        if kind:
            self.empty_state.show_state(kind, self.search.text())
        self.search.setEnabled(self._signed_in or self.model.total_count() > 0)
        self._stack.setCurrentIndex(_EMPTY_PAGE if kind else _TABLE_PAGE)
        if self.model.searching:
            self.search_counted.emit(self._hits_sentence())

    def _empty_kind(self) -> str:
        model = self.model
        if model.rowCount():
            return ""
        if model.total_count() == 0:
            if not self._signed_in:
                return SIGNED_OUT
            return LOADING if self._syncing else NO_CONTACTS
        return NO_HITS if model.searching else EMPTY_CLIENT

    def _hits_sentence(self) -> str:
        count = self.model.rowCount()
        if count == 0:
            return self.empty_state.text()
        return f"{count:,} contact{'s' if count != 1 else ''} found"

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
        self._add(
            menu, "&Write email", mailto is not None, lambda: contact_actions.open_url(mailto or "")
        )
        office = contact_actions.tel_url(single.phone_office if single else None)
        mobile = contact_actions.tel_url(single.phone_mobile if single else None)
        self._add(
            menu, "Call &office", office is not None, lambda: contact_actions.open_url(office or "")
        )
        self._add(
            menu, "Call &mobile", mobile is not None, lambda: contact_actions.open_url(mobile or "")
        )
        menu.addSeparator()
        addresses, numbers = contact_actions.emails(rows), contact_actions.phones(rows)
        self._add(
            menu,
            "Copy &email",
            bool(addresses),
            lambda: contact_actions.copy_text("\n".join(addresses)),
        )
        self._add(
            menu,
            "Copy &phone",
            bool(numbers),
            lambda: contact_actions.copy_text("\n".join(numbers)),
        )
        self._add(
            menu,
            "&Copy as text",
            True,
            lambda: contact_actions.copy_text(contact_actions.contacts_as_text(rows)),
        )
        menu.addSeparator()
        self._add(menu, "Ed&it…", len(rows) == 1, self.edit_requested.emit, QKeySequence("Return"))
        self._add(
            menu,
            "&Delete",
            True,
            self.delete_requested.emit,
            QKeySequence(QKeySequence.StandardKey.Delete),
        )
        return menu

    @staticmethod
    def _add(
        menu: QMenu,
        text: str,
        enabled: bool,
        handler: Callable[[], object],
        shortcut: QKeySequence | None = None,
    ) -> QAction:
        action = menu.addAction(text)
        action.setEnabled(enabled)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: handler())
        return action


class KeepSelection:
    """Re-selects the same contacts (by id) after the model's rows are replaced; those no
    longer shown (not a hit, deleted) simply drop out of the selection."""

    def __init__(self, view: ContactsView) -> None:
        self.view = view

    def __enter__(self) -> None:
        rows = self.view.selected_rows()
        current = self.view.current_row()
        self.ids = [row.id for row in rows]
        self.current = current.id if current is not None else None

    def __exit__(self, *_: object) -> None:
        if self.ids:
            self.view.select_contacts(self.ids, self.current)
