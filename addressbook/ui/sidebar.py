"""The client sidebar: picks which client's contacts the table shows."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Signal
from PySide6.QtGui import QAccessible, QAccessibleStateChangeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from addressbook.ui.models.sidebar_model import (
    CLIENT_ID_ROLE,
    COLUMN_COUNT,
    COLUMN_LABEL,
    KIND_GROUP,
    NODE_KIND_ROLE,
    ClientSidebarModel,
)


class ClientSidebar(QTreeView):
    client_selected = Signal(object)  # client id, or None for "All contacts"

    def __init__(self, model: ClientSidebarModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setAccessibleName("Clients")
        self.setAccessibleDescription("Choose a client to show only its contacts")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setTabKeyNavigation(False)
        self.setAllColumnsShowFocus(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COLUMN_LABEL, QHeaderView.ResizeMode.Stretch)
        # A fixed width: ResizeToContents would ask every row for its text on each keystroke.
        header.setSectionResizeMode(COLUMN_COUNT, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(COLUMN_COUNT, self.fontMetrics().horizontalAdvance("0000000") + 8)
        self._selected: int | None = None
        self._inactive_shown = True
        self.selectionModel().currentChanged.connect(self._current_changed)
        model.modelReset.connect(self._restore_selection)
        model.modelReset.connect(self._apply_inactive_shown)
        self.expanded.connect(lambda index: self._tell_expanded(index, True))
        self.collapsed.connect(lambda index: self._tell_expanded(index, False))

    def set_inactive_shown(self, shown: bool) -> None:
        """View › Inactive clients: the group is there or not (its contacts stay under All)."""
        self._inactive_shown = shown
        self._apply_inactive_shown()

    def _apply_inactive_shown(self) -> None:
        group = self._model.group_index()
        if group.isValid():
            self.setRowHidden(group.row(), QModelIndex(), not self._inactive_shown)

    def _tell_expanded(self, index: QModelIndex, expanded: bool) -> None:
        """Qt's tree says nothing to assistive technology when a group opens or closes."""
        tree = QAccessible.queryAccessibleInterface(self)
        if tree is None:
            return
        name = index.data()
        for child in range(tree.childCount()):
            item = tree.child(child)
            if item is not None and item.text(QAccessible.Text.Name) == name:
                state = QAccessible.State()
                state.expanded = state.collapsed = True  # the bits that changed
                event = QAccessibleStateChangeEvent(self, state)
                event.setChild(child)
                QAccessible.updateAccessibility(event)
                return

    def selected_client_id(self) -> int | None:
        return self._selected

    def select_client(self, client_id: int | None) -> None:
        index = self._model.index_of_client(client_id)
        if not index.isValid():
            index = self._model.index(0, COLUMN_LABEL)
        if index.parent().isValid():
            self.expand(index.parent())
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.selectionModel().setCurrentIndex(index, flags)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        if current.data(NODE_KIND_ROLE) == KIND_GROUP:
            self.setExpanded(current, True)
            return
        client_id = current.data(CLIENT_ID_ROLE)
        if client_id != self._selected:
            self._selected = client_id
            self.client_selected.emit(client_id)

    def _restore_selection(self) -> None:
        # New clients arrived (a sync): keep the user's choice if it still exists.
        wanted = self._selected
        if wanted is not None and not self._model.index_of_client(wanted).isValid():
            wanted = None
        self._selected = wanted
        self.select_client(wanted)
        if wanted is None:
            self.client_selected.emit(None)
